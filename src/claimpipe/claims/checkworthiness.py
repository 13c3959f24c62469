"""Check-worthiness: how much a fact-checker would want to check a claim, and why.

`CheckworthinessScorer` wraps two small spaCy text classifiers shipped in
`claimpipe/data/checkworthiness/` (trained by `training/train_checkworthiness.py`; see
`docs/model-card.md`):

- `cfs/`: check-worthy factual sentence vs the rest, trained on the ClaimBuster debates;
- `subjectivity/`: opinion (SUBJ) vs fact (OBJ), trained on NewsSD-ENG; it decides `evaluative`.

Scoring only: `score_documents` runs the two classifiers once over a whole batch's claims, and
`score_claims` turns a Doc's share into each Claim's `checkworthiness` and `checkworthiness_reasons`
after `claims.types.type_claims` has typed them. The check-worthiness is the classifier's probability,
moved by the features of the claim (numbers, named entities, comparison, causation, prediction,
opinion) with the weights in `meta.json`; the reasons list those features, then the model score.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..blas import use_numpy_blas
from ..records import Claim
from .types import claim_cues, evaluative_cues

DEFAULT_PATH = Path(__file__).parent.parent / "data" / "checkworthiness"
CW_LABEL = "CHECKWORTHY"
SUBJ_LABEL = "SUBJ"
# entity types that make a claim about something a fact-checker can look up
CHECKABLE_ENTS = ("PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "EVENT", "LAW", "PRODUCT")
MAX_REASONS = 5  # feature reasons before the model score
# Policy, not fitted: an opinion with nothing checkable in it is never check-worthy by the 0.5 line and
# ranks below claims that state a number, comparison, cause or prediction (issue #6).
OPINION_DISCOUNT = 0.5
MAX_STRINGS = 500_000  # words the classifiers' vocab may collect in a long run before it is reloaded


FEATURES = ("quantity", "entity", "comparative", "causal", "predictive", "opinion_only", "attributed")
CONTENT_TYPES = ("quantitative", "comparative", "causal", "predictive")


@dataclass(frozen=True, kw_only=True)
class Combination:
    """How the classifier's probability and the claim's features make the final score.

    final = sigmoid(bias + model * logit(p_model) + the weights of the features present), a logistic
    regression fitted by `training/train_checkworthiness.py` on out-of-fold classifier scores
    (stored in `meta.json`), then multiplied by `opinion_discount` for an opinion-only claim. The
    identity (model=1, the rest 0) keeps the classifier's probability.
    """

    bias: float = 0.0
    model: float = 1.0
    weights: dict[str, float] = field(default_factory=dict)
    opinion_discount: float = OPINION_DISCOUNT

    def apply(self, p: float, features: dict[str, bool]) -> float:
        z = self.bias + self.model * _logit(p) + sum(self.weights.get(k, 0.0) for k, on in features.items() if on)
        score = 1.0 / (1.0 + math.exp(-z))
        return score * self.opinion_discount if features.get("opinion_only") else score


@dataclass(kw_only=True)
class CheckworthinessScorer:
    """The shipped check-worthiness and subjectivity classifiers, with their settings."""

    nlp: Language
    subjectivity_nlp: Language | None = None
    threshold: float = 0.5  # raw model probability at which a sentence counts as check-worthy
    subjectivity_threshold: float = 0.5
    combination: Combination = field(default_factory=Combination)
    meta: dict = field(default_factory=dict)
    batch_size: int = 256
    path: Path | None = None

    @classmethod
    def load(cls, path: str | Path | None = None) -> "CheckworthinessScorer":
        """Load the classifiers from `path` (default: the model shipped in the package)."""
        root = Path(path) if path is not None else DEFAULT_PATH
        meta_path = root / "meta.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        nlp = use_numpy_blas(spacy.load(root / "cfs"))
        subj_dir = root / "subjectivity"
        # one vocab for both, so that a claim is tokenized once for the two classifiers
        subj = use_numpy_blas(spacy.load(subj_dir, vocab=nlp.vocab)) if subj_dir.exists() else None
        return cls(
            nlp=nlp,
            subjectivity_nlp=subj,
            threshold=float(meta.get("threshold", 0.5)),
            subjectivity_threshold=float(meta.get("subjectivity_threshold", 0.5)),
            combination=Combination(**meta.get("combination", {})),
            meta=meta,
            path=root,
        )

    def score(self, texts: list[str]) -> list[float]:
        """The classifier's probability (0..1) that each text is a check-worthy factual claim."""
        return _cats(self.nlp, texts, CW_LABEL, self.batch_size)

    def subjectivity(self, texts: list[str]) -> list[float] | None:
        """Probability that each text gives an opinion; None when no subjectivity model is shipped."""
        if self.subjectivity_nlp is None:
            return None
        return _cats(self.subjectivity_nlp, texts, SUBJ_LABEL, self.batch_size)

    def score_both(self, texts: list[str | Span]) -> tuple[list[float], list[float] | None]:
        """`score(texts)` and `subjectivity(texts)` with one tokenization. A Span is not tokenized
        again: its tokens are copied (the same English tokenizer rules made them)."""
        if self.subjectivity_nlp is None:
            return self.score([t if isinstance(t, str) else t.text for t in texts]), None
        # No memory zone here: it would drop and rebuild every word's lexeme on each call, which costs
        # more than the classifiers. The vocab's growth is bounded by reloading past MAX_STRINGS.
        vocab = self.nlp.vocab
        docs = [
            self.nlp.make_doc(t) if isinstance(t, str)
            else Doc(vocab, words=[w.text for w in t], spaces=[bool(w.whitespace_) for w in t])
            for t in texts
        ]
        for nlp in (self.nlp, self.subjectivity_nlp):
            for _, component in nlp.pipeline:
                docs = list(component.pipe(docs, batch_size=self.batch_size))
        result = [float(d.cats[CW_LABEL]) for d in docs], [float(d.cats[SUBJ_LABEL]) for d in docs]
        if len(self.nlp.vocab.strings) > MAX_STRINGS and self.path is not None:
            fresh = CheckworthinessScorer.load(self.path)
            self.nlp, self.subjectivity_nlp = fresh.nlp, fresh.subjectivity_nlp
        return result


def claim_features(span: Span, types: list[str], cues: dict[str, list[str]] | None = None, *,
                   doc_ents: tuple[Span, ...] | None = None) -> tuple[dict[str, bool], list[str]]:
    """The features that move the score, and the reasons a user reads, in order of weight.

    `doc_ents` (the Doc's `ents`, read once) saves reading them for every claim of a long Doc."""
    cues = claim_cues(span) if cues is None else cues
    reasons = [f"number: {q}" for q in cues["quantitative"]]
    in_span = span.ents if doc_ents is None else [e for e in doc_ents if span.start <= e.start and e.end <= span.end]
    ents = _dedupe(e.text for e in in_span if e.label_ in CHECKABLE_ENTS)
    reasons += [f"named entity: {e}" for e in ents]
    reasons += [f"comparison: {c}" for c in cues["comparative"][:2]]
    reasons += [f"causation: {c}" for c in cues["causal"][:2]]
    if "predictive" in types:
        reasons += [f"prediction: {c}" for c in cues["predictive"][:1]]
    if "evaluative" in types:
        reasons += [f"opinion: {c}" for c in evaluative_cues(span)[:1]] or ["opinion"]
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


Scores = tuple[list[float], list[float] | None]


def score_claims(doc: Doc, claims: list[Claim], spans: list[Span | None], scores: Scores, *,
                 scorer: CheckworthinessScorer, cues: list[dict[str, list[str]]]) -> None:
    """Fill each claim's `checkworthiness` and `checkworthiness_reasons` in place.

    `scores`: the classifiers' probabilities for these claims (`score_documents`); `cues`: each claim's
    type cues, from `claims.types.type_claims`, which must have typed the claims first."""
    doc_ents = doc.ents
    probs = scores[0]
    for k, (claim, span) in enumerate(zip(claims, spans)):
        features, reasons = claim_features(doc[0:0] if span is None else span, claim.claim_types, cues[k],
                                           doc_ents=doc_ents)
        final = scorer.combination.apply(probs[k], features)
        claim.checkworthiness = round(min(1.0, max(0.0, final)), 4)
        claim.checkworthiness_reasons = reasons[:MAX_REASONS] + [f"model score {probs[k]:.2f}"]


def score_documents(scorer: CheckworthinessScorer, documents: list[tuple[Doc, list[Claim]]]) -> list[Scores]:
    """The classifiers' probabilities for the claims of many documents, in one batch: the classifiers
    cost a third more when fed one article's dozen claims at a time."""
    inputs: list[str | Span] = []
    for doc, claims in documents:
        inputs += classifier_inputs(claims, claim_spans(doc, claims))
    probs, subj = scorer.score_both(inputs) if inputs else ([], None)
    out, start = [], 0
    for _, claims in documents:
        end = start + len(claims)
        out.append((probs[start:end], None if subj is None else subj[start:end]))
        start = end
    return out


def claim_spans(doc: Doc, claims: list[Claim]) -> list[Span | None]:
    return [doc.char_span(c.start_char, c.end_char, alignment_mode="expand") for c in claims]


def classifier_inputs(claims: list[Claim], spans: list[Span | None]) -> list[str | Span]:
    """The claim's span (tokens reused), or its text when its offsets do not fall inside the Doc."""
    return [c.text if s is None else s for c, s in zip(claims, spans)]


def _cats(nlp: Language, texts: list[str], label: str, batch_size: int) -> list[float]:
    # a memory zone keeps the classifier's vocab from growing with every new word of a long run
    with nlp.memory_zone():
        return [float(doc.cats[label]) for doc in nlp.pipe(texts, batch_size=batch_size)]


def _logit(p: float) -> float:
    p = min(1 - 1e-6, max(1e-6, p))
    return math.log(p / (1 - p))


def _dedupe(items) -> list[str]:
    seen, out = set(), []
    for item in items:
        if item.lower() not in seen:
            seen.add(item.lower())
            out.append(item)
    return out
