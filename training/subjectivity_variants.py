"""Experiment: subjectivity variants (TF-IDF words, chars, Pattern-lexicon and style features; NewsSD train or train+val) on dev_en, select half decides. `.venv/bin/python training/subjectivity_variants.py`."""
import sys, re, numpy as np, pandas as pd
from pathlib import Path
from scipy.sparse import hstack, csr_matrix
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import load_newssd, REPO
from devsets import load_dev_en
from select_models import report, macro

tr, va = load_newssd()
de = load_dev_en()
lex = dict(l.split("\t") for l in (REPO / "src/claimpipe/data/checkworthiness/lexicons/subjectivity.tsv").read_text().splitlines())
lex = {k: float(v) for k, v in lex.items()}
FIRST = {"i", "we", "my", "our", "me", "us", "you", "your"}
def lexfeat(texts):
    rows = []
    for t in texts:
        w = re.findall(r"[A-Za-z']+", t.lower())
        s = [lex[x] for x in w if x in lex]
        rows.append([np.mean(s) if s else 0, max(s) if s else 0, sum(v >= .5 for v in s) / max(1, len(w)) * 10,
                     sum(x in FIRST for x in w) > 0, "!" in t, "?" in t, ('"' in t or "“" in t), len(w) / 40])
    return np.array(rows, dtype=float)
rows = []
for name, train in (("sd_train", tr), ("sd_train+val", pd.concat([tr, va]))):
    for feats in ("w12", "w12+char", "w12+lex", "w12+char+lex"):
        for C in (0.3, 1.0, 3.0):
            vw = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
            mats = [vw.fit_transform(train.Text)]; dm = [vw.transform(de.Text)]
            if "char" in feats:
                vc = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)
                mats.append(vc.fit_transform(train.Text)); dm.append(vc.transform(de.Text))
            if "lex" in feats:
                mats.append(csr_matrix(lexfeat(train.Text))); dm.append(csr_matrix(lexfeat(de.Text)))
            lr = LogisticRegression(C=C, class_weight="balanced", max_iter=3000).fit(hstack(mats).tocsr(), train.y)
            report(f"{name} {feats} C={C}", de, lr.predict_proba(hstack(dm).tocsr())[:, 1], macro, "macroF1", rows)
