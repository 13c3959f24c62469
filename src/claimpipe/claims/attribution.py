"""Attribution: who says what, read from quotation marks, cue words and the dependency parse.

`find_attributions(doc)` returns one `Attribution` per cue, each with its source, cue and content
as character offsets into `doc.text` (the content may be several pieces). The patterns:

- indirect speech: a cue verb with a clausal complement ("X said/emphasized that ...", "X made it
  clear that ...", "..., X said"), a to-infinitive for verbs of wanting ("X vowed to ...") or an
  object for verbs of stance ("X criticized the plan");
- direct quotations: a cue verb with a quotation in its sentence, before or after it, a bare
  "X said." after a quoted sentence, a colon ("X said: ...", "NAME: ..."), a dash after a quote
  ("“...” — Name"), and quotations continued in the sentences and paragraphs that follow;
- mixed: indirect speech with a quoted stretch inside;
- "according to X" (and the other phrases of `lexicon.toml` [cues] according_to).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon, load_lexicon
from .quotes import Quote, find_quotes, paragraphs

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
    # (criticized the plan), "phrase" (according to, dash, colon). Claims take attribution from
    # clause, quote and phrase forms only: wanting or criticising something is not saying it.
    form: str = "clause"

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


def noun_phrase(token: Token) -> tuple[int, int] | None:
    """A source noun phrase: the subtree, without a relative clause that starts with the cue."""
    return subtree_range(token)


# ---------------------------------------------------------------------------------------------
# quotes


class QuoteIndex:
    """Quotes of a doc and fast look-ups from tokens and character ranges."""

    def __init__(self, doc: Doc) -> None:
        self.quotes = find_quotes(doc.text)
        self._inside = [False] * len(doc)
        for q in self.quotes:
            span = doc.char_span(q.start_char, q.end_char, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                if q.start_char <= t.idx < q.end_char and not _is_mark(t):  # the marks are not inside
                    self._inside[t.i] = True

    def inside(self, token: Token) -> bool:
        return self._inside[token.i]

    def in_range(self, start: int, end: int) -> list[Quote]:
        return [q for q in self.quotes if q.start_char < end and start < q.end_char]


def _is_mark(token: Token) -> bool:
    return token.text in ('"', "“", "”", "«", "»", "„", "''", "``")


# ---------------------------------------------------------------------------------------------
# the finder


def find_attributions(doc: Doc, *, lexicon: Lexicon | None = None) -> list[Attribution]:
    """Every attribution in `doc`, in text order, one per cue."""
    lex = lexicon or load_lexicon()
    quotes = QuoteIndex(doc)
    found: list[Attribution] = []
    sents = list(doc.sents)
    for k, sent in enumerate(sents):
        found.extend(_according_to(sent, lex))
        found.extend(_dash(sent, quotes))
        found.extend(_colon_speaker(sent, sents, k, quotes))
        for token in sent:
            att = _verb_cue(token, sent, sents, k, lex, quotes)
            if att is not None:
                found.append(att)
    found = _dedupe(found)
    _continue_quotes(doc, found, quotes, sents)
    for att in found:
        att.kind = att.kind if att.kind == "according_to" else _kind(att, quotes)
    return sorted(found, key=lambda a: a.cue)


def _dedupe(found: list[Attribution]) -> list[Attribution]:
    seen: dict[tuple[int, int], Attribution] = {}
    for att in found:
        if not att.content:
            continue
        if any(c[0] <= att.cue[0] < c[1] for c in att.content):
            continue  # a cue inside its own content is a parse error
        if att.cue not in seen:
            seen[att.cue] = att
    return list(seen.values())


def _kind(att: Attribution, quotes: QuoteIndex) -> str:
    quoted = 0
    total = 0
    any_quote = False
    for s, e in att.content:
        total += e - s
        for q in quotes.in_range(s, e):
            any_quote = True
            quoted += min(e, q.end_char) - max(s, q.start_char)
    if not any_quote:
        return "indirect"
    return "direct" if quoted >= 0.9 * total else "mixed"


# -- verbs --------------------------------------------------------------------------------------


def _is_cue_verb(token: Token, lex: Lexicon) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    return lemma in lex.cue_lemmas or any(p[0] == lemma for p in lex.light)


def _source_of(verb: Token) -> Token | None:
    """The speaker of a cue verb: its subject, or the subject of the verb it hangs from."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                return verb.head
            return child
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    if verb.dep_ in ("xcomp", "advcl", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        if verb.dep_ == "advcl" and verb.tag_ != "VBG":
            return None
        return _source_of(verb.head)
    return None


def _cue_range(verb: Token, lex: Lexicon) -> tuple[tuple[int, int], Token | None]:
    """The cue's characters (the verb, with the particle of a phrasal cue) and the particle."""
    start, end = verb.idx, verb.idx + len(verb.text)
    particles = lex.phrasal.get(verb.lemma_.lower(), frozenset())
    for child in verb.rights:
        if child.dep_ in ("prt", "prep") and child.lower_ in particles:
            return (start, child.idx + len(child.text)), child
    return (start, end), None


def _light_cue(verb: Token, lex: Lexicon) -> tuple[int, int] | None:
    """"made it clear": the light verb and its object and predicate, when they follow in order."""
    doc = verb.doc
    for phrase in lex.light:
        if verb.lemma_.lower() != phrase[0]:
            continue
        n = len(phrase)
        window = doc[verb.i:verb.i + n]
        if len(window) == n and all(t.lower_ == w or t.lemma_.lower() == w for t, w in zip(window[1:], phrase[1:])):
            return verb.idx, window[-1].idx + len(window[-1].text)
    return None


def _verb_cue(token: Token, sent: Span, sents: list[Span], k: int, lex: Lexicon,
              quotes: QuoteIndex) -> Attribution | None:
    if not _is_cue_verb(token, lex) or quotes.inside(token):
        return None
    lemma = token.lemma_.lower()
    source = _source_of(token)
    if source is None:
        return None
    cue, particle = _cue_range(token, lex)
    light = _light_cue(token, lex)
    if light is not None:
        cue = light
    elif lemma not in lex.cue_lemmas:
        return None
    content: list[tuple[int, int]] = []
    form = "clause"
    ccomps = [c for c in token.children if c.dep_ == "ccomp"]
    if light is not None:
        # "made it clear that ...": the clause hangs from the verb or from "clear"
        ccomps = [t for t in token.subtree if t.idx >= cue[1] and t.dep_ in ("ccomp", "advcl")
                  and t.head.idx < cue[1]][:1]
    if ccomps:
        rng = subtree_range(ccomps[0])
        if rng is not None:
            content = [rng]
    elif particle is not None and particle.dep_ == "prep":
        pobj = next((c for c in particle.children if c.dep_ in ("pobj", "pcomp")), None)
        if pobj is not None and (rng := subtree_range(pobj)):
            content = [rng]
    elif token.dep_ == "parataxis" and lemma in lex.speech:
        rng = subtree_range(token.head, exclude=[token])
        if rng is not None:
            content = [rng]
    if not content and lemma in lex.volition:
        xcomp = next((c for c in token.children if c.dep_ == "xcomp"), None)
        if xcomp is not None and (rng := subtree_range(xcomp)):
            content, form = [rng], "infinitive"
    if not content and lemma in lex.stance:
        form = "object"
        comps = [c for c in token.rights if c.dep_ in ("dobj", "dative", "oprd", "xcomp", "prep", "attr")]
        objs = [c for c in comps if c.dep_ in ("dobj", "attr", "oprd")]
        if objs:
            rng = token_range(token.doc[comps[0].left_edge.i:comps[-1].right_edge.i + 1])
            if rng is not None and not (lemma in lex.speech and _is_pronoun_object(objs[0])):
                content = [rng]
    if not content and lemma in lex.speech:
        content, form = _quoted_content(token, sent, sents, k, quotes, source), "quote"
    if not content:
        return None
    src = noun_phrase(source)
    if src is not None and src[0] <= cue[0] < src[1]:
        src = (src[0], cue[0])
        src = token_range(token.doc.char_span(src[0], src[1], alignment_mode="contract") or [])
    return Attribution("indirect", cue, src, content, cue_i=token.i, source_i=source.i, form=form)


def _is_pronoun_object(token: Token) -> bool:
    return token.pos_ == "PRON" and token.lower_ in ("it", "this", "that", "so", "something", "anything")


def _quoted_content(verb: Token, sent: Span, sents: list[Span], k: int, quotes: QuoteIndex,
                    source: Token) -> list[tuple[int, int]]:
    """Quotations that a verb of saying introduces or follows."""
    src_lo, src_hi = source.left_edge.idx, source.right_edge.idx + len(source.right_edge.text)
    inside = [q for q in quotes.in_range(sent.start_char, sent.end_char)
              if not (q.start_char <= verb.idx < q.end_char) and not (src_lo <= q.start_char < src_hi)]
    if inside:
        return [(q.start_char, q.end_char) for q in inside]
    # "“....” he said." parsed as a sentence of its own: the quote just before, in the paragraph
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if words and all(t.i in {*range(source.left_edge.i, source.right_edge.i + 1), verb.i} or t.dep_ in ("advmod", "npadvmod", "aux") for t in words) and k > 0:
        prev = sents[k - 1]
        if "\n\n" not in verb.doc.text[prev.end_char:sent.start_char]:
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


def _clause_without(sent: Span, lo: int, hi: int) -> list[tuple[int, int]]:
    """The sentence without tokens lo..hi (and the commas around them), as one or two pieces."""
    pieces = []
    for a, b in ((sent.start, lo), (hi + 1, sent.end)):
        rng = token_range(sent.doc[a:b]) if b > a else None
        if rng is not None and any(not t.is_punct for t in sent.doc[a:b]):
            pieces.append(rng)
    return pieces


# -- dash and colon -----------------------------------------------------------------------------


def _dash(sent: Span, quotes: QuoteIndex) -> list[Attribution]:
    """“...” — Name: a dash right after a closing quote, then a name."""
    out: list[Attribution] = []
    doc = sent.doc
    for t in sent:
        if t.text not in DASHES or t.i + 1 >= len(doc):
            continue
        before = [q for q in quotes.quotes if q.end_char <= t.idx and not doc.text[q.end_char:t.idx].strip()]
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


def _colon_speaker(sent: Span, sents: list[Span], k: int, quotes: QuoteIndex) -> list[Attribution]:
    """NAME: words. A short name opening a paragraph, a colon, then what the person said."""
    doc = sent.doc
    if sent.start_char > 0 and doc.text[max(0, sent.start_char - 2):sent.start_char] != "\n\n" and sent.start > 0 and not doc[sent.start - 1].is_space:
        return []
    words = [t for t in sent if not t.is_space]
    colon = next((t for t in words[:6] if t.text == ":"), None)
    if colon is None or colon.i == words[0].i:
        return []
    name = [t for t in words if t.i < colon.i]
    if not all(t.pos_ == "PROPN" or t.is_upper or t.text in (".", "'s") for t in name):
        return []
    if not any(t.ent_type_ in ("PERSON", "ORG") or t.is_upper for t in name):
        return []
    rest = [t for t in sent if t.i > colon.i]
    rng = token_range(rest)
    if rng is None:
        return []
    return [Attribution("direct", (colon.idx, colon.idx + 1), token_range(name), [rng], cue_i=colon.i,
                        source_i=name[-1].i, form="phrase")]


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
    paras = paragraphs(doc.text)
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
            if att.kind == "according_to":
                continue
            pa = para_of(att.cue[0])
            quoted = bool(quotes.in_range(*att.content[0]))
            if pa == p and quoted:
                owner = att
            elif pa == p - 1 and prev_quote is not None and not prev_quote.closed and para_of(prev_quote.start_char) == p - 1 \
                    and doc.text[paras[p][0]:q.start_char].strip() == "":
                owner = att if quoted else owner
        if owner is not None:
            owner.content.append((q.start_char, q.end_char))
            claimed.append((q.start_char, q.end_char))
        prev_quote = q
