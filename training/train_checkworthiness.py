"""Train the shipped check-worthiness and subjectivity classifiers and print their scores.

    .venv/bin/python training/train_checkworthiness.py            # train, evaluate, write package data
    .venv/bin/python training/train_checkworthiness.py --folds 0  # skip the debate-held-out CV

Reads ../shared/data/claimbuster/ and ../shared/data/newssd/ (or $CLAIMPIPE_DATA), writes
src/claimpipe/data/checkworthiness/{cfs,subjectivity,meta.json} and training/build/ (scratch,
git-ignored). Every run with the same data and configs gives the same models (fixed seeds).

Protocol (see docs/model-card.md):
- check-worthiness: positive class = Verdict 1 (CFS) vs Verdict 0 and -1. The shipped model trains
  on crowdsourced.csv (all 33 debates; no groundtruth.csv sentence is in it) and is scored on
  groundtruth.csv. Because groundtruth's 30 debates are all in crowdsourced, a debate-held-out
  estimate is also made: k folds of groundtruth's debates; fold i is scored by a model trained
  without any sentence of fold i's debates.
- subjectivity: NewsSD train.csv trains, val.csv is only scored.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

import numpy as np
import spacy
from spacy.cli.train import train as spacy_train

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import (  # noqa: E402
    BUILD_DIR,
    CW_LABELS,
    DATA_DIR,
    REPO,
    SUBJ_LABELS,
    debate_folds,
    load_claimbuster,
    load_newssd,
    write_docbin,
)

CONFIGS = REPO / "training" / "configs"
PACKAGE_DATA = REPO / "src" / "claimpipe" / "data" / "checkworthiness"
SEED = 0


def f1_pos(y: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    tp = int(((pred == 1) & (y == 1)).sum())
    fp = int(((pred == 1) & (y == 0)).sum())
    fn = int(((pred == 0) & (y == 1)).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def macro_f1(y: np.ndarray, pred: np.ndarray) -> float:
    return round((f1_pos(y, pred)["f1"] + f1_pos(1 - y, 1 - pred)["f1"]) / 2, 4)


def train_textcat(config: Path, train_path: Path, dev_path: Path, out: Path, overrides: dict | None = None) -> spacy.Language:
    """spaCy's own `train` on one config; returns the best model (by the dev score)."""
    if out.exists():
        shutil.rmtree(out)
    settings = {"paths.train": str(train_path), "paths.dev": str(dev_path), "system.seed": SEED}
    settings.update(overrides or {})
    spacy_train(config, out, overrides=settings)
    return spacy.load(out / "model-last")


def cats(nlp: spacy.Language, texts: list[str], label: str) -> np.ndarray:
    return np.array([d.cats[label] for d in nlp.pipe(texts, batch_size=256)])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA_DIR)
    ap.add_argument("--out", type=Path, default=PACKAGE_DATA)
    ap.add_argument("--config", type=Path, default=CONFIGS / "checkworthiness.cfg")
    ap.add_argument("--subjectivity-config", type=Path, default=CONFIGS / "subjectivity.cfg")
    ap.add_argument("--baseline-config", type=Path, default=CONFIGS / "bow.cfg")
    ap.add_argument("--folds", type=int, default=5, help="debate-held-out folds (0 skips the CV)")
    ap.add_argument("--baseline", action="store_true", help="also train and score the bag-of-words baseline")
    args = ap.parse_args(argv)
    if not (args.data / "claimbuster" / "groundtruth.csv").exists():
        print(f"no training data under {args.data}; set CLAIMPIPE_DATA", file=sys.stderr)
        return 2
    build = BUILD_DIR
    build.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    report: dict = {"seed": SEED}

    # ---- check-worthiness --------------------------------------------------------------------
    crowd, truth = load_claimbuster(args.data)
    y_truth = truth["y"].to_numpy()
    texts_truth = truth["Text"].tolist()
    truth_path = write_docbin(texts_truth, y_truth.tolist(), CW_LABELS, build / "cw_groundtruth.spacy")
    all_path = write_docbin(crowd["Text"].tolist(), crowd["y"].tolist(), CW_LABELS, build / "cw_train_all.spacy")

    def fit_and_score(config: Path, tag: str) -> dict:
        res: dict = {}
        # The dev corpus only logs progress: the configs train a fixed number of steps and the last
        # model is kept, so groundtruth.csv never selects a model.
        nlp = train_textcat(config, all_path, truth_path, build / f"{tag}_all")
        s = cats(nlp, texts_truth, CW_LABELS[0])
        res["groundtruth_same_debates"] = f1_pos(y_truth, (s >= 0.5).astype(int))
        if args.folds:
            cv = np.zeros(len(truth))
            for k, fold in enumerate(debate_folds(truth, args.folds)):
                tr = crowd[~crowd["File_id"].isin(fold)]
                tr_path = write_docbin(tr["Text"].tolist(), tr["y"].tolist(), CW_LABELS, build / f"cw_train_fold{k}.spacy")
                m = truth["File_id"].isin(fold).to_numpy()
                fold_nlp = train_textcat(config, tr_path, truth_path, build / f"{tag}_fold{k}")
                cv[m] = cats(fold_nlp, [t for t, keep in zip(texts_truth, m) if keep], CW_LABELS[0])
            res["groundtruth_debate_held_out"] = f1_pos(y_truth, (cv >= 0.5).astype(int))
            np.save(build / f"{tag}_cv_scores.npy", cv)
        np.save(build / f"{tag}_scores.npy", s)
        return res, nlp

    if args.baseline:
        report["baseline_bow"], _ = fit_and_score(args.baseline_config, "bow")
        print("baseline bow:", json.dumps(report["baseline_bow"]), flush=True)
    report["checkworthiness"], cw_nlp = fit_and_score(args.config, "cw")
    print("check-worthiness:", json.dumps(report["checkworthiness"]), flush=True)

    # ---- subjectivity (evaluative vs factual) ------------------------------------------------
    sd_train, sd_val = load_newssd(args.data)
    sd_train_path = write_docbin(sd_train["Text"].tolist(), sd_train["y"].tolist(), SUBJ_LABELS, build / "sd_train.spacy")
    sd_val_path = write_docbin(sd_val["Text"].tolist(), sd_val["y"].tolist(), SUBJ_LABELS, build / "sd_val.spacy")
    subj_nlp = train_textcat(args.subjectivity_config, sd_train_path, sd_val_path, build / "subj")
    p_val = cats(subj_nlp, sd_val["Text"].tolist(), SUBJ_LABELS[0])
    y_val = sd_val["y"].to_numpy()
    report["subjectivity"] = {
        "newssd_val_macro_f1": macro_f1(y_val, (p_val >= 0.5).astype(int)),
        "newssd_val_subj": f1_pos(y_val, (p_val >= 0.5).astype(int)),
    }
    print("subjectivity:", json.dumps(report["subjectivity"]), flush=True)

    # ---- write the package data --------------------------------------------------------------
    out = args.out
    for name, nlp in (("cfs", cw_nlp), ("subjectivity", subj_nlp)):
        if (out / name).exists():
            shutil.rmtree(out / name)
        nlp.to_disk(out / name)
    meta = {
        "name": "claimpipe-checkworthiness",
        "version": "1",
        "spacy_version": spacy.__version__,
        "threshold": 0.5,
        "subjectivity_threshold": 0.5,
        "combination": {},
        "scores": report,
        "train_seconds": round(time.time() - t0, 1),
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    print(f"wrote {out} in {time.time() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
