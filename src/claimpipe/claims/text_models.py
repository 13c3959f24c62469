"""The scorer's small models: a TF-IDF + logistic regression that runs on numpy alone (the same output
as scikit-learn's, which trains it: `training/train_scores.py`) and Platt calibration of a score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

MAX_TERMS = 2  # words of the TF-IDF model named in the reasons

_WORD = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern


@dataclass(frozen=True)
class _Vectorizer:
    """One TF-IDF block (scikit-learn's TfidfVectorizer: lowercase, sublinear tf, l2 norm)."""

    analyzer: str  # "word" or "char_wb"
    ngram: tuple[int, int]
    index: dict[str, int]
    idf: np.ndarray
    offset: int  # where this block's columns start in the model's coefficients

    _word_cache: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)

    def grams(self, text: str) -> list[str]:
        """scikit-learn's word n-grams of `text` (char_wb n-grams are made a word at a time: `_word_grams`)."""
        lo, hi = self.ngram
        toks = _WORD.findall(text.lower())
        return [" ".join(toks[i:i + n]) for n in range(lo, hi + 1) for i in range(len(toks) - n + 1)]

    def _word_grams(self, word: str) -> list[str]:
        lo, hi = self.ngram
        w, out = f" {word} ", []
        for n in range(lo, hi + 1):
            if len(w) <= n:  # a word no longer than n counts once, as in scikit-learn
                out.append(w)
                break
            out += [w[i:i + n] for i in range(len(w) - n + 1)]
        return out

    def columns(self, text: str) -> list[int]:
        """The columns of the known n-grams of `text`, with repeats. char_wb n-grams depend on one word
        only, so each word's columns are cached (most of the cost otherwise)."""
        if self.analyzer == "word":
            return [j for j in map(self.index.get, self.grams(text)) if j is not None]
        cache, out = self._word_cache, []
        if len(cache) > 200_000:  # bound memory over a long run
            cache.clear()
        for w in text.lower().split():  # scikit-learn joins white space runs first: split() does the same
            cols = cache.get(w)
            if cols is None:
                cols = cache[w] = [j for j in map(self.index.get, self._word_grams(w)) if j is not None]
            out += cols
        return out


@dataclass(frozen=True)
class LinearTextModel:
    """TF-IDF n-grams + logistic regression in numpy, exported from scikit-learn by training/train_scores.py."""

    blocks: tuple[_Vectorizer, ...]
    terms: tuple[str, ...]  # column -> n-gram, for the reasons
    coef: np.ndarray
    intercept: float

    @classmethod
    def load(cls, path: Path) -> "LinearTextModel":
        z = np.load(path, allow_pickle=False)
        blocks, terms, offset = [], [], 0
        for i, (analyzer, ngram) in enumerate(zip(z["analyzers"], z["ngram"])):
            names = [str(t) for t in z[f"terms{i}"]]
            blocks.append(_Vectorizer(str(analyzer), (int(ngram[0]), int(ngram[1])),
                                      {t: j for j, t in enumerate(names)}, z[f"idf{i}"].astype(np.float64), offset))
            terms += names
            offset += len(names)
        return cls(tuple(blocks), tuple(terms), z["coef"].astype(np.float64), float(z["intercept"][0]))

    def logit(self, text: str) -> float:
        return float(self.logits([text])[0])

    def logits(self, texts: list[str]) -> np.ndarray:
        """The model's logit for each text, the whole batch in a few numpy calls."""
        return self.explain(texts, k=0)[0]

    def explain(self, texts: list[str], k: int = MAX_TERMS) -> tuple[np.ndarray, list[list[str]]]:
        """Each text's logit and (with k > 0) its `top_terms`, computed for the whole batch at once."""
        z = np.full(len(texts), self.intercept)
        tops: list[list[str]] = [[] for _ in texts]
        for b, block in enumerate(self.blocks):
            per_text = [block.columns(t) for t in texts]
            rows = np.repeat(np.arange(len(texts)), [len(c) for c in per_text])
            cols = np.fromiter((j for c in per_text for j in c), dtype=np.int64, count=len(rows))
            width = len(block.index)
            keys, counts = np.unique(rows * width + cols, return_counts=True)
            r, c = keys // width, keys % width
            w = (1.0 + np.log(counts)) * block.idf[c]
            norm = np.sqrt(np.bincount(r, weights=w * w, minlength=len(texts)))
            norm[norm == 0] = 1.0
            share = w * self.coef[c + block.offset] / norm[r]
            z += np.bincount(r, weights=share, minlength=len(texts))
            if k and b == 0:  # the word block: name the n-grams that raised the score most
                keep = (share > 0.05) & self._informative[c]
                r, c, share = r[keep], c[keep], share[keep]
                for i in np.lexsort((-share, r)):
                    if len(tops[r[i]]) < k:
                        term = self.terms[c[i]]
                        if not any(set(term.split()) & set(t.split()) for t in tops[r[i]]):
                            tops[r[i]].append(term)
        return z, tops

    @cached_property
    def _informative(self) -> np.ndarray:
        """Per word-block column: False for n-grams of stop words alone (they tell a reader nothing)."""
        return np.array([not all(w in STOP_WORDS for w in t.split()) for t in self.terms[:len(self.blocks[0].index)]])

    def top_terms(self, text: str, k: int = MAX_TERMS) -> list[str]:
        """The word n-grams that raise the score most (positive share over 0.05, stop-word n-grams left
        out, none overlapping a word of one already named)."""
        return self.explain([text], k)[1][0]


@dataclass(frozen=True)
class Calibrated:
    """A calibrated probability from the mean of its inputs' logits: sigmoid(a * mean + b)."""

    inputs: tuple[str, ...]
    a: float
    b: float
    threshold: float

    @classmethod
    def from_json(cls, d: dict) -> "Calibrated":
        return cls(tuple(d["inputs"]), float(d["platt"][0]), float(d["platt"][1]), float(d["threshold"]))

    def __call__(self, logits: dict[str, np.ndarray]) -> np.ndarray:
        z = np.mean([logits[name] for name in self.inputs], axis=0)
        return 1.0 / (1.0 + np.exp(-(self.a * z + self.b)))
