"""Issue #18: no module of the package over about 400 lines."""

from __future__ import annotations

from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "claimpipe"
MODULES = sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_module_size_under_400_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 400


def test_module_size_ingest_names_still_importable():
    from claimpipe import ingest

    for name in ingest.__all__ + ["_text_article", "InputError", "read_corpus", "source_texts"]:
        assert hasattr(ingest, name), name
