"""HTML to plain text through trafilatura, keeping its metadata.

`extract_html(html)` returns the article's main text as plain text, one block per paragraph,
heading, list item, table cell or data-table row, blocks separated by a blank line, with the page
title first. Every element boundary of trafilatura's XML that is a block boundary in the page (a
paragraph, a cell, a row, a line break) is a block or line boundary in the text, so a page laid out
in `<table>`s never glues the last word of one paragraph to the first of the next ("runningBy").
Headings keep a Markdown marker ("# Title", "## Section"), the one piece of structure worth
carrying over: the cleaner then knows them for headings and leaves the marker out of their block.
That text is the article's source text (OUTPUTS.md: "the extracted plain text for HTML"): every
source offset of an HTML article indexes it (documents.jsonl holds it whole as `source_text`
when the run writes it; docs/cleaning.md), and `claimpipe.clean` then removes what the extractor
left behind (share bars, bylines, "Read more" lines).

trafilatura runs with its own fallback extractors (its readability port and jusText). When it
still finds no main text, two more passes follow: trafilatura again favouring recall, then
jusText on the whole page. `HtmlText.extractor` says which produced the text, and `failure` says
why none did.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_SPACES = re.compile(r"[^\S\n]+")
_NEWLINES = re.compile(r"\s*\n\s*")
# Block elements of trafilatura's XML body; everything else is inline (hi, ref, lb, del...).
_BLOCK_TAGS = {"p", "head", "item", "quote", "code", "row", "cell", "list", "table", "div", "graphic"}
# A table row whose cells are all this short and inline is a data row ("Score | 2-1"); any other row
# is layout, and each of its cells is a block of its own.
_DATA_CELL_CHARS = 80
# The title is put first unless one of the first blocks already is the title.
_TITLE_WITHIN = 5


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
    extractor: str = "trafilatura"  # what produced `text`: "trafilatura", "trafilatura-recall", "justext"
    failure: str | None = None  # why `text` is empty, in one line
    notes: list[str] = field(default_factory=list)  # what was done to the markup before extraction


def extract_html(html: str, *, url: str | None = None) -> HtmlText:
    """Extract the main text and metadata of an HTML page.

    Args:
        html: the page's markup, decoded.
        url: where the page came from; helps trafilatura and becomes `HtmlText.url` when the
            page does not name its canonical URL.

    Returns:
        An `HtmlText`; `text` is empty when trafilatura finds no main content.
    """
    if not html or not html.strip():
        return HtmlText(text="", url=url, failure="the page is empty")
    html, n_tamed = tame_attributes(html)
    notes = [f"{n_tamed} tag(s) with over {MAX_ATTRIBUTES:,} attributes kept without them (the HTML parser "
             "compares a tag's attributes pairwise: 100,000 took minutes)"] if n_tamed else []
    doc, failure = _trafilatura(html, url=url, favor_recall=False)
    extractor = "trafilatura"
    blocks = _body_blocks(doc.body) if doc is not None and doc.body is not None else []
    if not blocks and failure is None:
        fallback, _ = _trafilatura(html, url=url, favor_recall=True)
        if fallback is not None and fallback.body is not None and _body_blocks(fallback.body):
            doc, extractor = fallback, "trafilatura-recall"
            blocks = _body_blocks(doc.body)
    if not blocks and failure is None:
        blocks = _justext_blocks(html)
        extractor = "justext"
        if not blocks:
            failure = ("no article text found: trafilatura, its fallback extractors and jusText found no "
                       "main text (the page may be a menu, a form, or a script-built page)")
    if not blocks:
        return HtmlText(text="", url=(doc.url if doc is not None else None) or url, failure=failure, notes=notes)
    title = _clean_inline(doc.title) if doc is not None else ""
    if title and not any(_norm(b.lstrip("# ")) == _norm(title) for b in blocks[:_TITLE_WITHIN]):
        blocks.insert(0, "# " + title)
    return HtmlText(
        text="\n\n".join(blocks),
        title=title or None,
        author=_clean_inline(doc.author) or None if doc is not None else None,
        published=(doc.date or None) if doc is not None else None,
        url=(doc.url if doc is not None else None) or url,
        subtitle=_clean_inline(doc.description) or None if doc is not None else None,
        sitename=_clean_inline(doc.sitename) or None if doc is not None else None,
        extractor=extractor,
        notes=notes,
    )


MAX_ATTRIBUTES = 1_000  # no real tag comes near; past it, libxml2's pairwise duplicate check dominates
_TAG_WITH_ATTRIBUTES = re.compile(r"<([A-Za-z][\w:.-]*)(\s[^<>]*)>")


def tame_attributes(html: str) -> tuple[str, int]:
    """The markup with the attributes of any tag that has over MAX_ATTRIBUTES dropped, and how many such
    tags there were. Linear in the page: a page with fewer "=" than the limit is returned as is."""
    if html.count("=") <= MAX_ATTRIBUTES:
        return html, 0
    tamed = 0

    def keep_bare(m: re.Match) -> str:
        nonlocal tamed
        if m.group(2).count("=") <= MAX_ATTRIBUTES:
            return m.group(0)
        tamed += 1
        return f"<{m.group(1)}>"

    return _TAG_WITH_ATTRIBUTES.sub(keep_bare, html), tamed


def _trafilatura(html: str, *, url: str | None, favor_recall: bool) -> tuple[object | None, str | None]:
    """trafilatura's document (None when it finds nothing), and a failure reason when the markup itself
    could not be parsed (then no other extractor is tried)."""
    import trafilatura  # imported here: it is slow to import and plain-text runs never need it

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            include_formatting=False, include_links=False, include_images=False, deduplicate=False,
            favor_recall=favor_recall,
        )
    except RecursionError:
        return None, "the HTML is nested too deeply to parse"
    except Exception as exc:  # trafilatura raises a variety of parser errors on broken markup
        return None, f"the HTML could not be parsed ({type(exc).__name__}: {str(exc)[:80]})"
    return doc, None


def _justext_blocks(html: str) -> list[str]:
    """The paragraphs jusText finds good or near-good on their own (English stop words), or []."""
    try:
        import justext

        paragraphs = justext.justext(html.encode("utf-8", "replace"), justext.get_stoplist("English"),
                                     encoding="utf-8")
    except Exception:  # jusText raises on markup lxml cannot parse
        return []
    blocks = []
    for para in paragraphs:
        # the context-free class: a page trafilatura found nothing on has few good neighbours to lean on
        if para.cf_class not in ("good", "neargood"):
            continue
        text = _NEWLINES.sub("\n", _SPACES.sub(" ", para.text)).strip()
        if text:
            blocks.append(("## " + text.replace("\n", " ")) if para.is_heading else text)
    return blocks


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


def _has_blocks(elem) -> bool:
    return any(child.tag in _BLOCK_TAGS for child in elem)


def _body_blocks(body) -> list[str]:
    """Flatten trafilatura's XML body into text blocks, in document order.

    An element with block children is a container: its loose text, each block child and each tail
    become blocks of their own. A table row is one block ("a | b") only when it is a data row
    (short inline cells); in a layout table every cell is visited as a container.
    """
    blocks: list[str] = []

    def add(text: str) -> None:
        if text:
            blocks.append(text)

    def visit_container(elem) -> None:
        if elem.text and elem.text.strip():
            add(_clean_inline(elem.text))
        for child in elem:
            if child.tag in _BLOCK_TAGS:
                visit(child)
            elif child.tag != "lb":
                add(_text_of(child))
            if child.tail and child.tail.strip():
                add(_clean_inline(child.tail))

    def visit_row(row) -> None:
        cells = [c for c in row if c.tag == "cell"]
        texts = [_text_of(c).replace("\n", " ") for c in cells]
        if not any(_has_blocks(c) for c in cells) and all(len(t) <= _DATA_CELL_CHARS for t in texts):
            add(" | ".join(t for t in texts if t))
            return
        for cell in cells:
            visit(cell)

    def visit(elem) -> None:
        tag = elem.tag
        if tag == "graphic":
            return
        if tag == "table":
            for child in elem:
                if child.tag == "row":
                    visit_row(child)
                else:
                    visit(child)
            return
        if tag == "row":
            visit_row(elem)
            return
        if tag == "list" or _has_blocks(elem):
            visit_container(elem)
            return
        text = _text_of(elem)
        if tag == "head" and text:
            level = elem.get("rend", "h2")[-1:]
            text = "#" * (int(level) if level.isdigit() and 1 <= int(level) <= 6 else 2) + " " + text.replace("\n", " ")
        add(text)

    for child in body:
        visit(child)
    return blocks


# -- checking: words glued across a block boundary ----------------------------------------------

# Elements that end a line in a browser: text on either side of one is never one word.
_PAGE_BOUNDARIES = {"address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "div", "dl", "dt",
                    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
                    "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th",
                    "thead", "tr", "ul", "title", "body", "option", "select", "textarea", "button"}
_UNSEEN = {"script", "style", "noscript", "template", "head"}
_LAST_WORD = re.compile(r"(\S+)\s*$")
_FIRST_WORD = re.compile(r"^\s*(\S+)")


def glued_words(html: str, text: str) -> list[str]:
    """Words of `text` made of the last word before a block boundary of the page and the first word
    after it, with no space between ("runningBy", "Park.Redknapp"): each is a glue an extractor made.

    A pair that the page itself writes as one word (inline markup, "<b>run</b>ning") is not counted.
    """
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(html)
    except Exception:  # markup lxml cannot parse has no boundaries to check
        return []
    runs: list[list[str]] = [[]]

    def boundary() -> None:
        if runs[-1]:
            runs.append([])

    def walk(el) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in _UNSEEN or not tag:
            return
        if tag in _PAGE_BOUNDARIES:
            boundary()
        if el.text:
            runs[-1].append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                runs[-1].append(child.tail)
        if tag in _PAGE_BOUNDARIES:
            boundary()

    walk(root)
    joined = ["".join(r) for r in runs if "".join(r).strip()]
    page = " ".join(joined)
    glued = []
    for before, after in zip(joined, joined[1:]):
        a, b = _LAST_WORD.search(before), _FIRST_WORD.search(after)
        if not a or not b or not b.group(1)[0].isalnum():
            continue
        word = a.group(1) + b.group(1)
        if word in text and word not in page:
            glued.append(word)
    return glued
