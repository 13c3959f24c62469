"""The labelling passes: local rules, then position and neighbours, over an article's blocks."""

from __future__ import annotations

from ..records import Article
from ..settings import Settings
from .inside import (keep_links_inside_sentences, mark_bios, mark_boxes, mark_headings, mark_menus,
                     mark_related_boxes, mark_teasers)
from .local import local_rules, mark_author_boxes, mark_duplicates, mark_name_lines, mark_nav_runs
from .repetition import RepeatIndex
from .span import (cut_at_end_marker, extend_back_over_prose, extend_over_list,
                   extend_over_sentences, story_span)
from .teasers import mark_teaser_runs
from .text import KEPT_KINDS
from .titles import find_subtitle, find_title
from .units import Unit


def label_units(units: list[Unit], article: Article, settings: Settings, repeats: RepeatIndex | None,
           meta: dict[int, dict[str, str]]) -> None:
    if not units:
        return
    html = article.format == "html"
    forced = local_rules(units, article, settings, repeats, meta)
    mark_name_lines(units, article, forced)
    mark_author_boxes(units, forced)
    if html:  # plain text has its menus found by position, once the page shows it was scraped
        mark_nav_runs(units, forced)
    title_i = find_title(units, article, html)
    mark_duplicates(units, article, title_i, forced)

    if html:
        # trafilatura already chose the main text: only explicit boilerplate goes
        for u in units:
            if not u.kind:
                u.kind, u.reason = ("heading", "heading (Markdown)") if u.md_heading else ("paragraph", "main text")
        find_subtitle(units, title_i, len(units))
        mark_headings(units, 0, len(units), marked_only=True)
        mark_bios(units, 0, len(units), forced)
        return

    start, end = story_span(units, forced)
    start = extend_back_over_prose(units, start)
    end = cut_at_end_marker(units, start, end)
    end = extend_over_list(units, end)
    end = extend_over_sentences(units, end)
    # Dropping a block for its position alone needs evidence that the text is a scraped page:
    # a clean article (no call to action, no byline) keeps its opening and closing lines.
    evidence = sum(1 for u in units if u.kind == "boilerplate" and u.reason not in ("date line", "repeated block"))
    scraped = evidence >= 2
    if not scraped:
        start, end = 0, len(units)
    find_subtitle(units, title_i, start)
    for i in range(start, end):
        if not units[i].kind:
            units[i].kind, units[i].reason = "paragraph", "story text"
    if scraped:
        mark_teasers(units, start, end, forced)
        mark_teaser_runs(units, start, end, forced)
        mark_menus(units, start, end, forced)
        mark_boxes(units, start, end, forced)
        mark_related_boxes(units, start, end, forced)
    keep_links_inside_sentences(units, start, end)  # before headings: a sentence cut at a link is no heading
    mark_headings(units, start, end, links=scraped)
    mark_bios(units, start, end, forced, last=5 if scraped else 2)
    for i, u in enumerate(units):
        if i in forced:
            if u.kind not in KEPT_KINDS:
                u.kind, u.reason = "paragraph", "keep phrase"
        elif not u.kind:
            u.kind = "boilerplate"
            u.reason = "before the story (page header)" if i < start else "after the story (page footer)"
