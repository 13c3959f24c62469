"""Typographic apostrophes ("It’s", "isn’t") are read as the straight ones the model was trained on."""

from __future__ import annotations

import pytest

STRAIGHT = ("It's easy for people to marvel at it. She isn't sure they're here, and we've said it'll rain, "
            "so I'm staying; he'd left.")


def _reading(doc):
    return [(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_) for t in doc]


def test_apostrophes_curly_clitics_get_the_straight_reading(nlp):
    straight, curly = nlp(STRAIGHT), nlp(STRAIGHT.replace("'", "’"))
    assert curly.text == STRAIGHT.replace("'", "’")  # the text itself is never changed
    assert _reading(curly) == _reading(straight)
    assert [(t.text, t.lemma_, t.pos_) for t in curly if "’" in t.text] == [
        ("’s", "be", "AUX"), ("n’t", "not", "PART"), ("’re", "be", "AUX"), ("’ve", "have", "AUX"),
        ("’ll", "will", "AUX"), ("’m", "be", "AUX"), ("’d", "would", "AUX")]


@pytest.mark.parametrize("text", ["It’s easy, she says, for people to marvel at how beautiful an island is."])
def test_apostrophes_a_curly_copula_makes_a_pleonastic_it(nlp, text):
    # tune16 (natgeo page): with the lemma "’" the "It" was no extraposed subject and went to the island
    from claimpipe.claims.reference_rules import is_pleonastic

    assert is_pleonastic(nlp(text)[0]) is True
