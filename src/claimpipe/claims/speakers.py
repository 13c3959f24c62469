"""The speaker of a cue verb: its subject or agent, the subject of the verb it hangs from, a noun
phrase fronted before it, and the repairs for misparses (a dateline taken for the subject, a subject
found inside a quotation)."""

from __future__ import annotations

from spacy.tokens import Token

from .cue_words import _cue_start
from .spans import DASHES, QuoteIndex


_OBJECT_CASE = {"them", "him", "her", "me", "us"}


def _source_of(verb: Token) -> Token | None:
    """The speaker of a cue verb: its subject, or the subject of the verb it hangs from."""
    # two subjects means a misparse ("ALMATY — SRG ... said"): the one nearest the verb is the speaker
    for child in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
        if child.dep_ == "nsubj":
            if child.lower_ in _OBJECT_CASE:  # "let them know": a causative, not a speaker
                return None
            return child
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if any(c.dep_ in ("nsubjpass", "expl") for c in verb.children):
        return None
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("PROPN", "NOUN", "PRON"):
        return verb.head  # "Dean, a medical doctor, saying ..."
    if verb.dep_ in ("xcomp", "advcl", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        if verb.dep_ == "advcl" and verb.tag_ != "VBG" and not any(c.lower_ == "to" for c in verb.lefts):
            return None
        return _source_of(verb.head)
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        return _source_of(verb.head.head)  # "pitched himself by telling them that ..."
    return None


def past_dateline(token: Token) -> Token:
    """"ALMATY — Steppe Resources Group, ..., said": the parser makes the dateline the subject and
    the real one its apposition; return the apposition."""
    doc = token.doc
    if token.i + 1 < len(doc) and doc[token.i + 1].text in DASHES and (token.is_upper or token.ent_type_ == "GPE"):
        after = next((c for c in token.rights if c.dep_ in ("appos", "conj", "npadvmod", "dep") and c.i > token.i + 1), None)
        if after is not None:
            return after
    return token


def _outside_quote_source(verb: Token, source: Token | None, quotes: "QuoteIndex") -> Token | None:
    """A subject parsed inside a quotation ("“We will win,” said Smith") is wrong: look around the verb.

    First the words between the quotation and the verb ("“...,” Rep. Smith said"), then the words
    right after it ("“...,” said Rep. Smith").
    """
    if source is not None and not quotes.inside(source):
        return source
    doc = verb.doc
    stretch = []
    j = _cue_start(verb).i - 1
    while j >= 0 and not quotes.inside(doc[j]) and doc[j].text not in ("”", '"', "''") and not doc[j].is_space:
        stretch.insert(0, doc[j])
        j -= 1
    stretch = [t for t in stretch if not (t.is_punct and t.text not in ("(", ")", ".", "-"))] if stretch else []
    if stretch and j >= 0 and any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in stretch):
        ids = {t.i for t in stretch}
        roots = [t for t in stretch if t.head.i not in ids and t.pos_ in ("PROPN", "NOUN", "PRON")]
        if roots:
            return roots[-1]
    for t in doc[verb.i + 1:min(len(doc), verb.i + 8)]:
        if t.is_punct or quotes.inside(t):
            break
        if t.dep_ == "prep":
            break  # "said in an interview": no speaker after the verb
        if t.pos_ in ("PROPN", "NOUN", "PRON") and t.dep_ in ("nsubj", "dobj", "attr", "appos", "dative", "compound") \
                and t.ent_type_ not in ("DATE", "TIME"):
            while t.dep_ == "compound" and t.head.i > t.i:
                t = t.head
            return t
    return None


def _fronted_speaker(verb: Token) -> Token | None:
    """"Britain and India are close to a deal, the UK's trade secretary, Oliver Grant, said": the
    parser hangs the speaker on the clause before as an apposition and leaves the verb without a
    subject. The noun phrase right before the verb is the speaker."""
    doc = verb.doc
    j = _cue_start(verb).i - 1
    while j >= 0 and doc[j].text == ",":
        j -= 1
    if j < 0 or doc[j].pos_ not in ("PROPN", "NOUN") or doc[j].sent.start != verb.sent.start:
        return None
    cand = doc[j]
    while cand.dep_ == "compound" and cand.head.i > cand.i:
        cand = cand.head
    while cand.dep_ == "appos" and cand.head.dep_ == "appos" and cand.head.i < cand.i:
        cand = cand.head
    if cand.dep_ not in ("appos", "conj", "npadvmod", "dobj", "pobj", "attr") or cand.i > verb.i:
        return None
    left = cand.left_edge.i
    if left == 0 or doc[left - 1].text not in (",", "--", "—"):
        return None  # the phrase must stand apart from the clause it follows
    return cand
