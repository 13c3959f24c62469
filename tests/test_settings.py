from __future__ import annotations

from pathlib import Path

import pytest

from claimpipe.settings import Settings


def test_settings_file_then_overrides(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[claimpipe]\nbatch_size = 8\nboilerplate_phrases = ["Sponsored by Acme"]\n', encoding="utf-8")
    settings = Settings.from_file(path).with_overrides(batch_size=16, model=None)
    assert settings.batch_size == 16
    assert settings.boilerplate_phrases == ("Sponsored by Acme",)
    assert settings.model is None


def test_settings_unknown_key_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown setting.s. batchsize"):
        Settings().with_overrides(batchsize=3)


def test_settings_fingerprint_ignores_speed_knobs() -> None:
    assert Settings(workers=4, batch_size=8).fingerprint() == Settings().fingerprint()
    assert Settings(min_claim_tokens=9).fingerprint() != Settings().fingerprint()


@pytest.mark.parametrize("key, value, message", [
    ("batch_size", 0, "setting batch_size must be an integer of at least 1, not 0"),
    ("max_piece_chars", 0, "setting max_piece_chars must be an integer of at least 1,000, not 0"),
    ("workers", -1, "setting workers must be an integer of at least 0, not -1"),
    ("worker_max_tasks", 0, "setting worker_max_tasks must be an integer of at least 1, not 0"),
    ("max_article_chars", 0, "setting max_article_chars must be an integer of at least 1, not 0"),
    ("repeat_min_share", 1.5, "setting repeat_min_share must be a number from 0.0 to 1.0, not 1.5"),
    ("batch_size", "64", "setting batch_size must be an integer, not '64'"),
    ("batch_size", 8.0, "setting batch_size must be an integer, not 8.0"),
    ("batch_size", True, "setting batch_size must be an integer, not True"),
    ("numpy_blas", "yes", "setting numpy_blas must be true or false, not 'yes'"),
    ("repeat_min_share", "half", "setting repeat_min_share must be a number, not 'half'"),
    ("model", 3, "setting model must be a text (or left out), not 3"),
    ("claims_lexicon", 3, "setting claims_lexicon must be a text (or left out), not 3"),
    ("claims_lexicon", "no/such/lexicon.toml",
     "setting claims_lexicon must name a TOML file, not 'no/such/lexicon.toml' (no such file)"),
    ("boilerplate_phrases", ("ok", 4), "setting boilerplate_phrases must be a list of texts, not ('ok', 4)"),
    ("extra", [1], "setting extra must be a table of keys and values, not (1,)"),
])
def test_settings_bad_values_are_refused_naming_the_key(key: str, value: object, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        Settings(**{key: value})
    assert str(caught.value) == message
    with pytest.raises(ValueError, match=key):
        Settings().with_overrides(**{key: value})


def test_settings_bad_value_in_a_file_names_the_key(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text("[claimpipe]\nbatch_size = 0\n", encoding="utf-8")
    with pytest.raises(ValueError, match="^setting batch_size must be an integer of at least 1, not 0$"):
        Settings.from_file(path)


def test_settings_edges_of_the_ranges_are_accepted() -> None:
    s = Settings(batch_size=1, workers=0, max_piece_chars=1_000, repeat_min_share=0.0, nlp_max_strings=0,
                 boilerplate_phrases=["a list becomes a tuple"])
    assert s.boilerplate_phrases == ("a list becomes a tuple",)
    assert Settings(repeat_min_share=1).repeat_min_share == 1


def test_settings_claims_lexicon_from_a_file_is_loaded_and_fingerprinted(tmp_path: Path) -> None:
    lexicon = tmp_path / "words.toml"
    lexicon.write_text('[quantities.currency_words]\nbitcoin = "BTC"\n', encoding="utf-8")
    config = tmp_path / "c.toml"
    config.write_text(f"[claimpipe]\nclaims_lexicon = {str(lexicon)!r}\n", encoding="utf-8")
    settings = Settings.from_file(config)
    assert settings.claims_lexicon == str(lexicon)
    assert Settings().claims_lexicon is None
    assert settings.fingerprint() != Settings().fingerprint()


def test_settings_time_budget_is_a_number_not_in_the_fingerprint() -> None:
    assert Settings().article_seconds == 300.0
    assert Settings(article_seconds=0).fingerprint() == Settings().fingerprint()  # errors are never cached
    with pytest.raises(ValueError, match="^setting article_seconds must be a number of at least 0.0, not -1$"):
        Settings(article_seconds=-1)


def test_settings_languages_are_iso_codes_claimpipe_detects() -> None:
    """Review finding: `--languages EN,DE` analysed nothing, silently."""
    assert Settings(languages=("EN", " de")).languages == ("de", "en")
    assert Settings(languages=("de", "en")).fingerprint() == Settings(languages=("en", "DE")).fingerprint()
    for bad in (("eng",), ()):
        with pytest.raises(ValueError, match="setting languages must list ISO 639-1 codes"):
            Settings(languages=bad)


def test_settings_the_encoder_choice_is_in_the_fingerprint(monkeypatch) -> None:
    """Review finding: CLAIMPIPE_CHECKWORTHINESS_ENCODER=e5 was served the default model's cached scores."""
    monkeypatch.delenv("CLAIMPIPE_CHECKWORTHINESS_ENCODER", raising=False)
    plain = Settings()
    monkeypatch.setenv("CLAIMPIPE_CHECKWORTHINESS_ENCODER", "e5")
    assert (plain.checkworthiness_encoder, Settings().checkworthiness_encoder) == ("", "e5")
    assert plain.fingerprint() != Settings().fingerprint()
    assert Settings(checkworthiness_encoder="").checkworthiness_encoder == ""  # a setting wins over the variable
    with pytest.raises(ValueError, match="checkworthiness_encoder must be '' or 'e5'"):
        Settings(checkworthiness_encoder="bert")
