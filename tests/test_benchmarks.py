"""The throughput benchmark runs end to end on a few articles (its figures are for the README, not here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_throughput_benchmark_times_raw_tuned_and_full_runs_on_the_same_texts(shared_dir) -> None:
    result = subprocess.run([sys.executable, str(REPO / "benchmarks" / "throughput.py"), "--limit", "6",
                             "--one-process", "--repeat", "1"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [(r["kind"], r["workers"], r["docs"]) for r in rows] == [("raw", 1, 6), ("tuned", 1, 6), ("full", 1, 6)]
    assert rows[2]["timings"]["spacy"] > 0 and all(r["seconds"] > 0 for r in rows)
    summary = result.stdout.split("\n\n", 1)[1]
    assert summary.startswith("6 articles, ") and "ratio" in summary and "tuned model" in summary
