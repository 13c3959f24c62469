"""Experiment: a learned check on the plain-text cleaner's KEPT blocks, cross-validated on boilerplate-dev `tune`.

    PYTHONPATH=src .venv/bin/python training/boilerplate_blocks.py                 # logistic regression
    PYTHONPATH=src .venv/bin/python training/boilerplate_blocks.py --model gbm     # gradient boosting
    PYTHONPATH=src .venv/bin/python training/boilerplate_blocks.py --tfidf         # + the block's words

Result (docs/cleaning.md, "A learned block check: not shipped"): no variant removes a boilerplate
snippet the rules keep on the pages it was not trained on, so nothing is exported or wired into
`claimpipe.clean`; this script keeps the experiment reproducible.

Only the 79 `tune` pages of ../shared/data/boilerplate-dev are read (`split_of` in
benchmarks/boilerplate.py); `heldout` pages are never opened. Each page becomes plain text both ways
the benchmark makes it (`nodes`, `innertext`), the rule cleaner labels its blocks, and each KEPT block
(not the title or a note) gets a label by distant supervision: boilerplate if it contains a `without`
snippet (or lies inside one), content if it contains a `with` snippet (or lies inside one),
otherwise content when its text (white space removed) is in trafilatura's extraction of the page's
HTML (`favor_recall`), boilerplate when it is not. Trafilatura's extraction labels a page only where
it found the story (it holds at least half the page's `with` snippets and leaves out at most half of
the blocks the rules kept: 12 of 79 pages fail this, e.g. a lyrics page where it extracts nothing of
the rules' text); on those pages only the snippet-labelled blocks are used. Each page-and-mode
weighs 1/sqrt(its blocks). Features need no knowledge of the site (`features`).

Generalisation is estimated by grouped cross-validation by page (5 folds): the model is trained on
the blocks of 4/5 of the pages and the other 1/5 are cleaned with it and scored with the
benchmark's snippet scoring (summed over folds). The threshold is chosen inside each training part
(an inner grouped CV, 4 folds) for precision first: the most `without` snippets removed minus twice
the `with` snippets lost, ties to the higher threshold; the outer fold never sees its own threshold
chosen. Fixed thresholds on the out-of-fold probabilities are printed for information only.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import time
from bisect import bisect_left
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
from boilerplate import Score, page_to_text, split_of

from claimpipe.clean.label import label_units
from claimpipe.clean.text import KEPT_KINDS, WORD
from claimpipe.clean.units import Unit, split_units
from claimpipe.records import Article
from claimpipe.settings import Settings

_WS = re.compile(r"\s+")
MODES = ("nodes", "innertext")
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.50, 1.0, 0.02))
LOST_WEIGHT = 2.0  # a `with` snippet lost counts as much as two boilerplate snippets removed

# -- features of a block (no site knowledge) ------------------------------------------------------

_KINDS = ("title", "subtitle", "heading", "paragraph", "note")
_QUALITIES = ("good", "near", "short")
_LINKISH = re.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk|html?)\b|@\w|#\w", re.IGNORECASE)
_SEPARATORS = re.compile(r"[|•·»›/]")
_PUNCT = re.compile(r"[^\w\s]")
_DIGIT = re.compile(r"\d")
_LIST_ITEM = re.compile(r"\s*(?:\d{1,3}[.)]|[-*•–]|\(?[a-z]\))\s")
_YOU = frozenset(["you", "your", "you're", "yours", "yourself", "you'll", "you've"])
_WE = frozenset(["we", "our", "us", "we're", "ours"])
# verbs a call to action opens on (generic, no site's words)
_IMPERATIVE = frozenset(["sign", "subscribe", "get", "learn", "read", "click", "support", "join", "follow", "share", "download", "watch", "shop", "buy", "discover", "explore", "see", "find", "try", "save", "register", "log", "start", "book", "order", "donate", "listen", "view", "continue", "check", "visit", "contact", "call", "apply", "enter", "tap", "sponsored", "advertisement"])

FEATURES = (
    "log_words", "log_chars", "stop_density", "terminal", "headline", "cap_share", "digit_share", "punct_share",
    "linkish", "separators", "ends_colon", "copyright_sign", "sentences", "rel_pos", "rel_pos_kept",
    "before_longest", "dist_longest", "words_vs_longest", "prev_kept", "next_kept", "removed_near",
    "kept_share", "repeats", "para_units", "page_log_units", "kept_words_share",
    "you_share", "we_share", "imperative_start", "exclaims", "prev_log_words", "next_log_words", "dist_good", "list_item",
) + tuple(f"kind_{k}" for k in _KINDS) + tuple(f"quality_{q}" for q in _QUALITIES)


def features(units: list[Unit]) -> np.ndarray:
    """One row of `FEATURES` per unit (labelled by the rules: `kind` set), for any unit kept or not."""
    n = len(units)
    X = np.zeros((n, len(FEATURES)), dtype=np.float64)
    if not n:
        return X
    kept = [u.kind in KEPT_KINDS for u in units]
    kept_idx = [i for i in range(n) if kept[i]]
    rank = {i: r for r, i in enumerate(kept_idx)}
    longest = max(range(n), key=lambda i: (kept[i], units[i].n_words))
    longest_words = max(units[longest].n_words, 1)
    counts = Counter(u.norm for u in units)
    para_sizes = Counter(u.para for u in units)
    total_words = sum(u.n_words for u in units) or 1
    kept_words = sum(units[i].n_words for i in kept_idx)
    good = [j for j in kept_idx if units[j].quality == "good"]
    for i, u in enumerate(units):
        text = u.text
        words = WORD.findall(text)
        nw = max(len(words), 1)
        chars = max(len(text), 1)
        lo, hi = max(0, i - 3), min(n, i + 4)
        X[i, :26] = (
            np.log1p(u.n_words), np.log1p(len(text)), u.stop_density, u.terminal, u.headline,
            sum(1 for w in words if w[0].isupper()) / nw, len(_DIGIT.findall(text)) / chars,
            len(_PUNCT.findall(text)) / chars, min(len(_LINKISH.findall(text)), 3), min(len(_SEPARATORS.findall(text)), 5),
            text.rstrip().endswith(":"), "©" in text, min(text.count(". ") + u.terminal, 10),
            i / max(n - 1, 1), rank.get(i, 0) / max(len(kept_idx) - 1, 1),
            i < longest, min(abs(i - longest), 50) / 50, u.n_words / longest_words,
            i > 0 and kept[i - 1], i + 1 < n and kept[i + 1], sum(not kept[j] for j in range(lo, hi) if j != i) / 6,
            len(kept_idx) / n, min(counts[u.norm] - 1, 5), min(para_sizes[u.para], 20) / 20, np.log1p(n),
            kept_words / total_words,
        )
        low = [w.casefold() for w in words]
        X[i, 26:34] = (
            sum(1 for w in low if w in _YOU) / nw, sum(1 for w in low if w in _WE) / nw,
            bool(low) and low[0] in _IMPERATIVE, min(text.count("!"), 3),
            np.log1p(units[i - 1].n_words) if i > 0 else 0.0, np.log1p(units[i + 1].n_words) if i + 1 < n else 0.0,
            _nearest_other(good, i) / 50, bool(_LIST_ITEM.match(text)),
        )
        if u.kind in _KINDS:
            X[i, 34 + _KINDS.index(u.kind)] = 1.0
        if u.quality in _QUALITIES:
            X[i, 34 + len(_KINDS) + _QUALITIES.index(u.quality)] = 1.0
    return X


def _nearest_other(sorted_idx: list[int], i: int) -> int:
    """Distance (capped at 50) from i to the nearest other index in `sorted_idx`."""
    k = bisect_left(sorted_idx, i)
    near = [abs(sorted_idx[j] - i) for j in (k - 1, k, k + 1) if 0 <= j < len(sorted_idx) and sorted_idx[j] != i]
    return min(near + [50])


def _nearest_other(sorted_idx: list[int], i: int) -> int:
    """Distance (capped at 50) from i to the nearest other index in `sorted_idx`."""
    k = bisect_left(sorted_idx, i)
    near = [abs(sorted_idx[j] - i) for j in (k - 1, k, k + 1) if 0 <= j < len(sorted_idx) and sorted_idx[j] != i]
    return min(near + [50])


# -- labels, training, cross-validation ----------------------------------------------------------


def _flat(text: str) -> str:
    return _WS.sub("", text)


def _label(block: str, item: dict, extracted: str | None) -> int | None:
    """1 = boilerplate, 0 = content (distant supervision; see the module docstring); None: no snippet
    decides and no extraction is given."""
    flat = _flat(block)
    inside = lambda snips: any((s := _flat(x)) and (s in flat or (len(flat) >= 10 and flat in s)) for x in snips)
    if inside(item.get("without", [])):
        return 1
    if inside(item.get("with", [])):
        return 0
    if extracted is None:
        return None
    return 0 if flat in extracted else 1


def build(data: Path) -> list[dict]:
    """One record per (tune page, mode): its units' texts, features, candidates and labels."""
    import trafilatura

    meta = json.loads((data / "evaldata_en.json").read_text(encoding="utf-8"))
    settings = Settings()
    out = []
    for url, item in meta.items():
        if split_of(item["file"]) != "tune":
            continue  # held-out pages are never opened
        with gzip.open(data / "html" / f"{item['file']}.gz") as fh:
            html = fh.read().decode("utf-8", "replace")
        extracted = _flat(trafilatura.extract(html, url=url, favor_recall=True) or "")
        for mode in MODES:
            text = page_to_text(html, mode)
            art = Article(source=item["file"], text=text, doc_id="d", sha256="")
            units = split_units(text)
            label_units(units, art, settings, None, defaultdict(dict))
            kept = [u.kind in KEPT_KINDS for u in units]
            cand = [i for i, u in enumerate(units) if kept[i] and u.kind not in ("title", "note")]
            y = np.array([_label(units[i].text, item, extracted) for i in cand], dtype=np.int64)
            # trafilatura's extraction is a label only where it found the story: it holds most `with`
            # snippets and leaves out at most half of the blocks the rules kept; elsewhere only the
            # blocks a snippet labels are used (weight 0 for the others)
            found = [_flat(s) in extracted for s in item.get("with", []) if _flat(s)]
            trusted = bool(found) and sum(found) >= 0.5 * len(found) and (not len(y) or y.mean() <= 0.5)
            by_snippet = np.array([_label(units[i].text, item, None) is not None for i in cand], dtype=bool)
            w = np.where(by_snippet | trusted, 1.0, 0.0) / np.sqrt(max(len(cand), 1))
            out.append({"page": item["file"], "mode": mode, "item": item, "texts": [u.text for u in units],
                        "kept": kept, "cand": cand, "cand_texts": [units[i].text for i in cand], "X": features(units)[cand],
                        "y": y, "w": w, "trusted": trusted})
    return out


def fold_of(page: str, k: int) -> int:
    return int(hashlib.sha256(("blocks:" + page).encode()).hexdigest(), 16) % k


KIND = "lr"  # "lr" (logistic regression) or "gbm" (scikit-learn's histogram gradient boosting)
TFIDF = False  # add TF-IDF word 1-2 grams of the block's own text to the features (lr)


def _matrix(X: np.ndarray, texts: list[str], mean: np.ndarray, scale: np.ndarray, vec):
    Z = (X - mean) / scale
    if vec is None:
        return Z
    from scipy.sparse import csr_matrix, hstack

    return hstack([vec.transform(texts), csr_matrix(Z)]).tocsr()


def fit(recs: list[dict], C: float) -> tuple:
    X = np.vstack([r["X"] for r in recs])
    y = np.concatenate([r["y"] for r in recs])
    w = np.concatenate([r["w"] for r in recs])
    texts = [t for r in recs for t in r["cand_texts"]]
    keep = w > 0
    X, y, w, texts = X[keep], y[keep], w[keep], [t for t, k in zip(texts, keep) if k]
    mean, scale = X.mean(0), X.std(0)
    scale[scale == 0] = 1.0
    vec = None
    if TFIDF:
        from sklearn.feature_extraction.text import TfidfVectorizer

        vec = TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True).fit(texts)
    if KIND == "gbm":
        from sklearn.ensemble import HistGradientBoostingClassifier

        clf = HistGradientBoostingClassifier(max_depth=3, max_iter=150, learning_rate=0.05, random_state=0)
    else:
        clf = LogisticRegression(C=C, max_iter=2000)
    clf.fit(_matrix(X, texts, mean, scale, vec), y, sample_weight=w / w.mean())
    return mean, scale, clf, vec


def predict(model, rec: dict) -> np.ndarray:
    mean, scale, clf, vec = model
    if not rec["cand"]:
        return np.zeros(0)
    return clf.predict_proba(_matrix(rec["X"], rec["cand_texts"], mean, scale, vec))[:, 1]


def score(recs: list[dict], probs: list[np.ndarray], t: float | None) -> dict[str, Score]:
    """Snippet scores per mode when the blocks with p >= t are removed (t None: the rules alone)."""
    out = {m: Score() for m in MODES}
    for rec, p in zip(recs, probs):
        removed = set() if t is None else {i for i, pi in zip(rec["cand"], p) if pi >= t}
        text = "\n".join(s for i, s in enumerate(rec["texts"]) if rec["kept"][i] and i not in removed)
        out[rec["mode"]].add(rec["page"], text, rec["item"])
    return out


def gain(recs: list[dict], probs: list[np.ndarray], t: float) -> float:
    base, new = score(recs, probs, None), score(recs, probs, t)
    return sum((base[m].fp - new[m].fp) - LOST_WEIGHT * (new[m].fn - base[m].fn) for m in MODES)


def oof(recs: list[dict], k: int, C: float, salt: str = "") -> list[np.ndarray]:
    """Out-of-fold probabilities, grouped by page."""
    folds = [fold_of(salt + r["page"], k) for r in recs]
    probs: list[np.ndarray] = [np.zeros(0)] * len(recs)
    for f in range(k):
        model = fit([r for r, g in zip(recs, folds) if g != f], C)
        for j, (r, g) in enumerate(zip(recs, folds)):
            if g == f:
                probs[j] = predict(model, r)
    return probs


def pick_threshold(recs: list[dict], C: float) -> tuple[float, float]:
    probs = oof(recs, 4, C, salt="inner:")
    best = max(THRESHOLDS, key=lambda t: (gain(recs, probs, t), t))
    return best, gain(recs, probs, best)


def cross_validate(recs: list[dict], k: int, C: float) -> None:
    folds = [fold_of(r["page"], k) for r in recs]
    probs: list[np.ndarray] = [np.zeros(0)] * len(recs)
    removed = defaultdict(list)
    chosen = []
    for f in range(k):
        train = [r for r, g in zip(recs, folds) if g != f]
        t, _ = pick_threshold(train, C)
        chosen.append(t)
        model = fit(train, C)
        for j, (r, g) in enumerate(zip(recs, folds)):
            if g == f:
                probs[j] = predict(model, r)
                removed[j] = [pi >= t for pi in probs[j]]
    # apply each fold's own threshold: probabilities above it become 1, others 0
    hard = [np.array(removed[j], dtype=float) for j in range(len(recs))]
    base, new = score(recs, hard, None), score(recs, hard, 0.5)
    print(f"\ngrouped {k}-fold CV by page ({KIND}{' + tfidf' if TFIDF else ''}, C={C}), thresholds chosen per fold: {[float(t) for t in chosen]}")
    for m in MODES:
        (bp, br, bf), (p, r, f1) = base[m].prf, new[m].prf
        print(f"  {m:<9} rules alone P {bp:.3f} R {br:.3f} F1 {bf:.3f} (FP {base[m].fp}, FN {base[m].fn})"
              f"  ->  + model P {p:.3f} R {r:.3f} F1 {f1:.3f} (FP {new[m].fp}, FN {new[m].fn})")
    n_rm = sum(int(h.sum()) for h in hard)
    y = np.concatenate([r["y"] for r in recs])
    hits = np.concatenate(hard).astype(bool)
    print(f"  blocks removed by the model: {n_rm} of {len(y)} kept candidates; "
          f"distant labels of those: {int(y[hits].sum())} boilerplate, {int((1 - y[hits]).sum())} content")
    for s, p in zip(recs, hard):
        for i, h in zip(s["cand"], p):
            if h:
                lab = "bp " if s["y"][s["cand"].index(i)] else "CONTENT"
                print(f"    {s['mode'][:5]} {s['page'][:28]:<28} {lab:<7} {s['texts'][i][:90]!r}")
    # for information only (chosen after seeing it, so not an estimate): fixed thresholds on OOF probabilities
    oofp = probs
    row = []
    for t in (0.7, 0.8, 0.9, 0.95):
        sc = score(recs, oofp, t)
        row.append(f"t={t}: " + " / ".join(f"{sc[m].prf[2]:.3f}" for m in MODES))
    print("  (information) fixed thresholds, nodes / innertext F1: " + "; ".join(row))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "boilerplate-dev")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--C", type=float, default=0.3)
    ap.add_argument("--model", choices=("lr", "gbm"), default="lr")
    ap.add_argument("--tfidf", action="store_true", help="add TF-IDF word 1-2 grams of the block's text (lr only)")
    args = ap.parse_args(argv)
    global KIND, TFIDF
    KIND, TFIDF = args.model, args.tfidf
    if TFIDF and KIND != "lr":
        ap.error("--tfidf goes with --model lr")
    t0 = time.perf_counter()
    recs = build(args.data)
    y = np.concatenate([r["y"] for r in recs])
    untrusted = sorted({r["page"] for r in recs if not r["trusted"]})
    print(f"pages whose trafilatura extraction is not used as a label ({len(untrusted)}): {', '.join(untrusted)}")
    print(f"{len({r['page'] for r in recs})} tune pages, {len(y)} kept blocks (title and notes aside): "
          f"{int(y.sum())} labelled boilerplate ({time.perf_counter() - t0:.0f} s)")
    cross_validate(recs, args.folds, args.C)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
