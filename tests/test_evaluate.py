from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimpipe.cli import cli
from claimpipe.evaluate import (PRF, by_split, check_floors, format_report, metric, score, score_boilerplate,
                                score_claims)
from claimpipe.records import make_doc_id

from .conftest import REPO


@pytest.mark.parametrize("gold, pred, expected", [
    ({1, 2, 3}, {2, 3, 4}, {"precision": 0.6667, "recall": 0.6667, "f1": 0.6667, "tp": 2, "fp": 1, "fn": 1}),
    (set(), set(), {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 0}),
    ({1}, {1}, {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0}),
])
def test_evaluate_prf(gold, pred, expected) -> None:
    prf = PRF()
    prf.add(gold, pred)
    assert prf.as_dict() == expected


def test_evaluate_boilerplate_counts_characters_not_spaces() -> None:
    text = "Read More\n\nStory here."
    gold = {"source": "a.txt", "text": text, "boilerplate": [{"start": 0, "end": 9, "reason": "read more"}]}
    doc = {"boilerplate": [{"source_start": 0, "source_end": 4}, {"source_start": 11, "source_end": 16}]}
    chars = score_boilerplate([(gold, doc)])["chars"]
    assert (chars["tp"], chars["fp"], chars["fn"]) == (4, 5, 4)  # "Read" right; "Story" wrong; "More" missed


def test_evaluate_claims_match_by_overlap_and_compare_attribution() -> None:
    gold = {"source": "a.txt", "claims": [
        {"start": 0, "end": 20, "text": "x", "attribution": "indirect", "speaker": "Serik Zhumangarin",
         "cue": "emphasized", "hedged": False, "negated": False},
        {"start": 30, "end": 40, "text": "y", "attribution": "none"}]}
    doc = {"claims": [{"source_start": 2, "source_end": 22, "attribution": "indirect", "speaker": "Zhumangarin",
                       "cue": "emphasized", "hedged": True, "negated": False},
                      {"source_start": 50, "source_end": 60, "attribution": "none"}]}
    result = score_claims([(gold, doc)])
    assert (result["claims"]["tp"], result["claims"]["fp"], result["claims"]["fn"]) == (1, 1, 1)
    assert result["agreement"]["speaker"] == {"correct": 1, "of": 1, "accuracy": 1.0}
    assert result["agreement"]["hedged"] == {"correct": 0, "of": 1, "accuracy": 0.0}
    assert result["missed"] == [{"source": "a.txt", "missed": "y"}]


def test_evaluate_by_split_scores_each_split_apart_and_unlabelled_gold_is_dev(tmp_path: Path) -> None:
    text = "Read More\n\nStory here."
    tuned = {"source": "a.txt", "text": text, "boilerplate": [{"start": 0, "end": 9, "reason": "read more"}]}
    unseen = {**tuned, "source": "b.txt", "split": "held-out"}
    right = {"boilerplate": [{"source_start": 0, "source_end": 9}]}
    wrong = {"boilerplate": [{"source_start": 11, "source_end": 16}]}
    got = by_split([(tuned, right), (unseen, wrong)], lambda pairs: score_boilerplate(pairs)["chars"])
    assert {k: (v["documents"], v["tp"], v["fp"], v["fn"]) for k, v in got.items()} == {
        "dev": (1, 8, 0, 0), "held-out": (1, 0, 5, 8)}
    # through score(): the report keeps the overall figure and adds the splits, the terminal names them
    (tmp_path / "ann").mkdir()
    (tmp_path / "ann" / "boilerplate.jsonl").write_text(json.dumps(tuned) + "\n" + json.dumps(unseen) + "\n")
    (tmp_path / "out").mkdir()
    docs = [{"source": "a.txt", "doc_id": make_doc_id(text), **right}, {"source": "b.txt", "doc_id": make_doc_id(text), **wrong}]
    (tmp_path / "out" / "documents.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs))
    report = score(tmp_path / "out", tmp_path / "ann", baseline_model=None)
    assert metric(report, "boilerplate.chars.tp") == 8 and metric(report, "boilerplate.by_split.held-out.chars.f1") == 0.0
    assert metric(report, "boilerplate.by_split.dev.chars.f1") == 1.0
    text_report = format_report(report)
    assert "documents by split: dev 1, held-out 1" in text_report
    assert "claimpipe, held-out" in text_report


def test_evaluate_floors() -> None:
    report = {"entities": {"mentions": {"f1": 0.9}, "per_document": {"a.txt": {"f1": 1.0}}}}
    assert metric(report, "entities.per_document.a\\.txt.f1") == 1.0
    assert check_floors(report, {"entities.mentions.f1": 0.903}) == []  # within EPSILON
    assert check_floors(report, {"entities.mentions.f1": 0.95, "claims.claims.f1": 0.5}) == [
        "claims.claims.f1: missing from the report (floor 0.5)",
        "entities.mentions.f1: 0.9000 is below its floor 0.9500"]


def test_evaluate_gold_of_the_corpus_holds_its_floors(seed_run) -> None:
    out, _ = seed_run
    report = score(out, REPO / "annotations", baseline_model="")
    assert report["warnings"] == []
    floors = json.loads((REPO / "annotations" / "floors.json").read_text())
    assert check_floors(report, floors) == []
    raw = report["entities"]["raw_spacy"]
    for figure in ("precision", "recall", "f1"):  # claimpipe beats raw spaCy on every entity figure
        assert report["entities"]["mentions"][figure] > raw["mentions"][figure]
        assert report["entities"]["canonical_entities"][figure] > raw["canonical_entities"][figure]


def test_evaluate_cli_check_exit_codes(seed_run, tmp_path: Path) -> None:
    out, _ = seed_run
    strict = tmp_path / "floors.json"
    strict.write_text(json.dumps({"claims.claims.f1": 1.5}))
    result = CliRunner().invoke(cli, ["eval", str(out), "--annotations", str(REPO / "annotations"), "--no-baseline",
                                      "--check", str(strict)])
    assert result.exit_code == 1
    f1 = metric(score(out, REPO / "annotations", baseline_model=None), "claims.claims.f1")  # whatever the gold says
    assert f"below floor: claims.claims.f1: {f1:.4f} is below its floor 1.5000" in result.output
