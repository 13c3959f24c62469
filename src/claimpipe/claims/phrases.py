"""Phrase attributions ("according to X", "“...” — Name", "NAME: ...") and quotations continued
across sentences and paragraphs."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span, Token

from .context import doc_text
from .lexicon import Lexicon
from .quotes import Quote, paragraphs
from .spans import DASHES, Attribution, QuoteIndex, _clause_without, subtree_range, token_range

# -- according to -------------------------------------------------------------------------------


def _according_to(sent: Span, lex: Lexicon) -> list[Attribution]:
    out: list[Attribution] = []
    words = [t.lower_ for t in sent]
    for phrase in lex.according_to:
        n = len(phrase)
        for j in range(len(words) - n + 1):
            if tuple(words[j:j + n]) != phrase:
                continue
            first, last = sent[j], sent[j + n - 1]
            pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
            if pobj is None and j + n < len(sent):
                pobj = sent[j + n]
            if pobj is None:
                continue
            src = subtree_range(pobj) if pobj.head == last else token_range(sent[j + n:j + n + 1])
            phrase_lo, phrase_hi = first.i, max(last.i, pobj.right_edge.i)
            content = _clause_without(sent, phrase_lo, phrase_hi)
            if src is None or not content:
                continue
            out.append(Attribution("according_to", (first.idx, last.idx + len(last.text)), src, content,
                                   cue_i=first.i, source_i=pobj.i, form="phrase"))
    return out


# -- dash and colon -----------------------------------------------------------------------------


def _dash(sent: Span, quotes: QuoteIndex) -> list[Attribution]:
    """“...” — Name: a dash right after a closing quote, then a name."""
    out: list[Attribution] = []
    doc = sent.doc
    for t in sent:
        if t.text not in DASHES or t.i + 1 >= len(doc):
            continue
        before = _quotes_ending_at_blank(doc_text(doc), t.idx, quotes)
        if not before:
            continue
        name = []
        for u in doc[t.i + 1:]:
            if u.is_space:
                if name:
                    break
                continue
            if u.pos_ == "PROPN" or (name and u.ent_iob_ == "I"):
                name.append(u)
            else:
                break
        if not name:
            continue
        q = before[-1]
        out.append(Attribution("direct", (t.idx, t.idx + len(t.text)), token_range(name),
                               [(q.start_char, q.end_char)], cue_i=t.i, source_i=name[-1].i, form="phrase"))
    return out


def _quotes_ending_at_blank(text: str, at: int, quotes: QuoteIndex) -> list[Quote]:
    """The quotes that end right before `at` with only spaces between, in order.

    Those are the quotes ending inside the run of spaces before `at`; asking the index for them,
    instead of testing every quote of the article, keeps the dash rule linear."""
    blank = at
    while blank > 0 and text[blank - 1].isspace():
        blank -= 1
    return quotes.ending_between(blank, at)


_COLON_NAME = re.compile(r"[\"“]?\s*((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s*:\s+(?=\S)")
_NOT_SPEAKERS = {"update", "note", "editor", "editors", "breaking", "watch", "read", "photos", "photo", "video",
                 "source", "sources", "related", "credit", "caption", "warning", "live", "updated", "correction",
                 "transcript", "advertisement", "q", "a"}


def _speaker_names(doc: Doc) -> set[str]:
    """Names the article gives a person or organisation elsewhere, whole and by surname: a headline
    "Sanders: ..." opens with a name the parser did not recognise there."""
    names: set[str] = set()
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG"):
            names.add(ent.text)
            if ent.label_ == "PERSON" and len(ent) > 1:
                names.add(ent[-1].text)
    return names


def _colon_paragraphs(doc: Doc, quotes: QuoteIndex) -> list[Attribution]:
    """NAME: words. A short name opening a paragraph, a colon, then what the person said."""
    text = doc_text(doc)
    out: list[Attribution] = []
    names: set[str] | None = None
    for p_start, p_end in paragraphs(text):
        m = _COLON_NAME.match(text, p_start, p_end)
        if m is None:
            continue
        name = doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
        if name is None or not len(name) or any(t.lower_ in _NOT_SPEAKERS for t in name):
            continue
        if not (all(t.is_upper or not t.is_alpha for t in name) and len(name.text) > 2
                or any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in name)
                or name.text in (names := names if names is not None else _speaker_names(doc))):
            continue
        colon = text.index(":", m.end(1))
        body_end = p_end
        while body_end > m.end() and text[body_end - 1].isspace():
            body_end -= 1
        cue_tok = doc.char_span(colon, colon + 1, alignment_mode="expand")
        out.append(Attribution("direct", (colon, colon + 1), (m.start(1), m.end(1)), [(m.end(), body_end)],
                               cue_i=cue_tok.start if cue_tok is not None else name.end, source_i=name.root.i,
                               form="phrase"))
    return out


# -- quotes continued ---------------------------------------------------------------------------


def _continue_quotes(doc: Doc, found: list[Attribution], quotes: QuoteIndex, sents: list[Span]) -> None:
    """Give each unattributed quotation to the attribution it continues.

    A quotation continues the last direct or mixed attribution of its paragraph; at the start of a
    paragraph it continues the previous paragraph's attribution when that paragraph's quotation
    was left open (the convention for a quotation over several paragraphs).

    Read as: for each quotation, walk the attributions in order of their content and stop at the
    first whose content reaches past the quotation's start; the owner is the last quoted,
    non-phrase one before the stop whose cue is in the quotation's paragraph (or the previous one,
    for a continued paragraph). That walk over every attribution per quotation made long articles
    quadratic; `_Continuations` answers the same question with bisection.
    """
    if not found:
        return
    text = doc_text(doc)
    paras = _Paragraphs(text)
    walk = _Continuations(found, quotes, paras)
    # the quotations given below need no check: quotations never overlap, so none reaches a later one
    claimed = _Claimed([(s, e) for a in found for s, e in a.content])
    prev_quote: Quote | None = None
    # who else speaks, by a name, as (cue start, index in `found`, source words): a he/she may go on as the same
    # speaker ('She said new mothers ... "We have made ..."')
    speaking = sorted((a.cue[0], k, text[a.source[0]:a.source[1]]) for k, a in enumerate(found) if a.reports_speech
                      and a.source is not None and a.source_i is not None and doc[a.source_i].pos_ != "PRON")
    cue_at = {a.cue_i: a for a in found if a.reports_speech}
    for q in quotes.quotes:
        if claimed.overlaps(q.start_char, q.end_char) or q.end_char - q.start_char < 20:
            prev_quote = q
            continue
        p = paras.of(q.start_char)
        # the previous paragraph's attribution, when its quotation was left open and this one opens
        continues = (prev_quote is not None and not prev_quote.closed and paras.of(prev_quote.start_char) == p - 1
                     and paras.blank_before(p, q.start_char))
        owner = walk.owner(q.start_char, p, continues)
        if owner is not None and (other := _another_speaker_between(speaking, found, owner, q.start_char, text)) is not None:
            # 'Mr Hayman acknowledged that binge drinking did cause problems. "If you come to Norwich ..."': the
            # quotation goes on from the speaker right before it, in its paragraph, not from an earlier quotation's
            owner = _in_paragraph(found[other], paras, p)
        if owner is not None and (actor := _another_person_acting(doc, text, owner, q.start_char)) is not None:
            # "But Greene believes he lost the race ... "In my semi-final race ..."': the one who acts right before
            # speaks, if that act is an attribution ("believes"); after "Dave Prentis criticised the plans", no one
            owner = _in_paragraph(cue_at.get(actor.head.i), paras, p)
        if owner is not None:
            owner.content.append((q.start_char, q.end_char))
        prev_quote = q


def _in_paragraph(att: Attribution | None, paras: "_Paragraphs", p: int) -> Attribution | None:
    """`att` when its cue is in paragraph `p`, else None."""
    return att if att is not None and paras.of(att.cue[0]) == p else None


def _last_words_end(owner: Attribution, start: int) -> int:
    """Where the attribution's last words before `start` end: its last content there, else its cue."""
    return max((e for _, e in owner.content if e <= start), default=owner.cue[1])


def _another_person_acting(doc: Doc, text: str, owner: Attribution, start: int) -> Token | None:
    """The last named person other than the attribution's source that is the subject of a sentence between the
    attribution's last words and a quotation at `start`, else None: 'He insisted the changes were "very modest". But ...
    Dave Prentis criticised the plans. "If you want world class public services ..."' is not the last speaker's
    (unseen BBC, fourteenth round)."""
    between = doc.char_span(_last_words_end(owner, start), start, alignment_mode="contract")
    if between is None:
        return None
    source = text[owner.source[0]:owner.source[1]] if owner.source else ""
    # a sentence's own subject, not one of the words someone reports ("And he added that Andy Johnson would ...")
    acting = [t for t in between if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"
              and t.ent_type_ == "PERSON" and t.text not in source]
    return acting[-1] if acting else None


def _another_speaker_between(speaking: list[tuple[int, int, str]], found: list[Attribution], owner: Attribution,
                             start: int, text: str) -> int | None:
    """The last other speaker, by a name none of whose words the owner's source has, with a cue between the owner's
    last words and a quotation at `start` (its index in `found`), else None: 'It is thought the proposed
    overhaul could mean a "career average" salary ... the Cabinet Office said it was reviewing the scheme. "Unions will
    of course be consulted ..."' is the Cabinet Office's, not the first one's (unseen BBC, fourteenth round)."""
    mine = _capitalised(text[owner.source[0]:owner.source[1]]) if owner.source else set()
    first = bisect_right(speaking, (_last_words_end(owner, start), -1, ""))
    others = [k for _, k, source in speaking[first:bisect_right(speaking, (start, -1, ""))]
              if found[k] is not owner and not (_capitalised(source) & mine)]
    return others[-1] if others else None


def _capitalised(words: str) -> set[str]:
    return {w.strip("'’s") for w in words.split() if w[:1].isupper()}


class _Paragraphs:
    """The paragraphs of a text, with the paragraph of a character found by bisection."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = paragraphs(text)
        self._starts = [s for s, _ in self.spans]

    def of(self, char: int) -> int:
        """The index of the paragraph holding `char`, or -1."""
        i = bisect_right(self._starts, char) - 1
        return i if i >= 0 and char < self.spans[i][1] else -1

    def blank_before(self, p: int, char: int) -> bool:
        """True when paragraph `p` holds only spaces before `char` (a quotation opens it)."""
        return not self.text[self.spans[p][0]:char].strip()


class _Claimed:
    """Character ranges already given to an attribution; does a range overlap any of them?"""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self._starts: list[int] = []
        self._max_end: list[int] = []  # the largest end among the ranges up to here, by start
        for s, e in sorted(ranges):
            self.add(s, e)

    def add(self, start: int, end: int) -> None:
        """Add a range that starts at or after every range added before (quotations come in order)."""
        if self._starts and start < self._starts[-1]:
            raise ValueError("ranges must be added in order of their start")
        self._starts.append(start)
        self._max_end.append(max(end, self._max_end[-1]) if self._max_end else end)

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self._starts, end)  # the ranges starting before `end`
        return before > 0 and self._max_end[before - 1] > start


class _Continuations:
    """Which attribution a quotation continues, answered by bisection.

    The attributions are ordered by where their content starts, as the walk reads them; the walk
    stops at the first whose content ends past the quotation's start. Growing an owner's content by
    a quotation never moves a later stop: quotations do not overlap, so the grown end is at most
    the next quotation's start."""

    def __init__(self, found: list[Attribution], quotes: QuoteIndex, paras: _Paragraphs) -> None:
        by_order = sorted(found, key=lambda a: min(s for s, _ in a.content))
        self._by_order = by_order
        self._reach: list[int] = []  # the furthest content end up to each position
        self._eligible: dict[int, list[int]] = {}  # paragraph of the cue -> positions that can own a quotation
        for n, att in enumerate(by_order):
            end = max(e for _, e in att.content)
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)
            if att.form != "phrase" and quotes.in_range(*att.content[0]):  # according to, a dash or a colon closes its own
                self._eligible.setdefault(paras.of(att.cue[0]), []).append(n)

    def owner(self, start: int, p: int, continued: bool) -> Attribution | None:
        stop = bisect_right(self._reach, start)
        best = self._last_before(p, stop)
        if continued:
            best = max(best, self._last_before(p - 1, stop))
        return self._by_order[best] if best >= 0 else None

    def _last_before(self, p: int, stop: int) -> int:
        positions = self._eligible.get(p, [])
        k = bisect_left(positions, stop)
        return positions[k - 1] if k else -1
