"""Load a run's outputs as typed pandas DataFrames.

The tables are read from the JSONL files, which keep the exact text (the CSV files neutralise
formula-like cells for spreadsheets). Ids are strings, flags booleans, offsets integers, and list
columns Python lists.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .export import (BOILERPLATE_COLUMNS, CLAIM_COLUMNS, CORPUS_ENTITY_COLUMNS, DOCUMENT_COLUMNS, ENTITY_COLUMNS,
                     ERROR_COLUMNS, MENTION_COLUMNS)

INT_COLUMNS = {"n_chars", "n_words", "n_sentences", "n_entities", "n_claims", "n_boilerplate", "boilerplate_chars",
               "source_start", "source_end", "start_char", "end_char", "sentence_index", "n_mentions",
               "n_documents"}
NULLABLE_INT_COLUMNS = {"speaker_start", "speaker_end", "cue_start", "cue_end"}
BOOL_COLUMNS = {"negated", "hedged"}
FLOAT_COLUMNS = {"checkworthiness"}
LIST_COLUMNS = {"aliases", "hedge_cues", "claim_types", "quantities", "entity_ids", "checkworthiness_reasons",
                "headings", "rewrites"}


@dataclass
class Outputs:
    """The tables of one run. `manifest` is the run's manifest as a dict."""

    documents: pd.DataFrame
    boilerplate: pd.DataFrame
    mentions: pd.DataFrame
    entities: pd.DataFrame
    claims: pd.DataFrame
    errors: pd.DataFrame
    corpus_entities: pd.DataFrame
    manifest: dict[str, Any]

    def __getitem__(self, name: str) -> Any:
        return getattr(self, name)


def load(out: str | Path) -> Outputs:
    """Read the output folder `out` of `claimpipe run`.

    Raises:
        FileNotFoundError: `out` has no manifest.json (no complete run there).
    """
    out = Path(out)
    manifest_path = out / "manifest.json"
    if not manifest_path.exists():
        raise FileNotFoundError(f"{out} holds no complete claimpipe run (no manifest.json); run `claimpipe run` first")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    docs, boilerplate, mentions, entities = [], [], [], []
    for doc in _jsonl(out / "documents.jsonl"):
        boilerplate += [{"doc_id": doc["doc_id"], **b} for b in doc.get("boilerplate", [])]
        mentions += doc.get("mentions", [])
        entities += doc.get("entities", [])
        docs.append(_document_row(doc))
    claims = list(_jsonl(out / "claims.jsonl"))
    errors = list(_jsonl(out / "errors.jsonl")) if (out / "errors.jsonl").exists() else []
    corpus_entities = _read_csv_table(out / "corpus_entities.csv", CORPUS_ENTITY_COLUMNS)
    return Outputs(
        documents=typed(docs, DOCUMENT_COLUMNS + ["headings", "text"]),
        boilerplate=typed(boilerplate, BOILERPLATE_COLUMNS),
        mentions=typed(mentions, MENTION_COLUMNS),
        entities=typed(entities, ENTITY_COLUMNS),
        claims=typed(claims, CLAIM_COLUMNS),
        errors=typed(errors, ERROR_COLUMNS),
        corpus_entities=corpus_entities,
        manifest=manifest,
    )


def typed(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    """A DataFrame with the contract's columns first (any extra keys after) and stable dtypes."""
    extra = [k for row in rows[:1] for k in row if k not in columns]
    frame = pd.DataFrame(rows, columns=columns + extra)
    for col in frame.columns:
        frame[col] = _cast(frame[col], col)
    return frame


def _cast(series: pd.Series, name: str) -> pd.Series:
    if name in INT_COLUMNS:
        return series.astype("int64")
    if name in NULLABLE_INT_COLUMNS:
        return series.astype("Int64")
    if name in BOOL_COLUMNS:
        return series.astype("bool")
    if name in FLOAT_COLUMNS:
        return series.astype("float64")
    if name in LIST_COLUMNS:
        return series.map(lambda v: list(v) if isinstance(v, list) else [])
    return series.astype("string")


def _document_row(doc: dict[str, Any]) -> dict[str, Any]:
    text = doc.get("text", "")
    removed = doc.get("boilerplate", [])
    return {k: doc.get(k) for k in ("doc_id", "source", "title", "subtitle", "author", "published", "url",
                                    "format", "site", "sha256", "headings", "text")} | {
        "n_chars": len(text),
        "n_words": doc.get("n_words", len(text.split())),
        "n_sentences": doc.get("n_sentences", 0),
        "n_entities": len(doc.get("entities", [])),
        "n_claims": len(doc.get("claims", [])),
        "n_boilerplate": len(removed),
        "boilerplate_chars": sum(b["source_end"] - b["source_start"] for b in removed),
    }


def _jsonl(path: Path):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _read_csv_table(path: Path, columns: list[str]) -> pd.DataFrame:
    if not path.exists():
        return typed([], columns)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    rows = frame.to_dict("records")
    for row in rows:
        row["aliases"] = row["aliases"].split("|") if row.get("aliases") else []
        for k in ("n_documents", "n_mentions"):
            row[k] = int(row[k])
        for k, v in row.items():  # undo the CSV's formula guard; names never start with an apostrophe
            if isinstance(v, str) and v.startswith("'") and v[1:2] in ("=", "+", "-", "@", "\t", "\r"):
                row[k] = v[1:]
    return typed(rows, columns)
