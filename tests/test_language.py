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
    both = Settings(extra={"languages": ["en", "fr"]})
    assert is_analysed("fr", both)


def test_language_is_recorded_and_noted_on_ingest(tmp_path: Path) -> None:
    (tmp_path / "fr.txt").write_text("Le gouvernement français a annoncé mardi une nouvelle réforme des retraites, "
                                     "a déclaré le Premier ministre à Paris.", encoding="utf-8")
    (tmp_path / "en.txt").write_text("Short English note.", encoding="utf-8")
    en, fr = read_corpus(tmp_path)
    assert (en.language, en.notes) == ("en", [])
    assert (fr.language, fr.notes) == ("fr", ["language fr: not analysed (setting languages = en); "
                                              "no entities or claims"])
