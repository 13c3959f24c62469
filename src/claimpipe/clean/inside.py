"""Neighbours inside the story: section headings, links to other stories, menus, call-to-action
boxes, related-story lists and author bios."""

from __future__ import annotations

import re

from .local import name_line
from .patterns import BIO, HONORIFICS, match_lexicon
from .span import data_list, list_item
from .teasers import is_link_label
from .text import WORD, ends_open, stop_words
from .units import Unit

LINKED = "story text (a link inside a sentence)"  # the reason of `keep_links_inside_sentences`


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


def mark_headings(units: list[Unit], start: int, end: int, *, links: bool = False, marked_only: bool = False) -> None:
    """Inside the story, a short line that introduces body text is a section heading.

    With `links`, a long headline that shares no word with the text around it is taken for a link
    to another story instead (only on scraped pages, where such links are common). With
    `marked_only`, only Markdown headings count (trafilatura's text marks every heading it saw).
    """
    for i in range(start, end):
        u = units[i]
        if u.kind != "paragraph" or not _heading_shape(u) or _cut_at_link(units, i):
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
        # links come in runs ("One virus, two Americas" / "Four out of five jobs ..."): look past the others
        prev = next((units[j] for j in range(i - 1, start - 1, -1) if units[j].kind != "boilerplate"
                     and not _link_shape(units[j])), None)
        if (links and u.n_words >= 7 and prev is not None and prev.quality == "good" and not list_item(u)
                and not _shares_topic(u, units, i, start, end)):
            # a long headline that the text around it never mentions: a link to another story
            u.kind, u.reason = "boilerplate", "related stories (headline inside the story)"
            continue
        u.kind, u.reason = "heading", "heading (short line before body text)"


def _cut_at_link(units: list[Unit], i: int) -> bool:
    """Is block `i` a piece of a sentence that a link cut (`keep_links_inside_sentences`)? No heading then."""
    return LINKED in (units[i].reason, units[i + 1].reason if i + 1 < len(units) else "")


def _link_shape(u: Unit) -> bool:
    """A line that may be one of a run of links to other stories: heading-shaped, no list item."""
    return u.kind == "paragraph" and _heading_shape(u) and not u.terminal and not list_item(u)


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


def mark_teasers(units: list[Unit], start: int, end: int, forced: set[int]) -> None:
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
        return name_line(u)
    finally:
        u.kind = kind


def mark_menus(units: list[Unit], start: int, end: int, forced: set[int]) -> None:
    """Runs of three or more very short, unpunctuated lines inside the story: menus, tag lists."""
    i = start
    while i < end:
        j = i
        while j < end and units[j].kind == "paragraph" and _menu_item(units[j]) and j not in forced:
            j += 1
        if j - i >= 3 and not data_list(units[i:j]):
            for k in range(i, j):
                units[k].kind, units[k].reason = "boilerplate", "run of short lines (menu or tag list)"
        i = max(j, i + 1)


def _menu_item(u: Unit) -> bool:
    return u.n_words <= 4 and not u.terminal and u.quality == "short" and not u.md_heading


# Calls to action that come in boxes with a line of blurb between them ("Sign up for X" / "Daily news
# about ..." / "Email").
_BOX_REASONS = {"newsletter prompt", "subscription prompt", "subscription confirmation", "legal notice",
                "donation appeal", "app promotion", "feedback prompt", "share bar", "comment prompt", "copyright line"}


def mark_boxes(units: list[Unit], start: int, end: int, forced: set[int]) -> None:
    """A short block between two calls to action is part of their box (the reverse of smoothing)."""
    for i in range(max(start, 1), min(end, len(units) - 1)):
        u, prev, nxt = units[i], units[i - 1], units[i + 1]
        if (u.kind == "paragraph" and i not in forced and u.n_words <= 25 and prev.reason in _BOX_REASONS
                and nxt.reason in _BOX_REASONS and prev.reason != "share bar"):
            u.kind, u.reason = "boilerplate", f"{prev.reason} (text inside its box)"


def mark_related_boxes(units: list[Unit], start: int, end: int, forced: set[int]) -> None:
    """The headlines listed under a "Related" or "Read more" label inside the story are links."""
    for i in range(start, end):
        u = units[i]
        if not is_link_label(u):
            continue
        # "Read more" / ":" / one headline: the label's colon on a line of its own shows a scraper that
        # puts each text node on a line split "Read more: <link>", one link, not a list
        inline = i + 1 < end and units[i + 1].kind == "paragraph" and not units[i + 1].n_words
        for j in range(i + 1, min(end, i + (3 if inline else 7))):
            v = units[j]
            if v.kind != "paragraph" or j in forced or v.quality == "good" or v.n_words > 20:
                break
            nxt = units[j + 1] if j + 1 < end else None
            if nxt is not None and nxt.kind == "paragraph" and nxt.quality == "good" and len(_stems(v.text) & _stems(nxt.text)) >= 2:
                break  # the story's next section heading, right after the box
            v.kind, v.reason = "boilerplate", "related stories (listed under a label)"


def mark_bios(units: list[Unit], start: int, end: int, forced: set[int], *, last: int = 3) -> None:
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


def keep_links_inside_sentences(units: list[Unit], start: int, end: int) -> None:
    """A call to action that a node-per-line scraper cut out of a story sentence at its link is story text:
    "... regular news roundups and" / "subscribe to our YouTube channel" / "for video updates.", or
    "Follow us" / "to stay up to date on industry trends. In this edition ...". A browser's copy of the page
    shows the sentence whole, and the lexicon drops such a line only when it stands alone."""
    for i in range(max(start, 1), min(end, len(units) - 1)):
        u, prev, nxt = units[i], units[i - 1], units[i + 1]
        if not (_cut_call_to_action(u) and prev.kind == "paragraph" and nxt.kind == "paragraph"):
            continue
        if not (nxt.text[0].islower() and prev.para == u.para == nxt.para):
            continue
        # the sentence began before the link, on a line of prose ("... news roundups and" / "subscribe to ...")
        before = prev.text.rsplit("\n", 1)[-1]
        inside = len(before.split()) >= 5 and not prev.terminal and (ends_open(before) or u.text[0].islower())
        if inside or prev.terminal and _prose(nxt):  # or it opens the next sentence ("Follow us" / "to stay ...")
            u.kind, u.reason = "paragraph", LINKED


def _cut_call_to_action(u: Unit) -> bool:
    """A short, single-line block that the lexicon dropped and that ends no sentence."""
    return (u.kind == "boilerplate" and "\n" not in u.text and 1 <= u.n_words <= 8 and not u.terminal
            and match_lexicon(u.norm, u.n_words) == u.reason)


def _prose(u: Unit) -> bool:
    """Eight words or more that end a sentence inside them: a sentence goes on after the link."""
    return u.n_words >= 8 and re.search(r"[.!?]\s", u.text) is not None
