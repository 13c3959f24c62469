"""Verb cues: "X said that ...", "“...,” said X", "X vowed to ...", "X criticized the plan", each with its
source, cue and content.

`_verb_cue` reads one cue verb in five steps, each its own function: who speaks (`_speaker`), which
words are the cue (`_cue_words`), what is reported (`_governed_content`, else `_other_content`), whether
the result is an attribution at all (`_is_description`), and the record itself (`_verb_attribution`).
The pieces they use live by concern: `speakers` (the source), `cue_words` (the cue's extent),
`contents` (the content); the cues that are not verbs of saying are in `stance_cues`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .contents import (_clause_content, _complement_range, _fronted_content, _has_subject, _is_pronoun_object,
                       _after_dateline, _object_content, _quoted_content, _with_quotes)
from .context import doc_text
from .cue_words import _cue_range, _light_cue
from .lexicon import Lexicon
from .speakers import _fronted_speaker, _outside_quote_source, _source_of, past_dateline
from .spans import Attribution, QuoteIndex, _clause_without, noun_phrase, subtree_range, token_range
from .stance_cues import _passive_cue

__all__ = ["_verb_cue"]

Pieces = list[tuple[int, int]]


def _is_cue_verb(token: Token, lex: Lexicon) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if token.i > 0 and token.nbor(-1).text == "-" and not token.nbor(-1).whitespace_:
        return False  # "little-known investment firm Baikal": half of an adjective (unseen BBC, twelfth round)
    return token.lemma_.lower() in lex.cue_lemmas


@dataclass(slots=True)
class _Verb:
    """One cue verb as the steps of `_verb_cue` see it: the verb, its sentence and what is found so far."""

    token: Token
    lemma: str
    sent: Span
    sents: list[Span]
    k: int  # the sentence's index in `sents`
    lex: Lexicon
    quotes: QuoteIndex
    source: Token | None = None
    cue: tuple[int, int] = (0, 0)
    particle: Token | None = None  # "pointed out", "spoke about": a particle or preposition of the cue
    light: tuple[int, int] | None = None  # "made it clear": the light-verb phrase

    @property
    def speech(self) -> bool:
        return self.lemma in self.lex.speech


def _verb_cue(token: Token, sent: Span, sents: list[Span], k: int, lex: Lexicon,
              quotes: QuoteIndex) -> Attribution | None:
    """The attribution a verb of saying, wanting or stance heads, or None.

    A verb inside a quotation is part of what is quoted. A passive without a speaker ("the plan was
    criticized") is read by `_passive_cue`."""
    if not _is_cue_verb(token, lex) or quotes.inside(token):
        return None
    v = _Verb(token, token.lemma_.lower(), sent, sents, k, lex, quotes)
    v.source = _parsed_speaker(v)
    if v.source is None and any(c.dep_ == "nsubjpass" for c in token.children):
        return _passive_cue(token, lex, quotes)
    v.source = _speaker(v)
    if v.source is None or not _cue_words(v):
        return None
    content, form = _governed_content(v)
    if not content:
        content, form = _other_content(v, form)
    if not content:
        return None
    form = _naming_form(v, form)
    if _is_description(v, form):
        return None
    return _verb_attribution(v, content, form)


def _parsed_speaker(v: _Verb) -> Token | None:
    """The speaker as the parse gives it: the subject or agent (`_source_of`).

    A conjoined verb of saying without a subject ("A is so, the minister, X, said") first takes the
    noun phrase fronted before it: the parser hangs the verb on A, whose subject is not the speaker."""
    source = None
    if v.token.dep_ == "conj" and v.speech and not _has_subject(v.token):
        source = _fronted_speaker(v.token)
    return source or _source_of(v.token, v.lex.speech)


def _speaker(v: _Verb) -> Token | None:
    """The speaker after the repairs for misparses: a fronted noun phrase for a verb of saying with
    none, a subject parsed inside a quotation replaced by the name around the verb, and a dateline
    taken for the subject ("ALMATY — ...") replaced by the real one."""
    source = v.source
    if source is None and v.speech:
        source = _fronted_speaker(v.token)
    source = _outside_quote_source(v.token, source, v.quotes)
    source = _document_before_verb(v, source)
    return past_dateline(source) if source is not None else None


def _document_before_verb(v: _Verb, source: Token | None) -> Token | None:
    """ "It plans to buy ACC, Ambuja Cement Eastern and the holding firm, a Holcim statement said": the parser hangs
    the document on a name of the reported list as its apposition; the phrase right before the verb says."""
    if source is None or v.token.i == 0:
        return source
    before = v.token.doc[v.token.i - 1]
    if before.dep_ == "appos" and before.head.i in {w.i for w in source.subtree} \
            and before.lemma_.lower() in v.lex.document_nouns and before.i != source.i:
        return before
    return source


def _cue_words(v: _Verb) -> bool:
    """Fill the cue's extent, particle and light-verb phrase; False when the verb is no cue here.

    A verb of the lexicon is a cue only as a verb of saying, wanting or stance, or with a particle
    ("pointed out"); a verb of manner ("sang") only says who spoke, not when ("as he sang")."""
    lex = v.lex
    v.cue, v.particle = _cue_range(v.token, lex)
    v.light = _light_cue(v.token, lex)
    if v.light is not None:
        v.cue = v.light
    elif v.lemma not in lex.speech | lex.volition | lex.stance and v.particle is None:
        return False
    return not (v.lemma in lex.manner and v.light is None and v.particle is None and _as_clause(v.token))


def _governed_content(v: _Verb) -> tuple[Pieces, str]:
    """The content the verb governs: its clausal complement ("said that ..."), the sentence around a
    parenthetical ("A, he said, B"; "as X put it"), or the object of its preposition ("spoke about
    X"; "called on Dean to apologize", where the one called on joins the cue)."""
    token, lex, lemma = v.token, v.lex, v.lemma
    content: Pieces = []
    form = "clause"
    ccomps = [c for c in token.children if c.dep_ == "ccomp"]
    if v.light is not None:
        # "made it clear that ...": the clause hangs from the verb or from "clear"
        ccomps = [t for t in token.subtree if t.idx >= v.cue[1] and t.dep_ in ("ccomp", "advcl")
                  and t.head.idx < v.cue[1]][:1]
    if ccomps and lemma not in lex.speech and v.light is None and ccomps[0].i < token.i:
        ccomps = []  # only verbs of saying stand after what they report
    if ccomps:
        rng = _clause_content(token, ccomps[0], v.source, v.sent, lex)
        if rng is not None:
            content = [rng]
            if lemma not in lex.speech and v.light is None and v.particle is None:
                form = "object"  # "the ministry wants those jobs protected": wanting is not saying
    elif (token.dep_ == "parataxis" and lemma in lex.speech or _as_clause(token)
          and (lemma in lex.speech or v.light is not None or v.particle is not None)):
        content = _parenthetical_content(v)
    elif v.particle is not None and v.particle.dep_ == "prep":
        content, form = _prepositional_content(v)
    return content, form


def _parenthetical_content(v: _Verb) -> Pieces:
    """"A, he said, B": the sentence without the cue and its speaker (a dateline at its start left out)."""
    token, sent, source = v.token, v.sent, v.source
    lo = min(token.left_edge.i, source.left_edge.i)
    hi = max(token.right_edge.i, source.right_edge.i)
    content = _clause_without(sent, lo, hi)
    if content and content[0][0] == sent.start_char:
        first = _after_dateline(token.doc, sent.start, lo)
        content[0] = (token.doc[first].idx, content[0][1]) if first > sent.start else content[0]
    return content


def _prepositional_content(v: _Verb) -> tuple[Pieces, str]:
    """The object of the cue's preposition: what was spoken about ("object"), or said ("clause", for a
    verb of saying with a preposition that is not a topic's); an infinitive after it ("called on Dean
    to apologize") is the content, and the one called on joins the cue (`v.cue` grows)."""
    token, particle, lex = v.token, v.particle, v.lex
    pobj = next((c for c in particle.children if c.dep_ in ("pobj", "pcomp")), None)
    xcomp = next((c for c in token.rights if c.dep_ == "xcomp" and pobj is not None and c.i > pobj.right_edge.i), None)
    if xcomp is not None and (rng := subtree_range(xcomp)):
        v.cue = (v.cue[0], pobj.right_edge.idx + len(pobj.right_edge.text))
        return [rng], "infinitive"
    if pobj is not None and (rng := subtree_range(pobj)):
        return [rng], "clause" if v.lemma in lex.speech and particle.lower_ not in lex.topic_preps else "object"
    return [], "clause"


def _other_content(v: _Verb, form: str) -> tuple[Pieces, str]:
    """Content for a verb that governs no clause, by the kind of verb, first found wins: the
    infinitive of a verb of wanting ("vowed to ..."), the object of a stance ("criticized the plan";
    a passive's subject, "was supported by 42 percent"), and for a verb of saying the quotations
    around it, its object ("noted the clot's existence"), or the words before a closing "he said"."""
    token, lex, lemma = v.token, v.lex, v.lemma
    if lemma in lex.volition:
        xcomp = next((c for c in token.children if c.dep_ == "xcomp"), None)
        if xcomp is not None and (rng := subtree_range(xcomp)):
            return [rng], "infinitive"
    if lemma in lex.stance:
        form = "object"
        objs = [c for c in token.rights if c.dep_ in ("dobj", "attr", "oprd")]
        if objs:
            rng = _complement_range(token, ("dobj", "dative", "oprd", "xcomp", "prep", "attr"))
            if rng is not None and not (lemma in lex.speech and _is_pronoun_object(objs[0])):
                return [rng], form
        if any(c.dep_ == "agent" for c in token.children):
            subj = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
            if subj is not None and (rng := noun_phrase(subj, v.quotes)):
                return [rng], "object"
    if lemma in lex.speech:
        if content := _quoted_content(token, v.sent, v.sents, v.k, v.quotes, v.source):
            return content, "quote"
        if content := _object_content(token, lex):
            return content, "object"
        if content := _fronted_content(token, v.source, v.sent):
            return content, "clause"
    return [], form


def _naming_form(v: _Verb, form: str) -> str:
    """"called the decision “deeply troubling”": naming something is saying it."""
    if form == "object" and v.lemma in v.lex.naming and any(c.dep_ == "oprd" for c in v.token.children):
        return "clause"
    return form


def _is_description(v: _Verb, form: str) -> bool:
    """True when the verb describes something rather than attributes: "the program, called EB-5" (a
    name); "said he believes ..." (the belief is part of what was said); "a super PAC that intends to
    hammer ..." (wanting inside a description). A named actor's stance in a relative clause stays an
    attribution ("the Saudi government, which has denied any involvement")."""
    token, lex = v.token, v.lex
    if token.dep_ == "acl" and token.tag_ == "VBN" and v.lemma in lex.naming:
        return True
    if token.dep_ == "ccomp" and form != "quote" and token.head.lemma_.lower() in lex.cue_lemmas:
        return True
    return form in ("object", "infinitive") and token.dep_ in ("relcl", "xcomp", "pcomp", "acl") \
        and not (token.dep_ == "relcl" and v.source.tag_ in ("WP", "WDT") and _agentive(token.head, lex))


def _verb_attribution(v: _Verb, content: Pieces, form: str) -> Attribution:
    """The record: the source's noun phrase (for "who said", the noun "who" stands for is the source
    word), content widened to the quotations a clause touches, the source cut before the cue, and
    the cue's core (the verb, its particle, the medium of "said in an interview")."""
    token, source, cue = v.token, v.source, v.cue
    src = noun_phrase(source, v.quotes)
    if source.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
        # "an architect who said ...": the source is "who"; who that is, is the noun it refers to
        src = (source.idx, source.idx + len(source.text))
        source = token.head
    if form == "clause":
        content = _with_quotes(content, v.sent, v.quotes, src or (0, 0))
    if src is not None and src[0] <= cue[0] < src[1]:
        src = (src[0], cue[0])
        src = token_range(token.doc.char_span(src[0], src[1], alignment_mode="contract") or [])
    return Attribution("indirect", cue, src, content, cue_i=token.i, source_i=source.i, form=form,
                       core=_cue_core(v))


def _cue_core(v: _Verb) -> tuple[int, int]:
    """What claims report as the cue: from the verb to the cue's end without a colon, and a medium
    named right after it ("said in an interview"), not what modifies the medium."""
    token, cue, lex = v.token, v.cue, v.lex
    core_end = cue[1] - 1 if doc_text(token.doc)[cue[1] - 1] == ":" else cue[1]
    core = token_range(token.doc.char_span(token.idx, core_end, alignment_mode="expand") or []) or cue
    medium = next((t for t in token.doc[token.i + 1:token.i + 4] if t.dep_ == "pobj" and t.head.head == token
                   and t.lemma_.lower() in lex.media and t.idx < core[1]), None)
    if medium is not None:
        core = (core[0], medium.idx + len(medium.text))
    return core


def _agentive(noun: Token, lex: Lexicon) -> bool:
    """A noun that can hold a stance: a person, an organisation, a group, or a speaker noun."""
    return noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or noun.lemma_.lower() in lex.speaker_nouns


def _as_clause(verb: Token) -> bool:
    """"..., as a Homeland Security memo put it", "As experts have pointed out, ...": an adverbial
    clause with "as" and no object of its own, whose content is the clause it hangs from."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.lefts) and not any(
        c.dep_ in ("ccomp", "xcomp") or c.dep_ == "dobj" and c.lower_ != "it" for c in verb.children)
