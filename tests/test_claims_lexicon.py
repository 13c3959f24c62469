"""The claims stage's word lists (`claims.lexicon`): the packaged TOML files, a custom lexicon laid over
them from the `claims_lexicon` setting, and the errors a misspelt custom file gets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings as hsettings, strategies as st

from claimpipe.claims.lexicon import (OPEN_TABLES, PACKAGED_FILES, LexiconError, load_lexicon, overlay,
                                      packaged_data)
from claimpipe.claims.quantities import find_quantities
from claimpipe.claims.types import causal_cues, claim_types
from claimpipe.records import Claim
from claimpipe.settings import Settings

from .test_claims import claims_of


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def write_lexicon(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def speech_with(*verbs: str) -> str:
    """A [cues] table whose speech list is the packaged one plus `verbs` (a list replaces, so it is copied)."""
    return "[cues]\nspeech = " + json.dumps(packaged_data()["cues"]["speech"] + list(verbs)) + "\n"


def quantities_of(nlp, text: str, **kwargs) -> list[tuple[str, float | None, str]]:
    doc = nlp(text)
    return [(q.text, q.value, q.unit) for q in find_quantities(doc[:], **kwargs)]


def a_claim(span) -> Claim:
    return Claim(claim_id="c_1", doc_id="d_1", sentence_index=0, text=span.text, start_char=span.start_char,
                 end_char=span.end_char, source_start=span.start_char, source_end=span.end_char,
                 standalone_text=span.text)


# -- the packaged lists -----------------------------------------------------------------------------


def test_packaged_lexicon_reads_every_file_once() -> None:
    assert PACKAGED_FILES == ("lexicon.toml", "types.toml", "quantities.toml")
    lex = load_lexicon()
    assert load_lexicon() is lex and load_lexicon(None) is lex  # parsed once per process
    assert lex.quantities.currency_words["euros"] == "EUR"
    assert lex.quantities.currency_symbols["hk$"] == "HKD"
    assert lex.quantities.units["per cent"] == "%"
    assert lex.quantities.scales["bn"] == 1e9
    assert lex.types.causal_phrases[:3] == ("due to", "because of", "because")  # file order is kept
    assert lex.types.predictive_hedges >= lex.types.predictive_modals | {"set to", "poised"}
    assert "very" in lex.types.evaluative_words and "very" not in lex.types.adjective_only
    assert lex.hedge_passives == frozenset({"expect"})
    assert lex.abstain["person_margin"] == 1.0  # lexicon.toml's sections are read as before


def test_packaged_glued_symbols_give_the_glyph_search(blank) -> None:
    q = load_lexicon().quantities
    assert q.glued.match("hk$3").groups() == ("hk$", "3")
    assert q.glued.match("$5bn").groups() == ("$", "5bn")
    assert q.glued.match("usd5") is None  # a code is written apart from the number
    assert [bool(q.digit_or_glyph.search(w)) for w in ("₸", "x4", "us", "€")] == [True, True, False, True]


def test_training_reads_the_evaluative_words_from_the_lexicon() -> None:
    from claimpipe.claims import types

    assert types.EVALUATIVE_WORDS == load_lexicon().types.evaluative_words
    assert len(types.EVALUATIVE_WORDS) == 175  # the set it replaced, counted


# -- a custom lexicon -------------------------------------------------------------------------------


def test_custom_currency_word_makes_an_amount(blank, tmp_path: Path) -> None:
    path = write_lexicon(tmp_path / "lex.toml", '[quantities.currency_words]\nbitcoin = "BTC"\n')
    text = "The fund paid 5 bitcoin and $3 for it."
    assert quantities_of(blank, text) == [("5", 5.0, ""), ("$3", 3.0, "USD")]
    # the new word joins the packaged ones; "$" is still a dollar
    assert quantities_of(blank, text, lexicon=load_lexicon(path)) == [("5 bitcoin", 5.0, "BTC"), ("$3", 3.0, "USD")]


def test_custom_list_replaces_the_packaged_one(blank, tmp_path: Path) -> None:
    path = write_lexicon(tmp_path / "lex.toml", '[quantities]\nordinals = ["first"]\n')
    lex = load_lexicon(path)
    assert lex.quantities.ordinals == frozenset({"first"})
    assert quantities_of(blank, "He came third and then second.", lexicon=lex) == []  # not number words
    assert quantities_of(blank, "Twelve came first.", lexicon=lex) == [("Twelve", 12.0, "")]


def test_custom_causal_phrase_changes_the_claim_types(blank, tmp_path: Path) -> None:
    phrases = packaged_data()["types"]["causal"]["phrases"] + ["on the back of"]
    path = write_lexicon(tmp_path / "lex.toml", "[types.causal]\nphrases = " + json.dumps(phrases) + "\n")
    span = blank("Shares rose on the back of strong sales.")[:]
    assert causal_cues(span) == []
    assert claim_types(span, a_claim(span), subjectivity=0.1) == ["factual"]
    lex = load_lexicon(path)
    assert causal_cues(span, lexicon=lex) == ["on the back of"]
    assert claim_types(span, a_claim(span), subjectivity=0.1, lexicon=lex) == ["causal", "factual"]


def test_setting_adds_a_reporting_verb_to_the_claims_stage(nlp, tmp_path: Path) -> None:
    path = write_lexicon(tmp_path / "lex.toml", speech_with("opine"))
    text = "Serik Zhumangarin opined that exports would grow."
    _, before = claims_of(nlp, text)
    assert [(c.attribution, c.speaker, c.cue) for c in before] == [("none", "", "")]
    _, after = claims_of(nlp, text, settings=Settings(claims_lexicon=path))
    assert [(c.text, c.attribution, c.speaker, c.cue) for c in after] == [
        (text, "indirect", "Serik Zhumangarin", "opined")]


# -- errors -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, message", [
    ("[types.causal]\nverbz = []\n", "unknown key 'types.causal.verbz'"),
    ("[quantity]\nordinals = []\n", "unknown key 'quantity'"),
    ('[quantities.currency_words]\nbitcoin = 3\n', "quantities.currency_words.bitcoin must be a text, not a number"),
    ('[quantities]\nordinals = "first"\n', "quantities.ordinals must be a list of texts, not a text"),
    ("[types]\ncausal = []\n", "types.causal must be a table, not a list of texts"),
    ('[quantities]\nglued_currency = ["btc$"]\n', "btc$ not in [quantities.currency_symbols]"),
    ("[cues\n", "Expected ']'"),
])
def test_bad_custom_lexicon_is_refused_naming_the_key(tmp_path: Path, text: str, message: str) -> None:
    path = write_lexicon(tmp_path / "lex.toml", text)
    with pytest.raises(LexiconError) as caught:
        load_lexicon(path)
    assert str(caught.value).startswith(f"claims lexicon {Path(path).resolve()}: ")
    assert message in str(caught.value)
    with pytest.raises(ValueError, match="^setting claims_lexicon: claims lexicon "):
        Settings(claims_lexicon=path)


def test_missing_custom_lexicon_is_refused(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.toml")
    with pytest.raises(ValueError) as caught:
        Settings(claims_lexicon=missing)
    assert str(caught.value) == f"setting claims_lexicon must name a TOML file, not {missing!r} (no such file)"


def test_fingerprint_follows_the_lexicon_words_not_its_name(tmp_path: Path) -> None:
    one = write_lexicon(tmp_path / "one.toml", '[quantities.currency_words]\nbitcoin = "BTC"\n')
    two = write_lexicon(tmp_path / "two.toml", '[quantities.currency_words]\nbitcoin = "BTC"\n')
    base = Settings().fingerprint()
    assert Settings(claims_lexicon=one).fingerprint() == Settings(claims_lexicon=two).fingerprint() != base
    Path(two).write_text('[quantities.currency_words]\nbitcoin = "XBT"\n', encoding="utf-8")
    assert Settings(claims_lexicon=two).fingerprint() != Settings(claims_lexicon=one).fingerprint()


# -- overlay, as a property -------------------------------------------------------------------------

_BASE = packaged_data()
_LISTS = [(table, key) for table in ("cues", "hedges", "negation") for key, v in _BASE[table].items()
          if isinstance(v, list)]
_words = st.lists(st.text(alphabet="abcdefghij ", min_size=1, max_size=8), max_size=4)


@hsettings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from(_LISTS), _words, max_size=5),
       st.dictionaries(st.text(alphabet="xyz", min_size=1, max_size=5), st.text(min_size=1, max_size=5), max_size=3))
def test_overlay_replaces_what_it_names_and_keeps_the_rest(lists, currencies) -> None:
    custom: dict = {}
    for (table, key), words in lists.items():
        custom.setdefault(table, {})[key] = words
    if currencies:
        custom["quantities"] = {"currency_words": currencies}
    merged = overlay(_BASE, custom)
    assert merged.keys() == _BASE.keys()
    for table in ("cues", "hedges", "negation"):
        assert merged[table].keys() == _BASE[table].keys()
        for key, value in merged[table].items():
            assert value == lists.get((table, key), _BASE[table][key])
    assert merged["quantities"]["currency_words"] == {**_BASE["quantities"]["currency_words"], **currencies}
    assert merged["types"] == _BASE["types"]
    assert "quantities.currency_words" in OPEN_TABLES


def test_custom_lexicon_reaches_claim_types_in_a_run(tmp_path: Path, _claimpipe_nlp) -> None:
    from claimpipe.pipeline import run

    phrases = packaged_data()["types"]["causal"]["phrases"] + ["on the back of"]
    path = write_lexicon(tmp_path / "lex.toml", "[types.causal]\nphrases = " + json.dumps(phrases) + "\n")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Shares in the miner rose on the back of higher copper prices in Chile.",
                                  encoding="utf-8")
    types = {}
    for name, settings in (("packaged", Settings()), ("custom", Settings(claims_lexicon=path))):
        run(corpus, tmp_path / name, nlp=_claimpipe_nlp, settings=settings, use_cache=False)
        (claim,) = [json.loads(line) for line in (tmp_path / name / "claims.jsonl").read_text().splitlines()]
        types[name] = claim["claim_types"]
    assert "causal" not in types["packaged"] and "causal" in types["custom"]
