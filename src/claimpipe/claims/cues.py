"""Cue rules: verbs, light-verb phrases, reporting nouns, stance adjectives and passives, each with
its source and content."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .context import doc_text
from .lexicon import Lexicon
from .spans import DASHES, Attribution, QuoteIndex, _clause_without, noun_phrase, subtree_range, token_range

# -- verbs --------------------------------------------------------------------------------------


def _is_cue_verb(token: Token, lex: Lexicon) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False
    return token.lemma_.lower() in lex.cue_lemmas


_OBJECT_CASE = {"them", "him", "her", "me", "us"}
_WH = {"when", "where", "how", "why", "while", "as", "if"}
# verbs that carry another cue verb in a to-infinitive and belong to its cue ("continues to insist")
_CARRIERS = {"continue", "appear", "seem", "go", "begin", "proceed", "try", "keep"}
_NOT_IN_CUE = {"perhaps", "so", "thus", "therefore", "however"}


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


def _has_subject(t: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children)


def _clause_content(verb: Token, ccomp: Token, source: Token, sent: Span,
                    lex: Lexicon | None = None) -> tuple[int, int] | None:
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
            if c.dep_ == "conj" and _has_subject(c) and lex is not None and c.lemma_.lower() in lex.cue_lemmas:
                right = c.left_edge.i - 1
                while right > ccomp.i and (doc[right].dep_ == "cc" or doc[right].is_punct):
                    right -= 1
                break
        for c in verb.rights:
            if c.dep_ == "conj" and c.i > ccomp.i and _has_subject(c) and not any(g.dep_ == "ccomp" for g in c.children) \
                    and (lex is None or c.lemma_.lower() not in lex.cue_lemmas):
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


def _verb_cue(token: Token, sent: Span, sents: list[Span], k: int, lex: Lexicon,
              quotes: QuoteIndex) -> Attribution | None:
    if not _is_cue_verb(token, lex) or quotes.inside(token):
        return None
    lemma = token.lemma_.lower()
    source = None
    if token.dep_ == "conj" and lemma in lex.speech and not _has_subject(token):
        source = _fronted_speaker(token)  # "A is so, the minister, X, said": not A's subject
    source = source or _source_of(token)
    if source is None and any(c.dep_ == "nsubjpass" for c in token.children):
        return _passive_cue(token, lex, quotes)
    if source is None and lemma in lex.speech:
        source = _fronted_speaker(token)
    source = _outside_quote_source(token, source, quotes)
    if source is None:
        return None
    source = past_dateline(source)
    cue, particle = _cue_range(token, lex)
    light = _light_cue(token, lex)
    if light is not None:
        cue = light
    elif lemma not in lex.speech | lex.volition | lex.stance and particle is None:
        return None
    if lemma in lex.manner and light is None and particle is None and _as_clause(token):
        return None  # "removed his jacket as he sang": when, not who said the clause
    content: list[tuple[int, int]] = []
    form = "clause"
    ccomps = [c for c in token.children if c.dep_ == "ccomp"]
    if light is not None:
        # "made it clear that ...": the clause hangs from the verb or from "clear"
        ccomps = [t for t in token.subtree if t.idx >= cue[1] and t.dep_ in ("ccomp", "advcl")
                  and t.head.idx < cue[1]][:1]
    if ccomps and lemma not in lex.speech and light is None and ccomps[0].i < token.i:
        ccomps = []  # only verbs of saying stand after what they report
    if ccomps:
        rng = _clause_content(token, ccomps[0], source, sent, lex)
        if rng is not None:
            content = [rng]
            if lemma not in lex.speech and light is None and particle is None:
                form = "object"  # "the ministry wants those jobs protected": wanting is not saying
    elif (token.dep_ == "parataxis" and lemma in lex.speech or _as_clause(token)
          and (lemma in lex.speech or light is not None or particle is not None)):
        # "A, he said, B": the sentence around the parenthetical; "as X put it", "as X pointed out"
        lo = min(token.left_edge.i, source.left_edge.i)
        hi = max(token.right_edge.i, source.right_edge.i)
        content = _clause_without(sent, lo, hi)
        if content and content[0][0] == sent.start_char:
            first = _after_dateline(token.doc, sent.start, lo)
            content[0] = (token.doc[first].idx, content[0][1]) if first > sent.start else content[0]
    elif particle is not None and particle.dep_ == "prep":
        pobj = next((c for c in particle.children if c.dep_ in ("pobj", "pcomp")), None)
        xcomp = next((c for c in token.rights if c.dep_ == "xcomp" and pobj is not None and c.i > pobj.right_edge.i), None)
        if xcomp is not None and (rng := subtree_range(xcomp)):
            # "called on Dean to apologize": the one called on joins the cue, the infinitive is the content
            cue, content, form = (cue[0], pobj.right_edge.idx + len(pobj.right_edge.text)), [rng], "infinitive"
        elif pobj is not None and (rng := subtree_range(pobj)):
            content = [rng]
            form = "clause" if lemma in lex.speech and particle.lower_ not in lex.topic_preps else "object"
    if not content and lemma in lex.volition:
        xcomp = next((c for c in token.children if c.dep_ == "xcomp"), None)
        if xcomp is not None and (rng := subtree_range(xcomp)):
            content, form = [rng], "infinitive"
    if not content and lemma in lex.stance:
        form = "object"
        objs = [c for c in token.rights if c.dep_ in ("dobj", "attr", "oprd")]
        if objs:
            rng = _complement_range(token, ("dobj", "dative", "oprd", "xcomp", "prep", "attr"))
            if rng is not None and not (lemma in lex.speech and _is_pronoun_object(objs[0])):
                content = [rng]
    if not content and lemma in lex.stance and any(c.dep_ == "agent" for c in token.children):
        # "Clinton was supported by 42 percent": the passive's subject is what the stance is about
        subj = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if subj is not None and (rng := noun_phrase(subj, quotes)):
            content, form = [rng], "object"
    if not content and lemma in lex.speech:
        content, form = _quoted_content(token, sent, sents, k, quotes, source), "quote"
    if not content and lemma in lex.speech:
        content, form = _object_content(token, lex), "object"
    if not content and lemma in lex.speech:
        content, form = _fronted_content(token, source, sent), "clause"
    if not content:
        return None
    if form == "object" and lemma in lex.naming and any(c.dep_ == "oprd" for c in token.children):
        form = "clause"  # "called the decision “deeply troubling”": naming something is saying it
    if token.dep_ == "acl" and token.tag_ == "VBN" and lemma in lex.naming:
        return None  # "the program, called EB-5": a name, not a saying
    if token.dep_ == "ccomp" and form != "quote" and token.head.lemma_.lower() in lex.cue_lemmas:
        return None  # "said he believes ...": the belief is part of what was said
    if form in ("object", "infinitive") and token.dep_ in ("relcl", "xcomp", "pcomp", "acl") \
            and not (token.dep_ == "relcl" and source.tag_ in ("WP", "WDT") and _agentive(token.head, lex)):
        # "a super PAC that intends to hammer ...": a description, not an attribution; but "the Saudi
        # government, which has denied any involvement": a named actor's stance
        return None
    src = noun_phrase(source, quotes)
    if source.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
        # "an architect who said ...": the source is "who"; who that is, is the noun it refers to
        src = (source.idx, source.idx + len(source.text))
        source = token.head
    if form == "clause":
        content = _with_quotes(content, sent, quotes, src or (0, 0))
    if src is not None and src[0] <= cue[0] < src[1]:
        src = (src[0], cue[0])
        src = token_range(token.doc.char_span(src[0], src[1], alignment_mode="contract") or [])
    core_start = token.idx
    core_end = cue[1] - 1 if doc_text(token.doc)[cue[1] - 1] == ":" else cue[1]
    core = token_range(token.doc.char_span(core_start, core_end, alignment_mode="expand") or []) or cue
    medium = next((t for t in token.doc[token.i + 1:token.i + 4] if t.dep_ == "pobj" and t.head.head == token
                   and t.lemma_.lower() in lex.media and t.idx < core[1]), None)
    if medium is not None:  # claims name the medium, not what modifies it: "said in an interview"
        core = (core[0], medium.idx + len(medium.text))
    return Attribution("indirect", cue, src, content, cue_i=token.i, source_i=source.i, form=form, core=core)


def _agentive(noun: Token, lex: Lexicon) -> bool:
    """A noun that can hold a stance: a person, an organisation, a group, or a speaker noun."""
    return noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or noun.lemma_.lower() in lex.speaker_nouns


def _as_clause(verb: Token) -> bool:
    """"..., as a Homeland Security memo put it", "As experts have pointed out, ...": an adverbial
    clause with "as" and no object of its own, whose content is the clause it hangs from."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.lefts) and not any(
        c.dep_ in ("ccomp", "xcomp") or c.dep_ == "dobj" and c.lower_ != "it" for c in verb.children)


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


def _is_pronoun_object(token: Token) -> bool:
    return token.pos_ == "PRON" and token.lower_ in ("it", "this", "that", "so", "something", "anything")


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
    if words and all(t.i in {*range(source.left_edge.i, source.right_edge.i + 1), verb.i} or t.dep_ in ("advmod", "npadvmod", "aux") for t in words) and k > 0:
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


# -- noun cues ----------------------------------------------------------------------------------


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


# -- judgements without a named source -----------------------------------------------------------


def _complement_range(head: Token, deps: tuple[str, ...]) -> tuple[int, int] | None:
    comps = [c for c in head.rights if c.dep_ in deps]
    if not comps:
        return None
    return token_range(head.doc[comps[0].left_edge.i:comps[-1].right_edge.i + 1])


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
