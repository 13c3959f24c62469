"""Evidence for definite descriptions and names: "the court", "the president", "Kazakhstan's government".

`Resolver` (`resolve.py`) inherits these checks beside `BindingRules` (`binding.py`); they read its state
(entities, what was described with which noun, what was read) and keep none of their own:

- descriptions: "the company", "the country" -> an entity of a label the noun allows, the one the
  article described with the noun first; a kind the label does not tell ("the club", "the state", "the
  party") only when the name or a description says so;
- names: "the court" is the one entity read so far whose name is headed by "court" ("Manhattan
  Supreme Court", "Court of Appeals"), "the appeals court" the one whose name also has "appeals";
- "the president": only a person the article itself described with that noun, and far from any name
  the one person the article called so;
- institutions: "Kazakhstan's government" acts for Kazakhstan (a person's ministry is not the person).

Whether a description fits a candidate's kind, rank and nationality is read in `description_fit.py`
(`DescriptionFitRules`, which `DescriptionRules` inherits).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from ..entities import load_gazetteer
from ..entities.gazetteer import place_countries, state_names
from ..records import Entity
from .description_fit import DescriptionFitRules
from .reference_rules import (COUNTRY_NOUNS, DETERMINERS, NEW_SOMEONE, SOVEREIGN_NOUNS, WINDOW, Ref, age_of,
                              is_age_noun, restrictive_modifier)

# labels whose names have a common-noun head a description can repeat ("the court", "the festival")
_NAMED_THINGS = frozenset({"ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"})
_NAME_LINKS = frozenset({"of", "for", "to", "on"})
_TOWN_NOUNS = frozenset({"city", "town", "capital", "province"})  # capitalised: a name ("The City")
_NATIONS_WITHIN = frozenset({"england", "scotland", "wales", "northern ireland"})  # "the country" may be one
_INSIDE_A_COUNTRY = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})  # labels of a place or body that tells its country


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


def _the_of_a_bare_noun(t: Token, tags: tuple[str, ...]) -> Token | None:
    """The "the" of "the court", "the government": a singular noun of `tags` that is no modifier, apposition or
    predicate, owned by nobody ("its court") and with no "of" after it ("the court of appeal"); else None."""
    det = next((c for c in t.lefts if c.dep_ == "det"), None)
    if det is None or det.lower_ != "the" or t.tag_ not in tags or t.dep_ in ("compound", "appos", "attr") \
            or any(c.dep_ == "poss" for c in t.children) or any(c.dep_ == "prep" and c.lower_ == "of" for c in t.rights):
        return None
    return det


class DescriptionRules(DescriptionFitRules):
    """Mixed into `Resolver`: what a description or a name's head stands for."""

    def _description(self, t: Token) -> str | None:
        lemma = t.lemma_.lower()
        labels = self.lex.descriptions.get(lemma)
        if labels is None or t.tag_ not in ("NN", "NNP") or t.dep_ in ("compound", "appos", "attr", "oprd") \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return None  # a predicate says what something is ("made it the fourth most digitally-savvy nation")
        det = next((c for c in t.lefts if c.dep_ == "det"), None)
        if det is None or det.lower_ not in DETERMINERS or any(c.dep_ == "poss" for c in t.children) \
                or (det.lower_ != "the" and self.quotes.inside(t)):  # a speaker's "this country" is theirs
            return None
        country = None  # "the Kazakh state": a demonym names the country the description is about
        for c in t.lefts:  # a named modifier makes a new referent ("the Kazakh company" is fine, "the Apple company" not)
            if c.i in self.token_entity and c.ent_type_ not in ("NORP", "LOC", ""):
                return None
            if c.pos_ == "PROPN" and c.i not in self.token_entity and c.dep_ in ("compound", "nmod"):
                return None  # a name the model did not tag: "the Hollywood Reporter trade newspaper"
            modifier = self.entities.get(self.token_entity.get(c.i, ""))
            if modifier is not None and modifier.label == "NORP" and modifier.kb_id:
                country = modifier.kb_id
        if t.text[:1].isupper() and (any(c.text[:1].isupper() for c in t.lefts if c.dep_ in ("amod", "compound"))
                                     or lemma in _TOWN_NOUNS):
            # "the Islamic State", "the Red Cross": a name, not a description; so is a place noun with a capital
            # after its "the" ("the City" of London, "Sex And The City")
            return None
        if country is not None and lemma not in COUNTRY_NOUNS and "GPE" in labels:
            return None  # "the Thai capital": which city is in that country, nothing here tells
        if lemma == "state" and any(c.dep_ == "amod" and c.text.islower() for c in t.lefts):
            return None  # "the current state (of the economy)": a condition, not a country
        if any(c.dep_ in ("amod", "advmod") and (c.lower_ in self.lex.non_anaphoric or c.tag_ == "JJS") for c in t.lefts):
            return None  # "the broader region", "the other company", "the best group"
        if any(c.dep_ == "nummod" for c in t.lefts):
            return None  # "The 19 firm": a number before a singular noun is a name (19 Entertainment)
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in t.rights):
            return None
        if t.i + 1 < len(self.doc) and t.i + 1 in self.token_entity or any(
                c.dep_ == "appos" and c.i in self.token_entity for c in t.rights):
            return None  # its own name follows: "the late singer Ray Charles", "the carmaker Volkswagen"
        if any(c.dep_ == "relcl" and any(g.lower_ == "that" and g.dep_ in ("nsubj", "dobj", "mark") for g in c.lefts) for c in t.rights):
            return None  # "the company that makes X" introduces a company
        if restrictive_modifier(t):
            return None  # "the country involved", "the firm it bought": a restrictive modifier picks one out
        if self._apposed_to_another_kind(t, labels):
            return None  # "Gazprom, the company originally tipped to buy": its name, though the model called it a place
        cands = self._candidates(t, labels)
        clause_subject = self._clause_subject_entity(t)
        if clause_subject is not None:  # "The Daily Caller, which unearthed a story from the newspaper"
            cands = [c for c in cands if c[2].entity_id != clause_subject]
        in_reach_places = cands
        if labels == {"PERSON"} and not self.lex.abstain.get("person_descriptions", True):
            return self._person_description(t, lemma, cands)
        if country is not None and lemma in COUNTRY_NOUNS:
            # only that country will do; better no rewrite than another country's name
            cands = [c for c in cands if self._kb_id(c[2].entity_id) == country]
        elif lemma in SOVEREIGN_NOUNS:  # "the nation" is a country the gazetteer knows, not a city
            cands = [c for c in cands if self._kb_id(c[2].entity_id)]
        if not cands and country is None and lemma in SOVEREIGN_NOUNS and not self._new_country_before(t):
            # "the country", far from any country named: the one country the article names, unless a place in
            # reach may be what is meant ("Voters in Scotland ... The country has had its own parliament")
            sole = self._sole_country(t)
            if sole is not None and self._other_place_in_reach(in_reach_places, self._kb_id(sole)):
                return None
            return sole
        if not cands or ("GPE" in labels and self._unnamed_country_nearer(t, cands[0][2])):
            return None
        # any organisation may be a club, a newspaper or a party (the label does not tell: "UKIP"), so all of them
        # compete, while only one the article described or named so may be picked
        in_reach = cands
        cands = self._without_other_nationalities(t, cands)
        if lemma in self.lex.described_only:
            cands = [c for c in cands if lemma in self.described.get(c[2].entity_id, ())
                     or self._named_as_kind(lemma, c[2].entity_id)]
        described = [c for c in cands if lemma in self.described.get(c[2].entity_id, ())]
        if not described:
            cands = [c for c in cands if self._of_its_kind(lemma, c[2].entity_id)]
        if (described or cands) and self._other_named_nearer((described or cands)[0][2], in_reach, t):
            return None
        return self._pick(t, described or cands, "description")

    def _other_named_nearer(self, best: Ref, in_reach: list, t: Token) -> bool:
        """Another entity of the description's kind is named in its own sentence, or in the one before when the best
        one is from further back, after the best one: "Monitoring firm Netcraft found ... In a statement from Lycos Europe ..., the
        company denied" is Lycos Europe; "he quit UKIP ... for the leadership of that party" is not Veritas; "Turkey
        ... talks with Croatia ... only if the country co-operates" is not Turkey, which the article called a country.
        The best one from the last sentence stays ("Kazakhstan, which shares a border with Russia, is affected. The
        Central Asian nation"). `in_reach`: every candidate of the description's labels."""
        k = self.sent_of[t.i]
        if best.sent >= k:
            return False
        since = k - 1 if best.sent < k - 1 else k  # the best one from the last sentence stays ahead of its objects
        return any(c[2].entity_id != best.entity_id and c[2].sent >= since and c[2].start_char > best.start_char
                   for c in in_reach)

    def _aged(self, t: Token) -> str | None:
        """"The 25-year-old has smashed the record": the one person named in the last sentence or this one, and
        clearly ahead of any other person in reach, when nobody new came in those sentences ("a 25-year-old
        man was arrested", "a local doctor", "her 25-year-old grandson"), that person is not the one whose
        words hold it, and the article gave that person no other age ("Mary Jones, 81,")."""
        if t.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj") or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in t.children) or any(c.dep_ == "poss" for c in t.children):
            return None
        cands = self._candidates(t, frozenset({"PERSON"}))
        if not cands:
            return None
        best, k = cands[0][2], self.sent_of[t.i]
        if k - best.sent > 1 or any(c[2].entity_id != best.entity_id for c in cands if c[2].sent >= k - 1):
            return None  # "Keegan has praised striker Robbie Fowler. The 29-year-old ...": which of them?
        if any(self.entity_of(c) == best.entity_id for verb in t.ancestors for c in verb.children
               if c.dep_ in ("nsubj", "nsubjpass")):
            return None  # "Coach Mike Ruddock says the 24-year-old should take the armband": someone else
        for u in self.doc[self.sents[best.sent].start:t.i]:
            if is_age_noun(u):
                return None  # "Her 25-year-old grandson was injured. The 25-year-old ...": someone else of an age
            if u.i in self.token_entity or u.i in self.resolved or not self._person_noun(u):
                continue
            if any(c.dep_ == "det" and (c.lower_ in NEW_SOMEONE or c.lower_ == "the") for c in u.children):
                return None  # someone with no name came in ("A teenager stabbed John Smith"), or "the <person>"
        stated = self._stated_age(best.entity_id)
        if stated is not None and stated != age_of(t):
            return None  # "Mary Jones, 81, ... The 25-year-old" is someone else
        return self._pick(t, cands, "age")

    def _stated_age(self, entity_id: str) -> str | None:
        """The age the article gives a person right after a name of theirs ("Mary Jones, 81, has died")."""
        doc = self.doc
        for ref in self.refs:
            h = ref.head
            if ref.entity_id == entity_id and h + 3 < len(doc) and doc[h + 1].text == "," \
                    and doc[h + 2].like_num and doc[h + 3].text in (",", "."):
                return doc[h + 2].text
        return None

    def _named_as_kind(self, lemma: str, entity_id: str) -> bool:
        """The entity's name holds a word of the noun's kind ([resolution.names] kind_words): "the newspaper" may
        be The Sunday Telegraph."""
        ent = self.entities.get(entity_id)
        words = self.lex.kind_words.get(lemma, frozenset())
        return ent is not None and any(w in words for w in ent.name.lower().split())

    def _of_its_kind(self, lemma: str, entity_id: str) -> bool:
        """Whether an entity the article did not describe with the noun can still be what it means by its
        name: "the state" is a country or a federal country's state ("Ohio", not the city of Phoenix or a
        company the model took for a place); "the party" a group of a nation or party ("Labour", not the
        NHS); "the company" no public body ("Securities and Exchange Commission", `public_bodies`)."""
        ent = self.entities.get(entity_id)
        if ent is None:
            return False
        if lemma == "state":
            name = ent.name.lower().removesuffix(" state")
            return bool(ent.kb_id) or name in state_names()
        if lemma == "party":
            return ent.label == "NORP" or "party" in ent.name.lower().split()
        if lemma in self.lex.company_nouns:  # "the company" is no "Securities and Exchange Commission"
            return not self.lex.public_bodies.intersection(ent.name.lower().split())
        return True

    def _national(self, t: Token) -> str | None:
        """"the government" (or "the federal government"): the government of the one country the article
        names, when it names no other (`_sole_country`); any other modifier may name or pick out another
        government ("the Kazakh government", "the local government", "the previous government"): the words stay."""
        det = _the_of_a_bare_noun(t, ("NN",))
        if det is None:
            return None
        if any(c.i != det.i and c.dep_ != "punct" and c.lower_ not in self.lex.national_modifiers for c in t.lefts):
            return None  # "the previous government", "the military government", "the Kazakh government"
        if restrictive_modifier(t) or (t.i + 1 < len(self.doc) and t.i + 1 in self.token_entity):
            return None  # "the government that took office", "the government of ...", "the government Kazakhstan ..."
        return self._sole_country(t)

    def _other_place_in_reach(self, places: list, code: str) -> bool:
        """A place in reach that is a nation of its own (England, Scotland, Wales, Northern Ireland) or is known
        to lie in another country than `code` ("Virginia" lies in the United States: no doubt there)."""
        inside = place_countries()
        for c in places:
            name = self.entities[c[2].entity_id].name.lower() if c[2].entity_id in self.entities else ""
            if name in _NATIONS_WITHIN or inside.get(name, code) != code:
                return True
        return False

    def _new_country_before(self, t: Token) -> bool:
        """A country with no name brought in shortly before "the country": "The troops went to a small country
        in west Africa. The country has been at war for years" is not the country the article names."""
        start = self.sents[max(0, self.sent_of[t.i] - WINDOW)].start
        return any(u.lemma_.lower() in COUNTRY_NOUNS and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another")
                                                             for c in u.children) for u in self.doc[start:t.i])

    def _sole_country(self, t: Token) -> str | None:
        """The place entity of the one country the whole article names, when it names no other, else None. A
        country is named by its name ("Britain"), and also counted when named by a demonym ("British") or by a
        place or body inside it (`gazetteer.place_countries`: a UK story on the war in Iraq that names Downing
        Street or Labour names two countries); a country named only so has no place entity to write in."""
        if self._country is None:
            inside = place_countries()
            codes = {e.kb_id for e in self.entities.values() if e.label in ("GPE", "NORP") and e.kb_id}
            codes.update(inside[n.lower()] for e in self.entities.values() if e.label in _INSIDE_A_COUNTRY
                         for n in {e.name, *e.aliases} if n.lower() in inside)
            places = [e.entity_id for e in self.entities.values() if e.label == "GPE" and e.kb_id in codes]
            self._country = places[0] if len(codes) == 1 and len(places) == 1 else ""
        if not self._country:
            return None
        return self._country

    def _unnamed_country_nearer(self, t: Token, best: Ref) -> bool:
        """A demonym after the best candidate and before "the country" (or "the capital", "the city"), in
        its sentence, evokes a country the article never names: "the Thai capital ... the country's 5,300
        deaths" is Thailand, not the United States named before; so does a country inside an organisation's
        name ("The Bank of Mexico said ... the country's")."""
        named = self.named_countries
        start = max(best.start_char, self.sents[self.sent_of[t.i]].start_char)
        for i in range(t.i - 1, -1, -1):
            u = self.doc[i]
            if u.idx < start:
                return False
            modifier = self.entities.get(self.token_entity.get(i, ""))
            if modifier is not None and modifier.label == "NORP" and modifier.kb_id and modifier.kb_id not in named:
                return True
            if modifier is not None and modifier.label == "ORG" and u.lower_ == "of" and i + 1 < t.i:
                # "The Bank of Mexico said ... the country's second-biggest source": Mexico, the words after "of" in
                # the name ("Bank of Papua New Guinea" too; not "Georgia-Pacific", a state's name before a hyphen)
                rest = [w.text for w in self.doc[i + 1:t.i] if self.token_entity.get(w.i) == self.token_entity[i]]
                entry = load_gazetteer().lookup(" ".join(rest)) if rest else None
                if entry is not None and entry.label == "GPE" and entry.kb_id and entry.kb_id not in named:
                    return True
        return False

    def _kb_id(self, entity_id: str) -> str:
        ent = self.entities.get(entity_id)
        return ent.kb_id if ent is not None else ""

    def _named_by_head(self, t: Token) -> str | None:
        """"the court" -> the one entity read so far whose name it repeats the head of, with every noun
        modifier of the description in that name ("the appeals court": Court of Appeals); else None."""
        det = _the_of_a_bare_noun(t, ("NN", "NNP"))
        if det is None or restrictive_modifier(t):
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
        if len(fits) != 1 or any(t.lemma_.lower() in nouns and eid not in fits for eid, nouns in self.described.items()
                                 if eid in self.seen_ids):
            return None  # "ABN Amro, the Netherlands' largest bank, ... following Deutsche Bank ... the bank": which?
        return fits.pop()

    def _person_description(self, t: Token, lemma: str, cands: list) -> str | None:
        """"the president", "the candidate": too many people fit in a news story; only a person the
        article itself described with that noun ("Serik Zhumangarin, the trade minister"), when one
        person was, and when that person is clearly ahead of the others in reach or is both the
        nearest candidate and the only person the whole article called so."""
        described = [c for c in cands if lemma in self.described.get(c[2].entity_id, ())]
        if not described:
            person = self._described_in_article(t, lemma)
        elif len({c[2].entity_id for c in described}) != 1:
            return None
        else:
            others = [c for c in cands if c[2].entity_id != described[0][2].entity_id]
            margin = float(self.lex.abstain.get("description_margin", 0.0))
            if others and others[0][0] - described[0][0] < margin and not (
                    cands[0] is described[0] and self._only_person_called(lemma) is not None):
                return None
            person = self._pick(t, described, "description")
        if person is not None and not (self._proper_modifiers_fit(t, person) and self._rank_fits(t, person)):
            return None
        return person

    def _described_in_article(self, t: Token, lemma: str) -> str | None:
        """"the president" read far from any name: the one person the article called "President" or
        "the president" before, when it called only one person so (else the words stay)."""
        return self._only_person_called(lemma)

    def _only_person_called(self, lemma: str) -> str | None:
        """The one person the article described with `lemma`, if only one was and it has been read already."""
        people = {eid for eid, nouns in self.described.items() if lemma in nouns and self._label(eid) == "PERSON"}
        return people.pop() if len(people) == 1 and people <= self.seen_ids else None


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
        if ent is None or ent.label == "PERSON":
            return None
        self.antecedent[t.i] = poss.i  # "Its government": no surer than its "its"
        return eid
