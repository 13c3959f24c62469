"""Clause structure from the dependency parse: subject, predicate, object, negation and hedging.

`clause_structure(head)` reads one clause around its head word. It handles auxiliaries and
negation in the predicate ("will not follow"), passives ("is owned by" + the agent), copulas ("is"
+ the attribute), existentials ("there are plans ..."), prepositional objects ("shifted to" +
"domestic suppliers") and to-infinitive chains ("is expected to grow"). A clause without its own
subject (the second verb of "X rose and fell") takes the subject of the verb it is joined to.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass, field

from .context import doc_text
from spacy.tokens import Token

from .attribution import past_dateline, token_range
from .lexicon import Lexicon, load_lexicon

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
OBJECT_DEPS = ("dobj", "attr", "acomp", "oprd", "ccomp", "xcomp", "dative")
# children that end a noun phrase's core: "The company, which ..." -> "The company"
_NP_CUT = ("relcl", "appos", "acl", "punct", "advcl", "prep", "cc", "conj")
_PRED_LEFT = ("aux", "auxpass", "neg")
NP_INTERNAL = ("relcl", "acl")


@dataclass(slots=True)
class Structure:
    """Subject, predicate and object of one clause; `subject_token` heads the subject."""

    subject: str = ""
    subject_token: Token | None = None
    predicate: str = ""
    object: str = ""
    negated: bool = False
    predicate_tokens: list[Token] = field(default_factory=list)


def subject_of(head: Token) -> Token | None:
    """The clause's subject; through conjunction, xcomp and relative clauses when it has none."""
    seen = 0
    while seen < 8:
        seen += 1
        for child in sorted(head.children, key=lambda c: abs(c.i - head.i)):
            if child.dep_ in SUBJECT_DEPS:
                if child.tag_ in ("WDT", "WP") and head.dep_ == "relcl":
                    return head.head
                return child
        expl = next((c for c in head.children if c.dep_ == "expl"), None)
        if expl is not None:
            attr = next((c for c in head.children if c.dep_ in ("attr", "nsubj")), None)
            return attr or expl
        if head.dep_ in ("conj", "xcomp") and head.head.pos_ in ("VERB", "AUX") and head.head != head:
            head = head.head
            continue
        if head.dep_ == "relcl" and head.head != head:
            return head.head
        return _misattached_subject(head)
    return None


def _misattached_subject(head: Token) -> Token | None:
    """Repair "While X seeks a stance, its ties ... limit ...": the parser hangs the subject of the
    main clause, after the comma, on the subordinate clause as an apposition."""
    for clause in head.lefts:
        if clause.dep_ != "advcl":
            continue
        for t in clause.subtree:
            if t.dep_ == "appos" and t.i > 0 and t.doc[t.left_edge.i - 1].text == "," and t.pos_ in ("NOUN", "PROPN"):
                return t
    return None


def np_core(token: Token) -> tuple[int, int] | None:
    """The core of a noun phrase: its left part and head, without clauses, appositions or PPs."""
    right = token.i
    for child in token.rights:
        if child.dep_ in _NP_CUT:
            break
        right = child.right_edge.i
    left = token.left_edge.i
    return token_range(token.doc[left:right + 1])


def _predicate_chain(head: Token) -> tuple[list[Token], Token]:
    """Auxiliaries, negation, the head and its particle; then to-infinitive complements."""
    tokens: list[Token] = []
    cur = head
    for _ in range(4):
        tokens.extend(c for c in cur.lefts if c.dep_ in _PRED_LEFT)
        tokens.append(cur)
        tokens.extend(c for c in cur.rights if c.dep_ in ("prt", "neg"))
        xcomp = next((c for c in cur.rights if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        has_obj = any(c.dep_ in ("dobj", "attr", "acomp", "oprd") for c in cur.children)
        if xcomp is None or has_obj or not any(c.lower_ == "to" for c in xcomp.lefts):
            break
        cur = xcomp
    return tokens, cur


def clause_structure(head: Token, *, lexicon: Lexicon | None = None) -> Structure:
    """Subject, predicate (with auxiliaries and negation) and object of the clause headed by `head`."""
    lex = lexicon or load_lexicon()
    doc = head.doc
    st = Structure()
    subj = subject_of(head)
    if subj is not None:
        subj = past_dateline(subj)
        st.subject_token = subj
        rng = np_core(subj)
        st.subject = doc_text(doc)[rng[0]:rng[1]] if rng else subj.text
    tokens, last = _predicate_chain(head)
    obj_tokens: list[Token] = []
    children = list(last.rights)
    objs = [c for c in children if c.dep_ in OBJECT_DEPS and c.dep_ != "xcomp"]
    if any(c.dep_ == "expl" for c in head.children) and subj is not None and subj.dep_ != "expl":
        # "there are plans to ...": the noun is the subject; what it plans is the object
        tokens.insert(0, next(c for c in head.children if c.dep_ == "expl"))
        objs = [c for c in subj.rights if c.dep_ in ("acl", "relcl", "prep")]
    elif not objs:
        agent = next((c for c in children if c.dep_ == "agent"), None)
        prep = agent or next((c for c in children if c.dep_ == "prep"), None)
        if prep is not None:
            pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                tokens.append(prep)
                objs = [pobj]
        elif (xc := next((c for c in children if c.dep_ == "xcomp"), None)) is not None:
            objs = [xc]
    if objs:
        first = objs[0]
        obj_tokens = list(doc[first.left_edge.i:first.right_edge.i + 1])
        rng = token_range(obj_tokens)
        st.object = doc_text(doc)[rng[0]:rng[1]] if rng else ""
    tokens.sort(key=lambda t: t.i)
    st.predicate_tokens = tokens
    st.predicate = " ".join(t.text for t in tokens)
    st.negated = is_negated(tokens, subj, objs[0] if objs else None, lex)
    return st


def is_negated(predicate: Iterable[Token], subject: Token | None, obj: Token | None,
               lexicon: Lexicon | None = None) -> bool:
    """True when the predicate carries a negation, or the subject or object is "no ..."/"nothing"."""
    lex = lexicon or load_lexicon()
    for t in predicate:
        if t.dep_ == "neg" or t.lower_ in lex.neg_adverbs and t.dep_ in ("neg", "advmod"):
            return True
        if any(c.dep_ == "neg" for c in t.children):
            return True
    for np in (subject, obj):
        if np is None:
            continue
        if np.lower_ in lex.neg_pronouns:
            return True
        if any(c.dep_ == "det" and c.lower_ in lex.neg_determiners for c in np.children):
            return True
    return False


def _inside_np_clause(token: Token, head: Token) -> bool:
    """True when `token` sits in a relative clause or noun modifier clause below `head`."""
    cur = token
    for _ in range(30):
        if cur == head or cur.head == cur:
            return False
        if cur.dep_ in NP_INTERNAL:
            return True
        cur = cur.head
    return False


def hedge_cues(tokens: Iterable[Token], head: Token | None = None, *, lexicon: Lexicon | None = None,
               skip: Container[int] = ()) -> list[str]:
    """The words that make a clause tentative: "may", "reportedly", "is expected to", "plans to".

    Tokens in `skip` (the source and cue of an attribution) and tokens inside relative clauses
    below `head` do not count.
    """
    lex = lexicon or load_lexicon()
    cues: list[str] = []
    for t in tokens:
        if t.i in skip:
            continue
        lower, lemma = t.lower_, t.lemma_.lower()
        cue = None
        if t.tag_ == "MD" and lower in lex.modals:
            cue = lower
        elif lower in lex.hedge_adverbs and t.pos_ in ("ADV", "ADJ"):
            if lower in lex.hedge_adjectives:
                cue = _with_to(t) or lower
            else:
                cue = lower
        elif lower in lex.hedge_adjectives and t.dep_ in ("acomp", "attr"):
            cue = _with_to(t) or lower
        elif lemma in lex.hedge_verbs_with_to and t.pos_ in ("VERB", "NOUN"):
            cue = _with_to(t)
            if cue is None and t.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in t.children) \
                    and lemma in lex.hedge_passives:  # "growth is expected"
                cue = _aux_phrase(t)
        if cue and cue not in cues and not (head is not None and _inside_np_clause(t, head)):
            cues.append(cue)
    return cues


def _aux_phrase(t: Token) -> str:
    aux = [c for c in t.lefts if c.dep_ in ("aux", "auxpass") and c.lemma_ == "be"]
    return " ".join([a.lower_ for a in aux[-1:]] + [t.lower_])


def _with_to(t: Token) -> str | None:
    """"is expected to", "plans to", "likely to": the word with its to-infinitive, if it has one."""
    comp = next((c for c in t.rights if c.dep_ in ("xcomp", "acl") and any(a.lower_ == "to" for a in c.lefts)), None)
    if comp is None:
        return None
    phrase = _aux_phrase(t) if t.pos_ in ("VERB", "ADJ") else t.lower_
    if t.pos_ == "ADJ":
        cop = t.head if t.dep_ == "acomp" and t.head.lemma_ == "be" else None
        phrase = f"{cop.lower_} {t.lower_}" if cop is not None else t.lower_
    return phrase + " to"
