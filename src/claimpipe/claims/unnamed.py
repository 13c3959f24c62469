"""Someone or something with no name, in reach of a pronoun, that it may mean: then the words stay as written.

`Resolver` (`resolve.py`) inherits these checks beside `binding.py`'s; they read its state and keep none but
`left_for_unnamed`, the he/she they left as written, which the next sentence's check reads:

- a person noun or a thing with no name between a candidate and the pronoun ("a federal judge found ..., his
  decision"; "he would not accept the endorsement if it were offered"), or a relative of the pronoun's gender
  ("my mum had attacked the church and ... disconnect from her"), or another person whose name opens a body's
  ("the Warhol Factory, the studio where he worked");
- the subject of the sentence before a he/she subject, someone new or "the <person>" no name explains
  ("A spokesman told BBC News that ... He said"; "The man in red shorts led employees ... he says"); after a
  quotation, the words before it ('A Labour spokesman denied it. "... ," he said');
- the last subject before a he/she in its sentence, "the <person>" with no name resolved, or an age noun ("the
  87-year-old") or a nationality ("The Scot") standing for one person; a he/she left as written for such a
  someone carries its doubt to the next subject he/she ("But he has had a rethink. He said ...").
"""

from __future__ import annotations

from spacy.tokens import Token

from ..entities.gazetteer import load_lexicon as load_entity_lexicon
from ..entities.persons import first_name_gender
from .reference_rules import NEW_SOMEONE, PRONOUN_GENDER, REACH, Ref, clause_of, is_age_noun, is_possessive


# relatives, for `_relative_of_the_pronouns_gender` (their gender from the lexicon's gender nouns)
KIN = frozenset({"mother", "mum", "mom", "father", "dad", "wife", "husband", "son", "daughter", "brother", "sister",
                 "grandmother", "grandfather", "aunt", "uncle", "niece", "nephew", "widow", "widower", "girlfriend",
                 "boyfriend"})


class UnnamedRules:
    """Checks for someone or something unnamed in reach; mixed into `Resolver`."""

    def _someone_else_described(self, noun: Token, entity_id: str, called_so: bool = False) -> bool:
        """An unresolved "the <person>" that is not the candidate `entity_id`: a plain person noun ("the
        woman", "the victim"), or a role the article gave another person ("the candidate" beside Jill Stein,
        the Green Party candidate, when the candidate is her spokeswoman)."""
        lemma = noun.lemma_.lower()
        if lemma not in self.lex.descriptions or (called_so and entity_id not in self.gender
                                                  and lemma not in self.described.get(entity_id, ())):
            return True  # with `called_so`, "The BPI spokesman described the chart ...": not Westlife, never called so
        return any(lemma in nouns and eid != entity_id and self._label(eid) == "PERSON"
                   for eid, nouns in self.described.items())

    def _person_noun(self, word: Token) -> bool:
        """A common noun for a person: "the president", "the runner", "the 28-year-old", or any noun a "who" clause
        describes ("an architect who said he was stiffed", ninth round, tune15)."""
        lemma = word.lemma_.lower()
        return "PERSON" in self.lex.descriptions.get(lemma, ()) or lemma in self.lex.gender_nouns \
            or lemma in self.lex.person_nouns or lemma.endswith("year-old") or is_age_noun(word) or any(
                c.dep_ == "relcl" and any(g.lower_ == "who" and g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                for c in word.children)

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
        for u in self.doc[max(ref.head + 1, t.i - 3 * REACH, self.sents[k].start):t.i]:
            if u.pos_ != "NOUN" or u.i in self.token_entity or u.i in self.resolved:
                continue
            if u.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "appos"):
                continue
            if u.dep_ == "appos" and self._label(self.token_entity.get(u.head.i)) == "PERSON":
                continue  # "Daniel Montalvo, a member of Scientology all his life": the name's own noun, no one new
            person = self._person_noun(u)
            if gender and person and any(c.dep_ == "det" and c.lower_ in NEW_SOMEONE for c in u.children):
                return True  # someone new ("a federal judge", "no leader"): "the ..." or "his ex-wife" may be a name's
            if gender and self._relative_of_the_pronouns_gender(u, t, gender):
                return True  # "told that my mum had attacked the church and that I needed to disconnect from her"
            if not gender and t.lower_ == "it" and u.tag_ == "NN" and not person \
                    and (t.dep_ in ("nsubj", "nsubjpass") or u.i not in holders):
                return True  # not the noun "it" hangs from: "Halo had a depth to it" is Halo
        if gender and self._person_inside_another_name(ref, t, gender):
            return True
        if gender and (self._unnamed_subject_between(ref, t) or self._unnamed_speaker_before(ref, t)):
            self.left_for_unnamed.add(t.i)
            return True
        return False

    def _relative_of_the_pronouns_gender(self, u: Token, t: Token, gender: str) -> bool:
        """`u` is someone's relative of `t`'s gender, a subject or "my/our" relative, who may be the one `t` means:
        "Her mother had spoken out ... after her ex-husband" (the mother's), "my mum had attacked the church and ...
        disconnect from her" (thirteenth round, gumtune). Not the subject of `t`'s own clause: "his son persuaded
        him" is not the son."""
        lemma = u.lemma_.lower()
        if lemma not in KIN or self.lex.gender_nouns.get(lemma) != gender:
            return False
        if u.dep_ in ("nsubj", "nsubjpass") and t.dep_ not in ("nsubj", "nsubjpass") and clause_of(t) == u.head.i:
            return False
        return any((c.dep_ == "poss" and (u.dep_ in ("nsubj", "nsubjpass") or c.lower_ in ("my", "our")))
                   # "employed the wife of current Disney director John Bryson, and that she earned" (unseen BBC)
                   or (c.dep_ == "prep" and c.lower_ == "of" and any(
                       self._label(self.token_entity.get(g.i)) == "PERSON" for g in c.subtree)) for c in u.children)

    def _owned_person_object_before(self, t: Token, gender: str) -> bool:
        """The possessive `t` sits in a phrase on a verb after that verb's object, a person owned by a pronoun or a
        name, of `t`'s gender or of none known: "Mr Blair praised his chancellor for his role" is the chancellor's
        role (unseen BBC, fourteenth round), not the subject's that grammar would otherwise bind."""
        prep = next((a for a in t.ancestors if a.dep_ == "prep"), None) if is_possessive(t) else None
        if prep is None or prep.head.pos_ != "VERB":
            return False
        return any(u.dep_ == "dobj" and u.i < prep.i and any(c.dep_ == "poss" for c in u.children)
                   and u.i not in self.token_entity and not self._named_by_apposition(u)
                   and (self._person_noun(u) or load_entity_lexicon().is_title(u.lower_))
                   and self.lex.gender_nouns.get(u.lemma_.lower(), gender) == gender for u in prep.head.children)

    def _named_by_apposition(self, u: Token) -> bool:
        """A PERSON's name stands in apposition to the noun: "Cosby's lawyer, Walter M Phillips Jr, said", "their
        Welsh striker, Craig Bellamy": someone named, whom the candidates already hold."""
        return any(c.dep_ in ("appos", "compound") and self._label(self.token_entity.get(c.i)) == "PERSON"
                   for c in u.children) or (u.dep_ == "compound" and self._label(self.token_entity.get(u.head.i)) == "PERSON")

    def _person_inside_another_name(self, ref: Ref, t: Token, gender: str) -> bool:
        """Between the candidate and the he/she, in its sentence, another person's surname opening a body's or a
        place's name: "the touches of the Warhol Factory, or the studio where he worked" is Warhol's studio, not
        the last person spoken of (thirteenth round, gumtune). A one-word PERSON apart from its full name ("Warhol"
        beside "Andy Warhol") is blocked by its own other half: the words stay, which is the safe side."""
        k = self.sent_of[t.i]
        for u in self.doc[max(ref.head + 1, self.sents[k].start):t.i]:
            owner = self.token_entity.get(u.i)
            if owner is None or self._label(owner) in ("PERSON", "") or not u.text[:1].isupper() \
                    or self.entities[owner].name.split()[:1] != [u.text] or " " not in self.entities[owner].name:
                continue  # the person's name opens a longer name: "the Warhol Factory", not "Charlton"
            if any(eid != ref.entity_id and self.gender.get(eid, gender) == gender
                   for eid in self._people_by_surname().get(u.text, ())):  # `BindingRules`
                return True
        return False

    def _untagged_full_name(self, u: Token, gender: str) -> bool:
        """`u` heads a name the model did not tag that opens on a first name of `gender` ("Nick Van den Brul"): someone
        named, whom no candidate holds."""
        words = [c for c in u.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < u.i] + [u]
        return u.pos_ == "PROPN" and not any(w.i in self.token_entity for w in words) and len(words) > 1 \
            and first_name_gender(words[0].text) == gender

    def _unnamed_person_noun(self, u: Token) -> bool:
        """A common noun for a person that is no entity's name ("the spokesman", "a witness", "the 87-year-old"), or a
        title the parser calls a name ("the Cardinal will ask the congregation ... he will say", unseen BBC)."""
        if u.i in self.token_entity:
            return False
        return ((u.pos_ == "NOUN" or is_age_noun(u)) and self._person_noun(u)) or (
            u.tag_ == "NNP" and load_entity_lexicon().is_title(u.lower_) and u.head.i != u.i + 1
            and not any(c.dep_ == "compound" for c in u.children))

    def _demonym_person(self, u: Token) -> bool:
        """"The Scot", "the Frenchman", "the Czech": one person the model tags as a nationality (NORP); not "the
        French", "the Chinese", "the Swiss" (a people), nor one a name in apposition explains ("The Scot, Colin
        Montgomerie, ...")."""
        return u.ent_type_ == "NORP" and u.tag_ in ("NNP", "NN") \
            and not u.lower_.endswith(("ish", "nch", "tch", "lsh", "ese", "ss")) \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in u.children) \
            and not any(c.dep_ == "appos" and self._label(self.token_entity.get(c.i)) == "PERSON" for c in u.children)

    def _unnamed_speaker_before(self, ref: Ref, t: Token) -> bool:
        """A subject he/she after a sentence with a subject, after the candidate, that is someone new with no
        name and not of the other gender: "a spokesman for the English National Ballet told BBC News that ...
        He said" is the spokesman ("A spokeswoman said ... He said" is not her). Any subject of that sentence,
        not only its main one: "Police said a witness saw the crash. He said ..." is left as written too; so is
        "the <person>" that describes no one named or another person (`_someone_else_described`)."""
        k = self.sent_of[t.i]
        if t.dep_ not in ("nsubj", "nsubjpass") or k == 0 or ref.sent >= k:
            return False
        gender = PRONOUN_GENDER.get(t.lower_)
        before = self._words_before(t, k)
        if any(u.i in self.left_for_unnamed and u.dep_ in ("nsubj", "nsubjpass")
               and PRONOUN_GENDER.get(u.lower_) == gender for u in before):
            return True  # "The Scot defended Beattie ... But he has had a rethink ... He said": he again
        for u in before:
            if u.dep_ in ("nsubj", "nsubjpass") and u.i > ref.head and self._untagged_full_name(u, gender):
                return True  # "Aviation analyst Nick Van den Brul ... described BA's results ... "...," he said"
            # before the candidate, a nationality only: "The Scot initially defended Beattie, saying Gallas
            # overreacted. But he has had a rethink" is the Scot, Moyes (unseen BBC, eleventh round)
            if u.dep_ not in ("nsubj", "nsubjpass") or u.i in self.resolved or not (
                    self._demonym_person(u) if u.i < ref.head else self._unnamed_person_noun(u)):
                continue
            if self.lex.gender_nouns.get(u.lemma_.lower(), gender) != gender:
                continue  # a spokeswoman is not "he"
            if any(c.dep_ == "det" and (c.lower_ in NEW_SOMEONE or (c.lower_ == "the" and self._someone_else_described(
                    u, ref.entity_id, called_so=True))) for c in _with_compounds(u)):
                return True  # "The man in red shorts led employees to believe ... In the video, he says": him
            if u.tag_ == "NN" and not self.quotes.inside(t) and not self._named_by_apposition(u) and any(
                    c.dep_ == "poss" and (self._label(self.token_entity.get(c.i)) == "PERSON"
                                          or (c.lower_ in ("our", "my") and not self.quotes.inside(c))) for c in u.children):
                return True  # "Tony Blair's official spokesman declined to say ... He said": not Blair; whose, unclear
                # (not "The Scottish National Party's parliamentary leader argued ... She said": a party's leader may be
                # her); so is the writer's own "Our correspondent said that ... he added" (unseen BBC)
        return False

    def _unnamed_subject_between(self, ref: Ref, t: Token) -> bool:
        """The last subject before the he/she `t` in its sentence, after the candidate, is "the <person>"
        with no name resolved, and may be who `t` means: "Figueroa said the candidate was at interviews,
        which she was doing" (the candidate is Jill Stein), "The woman disputes that she needed care". Not
        the subject of `t`'s own clause, which a him/her cannot be ("the partner was supportive of her")."""
        k = self.sent_of[t.i]
        subjects = [u for u in self.doc[max(ref.head + 1, self.sents[k].start):t.i]
                    if u.dep_ in ("nsubj", "nsubjpass") and (u.pos_ == "NOUN" or is_age_noun(u))]
        if not subjects:
            return False
        u = subjects[-1]
        if u.i in self.resolved or not self._unnamed_person_noun(u) \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in _with_compounds(u)):
            return False
        if t.dep_ not in ("nsubj", "nsubjpass") and clause_of(t) == u.head.i:
            return False
        return self._someone_else_described(u, ref.entity_id)

    def _words_before(self, t: Token, k: int):
        """The sentence before the one of `t`, or, when a quotation ends right before `t` ('"... a serious
        point," he said'), the words before that quotation: the rest of its first sentence, or the sentence
        before it ('A Labour spokesman denied it. "As we said ... This poster is making a serious point," he
        said' is the spokesman's)."""
        quote = self.quotes.closing_before(t)
        if not quote:
            return self.sents[k - 1]
        return self._words_before_opening(self.quotes.token_at(quote[-1].start_char))


def _with_compounds(noun: Token) -> list[Token]:
    """The words under `noun` and under its compounds: the parser hangs the "the" of "the Queens native" on
    "Queens"."""
    return [c for w in [noun, *(c for c in noun.children if c.dep_ == "compound")] for c in w.children]
