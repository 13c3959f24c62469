"""The cleaner's decisions: one per block, turned into the clean text and its removals."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..metadata import iso_date
from ..records import Article, Block, Cleaned, Removal
from ..settings import Settings
from .label import label_units
from .repetition import RepeatIndex
from .text import INVISIBLE, KEPT_KINDS
from .units import split_units


@dataclass(slots=True)
class BlockDecision:
    """What the cleaner decided about one block of the source text, and why."""

    kind: str  # title, subtitle, heading, paragraph or boilerplate
    kept: bool
    reason: str
    source_start: int
    source_end: int
    text: str
    quality: str = ""  # good, near or short: the block's text quality on its own
    meta: dict[str, str] = field(default_factory=dict)  # metadata it yielded (author, published)


def explain(article: Article, *, settings: Settings, repeats: RepeatIndex | None = None) -> list[BlockDecision]:
    """Every block of the article, kept or dropped, with its kind, reason and source offsets."""
    units = split_units(article.text)
    meta: dict[int, dict[str, str]] = defaultdict(dict)
    label_units(units, article, settings, repeats, meta)
    return [
        BlockDecision(kind=u.kind, kept=u.kind in KEPT_KINDS, reason=u.reason, source_start=u.start,
                      source_end=u.end, text=u.text, quality=u.quality, meta=dict(meta.get(i, {})))
        for i, u in enumerate(units)
    ]


def clean(article: Article, *, settings: Settings, repeats: RepeatIndex | None = None) -> Cleaned:
    """Strip the boilerplate from one article.

    Args:
        article: the article; its `title`, `author`, `published` (from JSONL or HTML metadata)
            win over what is found in the text, and its `title` helps to find the title there.
        settings: `boilerplate_phrases`, `keep_phrases`, `repeat_min_docs`, `repeat_min_share`.
        repeats: the corpus's `RepeatIndex`, to drop blocks repeated across a site's pages.

    Returns:
        A `Cleaned` whose text is the kept blocks, verbatim, joined by a blank line.
    """
    return cleaned_from(explain(article, settings=settings, repeats=repeats), article)


def cleaned_from(decisions: list[BlockDecision], article: Article) -> Cleaned:
    """Assemble a `Cleaned` from block decisions: merge adjacent body lines, map offsets."""
    source = article.text
    pieces: list[tuple[str, int, int]] = []  # (kind, source_start, source_end)
    removals: list[Removal] = []
    title = subtitle = author = published = None
    headings: list[str] = []
    prev_kept_para_end: int | None = None
    for d in decisions:
        author = author or d.meta.get("author")
        published = published or d.meta.get("published")
        marker = _heading_marker(source, d.source_start)
        if not d.kept:  # a removed heading's removal takes its "#" marks with it
            start = d.source_start if marker is None else marker[0]
            removals.append(Removal(start, d.source_end, d.reason, source[start:d.source_end]))
            prev_kept_para_end = None
            continue
        if marker is not None:  # a kept heading's "#" marks are not text: recorded as removed
            removals.append(Removal(*marker, "Markdown heading marker", source[marker[0]:marker[1]]))
        if d.kind == "title" and title is None:
            title = d.text
        elif d.kind == "subtitle" and subtitle is None:
            subtitle = d.text
        elif d.kind == "heading":
            headings.append(" ".join(d.text.split()))
        # consecutive body lines of one paragraph (a single "\n" apart) stay one block
        if (d.kind == "paragraph" and prev_kept_para_end is not None and pieces
                and "\n\n" not in source[prev_kept_para_end:d.source_start]
                and not source[prev_kept_para_end:d.source_start].strip()
                and source[prev_kept_para_end:d.source_start].count("\n") == 1):
            kind, s, _ = pieces[-1]
            pieces[-1] = (kind, s, d.source_end)
        else:
            pieces.append((d.kind, d.source_start, d.source_end))
        prev_kept_para_end = d.source_end if d.kind == "paragraph" else None
    blocks: list[Block] = []
    parts: list[str] = []
    offset = 0
    for kind, s, e in pieces:
        if parts:
            offset += 2
        blocks.append(Block(kind, offset, offset + (e - s), s, e))
        parts.append(source[s:e])
        offset += e - s
    return Cleaned(
        text="\n\n".join(parts),
        blocks=blocks,
        removals=removals,
        title=article.title or title,
        subtitle=article.subtitle or subtitle,
        author=article.author or author,
        published=article.published or iso_date(published),
        headings=headings,
    )


def format_explanation(decisions: list[BlockDecision], *, width: int = 100) -> str:
    """A readable listing of every block: kept or dropped, kind or reason, offsets and text."""
    lines = []
    labels = [d.kind if d.kept else d.reason for d in decisions]
    column = min(max((len(label) for label in labels), default=0), 48)
    for d, label in zip(decisions, labels):
        mark = "KEEP" if d.kept else "DROP"
        text = " ".join(d.text.split())
        if len(text) > width:
            text = text[: width - 1] + "…"
        lines.append(f"{mark} {label:<{column}} {d.source_start:>6}-{d.source_end:<6} {text}")
    kept = sum(d.kept for d in decisions)
    lines.append(f"{kept} of {len(decisions)} blocks kept")
    return "\n".join(lines)


def _heading_marker(source: str, start: int) -> tuple[int, int] | None:
    """The span of a Markdown heading's "#" marks before a block that starts at `start` ("## " in
    "## Section"), so that they are recorded as removed: every visible character is kept or removed."""
    line_start = source.rfind("\n", 0, start) + 1
    before = source[line_start:start]
    body = before.strip()
    # invisible characters (a byte-order mark, a zero-width space) and spaces among the marks go with them,
    # as the line splitter strips them (`text.INVISIBLE`)
    marks = "".join(ch for ch in body if not (ch.isspace() or ch in INVISIBLE))
    if not marks or set(marks) != {"#"}:
        return None
    first = line_start + len(before) - len(before.lstrip())
    return first, first + len(body)
