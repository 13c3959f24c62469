"""The two CheckThat! dev sets used to select and calibrate (never to train a shipped model), split in
two fixed halves by a hash of the sentence id, plus the unlabelled BBC sentences used for distillation.

- `checkthat-checkworthy/dev-test.tsv`: 318 debate sentences (108 Yes), not in ClaimBuster.
- `checkthat-subjectivity/dev_en.tsv`: 462 news sentences (240 SUBJ), CC BY-NC-SA 4.0: validation
  and calibration only.

Half "select" (sha256(id) even) chooses models, thresholds and calibrators; half "report" (odd) is
only ever scored. The halves were fixed before any error was looked at.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re

import pandas as pd

from data import DATA_DIR


def half_of(sentence_id: object) -> str:
    """'select' or 'report', by the parity of the first byte of sha256 of the id."""
    return "select" if hashlib.sha256(str(sentence_id).encode()).digest()[0] % 2 == 0 else "report"


def load_devtest() -> pd.DataFrame:
    """CheckThat! 2024 check-worthiness dev-test: Text, y (1 = Yes), half."""
    df = pd.read_csv(DATA_DIR / "checkthat-checkworthy" / "dev-test.tsv", sep="\t", quoting=3, dtype=str)
    df["Text"] = df["Text"].astype(str).str.strip()
    df["y"] = (df["class_label"].str.strip() == "Yes").astype(int)
    df["half"] = df["Sentence_id"].map(half_of)
    return df[["Sentence_id", "Text", "y", "half"]]


def load_dev_en() -> pd.DataFrame:
    """CheckThat! 2025 subjectivity dev_en: Text, y (1 = SUBJ), half."""
    df = pd.read_csv(DATA_DIR / "checkthat-subjectivity" / "dev_en.tsv", sep="\t", quoting=3, dtype=str)
    df["Text"] = df["sentence"].astype(str).str.strip()
    df["y"] = (df["label"].str.strip() == "SUBJ").astype(int)
    df["half"] = df["sentence_id"].map(half_of)
    return df[["sentence_id", "Text", "y", "half"]]


def bbc_sentences(n: int, seed: int = 0) -> list[str]:
    """`n` sentences of the BBC articles (a naive split on sentence ends; enough for distillation)."""
    import random

    out: list[str] = []
    with gzip.open(DATA_DIR / "bbc-news" / "bbc_news_2225.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            for para in text.split("\n\n")[1:]:  # the first paragraph is the title
                out += [s.strip() for s in re.split(r"(?<=[.!?\"])\s+(?=[A-Z\"])", para) if len(s.split()) >= 5]
    seen, uniq = set(), []
    for s in out:
        if s not in seen:
            seen.add(s)
            uniq.append(s)
    random.Random(seed).shuffle(uniq)
    return uniq[:n]
