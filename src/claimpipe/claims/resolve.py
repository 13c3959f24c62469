"""Within-article reference resolution: which entity a pronoun or a description stands for.

Rules over the parse and the mentions, in one left-to-right pass ("The company ... its sales": a resolved word leads on):

- names: a token inside a mention is its entity; an apposition names the noun it explains;
- institutions: "Kazakhstan's government" acts for Kazakhstan (`lexicon.toml` [resolution.institutions]);
- pronouns: he/she → the nearest salient PERSON; it/its → ORG, GPE, LOC, FAC or PRODUCT; they/their → ORG or NORP;
  pleonastic "it" ("made it clear", "it is likely that") is skipped, and so is "it" in a quotation or as the subject
  of "be"; a direct object is not its own verb's subject ("He criticised her"); "she" is never a person the article
  called "Mr" or "spokesman" ([resolution.gender]); one of unknown gender a "he" went to leaves a "she" as written;
- reflexives as arguments ("Microsoft faces challenges establishing itself") → their clause's subject;
- definite descriptions: "the company", "the Central Asian nation" → an entity of a label the head noun allows
  ([resolution.descriptions]), preferring one described so ("ERG, a Kazakh company"), then subjects, recency;
- abstention: a pick clearly ahead of the next entity in reach, or the words stay (`[resolution.abstain]`).

Grammar: `reference_rules.py`; binding and doubt: `binding.py`, `unnamed.py`, `same_clause.py`; quotations' speakers:
`quote_speakers.py`; descriptions: `description_rules.py` and `description_fit.py`.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from ..entities.gazetteer import country_adjectives
from ..entities.persons import first_names
from ..records import Entity, Mention
from .binding import BindingRules
from .calibration import calibrate
from .context import token_table
from .description_rules import DescriptionRules, name_heads
from .lexicon import Lexicon, load_lexicon
from .reference_rules import (IT_LABELS, IT_PRONOUNS, PERSON_PRONOUNS, PRONOUN_GENDER, THEY_LABELS, THEY_PRONOUNS,
                              REFLEXIVES, WINDOW, Ref, copula_subject, describing_nouns, is_age_noun, is_dateline,
                              is_pleonastic, is_possessive, is_subject, mention_head, owned_apart, own_subject,
                              phrase_doubts, relative_antecedents, relative_others, stands_for_no_one, title_words)
from .quote_speakers import UNNAMED_SPEAKER, QuoteSpeakerRules
from .same_clause import SameClauseRules
from .spans import Attribution, OverlapIndex, QuoteIndex
from .unnamed import UnnamedRules


@dataclass(slots=True)
class Replacement:
    """Text to put in place of a reference in a stand-alone claim."""

    start_char: int
    end_char: int
    entity_id: str
    possessive: bool
    confidence: float = 1.0  # how likely the entity is right (`Resolver.confidence`, `calibration.py`)
    wording: str = "{}"  # how the name is put in: "the {} government" for "the government"


_RESOLVABLE = PERSON_PRONOUNS | IT_PRONOUNS | THEY_PRONOUNS
_PERSON = frozenset({"PERSON"})


class Resolver(BindingRules, QuoteSpeakerRules, UnnamedRules, DescriptionRules, SameClauseRules):
    """Resolves the pronouns and descriptions of one article; build once per doc."""

    def __init__(self, doc: Doc, mentions: list[Mention], entities: list[Entity], *,
                 lexicon: Lexicon | None = None, attributions: list[Attribution] | None = None,
                 quotes: QuoteIndex | None = None) -> None:
        self.doc = doc
        # each direct quotation's content and speaker: "He is a great centre-forward," said Souness is not Souness
        self.quoted_speech = [(s, e, a.source_i) for a in attributions or ()
                              if a.kind == "direct" and a.source_i is not None for s, e in a.content]
        self.speech_at = OverlapIndex((s, e) for s, e, _ in self.quoted_speech)  # the quotations holding a word
        # and the other way round: '"Ruth Kelly wants ...," he said' is not Ruth Kelly
        self.speaker_quotes: dict[int, list[tuple[int, int]]] = {}
        for s, e, source_i in self.quoted_speech:
            self.speaker_quotes.setdefault(source_i, []).append((s, e))
        self.lex = lexicon or load_lexicon()
        self.entities = {e.entity_id: e for e in entities}
        self.sent_of = [0] * len(doc)
        self.sents = list(doc.sents)  # Token.sent walks the whole sentence: look sentences up here
        for k, sent in enumerate(self.sents):
            self.sent_of[sent.start:sent.end] = [k] * len(sent)
        self.token_entity: dict[int, str] = {}
        self.refs: list[Ref] = []
        self.described: dict[str, set[str]] = {}  # entity -> head nouns used to describe it
        self.resolved: dict[int, str] = {}  # token index of a pronoun or description head -> entity
        self.institutional: set[int] = set()  # heads resolved as "X's government" -> X
        self.national: set[int] = set()  # "the government" -> the article's one country
        self.aged: set[int] = set()  # "the 25-year-old" -> the person the text is about
        self._country: str | None = None  # that country's entity ("" when none or several), found once
        # resolved word -> the word it leans on (the candidate's head, the binding subject, the owner)
        self.antecedent: dict[int, int] = {}
        self.freq: Counter[str] = Counter(m.entity_id for m in mentions)
        self.quotes = quotes or QuoteIndex(doc)
        # PERSON entity -> "m" / "f", from a title or a describing noun; never a resolved pronoun's (errors spread)
        self.gender: dict[str, str] = {}
        self.said_of: dict[str, set[str]] = {}  # entity -> the genders of the he/she resolved to it
        self.left_for_unnamed: set[int] = set()  # he/she left as written for someone unnamed (`_unnamed_between`)
        starts: list[tuple[int, Ref]] = []
        for m in mentions:
            head = mention_head(doc, m)
            if head is None or is_dateline(head):
                continue
            span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
            self.token_entity.update((t.i, m.entity_id) for t in span)
            label = self.entities[m.entity_id].label if m.entity_id in self.entities else m.label
            starts.append((m.start_char, Ref(m.start_char, m.end_char, self.sent_of[head.i], m.entity_id, label,
                                             is_subject(head), head.i)))
            for noun in describing_nouns(head, m.role, self.lex.title_abbreviations):
                self.described.setdefault(m.entity_id, set()).add(noun)
            if label == "PERSON":
                self._note_gender(m.entity_id, title_words(span), self.lex.gender_titles)
        starts.sort(key=lambda x: x[0])
        for eid, nouns in self.described.items():
            if self.entities.get(eid) is not None and self.entities[eid].label == "PERSON":
                self._note_gender(eid, sorted(nouns), self.lex.gender_nouns)
        names = first_names()  # last: a title or a describing noun says more than a first name
        # a lone first name too ("Lucy"), unless the article writes it after another name ("Amelize Joseph", "Ms Joseph")
        lone = {ent.name for ent in self.entities.values() if ent.label == "PERSON" and " " not in ent.name}
        after_a_name = {t.text for t in doc if t.text in lone and t.i and doc[t.i - 1].pos_ == "PROPN"
                        and doc[t.i - 1].text[:1].isupper()} if lone else set()
        for eid, ent in self.entities.items():
            if ent.label == "PERSON" and (" " in ent.name or ent.name not in after_a_name):
                self._note_gender(eid, [ent.name.split()[0].lower()], names)
        self._gender_of_shared_surnames()
        self.name_heads = name_heads(self.entities.values(), self.lex.name_heads)
        self.by_name: set[int] = set()  # descriptions resolved by the head of a name ("the court")
        self.seen_ids: set[str] = set()  # the entities of self.refs
        self.named_countries: set[str] = set()  # the country codes of the GPEs among them
        self._pending = [r for _, r in starts]
        self.picked: dict[int, tuple[float, int]] = {}  # scored picks: (margin, distinct candidates)
        self._resolve_all()
        self.probability: dict[int, float] = {}  # resolved word -> how likely the pick is right
        self.doubtful: dict[int, str] = {}  # picks below the floor, left as written
        calibrate(self, float(self.lex.abstain.get("min_confidence", 0.0)))
        resolved = sorted(self.resolved.items())  # what `_resolved_between` bisects, once
        self._by_offset = ([doc[i].idx for i, _ in resolved], resolved)

    # -- the pass ---------------------------------------------------------------------------

    def _resolve_all(self) -> None:
        pending = self._pending
        doc, table = self.doc, token_table(self.doc)
        offsets = doc.to_array(IDX).tolist() if len(doc) else []
        descriptions, institutions = self.lex.descriptions, self.lex.institutions
        j = 0
        for i, pos in enumerate(table.pos):
            while j < len(pending) and pending[j].start_char <= offsets[i]:
                self._add_ref(pending[j])
                j += 1
            if i in self.token_entity:
                continue
            eid = None
            if pos == "PRON":
                eid = self._pronoun(doc[i])
            elif pos in ("NOUN", "PROPN") and (table.lemma[i] in descriptions or table.lemma[i] in institutions
                                               or table.lower[i] in institutions or table.lower[i] in self.name_heads):
                t = doc[i]  # the rest cannot resolve
                eid = self._named_by_head(t) if table.lower[i] in self.name_heads else None
                if eid is not None:
                    self.by_name.add(i)
                else:
                    eid = self._description(t)
                if eid is None and (eid := self._institution(t)) is not None:
                    self.institutional.add(t.i)
                if eid is None and table.lemma[i] in self.lex.national_heads and (eid := self._national(t)) is not None:
                    self.national.add(t.i)
            elif pos == "ADJ" and table.lower[i] == "old" and is_age_noun(doc[i]):
                eid = self._aged(doc[i])
                if eid is not None:
                    self.aged.add(i)
            if eid is not None:
                t = doc[i]
                self.resolved[t.i] = eid
                ent = self.entities.get(eid)
                # '"...," he said' names a speaker, not the story's subject: no subject's weight for later pronouns
                self._add_ref(Ref(t.idx, t.idx + len(t.text), self.sent_of[t.i], eid, ent.label if ent else "",
                                  is_subject(t) and not (pos == "PRON" and t.head.lemma_.lower() in self.lex.speech
                                                         and self.quotes.closing_before(t)), t.i))

    def _add_ref(self, ref: Ref) -> None:
        """Read one more reference (the entities read so far as a set: "read before?" without a scan)."""
        self.refs.append(ref)
        self._note_said(ref)
        if ref.entity_id not in self.seen_ids:
            self.seen_ids.add(ref.entity_id)
            if ref.label == "GPE" and (kb := self._kb_id(ref.entity_id)):
                self.named_countries.add(kb)

    def _candidates(self, t: Token, labels: frozenset[str]) -> list[tuple[float, int, Ref]]:
        k = self.sent_of[t.i]
        antecedents = relative_antecedents(t)
        # '"We are on our fourth secretary of defense," he said': a speaker is rarely someone named
        # inside the quotations around; the one talked about outside them is
        quoted = self.quotes.inside_flags() if t.dep_ == "nsubj" and t.head.lemma_.lower() in self.lex.speech \
            and not self.quotes.inside(t) else None
        # and never one its own quotation names ('"We can't all be Wayne Rooneys ...," he said')
        own = self.quotes.closing_before(t) if quoted is not None else []
        own_quote = (own[-1].start_char, own[-1].end_char) if own else (-1, -1)
        out = []
        seen: set[str] = set()
        for n, ref in enumerate(reversed(self.refs)):
            if ref.sent < k - WINDOW:
                break
            if ref.label not in labels or ref.start_char >= t.idx or ref.entity_id in seen:
                continue
            seen.add(ref.entity_id)
            distance = k - ref.sent
            score = distance - (1.5 if ref.subject else 0.0) - 0.25 * math.log1p(self.freq[ref.entity_id])
            if self.doc[ref.head].dep_ in ("compound", "amod", "nmod", "npadvmod"):
                score += 1.0  # a name used as a modifier ("a Kazakh company") is rarely picked up again
            if ref.head in antecedents:
                score -= 3.0
            if quoted is not None and quoted[ref.head]:  # `t` speaks: a name in a quotation rarely does
                if own_quote[0] <= ref.start_char < own_quote[1]:
                    continue
                score += 1.5
            out.append((score, -ref.start_char, ref))
        return sorted(out, key=lambda x: (x[0], x[1]))

    def _pronoun(self, t: Token) -> str | None:
        lower = t.lower_
        if lower in REFLEXIVES:
            return self._reflexive(t)
        if lower not in _RESOLVABLE or is_pleonastic(t, self.lex.person_object) or stands_for_no_one(t):
            return None  # "made it clear that"; "a go-it-alone approach"
        if lower == "it" and self._says_what_it_is(t):
            return None  # "WMC said it was an undervaluation": the offer, not WMC
        bound = self._bound(t)
        if bound is None and lower in PERSON_PRONOUNS:
            bound = self._subject_ahead(t)
        if bound == "":  # the binding subject is something unnamed: leave the words
            return None
        if bound is not None:
            return bound
        if lower in PERSON_PRONOUNS:
            labels = _PERSON
        elif lower in IT_PRONOUNS:
            if lower == "it" and (copula_subject(t) or self.quotes.inside(t)):
                return None
            if self.lex.abstain.get("it_needs_grammar", False):
                return None  # an "it" no grammar binds: on fresh news mostly an unnamed thing
            labels = IT_LABELS
        else:
            if self.quotes.inside(t):  # '"... they will enter a jury competition," Gilmore said': people
                return None
            labels = THEY_LABELS
        possessive = is_possessive(t)
        others = relative_others(t)  # "Carlos, with whom he co-wrote": not Carlos
        # a possessive pronoun cannot point into its own noun phrase
        cands = [c for c in self._candidates(t, labels) if not (possessive and c[2].head == t.head.i)
                 and c[2].head not in others]
        if cands and cands[0][2].head in phrase_doubts(t):
            return None  # "her autobiography, Lady Sings the Blues, which was credited to her": whose, unsure
        gender = PRONOUN_GENDER.get(lower)
        if gender:  # "she" is not the man the article called "Mr" or "spokesman"
            cands = [c for c in cands if self.gender.get(c[2].entity_id, gender) == gender]
            speaker = self._speaker_around(t)
            if speaker is not None:  # a speaker says "I", not "he"; one with no name may be the "she" it reports
                cands = [] if speaker == UNNAMED_SPEAKER else [c for c in cands if c[2].entity_id != speaker]
            if cands and cands[0][2].entity_id == self._speaker_before_its_quote(t, gender):
                return None  # '"He can stick up whatever he likes," he said' after "Mr Blair said": not Blair
            if self._quoted_by_the_other_gender(t, gender):  # '"Don't shoot him," she says': not her either
                cands = [c for c in cands if self.gender.get(c[2].entity_id) == gender]
            quoted = self.speaker_quotes.get(t.i, ())  # names only: a pronoun in it may be wrong itself
            cands = [c for c in cands if not (c[2].head in self.token_entity
                                              and any(s <= c[2].start_char < e for s, e in quoted))]
            if cands and cands[0][2].entity_id in self._named_below(t):
                return None  # "Mr Blair has the same passion ..., he said": not Blair, and who, unclear
        elif cands and cands[0][2].entity_id in self._named_below(t):
            return None  # "They say that Turkcell is a security risk": not Turkcell (unseen BBC, fourteenth round)
        if lower in THEY_PRONOUNS:  # "they" after a plural noun is about that noun, not a name
            cands = [c for c in cands if c[2].subject and not self._plural_between(c[2], t)
                     and not self._group_at_or_after(c[2], t) and not self._names_coordinated_between(c[2], t)]
        if lower in IT_PRONOUNS and t.dep_ not in ("nsubj", "nsubjpass") and cands \
                and self._unresolved_it_between(cands[0][2], t):
            # "It was the symbol of the boom ... revive its fortunes": the same thing, not a name. Not
            # for subjects: "..., it said" after "it is" is mostly the company
            return None
        if cands and self._unnamed_between(cands[0][2], t):
            return None
        if gender and cands and (self._under_unresolved_speaker(cands[0][2], t, gender) or self._person_nearer(cands, t)
                                 or self._last_speaker_talked_about(cands[0][2], t)
                                 or self._gender_unknown_ahead_of_known(cands, gender) or self._in_a_pair(cands[0][2], gender)):
            return None
        if gender and len({c[2].entity_id for c in cands}) == 1 and self._two_of_one_gender(t, gender):
            return None  # "he also heaped praise on him": two men, and one in reach; which is which?
        subject = None if possessive else own_subject(t)
        own = self.entity_of(subject) if subject is not None else None
        if own and cands and cands[0][2].entity_id == own:
            if not gender:  # "Bungie has got it right": "it" is some thing, rarely the next name
                return None
            cands = cands[1:]  # "He criticised her": the other person
        if subject is None and not possessive and cands and (shared := own_subject(t, shared=True)) is not None \
                and self.entity_of(shared) == cands[0][2].entity_id:
            return None  # "Schwartz had spent months shadowing the mogul and portrayed him": not him; whom, unclear
        if not gender and subject is not None and cands and cands[0][2].head in {w.i for w in subject.subtree}:
            return None  # "organisations such as Transport For London regularly consult it": not TfL
        if lower == "it" and subject is None and cands and self._controller_of(t) == cands[0][2].entity_id:
            return None  # "EduVision already has plans to extend it": a thing of EduVision's, not EduVision
        kind = "person" if gender else "it" if lower in IT_PRONOUNS else "they"
        return self._pick(t, cands, kind)

    def _pick(self, t: Token, cands: list[tuple[float, int, Ref]], kind: str) -> str | None:
        """The best candidate when it is clearly ahead of the next entity in reach, else None (the
        words stay as written). `kind`: person, it, they or description ([resolution.abstain])."""
        if not cands:
            return None
        best = cands[0]
        runner = next((c for c in cands[1:] if c[2].entity_id != best[2].entity_id), None)
        margin = math.inf if runner is None else runner[0] - best[0]
        rules = self.lex.abstain
        if margin < float(rules.get(f"{kind}_margin", 0.0)):
            return None
        if runner is None and kind == "it" and not rules.get("it_alone", True):
            return None
        if runner is None and kind == "person" and rules.get("person_alone_needs_gender", False) \
                and self.gender.get(best[2].entity_id) != PRONOUN_GENDER.get(t.lower_) \
                and not (best[2].subject and self.sent_of[t.i] - best[2].sent <= int(rules.get("person_alone_reach", -1))):
            return None  # alone, of unknown gender: only the subject of this or the last sentence
        if kind == "it" and self.sent_of[t.i] - best[2].sent > int(rules.get("it_reach", WINDOW)):
            return None  # a scored "it" far from its name: some thing named since, without a name
        self.antecedent[t.i] = self._leaned_on(best[2], t)
        self.picked[t.i] = (min(margin, 9.0), len({c[2].entity_id for c in cands}))
        return best[2].entity_id

    def _note_gender(self, entity_id: str, words: list[str], table: dict[str, str]) -> None:
        for word in words:
            if (gender := table.get(word)) is not None:
                self.gender.setdefault(entity_id, gender)
                return

    # -- queries ------------------------------------------------------------------------------

    def entity_of(self, token: Token) -> str | None:
        """The entity a noun phrase's head word stands for, if any rule finds one."""
        if token.i in self.token_entity:
            return self.token_entity[token.i]
        if token.i in self.resolved:
            return self.resolved[token.i]
        for c in token.children:
            if c.dep_ == "appos" and c.i in self.token_entity and not owned_apart(c, self.token_entity, self._label):
                return self.token_entity[c.i]
            if c.dep_ == "appos" and c.i in self.resolved:
                return self.resolved[c.i]
        return None

    def name(self, entity_id: str) -> str:
        ent = self.entities.get(entity_id)
        return ent.name if ent else ""

    def picks(self) -> dict[int, str]:
        """Every word the rules resolved, whether or not its pick reached the calibrated floor."""
        return {**self.resolved, **self.doubtful}

    def confidence(self, i: int) -> float:
        """How likely the entity of resolved word `i` is right (`calibration`; 1.0 for a name's own words)."""
        return round(self.probability.get(i, 1.0), 3)

    def replacements(self, start_char: int, end_char: int) -> list[Replacement]:
        """Pronouns and descriptions in [start_char, end_char) and the entity each stands for."""
        out = []
        for i, eid in self._resolved_between(start_char, end_char):
            t = self.doc[i]
            confidence = self.confidence(i)
            if t.pos_ == "PRON":
                out.append(Replacement(t.idx, t.idx + len(t.text), eid, is_possessive(t), confidence))
            elif t.i not in self.token_entity and t.i not in self.institutional and (
                    t.i in self.by_name or t.i in self.national or t.i in self.aged
                    or self.lex.descriptions.get(t.lemma_.lower())):  # its words stay; the speaker is still the party
                first = t.left_edge
                while first.i < t.i and first.dep_ in ("preconj", "cc", "advmod", "predet", "punct"):
                    first = self.doc[first.i + 1]  # "Neither the president": "Neither" stays
                left = first.idx
                if left < start_char:
                    continue
                wording = self.national_wording(eid, t, first) if t.i in self.national else "{}"
                out.append(Replacement(left, t.idx + len(t.text), eid, False, confidence, wording))
        return out

    def national_wording(self, entity_id: str, head: Token, first: Token | None = None) -> str:
        """How "the government" of a country is written in: "the British government" (the country's one
        nationality adjective), else "the United States government"; "The" where the words had it."""
        article = "The" if first is not None and first.text[:1].isupper() else "the"
        adjective = country_adjectives().get(self._kb_id(entity_id))
        return f"{article} {adjective or '{}'} {head.text}"

    def _resolved_between(self, start_char: int, end_char: int) -> list[tuple[int, str]]:
        """(token index, entity) of the resolved words that start in [start_char, end_char), in order.

        Asked once per claim: bisecting a list sorted once keeps that linear in the article's length."""
        offsets, items = self._by_offset
        return items[bisect_left(offsets, start_char):bisect_left(offsets, end_char)]
