"""Links to other stories that read like story text, found from the chrome around them.

A scraped page often ends (or is interrupted) by a list of other stories, each a headline and a
blurb of real prose, so the quality and position passes take them for story. Two shapes give them
away: a blurb closed by its own bare "Read more" link, repeated; and headline + blurb pairs right
under a label ("Keep Reading", "DW recommends") running to the end of the story. A video player
leaves its label, its length and its title ("Watch video" / "02:17" / "Namibians want ...").
"""

from __future__ import annotations

import re

from .units import Unit

_LABELS = ("related stories", "read more")
_DURATION = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")


def is_link_label(u: Unit) -> bool:
    """A short "Related" or "Read more" label, which links are listed under."""
    return u.reason in _LABELS and u.n_words <= 4


def mark_teaser_runs(units: list[Unit], start: int, end: int, forced: set[int]) -> None:
    """Mark blurbs closed by "Read more", labelled lists of headline + blurb pairs and video titles."""
    _mark_read_more_blurbs(units, start, end, forced)
    _mark_labelled_pairs(units, start, end, forced)
    _mark_video_titles(units, start, end, forced)


# A bare link that closes a blurb; "Learn more at X." can close a story's own last paragraph.
_BARE_LINK = re.compile(r"(?:read|continue reading|keep reading)(?: (?:more|full (?:story|article|post)|on))?\W*")


def _bare_link(u: Unit) -> bool:
    return u.kind == "boilerplate" and u.reason == "read more" and bool(_BARE_LINK.fullmatch(u.norm))


def _headline_like(u: Unit) -> bool:
    """A short line without a full stop: a story's headline in a list of links."""
    return u.kind == "paragraph" and 2 <= u.n_words <= 20 and not u.terminal and "\n" not in u.text


def _mark_read_more_blurbs(units: list[Unit], start: int, end: int, forced: set[int]) -> None:
    """Two or more blocks each closed by a bare "Read more" link: teasers, with their headlines."""
    closers = [i for i in range(start + 1, min(end + 1, len(units))) if _bare_link(units[i])
               and units[i - 1].kind == "paragraph" and i - 1 not in forced]
    if len(closers) < 2:
        return
    for i in closers:
        units[i - 1].kind, units[i - 1].reason = "boilerplate", 'related stories (a blurb closed by "Read more")'
        if i - 2 >= start and i - 2 not in forced and _headline_like(units[i - 2]):
            units[i - 2].kind, units[i - 2].reason = "boilerplate", 'related stories (a blurb closed by "Read more")'


def _mark_labelled_pairs(units: list[Unit], start: int, end: int, forced: set[int]) -> None:
    """Under a short "Related"-style label, two or more headline + one-blurb pairs that run to the end
    of the story (or into chrome): a list of other stories, whatever the quality of the blurbs."""
    for i in range(start, end):
        if not (units[i].kind == "boilerplate" and is_link_label(units[i])):
            continue
        j, pairs = i + 1, []
        while j + 1 < end and j not in forced and j + 1 not in forced and _headline_like(units[j]) \
                and units[j + 1].kind == "paragraph" and units[j + 1].terminal:
            pairs.append(j)
            j += 2
        closed = j >= end or units[j].kind == "boilerplate"
        if len(pairs) >= 2 and closed:
            for k in pairs:
                for u in (units[k], units[k + 1]):
                    u.kind, u.reason = "boilerplate", "related stories (headline and blurb under a label)"


def _mark_video_titles(units: list[Unit], start: int, end: int, forced: set[int]) -> None:
    """After a video player's label, its length ("02:17") and its title go too."""
    for i in range(start, end):
        if units[i].reason != "video player":
            continue
        j = i + 1
        if j < end and j not in forced and units[j].kind == "paragraph" and _DURATION.fullmatch(units[j].text.strip()):
            units[j].kind, units[j].reason = "boilerplate", "video player (its length)"
            j += 1
        if j < end and j not in forced and _headline_like(units[j]):
            units[j].kind, units[j].reason = "boilerplate", "video player (its title)"
