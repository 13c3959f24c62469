"""What a cue reports: a clausal complement, the sentence around a parenthetical cue, an object, the
quotations a verb of saying introduces or follows, and the words before a closing "he said"."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .context import doc_text
from .cue_words import _cue_start
from .lexicon import Lexicon
from .spans import DASHES, QuoteIndex, subtree_range, token_range


def _has_subject(t: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children)


def _is_pronoun_object(token: Token) -> bool:
    return token.pos_ == "PRON" and token.lower_ in ("it", "this", "that", "so", "something", "anything")


def _clause_content(verb: Token, ccomp: Token, source: Token, sent: Span,
                    lex: Lexicon) -> tuple[int, int] | None:
    """What a verb of saying reports through its clausal complement.

    After the cue, the clause and any clause joined to the cue verb after it ("says she hopes ...,
    but she knows ..."); before the cue ("..., another source said"), everything from the start
    of the sentence to the source or cue, whichever comes first.
    """
    doc = verb.doc
    if ccomp.i > verb.i:
        right = ccomp.right_edge.i
        for c in ccomp.rights:
            # "... said A, and lawmakers asked B": a new speaker ends what the first one said
            if c.dep_ == "conj" and _has_subject(c) and c.lemma_.lower() in lex.cue_lemmas:
                right = c.left_edge.i - 1
                while right > ccomp.i and (doc[right].dep_ == "cc" or doc[right].is_punct):
                    right -= 1
                break
        for c in verb.rights:
            if c.dep_ == "conj" and c.i > ccomp.i and _has_subject(c) and not any(g.dep_ == "ccomp" for g in c.children) \
                    and c.lemma_.lower() not in lex.cue_lemmas:
                right = max(right, c.right_edge.i)  # not "..., and Navarro said ...": a cue of its own
        return token_range(doc[ccomp.left_edge.i:right + 1])
    stop = min(_cue_start(verb).i, source.left_edge.i if source.i > ccomp.right_edge.i else verb.i)
    start = sent.start
    return token_range(doc[_after_dateline(doc, start, stop):stop])


def _after_dateline(doc: Doc, start: int, stop: int) -> int:
    """Skip a dateline ("WASHINGTON ―", "LONDON, Sept. 28 (UPI) —") at the start of a sentence."""
    for j in range(start, min(stop, start + 12)):
        t = doc[j]
        if t.text in DASHES:
            before = [u for u in doc[start:j] if not (u.is_punct or u.is_space)]
            if before and all(u.is_upper or u.pos_ in ("PROPN", "NUM") or u.like_num for u in before):
                return j + 1
            return start
    return start


def _with_quotes(pieces: list[tuple[int, int]], sent: Span, quotes: "QuoteIndex", avoid: tuple[int, int]) -> list[tuple[int, int]]:
    """Widen content to the quotations it touches, and take the sentence's other quotations along."""
    touched = []
    out = []
    for s, e in pieces:
        for q in quotes.in_range(s, e):
            touched.append(q)
            s, e = min(s, q.start_char), max(e, q.end_char)
        out.append((s, e))
    if not touched:
        return out
    for q in quotes.in_range(sent.start_char, sent.end_char):
        if q in touched or avoid[0] <= q.start_char < avoid[1]:
            continue
        if any(s <= q.start_char < e for s, e in out):
            continue
        out.append((q.start_char, q.end_char))
    return sorted(out)


def _object_content(verb: Token, lex: Lexicon) -> list[tuple[int, int]]:
    """"noted the clot's existence", "told a meeting that ...": a verb of saying with an object."""
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None:
        return []
    clause = next((t for t in obj.subtree if t.dep_ in ("acl", "relcl", "ccomp") and any(
        g.lower_ == "that" and g.dep_ == "mark" for g in t.lefts)), None)
    if clause is not None:
        rng = subtree_range(clause)
        return [rng] if rng else []
    if verb.lemma_.lower() in lex.person_object or _is_pronoun_object(obj) or obj.ent_type_ in ("PERSON", "DATE", "TIME"):
        return []
    rng = subtree_range(obj)
    return [rng] if rng else []


def _fronted_content(verb: Token, source: Token, sent: Span) -> list[tuple[int, int]]:
    """"People like Scott, he said.": what comes before a closing "he said" is what was said."""
    doc = verb.doc
    if source.i > verb.i:
        lo = verb.i
    else:
        lo = source.left_edge.i
    after = [t for t in doc[verb.i + 1:sent.end] if not (t.is_punct or t.is_space)]
    # only time and place may follow: "..., he said on Thursday after two days of talks."
    if any(t.dep_ not in ("npadvmod", "advmod", "prep", "pobj", "det", "amod", "compound", "nummod") and t.ent_type_ not in ("DATE", "TIME") for t in after):
        return []
    words = [t for t in doc[sent.start:lo] if not (t.is_punct or t.is_space)]
    if len(words) < 2:
        return []
    rng = token_range(doc[_after_dateline(doc, sent.start, lo):lo])
    return [rng] if rng else []


def _quoted_content(verb: Token, sent: Span, sents: list[Span], k: int, quotes: QuoteIndex,
                    source: Token) -> list[tuple[int, int]]:
    """Quotations that a verb of saying introduces or follows."""
    src_lo, src_hi = source.idx, source.idx + len(source.text)
    inside = [q for q in quotes.in_range(sent.start_char, sent.end_char)
              if not (q.start_char <= verb.idx < q.end_char) and not (src_lo <= q.start_char < src_hi)]
    if inside:
        return [(q.start_char, q.end_char) for q in inside]
    # "“....” he said." parsed as a sentence of its own: the quote just before, in the paragraph
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    said = {*range(source.left_edge.i, source.right_edge.i + 1), verb.i}  # the source and the verb
    if k > 0 and words and all(t.i in said or t.dep_ in ("advmod", "npadvmod", "aux") for t in words):
        prev = sents[k - 1]
        if "\n\n" not in doc_text(verb.doc)[prev.end_char:sent.start_char]:
            before = quotes.in_range(prev.start_char, sent.start_char)
            if before:
                return [(q.start_char, q.end_char) for q in before]
    # "X said:" then the quotation, in the next sentence or paragraph
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is not None and nxt.text == ":" and k + 1 < len(sents):
        following = sents[k + 1]
        after = quotes.in_range(following.start_char, following.end_char)
        if after:
            return [(q.start_char, q.end_char) for q in after]
        rng = token_range(following)
        return [rng] if rng else []
    return []


def _complement_range(head: Token, deps: tuple[str, ...]) -> tuple[int, int] | None:
    comps = [c for c in head.rights if c.dep_ in deps]
    if not comps:
        return None
    return token_range(head.doc[comps[0].left_edge.i:comps[-1].right_edge.i + 1])
