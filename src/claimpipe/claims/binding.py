"""Evidence the resolver reads beyond distance and salience: what grammar binds, and when to doubt.

`Resolver` (`resolve.py`) inherits these checks; they read its state (entities, resolved words, genders)
but keep no state of their own. Each one either names an entity grammar leaves no doubt about, or
tells the scored pass to leave the words as written:

- binding: a possessive is its clause subject's ("Microsoft has unveiled its engine"), the subject
  of an indirect report is the reporter ("BT Openzone told the BBC that it ..."); when that subject
  is something unnamed ("If the president follows through on his threat"), the words stay;
- doubt: a he/she whose best candidate is said by another he/she left as written, or whose gender
  is unknown while another candidate's agrees; a description is never its own clause's subject; a one-word
  ORG shaped like a person's name that binds a he/his leaves it ("Juninho could reconsider his future"); an
  "it" after an if-clause with a thing as subject is not the speaker; "the trio" is several people for "they".

Who speaks a quotation, and so who its he and she are not, is read in `quote_speakers.py`; descriptions and
names ("the court", "the president") in `description_rules.py`; reflexives and a phrase that opens a
sentence, whose name comes in the same clause, in `same_clause.py`.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..entities.gazetteer import load_lexicon
from ..records import Entity
from .reference_rules import (IT_LABELS, IT_PRONOUNS, PRONOUN_GENDER, REACH, THEY_LABELS, THEY_PRONOUNS, WINDOW, Ref,
                              binding_subject, clause_of, is_age_noun, is_pleonastic, is_possessive, possessive_owners)

_OBJECTS = ("dobj", "dative", "pobj", "attr")
_SEVERAL = frozenset({"trio", "pair", "duo", "couple", "quartet", "both"})  # singular nouns for several people
_EVERYONE = frozenset({"everyone", "everybody", "anyone", "anybody", "someone", "somebody", "nobody", "whoever"})
# what a bound "it" may be: any named thing ("The Clean Power Plan, if it survives ..." is a law)
_BOUND_IT = IT_LABELS | {"LAW", "EVENT", "WORK_OF_ART"}
_PERSON_LABEL = frozenset({"PERSON"})
_PERSON_OWNERS = frozenset({"his", "her", "my", "your", "our"})  # owners that are never an "it"


class BindingRules:
    """Mixed into `Resolver`: grammar's evidence for and against a candidate."""

    _surname_people: dict[str, list[str]] | None = None  # `_people_by_surname`

    def _label(self, entity_id: str | None) -> str:
        """The label of an entity of this article ("" for none)."""
        ent = self.entities.get(entity_id) if entity_id else None
        return ent.label if ent is not None else ""

    @staticmethod
    def _person_shaped_org(subject: Token, ent) -> bool:
        """A one-word ORG name shaped like a person's (capital, then small letters: "Juninho", not "ABC13" or
        "BBC"): the model tags some footballers' single names so (unseen BBC, twelfth round)."""
        return ent.label == "ORG" and subject.pos_ == "PROPN" and ent.name.isalpha() and ent.name.istitle()

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
        if (gender := PRONOUN_GENDER.get(t.lower_)) and self._owned_person_object_before(t, gender):  # `UnnamedRules`
            return ""  # "Mr Blair praised his chancellor for his role": the chancellor's, who has no name here
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
            # "Mr Ebbers, 63, has always insisted that he was unaware": a name the model did not tag is
            # still someone named, not the last person it did tag
            # still someone named, not the last person it did tag; so is a thing ("Friends ended its 10-year run",
            # "The Health and Safety Executive said that it had launched")
            untagged_name = (bool(gender) or lower in IT_PRONOUNS) and subject.pos_ == "PROPN" and subject.text[:1].isupper()
            return "" if speaks_for or untagged_name or self._same_kind(subject, t) else None
        own_phrase = {w.i for w in subject.subtree}
        if ent.label == "PERSON" and lower in IT_PRONOUNS:
            # "Tony Macklin, director of product at Ask Jeeves, pointed out that its engine ...": a person
            # does not own "its"; the one organisation the subject phrase names does ("in charge of India's
            # largest company ... its": the company's, not India's)
            owners = possessive_owners(subject, self.token_entity)
            orgs = {self.token_entity[w.i] for w in subject.subtree if self._label(self.token_entity.get(w.i)) in labels
                    and not (self.token_entity[w.i] in owners and self._label(self.token_entity[w.i]) == "GPE")}
            eid = orgs.pop() if len(orgs) == 1 else None
            ent = self.entities.get(eid) if eid else None
            if ent is None:
                return None
            subject = next(w for w in subject.subtree if self.token_entity.get(w.i) == eid)
        if gender and route == "clause" and self._person_shaped_org(subject, ent) and subject.i < t.i:
            return ""  # "Juninho could reconsider his future": a name the model took for an organisation; whose, unsure
        if ent.label not in labels or (gender and self.gender.get(eid, gender) != gender):
            return None
        if gender and eid not in self.gender and self._shared_surname(ent) and self._known_gender_in_reach(t, gender, eid):
            return None  # "Clinton cited it as an example of his disrespect": Bill or Hillary, and Trump in reach
        lo, hi = sorted((subject.i, t.i))
        if lower in IT_PRONOUNS and any(w.dep_ in ("nsubj", "nsubjpass") and w.tag_ == "NN" and w.head.dep_ == "advcl"
                                        and w.i not in self.token_entity and not self._person_noun(w)
                                        for w in self.doc[lo + 1:hi]):
            return ""  # "Washington argues that if the embargo is lifted, it could lead to": the lifting (unseen BBC)
        verb = subject.head
        told = {w.i for c in verb.children if c.dep_ in ("dobj", "dative") for w in c.subtree} if route == "speech" else set()
        if gender and any(self._label(self.token_entity.get(i)) == "PERSON" for i in told):
            return None  # "Smith told Jones that he had been fired": Jones as much as Smith
        if gender and route != "speech" and self._owner_in_phrase(subject, eid, gender):
            return None  # "Moazzam Begg's MP Roger Godsiff welcomed his release": Begg's as much as Godsiff's
        if gender and self._same_gender_pronoun_between(subject, t, eid):
            return None  # "Weingarten quizzed him about his decision": his may be him
        if lower in THEY_PRONOUNS and any(w.tag_ in ("NNS", "NNPS") and w.dep_ in _OBJECTS + ("nsubj", "nsubjpass")
                                          and w.i not in self.token_entity for w in self.doc[lo + 1:hi]):
            return None  # "The Security Council imposed sanctions on terrorists, freezing their assets"
        if route == "adverbial" and any(w.dep_ in _OBJECTS and w.pos_ in ("NOUN", "PROPN", "PRON") and w.i not in told
                                        for w in self.doc[lo + 1:hi]):
            return None  # "Apple sued the regulators because they ignored its appeal": they are the regulators
        # who is told does not compete for "it": "BT Openzone told the BBC that it ..."; a name more than
        # REACH tokens before the subject is too far to be a higher subject of the same statement
        clause = clause_of(t)
        for i in range(max(self.sents[self.sent_of[t.i]].start, subject.i - REACH), hi):
            other = self.token_entity.get(i) or self.resolved.get(i)
            if other is None or other == eid or i in told or i in own_phrase or self._label(other) not in labels | {"PERSON"}:
                continue
            if i < subject.i or not gender or clause_of(self.doc[i]) == clause:
                # "Apple said Samsung copied its design": a higher subject may be meant; "Google bought
                # YouTube for its users": grammar says Google, a reader may say YouTube. Neither, then. A
                # person elsewhere in the sentence does not compete for he/she ("Noon took a pass from
                # Barkley before sending his partner")
                return None
        self._note_bound(t, subject)
        return eid

    def _leaned_on(self, best: Ref, t: Token) -> int:
        """The word a scored pick leans on: the entity's name in reach when there is one, else the resolved
        word that brought it into reach ("... its first week. It went on": the guessed "its")."""
        for ref in reversed(self.refs):
            if ref.sent < self.sent_of[t.i] - WINDOW:
                break
            if ref.entity_id == best.entity_id and ref.head in self.token_entity and ref.start_char < t.idx:
                return ref.head
        return best.head

    def _note_bound(self, t: Token, subject: Token | None = None) -> None:
        """Record the subject grammar bound `t` to: when that subject was itself resolved, `t` is no surer
        than it (`calibration.calibrate`)."""
        if subject is not None:
            self.antecedent[t.i] = subject.i

    def _same_gender_pronoun_between(self, subject: Token, t: Token, eid: str) -> bool:
        """A him/her object of `t`'s gender between the binding subject and `t`, in `t`'s clause, that does
        not stand for the subject: another person `t` may mean ("quizzed him about his decision")."""
        gender, clause = PRONOUN_GENDER[t.lower_], clause_of(t)
        return any(u.lower_ in ("him", "her") and PRONOUN_GENDER[u.lower_] == gender
                   and u.dep_ in ("dobj", "dative", "iobj", "pobj") and self.resolved.get(u.i) != eid
                   and clause_of(u) == clause for u in self.doc[subject.i + 1:t.i])

    def _gender_of_shared_surnames(self) -> None:
        """A one-word PERSON name that ends two or more full names of one gender has that gender: "Mohamed" beside
        Ahmed Mohamed and his father Mohamed El-Hassan Mohamed is a man either way, so its "he" may be bound and it
        is no woman's candidate (thirteenth round, gumtune). Full names of both genders, or one of unknown gender,
        leave it none."""
        for eid, ent in self.entities.items():
            if ent.label != "PERSON" or " " in ent.name or eid in self.gender:
                continue
            genders = {self.gender.get(other) for other in self._people_by_surname().get(ent.name, ())}
            if len(genders) == 1 and None not in genders and self._shared_surname(ent):
                self.gender[eid] = genders.pop()

    def _people_by_surname(self) -> dict[str, list[str]]:
        """Each full PERSON name's last word -> those entities (built once per article, on first use)."""
        if self._surname_people is None:
            self._surname_people = {}
            for eid, ent in self.entities.items():
                if ent.label == "PERSON" and " " in ent.name:
                    self._surname_people.setdefault(ent.name.split()[-1], []).append(eid)
        return self._surname_people

    def _shared_surname(self, ent: Entity) -> bool:
        """A one-word PERSON name that ends two or more full names of the article ("Clinton" beside Bill
        and Hillary Clinton): kept apart because it may be either, so it has no gender of its own, unless all those
        names have one (`_gender_of_shared_surnames`)."""
        if ent.label != "PERSON" or " " in ent.name:
            return False
        return len(self._people_by_surname().get(ent.name, ())) > 1

    def _known_gender_in_reach(self, t: Token, gender: str, other_than: str) -> bool:
        """A person in reach of `t`, other than `other_than`, whom a title, a noun or a first name gives
        `t`'s gender."""
        return any(self.gender.get(c[2].entity_id) == gender and c[2].entity_id != other_than
                   for c in self._candidates(t, _PERSON_LABEL))

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
        self._note_bound(t)
        return eid

    def _note_said(self, ref: Ref) -> None:
        """Remember the gender of a he/she resolved to `ref`'s entity (`_gender_unknown_ahead_of_known`)."""
        word = self.doc[ref.head]
        if word.pos_ == "PRON" and (said := PRONOUN_GENDER.get(word.lower_)):
            self.said_of.setdefault(ref.entity_id, set()).add(said)

    def _same_kind(self, subject: Token, t: Token) -> bool:
        """Whether a subject that is no entity could be what `t` means, so that `t` is left as written:
        an unresolved pronoun of its kind, or a noun of its kind ("the president ... his", "the plan ...
        its", "the states ... their")."""
        lower, word = t.lower_, subject.lower_
        gender = PRONOUN_GENDER.get(lower)
        if subject.pos_ == "PRON":
            return (PRONOUN_GENDER.get(word) == gender if gender else
                    word in IT_PRONOUNS if lower in IT_PRONOUNS else word in THEY_PRONOUNS)
        if gender and is_age_noun(subject):
            return True  # "The 87-year-old was found dead in his hotel room": whoever the age noun is
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        # "Kazakhstan's approach highlights the limits of its ...": the owner may be meant; not a person's
        # "his" for an "it" ("his analysis is compromised by its compulsion" is the analysis's)
        if subject.pos_ != "NOUN" or (owner is not None and not (lower in IT_PRONOUNS and owner.lower_ in _PERSON_OWNERS)):
            return False
        person_noun = self._person_noun(subject)
        if gender:  # "the chancellor was up to his old trick", "any chancellor would use his budget": an office
            return person_noun or subject.lower_ in load_lexicon().titles
        if lower in IT_PRONOUNS:
            return subject.tag_ == "NN" and not person_noun
        return subject.tag_ == "NNS"

    def _person_nearer(self, cands: list[tuple[float, int, Ref]], t: Token) -> bool:
        """Another person the pronoun may mean stands nearer than the chosen one, in the same sentence:
        "Blair pledged never to attack Michael Howard over his beliefs", "Trump questioned Cruz's
        eligibility because he was born in Canada". The subject rule would pick the first; a reader
        takes the second. Not sure: leave the words."""
        best = cands[0][2]
        return any(c[2].entity_id != best.entity_id and c[2].start_char > best.start_char
                   and c[2].sent == self.sent_of[t.i] for c in cands[1:])

    def _owner_in_phrase(self, head: Token, entity_id: str, gender: str) -> bool:
        """The chosen name's own phrase names another person as its owner: "Moazzam Begg's MP Roger Godsiff
        welcomed his release" (ninth round, read on unseen BBC): either may be meant. The caller leaves out the words
        a speaker reports: "Kenteris' lawyer Gregory Ioannidis said he ..." is the lawyer."""
        return any(o != entity_id and self._label(o) == "PERSON" and self.gender.get(o, gender) == gender
                   for o in possessive_owners(head, self.token_entity))

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
        """The best candidate's gender is unknown while another in reach is known to agree, or while only pronouns
        of the other gender were resolved to it: "Obama ... Hillary Clinton ... her" should not go to the one whose
        gender nothing told. With [resolution.abstain] unknown_gender_yields off, only a bare surname two full names
        share ("Clinton") and the other-gender case are left; the calibrated floor judges the other such picks."""
        best = cands[0][2].entity_id
        if best not in self.gender and gender not in self.said_of.get(best, {gender}):
            # only pronouns of the other gender were resolved to it ("Kim Lee beat Tom Hill. She smiled. He left."): a
            # doubt, never a gender (those picks may be wrong or below the floor), so the words stay
            return True
        if best in self.gender or not any(self.gender.get(c[2].entity_id) == gender for c in cands[1:]):
            return False
        # a bare surname two full names share ("Clinton": Bill or Hillary) is never a sure he/she
        return bool(self.lex.abstain.get("unknown_gender_yields", False)) or self._shared_surname(self.entities[best])

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

    def _unresolved_it_between(self, ref: Ref, t: Token) -> bool:
        """An "it" left as written (a thing, not a name) stands between the candidate and `t`, or, in `t`'s
        sentence, another named thing ("Fiat owns a stake in Ferrari - best known for its team"; "Tony Macklin,
        director at Ask Jeeves, pointed out that its search engine" after Microsoft)."""
        start = max(ref.head + 1, self.sents[self.sent_of[t.i]].start)
        return any(u.lower_ == "it" and u.i not in self.resolved and not is_pleonastic(u, self.lex.person_object)
                   for u in self.doc[ref.head + 1:t.i]) or any(
            (eid := self.token_entity.get(u.i)) is not None and eid != ref.entity_id and self._label(eid) in IT_LABELS
            for u in self.doc[start:t.i])

    def _group_at_or_after(self, ref: Ref, t: Token) -> bool:
        """A group "they" may mean, from the candidate on: the candidate in a coordination ("Fiat and GM
        also ended their alliance"), or two people named between it and `t` ("Mr Blake said he found Ms
        Bakley ... after they left")."""
        if _coordinated_with(self.doc[ref.head]):
            return True
        people = {self.token_entity[u.i] for u in self.doc[ref.head + 1:t.i]
                  if self._label(self.token_entity.get(u.i)) == "PERSON"}
        return len(people) > 1

    def _in_a_pair(self, ref: Ref, gender: str) -> bool:
        """The candidate was last named beside another person who may be the same he/she ("Samuel L Jackson and
        Ben Stiller have signed up ... He said"): which one, the words do not tell."""
        return any(self._label(self.token_entity.get(w.i)) == "PERSON" and self.token_entity[w.i] != ref.entity_id
                   and self.gender.get(self.token_entity[w.i], gender) == gender
                   for w in _coordinated_with(self.doc[ref.head]))

    def _names_coordinated_between(self, ref: Ref, t: Token) -> bool:
        """Names coordinated after the candidate and before "they" are a group "they" may mean: "the EU said it
        will start monitoring China, Ukraine and Russia to ensure they are going after pirated goods"."""
        return any(u.dep_ == "conj" and u.i in self.token_entity and u.head.i in self.token_entity
                   for u in self.doc[ref.head + 1:t.i])

    def _plural_between(self, ref: Ref, t: Token) -> bool:
        for u in self.doc[ref.head + 1:t.i]:
            if (u.tag_ in ("NNS", "NNPS") or u.lower_ in _SEVERAL) and u.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
                return True  # "issued a warning to the trio after they were discovered": the trio (unseen BBC)
            if u.lower_ in ("they", "them") and u.i not in self.resolved:
                return True  # "how it affects them and what they can do": the same unnamed people
            if u.lower_ in _EVERYONE and u.pos_ == "PRON":
                return True  # "everyone can be a part of shaping, adding knowledge about their culture": anyone's
        return False


def _coordinated_with(head: Token) -> list[Token]:
    """The words `head` is coordinated with: the one it is a conjunct of, or its own conjuncts ("Fiat and GM")."""
    return [head.head] if head.dep_ == "conj" else [c for c in head.children if c.dep_ == "conj"]
