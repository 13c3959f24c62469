"""The table attribute ruler and lemmatizer give exactly what spaCy's own components give."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimpipe.rule_tables import (RuleTable, TableAttributeRuler, TableLemmatizer, UnsupportedPattern,
                                   make_table_attribute_ruler, make_table_lemmatizer, use_rule_tables)

REPO = Path(__file__).resolve().parent.parent
RULE_PIPES = ["attribute_ruler", "lemmatizer"]
# words that the model's multi-token patterns and special cases are about, among ordinary ones
WORDS = ["ai", "n't", "gon", "na", "got", "ta", "let", "'s", "I", "you", "it", "is", "was", "were", "be", "have",
         "has", "had", "do", "does", "did", "not", "The", "company", "companies", "said", "says", "will", "would",
         "could", "better", "best", "running", "ran", "mice", "Kazakhstan", "'m", "'re", "'ll", "\n\n", "  ",
         "40%", "$3.2", "billion", ".", ",", "?", "\"", "—", "wanna", "dunno", "y'all", "cannot", "ca"]


@pytest.fixture(scope="module")
def rule_tables(raw_nlp):
    """The table components, built from the raw model's own patterns and lookups (same vocab)."""
    ruler = make_table_attribute_ruler(raw_nlp, "attribute_ruler", validate=False, scorer=None)
    ruler.from_bytes(raw_nlp.get_pipe("attribute_ruler").to_bytes())
    lemmatizer = make_table_lemmatizer(raw_nlp, None, "lemmatizer", mode="rule", overwrite=False, scorer=None)
    lemmatizer.from_bytes(raw_nlp.get_pipe("lemmatizer").to_bytes())
    return ruler, lemmatizer


def stock_and_tables(raw_nlp, rule_tables, texts: list[str]) -> tuple[list, list]:
    ruler, lemmatizer = rule_tables
    stock = list(raw_nlp.pipe(texts))
    tables = [lemmatizer(ruler(doc)) for doc in raw_nlp.pipe(texts, disable=RULE_PIPES)]
    return stock, tables


def token_rows(doc) -> list[tuple[str, str, str, str, str]]:
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_) for t in doc]


def test_rule_tables_match_spacy_on_the_corpus(raw_nlp, rule_tables):
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "corpus").glob("*.txt"))]
    stock, tables = stock_and_tables(raw_nlp, rule_tables, texts)
    assert sum(len(d) for d in stock) == 4351  # the six articles, so that the test compares something
    for a, b in zip(stock, tables):
        assert token_rows(b) == token_rows(a)


def test_rule_tables_match_spacy_on_the_special_cases(raw_nlp, rule_tables):
    texts = ["I ain't gonna say it, let's go.", "You gotta see it.  They're  here.\n\nWe'll see.",
             "She isn't running; the mice ran better than the best ones.", "", " ", "\n\n"]
    stock, tables = stock_and_tables(raw_nlp, rule_tables, texts)
    for a, b in zip(stock, tables):
        assert token_rows(b) == token_rows(a)
    # the multi-token patterns did fire: "ai n't" is lemmatized "be not", "gon na" "go to"
    lemmas = {t.text: t.lemma_ for t in tables[0]}
    assert (lemmas["ai"], lemmas["gon"], lemmas["na"]) == ("be", "go", "to")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
def test_rule_tables_match_spacy_on_any_word_sequence(raw_nlp, rule_tables, words):
    text = " ".join(words)
    stock, tables = stock_and_tables(raw_nlp, rule_tables, [text])
    assert token_rows(tables[0]) == token_rows(stock[0])


def test_rule_tables_match_spacy_on_bbc_articles(raw_nlp, rule_tables, shared_dir):
    path = shared_dir / "data" / "bbc-news" / "bbc_news_2225.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for _, line in zip(range(40), fh)]
    stock, tables = stock_and_tables(raw_nlp, rule_tables, texts)
    for a, b in zip(stock, tables):
        assert token_rows(b) == token_rows(a)


def test_rule_table_refuses_what_it_cannot_evaluate(raw_nlp):
    ruler = make_table_attribute_ruler(raw_nlp, "t", validate=False, scorer=None)
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"TAG": "RB"})
    with pytest.raises(UnsupportedPattern):
        RuleTable(ruler)


def test_table_ruler_falls_back_to_spacy_for_other_patterns(raw_nlp):
    """An OP pattern runs through spaCy's Matcher, with the same result as the stock ruler."""
    nlp = spacy.blank("en")
    stock, table = nlp.add_pipe("attribute_ruler", name="stock"), TableAttributeRuler(nlp.vocab, "table")
    for ruler in (stock, table):
        ruler.add([[{"LOWER": "very", "OP": "+"}, {"LOWER": "good"}]], {"LEMMA": "fine"}, index=-1)
    a, b = nlp.make_doc("a very very good day"), nlp.make_doc("a very very good day")
    stock(a)
    table(b)
    assert [t.lemma_ for t in b] == [t.lemma_ for t in a] == ["", "", "", "fine", ""]
    assert table._table_ok is False


def test_table_ruler_rules_apply_in_order_and_recompile_after_add():
    nlp = spacy.blank("en")
    ruler = TableAttributeRuler(nlp.vocab, "table")
    ruler.add([[{"LOWER": "bank"}]], {"POS": "NOUN", "LEMMA": "bank"})
    ruler.add([[{"LOWER": {"IN": ["bank", "banks"]}}]], {"POS": "PROPN"})  # later rule wins on POS
    doc = ruler(nlp.make_doc("Bank banks"))
    assert [(t.pos_, t.lemma_) for t in doc] == [("PROPN", "bank"), ("PROPN", "")]
    ruler.add([[{"LOWER": {"REGEX": "s$"}}]], {"LEMMA": "plural"})
    doc = ruler(nlp.make_doc("Bank banks"))
    assert [(t.pos_, t.lemma_) for t in doc] == [("PROPN", "bank"), ("PROPN", "plural")]


def test_load_nlp_swaps_in_the_tables_and_a_saved_pipeline_loads(nlp, tmp_path):
    factories = {name: nlp.get_pipe_meta(name).factory for name in RULE_PIPES}
    assert factories == {"attribute_ruler": "claimpipe_table_attribute_ruler",
                         "lemmatizer": "claimpipe_table_lemmatizer"}
    assert isinstance(nlp.get_pipe("lemmatizer"), TableLemmatizer)
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    text = "The country's exports fell by 40% and it isn't gonna recover."
    assert token_rows(loaded(text)) == token_rows(nlp(text))


def test_use_rule_tables_leaves_other_components_alone(raw_nlp):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    assert use_rule_tables(nlp) == []
    assert nlp.pipe_names == ["sentencizer"]


def test_rule_tables_forget_past_their_bound_at_the_end_of_a_memory_zone(raw_nlp, rule_tables, monkeypatch):
    import claimpipe.rule_tables as rt

    ruler, lemmatizer = rule_tables
    monkeypatch.setattr(rt, "MAX_MEMO", 10)
    doc = raw_nlp("Ministers said the companies were running out of copper and gas this winter.",
                  disable=RULE_PIPES)
    with ruler.memory_zone(), lemmatizer.memory_zone():
        lemmatizer(ruler(doc))
        assert len(lemmatizer._lemmas) > 10 and len(ruler._table._answers) > 10
    assert (len(lemmatizer._lemmas), len(lemmatizer.cache), len(ruler._table._answers)) == (0, 0, 0)
    assert [t.lemma_ for t in doc][:4] == ["minister", "say", "the", "company"]


def test_a_used_table_ruler_pickles(raw_nlp):
    import pickle

    ruler = make_table_attribute_ruler(raw_nlp, "attribute_ruler", validate=False, scorer=None)
    ruler.from_bytes(raw_nlp.get_pipe("attribute_ruler").to_bytes())
    doc = raw_nlp("I ain't gonna say it.", disable=RULE_PIPES)
    ruler(doc)
    copy = pickle.loads(pickle.dumps(ruler))
    again = copy(raw_nlp("I ain't gonna say it.", disable=RULE_PIPES))
    assert [(t.pos_, t.lemma_) for t in again] == [(t.pos_, t.lemma_) for t in doc]
    assert copy._table_ok is True
