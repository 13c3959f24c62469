"""Experiment (not shipped): a spaCy bag-of-words textcat for subjectivity distilled from the e5 head.

    .venv/bin/python training/distill_textcat.py     # after training/embed_e5.py; about 2 minutes

The same data as the shipped TF-IDF student of train_scores.py (NewsSD train+val with their labels, BBC
sentences with the e5 teacher's decisions as `cats`: spaCy's textcat takes only 0/1), trained with training/configs/subjectivity.cfg
(TextCatBOW, 1,000 steps, seed 0); scored on dev_en like every other row (select half calibrates).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import spacy
from sklearn.linear_model import LogisticRegression
from spacy.tokens import DocBin

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import BUILD_DIR, load_newssd  # noqa: E402
from devsets import bbc_sentences, load_dev_en  # noqa: E402
from embed_e5 import N_BBC  # noqa: E402
from train_checkworthiness import CONFIGS, train_textcat  # noqa: E402
from train_scores import e5, evaluate, logit, macro_f1  # noqa: E402


def soft_docbin(texts: list[str], p: np.ndarray, path: Path) -> Path:
    nlp = spacy.blank("en")
    db = DocBin()
    for doc, q in zip(nlp.pipe(texts, batch_size=1000), p):
        doc.cats = {"SUBJ": float(q), "OBJ": float(1 - q)}
        db.add(doc)
    db.to_disk(path)
    return path


def main() -> int:
    sd_train, sd_val = load_newssd()
    sd = pd.concat([sd_train, sd_val], ignore_index=True)
    teacher = LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000).fit(
        np.vstack([e5("newssd_train"), e5("newssd_val")]), sd["y"])
    bbc = bbc_sentences(N_BBC)
    soft = teacher.predict_proba(e5("bbc"))[:, 1]
    # NewsSD's SUBJ sentences repeated once so that the classes weigh about the same
    texts = list(sd["Text"]) + list(sd["Text"][sd["y"] == 1]) + bbc
    # spaCy's textcat accepts only 0/1 cats: the teacher's decisions (pseudo-labels), not its probabilities
    p = np.concatenate([sd["y"].to_numpy(), np.ones(int(sd["y"].sum())), (soft >= 0.5).astype(float)])
    out = BUILD_DIR / "distill"
    out.mkdir(parents=True, exist_ok=True)
    train_path = soft_docbin(texts, p, out / "train.spacy")
    dev_path = soft_docbin(list(sd_val["Text"]), sd_val["y"].to_numpy(), out / "dev.spacy")  # logs only
    nlp = train_textcat(CONFIGS / "subjectivity.cfg", train_path, dev_path, out / "model", best=False)
    de = load_dev_en()
    q = np.array([d.cats["SUBJ"] for d in nlp.pipe(de["Text"].tolist())])
    row = evaluate("subj: spaCy BOW textcat distilled from e5 on BBC", de, logit(q), macro_f1, "macroF1")
    (out / "row.json").write_text(json.dumps(row, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
