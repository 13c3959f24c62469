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
