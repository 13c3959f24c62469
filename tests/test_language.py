"""Language detection and the languages claimpipe analyses."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimpipe.ingest import read_corpus
from claimpipe.language import analysed_languages, detect_language, is_analysed
from claimpipe.settings import Settings


@pytest.mark.parametrize("text", [
    "Hello world.", "Obama wins.", "Yes", "UK economy grows", "Blair to meet Bush", "Police arrest man.",
    "Gordon Brown", "Shares fell 3% on Monday.", "I agree.", "Apple",
])
def test_language_short_english_is_english(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize("text, language", [
    ("Что делать?", "ru"),
    ("Der Präsident sagte am Dienstag in Berlin, dass die Regierung die Steuern nicht erhöhen werde, "
     "obwohl die Opposition das seit Monaten fordert und die Gewerkschaften mit Streiks drohen.", "de"),
    ("Le gouvernement français a annoncé mardi une nouvelle réforme des retraites, a déclaré le Premier "
     "ministre à Paris. Les syndicats ont immédiatement appelé à la grève dans tout le pays.", "fr"),
    ("12 345 678", None),
])
def test_language_other_languages_are_detected(text: str, language: str | None) -> None:
    assert detect_language(text) == language


def test_language_setting_chooses_what_is_analysed() -> None:
    assert analysed_languages(Settings()) == ("en",)
    assert (is_analysed("en", Settings()), is_analysed("fr", Settings()), is_analysed(None, Settings())) == (
        True, False, True)
    both = Settings(languages=("en", "fr"))
    assert is_analysed("fr", both)


def test_language_is_recorded_and_noted_on_ingest(tmp_path: Path) -> None:
    (tmp_path / "fr.txt").write_text("Le gouvernement français a annoncé mardi une nouvelle réforme des retraites, "
                                     "a déclaré le Premier ministre à Paris.", encoding="utf-8")
    (tmp_path / "en.txt").write_text("Short English note.", encoding="utf-8")
    en, fr = read_corpus(tmp_path)
    assert (en.language, en.notes) == ("en", [])
    assert (fr.language, fr.notes) == ("fr", ["language fr: not analysed (setting languages = en); "
                                              "no entities or claims"])


def test_language_a_run_counts_the_articles_left_unanalysed(tmp_path, _claimpipe_nlp) -> None:
    import json

    from claimpipe.pipeline import run

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "en.txt").write_text("The Bank of England raised interest rates by 0.5% on Thursday, its ninth "
                                   "rise in a row.", encoding="utf-8")
    (corpus / "fr.txt").write_text("La Banque de France a relevé ses prévisions de croissance pour l'année "
                                   "prochaine, selon un communiqué publié jeudi à Paris.", encoding="utf-8")
    summary = run(corpus, tmp_path / "out", nlp=_claimpipe_nlp, use_cache=False)
    docs = {d["source"]: d for d in map(json.loads, (tmp_path / "out" / "documents.jsonl").read_text().splitlines())}
    assert (docs["en.txt"]["language"], docs["fr.txt"]["language"]) == ("en", "fr")
    assert len(docs["en.txt"]["claims"]) == 1 and docs["fr.txt"]["claims"] == [] == docs["fr.txt"]["entities"]
    assert summary.n_other_language == 1 and "(1 in other languages, not analysed)" in summary.line()
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["counts"]["other_language"] == 1
