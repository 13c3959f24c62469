"""token_table(doc) gives the same strings as the Token attributes it replaces."""

from __future__ import annotations

import spacy

from claimpipe.claims.context import token_table


def rows_from_tokens(doc):
    return [(t.lower_, t.tag_, t.pos_, t.lemma_.lower(), t.dep_) for t in doc]


def rows_from_table(doc):
    table = token_table(doc)
    return list(zip(table.lower, table.tag, table.pos, table.lemma, table.dep))


def test_token_table_matches_token_attributes_on_a_parsed_doc(nlp):
    doc = nlp("The company, which is 40% owned by the Kazakh state, has seen its sales plummet.\n\nIt won't.")
    assert rows_from_table(doc) == rows_from_tokens(doc)
    assert rows_from_table(doc)[:2] == [("the", "DT", "DET", "the", "det"), ("company", "NN", "NOUN", "company", "nsubj")]


def test_token_table_on_blank_and_empty_docs():
    blank = spacy.blank("en")
    assert rows_from_table(blank("Hand Built")) == [("hand", "", "", "", ""), ("built", "", "", "", "")]
    assert rows_from_table(blank("")) == []


def test_token_table_is_read_again_for_another_doc(nlp):
    first, second = nlp("Prices rose."), nlp("Prices fell sharply.")
    assert token_table(first).lemma == ["price", "rise", "."]
    assert token_table(second).lemma == ["price", "fall", "sharply", "."]
    assert token_table(first).lemma == ["price", "rise", "."]
