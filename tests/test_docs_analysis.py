"""docs/analysis.md runs: its python blocks, unchanged and in order, over a fresh run of the seed corpus.

The blocks read `outputs/`, as a reader's would: the test runs them in a folder whose `outputs/` is a
run with every format (jsonl, csv, parquet). The DuckDB blocks need the duckdb package; without it
they are left out, and a separate test says so by skipping.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

REPO = Path(__file__).resolve().parent.parent
ANALYSIS = REPO / "docs" / "analysis.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def python_blocks(path: Path = ANALYSIS) -> list[str]:
    return BLOCK.findall(path.read_text(encoding="utf-8"))


def _needs_duckdb(block: str) -> bool:
    return "duckdb" in block or "con.sql" in block


@pytest.fixture(scope="module")
def workdir(_claimpipe_nlp, tmp_path_factory) -> Path:
    """A folder whose outputs/ is a run over corpus/ in every format, as the page's first command makes."""
    from claimpipe.pipeline import run

    folder = tmp_path_factory.mktemp("analysis")
    run(REPO / "corpus", folder / "outputs", nlp=_claimpipe_nlp, formats=("jsonl", "csv", "parquet"))
    return folder


def _run(blocks: list[str], folder: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    monkeypatch.chdir(folder)
    namespace: dict = {"__name__": "analysis"}
    for i, block in enumerate(blocks):
        exec(compile(block, f"{ANALYSIS.name} python block {i + 1}", "exec"), namespace)
    return namespace


def test_docs_analysis_has_the_worked_examples() -> None:
    text = ANALYSIS.read_text(encoding="utf-8")
    blocks = python_blocks()
    assert len(blocks) >= 6
    assert 'claimpipe.load("outputs/")' in blocks[0]
    assert "claimpipe run corpus/ -o outputs/ --format jsonl,csv,parquet" in text
    assert "parquet/claims/*.parquet" in text and "read_csv(" in text


def test_docs_analysis_runs_with_pandas(workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    ns = _run([b for b in python_blocks() if not _needs_duckdb(b)], workdir, monkeypatch)
    top = ns["top_entities"]
    assert list(top.columns) == ["name", "label", "n_documents", "n_mentions"] and len(top) == 10
    assert top["n_documents"].is_monotonic_decreasing
    assert {"Kazakhstan", "Russia"} <= set(ns["out"].corpus_entities["name"])
    by_speaker = ns["by_speaker"]
    assert len(by_speaker) >= 5 and by_speaker["claims"].is_monotonic_decreasing
    numbers = ns["kazakh_numbers"]
    assert len(numbers) >= 1
    assert all("quantitative" in t for t in numbers["claim_types"])
    assert all(ns["country"] in ids for ids in numbers["entity_ids"])
    assert isinstance(ns["numbers"], pd.DataFrame) and list(ns["numbers"].columns) == ["claim_id", "text", "value",
                                                                                        "unit"]
    assert "CLAIMS" in capsys.readouterr().out  # the last block printed a `claimpipe show` view


def test_docs_analysis_runs_with_duckdb(workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    pytest.importorskip("duckdb", reason="duckdb is not installed: the DuckDB recipe in docs/analysis.md is "
                                         "not run (pip install duckdb)")
    ns = _run(python_blocks(), workdir, monkeypatch)
    out = ns["out"]
    speakers = ns["speakers"]
    assert len(speakers) >= 5 and speakers["claims"].is_monotonic_decreasing
    quantities = ns["quantities"]
    assert len(quantities) == sum(len(q) for q in out.claims["quantities"])
    assert set(quantities["title"].dropna()) <= set(out.documents["title"].dropna())  # Wikinews files have no title
    assert len(ns["entity_types"]) == 10
    by_type = ns["by_type"].set_index("type")["claims"].to_dict()
    expected = out.claims.explode("claim_types")["claim_types"].value_counts().to_dict()
    assert by_type == expected  # the CSV route counts what the JSONL route does
