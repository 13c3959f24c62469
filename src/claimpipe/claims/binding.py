"""Evidence the resolver reads beyond distance and salience: what grammar binds, and when to doubt.

`Resolver` (`resolve.py`) inherits these checks; they read its state (entities, resolved words, genders)
but keep no state of their own. Each one either names an entity grammar leaves no doubt about, or
tells the scored pass to leave the words as written:

- binding: a possessive is its clause subject's ("Microsoft has unveiled its engine"), the subject
  of an indirect report is the reporter ("BT Openzone told the BBC that it ..."); when that subject
  is something unnamed ("If the president follows through on his threat"), the words stay;
- doubt: a he/she whose best candidate is said by another he/she left as written, or whose gender
  is unknown while another candidate's agrees; a description is never its own clause's subject;
- "the president" far from any name: the one person the article called so;
- names: "the court" is the one entity read so far whose name is headed by "court" ("Manhattan
  Supreme Court", "Court of Appeals"), "the appeals court" the one whose name also has "appeals";
- institutions: "Kazakhstan's government" acts for Kazakhstan (a person's ministry is not the person).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from spacy.tokens import Token

from ..records import Entity
from .reference_rules import (IT_LABELS, IT_PRONOUNS, PRONOUN_GENDER, THEY_LABELS, THEY_PRONOUNS, Ref, binding_subject,
                              is_pleonastic, is_possessive, restrictive_modifier)

_OBJECTS = ("dobj", "dative", "pobj", "attr")
_REACH = 40  # tokens before a binding subject searched for a competing name
# labels whose names have a common-noun head a description can repeat ("the court", "the festival")
_NAMED_THINGS = frozenset({"ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"})
_NAME_LINKS = frozenset({"of", "for", "to", "on"})
# what a bound "it" may be: any named thing ("The Clean Power Plan, if it survives ..." is a law)
_BOUND_IT = IT_LABELS | {"LAW", "EVENT", "WORK_OF_ART"}


def _clause_of(token: Token) -> int:
    """The index of the verb whose clause holds `token` (itself when it is one)."""
    w = token
    for _ in range(50):  # a chain of spliced clauses can be long; a verb is near
        if w.pos_ in ("VERB", "AUX"):
            return w.i
        if w.head.i == w.i:
            break
        w = w.head
    return -1


def name_heads(entities: Iterable[Entity], allowed: frozenset[str]) -> dict[str, set[str]]:
    """Lower-cased head words of the entities' names -> the entities: the last word, and a word before
    "of"/"for" ("Court of Appeals", "Bank of England", "Alliance to Reclaim Our Schools"); only heads in
    `allowed`, those of institutions, places and events ("the sport" is never BBC Sport)."""
    heads: dict[str, set[str]] = {}
    for ent in entities:
        if ent.label not in _NAMED_THINGS:
            continue
        words = ent.name.split()
        if len(words) < 2:
            continue  # "State", "PAC": a one-word name that is a common noun is no name to repeat
        found = {words[-1]} | {words[k - 1] for k in range(1, len(words)) if words[k].lower() in _NAME_LINKS}
        for word in found:
            if word[:1].isupper() and word.isalpha() and word.lower() in allowed:
                heads.setdefault(word.lower(), set()).add(ent.entity_id)
    return heads


class BindingRules:
    """Mixed into `Resolver`: grammar's evidence for and against a candidate."""

    def _label(self, entity_id: str | None) -> str:
        """The label of an entity of this article ("" for none)."""
        ent = self.entities.get(entity_id) if entity_id else None
        return ent.label if ent is not None else ""

    def _bound(self, t: Token) -> str | None:
        """What grammar says `t` stands for (`binding_subject`): the subject's entity; "" when the
        subject is something else (an unnamed noun phrase, an unresolved pronoun: "If the president
        follows through on his veto threat" is not about the last name read); None when grammar is
        silent or the subject is a group, and the scored pass decides."""
        if (owner := self._coordinated_owner(t)) is not None:
            return owner
        if self.quotes.inside(t):  # '"He is great," said Souness': a quotation has its own "I"
            return None
        found = binding_subject(t, self.lex.speech)
        if found is None:
            return None
        subject, route = found
        if any(c.dep_ == "conj" for c in subject.children) or is_pleonastic(subject, self.lex.person_object):
            return None  # "Britain and France said their ...": a group; "made it clear that it": no one
        lower = t.lower_
        gender = PRONOUN_GENDER.get(lower)
        labels = (frozenset({"PERSON"}) if gender else _BOUND_IT if lower in IT_PRONOUNS
                  else THEY_LABELS | {"GPE"})  # "England ... their way": a team the model calls a place
        eid = self.entity_of(subject) or (self.entity_of(subject.head) if subject.dep_ == "appos" else None)
        ent = self.entities.get(eid) if eid else None
        if ent is None:  # the reporter of "Another 19 percent said they would not pick either" is not named
            speaks_for = route == "speech" and subject.pos_ in ("NOUN", "NUM") and not (gender and subject.lower_ == "percent")
            return "" if speaks_for or self._same_kind(subject, t) else None
        own_phrase = {w.i for w in subject.subtree}
        if ent.label == "PERSON" and lower in IT_PRONOUNS:
            # "Tony Macklin, director of product at Ask Jeeves, pointed out that its engine ...": a person
            # does not own "its"; the one organisation the subject phrase names does
            orgs = {self.token_entity[w.i] for w in subject.subtree if self._label(self.token_entity.get(w.i)) in labels}
            eid = orgs.pop() if len(orgs) == 1 else None
            ent = self.entities.get(eid) if eid else None
            if ent is None:
                return None
            subject = next(w for w in subject.subtree if self.token_entity.get(w.i) == eid)
        if ent.label not in labels or (gender and self.gender.get(eid, gender) != gender):
            return None
        lo, hi = sorted((subject.i, t.i))
        verb = subject.head
        told = {w.i for c in verb.children if c.dep_ in ("dobj", "dative") for w in c.subtree} if route == "speech" else set()
        if gender and any(self._label(self.token_entity.get(i)) == "PERSON" for i in told):
            return None  # "Smith told Jones that he had been fired": Jones as much as Smith
        if route == "adverbial" and any(w.dep_ in _OBJECTS and w.pos_ in ("NOUN", "PROPN", "PRON") and w.i not in told
                                        for w in self.doc[lo + 1:hi]):
            return None  # "Apple sued the regulators because they ignored its appeal": they are the regulators
        # who is told does not compete for "it": "BT Openzone told the BBC that it ..."; a name more than
        # _REACH tokens before the subject is too far to be a higher subject of the same statement
        clause = _clause_of(t)
        for i in range(max(self.sents[self.sent_of[t.i]].start, subject.i - _REACH), hi):
            other = self.token_entity.get(i) or self.resolved.get(i)
            if other is None or other == eid or i in told or i in own_phrase or self._label(other) not in labels | {"PERSON"}:
                continue
            if i < subject.i or not gender or _clause_of(self.doc[i]) == clause:
                # "Apple said Samsung copied its design": a higher subject may be meant; "Google bought
                # YouTube for its users": grammar says Google, a reader may say YouTube. Neither, then. A
                # person elsewhere in the sentence does not compete for he/she ("Noon took a pass from
                # Barkley before sending his partner")
                return None
        # bound to a subject that was itself resolved: no surer than that subject
        margin = min(float(self.lex.abstain.get("bound_margin", 3.0)), self.evidence.get(subject.i, (0.0, math.inf))[1])
        self.evidence[t.i] = (0.0, margin)
        return eid

    def _coordinated_owner(self, t: Token) -> str | None:
        """"Pop Idol and its US offspring", "Hillary Clinton and her campaign": a possessive in the
        second of two coordinated noun phrases belongs to the first, when that one is a name of the
        pronoun's kind."""
        if not is_possessive(t) or t.head.dep_ != "conj":
            return None
        first = t.head.head
        eid = self.entity_of(first)
        ent = self.entities.get(eid) if eid else None
        gender = PRONOUN_GENDER.get(t.lower_)
        if ent is None or (ent.label == "PERSON") != bool(gender) or (gender and self.gender.get(eid, gender) != gender):
            return None
        if t.lower_ in THEY_PRONOUNS and ent.label not in THEY_LABELS | {"GPE"}:
            return None
        self.evidence[t.i] = (0.0, float(self.lex.abstain.get("bound_margin", 3.0)))
        return eid

    def _person_noun(self, word: Token) -> bool:
        """A common noun for a person: "the president", "the runner", "the 28-year-old"."""
        lemma = word.lemma_.lower()
        return "PERSON" in self.lex.descriptions.get(lemma, ()) or lemma in self.lex.gender_nouns \
            or lemma in self.lex.person_nouns or lemma.endswith("year-old")

    def _same_kind(self, subject: Token, t: Token) -> bool:
        """Whether a subject that is no entity could be what `t` means, so that `t` is left as written:
        an unresolved pronoun of its kind, or a noun of its kind ("the president ... his", "the plan ...
        its", "the states ... their")."""
        lower, word = t.lower_, subject.lower_
        gender = PRONOUN_GENDER.get(lower)
        if subject.pos_ == "PRON":
            return (PRONOUN_GENDER.get(word) == gender if gender else
                    word in IT_PRONOUNS if lower in IT_PRONOUNS else word in THEY_PRONOUNS)
        if subject.pos_ != "NOUN" or any(c.dep_ == "poss" for c in subject.children):
            return False  # "Kazakhstan's approach highlights the limits of its ...": the owner may be meant
        person_noun = self._person_noun(subject)
        if gender:
            return person_noun
        if lower in IT_PRONOUNS:
            return subject.tag_ == "NN" and not person_noun
        return subject.tag_ == "NNS"

    def _unnamed_between(self, ref: Ref, t: Token) -> bool:
        """Someone or something with no name stands between the candidate and `t`, of `t`'s kind: "a
        federal judge found ..., his decision" is the judge's; "he would not accept the endorsement if it
        were offered" is the endorsement. Then neither the name before nor the thing is sure."""
        gender = PRONOUN_GENDER.get(t.lower_)
        k = self.sent_of[t.i]
        if t.lower_ == "it" and t.dep_ in ("nsubj", "nsubjpass") and k > 0 and ref.sent < k:
            # "The network will link the schools. It will enable children to ...": a subject "it" goes on
            # with the last sentence's subject, here a thing with no name
            before = self.sents[k - 1].root
            subject = next((c for c in before.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.tag_ == "NN" and subject.i not in self.token_entity \
                    and subject.i not in self.resolved and not self._person_noun(subject):
                return True
        holders = {a.i for a in t.ancestors}
        # someone new near the pronoun, in its sentence
        for u in self.doc[max(ref.head + 1, t.i - 3 * _REACH, self.sents[k].start):t.i]:
            if u.pos_ != "NOUN" or u.i in self.token_entity or u.i in self.resolved:
                continue
            if u.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "appos"):
                continue
            person = self._person_noun(u)
            if gender and person and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in u.children):
                return True  # only someone new ("a federal judge"): "the ..." or "his ex-wife" may be a name's
            if not gender and t.lower_ == "it" and u.tag_ == "NN" and not person \
                    and (t.dep_ in ("nsubj", "nsubjpass") or u.i not in holders):
                return True  # not the noun "it" hangs from: "Halo had a depth to it" is Halo
        return False

    def _person_nearer(self, cands: list[tuple[float, int, Ref]], t: Token) -> bool:
        """Another person the pronoun may mean stands nearer than the chosen one, in the same sentence:
        "Blair pledged never to attack Michael Howard over his beliefs", "Trump questioned Cruz's
        eligibility because he was born in Canada". The subject rule would pick the first; a reader
        takes the second. Not sure: leave the words."""
        best = cands[0][2]
        return any(c[2].entity_id != best.entity_id and c[2].start_char > best.start_char
                   and c[2].sent == self.sent_of[t.i] for c in cands[1:])

    def _under_unresolved_speaker(self, ref: Ref, t: Token, gender: str) -> bool:
        """The candidate is said or thought by a he/she left as written before `t` ("he does believe
        McConnell is correct ... "...," he said" is not McConnell): that other person is the one talked
        about. Not `t` itself: "Although Trump has admitted it, he does not defend it" is Trump."""
        for k, verb in enumerate(self.doc[ref.head].ancestors):
            if k > 12:  # a speaker's verb is near its clause; past that, a long chain of spliced clauses
                break
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.i != ref.head and subject.i < t.i \
                    and PRONOUN_GENDER.get(subject.lower_) == gender and subject.i not in self.resolved:
                return True
        return False

    def _gender_unknown_ahead_of_known(self, cands: list[tuple[float, int, Ref]], gender: str) -> bool:
        """The best candidate's gender is unknown while another in reach is known to agree: "Obama ...
        Hillary Clinton ... her" should not go to the one whose gender nothing told."""
        best = cands[0][2].entity_id
        return best not in self.gender and any(self.gender.get(c[2].entity_id) == gender for c in cands[1:])

    def _clause_subject_entity(self, t: Token) -> str | None:
        """The entity that is the subject of the clause holding the object (or an object's owner) `t`;
        a relative pronoun stands for the noun it follows. A description is not its own clause's
        subject: "The Daily Caller, which unearthed a story from the newspaper's coverage"."""
        if t.dep_ not in ("dobj", "pobj", "dative", "poss") or (t.dep_ == "poss" and t.head.dep_ in ("nsubj", "nsubjpass")):
            return None
        for verb in t.ancestors:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None:
                return None
            if subject.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
                return self.entity_of(verb.head)
            return self.entity_of(subject)
        return None

    def _named_by_head(self, t: Token) -> str | None:
        """"the court" -> the one entity read so far whose name it repeats the head of, with every noun
        modifier of the description in that name ("the appeals court": Court of Appeals); else None."""
        det = next((c for c in t.lefts if c.dep_ == "det"), None)
        if det is None or det.lower_ != "the" or t.tag_ not in ("NN", "NNP") or t.dep_ in ("compound", "appos", "attr") \
                or any(c.dep_ == "poss" for c in t.children) or any(c.dep_ == "prep" and c.lower_ == "of" for c in t.rights):
            return None
        if restrictive_modifier(t):
            return None  # "the court that hears it": a court picked out, not the one named
        nouns = []
        for c in t.lefts:
            if c.i == det.i or c.dep_ in ("punct", "advmod"):
                continue
            if c.i in self.token_entity or c.lower_ in self.lex.non_anaphoric:
                return None  # "the Texas court", "the other court"
            if c.pos_ in ("NOUN", "PROPN"):
                nouns.append(c.lower_)
            elif c.pos_ != "ADJ":
                return None
        fits = {eid for eid in self.name_heads.get(t.lower_, ()) if eid in self.seen_ids
                and all(n in self.entities[eid].name.lower().split() for n in nouns)}
        fits.discard(self._clause_subject_entity(t))
        if len(fits) != 1:
            return None
        self.evidence[t.i] = (0.0, float(self.lex.abstain.get("named_margin", 2.5)))
        return fits.pop()

    def _person_description(self, t: Token, lemma: str, cands: list) -> str | None:
        """"the president", "the candidate": too many people fit in a news story; only a person the
        article itself described with that noun ("Serik Zhumangarin, the trade minister"), when one
        person was, and when that person is clearly ahead of the others in reach or is both the
        nearest candidate and the only person the whole article called so."""
        described = [c for c in cands if lemma in self.described.get(c[2].entity_id, ())]
        if not described:
            return self._described_in_article(t, lemma)
        if len({c[2].entity_id for c in described}) != 1:
            return None
        others = [c for c in cands if c[2].entity_id != described[0][2].entity_id]
        margin = float(self.lex.abstain.get("description_margin", 0.0))
        if others and others[0][0] - described[0][0] < margin and not (
                cands[0] is described[0] and self._only_person_called(lemma) is not None):
            return None
        return self._pick(t, described, "description")

    def _quoted_by_the_other_gender(self, t: Token, gender: str) -> bool:
        """`t` is inside a direct quotation whose speaker is a he/she of the other gender: the person that
        pronoun stands for, who may be a candidate of unknown gender, is not `t`."""
        for n in self.speech_at.containing(t.idx):
            said = PRONOUN_GENDER.get(self.doc[self.quoted_speech[n][2]].lower_)
            if said is not None and said != gender:
                return True
        return False

    def _described_in_article(self, t: Token, lemma: str) -> str | None:
        """"the president" read far from any name: the one person the article called "President" or
        "the president" before, when it called only one person so (else the words stay)."""
        person = self._only_person_called(lemma)
        if person is not None:
            self.evidence[t.i] = (0.0, float(self.lex.abstain.get("described_margin", 2.0)))
        return person

    def _only_person_called(self, lemma: str) -> str | None:
        """The one person the article described with `lemma`, if only one was and it has been read already."""
        people = {eid for eid, nouns in self.described.items() if lemma in nouns and self._label(eid) == "PERSON"}
        return people.pop() if len(people) == 1 and people <= self.seen_ids else None

    def _unresolved_it_between(self, ref: Ref, t: Token) -> bool:
        """An "it" left as written (a thing, not a name) stands between the candidate and `t`."""
        return any(u.lower_ == "it" and u.i not in self.resolved and not is_pleonastic(u, self.lex.person_object)
                   for u in self.doc[ref.head + 1:t.i])

    def _plural_between(self, ref: Ref, t: Token) -> bool:
        for u in self.doc[ref.head + 1:t.i]:
            if u.tag_ in ("NNS", "NNPS") and u.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
                return True
            if u.lower_ in ("they", "them") and u.i not in self.resolved:
                return True  # "how it affects them and what they can do": the same unnamed people
        return False

    def _institution(self, t: Token) -> str | None:
        if t.lemma_.lower() not in self.lex.institutions and t.lower_ not in self.lex.institutions:
            return None
        poss = next((c for c in t.children if c.dep_ == "poss"), None)
        if poss is None or any(c.dep_ == "prep" and c.lower_ == "of" for c in t.rights):
            return None  # "Frankfurt's state of Hessen" names another place, not Frankfurt's government
        if any(c.dep_ == "appos" and c.i in self.token_entity for c in t.rights):
            return None  # "The party's spokeswoman, Eleanor Scott, said": the one who speaks is named
        eid = self.entity_of(poss)
        ent = self.entities.get(eid) if eid else None
        # a country's or a company's government speaks for it; a person's ministry is not the person
        return eid if ent is not None and ent.label != "PERSON" else None
