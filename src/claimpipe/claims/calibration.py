"""A calibrated confidence for each resolved pronoun or description, and the floor a rewrite must reach.

The resolver's rules pick an entity or abstain; how often a pick is right still varies with what was
around it: an "it" the scored pass chose is right about two times in three, a "he" bound by grammar to
the topic person of the article nearly always. `reference_features` describes one pick by the evidence
the resolver had (which rule chose it, how far back and how often the entity was named, how many others
of its kind were named in between, whether it is the article's main person or organisation ...), and
`ReferenceCalibration` turns that into the probability that the pick is right: a logistic regression
fitted on the judged rewrites of the blind reference set's tune parts (`training/train_reference_calibration.py`,
cross-validated part by part; `docs/claims.md` has the figures). A pick below `[resolution.abstain]
min_confidence` (`lexicon.toml`) is left as written (`Resolver.doubtful` keeps it for audit).
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .reference_rules import IT_PRONOUNS, PERSON_PRONOUNS, PRONOUN_GENDER, REFLEXIVES, THEY_PRONOUNS

# The functions below read a `resolve.Resolver` (not imported: it imports this module).
Resolver = Any

DEFAULT_PATH = Path(__file__).parent.parent / "data" / "claims" / "reference_calibration.json"

# In this order in the shipped file. The reference class is a he/she that grammar binds.
FEATURES = (
    "it_scored", "it_grammar", "person_scored", "they", "description", "description_by_name", "description_sure",
    "far", "distance", "others_between", "log_mentions", "one_mention", "gender_known", "in_quote", "subject",
    "possessive", "margin", "candidates", "organisation", "main_entity", "rank", "same_gender_entities",
    "last_named_as_subject", "sentence_start", "share", "named_before", "chained",
)


@dataclass(frozen=True)
class ReferenceCalibration:
    """Logistic-regression weights over `FEATURES`, and the share right of the picks `read_not_guessed` keeps."""

    coefficients: tuple[float, ...]
    intercept: float
    read_confidence: float

    def probability(self, features: dict[str, float]) -> float:
        z = self.intercept + sum(c * features[name] for c, name in zip(self.coefficients, FEATURES))
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=4)
def load_calibration(path: str | None = None) -> ReferenceCalibration:
    data = json.loads(Path(path or DEFAULT_PATH).read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path or DEFAULT_PATH}: its features are not this version's {FEATURES}")
    return ReferenceCalibration(tuple(data["coefficients"]), float(data["intercept"]), float(data["read_confidence"]))


def calibrate(resolver: Resolver, floor: float, path: str | None = None) -> None:
    """Give each of the resolver's picks its probability of being right, and move those below `floor` from
    `resolved` to `doubtful` (the words stay as written). A pick that leans on a word that was itself resolved
    ("It went on to win" after a guessed "its"; "Its government") is no surer than that word."""
    if not resolver.resolved:
        return
    calibration = load_calibration(path)
    evidence = ArticleEvidence(resolver)
    for i in sorted(resolver.resolved):
        eid = resolver.resolved[i]
        how = how_chosen(resolver, i, eid)
        p = 1.0 if how == "named" else calibration.read_confidence if how == "read" else \
            calibration.probability(reference_features(evidence, i, eid))
        leans_on = resolver.antecedent.get(i)
        if leans_on in resolver.probability:
            p = min(p, resolver.probability[leans_on])
        resolver.probability[i] = p
        if p < floor:
            resolver.doubtful[i] = resolver.resolved.pop(i)
            for chosen_by in (resolver.institutional, resolver.national, resolver.by_name, resolver.aged):
                chosen_by.discard(i)


class ArticleEvidence:
    """What is read once per article: where each entity is named, and how often each kind is."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.named = sorted(resolver.token_entity.items())  # (token index, entity) of every named token
        self.named_at = [i for i, _ in self.named]
        self.places: dict[str, list[int]] = {}
        for i, eid in self.named:
            self.places.setdefault(eid, []).append(i)
        freq = resolver.freq
        self.by_class: dict[bool, list[str]] = {True: [], False: []}
        for eid, ent in resolver.entities.items():
            if freq[eid] > 0:
                self.by_class[ent.label == "PERSON"].append(eid)
        for eids in self.by_class.values():
            eids.sort(key=lambda e: -freq[e])  # stable: ties keep the entities' order
        # the sentences where each entity is named as a subject ("Eurasian Resources Group (ERG) reported")
        self.subject_sents: dict[str, set[int]] = {}
        for ref in resolver.refs:
            if ref.subject and ref.head in resolver.token_entity:
                self.subject_sents.setdefault(ref.entity_id, set()).add(ref.sent)

    def is_person(self, eid: str) -> bool:
        ent = self.resolver.entities.get(eid)
        return ent is not None and ent.label == "PERSON"


def reference_features(evidence: ArticleEvidence, i: int, eid: str) -> dict[str, float]:
    """The evidence behind resolving token `i` to `eid`, as `FEATURES` (all in 0..1 but the mention count)."""
    r = evidence.resolver
    t = r.doc[i]
    lower = t.lower_
    k = r.sent_of[i]
    person = evidence.is_person(eid)
    places = evidence.places.get(eid, [])
    before = bisect_left(places, i)
    near = places[before - 1] if before else None
    distance = k - r.sent_of[near] if near is not None else 9
    between: set[str] = set()
    if near is not None:
        for j in range(bisect_left(evidence.named_at, near + 1), bisect_left(evidence.named_at, i)):
            other = evidence.named[j][1]
            if other != eid and evidence.is_person(other) == person:
                between.add(other)
    same_class = evidence.by_class[person]
    rank = same_class.index(eid) if eid in same_class else 9
    gender = PRONOUN_GENDER.get(lower)
    compatible = sum(1 for e in same_class if gender is None or r.gender.get(e, gender) == gender)
    total = sum(r.freq[e] for e in same_class) or 1
    picked = r.picked.get(i)
    pronoun = t.pos_ == "PRON"
    first = t if pronoun else t.left_edge  # "The company": the phrase's first word
    leans_on = r.antecedent.get(i)
    grammar = pronoun and picked is None
    ent = r.entities.get(eid)
    return {
        "it_scored": float(pronoun and lower in IT_PRONOUNS and not grammar),
        "it_grammar": float(pronoun and lower in IT_PRONOUNS and grammar),
        "person_scored": float(pronoun and lower in PERSON_PRONOUNS and not grammar and lower not in REFLEXIVES),
        "they": float(pronoun and lower in THEY_PRONOUNS),
        "description": float(not pronoun and i not in r.by_name and i not in r.national and i not in r.aged),
        "description_by_name": float(not pronoun and i in r.by_name),
        "description_sure": float(i in r.national or i in r.aged or (pronoun and lower in REFLEXIVES)),
        "far": float(2 <= distance < 9),
        "distance": min(distance, 5) / 5,
        "others_between": min(len(between), 3) / 3,
        "log_mentions": math.log1p(r.freq[eid]),
        "one_mention": float(r.freq[eid] == 1),
        "gender_known": float(eid in r.gender),
        "in_quote": float(r.quotes.inside(t)),
        "subject": float(t.dep_ in ("nsubj", "nsubjpass")),
        "possessive": float(t.dep_ == "poss"),
        "margin": min(picked[0], 3.0) / 3 if picked is not None else 1.0,
        "candidates": min(picked[1], 4) / 4 if picked is not None else 0.0,
        "organisation": float(ent is not None and ent.label == "ORG"),
        "main_entity": float(rank == 0),
        "rank": min(rank, 4) / 4,
        "same_gender_entities": min(compatible, 5) / 5,
        "last_named_as_subject": float(near is not None and r.sent_of[near] in evidence.subject_sents.get(eid, ())),
        "sentence_start": float(first.i == r.sents[k].start),
        "share": r.freq[eid] / total,
        "named_before": float(near is not None),
        "chained": float(leans_on is not None and leans_on not in r.token_entity),  # leans on a resolved word
    }


def how_chosen(resolver: Resolver, i: int, eid: str) -> str:
    """ "named": an institution of a named owner ("Kazakhstan's government" acts for Kazakhstan), certain;
    "read": what `read_not_guessed` says; "guessed": the rest, which the regression scores."""
    if i in resolver.institutional and resolver.antecedent.get(i) in resolver.token_entity:
        return "named"
    return "read" if read_not_guessed(resolver, i, eid) else "guessed"


def read_not_guessed(resolver: Resolver, i: int, eid: str) -> bool:
    """A description the article's own words point at: "the Kazakh state" is Kazakhstan; "The company" after
    "Eurasian Resources Group, a Kazakh company" is the one the article called a company (14 of 14 right on the
    tune parts). These take `read_confidence`, the share of them right, instead of the regression."""
    t = resolver.doc[i]
    if t.pos_ == "PRON" or i in resolver.institutional:
        return False
    if t.lemma_.lower() in resolver.described.get(eid, ()):
        return True
    ent = resolver.entities.get(eid)
    return ent is not None and bool(ent.kb_id) and any(
        (m := resolver.entities.get(resolver.token_entity.get(c.i, ""))) is not None and m.label == "NORP"
        and m.kb_id == ent.kb_id for c in t.lefts)
