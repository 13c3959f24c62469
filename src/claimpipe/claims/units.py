"""Claim units: which sentences hold claims, and how a sentence splits into atomic claims.

A sentence is a claim when it is a statement: not a question, a heading, a call to action or a
fragment without a finite verb. A sentence that joins two clauses, each with its own subject
("China has become X's largest partner, and there are plans to ..."), gives one unit per clause.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .context import doc_text
from spacy.tokens import Doc, Span, Token

from .attribution import Attribution, token_range
from .spans import ContentIndex

FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
_CLAUSE_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")
_TERMINAL = (".", "!", "”", '"', "’", "'", ")", "…")


@dataclass(slots=True)
class Unit:
    """One claim: its characters, the head word of its clause, and its attribution (if any)."""

    start_char: int
    end_char: int
    head: Token
    sentence_index: int
    attribution: Attribution | None = None


def _words(sent: Span) -> list[Token]:
    return [t for t in sent if not (t.is_punct or t.is_space)]


def is_question(sent: Span) -> bool:
    text = sent.text.rstrip(" \n\t”\"’')")
    return text.endswith("?")


def is_fragment(sent: Span) -> bool:
    """No finite verb anywhere: a caption, a dateline, a list item."""
    return not any(t.tag_ in FINITE_TAGS for t in sent)


def is_imperative(sent: Span) -> bool:
    """A call to action: the root is a bare verb with no subject ("Sign up for our newsletter")."""
    root = sent.root
    if root.tag_ != "VB" or any(c.dep_ in _CLAUSE_SUBJECTS or c.dep_ in ("aux", "auxpass") for c in root.children):
        return False
    first = _words(sent)[:1]
    return bool(first) and (first[0] == root or first[0].lower_ in ("please", "do", "don't", "never", "just"))


def is_heading_like(sent: Span) -> bool:
    """Title Case with no closing punctuation, as headings and captions are written."""
    text = sent.text.strip()
    if not text or text.endswith(_TERMINAL) or text.endswith(":"):
        return False
    words = [t for t in _words(sent) if t.is_alpha and not t.is_stop]
    return bool(words) and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)


def is_statement(sent: Span, *, min_tokens: int) -> bool:
    """True when the sentence can hold a claim."""
    return (len(_words(sent)) >= min_tokens and not is_question(sent) and not is_fragment(sent)
            and not is_imperative(sent) and not is_heading_like(sent))


def content_head(att: Attribution, sent: Span) -> Token | None:
    """The highest word of an attribution's content inside `sent`."""
    best = None
    for s, e in att.content:
        for t in sent:
            if s <= t.idx < e and not (t.is_punct or t.is_space) and not (s <= t.head.idx < e and t.head != t):
                if best is None or _depth(t) < _depth(best):
                    best = t
    return best


def _depth(t: Token) -> int:
    d = 0
    while t.head != t and d < 50:
        t, d = t.head, d + 1
    return d


def _is_main_cue(cue: Token, root: Token) -> bool:
    """A cue that governs the sentence: the root, or a parenthetical "..., he said" under it."""
    return cue.head == root and cue.dep_ in ("parataxis",) or cue == root


def split_heads(head: Token) -> list[Token]:
    """The clause head and each conjoined clause with its own subject."""
    heads = [head]
    for c in head.rights:
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and any(g.dep_ in _CLAUSE_SUBJECTS for g in c.children):
            heads.append(c)
            heads.extend(h for h in split_heads(c)[1:])
    return heads


def sentence_units(sent: Span, k: int, attributions: list[Attribution], *,
                   covers: Callable[[Attribution, int, int], int] | None = None) -> list[Unit]:
    """Claim units of one statement sentence, each with the attribution that covers it.

    `covers(att, start, end)`: what `att.covers(start, end)` answers (a `ContentIndex`'s, faster)."""
    covers = covers or Attribution.covers
    doc = sent.doc
    s0, s1 = sent.start_char, sent.end_char
    text = doc_text(doc)
    while s1 > s0 and text[s1 - 1].isspace():
        s1 -= 1
    while s0 < s1 and (text[s0].isspace() or text[s0] in "—―–-•*·|"):
        s0 += 1  # a dash left over from a dateline ("BERLIN — ...") or a bullet
    root = sent.root
    att = None
    head = root
    covered = {id(a): c for a in attributions if a.reports_speech and (c := covers(a, s0, s1)) > 0}
    here = [a for a in attributions if id(a) in covered]
    main = next((a for a in here if a.cue_i == root.i or _is_main_cue(doc[a.cue_i], root)
                 or s0 <= a.cue[0] < s1 and covers(a, root.idx, root.idx + 1)), None)
    if main is not None:
        # "X said that Y": the claim is Y, said by X ("Y, X said" too: the root is then inside Y)
        att = main
        ch = content_head(att, sent)
        if att.cue_i == root.i and ch is not None and ch.pos_ in ("VERB", "AUX"):
            head = ch
    elif here:
        # the sentence is (mostly) what someone said: a quotation, "..., he said", "according to"
        best = max(here, key=lambda a: covered[id(a)])
        if covered[id(best)] >= 0.5 * (s1 - s0) or best.form == "phrase":
            att = best
    heads = split_heads(head)
    if head != root:
        # "X said that A, and B": B may hang from the cue; it is a claim of its own
        heads = sorted({h.i: h for h in heads + split_heads(root)[1:]}.values(), key=lambda t: t.i)
    if len(heads) == 1:
        return [Unit(s0, s1, head, k, att)]
    units = []
    start = s0
    for n, h in enumerate(heads):
        if n + 1 < len(heads):
            nxt = heads[n + 1]
            left = nxt.left_edge.i
            # the part ends before the "and"/"," that joins the next clause
            toks = list(doc[doc.char_span(start, s1, alignment_mode="expand").start:left])
            while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc" or toks[-1].is_space):
                toks.pop()
            if not toks:
                continue
            end = toks[-1].idx + len(toks[-1].text)
            units.append(Unit(start, end, h, k, att))
            start = nxt.left_edge.idx
        else:
            units.append(Unit(start, s1, h, k, att))
    for u in units:
        u.attribution = None
        # a part with a cue of its own ("..., and Navarro said Mexico might join") is said by that speaker
        own = next((a for a in here if a.cue_i == u.head.i), None)
        if own is not None:
            u.attribution = own
            part = doc.char_span(u.start_char, u.end_char, alignment_mode="expand")
            ch = content_head(own, part) if part is not None else None
            if ch is not None and ch.pos_ in ("VERB", "AUX"):
                u.head = ch
        elif att is not None and (covers(att, u.start_char, u.end_char) > 0 or u.start_char <= att.cue[0] < u.end_char):
            u.attribution = att
    return units


def doc_units(doc: Doc, attributions: list[Attribution], *, min_tokens: int,
              keep: "callable[[Span], bool] | None" = None) -> list[Unit]:
    """Claim units of every statement sentence that `keep` accepts (all, by default).

    Each sentence is shown only the attributions whose content reaches into it (a `ContentIndex`,
    in the same order), not every attribution of the article, and measures their content by the
    pieces near it: `sentence_units` keeps the same ones, and the stage stays linear in the
    article's length however many pieces a continued quotation has."""
    units: list[Unit] = []
    contents = ContentIndex(attributions)
    for k, sent in enumerate(doc.sents):
        if keep is not None and not keep(sent):
            continue
        if not is_statement(sent, min_tokens=min_tokens):
            continue
        nearby = contents.touching(sent.start_char, sent.end_char)
        units.extend(sentence_units(sent, k, nearby, covers=contents.covers))
    return units


__all__ = ["Unit", "doc_units", "sentence_units", "split_heads", "is_statement", "is_question", "is_fragment",
           "is_imperative", "is_heading_like", "content_head", "token_range"]
