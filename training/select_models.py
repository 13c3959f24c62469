"""Experiment: compare check-worthiness and subjectivity models on the CheckThat! dev sets (select half / report half).

    .venv/bin/python training/select_models.py            # needs training/embed_e5.py's cache for e5 rows

Training data: ClaimBuster crowdsourced.csv (check-worthiness; groundtruth.csv stays a test set) and
NewsSD train.csv (+ ClaimBuster's non-factual vs factual sentences as distant subjectivity examples).
Every choice (C, features, calibration, threshold) is made on the `select` half; `report` and the
whole set are only printed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import BUILD_DIR, load_claimbuster, load_newssd  # noqa: E402
from devsets import load_dev_en, load_devtest  # noqa: E402

EMB = BUILD_DIR / "emb"
SEED = 0


def f1_yes(y, p, t):
    return f1_score(y, (p >= t).astype(int), zero_division=0)


def macro(y, p, t):
    return f1_score(y, (p >= t).astype(int), average="macro", zero_division=0)


def best_threshold(y, p, metric):
    grid = np.round(np.arange(0.05, 0.951, 0.01), 2)
    vals = [metric(y, p, t) for t in grid]
    return float(grid[int(np.argmax(vals))])


def platt(p_sel, y_sel):
    """Logistic calibration on the logit of the raw score, fitted on the select half."""
    z = np.log(np.clip(p_sel, 1e-6, 1 - 1e-6) / (1 - np.clip(p_sel, 1e-6, 1 - 1e-6)))
    lr = LogisticRegression(C=1e4).fit(z[:, None], y_sel)
    a, b = float(lr.coef_[0, 0]), float(lr.intercept_[0])
    return lambda p: 1 / (1 + np.exp(-(a * np.log(np.clip(p, 1e-6, 1 - 1e-6) / (1 - np.clip(p, 1e-6, 1 - 1e-6))) + b))), (a, b)


def ece(y, p, bins=10):
    edges = np.linspace(0, 1, bins + 1)
    idx = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
    return float(sum(abs(p[idx == k].mean() - y[idx == k].mean()) * (idx == k).sum() for k in range(bins) if (idx == k).any()) / len(y))


def report(name, dev, p, metric, metric_name, rows):
    sel = (dev["half"] == "select").to_numpy()
    y = dev["y"].to_numpy()
    cal, ab = platt(p[sel], y[sel])
    q = cal(p)
    t = best_threshold(y[sel], q[sel], metric)
    row = {"model": name, "threshold(select)": t, "platt": [round(v, 3) for v in ab]}
    for part, m in (("select", sel), ("report", ~sel), ("whole", np.ones_like(sel))):
        row[f"{metric_name}@t {part}"] = round(metric(y[m], q[m], t), 4)
        row[f"{metric_name}@.5raw {part}"] = round(metric(y[m], p[m], 0.5), 4)
        row[f"AP {part}"] = round(average_precision_score(y[m], p[m]), 4)
        row[f"ECE {part}"] = round(ece(y[m], q[m]), 4)
    rows.append(row)
    print(json.dumps(row), flush=True)
    return q


def main():
    crowd, truth = load_claimbuster()
    sd_train, sd_val = load_newssd()
    dt, de = load_devtest(), load_dev_en()
    rows = []
    y_cw = crowd["y"].to_numpy()

    # ---- check-worthiness ----
    for C in (0.3, 1.0, 3.0):
        for cw in (None, "balanced"):
            vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
            X = vec.fit_transform(crowd["Text"])
            lr = LogisticRegression(C=C, class_weight=cw, max_iter=2000).fit(X, y_cw)
            p = lr.predict_proba(vec.transform(dt["Text"]))[:, 1]
            report(f"cw tfidf12 C={C} cw={cw}", dt, p, f1_yes, "F1yes", rows)
    if (EMB / "e5_cb_crowd.npy").exists():
        from embed_e5 import crowd_sample

        Xc = np.load(EMB / "e5_cb_crowd.npy")  # the fixed 6,000-sentence sample of crowdsourced.csv
        Xd = np.load(EMB / "e5_devtest.npy")
        for C in (0.3, 1.0, 3.0, 10.0):
            for cw in (None, "balanced"):
                lr = LogisticRegression(C=C, class_weight=cw, max_iter=3000).fit(Xc, y_cw[crowd_sample()])
                report(f"cw e5 C={C} cw={cw}", dt, lr.predict_proba(Xd)[:, 1], f1_yes, "F1yes", rows)

    # ---- subjectivity ----
    cb = pd.concat([crowd, truth])
    cb = pd.DataFrame({"Text": cb["Text"], "y": (cb["Verdict"] == -1).astype(int)})
    for n_cb in (0, 2000, 5000):
        mix = pd.concat([sd_train, cb.sample(n=n_cb, random_state=SEED)]) if n_cb else sd_train
        for C in (0.3, 1.0, 3.0):
            vec = TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True)
            X = vec.fit_transform(mix["Text"])
            lr = LogisticRegression(C=C, class_weight="balanced", max_iter=2000).fit(X, mix["y"])
            report(f"subj tfidf12 cb={n_cb} C={C}", de, lr.predict_proba(vec.transform(de["Text"]))[:, 1], macro, "macroF1", rows)
    if (EMB / "e5_newssd_train.npy").exists():
        Xs = np.load(EMB / "e5_newssd_train.npy")
        Xd = np.load(EMB / "e5_dev_en.npy")
        for C in (0.3, 1.0, 3.0, 10.0):
            lr = LogisticRegression(C=C, class_weight="balanced", max_iter=3000).fit(Xs, sd_train["y"])
            report(f"subj e5 C={C}", de, lr.predict_proba(Xd)[:, 1], macro, "macroF1", rows)
    pd.DataFrame(rows).to_csv(BUILD_DIR / "select_models.csv", index=False)


if __name__ == "__main__":
    main()
