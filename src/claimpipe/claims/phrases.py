"""Phrase attributions ("according to X", "“...” — Name", "NAME: ...") and quotations continued
across sentences and paragraphs."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

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
        before = [q for q in quotes.quotes if q.end_char <= t.idx and not doc_text(doc)[q.end_char:t.idx].strip()]
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
    """
    if not found:
        return
    claimed = [(s, e) for a in found for s, e in a.content]
    paras = paragraphs(doc_text(doc))
    para_of = lambda c: next((i for i, (s, e) in enumerate(paras) if s <= c < e), -1)  # noqa: E731
    by_order = sorted(found, key=lambda a: min(s for s, _ in a.content))
    prev_quote: Quote | None = None
    for q in quotes.quotes:
        if any(s < q.end_char and q.start_char < e for s, e in claimed):
            prev_quote = q
            continue
        if q.end_char - q.start_char < 20:
            prev_quote = q
            continue
        p = para_of(q.start_char)
        owner = None
        for att in by_order:
            end = max(e for _, e in att.content)
            if end > q.start_char:
                break
            if att.form == "phrase":
                continue  # according to, a dash or a colon closes its own quotation
            pa = para_of(att.cue[0])
            quoted = bool(quotes.in_range(*att.content[0]))
            if pa == p and quoted:
                owner = att
            elif pa == p - 1 and prev_quote is not None and not prev_quote.closed and para_of(prev_quote.start_char) == p - 1 \
                    and doc_text(doc)[paras[p][0]:q.start_char].strip() == "":
                owner = att if quoted else owner
        if owner is not None:
            owner.content.append((q.start_char, q.end_char))
            claimed.append((q.start_char, q.end_char))
        prev_quote = q
