"""The words of a cue: where a verb cue starts (auxiliaries, adverbs, a carrier verb), where it ends
(a particle, a medium, a colon), and light-verb phrases ("made it clear")."""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Lexicon


_WH = {"when", "where", "how", "why", "while", "as", "if"}
# verbs that carry another cue verb in a to-infinitive and belong to its cue ("continues to insist")
_CARRIERS = {"continue", "appear", "seem", "go", "begin", "proceed", "try", "keep"}
_NOT_IN_CUE = {"perhaps", "so", "thus", "therefore", "however"}


def _cue_start(verb: Token) -> Token:
    """First word of the cue: auxiliaries, negation and adverbs right before the verb belong to it."""
    doc = verb.doc
    first = verb
    j = verb.i - 1
    while j >= 0:
        t = doc[j]
        if t.head == verb and (t.dep_ in ("aux", "auxpass", "neg") or t.dep_ == "advmod" and t.lower_ not in _WH
                               and t.lower_ not in _NOT_IN_CUE):
            first = t
            j -= 1
            continue
        if t.dep_ == "advmod" and t.head.i == j + 1 and t.head.dep_ == "advmod" and t.head.i >= first.i:
            first = t  # "almost immediately disclosed": an adverb of the adverb
            j -= 1
            continue
        break
    # "continues to insist", "appeared to suggest": the carrier verb and its "to" join the cue
    if verb.dep_ in ("xcomp", "advcl") and verb.head.i < verb.i and verb.head.lemma_.lower() in _CARRIERS:
        between = doc[verb.head.i + 1:first.i]
        # "went on to discuss", "keeps saying": a particle of the carrier may stand between
        if all(t.lower_ == "to" or t.dep_ in ("advmod", "prt") for t in between) and (
                verb.dep_ == "xcomp" or any(t.dep_ == "prt" for t in between)):
            return _cue_start(verb.head)
    return first  # "to discuss": PolNeAR keeps the infinitive marker in the cue (38 of 39 on tune)


def _cue_range(verb: Token, lex: Lexicon) -> tuple[tuple[int, int], Token | None]:
    """The cue's characters (auxiliaries, the verb, the particle of a phrasal cue) and the particle.

    A colon right after the cue belongs to it ("said:"), as PolNeAR and PARC mark it.
    """
    start = _cue_start(verb).idx
    last, particle = verb, None
    particles = lex.phrasal.get(verb.lemma_.lower(), frozenset())
    for child in verb.rights:
        if child.dep_ == "prt" and child.i == verb.i + 1:
            last = particle = child
            break
        if child.dep_ == "prep" and child.i == verb.i + 1 and (
                child.lower_ in particles or verb.lemma_.lower() in lex.speech and child.lower_ in lex.topic_preps
                and not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children) and not _near_quote(verb)
                and not any(g.ent_type_ in ("DATE", "TIME") for g in child.children)):
            last = particle = child
            break
    doc = verb.doc
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.dep_ == "prep" and nxt.head == verb and particle is None:
        # "said in a statement", "explained in an interview": the medium belongs to the cue
        pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.lemma_.lower() in lex.media and pobj.right_edge.i - pobj.i <= 8:
            # with what modifies the medium: "said in an interview with CNN's Wolf Blitzer"
            last = pobj.right_edge
            while last.i > pobj.i and (last.is_punct or last.is_space):
                last = doc[last.i - 1]
            if any(t.text in ('"', "“", "”", "''") for t in doc[pobj.i:last.i + 1]):
                last = pobj
    if last.i + 1 < len(doc) and doc[last.i + 1].text == ":":
        last = doc[last.i + 1]
    return (start, last.idx + len(last.text)), particle


def _near_quote(verb: Token) -> bool:
    """True when the verb's sentence holds a quotation mark (its content is quoted, not a topic)."""
    return any(t.text in ('"', "“", "”", "''") for t in verb.sent)


def _light_cue(verb: Token, lex: Lexicon) -> tuple[int, int] | None:
    """"made it clear": the light verb and its object and predicate, when they follow in order."""
    doc = verb.doc
    for phrase in lex.light:
        if verb.lemma_.lower() != phrase[0]:
            continue
        n = len(phrase)
        window = doc[verb.i:verb.i + n]
        if len(window) == n and all(t.lower_ == w or t.lemma_.lower() == w for t, w in zip(window[1:], phrase[1:])):
            return _cue_start(verb).idx, window[-1].idx + len(window[-1].text)
    return None
