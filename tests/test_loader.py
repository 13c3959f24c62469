from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import claimpipe
from claimpipe.loader import load


def test_loader_types_every_table(seed_run) -> None:
    out, summary = seed_run
    data = claimpipe.load(out)
    assert len(data.documents) == summary.n_documents
    assert len(data.claims) == summary.n_claims
    assert len(data.mentions) == summary.n_mentions
    for frame, col in [(data.documents, "doc_id"), (data.claims, "claim_id"), (data.mentions, "mention_id"),
                       (data.entities, "entity_id"), (data.corpus_entities, "entity_id")]:
        assert frame[col].dtype == "string"
    assert data.claims["negated"].dtype == bool and data.claims["hedged"].dtype == bool
    assert data.claims["checkworthiness"].dtype == "float64"
    assert data.mentions["start_char"].dtype == "int64"
    assert all(isinstance(v, list) for v in data.claims["claim_types"])
    assert all(isinstance(v, list) for v in data.entities["aliases"])
    assert data.manifest["schema_version"] == 1


def test_loader_offsets_slice_the_clean_text(seed_run) -> None:
    out, _ = seed_run
    data = load(out)
    texts = dict(zip(data.documents["doc_id"], data.documents["text"]))
    for table in (data.claims, data.mentions):
        for row in table.itertuples():
            assert texts[row.doc_id][row.start_char:row.end_char] == row.text


def test_loader_empty_run(tmp_path: Path, nlp) -> None:
    from claimpipe.pipeline import run

    (tmp_path / "corpus").mkdir()
    run(tmp_path / "corpus", tmp_path / "out", nlp=nlp)
    data = load(tmp_path / "out")
    assert list(data.claims.columns[:3]) == ["claim_id", "doc_id", "sentence_index"]
    assert len(data.claims) == 0 and data.claims["start_char"].dtype == "int64"


def test_loader_without_manifest_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no complete claimpipe run"):
        load(tmp_path)


def test_loader_csv_and_jsonl_agree(seed_run) -> None:
    out, _ = seed_run
    csv_claims = pd.read_csv(out / "claims.csv", dtype=str, keep_default_na=False)
    data = load(out)
    assert list(csv_claims["claim_id"]) == list(data.claims["claim_id"])
    assert list(csv_claims["negated"]) == ["true" if v else "false" for v in data.claims["negated"]]
