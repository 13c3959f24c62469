"""Check-worthiness and subjectivity of the shipped scorer on the CheckThat! dev sets, and its speed.

    PYTHONPATH=src .venv/bin/python benchmarks/checkworthiness.py            # default setting
    PYTHONPATH=src .venv/bin/python benchmarks/checkworthiness.py --encoder e5
    PYTHONPATH=src .venv/bin/python benchmarks/checkworthiness.py --speed 500  # also sentences/s

Scores what the package ships (`CheckworthinessScorer.score_both`, calibrated, at the shipped
thresholds) on `checkthat-checkworthy/dev-test.tsv` (F1 of Yes, average precision) and
`checkthat-subjectivity/dev_en.tsv` (macro-F1), each on the `select` half (where calibration and
thresholds were fitted: not a held-out figure), the `report` half (held out) and the whole. The halves
are fixed by a hash of the sentence id (training/devsets.py). Needs ../shared/data and scikit-learn.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "training"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--encoder", default="", help='"" (default) or "e5"')
    ap.add_argument("--speed", type=int, default=0, help="time the scorer on N BBC sentences")
    args = ap.parse_args(argv)
    from devsets import bbc_sentences, load_dev_en, load_devtest
    from sklearn.metrics import average_precision_score, f1_score
    from train_scores import ece

    from claimpipe.claims.checkworthiness import CheckworthinessScorer

    scorer = CheckworthinessScorer.load(encoder=args.encoder)
    result: dict = {"encoder": args.encoder or "default", "threshold": scorer.threshold,
                    "subjectivity_threshold": scorer.subjectivity_threshold}
    for name, df, which, t, metric in (
        ("dev-test", load_devtest(), 0, scorer.threshold, "F1_yes"),
        ("dev_en", load_dev_en(), 1, scorer.subjectivity_threshold, "macro_F1"),
    ):
        q = np.array(scorer.score_both(df["Text"].tolist())[which])
        y = df["y"].to_numpy()
        for part in ("select", "report", "whole"):
            m = np.ones(len(df), bool) if part == "whole" else (df["half"] == part).to_numpy()
            pred = (q[m] >= t).astype(int)
            f = f1_score(y[m], pred, average="macro" if which else "binary", zero_division=0)
            result[f"{name} {part}"] = {metric: round(float(f), 4), "AP": round(float(average_precision_score(y[m], q[m])), 4),
                                        "ECE": round(ece(y[m], q[m]), 4), "n": int(m.sum())}
    if args.speed:
        texts = bbc_sentences(args.speed, seed=1)
        scorer.score_both(texts[:20])  # warm up (loads the encoder)
        t0 = time.perf_counter()
        scorer.score_both(texts)
        result["sentences_per_second"] = round(len(texts) / (time.perf_counter() - t0), 1)
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
