"""Cues beside the verbs of saying: reporting nouns ("Trump's claim that ..."), stance adjectives ("X
is worried that ..."), passives without a named source ("the plan was criticized"), and judgements
that no one in particular makes ("X is expected to win", "X seems risky", "it is clear that ...")."""

from __future__ import annotations

from spacy.tokens import Token

from .contents import _complement_range
from .cue_words import _cue_range, _cue_start
from .lexicon import Lexicon
from .spans import Attribution, QuoteIndex, noun_phrase, subtree_range, token_range


def _noun_cue(token: Token, lex: Lexicon, quotes: QuoteIndex) -> Attribution | None:
    """"Trump's claim that ...", "a New York Times report that ...": a reporting noun with a source."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in lex.nouns or quotes.inside(token):
        return None
    clause = next((c for c in token.rights if c.dep_ in ("acl", "ccomp", "relcl")
                   and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.lefts)), None)
    if clause is None:
        return None
    source = next((c for c in token.lefts if c.dep_ == "poss"), None)
    if source is None:
        source = next((c for c in token.lefts if c.dep_ == "compound" and c.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")), None)
        while source is not None and source.dep_ == "compound" and source.head.i < token.i and source.head != token:
            source = source.head
    if source is None:
        return None
    rng = subtree_range(clause)
    if rng is None:
        return None
    start = token
    for c in token.lefts:
        if c.dep_ == "amod" and c.i == token.i - 1:
            start = c
    src = subtree_range(source, exclude=[c for c in source.children if c.dep_ == "case"]) if source.dep_ == "poss" else token_range(
        t for t in token.doc[source.left_edge.i:token.i] if t.dep_ != "det")
    return Attribution("indirect", (start.idx, token.idx + len(token.text)), src, [rng], cue_i=token.i,
                       source_i=source.i, form="clause")


def _adjective_cue(token: Token, lex: Lexicon, quotes: QuoteIndex) -> Attribution | None:
    """"X is worried that ...", "X was critical of Y": a stance adjective after a copula."""
    if token.pos_ != "ADJ" or token.dep_ != "acomp" or token.lemma_.lower() not in lex.adjectives:
        return None
    cop = token.head
    if cop.lemma_ not in ("be", "remain", "seem", "appear", "become", "grow") or quotes.inside(token):
        return None
    source = next((c for c in cop.children if c.dep_ == "nsubj"), None)
    if source is None or source.lower_ in ("it", "this", "that", "there"):
        return None
    end = token
    content = None
    clause = next((c for c in token.rights if c.dep_ in ("ccomp", "xcomp")), None)
    prep = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ in ("about", "of", "over", "with", "on")), None)
    if clause is not None:
        content = subtree_range(clause)
    elif prep is not None:
        pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if pobj is not None:
            content, end = subtree_range(pobj), prep
    if content is None:
        return None
    cue = (_cue_start(cop).idx, end.idx + len(end.text))
    return Attribution("indirect", cue, noun_phrase(source, quotes), [content], cue_i=token.i, source_i=source.i,
                       form="object" if prep is not None and clause is None else "clause",
                       core=(token.idx, end.idx + len(end.text)))


def _passive_cue(token: Token, lex: Lexicon, quotes: QuoteIndex) -> Attribution | None:
    """"X was announced", "the plan was criticized": a passive cue without a named source."""
    subj = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if subj is not None and token.lemma_.lower() in lex.passive_raising:
        att = _passive_raising_cue(token, subj, lex, quotes)
        if att is not None:
            return att
    if subj is None or token.lemma_.lower() not in lex.stance or subj.lower_ in ("it", "this", "that", "which", "what"):
        return None
    if any(c.dep_ in ("agent", "xcomp", "ccomp") for c in token.children):
        return None
    cue, _ = _cue_range(token, lex)
    rng = noun_phrase(subj, quotes)
    if rng is None:
        return None
    return Attribution("indirect", cue, None, [rng], cue_i=token.i, source_i=None, form="object")


def _passive_raising_cue(token: Token, subj: Token, lex: Lexicon, quotes: QuoteIndex) -> Attribution | None:
    """"X is expected to win", "X is believed to be": the cue is the passive verb with its auxiliaries,
    the content the subject and the infinitive; no source unless a "by" phrase names one."""
    xcomp = next((c for c in token.rights if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.lefts)), None)
    if xcomp is None or quotes.inside(token) or any(c.dep_ == "agent" for c in token.children) or _nested(token, lex):
        return None
    subj_rng = noun_phrase(subj, quotes)
    comp = subtree_range(xcomp)
    if subj_rng is None or comp is None:
        return None
    cue = (_cue_start(token).idx, token.idx + len(token.text))
    return Attribution("indirect", cue, None, [subj_rng, comp], cue_i=token.i, source_i=None, form="judgement",
                       core=(token.idx, token.idx + len(token.text)))


def _nested(token: Token, lex: Lexicon) -> bool:
    """A judgement inside what a cue verb reports ("she added that the vote seems ...") is part of it."""
    return token.dep_ == "ccomp" and token.head.lemma_.lower() in lex.cue_lemmas


def _raising_cue(token: Token, lex: Lexicon, quotes: QuoteIndex) -> Attribution | None:
    """"Drawing on home equity seems too risky", "RT can seem like another entrant": a judgement
    with no named source (unless "seems to X" names one); the content is the subject and what it
    seems. "appeared to suggest" is left to the cue verb it carries."""
    if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in lex.raising or quotes.inside(token):
        return None
    xcomp = next((c for c in token.rights if c.dep_ == "xcomp"), None)
    if xcomp is not None and xcomp.lemma_.lower() in lex.cue_lemmas:
        return None
    subj = next((c for c in token.children if c.dep_ in ("nsubj", "expl")), None)
    if subj is None or subj.tag_ in ("WDT", "WP") or _nested(token, lex):
        return None
    source = None
    for prep in token.rights:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            source = next((c for c in prep.children if c.dep_ == "pobj"), None)
    # "appeared on MSNBC", "can't appear in person": appearing somewhere is not a judgement
    if not any(c.dep_ in ("xcomp", "ccomp", "acomp", "oprd", "attr") or c.dep_ == "prep" and c.lower_ in ("like", "as")
               for c in token.rights):
        return None
    comp = _complement_range(token, ("xcomp", "ccomp", "acomp", "oprd", "attr", "prep", "advcl"))
    if comp is None:
        return None
    content = [comp] if subj.dep_ == "expl" else [r for r in (noun_phrase(subj, quotes), comp) if r]
    src_rng = noun_phrase(source, quotes) if source is not None else None
    if source is not None:  # "seems to many voters too risky": the one it seems to is the source
        content = [r for r in content if not (src_rng and r[0] <= src_rng[0] < r[1])]
        if not content:
            return None
    cue = (_cue_start(token).idx, token.idx + len(token.text))
    return Attribution("indirect", cue, src_rng, content,
                       cue_i=token.i, source_i=source.i if source is not None else None, form="judgement",
                       core=(token.idx, token.idx + len(token.text)))


def _impersonal_cue(token: Token, lex: Lexicon, quotes: QuoteIndex) -> Attribution | None:
    """"It is clear that ...", "it was unclear whether ...": the cue runs from "it" to the adjective,
    the content is the clause; no source."""
    if token.pos_ != "ADJ" or token.dep_ != "acomp" or token.lemma_.lower() not in lex.impersonal:
        return None
    cop = token.head
    if cop.lemma_ != "be" or quotes.inside(token):
        return None
    it = next((c for c in cop.lefts if c.dep_ in ("nsubj", "expl") and c.lower_ == "it"), None)
    if it is None:
        return None
    clause = next((c for c in list(token.rights) + list(cop.rights)
                   if c.dep_ in ("ccomp", "csubj") and c.i > token.i), None)
    if clause is None:
        return None
    content = subtree_range(clause)
    if content is None:
        return None
    start = min(it.idx, _cue_start(cop).idx)
    return Attribution("indirect", (start, token.idx + len(token.text)), None, [content], cue_i=token.i,
                       source_i=None, form="judgement", core=(token.idx, token.idx + len(token.text)))
