"""Golden files: the seed article's outputs, compared byte for byte (csvkit style).

After an intended change, regenerate with `pytest tests/test_golden.py --update-golden` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimpipe.pipeline import run

from .conftest import DATA, SEED

GOLDEN = DATA / "golden" / "seed"
FILES = ["documents.jsonl", "documents.csv", "boilerplate.csv", "entities.csv", "mentions.csv", "claims.csv",
         "claims.jsonl", "corpus_entities.csv", "errors.jsonl"]


@pytest.fixture(scope="module")
def seed_outputs(tmp_path_factory, _claimpipe_nlp) -> Path:
    out = tmp_path_factory.mktemp("golden")
    run(SEED, out, nlp=_claimpipe_nlp, use_cache=False)
    return out


@pytest.fixture(scope="module")
def dask_seed_outputs(tmp_path_factory) -> Path:
    """The seed through the Dask engine: a local cluster of one worker process on loopback, which loads
    its own model, as a remote worker would."""
    distributed = pytest.importorskip("distributed")
    out = tmp_path_factory.mktemp("golden-dask")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        run(SEED, out, engine="dask", scheduler=cluster.scheduler_address, use_cache=False)
    return out


@pytest.mark.parametrize("name", FILES)
def test_golden_seed_outputs(seed_outputs: Path, name: str, request: pytest.FixtureRequest) -> None:
    produced = (seed_outputs / name).read_bytes()
    expected_path = GOLDEN / name
    if request.config.getoption("--update-golden"):
        GOLDEN.mkdir(parents=True, exist_ok=True)
        expected_path.write_bytes(produced)
    assert produced == expected_path.read_bytes(), f"{name} differs from {expected_path}; review, then --update-golden"


def test_golden_seed_manifest_counts(seed_outputs: Path) -> None:
    manifest = json.loads((seed_outputs / "manifest.json").read_text())
    docs = [json.loads(line) for line in (GOLDEN / "documents.jsonl").read_text().splitlines()]
    assert manifest["counts"]["documents"] == 1 and manifest["counts"]["errors"] == 0
    assert manifest["counts"]["claims"] == len(docs[0]["claims"])
    assert manifest["inputs"] == [{"source": SEED.name, "sha256": docs[0]["sha256"], "doc_id": docs[0]["doc_id"]}]


@pytest.mark.parametrize("name", FILES)
def test_golden_seed_outputs_through_the_dask_engine(dask_seed_outputs: Path, name: str) -> None:
    produced = (dask_seed_outputs / name).read_bytes()
    assert produced == (GOLDEN / name).read_bytes(), f"the Dask engine's {name} differs from the golden file"


def test_golden_seed_sentence_scores_cover_every_sentence_and_slice_both_texts(seed_outputs: Path) -> None:
    from .conftest import SEED

    doc = json.loads((seed_outputs / "documents.jsonl").read_text(encoding="utf-8").splitlines()[0])
    source = SEED.read_text(encoding="utf-8")
    assert len(doc["sentences"]) == doc["n_sentences"] == 29
    for s in doc["sentences"]:
        assert doc["text"][s["start_char"]:s["end_char"]] == source[s["source_start"]:s["source_end"]]
        assert 0.0 <= s["checkworthiness"] <= 1.0
    by_text = {doc["text"][s["start_char"]:s["end_char"]]: s["checkworthiness"] for s in doc["sentences"]}
    claim = next(c for c in doc["claims"] if c["text"] in by_text)
    # a sentence that is a whole claim carries the model's score for that claim, before claim-level rules
    assert f"model score {by_text[claim['text']]:.2f}" in claim["checkworthiness_reasons"]
