"""What a run records about itself: the summary it returns and the manifest.json it writes.

The manifest stays small whatever the corpus: the inputs are listed once each, but duplicates are a
count plus the first `MAX_LISTED_DUPLICATES` of them (two million identical JSONL lines made a 262 MB
manifest when every duplicate was listed).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from spacy.language import Language

from . import SCHEMA_VERSION, __version__
from .errors import RunError, short_message
from .settings import Settings

log = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.json"
MAX_LISTED_DUPLICATES = 100


@dataclass
class RunSummary:
    out: Path
    n_inputs: int = 0
    n_documents: int = 0
    n_errors: int = 0
    n_duplicates: int = 0
    n_skipped: int = 0  # files left out for their type (listed in the manifest)
    n_cached: int = 0
    n_claims: int = 0
    n_mentions: int = 0
    n_entities: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)
    previous_documents: int | None = None  # documents of the run this one replaced in `out`, if any

    @property
    def exit_code(self) -> int:
        """0 every input analysed; 1 some inputs failed, or there was no input at all."""
        return 1 if self.n_errors or not self.n_inputs else 0

    @property
    def fewer_documents(self) -> bool:
        """This run left fewer documents in `out` than the run it replaced (a subset, or lost inputs)."""
        return self.previous_documents is not None and self.n_documents < self.previous_documents

    def line(self) -> str:
        cached = f" ({self.n_cached} unchanged, from cache)" if self.n_cached else ""
        skipped = f", {self.n_skipped} other files skipped (see manifest.json)" if self.n_skipped else ""
        return (f"{self.n_documents} documents{cached}, {self.n_claims} claims, {self.n_mentions} mentions, "
                f"{self.n_errors} errors{skipped} in {self.seconds:.1f} s -> {self.out}")

    def fewer_line(self) -> str:
        """The warning for a run that shrank its folder's outputs ("" when it did not)."""
        if not self.fewer_documents:
            return ""
        return (f"this run wrote {self.n_documents} documents to {self.out}, fewer than the "
                f"{self.previous_documents} of the run it replaced there")

    def stage_line(self) -> str:
        """Where the time went, longest stage first: "time per stage: spacy 12.1 s (80%), ..."."""
        total = sum(self.timings.values())
        if not total:
            return "time per stage: none (nothing to analyse)"
        parts = [f"{name} {sec:.1f} s ({sec / total:.0%})"
                 for name, sec in sorted(self.timings.items(), key=lambda kv: (-kv[1], kv[0]))]
        return "time per stage: " + ", ".join(parts)


class Duplicates:
    """Inputs dropped as exact copies of an earlier one: all counted, the first few listed."""

    def __init__(self, max_listed: int | None = None) -> None:
        self.count = 0
        self.listed: list[dict[str, str]] = []
        self.max_listed = MAX_LISTED_DUPLICATES if max_listed is None else max_listed

    def add(self, source: str, duplicate_of: str, doc_id: str) -> None:
        self.count += 1
        if len(self.listed) < self.max_listed:
            self.listed.append({"source": source, "duplicate_of": duplicate_of, "doc_id": doc_id})

    def __len__(self) -> int:
        return self.count


def previous_documents(out: Path) -> int | None:
    """The number of documents the last complete run wrote to `out`, from its manifest; None if there is none
    (or it cannot be read: then there is nothing to compare with)."""
    try:
        manifest = json.loads((Path(out) / MANIFEST_NAME).read_text(encoding="utf-8"))
        return int(manifest["counts"]["documents"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.info("cannot read the previous run's manifest in %s (%s); not comparing counts", out, short_message(exc))
        return None


def model_info(settings: Settings, nlp: Language | None = None) -> dict[str, Any]:
    """Name and version of the model, read from its meta.json without loading the pipeline."""
    from spacy.util import get_model_meta, get_package_path, is_package

    from .annotate import resolve_model

    name = resolve_model(settings.model)
    if nlp is not None:
        meta = nlp.meta
    else:
        try:
            path = get_package_path(name) if is_package(name) else Path(name)
            meta = get_model_meta(path)
        except Exception as exc:
            raise RunError(f"cannot load the spaCy model {name}: {short_message(exc)}; give --model an installed "
                           "package name or a model folder") from exc
    return {"package": name, "name": f"{meta.get('lang', '')}_{meta.get('name', '')}",
            "version": meta.get("version", ""), "spacy_version": meta.get("spacy_version", "")}


def build_manifest(*, settings: Settings, model: dict[str, Any], nlp: Language | None, started: datetime,
                   summary: RunSummary, inputs: list[dict[str, str]], duplicates: Duplicates,
                   engine: str, skipped: list[dict[str, str]] | None = None) -> dict[str, Any]:
    """manifest.json: what ran (versions, model, settings, engine), when, what came in and the counts."""
    import spacy

    nlp_config = ({name: dict(cfg) for name, cfg in nlp.config["components"].items()}
                  if nlp is not None else None)
    return {
        "schema_version": SCHEMA_VERSION,
        "claimpipe_version": __version__,
        "spacy_version": spacy.__version__,
        "model": {**model, "pipeline": list(nlp.pipe_names) if nlp is not None else None},
        "settings": settings.to_dict(),
        "settings_fingerprint": settings.fingerprint(),
        "engine": engine,
        "nlp_config": nlp_config,
        "started_at": started.isoformat(timespec="seconds"),
        "finished_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "complete": True,
        "counts": {"inputs": summary.n_inputs, "documents": summary.n_documents, "errors": summary.n_errors,
                   "duplicates": summary.n_duplicates, "skipped": summary.n_skipped, "cached": summary.n_cached,
                   "claims": summary.n_claims,
                   "mentions": summary.n_mentions, "entities": summary.n_entities},
        "timings": summary.timings,
        "seconds": round(summary.seconds, 3),
        "inputs": inputs,
        "duplicates": duplicates.listed,
        "duplicates_not_listed": duplicates.count - len(duplicates.listed),
        "skipped": skipped or [],
    }
