"""The claims stage's word lists, read once from `claimpipe/data/claims/lexicon.toml`.

The lists are data so that a user can tune attribution, hedging and negation for a new domain by
editing one file (or passing another with `load_lexicon(path)`), never the code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

LEXICON_NAME = "claimpipe.claims_lexicon.v1"


@dataclass(frozen=True, slots=True)
class Lexicon:
    speech: frozenset[str]
    volition: frozenset[str]
    stance: frozenset[str]
    phrasal: dict[str, frozenset[str]]  # verb lemma -> particles/prepositions that join the cue
    according_to: tuple[tuple[str, ...], ...]  # token sequences, lower case
    light: tuple[tuple[str, ...], ...]  # lemma sequences ("make", "it", "clear")
    topic_preps: frozenset[str]  # prepositions that give a verb of saying its topic ("spoke about")
    person_object: frozenset[str]  # verbs whose object is the hearer ("told reporters")
    adjectives: frozenset[str]  # stance adjectives after a copula ("is worried that")
    naming: frozenset[str]  # verbs that say what something is ("called the plan a disaster")
    media: frozenset[str]  # nouns of a medium that join a cue ("said in a statement")
    nouns: frozenset[str]  # reporting nouns ("claim", "report") that take a that-clause
    speaker_nouns: frozenset[str]
    modals: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_verbs_with_to: frozenset[str]
    hedge_adjectives: frozenset[str]
    neg_determiners: frozenset[str]
    neg_pronouns: frozenset[str]
    neg_adverbs: frozenset[str]
    descriptions: dict[str, frozenset[str]]  # head noun -> entity labels it can refer to
    institutions: frozenset[str]
    non_anaphoric: frozenset[str]
    gender_titles: dict[str, str] = field(default_factory=dict)  # "mr" -> "m", "ms" -> "f"
    gender_nouns: dict[str, str] = field(default_factory=dict)  # "spokesman" -> "m", "wife" -> "f"
    abstain: dict[str, float | bool] = field(default_factory=dict)  # [resolution.abstain]

    cue_lemmas: frozenset[str] = frozenset()  # every verb that can be a cue (filled by parse_lexicon)
    raising: frozenset[str] = frozenset()  # "X seems Y": a judgement with no named source
    passive_raising: frozenset[str] = frozenset()  # "X is expected to Y", "X is believed to Y"
    impersonal: frozenset[str] = frozenset()  # "it is clear that ...": an adjective after expletive "it"
    manner: frozenset[str] = frozenset()  # "as he sang": saying as an act, not a cue in an "as" clause


def _words(values: list[str]) -> frozenset[str]:
    return frozenset(v.lower() for v in values)


def parse_lexicon(data: dict) -> Lexicon:
    """Build a Lexicon from the TOML structure of `lexicon.toml`."""
    cues, hedges, neg, res = data["cues"], data["hedges"], data["negation"], data["resolution"]
    phrasal: dict[str, set[str]] = {}
    for phrase in cues["phrasal"]:
        verb, *rest = phrase.lower().split()
        phrasal.setdefault(verb, set()).add(" ".join(rest))
    speech, volition, stance = _words(cues["speech"]), _words(cues["volition"]), _words(cues["stance"])
    light = tuple(tuple(p.lower().split()) for p in cues["light"])
    return Lexicon(
        cue_lemmas=speech | volition | stance | frozenset(phrasal) | frozenset(p[0] for p in light),
        speech=_words(cues["speech"]),
        volition=_words(cues["volition"]),
        stance=_words(cues["stance"]),
        phrasal={k: frozenset(v) for k, v in phrasal.items()},
        according_to=tuple(tuple(p.lower().split()) for p in cues["according_to"]),
        light=light,
        nouns=_words(cues["nouns"]),
        adjectives=_words(cues["adjectives"]),
        media=_words(cues["media"]),
        naming=_words(cues["naming"]),
        person_object=_words(cues["person_object"]),
        topic_preps=_words(cues["topic_prepositions"]),
        speaker_nouns=_words(data["sources"]["speaker_nouns"]),
        modals=_words(hedges["modals"]),
        hedge_adverbs=_words(hedges["adverbs"]),
        hedge_verbs_with_to=_words(hedges["verbs_with_to"]),
        hedge_adjectives=_words(hedges["adjectives"]),
        neg_determiners=_words(neg["determiners"]),
        neg_pronouns=_words(neg["pronouns"]),
        neg_adverbs=_words(neg["adverbs"]),
        descriptions={k.lower(): frozenset(v) for k, v in res["descriptions"].items()},
        institutions=_words(res["institutions"]["heads"]),
        non_anaphoric=_words(res["non_anaphoric"]["modifiers"]),
        raising=_words(cues.get("raising", [])),
        passive_raising=_words(cues.get("passive_raising", [])),
        impersonal=_words(cues.get("impersonal", [])),
        manner=_words(cues.get("manner", [])),
        gender_titles=_gender_words(res.get("gender", {}), "titles"),
        gender_nouns=_gender_words(res.get("gender", {}), "nouns"),
        abstain=dict(res.get("abstain", {})),
    )


def _gender_words(table: dict, kind: str) -> dict[str, str]:
    male, female = _words(table.get(f"male_{kind}", [])), _words(table.get(f"female_{kind}", []))
    return {**{w: "m" for w in male}, **{w: "f" for w in female}}


@lru_cache(maxsize=4)
def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The packaged lexicon, or the TOML file at `path` (same layout)."""
    if path is None:
        text = resources.files("claimpipe").joinpath("data/claims/lexicon.toml").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return parse_lexicon(tomllib.loads(text))
