"""The claims stage's last steps for one Doc: type each claim, then score it.

`doc_claims` (build.py) finds the claims, their structure, attribution and stand-alone text; the
classifiers then score a whole batch's claims in one call (`checkworthiness.score_documents`); here each
Doc's claims are typed (`types.type_claims`, which reads the subjectivity score) and given their final
check-worthiness (`checkworthiness.score_claims`, which reads the types).
"""

from __future__ import annotations

from contextlib import nullcontext
from typing import Any

from spacy.tokens import Doc

from ..records import Claim
from .checkworthiness import CheckworthinessScorer, Scores, claim_spans, score_documents, score_claims
from .context import claims_context
from .lexicon import Lexicon
from .types import type_claims


def enrich_claims(doc: Doc, claims: list[Claim], *, scorer: CheckworthinessScorer, scores: Scores | None = None,
                  lexicon: Lexicon | None = None, timer: Any = None) -> None:
    """Fill each claim's quantities, claim_types, checkworthiness and checkworthiness_reasons in place.

    `scores`: the classifiers' probabilities for these claims, when the caller scored many documents'
    claims in one call (`score_documents`); computed here when None. `lexicon`: the word lists (the
    `claims_lexicon` setting's, else the packaged ones). `timer`: anything with a `stage(name)` context
    (the run's), so that typing and scoring are timed apart ("types", "checkworthiness")."""
    if not claims:
        return
    if scores is None:
        scores = score_documents(scorer, [(doc, claims)])[0]
    stage = timer.stage if timer is not None else (lambda name: nullcontext())
    with claims_context(doc):
        spans = claim_spans(doc, claims)
        with stage("types"):
            cues = type_claims(doc, claims, spans, subjectivity=scores[1], threshold=scorer.subjectivity_threshold,
                               lexicon=lexicon)
        with stage("checkworthiness"):
            score_claims(doc, claims, spans, scores, scorer=scorer, cues=cues, lexicon=lexicon)
