"""Whether a description fits the kind of a candidate, for `DescriptionRules` (`description_rules.py`): the words
before the noun against what the article said of the candidate, and the name the description stands beside.

- `_proper_modifiers_fit`: Gary Johnson, the Libertarian presidential candidate, is not "the Democratic
  presidential candidate";
- `_rank_fits`: "Deputy Prime Minister John Prescott" is not "the prime minister" (twelfth round; one way only:
  "the deputy minister" is not checked against a prime minister);
- `_without_other_nationalities`: "German investment bank Deutsche Bank" is not "the Russian oil giant" (twelfth round);
- `_apposed_to_another_kind`: "Gazprom, the company ...", Gazprom tagged a place, is no other company (twelfth round).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..entities import load_gazetteer
from ..entities.gazetteer import load_lexicon as load_entity_lexicon

_RANKS = frozenset({"deputy", "vice", "assistant", "junior", "under"})  # a role below the one its noun names


class DescriptionFitRules:
    """Mixed into `DescriptionRules`: does the description fit this candidate?"""

    def _rank_fits(self, t: Token, person: str) -> bool:
        """A deputy is called so again: "Deputy Prime Minister John Prescott" is not "the prime minister" (unseen
        BBC, twelfth round), but may be "the deputy prime minister"."""
        ranks = _RANKS.intersection(self.described.get(person, ()))
        return not ranks or any(c.lower_ in ranks for c in t.lefts)

    def _proper_modifiers_fit(self, t: Token, person: str) -> bool:
        """Every proper word before the noun ("the Democratic presidential candidate", "the GOP nominee")
        is in the words the article described the person with: Gary Johnson, the Libertarian presidential
        candidate, is not "the Democratic presidential candidate"; nor a portfolio's word in lower case: Home
        Secretary Charles Clarke is not "the foreign secretary" (unseen BBC, fourteenth round)."""
        words = self.described.get(person, set())
        return all(c.lower_ in words for c in t.lefts
                   if c.dep_ in ("amod", "compound", "nmod") and (c.text[:1].isupper() or c.ent_type_ == "NORP"
                                                                 or load_entity_lexicon().is_portfolio(c.lower_)))

    def _apposed_to_another_kind(self, t: Token, labels) -> bool:
        """`t` comes right after a name and a comma, as an apposition, and the name has a label `t` cannot take
        ("Gazprom, the company originally tipped to buy", Gazprom a GPE; the parser hangs the description on the name
        as a relative clause, and a description the parser calls an apposition never gets here)."""
        left = t.left_edge.i
        owner = left - 2 if left >= 2 and self.doc[left - 1].text == "," and self.doc[left - 2].dep_ != "pobj" else None
        if owner is None:
            return False
        if owner not in self.token_entity:  # a name the model did not tag
            return self.doc[owner].pos_ == "PROPN" and self.doc[owner].text[:1].isupper()
        return self._label(self.token_entity[owner]) not in labels

    def _without_other_nationalities(self, t: Token, cands: list) -> list:
        """The candidates less those of another nationality: "the Russian oil giant" is not the one the article called
        "German investment bank Deutsche Bank" (unseen BBC, twelfth round): a nationality before the noun, and another
        one among the words describing the candidate."""
        gazetteer = load_gazetteer()
        wanted = {e.kb_id for c in t.lefts if c.ent_type_ == "NORP" and (e := gazetteer.lookup(c.text)) is not None and e.kb_id}
        if not wanted:
            return cands
        return [c for c in cands if not (known := self._nationalities(c[2].entity_id, gazetteer)) or known & wanted]

    def _nationalities(self, entity_id: str, gazetteer) -> set[str]:
        """The countries of the nationality words before the entity's names ("German investment bank") or among the
        nouns that describe it."""
        before = [w.text for r in self.refs if r.entity_id == entity_id and r.head in self.token_entity
                  for w in self.doc[r.head].subtree if w.i < r.head and w.ent_type_ == "NORP"]
        return {e.kb_id for w in [*before, *(w.capitalize() for w in self.described.get(entity_id, ()))]
                if (e := gazetteer.lookup(w)) is not None and e.label == "NORP" and e.kb_id}
