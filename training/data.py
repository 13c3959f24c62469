"""Read the training data under ../shared/data/ and turn it into spaCy DocBins.

Nothing here is copied into the repository: the DocBins go to training/build/ (git-ignored).
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import spacy
from spacy.tokens import DocBin

REPO = Path(__file__).resolve().parents[1]
DATA_DIR = Path(os.environ.get("CLAIMPIPE_DATA", REPO.parent / "shared" / "data"))
BUILD_DIR = REPO / "training" / "build"

CW_LABELS = ("CHECKWORTHY", "OTHER")
SUBJ_LABELS = ("SUBJ", "OBJ")
# The three 2016 debates are in crowdsourced.csv but not in groundtruth.csv: they are the dev set
# (early stopping, threshold) for every model, so groundtruth.csv is only ever a test set.
DEV_DEBATES = ("2016-09-26.txt", "2016-10-09.txt", "2016-10-19.txt")


def load_claimbuster(data_dir: Path = DATA_DIR) -> tuple[pd.DataFrame, pd.DataFrame]:
    """crowdsourced, groundtruth; `y` = 1 for a check-worthy factual sentence (Verdict 1), else 0."""
    crowd = pd.read_csv(data_dir / "claimbuster" / "crowdsourced.csv.gz")
    truth = pd.read_csv(data_dir / "claimbuster" / "groundtruth.csv")
    for df in (crowd, truth):
        df["y"] = (df["Verdict"] == 1).astype(int)
        df["Text"] = df["Text"].astype(str).str.strip()
    # a handful of sentences ("Thank you.") sit in both files: keep them in the test set only
    crowd = crowd[~crowd["Text"].isin(set(truth["Text"]))].reset_index(drop=True)
    return crowd, truth


def load_newssd(data_dir: Path = DATA_DIR) -> tuple[pd.DataFrame, pd.DataFrame]:
    """train, val; `y` = 1 for SUBJ (the writer's opinion or evaluation), 0 for OBJ."""
    out = []
    for name in ("train", "val"):
        df = pd.read_csv(data_dir / "newssd" / f"{name}.csv")
        df["Text"] = df["Sentence"].astype(str).str.strip()
        df["y"] = (df["Label"] == "SUBJ").astype(int)
        out.append(df[["Text", "y"]])
    return out[0], out[1]


def debate_folds(truth: pd.DataFrame, k: int) -> list[list[str]]:
    """Split groundtruth's debates into k folds of about equal sentence count (greedy, deterministic)."""
    sizes = truth.groupby("File_id").size().sort_values(ascending=False)
    folds: list[list[str]] = [[] for _ in range(k)]
    totals = [0] * k
    for file_id, n in sizes.items():
        i = totals.index(min(totals))
        folds[i].append(file_id)
        totals[i] += int(n)
    return [sorted(f) for f in folds]


def write_docbin(texts: list[str], ys: list[int], labels: tuple[str, str], path: Path) -> Path:
    """One Doc per text with `cats` {labels[0]: y, labels[1]: 1 - y}."""
    nlp = spacy.blank("en")
    db = DocBin()
    for doc, y in zip(nlp.pipe(texts, batch_size=1000), ys):
        doc.cats = {labels[0]: float(y), labels[1]: float(1 - y)}
        db.add(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return path
