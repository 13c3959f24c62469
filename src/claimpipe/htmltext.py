"""HTML to plain text through trafilatura, keeping its metadata.

`extract_html(html)` returns the article's main text as plain text, one block per paragraph,
heading, list item or table row, blocks separated by a blank line, with the page title first.
Headings keep a Markdown marker ("# Title", "## Section"), the one piece of structure worth
carrying over: the cleaner then knows them for headings and leaves the marker out of their block.
That text is the article's source text (OUTPUTS.md: "the extracted plain text for HTML"): every
source offset of an HTML article indexes it, and `claimpipe.clean` then removes what trafilatura
left behind (share bars, bylines, "Read more" lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPACES = re.compile(r"[^\S\n]+")
_NEWLINES = re.compile(r"\s*\n\s*")
# Block elements of trafilatura's XML body; everything else is inline (hi, ref, lb, del...).
_BLOCK_TAGS = {"p", "head", "item", "quote", "code", "row", "list", "table", "div", "graphic"}


@dataclass(slots=True)
class HtmlText:
    """The main text of an HTML page and the metadata trafilatura found in it."""

    text: str  # the source text: blocks separated by "\n\n"; source offsets index it
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) when trafilatura found one
    url: str | None = None
    subtitle: str | None = None  # the page's description (often the standfirst)
    sitename: str | None = None


def extract_html(html: str, *, url: str | None = None) -> HtmlText:
    """Extract the main text and metadata of an HTML page.

    Args:
        html: the page's markup, decoded.
        url: where the page came from; helps trafilatura and becomes `HtmlText.url` when the
            page does not name its canonical URL.

    Returns:
        An `HtmlText`; `text` is empty when trafilatura finds no main content.
    """
    import trafilatura  # imported here: it is slow to import and plain-text runs never need it

    if not html or not html.strip():
        return HtmlText(text="", url=url)
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            include_formatting=False, include_links=False, include_images=False, deduplicate=False,
        )
    except Exception:  # trafilatura raises a variety of parser errors on broken markup
        doc = None
    if doc is None:
        return HtmlText(text="", url=url)
    title = _clean_inline(doc.title) or None
    blocks = _body_blocks(doc.body) if doc.body is not None else []
    if title and (not blocks or _norm(blocks[0].lstrip("# ")) != _norm(title)):
        blocks.insert(0, "# " + title)
    return HtmlText(
        text="\n\n".join(blocks),
        title=title,
        author=_clean_inline(doc.author) or None,
        published=doc.date or None,
        url=doc.url or url,
        subtitle=_clean_inline(doc.description) or None,
        sitename=_clean_inline(doc.sitename) or None,
    )


def _clean_inline(text: str | None) -> str:
    return " ".join((text or "").split())


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _text_of(elem) -> str:
    """The text of one block element: inline markup flattened, `<lb/>` kept as a line break."""
    parts: list[str] = []

    def walk(e) -> None:
        if e.text:
            parts.append(e.text)
        for child in e:
            if child.tag == "lb":
                parts.append("\n")
            else:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(elem)
    text = _SPACES.sub(" ", "".join(parts))
    return _NEWLINES.sub("\n", text).strip()


def _body_blocks(body) -> list[str]:
    """Flatten trafilatura's XML body into text blocks, in document order."""
    blocks: list[str] = []

    def add(text: str) -> None:
        if text:
            blocks.append(text)

    def visit(elem) -> None:
        tag = elem.tag
        if tag in ("list",):
            for child in elem:
                visit(child)
            return
        if tag == "table":
            for row in elem.iter("row"):
                cells = [_text_of(c).replace("\n", " ") for c in row if c.tag == "cell"]
                add(" | ".join(c for c in cells if c))
            return
        if tag in ("quote", "div", "item") and any(child.tag in _BLOCK_TAGS for child in elem):
            # a container: its own loose text, then its block children
            if elem.text and elem.text.strip():
                add(_clean_inline(elem.text))
            for child in elem:
                if child.tag in _BLOCK_TAGS:
                    visit(child)
                else:
                    add(_text_of(child))
                if child.tail and child.tail.strip():
                    add(_clean_inline(child.tail))
            return
        if tag == "graphic":
            return
        text = _text_of(elem)
        if tag == "head" and text:
            level = elem.get("rend", "h2")[-1:]
            text = "#" * (int(level) if level.isdigit() and 1 <= int(level) <= 6 else 2) + " " + text.replace("\n", " ")
        add(text)

    for child in body:
        visit(child)
    return blocks
