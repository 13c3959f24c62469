from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimpipe.pipeline import CorpusEntities, OutputLock, RunError, effective_workers, split_for_nlp
from claimpipe.settings import Settings


@pytest.mark.parametrize("text, max_chars, pieces", [
    ("aaa bbb.\n\nccc ddd. eee fff\nggg", 12, ["aaa bbb.\n\n", "ccc ddd. ", "eee fff\nggg"]),
    ("aaa bbb.\n\nccc ddd. eee fff\nggg", 100, ["aaa bbb.\n\nccc ddd. eee fff\nggg"]),
    ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
])
def test_pipeline_split_for_nlp(text: str, max_chars: int, pieces: list[str]) -> None:
    assert split_for_nlp(text, max_chars) == pieces


@given(st.text(), st.integers(1, 50))
def test_pipeline_split_for_nlp_keeps_every_character(text: str, max_chars: int) -> None:
    pieces = split_for_nlp(text, max_chars)
    assert "".join(pieces) == text
    assert all(len(p) <= max_chars for p in pieces)


@pytest.mark.parametrize("workers, total, expected", [(0, 1000, 2), (3, 1000, 3), (0, 10, 1), (1, 1000, 1)])
def test_pipeline_effective_workers(workers: int, total: int, expected: int, monkeypatch) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert effective_workers(Settings(workers=workers, batch_size=64), total) == expected


def test_pipeline_corpus_entities_counts_documents_and_mentions() -> None:
    counter = CorpusEntities()
    e = lambda i, n, a: {"entity_id": i, "name": "United States", "label": "GPE", "n_mentions": n, "aliases": a,
                         "kb_id": "USA"}
    counter.add({"entities": [e("e_1", 2, ["U.S."]), {**e("e_2", 1, ["Iran"]), "name": "Iran", "kb_id": "IRN"}]})
    counter.add({"entities": [e("e_1", 3, ["US", "the United States"])]})
    assert counter.rows() == [
        {"entity_id": "e_1", "name": "United States", "label": "GPE", "n_documents": 2, "n_mentions": 5,
         "aliases": ["U.S.", "US", "the United States"], "kb_id": "USA"},
        {"entity_id": "e_2", "name": "Iran", "label": "GPE", "n_documents": 1, "n_mentions": 1, "aliases": ["Iran"],
         "kb_id": "IRN"},
    ]


def test_pipeline_lock_refuses_a_second_run(tmp_path: Path) -> None:
    with OutputLock(tmp_path):
        with pytest.raises(RunError, match="another claimpipe run is writing to"):
            with OutputLock(tmp_path):
                pass
    with OutputLock(tmp_path):  # free again once the first has finished
        pass


def test_pipeline_summary_stage_line_lists_stages_longest_first() -> None:
    from claimpipe.pipeline import RunSummary

    summary = RunSummary(out=Path("out"), timings={"claims": 1.0, "spacy": 8.0, "export": 1.0})
    assert summary.stage_line() == "time per stage: spacy 8.0 s (80%), claims 1.0 s (10%), export 1.0 s (10%)"
    assert RunSummary(out=Path("out")).stage_line() == "time per stage: none (nothing to analyse)"


def _pairs(*texts: str):
    from claimpipe.clean import clean
    from claimpipe.records import Article

    articles = [Article(source=f"{k}.txt", text=t, sha256="", doc_id=f"d{k}") for k, t in enumerate(texts)]
    return [(a, clean(a, settings=Settings())) for a in articles]


def test_analyzer_loads_its_pipeline_afresh_once_the_vocab_has_grown(monkeypatch, nlp):
    from claimpipe import pipeline
    from claimpipe.pipeline import Analyzer

    loads = []
    monkeypatch.setattr(pipeline, "load_pipeline", lambda settings: loads.append(1) or nlp)
    analyzer = Analyzer(Settings(nlp_max_strings=10**9))
    analyzer.analyse_batch(_pairs("Zorblaxian exports to Quuxland rose by 40% in 2024, officials said."))
    analyzer.analyse_batch(_pairs("Frobnitz Holdings said its Zorblaxian sales fell."))
    assert len(loads) == 1  # below the limit: one pipeline for the whole run
    small = Analyzer(Settings(nlp_max_strings=0))
    small.analyse_batch(_pairs("Vexillary imports fell."))
    small.analyse_batch(_pairs("Brumpled exports rose."))
    assert len(loads) == 3  # the second batch found the vocab grown past 0 new strings: loaded again


def test_a_pipeline_passed_in_runs_each_batch_in_a_memory_zone(nlp):
    from claimpipe.pipeline import Analyzer

    base = len(nlp.vocab.strings)
    records = Analyzer(Settings(), nlp=nlp).analyse_batch(_pairs("Zorblaxian exports rose by 40% in 2024."))
    assert len(nlp.vocab.strings) == base  # the batch's new words left with its zone
    assert records[0]["claims"][0]["text"] == "Zorblaxian exports rose by 40% in 2024."
