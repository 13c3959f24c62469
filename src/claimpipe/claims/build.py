"""`doc_claims`: the Claim records of one article, as the pipeline calls it."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from .context import claims_context, doc_text
from spacy.tokens import Doc, Span, Token

from ..records import Claim, Cleaned, Entity, Mention, Rewrite, make_claim_id
from ..settings import Settings
from .attribution import Attribution, find_attributions
from .quote_speakers import UNNAMED_SPEAKER
from .lexicon import Lexicon, load_lexicon
from .resolve import Resolver
from .spans import QuoteIndex
from .structure import clause_structure, hedge_cues, np_core
from .units import Unit, doc_units

CLAIM_BLOCK_KINDS = ("paragraph",)


def doc_claims(doc: Doc, *, doc_id: str, cleaned: Cleaned, mentions: list[Mention], entities: list[Entity],
               settings: Settings, lexicon: Lexicon | None = None) -> list[Claim]:
    """Every claim of one article: one per statement sentence of a paragraph, or per atomic part.

    Args:
        doc: the spaCy Doc of `cleaned.text`.
        mentions, entities: the article's entities (`annotate.doc_entities`).
    Returns:
        Claims in text order, with attribution, structure, resolution, negation and hedging filled;
        `claim_types`, `quantities` and `checkworthiness` are left to `checkworthiness.enrich_claims`.
    """
    with claims_context(doc):  # text and token table, read once for every rule below
        return _doc_claims(doc, doc_id=doc_id, cleaned=cleaned, mentions=mentions, entities=entities,
                           settings=settings, lex=lexicon or load_lexicon(settings.claims_lexicon))


def _doc_claims(doc: Doc, *, doc_id: str, cleaned: Cleaned, mentions: list[Mention], entities: list[Entity],
                settings: Settings, lex: Lexicon) -> list[Claim]:
    quotes = QuoteIndex(doc)  # one index for both
    attributions = find_attributions(doc, lexicon=lex, quotes=quotes)
    resolver = Resolver(doc, mentions, entities, lexicon=lex, attributions=attributions, quotes=quotes)

    def keep(sent: Span) -> bool:
        i = cleaned.block_index(sent.start_char)
        return i is not None and cleaned.blocks[i].kind in CLAIM_BLOCK_KINDS

    units = doc_units(doc, attributions, min_tokens=settings.min_claim_tokens, keep=keep)
    by_start = MentionsByStart(mentions)
    claims = []
    for unit in units:
        src = cleaned.to_source(unit.start_char, unit.end_char)
        if src is None:
            continue
        claims.append(unit_claim(doc, unit, doc_id=doc_id, source=src, mentions=by_start, resolver=resolver,
                                 lexicon=lex))
    return claims


class MentionsByStart:
    """An article's mentions, found by offset without a scan of all of them for every claim."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.order = sorted(range(len(mentions)), key=lambda k: mentions[k].start_char)
        self.starts = [mentions[k].start_char for k in self.order]

    def within(self, start: int, end: int) -> list[Mention]:
        """The mentions inside [start, end), in the article's mention order."""
        ks = self.order[bisect_left(self.starts, start):bisect_left(self.starts, end)]
        return [self.mentions[k] for k in sorted(ks) if self.mentions[k].end_char <= end]


def mentions_in(mentions: list[Mention] | MentionsByStart, start: int, end: int) -> list[str]:
    """The entity ids mentioned inside [start, end), each once, in mention order."""
    found = mentions.within(start, end) if isinstance(mentions, MentionsByStart) else [
        m for m in mentions if start <= m.start_char and m.end_char <= end]
    return list(dict.fromkeys(m.entity_id for m in found))


def unit_claim(doc: Doc, unit: Unit, *, doc_id: str, source: tuple[int, int],
               mentions: list[Mention] | MentionsByStart,
               resolver: Resolver, lexicon: Lexicon) -> Claim:
    """One Claim record from a claim unit."""
    s, e = unit.start_char, unit.end_char
    att = unit.attribution
    st = clause_structure(unit.head, lexicon=lexicon)
    claim = Claim(claim_id=make_claim_id(doc_id, s, e), doc_id=doc_id, sentence_index=unit.sentence_index,
                  text=doc_text(doc)[s:e], start_char=s, end_char=e, source_start=source[0], source_end=source[1],
                  standalone_text="", predicate=st.predicate, object=st.object, negated=st.negated)
    if st.subject_token is not None:
        eid = resolver.entity_of(st.subject_token)
        claim.subject_entity_id = eid or ""
        claim.subject = resolver.name(eid) if eid else st.subject
    skip: set[int] = set()
    if att is not None:
        claim.attribution = att.kind
        claim.cue_start, claim.cue_end = att.core
        claim.cue = doc_text(doc)[att.core[0]:att.core[1]]
        if att.source is not None:
            claim.speaker_start, claim.speaker_end = att.source
            speaker = find_speaker(doc, att, resolver)
            claim.speaker, claim.speaker_entity_id = speaker.name, speaker.entity_id
            claim.speaker_kind, claim.speaker_confidence = speaker.kind, speaker.confidence
        skip = _attribution_tokens(doc, att)
        cue_tok = doc[att.cue_i]
        if any(c.dep_ == "neg" for c in cue_tok.children):
            claim.negated = True
    span = doc.char_span(s, e, alignment_mode="expand")
    claim.hedge_cues = hedge_cues(span, unit.head, lexicon=lexicon, skip=skip)
    claim.hedged = bool(claim.hedge_cues)
    claim.entity_ids = mentions_in(mentions, s, e)
    claim.standalone_text = standalone_text(doc, claim, resolver, att)
    return claim


def _attribution_tokens(doc: Doc, att: Attribution) -> set[int]:
    """Token indices of the source and cue, which hedging and negation of the content ignore."""
    out: set[int] = set()
    for rng in (att.source, att.cue):
        if rng is None:
            continue
        span = doc.char_span(rng[0], rng[1], alignment_mode="expand")
        if span is not None:
            out.update(t.i for t in span)
    return out


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str  # the entity's canonical name, else the source words as written
    entity_id: str  # "" when no entity is clearly meant
    kind: str  # person, organisation, document, or "" when not clear
    confidence: float | None  # 1.0 for a name in the source; a resolved pronoun or description: its calibrated confidence


def find_speaker(doc: Doc, att: Attribution, resolver: Resolver) -> Speaker:
    """Who an attribution's source is: a named entity when the words name one or a pronoun or
    description clearly points at one (`Resolver`'s abstention), else the words as written. A report,
    a statement or "FEC records" is a document source, never a person."""
    text = doc_text(doc)[att.source[0]:att.source[1]].rstrip(",") if att.source else ""
    if att.source_i is None:
        return Speaker(text, "", "", None)
    head = doc[att.source_i]
    eid, confidence = _named_or_resolved(head, resolver)
    if eid is not None and text.lower() == "who" and (_in_a_noun_phrase(head) or getattr(
            resolver.entities.get(eid), "label", "") in ("GPE", "LOC", "FAC")):
        eid, confidence = None, None  # "nervous Democrats on Capitol Hill, who have argued": the Democrats', unsure
    document = head.lemma_.lower() in resolver.lex.document_nouns or head.lower_ in resolver.lex.document_nouns
    if eid is None:
        span = doc.char_span(att.source[0], att.source[1], alignment_mode="expand")
        # a name anywhere in the source phrase ("Minister of Trade, Serik Zhumangarin"); a document's, only its
        # author ("A new book, Brown's Britain by Robert Peston," is Peston's, not Brown's)
        for t in span or []:
            if t.i in resolver.token_entity and resolver.entities.get(resolver.token_entity[t.i]) is not None \
                    and resolver.entities[resolver.token_entity[t.i]].label == "PERSON" and not _modifies(t, head, resolver) \
                    and not _beside_the_source(t, head) and (not document or _author(t, head)):
                eid, confidence = resolver.token_entity[t.i], 1.0
                break
    if eid is None:
        return Speaker(text, "", "document" if document else "", None)
    ent = resolver.entities.get(eid)
    kind = "person" if ent is not None and ent.label == "PERSON" else "organisation"
    if head.i in resolver.institutional:
        # an institution acting for its owner: keep the words ("Kazakhstan's government")
        core = np_core(head)
        return Speaker(doc_text(doc)[core[0]:core[1]] if core else text, eid, "organisation", confidence)
    if head.i in resolver.national:  # "the government" of the article's one country: "the British government"
        return Speaker(resolver.national_wording(eid, head).format(resolver.name(eid)), eid, "organisation", confidence)
    if ent is not None and ent.label == "NORP" and head.i in resolver.token_entity:
        return Speaker(text, eid, kind, confidence)  # "Democrats said": some Democrats, not "Democrat" (tune14)
    return Speaker(resolver.name(eid) or text, eid, kind, confidence)


def _beside_the_source(t: Token, head: Token) -> bool:
    """`t` is in a phrase that only accompanies the source: "The government, with Tony Blair, said" is not said
    by Blair ("Minister of Trade, Serik Zhumangarin, said" is by Zhumangarin)."""
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ == "pobj" and t.head.lower_ not in ("of", "for", "to", "by", "from"):
            return True
        t = t.head
    return False


def _author(t: Token, head: Token) -> bool:
    """`t` is in the name after the document's own "by" or "from": "a report by Dr Nielsen", "a letter from Mr
    Smith", "a book written by ..."; not "a report from the committee chaired by John Smith" (from a review)."""
    while t.dep_ in ("compound", "flat", "appos") and t.head.i != t.i:
        t = t.head
    if t.dep_ != "pobj" or t.head.lower_ not in ("by", "from"):
        return False
    owner = t.head.head  # the word the "by"/"from" hangs from: the document, a participle on it ("written by") or
    # its title in apposition ("A new book, Brown's Britain by Robert Peston,")
    return owner.i == head.i or (owner.dep_ in ("acl", "appos") and owner.head.i == head.i)


def _modifies(t: Token, head: Token, resolver: Resolver) -> bool:
    """The name `t` belongs to only modifies the source's common noun: "The Trump campaign said", "Trump's
    aides said", "A spokesman for Mr Prescott said" are said by the campaign, the aides and the spokesman,
    not by Trump or Prescott."""
    eid = resolver.token_entity.get(t.i)
    while t.dep_ == "compound" and resolver.token_entity.get(t.head.i) == eid and t.head.i != t.i:
        t = t.head
    while t.dep_ == "conj" and t.head.i != t.i:  # "Lawyers for Mr Fawcett and Mr McDonald": both
        t = t.head
    # "A spokesman for the prime minister, Tony Blair,": a name set after a role; not after a name ("A spokesman for US
    # Immigration, Customs and Enforcement, Dean Boyd," is the spokesman's)
    named_apart = t.dep_ == "appos" and t.head.i != t.i and t.head.pos_ == "NOUN" and t.head.i not in resolver.token_entity
    if named_apart:
        t = t.head
    if head.pos_ == "NOUN" and t.dep_ == "pobj" and t.head.lower_ in ("for", "to") and t.head.head.i == head.i \
            and (named_apart or not any(w.is_lower and w.is_alpha and w.dep_ not in ("cc", "det")
                                        and w.i not in resolver.token_entity for w in t.subtree)):
        # someone who speaks for a person is not that person ("research by Dr Nielsen" is his; "the minister for
        # civil aviation Praful Patel" is Patel, a title before his name)
        return True
    if head.pos_ == "NOUN" and t.dep_ == "poss" and t.head.pos_ == "NOUN" and t.head.dep_ == "conj":
        return True  # "The head of Sony Pictures Television and Oz's big, big boss": the boss, not Oz
    return head.pos_ == "NOUN" and t.head.i == head.i and t.dep_ in ("compound", "poss", "amod", "nmod")


def _in_a_noun_phrase(head: Token) -> bool:
    """`head` is the object of a preposition under a noun ("Democrats on Capitol Hill", "the head of Acme"): a "who"
    clause the parser hung on it may be about the larger noun."""
    return head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ in ("NOUN", "PROPN")


def _named_or_resolved(head, resolver: Resolver) -> tuple[str | None, float | None]:
    """The entity of the source's head word and how sure: 1.0 for a name (or an apposition naming
    it, or an institution's owner), the calibrated confidence of a resolved pronoun or description."""
    eid = resolver.entity_of(head)
    if eid is not None and head.i in resolver.token_entity and head.i not in resolver.resolved:
        eid = resolver.person_speaking(head.i)  # "said the German": a person, not the nation
    if eid is None or eid == UNNAMED_SPEAKER:
        return None, None
    return eid, resolver.confidence(head.i) if head.i in resolver.resolved else 1.0


def standalone_text(doc: Doc, claim: Claim, resolver: Resolver, att: Attribution | None) -> str:
    """The claim with pronouns and descriptions replaced by names, readable alone; each replacement
    is listed in `claim.rewrites` (offsets into `claim.text`), so a reader can see what was put in."""
    s, e = claim.start_char, claim.end_char
    text_of = doc_text(doc)
    pieces = []
    pos = s
    rewrites = []
    for r in resolver.replacements(s, e):
        if r.start_char < pos:
            continue
        name = resolver.name(r.entity_id)
        if not name:
            continue
        ent = resolver.entities.get(r.entity_id)
        if ent is not None and ent.label == "NORP" and not name.endswith("s"):
            continue  # "the Italians ... their": "Italian's" would not be the group
        pieces.append(text_of[pos:r.start_char])
        plural_name = name.endswith("s") and ent is not None and ent.label != "PERSON"  # "United States'"
        replacement = r.wording.format(name) + (("'" if plural_name else "'s") if r.possessive else "")
        pieces.append(replacement)
        rewrites.append(Rewrite(start=r.start_char - s, end=r.end_char - s, original=text_of[r.start_char:r.end_char],
                                replacement=replacement, entity_id=r.entity_id, confidence=r.confidence))
        pos = r.end_char
    pieces.append(text_of[pos:e])
    claim.rewrites = rewrites
    text = "".join(pieces).strip()
    if text and text[0].islower() and not text.startswith(("iP", "e-")):
        text = text[0].upper() + text[1:]
    if text and not text.endswith((".", "!", "?", "”", '"', "’", "'")):
        text += "."
    if att is not None and claim.speaker and att.source is not None and not (s <= att.source[0] < e):
        speaker = claim.speaker if not claim.speaker_entity_id else claim.speaker[:1].upper() + claim.speaker[1:]
        text = f"{speaker}: {text}"  # "The British government: ..."
    return text


def claim_content_spans(doc: Doc, claim: Claim, *, attributions: list[Attribution] | None = None,
                        lexicon: Lexicon | None = None) -> list[tuple[int, int]]:
    """The clean offsets of what is attributed in `claim` (possibly several pieces).

    For an unattributed claim this is the claim itself; for an attributed one, the pieces of the
    attribution's content that lie inside the claim. Pass `attributions=find_attributions(doc)`
    when asking for many claims of one doc.
    """
    if claim.attribution == "none" or claim.cue_start is None:
        return [(claim.start_char, claim.end_char)]
    if attributions is None:
        attributions = find_attributions(doc, lexicon=lexicon)
    for att in attributions:
        if att.core == (claim.cue_start, claim.cue_end):
            pieces = [(max(a, claim.start_char), min(b, claim.end_char)) for a, b in att.content]
            return [p for p in pieces if p[0] < p[1]]
    return [(claim.start_char, claim.end_char)]
