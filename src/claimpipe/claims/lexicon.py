"""The claims stage's word lists, read once from the TOML files in `claimpipe/data/claims/`.

The lists are data so that a user can tune attribution, hedging, negation, claim types and quantities
for a new domain by editing a file, never the code:

- `lexicon.toml`: cues of attribution, speaker nouns, hedges, negation, resolution ([cues], [sources],
  [hedges], [negation], [resolution]);
- `types.toml`: the words behind each claim type ([types.*]);
- `quantities.toml`: number words, scales, currencies and units ([quantities]).

`load_lexicon(path)` lays the TOML file at `path` (the `claims_lexicon` setting) over the packaged
lists: a table there is merged key by key, any other value (a list, a number) replaces the packaged
one. A key the packaged files do not have is an error, except in the tables that map words to values
(`OPEN_TABLES`: a new currency word, a new unit), so a misspelt list name fails instead of being
ignored. Each path is read and parsed once per process; the rules read frozensets and dicts.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

LEXICON_NAME = "claimpipe.claims_lexicon.v1"
PACKAGED_FILES = ("lexicon.toml", "types.toml", "quantities.toml")
# Tables whose keys are words (or nouns, symbols) of the user's choosing, not names of lists.
OPEN_TABLES = frozenset({
    "resolution.descriptions", "quantities.ones", "quantities.tens", "quantities.dozens", "quantities.hundreds",
    "quantities.scales", "quantities.currency_symbols", "quantities.currency_words", "quantities.units",
})


class LexiconError(ValueError):
    """A custom lexicon that does not fit the packaged layout (unknown key, wrong kind of value)."""


@dataclass(frozen=True, slots=True)
class TypeWords:
    """The words behind each claim type (`types.toml`); see `claims.types`."""

    comparative_phrases: tuple[str, ...]  # in file order: the first found come first in the cues
    comparative_verbs: frozenset[str]
    change_verbs: frozenset[str]
    action_change_verbs: frozenset[str]
    change_nouns: frozenset[str]
    plain_superlatives: frozenset[str]
    not_superlatives: frozenset[str]
    quantifiers: frozenset[str]
    not_comparatives: frozenset[str]
    causal_phrases: tuple[str, ...]
    causal_verbs: frozenset[str]
    weak_causal_verbs: frozenset[str]
    predictive_modals: frozenset[str]
    predictive_phrases: tuple[str, ...]
    predictive_verbs: frozenset[str]
    predictive_hedges: frozenset[str]  # the modals and the hedge cues that look ahead
    evaluative_words: frozenset[str]
    adjective_only: frozenset[str]
    negative_judgement_verbs: frozenset[str]
    subjectivity_at_least: float


@dataclass(frozen=True, slots=True)
class QuantityWords:
    """Number words, scales, currencies and units (`quantities.toml`); see `claims.quantities`."""

    ones: dict[str, int]
    tens: dict[str, int]
    dozens: dict[str, int]
    hundreds: dict[str, int]
    scales: dict[str, float]
    currency_symbols: dict[str, str]
    currency_words: dict[str, str]
    units: dict[str, str]
    ordinals: frozenset[str]
    currency_only_scales: frozenset[str]
    after_a: frozenset[str]
    articles: frozenset[str]
    determiners: frozenset[str]
    weights: frozenset[str]
    weight_followers: frozenset[str]
    # derived once here, read for every token of every claim
    number_words: frozenset[str]  # ones | tens
    starters: frozenset[str]  # words a quantity can begin with
    glued: re.Pattern[str]  # a currency symbol glued to the number: "$5bn", "hk$3"
    digit_or_glyph: re.Pattern[str]  # a digit or a one-character currency symbol anywhere in a token


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
    hedge_passives: frozenset[str]  # of those, the ones that hedge as a bare passive ("is expected")
    hedge_adjectives: frozenset[str]
    neg_determiners: frozenset[str]
    neg_pronouns: frozenset[str]
    neg_adverbs: frozenset[str]
    descriptions: dict[str, frozenset[str]]  # head noun -> entity labels it can refer to
    institutions: frozenset[str]
    non_anaphoric: frozenset[str]
    types: TypeWords
    quantities: QuantityWords
    gender_titles: dict[str, str] = field(default_factory=dict)  # "mr" -> "m", "ms" -> "f"
    gender_nouns: dict[str, str] = field(default_factory=dict)  # "spokesman" -> "m", "wife" -> "f"
    abstain: dict[str, float | bool] = field(default_factory=dict)  # [resolution.abstain]
    document_nouns: frozenset[str] = frozenset()  # [sources] heads of sources that are documents
    person_nouns: frozenset[str] = frozenset()  # [resolution.names] "a pianist": someone with no name
    name_heads: frozenset[str] = frozenset()  # [resolution.names] "the court" may repeat "... Court"
    title_abbreviations: dict[str, str] = field(default_factory=dict)  # [resolution.names] "sen." -> "senator"
    described_only: frozenset[str] = frozenset()  # [resolution.names] "the club": only an entity called so
    kind_words: dict[str, frozenset[str]] = field(default_factory=dict)  # [resolution.names] ... or named so
    company_nouns: frozenset[str] = frozenset()  # [resolution.names] "the company", "the firm" ...
    public_bodies: frozenset[str] = frozenset()  # [resolution.names] ... are no "... Commission", "... Exchange"
    national_heads: frozenset[str] = frozenset()  # [resolution.names] "the government": the article's one country
    national_modifiers: frozenset[str] = frozenset()  # [resolution.names] "the federal government" is still the country's

    cue_lemmas: frozenset[str] = frozenset()  # every verb that can be a cue (filled by parse_lexicon)
    raising: frozenset[str] = frozenset()  # "X seems Y": a judgement with no named source
    passive_raising: frozenset[str] = frozenset()  # "X is expected to Y", "X is believed to Y"
    impersonal: frozenset[str] = frozenset()  # "it is clear that ...": an adjective after expletive "it"
    manner: frozenset[str] = frozenset()  # "as he sang": saying as an act, not a cue in an "as" clause


def _words(values: list[str]) -> frozenset[str]:
    return frozenset(v.lower() for v in values)


def _kind_words(table: dict[str, list[str] | str]) -> dict[str, frozenset[str]]:
    """[resolution.names] kind_words: a noun's words, or the name of another noun whose words it shares
    (`paper = "newspaper"`)."""
    return {k.lower(): _words(table[v] if isinstance(v, str) else v) for k, v in table.items()}


def _phrases(values: list[str]) -> tuple[str, ...]:
    """Phrases in file order, lower case, words joined by one space (as the rules join tokens)."""
    return tuple(" ".join(v.lower().split()) for v in values)


def parse_lexicon(data: dict) -> Lexicon:
    """Build a Lexicon from the TOML structure of the packaged files (`packaged_data()`)."""
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
        hedge_passives=_words(hedges["passives"]),
        hedge_adjectives=_words(hedges["adjectives"]),
        neg_determiners=_words(neg["determiners"]),
        neg_pronouns=_words(neg["pronouns"]),
        neg_adverbs=_words(neg["adverbs"]),
        descriptions={k.lower(): frozenset(v) for k, v in res["descriptions"].items()},
        institutions=_words(res["institutions"]["heads"]),
        non_anaphoric=_words(res["non_anaphoric"]["modifiers"]),
        types=parse_type_words(data["types"]),
        quantities=parse_quantity_words(data["quantities"]),
        raising=_words(cues.get("raising", [])),
        passive_raising=_words(cues.get("passive_raising", [])),
        impersonal=_words(cues.get("impersonal", [])),
        manner=_words(cues.get("manner", [])),
        gender_titles=_gender_words(res.get("gender", {}), "titles"),
        gender_nouns=_gender_words(res.get("gender", {}), "nouns"),
        abstain=dict(res.get("abstain", {})),
        document_nouns=_words(data["sources"].get("document_nouns", [])),
        person_nouns=_words(res.get("names", {}).get("person_nouns", [])),
        name_heads=_words(res.get("names", {}).get("heads", [])),
        title_abbreviations={k.lower(): v.lower() for k, v in res.get("names", {}).get("title_abbreviations", {}).items()},
        described_only=_words(res.get("names", {}).get("described_only", [])),
        kind_words=_kind_words(res.get("names", {}).get("kind_words", {})),
        company_nouns=_words(res.get("names", {}).get("company_nouns", [])),
        public_bodies=_words(res.get("names", {}).get("public_bodies", [])),
        national_heads=_words(res.get("names", {}).get("national_heads", [])),
        national_modifiers=_words(res.get("names", {}).get("national_modifiers", [])),
    )


def _gender_words(table: dict, kind: str) -> dict[str, str]:
    male, female = _words(table.get(f"male_{kind}", [])), _words(table.get(f"female_{kind}", []))
    return {**{w: "m" for w in male}, **{w: "f" for w in female}}


def parse_type_words(data: dict) -> TypeWords:
    """The [types.*] tables of `types.toml`."""
    comp, causal, pred, ev = data["comparative"], data["causal"], data["predictive"], data["evaluative"]
    modals = _words(pred["modals"])
    return TypeWords(
        comparative_phrases=_phrases(comp["phrases"]),
        comparative_verbs=_words(comp["verbs"]),
        change_verbs=_words(comp["change_verbs"]),
        action_change_verbs=_words(comp["action_change_verbs"]),
        change_nouns=_words(comp["change_nouns"]),
        plain_superlatives=_words(comp["plain_superlatives"]),
        not_superlatives=_words(comp["not_superlatives"]),
        quantifiers=_words(comp["quantifiers"]),
        not_comparatives=_words(comp["not_comparatives"]),
        causal_phrases=_phrases(causal["phrases"]),
        causal_verbs=_words(causal["verbs"]),
        weak_causal_verbs=_words(causal["weak_verbs"]),
        predictive_modals=modals,
        predictive_phrases=_phrases(pred["phrases"]),
        predictive_verbs=_words(pred["verbs"]),
        predictive_hedges=modals | _words(pred["hedges"]),
        evaluative_words=_words(ev["words"]),
        adjective_only=_words(ev["adjective_only"]),
        negative_judgement_verbs=_words(ev["negative_judgement_verbs"]),
        subjectivity_at_least=float(ev["subjectivity_at_least"]),
    )


def parse_quantity_words(data: dict) -> QuantityWords:
    """The [quantities] tables of `quantities.toml`; checks that every glued symbol is a currency."""
    def table(name: str) -> dict:
        return {k.lower(): v for k, v in data[name].items()}

    ones, tens, dozens, hundreds = table("ones"), table("tens"), table("dozens"), table("hundreds")
    symbols = table("currency_symbols")
    glued = sorted(_words(data["glued_currency"]), key=lambda s: (-len(s), s))  # longest first
    missing = [g for g in glued if g not in symbols]
    if missing:
        raise LexiconError(f"quantities.glued_currency: {', '.join(missing)} not in [quantities.currency_symbols]")
    glyphs = sorted(g for g in glued if len(g) == 1)
    articles = _words(data["articles"])
    return QuantityWords(
        ones=ones, tens=tens, dozens=dozens, hundreds=hundreds,
        scales={k: float(v) for k, v in table("scales").items()},
        currency_symbols=symbols,
        currency_words=table("currency_words"),
        units=table("units"),
        ordinals=_words(data["ordinals"]),
        currency_only_scales=_words(data["currency_only_scales"]),
        after_a=_words(data["after_a"]),
        articles=articles,
        determiners=_words(data["determiners"]),
        weights=_words(data["weights"]),
        weight_followers=_words(data["weight_followers"]),
        number_words=frozenset(ones) | frozenset(tens),
        starters=frozenset(symbols) | frozenset(ones) | frozenset(tens) | frozenset(dozens) | frozenset(hundreds)
        | articles,
        glued=re.compile("^(" + "|".join(re.escape(g) for g in glued) + ")(.+)$"),
        digit_or_glyph=re.compile("[" + re.escape("".join(glyphs)) + r"\d]"),
    )


def packaged_data() -> dict[str, Any]:
    """The packaged files' tables, as one TOML structure (each top-level table lives in one file)."""
    data: dict[str, Any] = {}
    folder = resources.files("claimpipe").joinpath("data/claims")
    for name in PACKAGED_FILES:
        part = tomllib.loads(folder.joinpath(name).read_text(encoding="utf-8"))
        twice = sorted(set(part) & set(data))
        if twice:
            raise LexiconError(f"table [{twice[0]}] is in more than one packaged file ({name})")
        data.update(part)
    return data


def overlay(base: dict[str, Any], custom: dict[str, Any], where: str = "") -> dict[str, Any]:
    """`custom` laid over `base`: tables merged key by key, other values replaced.

    A key `base` does not have is an error outside `OPEN_TABLES`, and so is a value of another kind
    than the one it replaces (a word where a list was)."""
    out = dict(base)
    for key, value in custom.items():
        name = f"{where}.{key}" if where else key
        if key not in base:
            if where not in OPEN_TABLES:
                known = ", ".join(sorted(base))
                raise LexiconError(f"unknown key {name!r} (known here: {known})")
            sample = next(iter(base.values()), None)
            if sample is not None and _kind(value) != _kind(sample):
                raise LexiconError(f"{name} must be {_kind(sample)}, not {_kind(value)}")
            out[key] = value
        elif isinstance(base[key], dict):
            if not isinstance(value, dict):
                raise LexiconError(f"{name} must be a table, not {_kind(value)}")
            out[key] = overlay(base[key], value, name)
        elif _kind(value) != _kind(base[key]):
            raise LexiconError(f"{name} must be {_kind(base[key])}, not {_kind(value)}")
        else:
            out[key] = value
    return out


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a text"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list of texts" if all(isinstance(v, str) for v in value) else "a list"
    return type(value).__name__


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The packaged lexicon, or the TOML file at `path` laid over it (same layout; see the module doc)."""
    if path is None:  # the rules' default, called once per claim: no path work
        return _load(None)
    return _load(str(Path(path).expanduser().resolve()))


@lru_cache(maxsize=8)
def _load(path: str | None) -> Lexicon:
    data = packaged_data()
    if path is not None:
        try:
            custom = tomllib.loads(Path(path).read_text(encoding="utf-8"))
            data = overlay(data, custom)
            return parse_lexicon(data)
        except (OSError, tomllib.TOMLDecodeError, LexiconError) as exc:
            raise LexiconError(f"claims lexicon {path}: {exc}") from exc
    return parse_lexicon(data)
