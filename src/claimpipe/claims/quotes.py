"""Quotation marks: where the quoted stretches of an article are, tolerating unbalanced marks.

News prose breaks the rules a balanced-bracket scan relies on: a quotation that runs over several
paragraphs opens each paragraph with a mark and closes only the last one; scraped text loses a mark
here and there; straight quotes do not say whether they open or close. `find_quotes` scans each
paragraph on its own and never lets a quotation cross a paragraph break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = "“«„"
CLOSING = "”»"
STRAIGHT = '"'
# PTB-style doubled apostrophes (''like this'') appear in some wire copy
_MARK = re.compile(r"''|``|[\"“”«»„]")
_PARA = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")
_OPENS_AFTER = set(" \t\n([{—–-/:;")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted stretch, marks included: `text[start_char:end_char]`."""

    start_char: int
    end_char: int
    opened: bool = True  # False when the opening mark is missing (the quote starts the paragraph)
    closed: bool = True  # False when the closing mark is missing (the quote runs to the paragraph end)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each stretch of text between blank lines."""
    return [(m.start(), m.end()) for m in _PARA.finditer(text) if m.group().strip()]


def _is_opening(text: str, mark: str, i: int, para_start: int, inside: bool) -> bool:
    before = text[i - 1] if i > para_start else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if mark in OPENING or mark == "``":
        # a mistyped closing mark ("end of quote“ and") closes when it hugs a word on its left only
        return not (inside and before.isalnum() or inside and before in ".,!?" and not after.isalnum())
    if mark in CLOSING:
        # a mistyped opening mark (”Mr. Trump ...) opens when nothing is open and a word follows
        return not inside and before in _OPENS_AFTER | {" "} and after.isalnum()
    # a straight mark opens at the start of the paragraph or after a space or bracket, unless a
    # quote is already open: then it closes
    if inside:
        return before == " " and after.isupper() and i - 2 >= para_start and text[i - 2] in ".!?"
    return i == para_start or text[i - 1] in _OPENS_AFTER


def find_quotes(text: str) -> list[Quote]:
    """Every quoted stretch in `text`, in order, marks included.

    An opening mark without a closing mark runs to the end of its paragraph; a closing mark
    without an opening mark starts the quote at its paragraph's start.
    """
    quotes: list[Quote] = []
    for p_start, p_end in paragraphs(text):
        open_at: int | None = None
        for m in _MARK.finditer(text, p_start, p_end):
            i, mark = m.start(), m.group()
            if _is_opening(text, mark, i, p_start, open_at is not None):
                if open_at is not None:  # a new opening mark before a close: the first was never closed
                    quotes.append(Quote(open_at, _rstrip(text, open_at, i), closed=False))
                open_at = i
            elif open_at is not None:
                quotes.append(Quote(open_at, m.end()))
                open_at = None
            elif not quotes or quotes[-1].end_char <= p_start:
                # a closing mark with nothing open, first in the paragraph: the opening was lost
                quotes.append(Quote(p_start, m.end(), opened=False))
        if open_at is not None:
            quotes.append(Quote(open_at, _rstrip(text, open_at, p_end), closed=False))
    return [q for q in quotes if q.end_char - q.start_char > 2]


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
