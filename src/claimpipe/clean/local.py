"""Rules that label one block from its own text, and from its immediate neighbours: lexicon, bylines,
dates, embeds, link lists, navigation, name lines, duplicates and corpus repetition."""

from __future__ import annotations

import re
from functools import lru_cache

from ..records import Article
from ..settings import Settings
from .patterns import (CAPTION, CREDITED_CAPTION, NAV_WORDS, NOTE, READ_TIME, looks_like_name, match_byline,
                       match_date, match_embed, match_lexicon, nav_line)
from .repetition import RepeatIndex, site_group
from .text import ends_sentence, normalise, pick_stop_words
from .titles import same_headline
from .units import Unit, measure_unit


def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    phrases = tuple(p for p in phrases if p and p.strip())
    if not phrases:
        return None
    return _compiled_phrases(phrases)


@lru_cache(maxsize=32)
def _compiled_phrases(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(normalise(p)) for p in sorted(phrases, key=len, reverse=True)))



def local_rules(units: list[Unit], article: Article, settings: Settings, repeats: RepeatIndex | None,
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
        if NOTE.match(u.text) and match_lexicon(u.norm, u.n_words) != "feedback prompt":  # not a policy
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
        if "\n" not in u.text and not u.terminal and u.n_words <= 20 and CAPTION.fullmatch(u.text.strip()):
            u.kind, u.reason = "boilerplate", "image caption"
            continue
        if "\n" not in u.text and u.n_words <= 60 and CREDITED_CAPTION.fullmatch(u.text.strip()):
            u.kind, u.reason = "boilerplate", "image caption"
            continue
        if "\n" not in u.text and nav_line(u.text):
            u.kind, u.reason = "boilerplate", "site navigation (a line of section names)"
            continue
        if repeats is not None:
            n, total = repeats.count(site_group(article), u.text)
            if n >= max(2, settings.repeat_min_docs) and total and n / total >= settings.repeat_min_share:
                u.kind, u.reason = "boilerplate", f"repeated on {n} of {total} pages from this source"
    keep_templated_story(units)
    return forced


def keep_templated_story(units: list[Unit]) -> None:
    """Repetition alone never empties an article: when every block is boilerplate and some were dropped
    only for recurring across the source, those that read as prose are the story of a templated feed
    ("Shares of Company 100 rose 2% on Monday, ...", thousands of records alike but for the numbers)."""
    if any(u.kind != "boilerplate" for u in units):
        return
    for u in units:
        if u.reason.startswith("repeated on") and u.terminal and u.n_words >= 5:
            u.kind, u.reason = "", ""


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


def mark_nav_runs(units: list[Unit], forced: set[int]) -> None:
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


def name_line(u: Unit) -> bool:
    """A line that is only a person's name, or several ("Ibtisam Mahdi, Ruwaida Kamal Amer")."""
    if u.kind or u.terminal or not (2 <= u.n_words <= 12) or any(ch.isdigit() for ch in u.text) or "\n" in u.text:
        return False
    if u.stop_density > 0.2:
        return False
    names = [n for n in re.split(r"\s*(?:,|&|\band\b)\s*", u.text.strip()) if n]
    return all(1 < len(n.split()) <= 4 and looks_like_name(n) for n in names)


def mark_name_lines(units: list[Unit], article: Article, forced: set[int]) -> None:
    """A bare name next to a byline, a date or the known author is a byline too."""
    author = normalise(article.author) if article.author else None
    found = []
    for i, u in enumerate(units):
        if i in forced or not name_line(u):
            continue
        near = [units[j] for j in (i - 1, i + 1) if 0 <= j < len(units)]
        if (author and u.norm == author) or any(n.reason in ("byline", "date line", "author avatar", "reading time")
                                                for n in near):
            found.append(u)
    for u in found:  # marked afterwards, so that one name line does not vouch for the next
        u.kind, u.reason = "boilerplate", "byline"


def mark_duplicates(units: list[Unit], article: Article, title_i: int | None, forced: set[int]) -> None:
    """Exact duplicates within the article: the repeated title, a pull quote, a second share bar."""
    titles = {units[title_i].norm} if title_i is not None else set()
    if title_i is not None and article.title and normalise(article.title):
        titles.add(normalise(article.title))
    seen: set[str] = set()
    for i, u in enumerate(units):
        if not u.norm or i == title_i or i in forced:
            continue
        if titles and (u.norm in titles or any(len(u.norm) >= 12 and same_headline(u.norm, t) for t in titles)):
            u.kind, u.reason = "boilerplate", "repeated title"
        elif u.norm in seen:
            if not u.kind and u.n_words >= 4:
                u.kind, u.reason = "boilerplate", "repeated block"
        else:
            seen.add(u.norm)


def mark_author_boxes(units: list[Unit], forced: set[int]) -> None:
    """A columnist's box: a bare name, its "Follow" button, then a blurb that opens on that name and a
    verb in lower case ("Alice Wu" / "+ FOLLOW" / "Alice Wu fell down the rabbit hole of politics ...").
    The name and the blurb are the author's, not the story's."""
    for i, u in enumerate(units[:-2]):
        if i in forced or not name_line(u) or "," in u.text:
            continue
        j = i + 1
        if units[j].reason != "share bar":
            continue
        blurb = units[j + 1]
        rest = blurb.text[len(u.text):] if blurb.text.startswith(u.text) else ""
        if j + 1 not in forced and not blurb.kind and rest[:1] == " " and rest[1:2].islower():
            u.kind, u.reason = "boilerplate", "byline"
            blurb.kind, blurb.reason = "boilerplate", "author bio"
