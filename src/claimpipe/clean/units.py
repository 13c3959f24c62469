"""Blocks: the source text cut into lines or hard-wrapped paragraphs, each measured for quality."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .patterns import match_byline, match_date, match_lexicon
from .text import INVISIBLE, MD_HEADING, WORD, ends_open, ends_sentence, normalise, stop_words


@dataclass(slots=True)
class Unit:
    """One candidate block: a line, or the lines of a hard-wrapped paragraph."""

    start: int  # source offsets, surrounding whitespace excluded
    end: int
    text: str
    para: int  # index of the blank-line separated paragraph it sits in
    md_heading: bool = False  # the line started with Markdown "#"
    norm: str = ""
    n_words: int = 0
    stop_density: float = 0.0
    terminal: bool = False
    headline: bool = False  # unpunctuated and in title case: a headline, a heading or a link
    quality: str = "short"  # good, near, short
    kind: str = ""  # decided label: title, subtitle, heading, paragraph, boilerplate
    reason: str = ""


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in INVISIBLE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in INVISIBLE):
        end -= 1
    return start, end


def split_units(text: str) -> list[Unit]:
    """Cut a source text into candidate blocks: lines, with hard-wrapped paragraphs kept whole."""
    lines: list[tuple[int, int, int]] = []  # (start, end, para)
    para, pos, blank = 0, 0, True
    for raw in text.split("\n"):
        s, e = _strip_span(text, pos, pos + len(raw))
        if s < e:
            if blank and lines:
                para += 1
            lines.append((s, e, para))
            blank = False
        else:
            blank = True
        pos += len(raw) + 1
    units: list[Unit] = []
    i = 0
    while i < len(lines):
        j = i + 1
        while j < len(lines) and lines[j][2] == lines[i][2]:
            j += 1
        group = lines[i:j]
        if len(group) > 1 and _hard_wrapped(text, group):
            units.append(Unit(group[0][0], group[-1][1], text[group[0][0]:group[-1][1]], group[0][2]))
        else:
            pending: tuple[int, int, int] | None = None  # a run of lines that read as one sentence
            for line in group:
                s, e, p = line
                md = MD_HEADING.match(text, s)
                if md and md.end() < e:
                    if pending:
                        units.append(Unit(pending[0], pending[1], text[pending[0]:pending[1]], p))
                        pending = None
                    units.append(Unit(md.end(), e, text[md.end():e], p, md_heading=True))
                    continue
                if pending and _continues(text[pending[0]:pending[1]], text[s:e]):
                    pending = (pending[0], e, p)
                    continue
                if pending:
                    units.append(Unit(pending[0], pending[1], text[pending[0]:pending[1]], p))
                pending = line
            if pending:
                units.append(Unit(pending[0], pending[1], text[pending[0]:pending[1]], pending[2]))
        i = j
    return units


# Chinese, Japanese and Korean run without spaces: a line break between two such characters falls
# inside a sentence (ruby annotations, links), so the lines are one block.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]")


def _continues(prev: str, line: str) -> bool:
    """Does `line` carry on the sentence of `prev` (a line broken at a link or inline tag)?"""
    if ends_sentence(prev):
        return False
    # a line opening on CJK carries on only a line that has CJK itself: after an English line it is a
    # new item ("... (and Sometimes Escaped)" / "カニの爪オブジェ: A Giant Crab Claw ...", two links)
    if not (line[0] in ",.;:!?)]}%’”'）。、，：；！？」』】" or (_CJK.match(line) and _CJK.search(prev))
            or _CJK.match(prev[-1]) or (not prev.endswith(":") and (line[0].islower() or ends_open(prev)))):
        return False
    return not (_standalone(line) or ("\n" not in prev and _standalone(prev)))


@lru_cache(maxsize=4096)
def _standalone(line: str) -> bool:
    """A line that is a block of its own whatever surrounds it: a byline, a date, a lexicon hit."""
    if len(line) > 200:
        return False
    norm = normalise(line)
    return bool(match_byline(line) or match_date(line) or match_lexicon(norm, len(norm.split())))


def _hard_wrapped(text: str, group: list[tuple[int, int, int]]) -> bool:
    """Lines of one paragraph that were wrapped at a fixed width (e-mail, plain-text archives)."""
    lengths = [e - s for s, e, _ in group]
    width = max(lengths)
    if width < 40 or width > 110:
        return False
    body = lengths[:-1]
    if sum(1 for n in body if n >= 0.7 * width) < 0.8 * len(body):
        return False
    # wrapped prose breaks mid-sentence: most inner lines do not end a sentence
    open_ends = sum(1 for s, e, _ in group[:-1] if not ends_sentence(text[s:e]))
    if open_ends < 0.5 * len(body):
        return False
    # ... and often before a lower-case word; a list of links ("Click to share on X (Opens in new
    # window)") has lines of one width too, but each starts afresh
    lower = sum(1 for s, _, _ in group[1:] if text[s].islower())
    prev_open = sum(1 for s, e, _ in group[:-1] if ends_open(text[s:e]))
    return lower + prev_open >= 0.3 * len(body) and not any(_standalone(text[s:e]) for s, e, _ in group)


_NOT_LATIN = re.compile(r"[^A-Za-z]+")
_NOT_LETTER = re.compile(r"[\W\d_]+")


def _capitalises_nouns(stops: frozenset[str]) -> bool:
    """German writes every noun with a capital: a capitalised line is no sign of a headline there."""
    return stops is stop_words("de")


def measure_unit(unit: Unit, stops: frozenset[str]) -> None:
    words = WORD.findall(unit.text)
    unit.norm = normalise(unit.text)
    unit.terminal = bool(ends_sentence(unit.text))
    latin = len(_NOT_LATIN.sub("", unit.text))
    letters = latin if latin >= 0.5 * len(unit.text) else len(_NOT_LETTER.sub("", unit.text))
    if letters and latin < 0.5 * letters:
        # a script without spaces or English stop words: judge by length alone
        unit.n_words = max(len(words), letters // 2)
        unit.stop_density = 0.3
    else:
        unit.n_words = len(words)
        unit.stop_density = sum(1 for w in words if w.casefold() in stops) / len(words) if words else 0.0
        content = [w for w in words if w.casefold() not in stops and w[0].isalpha()]
        unit.headline = (not unit.terminal and len(words) >= 3 and len(content) >= 2 and not _capitalises_nouns(stops)
                         and sum(1 for w in content if w[0].isupper()) >= 0.75 * len(content))
    # an unpunctuated line of headline length is a title or heading, not yet body text
    if (unit.n_words >= 7 and unit.terminal and unit.stop_density >= 0.15
            or unit.n_words >= 25 and unit.stop_density >= 0.2):
        unit.quality = "good"
    elif unit.n_words >= 5 and (unit.terminal or unit.stop_density >= 0.3):
        unit.quality = "near"
    else:
        unit.quality = "short"
