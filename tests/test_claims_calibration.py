"""The calibrated confidence of a resolved word and the floor a rewrite must reach (claims/calibration.py)."""

from __future__ import annotations

import dataclasses
import json
import math

import pytest

from claimpipe.claims import Resolver, entities_from_doc
from claimpipe.claims.calibration import DEFAULT_PATH, FEATURES, ReferenceCalibration, load_calibration
from claimpipe.claims.lexicon import load_lexicon
from claimpipe.claims.testing import doc_from_table


from .test_claims import claims_of, cleaned_of, doc_entities
from .test_claims_binding import POSSESSIVE, VOCAB  # "Microsoft unveiled its engine.": grammar binds "its"

def _resolver(floor: float) -> tuple:
    doc = doc_from_table(VOCAB, POSSESSIVE)
    mentions, entities = entities_from_doc(doc, doc_id="d")
    lexicon = load_lexicon()
    lexicon = dataclasses.replace(lexicon, abstain={**lexicon.abstain, "min_confidence": floor})
    return doc, Resolver(doc, mentions, entities, lexicon=lexicon)


def test_calibration_is_the_logistic_of_its_weights() -> None:
    weights = [0.0] * len(FEATURES)
    weights[FEATURES.index("it_scored")] = -1.0
    calibration = ReferenceCalibration(tuple(weights), 1.0, read_confidence=0.9)
    features = dict.fromkeys(FEATURES, 0.0)
    assert calibration.probability(features) == pytest.approx(1 / (1 + math.exp(-1.0)))  # 0.731
    assert calibration.probability({**features, "it_scored": 1.0}) == 0.5


def test_calibration_file_must_name_this_versions_features(tmp_path) -> None:
    assert len(load_calibration().coefficients) == len(FEATURES)
    shipped = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    bad = tmp_path / "calibration.json"
    bad.write_text(json.dumps({**shipped, "features": list(reversed(FEATURES))}), encoding="utf-8")
    with pytest.raises(ValueError, match="features"):
        load_calibration(str(bad))


def test_a_pick_below_the_floor_is_left_as_written_and_kept_for_audit() -> None:
    doc, resolver = _resolver(floor=0.0)
    [(i, eid)] = resolver.resolved.items()
    p = resolver.probability[i]
    assert doc[i].text == "its" and resolver.name(eid) == "Microsoft" and 0.5 < p < 1.0
    assert [r.confidence for r in resolver.replacements(0, len(doc.text))] == [round(p, 3)]
    doc, resolver = _resolver(floor=p + 0.001)  # the same pick, a floor just above it
    assert resolver.resolved == {} and resolver.replacements(0, len(doc.text)) == []
    assert {doc[i].text: resolver.name(e) for i, e in resolver.doubtful.items()} == {"its": "Microsoft"}
    assert resolver.entity_of(doc[i]) is None  # nor is it anyone's subject or speaker


def test_words_that_point_at_the_entity_take_their_share_right(nlp) -> None:
    # "a Kazakh company ... The company": the article called ERG a company; "the Kazakh state" names Kazakhstan:
    # not scored by the regression; they take the share of such picks right on the tune parts (29 of 31, Laplace)
    text = ("Kazakhstan exports metals. One prominent example is the Eurasian Resources Group, a Kazakh company that "
            "exports iron ore. The company, which is 40% owned by the Kazakh state, has seen its sales fall.")
    _, claims = claims_of(nlp, text)
    assert [(r.original, r.replacement, r.confidence) for r in claims[-1].rewrites] == [
        ("The company", "Eurasian Resources Group", load_calibration().read_confidence),
        ("the Kazakh state", "Kazakhstan", load_calibration().read_confidence)]
    assert load_calibration().read_confidence == 0.921


def test_a_pick_above_the_floor_is_written_in_with_its_probability(nlp) -> None:
    # grammar binds "its" to the subject; "the company" is the one organisation in reach, the subject before
    text = ("Northfield Steel raised its prices on Monday. Chief executive Robert Kane said the company would pass "
            "some of the costs on to its customers.")
    _, claims = claims_of(nlp, text)
    assert [[(r.original, r.replacement, r.confidence) for r in c.rewrites] for c in claims] == [
        [("its", "Northfield Steel's", 0.986)], [("the company", "Northfield Steel", 0.986)]]


KENYA = "Kenya hosted talks with the IMF on Monday. Kenya has debts. Its government said the deal was good."


def test_a_pick_that_leans_on_a_guess_is_no_surer_than_it(nlp, floor_at) -> None:
    # "Its government" acts for whatever "Its" is: no surer than that guess, and gone with it (from a review)
    doc = nlp(KENYA)
    mentions, entities = doc_entities(doc, doc_id="d", cleaned=cleaned_of(KENYA, None))
    resolver = Resolver(doc, mentions, entities)
    its, government = (next(t.i for t in doc if t.text == w) for w in ("Its", "government"))
    assert resolver.antecedent[government] == its
    assert resolver.probability[government] == resolver.probability[its] < 1.0
    _, claims = claims_of(nlp, KENYA)
    assert (claims[-1].speaker, claims[-1].speaker_entity_id != "") == ("Its government", True)
    _, claims = claims_of(nlp, KENYA, settings=floor_at(round(resolver.probability[its] + 0.001, 3)))
    assert (claims[-1].speaker, claims[-1].speaker_entity_id, claims[-1].speaker_confidence) == ("Its government", "", None)
    assert claims[-1].standalone_text == "Its government said the deal was good."


def test_a_doubtful_government_leaves_the_speaker_as_written(nlp, floor_at) -> None:
    # "The government" below the floor is no one; nor is Tony Blair, who only accompanies it (from a review)
    text = "Britain will host the summit in July. The government, with Tony Blair, said the talks would go ahead."
    _, claims = claims_of(nlp, text)
    assert (claims[-1].speaker, claims[-1].speaker_kind) == ("the British government", "organisation")
    _, claims = claims_of(nlp, text, settings=floor_at(0.9999))
    assert (claims[-1].speaker, claims[-1].speaker_entity_id, claims[-1].speaker_kind) == (
        "The government, with Tony Blair", "", "")
