"""The labelling passes: local rules, then position and neighbours, over an article's blocks."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from ..records import Article
from ..settings import Settings
from .patterns import (BIO, HONORIFICS, NOTE, READ_TIME, looks_like_name, match_byline, match_date, match_embed,
                       match_lexicon, nav_line, NAV_WORDS)
from .repetition import RepeatIndex, site_group
from .text import KEPT_KINDS, WORD, ends_open, ends_sentence, normalise, pick_stop_words, stop_words
from .units import Unit, measure_unit


def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    phrases = tuple(p for p in phrases if p and p.strip())
    if not phrases:
        return None
    return _compiled_phrases(phrases)


@lru_cache(maxsize=32)
def _compiled_phrases(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(normalise(p)) for p in sorted(phrases, key=len, reverse=True)))


def label_units(units: list[Unit], article: Article, settings: Settings, repeats: RepeatIndex | None,
           meta: dict[int, dict[str, str]]) -> None:
    if not units:
        return
    html = article.format == "html"
    forced = _local_rules(units, article, settings, repeats, meta)
    _mark_name_lines(units, article, forced)
    if html:  # plain text has its menus found by position, once the page shows it was scraped
        _mark_nav_runs(units, forced)
    title_i = _find_title(units, article, html)
    _mark_duplicates(units, article, title_i, forced)

    if html:
        # trafilatura already chose the main text: only explicit boilerplate goes
        for u in units:
            if not u.kind:
                u.kind, u.reason = ("heading", "heading (Markdown)") if u.md_heading else ("paragraph", "main text")
        _find_subtitle(units, title_i, len(units))
        _mark_headings(units, 0, len(units), marked_only=True)
        _mark_bios(units, 0, len(units), forced)
        return

    start, end = _story_span(units, forced)
    start = _extend_back_over_prose(units, start)
    end = _cut_at_end_marker(units, start, end)
    end = _extend_over_list(units, end)
    end = _extend_over_sentences(units, end)
    # Dropping a block for its position alone needs evidence that the text is a scraped page:
    # a clean article (no call to action, no byline) keeps its opening and closing lines.
    evidence = sum(1 for u in units if u.kind == "boilerplate" and u.reason not in ("date line", "repeated block"))
    scraped = evidence >= 2
    if not scraped:
        start, end = 0, len(units)
    _find_subtitle(units, title_i, start)
    for i in range(start, end):
        if not units[i].kind:
            units[i].kind, units[i].reason = "paragraph", "story text"
    if scraped:
        _mark_teasers(units, start, end, forced)
        _mark_menus(units, start, end, forced)
        _mark_boxes(units, start, end, forced)
    if scraped:
        _mark_related_boxes(units, start, end, forced)
    _mark_headings(units, start, end, links=scraped)
    _mark_bios(units, start, end, forced, last=5 if scraped else 2)
    for i, u in enumerate(units):
        if i in forced:
            if u.kind not in KEPT_KINDS:
                u.kind, u.reason = "paragraph", "keep phrase"
        elif not u.kind:
            u.kind = "boilerplate"
            u.reason = "before the story (page header)" if i < start else "after the story (page footer)"


def _local_rules(units: list[Unit], article: Article, settings: Settings, repeats: RepeatIndex | None,
                 meta: dict[int, dict[str, str]]) -> set[int]:
    """Rules that look at one block alone. Returns the blocks a keep phrase protects."""
    site_drop = _phrase_pattern(settings.boilerplate_phrases)
    site_keep = _phrase_pattern(settings.keep_phrases)
    forced: set[int] = set()
    stops = pick_stop_words(article.text)
    for i, u in enumerate(units):
        measure_unit(u, stops)
        if site_keep is not None and site_keep.search(u.norm):
            forced.add(i)
            continue
        if site_drop is not None and (m := site_drop.search(u.norm)):
            u.kind, u.reason = "boilerplate", f"site phrase \"{m.group(0)}\""
            continue
        if NOTE.match(u.text):
            u.kind, u.reason = "note", "correction or editor's note (kept: part of the record)"
            continue
        if reason := match_embed(u.text):
            u.kind, u.reason = "boilerplate", reason
            continue
        if byline := match_byline(u.text):
            u.kind, u.reason = "boilerplate", byline[0]
            meta[i]["author"] = byline[1]
            continue
        if (date := match_date(u.text)) is not None:
            u.kind, u.reason = "boilerplate", "date line"
            meta[i]["published"] = date
            continue
        if READ_TIME.fullmatch(u.norm):
            u.kind, u.reason = "boilerplate", "reading time"
            continue
        if reason := match_lexicon(u.norm, u.n_words):
            u.kind, u.reason = "boilerplate", reason
            continue
        if _link_list(u.text):
            u.kind, u.reason = "boilerplate", "menu or tag list"
            continue
        if "\n" not in u.text and nav_line(u.text):
            u.kind, u.reason = "boilerplate", "site navigation (a line of section names)"
            continue
        if repeats is not None:
            n, total = repeats.count(site_group(article), u.text)
            if n >= max(2, settings.repeat_min_docs) and total and n / total >= settings.repeat_min_share:
                u.kind, u.reason = "boilerplate", f"repeated on {n} of {total} pages from this source"
    return forced


_LIST_SEP = re.compile(r"\s+[/|·•»>]\s+|\s*[|·•»]\s*(?=\S)")


def _link_list(text: str) -> bool:
    """Three or more short items between separators: "Comics / economics / happy mutants"."""
    if len(text) > 300 or "\n" in text or ends_sentence(text):
        return False
    items = [t for t in _LIST_SEP.split(text) if t.strip()]
    if len(items) < 3 or any(len(t.split()) > 4 for t in items):
        return False
    numeric = sum(1 for t in items if any(ch.isdigit() for ch in t))
    return numeric < 0.5 * len(items)  # a table row ("Arsenal | 3 | 1") is data


def _mark_nav_runs(units: list[Unit], forced: set[int]) -> None:
    """Three or more short lines in a row, mostly site-section names ("World", "UK", "Have Your Say"):
    a navigation column, as a table layout leaves it even in an extractor's main text."""
    i = 0
    while i < len(units):
        j = i
        while j < len(units) and _nav_item(units[j]) and j not in forced:
            j += 1
        words = [w.casefold() for u in units[i:j] for w in re.findall(r"[^\W\d_]+", u.text)]
        if j - i >= 3 and sum(w in NAV_WORDS for w in words) >= 0.5 * len(words):
            for u in units[i:j]:
                u.kind, u.reason = "boilerplate", "site navigation (a run of section names)"
        i = max(j, i + 1)


def _nav_item(u: Unit) -> bool:
    return (not u.kind or u.reason.startswith("site navigation")) and 1 <= u.n_words <= 4 and "\n" not in u.text \
        and not u.terminal and not u.md_heading


def _name_line(u: Unit) -> bool:
    """A line that is only a person's name, or several ("Ibtisam Mahdi, Ruwaida Kamal Amer")."""
    if u.kind or u.terminal or not (2 <= u.n_words <= 12) or any(ch.isdigit() for ch in u.text) or "\n" in u.text:
        return False
    if u.stop_density > 0.2:
        return False
    names = [n for n in re.split(r"\s*(?:,|&|\band\b)\s*", u.text.strip()) if n]
    return all(1 < len(n.split()) <= 4 and looks_like_name(n) for n in names)


def _mark_name_lines(units: list[Unit], article: Article, forced: set[int]) -> None:
    """A bare name next to a byline, a date or the known author is a byline too."""
    author = normalise(article.author) if article.author else None
    found = []
    for i, u in enumerate(units):
        if i in forced or not _name_line(u):
            continue
        near = [units[j] for j in (i - 1, i + 1) if 0 <= j < len(units)]
        if (author and u.norm == author) or any(n.reason in ("byline", "date line", "author avatar", "reading time")
                                                for n in near):
            found.append(u)
    for u in found:  # marked afterwards, so that one name line does not vouch for the next
        u.kind, u.reason = "boilerplate", "byline"


def _mark_duplicates(units: list[Unit], article: Article, title_i: int | None, forced: set[int]) -> None:
    """Exact duplicates within the article: the repeated title, a pull quote, a second share bar."""
    titles = {units[title_i].norm} if title_i is not None else set()
    if title_i is not None and article.title and normalise(article.title):
        titles.add(normalise(article.title))
    seen: set[str] = set()
    for i, u in enumerate(units):
        if not u.norm or i == title_i or i in forced:
            continue
        if titles and (u.norm in titles or any(len(u.norm) >= 12 and _same_headline(u.norm, t) for t in titles)):
            u.kind, u.reason = "boilerplate", "repeated title"
        elif u.norm in seen:
            if not u.kind and u.n_words >= 4:
                u.kind, u.reason = "boilerplate", "repeated block"
        else:
            seen.add(u.norm)


def _unit_score(u: Unit) -> float:
    """A block's weight in the search for the story: prose counts for, everything else against."""
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


def _story_span(units: list[Unit], forced: set[int]) -> tuple[int, int]:
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


def _cut_at_end_marker(units: list[Unit], start: int, end: int) -> int:
    """End the story at a "Related" or "Comments" marker unless the story resumes right after it.

    A "Related" box in the middle of an article is followed, within a few lines, by more
    paragraphs of the story; a list of teasers or a comment thread is not (one teaser sentence
    per headline, a comment between "X says:" lines).
    """
    words_before = 0
    for i in range(start, end):
        u = units[i]
        if u.kind == "boilerplate" and u.reason in _END_MARKERS and words_before >= 50 and not _resumes(units, i, end):
            tail = units[i + 1:end]
            after = sum(v.n_words for v in tail if not v.kind and v.quality == "good")
            n_good = sum(1 for v in tail if not v.kind and v.quality == "good")
            n_chrome = sum(1 for v in tail if v.kind == "boilerplate")
            # ... and little prose follows, or what follows is mostly chrome
            if after < 0.35 * words_before or (n_chrome >= n_good and after < words_before):
                return i
        if not u.kind and u.quality == "good":
            words_before += u.n_words
    return end


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


def _extend_over_list(units: list[Unit], end: int) -> int:
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
    return j if intro or _data_list(items) else end


# Chrome that may sit between a story's opening paragraphs and the rest: skipped when looking back.
_BETWEEN_PARAGRAPHS = {"byline", "date line", "author avatar", "reading time", "advertisement", "image credit",
                       "share bar"}


def _extend_back_over_prose(units: list[Unit], start: int) -> int:
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


def _extend_over_sentences(units: list[Unit], end: int) -> int:
    """A story often ends on a short sentence ("The trial continues."): carry the story over it."""
    for _ in range(2):
        if end < len(units) and not units[end].kind and units[end].terminal and units[end].n_words >= 3 \
                and units[end].stop_density > 0 and not units[end].headline and "\n" not in units[end].text:
            end += 1
    return end


_SKIPPABLE = {"advertisement", "image credit"}
_VERSUS = re.compile(r"\s(?:v|vs\.?|-|–)\s")


def _data_list(items: list[Unit]) -> bool:
    """Most items carry numbers, brackets, bullets or "A v B": a table or a list of results."""
    return sum(1 for u in items if _data_item(u)) >= 0.6 * len(items)


def _data_item(u: Unit) -> bool:
    text = u.text
    return bool(_LIST_ITEM.match(text) or any(ch.isdigit() for ch in text) or "(" in text or "," in text
                or _VERSUS.search(text))


def _headline_shape(u: Unit) -> bool:
    first = next((ch for ch in u.text if ch.isalnum()), "")
    if not first or first.islower():
        return False
    return (not u.kind and 3 <= u.n_words <= 30 and len(u.text) <= 250 and "\n" not in u.text
            and not u.text.rstrip().endswith((".", ",", ";", ":")) and not ends_open(u.text.rstrip()))


def _find_title(units: list[Unit], article: Article, html: bool) -> int | None:
    """Mark the title block: the article's known title, else the likeliest headline before the story."""
    if article.title and (want := normalise(article.title)):
        for i, u in enumerate(units):
            if u.kind:
                continue
            if u.norm == want or (len(u.norm) >= 12 and _same_headline(u.norm, want)):
                u.kind, u.reason = "title", "title (matches the article's metadata)"
                return i
    if html:
        return None
    first_body = next((i for i, u in enumerate(units) if not u.kind and u.quality == "good"), len(units))
    candidates = [i for i in range(first_body) if _headline_shape(units[i])]
    if not candidates:
        if _first_line_headline(units):
            units[0].kind, units[0].reason = "title", "title (the first line, a headline)"
            return 0
        return None
    counts: dict[str, int] = defaultdict(int)
    for i in range(first_body):
        counts[units[i].norm] += 1
    best_i, best = None, float("-inf")
    for rank, i in enumerate(reversed(candidates)):
        u = units[i]
        score = -0.75 * rank  # the story follows its title closely
        if counts[u.norm] > 1:
            score += 2.0
        window = [v for v in units[i + 1:i + 5]]
        if any(v.reason in ("byline", "date line", "author avatar", "reading time") for v in window):
            score += 2.0
        if u.headline:
            score += 1.0
        if 5 <= u.n_words <= 20:
            score += 0.5
        if score > best:
            best_i, best = i, score
    # the first occurrence of a duplicated headline is the title block
    chosen = next(i for i in range(first_body) if units[i].norm == units[best_i].norm and not units[i].kind)
    units[chosen].kind, units[chosen].reason = "title", "title (headline before the story)"
    return chosen


# A dateline opening the story: "HEMPSTEAD, N.Y., Sept. 26 (UPI) — ", "WASHINGTON (AP) -- ".
_DATELINE = re.compile(r"[A-Z][A-Z .,'’-]{2,40}(?:,[^—–(\n]{0,40})?\s*(?:\([A-Za-z .]{2,20}\))?\s*(?:—|–|--?)\s")
# Words of a news lead that a headline leaves out (headlines drop "said", auxiliaries and the copula).
_LEAD_WORDS = re.compile(r"\b(?:said|says|told|according to|has|have|had|was|were|is|are|will|would)\b", re.I)


def _first_line_headline(units: list[Unit]) -> bool:
    """The file's first line is its headline (a PolNeAR or BBC-style text file): one line of 4 to 25
    words, shorter than the block after it, and a headline by its shape: most longer words capitalised
    ("Stealth Over Health: Hillary Clinton Was Headed to ER"), the next block opening on a dateline,
    or short, without a lead's verbs, commas or numbers ("Bill Clinton calls Obamacare 'crazy system'").
    On 2,225 BBC articles given without their title, 28 first paragraphs (1.3%) are taken for one."""
    if len(units) < 2 or units[0].kind or units[1].kind == "title":
        return False
    first, nxt = units[0], units[1]
    text = first.text.strip()
    if "\n" in text or not 4 <= first.n_words <= 25 or len(text) > 200 or nxt.n_words <= first.n_words:
        return False
    long_words = [w for w in WORD.findall(text) if len(w) >= 4 and w[0].isalpha()]
    if len(long_words) >= 2 and sum(w[0].isupper() for w in long_words) >= 0.85 * len(long_words):
        return True
    if _DATELINE.match(nxt.text):
        return True
    return first.n_words <= 15 and not _LEAD_WORDS.search(text) and not re.search(r"[,()\d]", text)


def _same_headline(a: str, b: str) -> bool:
    """One headline is the other plus a site suffix or prefix ("Title | Site", "Site - Title")."""
    short, long_ = sorted((a, b), key=len)
    if not long_.startswith(short) and not long_.endswith(short):
        return False
    rest = long_.replace(short, "", 1).strip()
    return not rest or rest[0] in "|-:·•" or rest[-1] in "|-:·•"


def _find_subtitle(units: list[Unit], title_i: int | None, limit: int) -> None:
    """The standfirst: a headline-length line after the title (and its repeats), before the body."""
    if title_i is None:
        return
    i = title_i + 1
    # skip past repeats of the title and the metadata around them
    last = max((j for j in range(title_i + 1, min(len(units), title_i + 12)) if units[j].reason == "repeated title"),
               default=title_i)
    for i in range(last + 1, len(units)):
        u = units[i]
        if u.kind == "boilerplate":
            continue
        if u.kind not in ("", "paragraph") or u.n_words < 5 or u.md_heading or "\n" in u.text:
            return
        nxt = next((units[j] for j in range(i + 1, len(units)) if units[j].kind != "boilerplate"
                    or units[j].reason in ("byline", "author avatar", "date line")), None)
        followed_by_byline = nxt is not None and nxt.kind == "boilerplate"
        unpunctuated = not u.terminal and u.n_words >= 7
        if i < limit and (followed_by_byline or unpunctuated or u.quality != "good"):
            u.kind, u.reason = "subtitle", "subtitle (standfirst under the title)"
        elif i == limit and unpunctuated and u.n_words <= 40:
            u.kind, u.reason = "subtitle", "subtitle (standfirst under the title)"
        return


def _heading_shape(u: Unit) -> bool:
    if u.md_heading:
        return True
    text = u.text.rstrip()
    if "\n" in text or not (1 <= u.n_words <= 20) or len(text) > 160:
        return False
    if text.endswith((".", ",", ";", ":")) and not text.endswith("..."):
        return False
    first = next((ch for ch in text if ch.isalnum()), "")
    return bool(first) and (first.isupper() or first.isdigit() or not first.isalpha())


def _mark_headings(units: list[Unit], start: int, end: int, *, links: bool = False, marked_only: bool = False) -> None:
    """Inside the story, a short line that introduces body text is a section heading.

    With `links`, a long headline that shares no word with the text around it is taken for a link
    to another story instead (only on scraped pages, where such links are common). With
    `marked_only`, only Markdown headings count (trafilatura's text marks every heading it saw).
    """
    for i in range(start, end):
        u = units[i]
        if u.kind != "paragraph" or not _heading_shape(u):
            continue
        if u.md_heading:
            u.kind, u.reason = "heading", "heading (Markdown)"
            continue
        if marked_only or u.terminal and u.quality == "good":
            continue
        nxt = next((units[j] for j in range(i + 1, end) if units[j].kind != "boilerplate"), None)
        if nxt is None or nxt.kind != "paragraph" or nxt.quality == "short" or _heading_shape(nxt) and not nxt.terminal:
            continue
        if u.quality == "good" and u.n_words > 14:
            continue
        prev = next((units[j] for j in range(i - 1, start - 1, -1) if units[j].kind != "boilerplate"), None)
        if (links and u.n_words >= 7 and prev is not None and prev.quality == "good"
                and not _shares_topic(u, units, i, start, end)):
            # a long headline that the text around it never mentions: a link to another story
            u.kind, u.reason = "boilerplate", "related stories (headline inside the story)"
            continue
        u.kind, u.reason = "heading", "heading (short line before body text)"


def _stems(text: str) -> set[str]:
    stops = stop_words()
    return {w.casefold()[:5] for w in WORD.findall(text) if len(w) > 3 and w.casefold() not in stops}


def _shares_topic(u: Unit, units: list[Unit], i: int, start: int, end: int) -> bool:
    """Does a heading share a content word (by its first five letters) with the paragraphs around it?"""
    mine = _stems(u.text)
    if not mine:
        return True
    around = [units[j] for j in range(max(start, i - 2), min(end, i + 4))
              if j != i and units[j].kind == "paragraph" and units[j].quality != "short"]
    return any(mine & _stems(v.text) for v in around)


def _mark_teasers(units: list[Unit], start: int, end: int, forced: set[int]) -> None:
    """A headline followed by its author's name inside the story is a link to another story."""
    for i in range(start, end - 1):
        u, nxt = units[i], units[i + 1]
        if i in forced or u.kind != "paragraph" or not u.headline or u.n_words < 6:
            continue
        if nxt.reason == "byline" or (nxt.kind == "paragraph" and _name_line_text(nxt)):
            u.kind, u.reason = "boilerplate", "related stories"
            if nxt.kind == "paragraph" and i + 1 not in forced:
                nxt.kind, nxt.reason = "boilerplate", "byline"


def _name_line_text(u: Unit) -> bool:
    kind, u.kind = u.kind, ""
    try:
        return _name_line(u)
    finally:
        u.kind = kind


def _mark_menus(units: list[Unit], start: int, end: int, forced: set[int]) -> None:
    """Runs of three or more very short, unpunctuated lines inside the story: menus, tag lists."""
    i = start
    while i < end:
        j = i
        while j < end and units[j].kind == "paragraph" and _menu_item(units[j]) and j not in forced:
            j += 1
        if j - i >= 3 and not _data_list(units[i:j]):
            for k in range(i, j):
                units[k].kind, units[k].reason = "boilerplate", "run of short lines (menu or tag list)"
        i = max(j, i + 1)


def _menu_item(u: Unit) -> bool:
    return u.n_words <= 4 and not u.terminal and u.quality == "short" and not u.md_heading


# Calls to action that come in boxes with a line of blurb between them ("Sign up for X" / "Daily news
# about ..." / "Email").
_BOX_REASONS = {"newsletter prompt", "subscription prompt", "subscription confirmation", "legal notice",
                "donation appeal", "app promotion", "feedback prompt", "share bar", "comment prompt", "copyright line"}


def _mark_boxes(units: list[Unit], start: int, end: int, forced: set[int]) -> None:
    """A short block between two calls to action is part of their box (the reverse of smoothing)."""
    for i in range(max(start, 1), min(end, len(units) - 1)):
        u, prev, nxt = units[i], units[i - 1], units[i + 1]
        if (u.kind == "paragraph" and i not in forced and u.n_words <= 25 and prev.reason in _BOX_REASONS
                and nxt.reason in _BOX_REASONS and prev.reason != "share bar"):
            u.kind, u.reason = "boilerplate", f"{prev.reason} (text inside its box)"


def _mark_related_boxes(units: list[Unit], start: int, end: int, forced: set[int]) -> None:
    """The headlines listed under a "Related" or "Read more" label inside the story are links."""
    for i in range(start, end):
        u = units[i]
        if u.reason not in ("related stories", "read more") or u.n_words > 4:
            continue
        for j in range(i + 1, min(end, i + 7)):
            v = units[j]
            if v.kind != "paragraph" or j in forced or v.quality == "good" or v.n_words > 20 or "\n" in v.text:
                break
            nxt = units[j + 1] if j + 1 < end else None
            if nxt is not None and nxt.kind == "paragraph" and nxt.quality == "good" and len(_stems(v.text) & _stems(nxt.text)) >= 2:
                break  # the story's next section heading, right after the box
            v.kind, v.reason = "boilerplate", "related stories (listed under a label)"


def _mark_bios(units: list[Unit], start: int, end: int, forced: set[int], *, last: int = 3) -> None:
    """An author's biography among the `last` blocks of the story ("Jane Doe is a reporter at ...")."""
    for i in range(start, end):
        if units[i].reason == "end of article marker" and units[i].norm.startswith("about the"):
            for j in range(i + 1, min(end, i + 4)):
                if units[j].kind == "paragraph" and j not in forced:
                    units[j].kind, units[j].reason = "boilerplate", "author bio"
                    break
    kept = [i for i in range(start, end) if units[i].kind == "paragraph"]
    for i in kept[-last:]:
        u = units[i]
        m = BIO.match(u.text)
        if i not in forced and u.n_words <= 80 and m and m.group("name").split()[0].rstrip(".") not in HONORIFICS:
            u.kind, u.reason = "boilerplate", "author bio"
