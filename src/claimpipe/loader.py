"""Load a run's outputs as typed pandas DataFrames.

The tables are read from the JSONL files, which keep the exact text (the CSV files neutralise
formula-like cells for spreadsheets); a run written without JSONL is read from its Parquet files. Each
table's columns and their dtypes come from `claimpipe.tables`: ids and texts are strings, flags
booleans, offsets integers, list columns Python lists.

The loader checks what it reads: a line that is not a JSON object is an `OutputsError` naming the file
and the line, and a table whose row count differs from the manifest's count (a truncated or replaced
file) is an `OutputsError` naming the file.
"""

from __future__ import annotations

import json
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .tables import Table, document_row, tables, unwrap_optional

FRAMES = ("documents", "boilerplate", "mentions", "entities", "claims", "errors", "corpus_entities")
# manifest.json "counts" key -> (table, the file that holds the table's rows)
COUNTED = {"documents": "documents", "claims": "claims", "mentions": "mentions", "entities": "entities",
           "errors": "errors"}


class OutputsError(ValueError):
    """An output file is damaged, truncated, or does not belong to the run its manifest describes."""


@dataclass(repr=False)
class Outputs:
    """The tables of one run. `manifest` is the run's manifest as a dict; `out` the folder read.

    `print(outputs)` shows a short summary: the rows of each table, the run's time and schema_version."""

    documents: pd.DataFrame
    boilerplate: pd.DataFrame
    mentions: pd.DataFrame
    entities: pd.DataFrame
    claims: pd.DataFrame
    errors: pd.DataFrame
    corpus_entities: pd.DataFrame
    manifest: dict[str, Any]
    out: Path | None = field(default=None)

    def __getitem__(self, name: str) -> Any:
        return getattr(self, name)

    def summary(self) -> str:
        """A few lines: where the run is, when it ran, and the rows of each table."""
        m = self.manifest
        where = f" in {self.out}" if self.out is not None else ""
        seconds = m.get("seconds")
        took = f", {seconds:.1f} s" if isinstance(seconds, (int, float)) else ""
        when = f"finished {m['finished_at']}{took}" if m.get("finished_at") else "finish time unknown"
        head = (f"claimpipe outputs{where}: schema_version {m.get('schema_version', '?')}, "
                f"claimpipe {m.get('claimpipe_version', '?')}, {when}")
        rows = "  ".join(f"{name} {len(self[name]):,}" for name in FRAMES)
        return f"{head}\n  {rows}"

    __str__ = summary

    def __repr__(self) -> str:
        return f"<Outputs {self.summary()}>"


def load(out: str | Path) -> Outputs:
    """Read the output folder `out` of `claimpipe run`.

    Raises:
        FileNotFoundError: `out` has no manifest.json (no complete run there), or the run was written
            with neither the jsonl nor the parquet format.
        OutputsError: a file is damaged (a line that is not JSON; the message names the file and line),
            or holds another number of rows than the manifest counts (a truncated file).
    """
    out = Path(out)
    manifest_path = out / "manifest.json"
    if not manifest_path.exists():
        raise FileNotFoundError(f"{out} holds no complete claimpipe run (no manifest.json); run `claimpipe run` first")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise OutputsError(f"{manifest_path} is damaged ({exc}); run `claimpipe run` again") from exc
    t = tables()
    if (out / "documents.jsonl").exists():
        rows, sources = _rows_from_jsonl(out)
    elif (out / "parquet" / "documents").is_dir():
        rows, sources = _rows_from_parquet(out)
    else:
        raise FileNotFoundError(f"{out} holds neither documents.jsonl nor parquet/: the run was written with "
                                "--format csv only; run `claimpipe run` with --format including jsonl or parquet")
    rows["errors"] = list(_jsonl(out / "errors.jsonl")) if (out / "errors.jsonl").exists() else []
    sources["errors"] = out / "errors.jsonl"
    _check_counts(manifest.get("counts") or {}, rows, sources)
    frames = {name: typed(rows[name], t[name]) for name in FRAMES if name != "corpus_entities"}
    return Outputs(**frames, corpus_entities=read_csv_table(out / "corpus_entities.csv", t["corpus_entities"]),
                   manifest=manifest, out=out)


def _rows_from_jsonl(out: Path) -> tuple[dict[str, list[dict[str, Any]]], dict[str, Path]]:
    """Rows of the tables held in documents.jsonl and claims.jsonl, and the file each was read from."""
    docs, boilerplate, mentions, entities = [], [], [], []
    path = out / "documents.jsonl"
    for doc in _jsonl(path):
        boilerplate += [{"doc_id": doc["doc_id"], **b} for b in doc.get("boilerplate", [])]
        mentions += doc.get("mentions", [])
        entities += doc.get("entities", [])
        docs.append(document_row(doc))
    claims = list(_jsonl(out / "claims.jsonl"))
    rows = {"documents": docs, "boilerplate": boilerplate, "mentions": mentions, "entities": entities,
            "claims": claims}
    sources = {name: path for name in rows} | {"claims": out / "claims.jsonl"}
    return rows, sources


def _rows_from_parquet(out: Path) -> tuple[dict[str, list[dict[str, Any]]], dict[str, Path]]:
    import pyarrow.parquet as pq

    names = ("documents", "boilerplate", "mentions", "entities", "claims")
    rows, sources = {}, {}
    for name in names:
        folder = out / "parquet" / name
        try:
            rows[name] = pq.read_table(folder).to_pylist()
        except (OSError, ValueError) as exc:
            raise OutputsError(f"{folder} is damaged ({exc}); run `claimpipe run` again") from exc
        sources[name] = folder
    return rows, sources


def _check_counts(counts: dict[str, Any], rows: dict[str, list[dict[str, Any]]], sources: dict[str, Path]) -> None:
    """Each table holds as many rows as the manifest counts, or OutputsError naming the file."""
    for key, name in COUNTED.items():
        expected = counts.get(key)
        if isinstance(expected, int) and len(rows[name]) != expected:
            raise OutputsError(f"{sources[name]} holds {len(rows[name]):,} {name} rows but manifest.json counts "
                               f"{expected:,}: the file is truncated or from another run; run `claimpipe run` again")


def pandas_dtype(tp: Any) -> str:
    """The pandas dtype of a column type: "int64", "Int64" (int or None), "float64", "bool", "boolean",
    "string", or "list" (a column of Python lists)."""
    inner, optional = unwrap_optional(tp)
    if typing.get_origin(inner) is list:
        return "list"
    return {int: "Int64" if optional else "int64", float: "float64", bool: "boolean" if optional else "bool",
            str: "string"}.get(inner, "object")


def typed(rows: list[dict[str, Any]], table: Table | list[str]) -> pd.DataFrame:
    """A DataFrame with the table's columns first (any extra keys after), each of its table's dtype."""
    if isinstance(table, Table):
        columns, kinds = table.names, {c.name: pandas_dtype(c.type) for c in table.columns}
    else:  # a plain list of names (the former signature): texts
        columns, kinds = list(table), {}
    extra = [k for row in rows[:1] for k in row if k not in columns]
    frame = pd.DataFrame(rows, columns=columns + extra)
    for col in frame.columns:
        frame[col] = _cast(frame[col], kinds.get(col) or _guess(frame[col]))
    return frame


def _guess(series: pd.Series) -> str:
    """The dtype of a column no table names (a key added by a newer claimpipe): lists stay lists."""
    return "object" if any(isinstance(v, (list, dict)) for v in series) else "string"


def _cast(series: pd.Series, kind: str) -> pd.Series:
    if kind == "list":
        return series.map(lambda v: list(v) if isinstance(v, list) else [])
    if kind == "object":
        return series
    return series.astype(kind)


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The objects of a JSONL file; OutputsError naming the file and line of one that is not a JSON object.

    Read as bytes and decoded line by line, so that a bad byte is reported on its own line."""
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, 1):
            try:
                line = raw.decode("utf-8")
                if not line.strip():
                    continue
                obj = json.loads(line)
            except UnicodeDecodeError as exc:
                raise OutputsError(f"{path}, line {number}: not UTF-8 ({exc.reason} at byte {exc.start + 1}); "
                                   "the file is damaged; run `claimpipe run` again") from exc
            except json.JSONDecodeError as exc:
                raise OutputsError(f"{path}, line {number}: not valid JSON ({exc.msg} at column {exc.colno}); "
                                   "the file is damaged or truncated; run `claimpipe run` again") from exc
            if not isinstance(obj, dict):
                raise OutputsError(f"{path}, line {number}: a JSON {type(obj).__name__}, not an object; "
                                   "the file is damaged; run `claimpipe run` again")
            yield obj


def read_csv_table(path: Path, table: Table) -> pd.DataFrame:
    """A table from its CSV file, typed: lists split on "|", the CSV's formula guard undone."""
    if not path.exists():
        return typed([], table)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    kinds = {c.name: pandas_dtype(c.type) for c in table.columns}
    rows = frame.to_dict("records")
    for row in rows:
        for k, v in row.items():
            kind = kinds.get(k)
            if kind == "list":
                row[k] = v.split("|") if v else []
            elif kind in ("int64", "Int64"):
                row[k] = int(v) if v != "" else None
            elif kind == "float64":
                row[k] = float(v) if v != "" else float("nan")
            elif kind in ("bool", "boolean"):
                row[k] = v == "true" if v != "" else None
            elif v.startswith("'") and v[1:2] in ("=", "+", "-", "@", "\t", "\r"):
                row[k] = v[1:]  # undo the CSV's formula guard; names never start with an apostrophe
    return typed(rows, table)
