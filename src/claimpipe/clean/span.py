"""Position: the story as the stretch of blocks with the highest total quality, and its edges moved
over prose before it, end markers, a closing list and short closing sentences."""

from __future__ import annotations

import re

from .units import Unit


def _unit_score(u: Unit) -> float:
    """A block's weight in the search for the story: prose counts for, everything else against."""
    if u.reason == "image caption":
        return -2.0  # a photo's caption sits among the story's paragraphs: no edge of the story
    if u.kind == "boilerplate":
        return -5.0 - min(u.n_words, 40)
    if u.quality == "good":
        return float(min(u.n_words, 150))
    if _LIST_ITEM.match(u.text):
        return 0.5  # a numbered or bulleted item: lists are stories too ("Top 100 ...")
    if u.headline:
        return -2.0
    if u.quality == "near":
        return 0.5 * u.n_words - 1
    return -1.0 - 0.25 * min(u.n_words, 20)


def story_span(units: list[Unit], forced: set[int]) -> tuple[int, int]:
    """The stretch of blocks with the highest total score (Kadane's maximum subarray)."""
    scores = [_unit_score(u) if i not in forced else max(5.0, _unit_score(u)) for i, u in enumerate(units)]
    best, best_span = 0.0, (0, 0)
    run, run_start = 0.0, 0
    for i, score in enumerate(scores):
        if run <= 0:
            run, run_start = score, i
        else:
            run += score
        if run > best:
            best, best_span = run, (run_start, i + 1)
    if best <= 0:
        # nothing reads as prose: a short note or a list; keep what is not explicit boilerplate
        candidates = [i for i, u in enumerate(units) if u.kind != "boilerplate"]
        return (candidates[0], candidates[-1] + 1) if candidates else (0, 0)
    return best_span


# Reasons that announce the end of an article: what follows them is rarely story.
_END_MARKERS = {"related stories", "comment prompt", "end of article marker", "tag list", "copyright line",
                "author bio"}


def cut_at_end_marker(units: list[Unit], start: int, end: int) -> int:
    """End the story at the first block that ends the article, after 50 words of story or more:

    - a "Related" or "Comments" marker, unless the story resumes right after it. A "Related" box in the
      middle of an article is followed, within a few lines, by more paragraphs of the story; a list of
      teasers or a comment thread is not (one teaser sentence per headline, a comment between "X says:"
      lines);
    - the page's copyright notice among footer chrome (two or more of the four blocks before it are
      boilerplate or short lines): it is the bottom of the page, and what a scraper gives after it (a
      hidden menu, a pop-up, another page's text in a modal) is not the story, however long it runs.
    """
    words_before = 0
    for i in range(start, end):
        u = units[i]
        if words_before >= 50 and (_ends_with_marker(units, i, end, words_before)
                                   or _page_copyright(units, i, start)):
            return i
        if not u.kind and u.quality == "good":
            words_before += u.n_words
    return end


def _ends_with_marker(units: list[Unit], i: int, end: int, words_before: int) -> bool:
    u = units[i]
    if u.kind != "boilerplate" or u.reason not in _END_MARKERS or _resumes(units, i, end):
        return False
    tail = units[i + 1:end]
    after = sum(v.n_words for v in tail if not v.kind and v.quality == "good")
    n_good = sum(1 for v in tail if not v.kind and v.quality == "good")
    n_chrome = sum(1 for v in tail if v.kind == "boilerplate")
    # ... and little prose follows, or what follows is mostly chrome
    return after < 0.35 * words_before or (n_chrome >= n_good and after < words_before)


# The page's own copyright notice: a year after the sign, or "All rights reserved" ("© 2020 Example
# News", "Copyright 2020 X. All Rights Reserved."); "© Getty Images" under a photo is not one.
_PAGE_COPYRIGHT = re.compile(r"all rights reserved|(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:19|20)\d\d", re.I)


def _page_copyright(units: list[Unit], i: int, start: int) -> bool:
    u = units[i]
    return (u.kind == "boilerplate" and u.reason == "copyright line" and bool(_PAGE_COPYRIGHT.search(u.text))
            and sum(1 for v in units[max(start, i - 4):i] if _chrome(v)) >= 2)


def _chrome(u: Unit) -> bool:
    """Boilerplate already, or a short line that is no sentence (a footer link, a menu item)."""
    return u.kind == "boilerplate" or (not u.kind and u.quality == "short" and not u.terminal)


def _resumes(units: list[Unit], i: int, end: int) -> bool:
    j = next((k for k in range(i + 1, min(end, i + 9)) if not units[k].kind and units[k].quality == "good"), None)
    if j is None:
        return False
    k, words = j, 0
    while k < end and not units[k].kind and units[k].quality in ("good", "near") and not units[k].headline:
        words += units[k].n_words
        k += 1
    if not (words >= 60 or (k - j >= 2 and words >= 40)):
        return False
    # a long comment also reads as prose; another comment header right after it gives it away
    return not any(units[m].reason == "comment prompt" for m in range(k, min(end, k + 3)))


_LIST_ITEM = re.compile(r"(?:[-*•·–—▪►]|\d{1,3}[.)])\s")


def extend_over_list(units: list[Unit], end: int) -> int:
    """Carry the story over a list or table that follows its last paragraph (results, a line-up)."""
    j = end
    last = end
    while j < len(units):
        u = units[j]
        if u.kind == "boilerplate" and u.reason in _SKIPPABLE:
            j += 1  # an advertisement inside the list
            continue
        if u.kind or u.quality == "good" or u.n_words > (80 if _data_item(u) else 25):
            break
        j += 1
        last = j
    j = last
    items = [u for u in units[end:j] if not u.kind]
    if len(items) < 2:
        return end
    intro = units[end - 1].text.rstrip().endswith(":") if end > 0 else False
    return j if intro or data_list(items) else end


# Chrome that may sit between a story's opening paragraphs and the rest: skipped when looking back.
_BETWEEN_PARAGRAPHS = {"byline", "date line", "author avatar", "reading time", "advertisement", "image credit",
                       "image caption", "share bar"}


def extend_back_over_prose(units: list[Unit], start: int) -> int:
    """Start the story at the earliest body paragraph that leads up to it: a block of prose (good
    quality, a full sentence, 15 words or more) is never a page header, even when a byline, a share bar
    or an advertisement separates it from the rest of the story."""
    j = start - 1
    while j >= 0:
        u = units[j]
        if u.kind == "boilerplate" and u.reason in _BETWEEN_PARAGRAPHS:
            j -= 1
            continue
        if u.kind or u.quality != "good" or not u.terminal or u.n_words < 15:
            break
        start = j
        j -= 1
    return start


def extend_over_sentences(units: list[Unit], end: int) -> int:
    """A story often ends on a short sentence ("The trial continues."): carry the story over it, and
    over the end of a sentence that its last block leaves open ("... from the book entitled" /
    "Beautiful Code, OReilly.")."""
    for _ in range(2):
        if end < len(units) and not units[end].kind and (_short_sentence(units[end]) or _finishes(units, end)):
            end += 1
    return end


def _short_sentence(u: Unit) -> bool:
    return u.terminal and u.n_words >= 3 and u.stop_density > 0 and not u.headline and "\n" not in u.text


_OPEN_WORD = re.compile(r"[a-z][a-z'’-]*$")


def _finishes(units: list[Unit], end: int) -> bool:
    """Does block `end` finish a sentence that the story's last block breaks off mid-way (on a lower-case
    word, no punctuation), in a dozen words or fewer?"""
    if end == 0 or units[end - 1].kind:
        return False
    last = units[end - 1].text.rstrip()
    return bool(_OPEN_WORD.search(last)) and units[end].terminal and units[end].n_words <= 12


_SKIPPABLE = {"advertisement", "image credit"}
_VERSUS = re.compile(r"\s(?:v|vs\.?|-|–)\s")


def data_list(items: list[Unit]) -> bool:
    """Most items carry numbers, brackets, bullets or "A v B": a table or a list of results. A label
    over its value counts as data with it ("Carbohydrates:" / "31 g": a node-per-line scraper splits a
    table row or a nutrition panel so)."""
    data = [_data_item(u) for u in items]
    labels = [k for k in range(len(items) - 1) if _FIELD_LABEL.fullmatch(items[k].text) and data[k + 1]]
    return sum(data) + len(labels) >= 0.6 * len(items)


# the name of a field on a line of its own: one to three words and a colon ("Saturated Fat:")
_FIELD_LABEL = re.compile(r"[^\W\d_]+(?:[ -][^\W\d_]+){0,2}:")


def list_item(u: Unit) -> bool:
    """A bulleted or numbered item, or a fixture ("Arsenal v West Ham"): a line of a list."""
    return bool(_LIST_ITEM.match(u.text) or _VERSUS.search(u.text))


def _data_item(u: Unit) -> bool:
    text = u.text
    return bool(_LIST_ITEM.match(text) or any(ch.isdigit() for ch in text) or "(" in text or "," in text
                or _VERSUS.search(text))
