"""Shared pieces of attribution finding: the Attribution record, character spans over tokens, and
the quotation index (`QuoteIndex`)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .context import doc_text
from .quotes import Quote, find_quotes

KINDS = ("direct", "indirect", "mixed", "according_to")
DASHES = {"—", "―", "–", "--", "-"}
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_EDGE_PUNCT = {",", ";", ":", "—", "―", "–", "-", "--", "(", ")", "."}


@dataclass(slots=True)
class Attribution:
    """One attribution relation; all offsets index `doc.text`."""

    kind: str  # direct, indirect, mixed, according_to
    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: list[tuple[int, int]] = field(default_factory=list)
    cue_i: int = -1  # token index of the cue's head word
    source_i: int | None = None  # token index of the source's head word
    # what the content is: "clause" (said that ...), "quote", "infinitive" (vowed to ...), "object"
    # (criticized the plan), "phrase" (according to, dash, colon), "judgement" (X seems Y, X is
    # expected to Y, it is clear that Y: no one in particular says it). Claims take attribution from
    # clause, quote and phrase forms only: wanting or criticising something is not saying it.
    form: str = "clause"
    # the cue's own words, without auxiliaries, adverbs or a colon ("made it clear" in "has made it
    # clear"); what claims report as `cue`. Defaults to `cue`.
    core: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        if self.core is None:
            self.core = self.cue

    @property
    def reports_speech(self) -> bool:
        return self.form in ("clause", "quote", "phrase")

    def covers(self, start: int, end: int) -> int:
        """Characters of [start, end) inside the content."""
        return sum(max(0, min(end, e) - max(start, s)) for s, e in self.content)


# ---------------------------------------------------------------------------------------------
# spans over tokens


def token_range(tokens: Iterable[Token]) -> tuple[int, int] | None:
    """Character span from the first to the last token, edge punctuation and spaces trimmed."""
    toks = [t for t in tokens]
    while toks and (toks[0].is_space or toks[0].text in _EDGE_PUNCT):
        toks.pop(0)
    while toks and (toks[-1].is_space or toks[-1].text in _EDGE_PUNCT):
        if toks[-1].text == ")" and any(t.text == "(" for t in toks):
            break
        toks.pop()
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def subtree_range(token: Token, *, exclude: Iterable[Token] = ()) -> tuple[int, int] | None:
    """The contiguous stretch of `token`'s subtree, cut short before any excluded child subtree."""
    doc = token.doc
    left, right = token.left_edge.i, token.right_edge.i
    for ex in exclude:
        if ex.i > token.i:
            right = min(right, ex.left_edge.i - 1)
        else:
            left = max(left, ex.right_edge.i + 1)
    return token_range(doc[left:right + 1])


_SOURCE_CUT = ("acl",)


def noun_phrase(token: Token, quotes: "QuoteIndex | None" = None) -> tuple[int, int] | None:
    """A source noun phrase, as PolNeAR and PARC mark it.

    The head's subtree, without what comes before a comma or dash ahead of the head ("WASHINGTON
    -- President Obama"), participle clauses and comma-led prepositional phrases after it ("Trump,
    speaking to veterans"; "Clinton, like Obama"), and never into a quotation. A comma that closes
    an apposition ("Brian Fallon, the press secretary,") or an "including" phrase ("unions,
    including the AFL-CIO,") belongs to the source; a spaced hyphen cuts like a dash ("BRUSSELS -
    European leaders").
    """
    doc = token.doc
    left, right = token.left_edge.i, token.right_edge.i
    for j in range(token.i - 1, left - 1, -1):
        spaced_hyphen = doc[j].text == "-" and doc[j].whitespace_ and j > 0 and doc[j - 1].whitespace_
        if doc[j].text in (",", "--", "—", "―", "–") and doc[j].head.i != token.i or doc[j].text in ("--", "—", "―") \
                or spaced_hyphen:
            left = j + 1
            break
    for child in token.rights:
        after_comma = child.i > 0 and doc[child.left_edge.i - 1].text == ","
        if child.dep_ in _SOURCE_CUT or child.dep_ == "prep" and after_comma and child.lower_ in ("like", "unlike"):
            right = min(right, child.left_edge.i - 1)
            break
    if quotes is not None:
        for q in quotes.in_range(doc[left].idx, doc[right].idx + 1):
            if doc[left].idx < q.end_char <= token.idx:
                left = max(left, quotes.token_at(q.end_char))
            elif token.idx < q.start_char <= doc[right].idx:
                right = min(right, quotes.token_at(q.start_char) - 1)
    rng = token_range(doc[left:right + 1])
    text = doc_text(doc)
    if rng is not None and rng[1] < len(text) and text[rng[1]] == "," and "," in text[rng[0]:rng[1]] and any(
            t.dep_ == "appos" or t.like_num or t.lower_ == "including" and t.head.i == token.i for t in doc[left:right + 1]):
        rng = (rng[0], rng[1] + 1)
    return rng


# ---------------------------------------------------------------------------------------------
# overlap look-ups


class OverlapIndex:
    """Which of a list of character extents overlap a range: the positions, in list order.

    The rules ask "which attributions (or quoted stretches) touch this sentence / this word" once per
    sentence or word; scanning every extent each time makes an article's cost grow with the square of
    its length. Each extent is filed under the fixed-width buckets of text it touches, so a query reads
    only the extents near it. Answers are exactly those of the scan (`overlapping_brute_force`).
    """

    def __init__(self, extents: Iterable[tuple[int, int] | None], *, bucket: int = 512) -> None:
        self._bucket = bucket
        self._extents: list[tuple[int, int] | None] = list(extents)
        self._buckets: dict[int, list[int]] = {}
        for n, ext in enumerate(self._extents):
            if ext is None or ext[0] >= ext[1]:
                continue  # an empty extent overlaps nothing
            for b in range(ext[0] // bucket, (ext[1] - 1) // bucket + 1):
                self._buckets.setdefault(b, []).append(n)

    def overlapping(self, start: int, end: int) -> list[int]:
        """Positions of the non-empty extents (s, e) with s < end and start < e, in increasing order."""
        if start >= end:
            return []
        found: set[int] = set()
        for b in range(start // self._bucket, (end - 1) // self._bucket + 1):
            found.update(self._buckets.get(b, ()))
        return sorted(n for n in found if self._extents[n][0] < end and start < self._extents[n][1])

    def containing(self, char: int) -> list[int]:
        """Positions of the extents (s, e) with s <= char < e, in increasing order."""
        return self.overlapping(char, char + 1)


def overlapping_brute_force(extents: list[tuple[int, int] | None], start: int, end: int) -> list[int]:
    """What `OverlapIndex.overlapping` answers, by scanning every extent (for tests)."""
    return [n for n, ext in enumerate(extents)
            if start < end and ext is not None and ext[0] < ext[1] and ext[0] < end and start < ext[1]]


class ContentIndex:
    """The content pieces of a list of attributions, looked up by place.

    A quotation continued over many sentences gives one attribution hundreds of pieces; asking
    `Attribution.covers` of it for each of those sentences reads every piece each time. Here a
    sentence reads only the pieces that reach into it: `touching` and `covers` answer exactly what
    the scans over `attributions` and `att.covers` answer."""

    def __init__(self, attributions: list[Attribution]) -> None:
        self.attributions = attributions
        self._owner: list[int] = []
        pieces: list[tuple[int, int]] = []
        for n, att in enumerate(attributions):
            for piece in att.content:
                self._owner.append(n)
                pieces.append(piece)
        self._pieces = pieces
        self._index = OverlapIndex(pieces)

    def touching(self, start: int, end: int) -> list[Attribution]:
        """The attributions with content in [start, end), in list order."""
        owners = {self._owner[k] for k in self._index.overlapping(start, end)}
        return [self.attributions[n] for n in sorted(owners)]

    def covers(self, att: Attribution, start: int, end: int) -> int:
        """`att.covers(start, end)`: characters of [start, end) inside the content."""
        total = 0
        for k in self._index.overlapping(start, end):
            if self.attributions[self._owner[k]] is att:
                s, e = self._pieces[k]
                total += max(0, min(end, e) - max(start, s))
        return total


# ---------------------------------------------------------------------------------------------
# quotes


class QuoteIndex:
    """Quotes of a doc and fast look-ups from tokens and character ranges."""

    def __init__(self, doc: Doc) -> None:
        self.quotes = find_quotes(doc_text(doc))
        self._starts = doc.to_array("IDX").tolist() if len(doc) else []
        self._ends = [q.end_char for q in self.quotes]
        self._n = len(doc)
        self.derived: dict[str, object] = {}  # tables a rule derives from this index, built once per Doc on first use
        self._inside = [False] * len(doc)
        for q in self.quotes:
            span = doc.char_span(q.start_char, q.end_char, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                if q.start_char <= t.idx < q.end_char and not _is_mark(t):  # the marks are not inside
                    self._inside[t.i] = True

    def token_at(self, char: int) -> int:
        """Index of the first token that starts at or after `char`."""
        return min(bisect_left(self._starts, char), self._n - 1)

    def inside(self, token: Token) -> bool:
        return self._inside[token.i]

    def inside_flags(self) -> list[bool]:
        """For each token of the Doc, whether it is inside a quotation (the marks are not); do not change."""
        return self._inside

    def ending_between(self, lo: int, hi: int) -> list[Quote]:
        """Quotes whose end_char lies in [lo, hi], in order."""
        return self.quotes[bisect_left(self._ends, lo):bisect_right(self._ends, hi)]

    def closing_before(self, token: Token) -> list[Quote]:
        """Quotes that end right before `token` (within 12 characters: '"...," he said', '" - he said'), in order."""
        return self.ending_between(token.idx - 12, token.idx)

    def in_range(self, start: int, end: int) -> list[Quote]:
        """Quotes overlapping [start, end) (quotes never overlap each other, so ends are sorted)."""
        out = []
        for n in range(bisect_right(self._ends, start), len(self.quotes)):  # no slice: that copies the rest
            q = self.quotes[n]
            if q.start_char >= end:
                break
            out.append(q)
        return out


def _is_mark(token: Token) -> bool:
    return token.text in ('"', "“", "”", "«", "»", "„", "''", "``")


def _clause_without(sent: Span, lo: int, hi: int) -> list[tuple[int, int]]:
    """The sentence without tokens lo..hi (and the commas around them), as one or two pieces."""
    pieces = []
    for a, b in ((sent.start, lo), (hi + 1, sent.end)):
        rng = token_range(sent.doc[a:b]) if b > a else None
        if rng is not None and any(not t.is_punct for t in sent.doc[a:b]):
            pieces.append(rng)
    return pieces
