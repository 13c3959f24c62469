"""One definition of every output table: its name, its columns and their types.

The writer (`export`, `parquet`), the loader and the JSON Schemas all read the tables defined here, and
the tables take their columns from the records in `records.py`: a field added to `Claim` is a column of
claims.jsonl, claims.csv, parquet/claims, `claimpipe.load(...).claims` and claim.schema.json; a field
added to `Article`, `Cleaned` or `DocResult` is a key of each documents.jsonl record and, when it is a
plain value (text, number, flag or list of those), a column of documents.csv too. docs/outputs.md says
how ("Add a column").

A column's type is a Python annotation (`str`, `int | None`, `list[str]`, `list[Quantity]`); each reader
maps it once: `parquet.arrow_type`, `schemas.type_schema`, `loader.pandas_dtype`.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass
from typing import Any

from . import records

FORMATS = ("jsonl", "csv", "parquet")
ALWAYS = "always"  # a file written whatever the formats: errors.jsonl, corpus_entities.csv


@dataclass(frozen=True)
class Column:
    """One column: its name, its type as a Python annotation, and whether the CSV file holds it."""

    name: str
    type: Any
    csv: bool = True


@dataclass(frozen=True)
class Table:
    """One output table and the files that hold it.

    `files` maps a format ("jsonl", "csv", "parquet") to the path in OUT that holds the table in that
    format; `always` names the formats written whatever the run's `--format`.
    """

    name: str
    columns: tuple[Column, ...]
    files: dict[str, str]
    always: tuple[str, ...] = ()
    record: type | None = None  # the dataclass one row is made from, when there is one

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def csv_names(self) -> list[str]:
        return [c.name for c in self.columns if c.csv]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(f"{self.name} has no column {name!r}")


def exported_fields(cls: type) -> list[dataclasses.Field]:
    """The fields of a record that the outputs hold (all but those marked `NOT_EXPORTED`)."""
    return [f for f in dataclasses.fields(cls) if f.metadata.get("export", True)]


def record_columns(cls: type) -> tuple[Column, ...]:
    """A column per exported field of the dataclass `cls`, in field order, typed by its annotation."""
    hints = typing.get_type_hints(cls)
    return tuple(Column(f.name, hints[f.name]) for f in exported_fields(cls))


def unwrap_optional(tp: Any) -> tuple[Any, bool]:
    """(`X`, True) for `X | None`, else (`tp`, False)."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(args) < len(typing.get_args(tp)):
            return args[0], True
    return tp, False


def is_flat(tp: Any) -> bool:
    """A type a CSV cell can hold: text, number, flag, or a list of those (joined with "|")."""
    inner, _ = unwrap_optional(tp)
    if typing.get_origin(inner) is list:
        (item,) = typing.get_args(inner)
        return item in (str, int, float, bool)
    return inner in (str, int, float, bool)


# ---- documents -----------------------------------------------------------------------------------
# A documents.jsonl record is built from an Article, its Cleaned text and its DocResult. These are the
# fields the fixed part of the record reads; any other exported field of those three records is added
# to the record (and, when flat, to the documents table) by `extra_document_fields`.
CONSUMED_FIELDS = {
    "Article": {"source", "text", "doc_id", "sha256", "format", "title", "subtitle", "author", "published",
                "url", "site", "notes"},
    "Cleaned": {"text", "blocks", "removals", "title", "subtitle", "author", "published", "headings"},
    "DocResult": {"article", "cleaned", "n_sentences", "n_words", "mentions", "entities", "claims"},
}


def _document_classes() -> list[tuple[str, type]]:
    """The records a documents.jsonl record is made from: (role, class), looked up now (tests extend them)."""
    return [("article", records.Article), ("cleaned", records.Cleaned), ("result", records.DocResult)]


def extra_document_fields(classes: list[tuple[str, type]] | None = None) -> list[tuple[str, str, Any]]:
    """(role, field name, type) of each exported field of the document records beyond the fixed record.

    A name met twice (e.g. on Article and on DocResult) is taken from the first record only."""
    out, seen = [], set()
    for role, cls in classes or _document_classes():
        hints = typing.get_type_hints(cls)
        for f in exported_fields(cls):
            if f.name in CONSUMED_FIELDS[_base_name(cls)] or f.name in seen:
                continue
            seen.add(f.name)
            out.append((role, f.name, hints[f.name]))
    return out


def _base_name(cls: type) -> str:
    """The name of the records.py class that `cls` is or extends."""
    for base in cls.__mro__:
        if base.__name__ in CONSUMED_FIELDS:
            return base.__name__
    raise TypeError(f"{cls.__name__} is not a document record")


def document_record_columns() -> tuple[Column, ...]:
    """The keys of a documents.jsonl record, in order, with their types."""
    a, c, r = (typing.get_type_hints(cls) for _, cls in _document_classes())
    head = [Column("doc_id", a["doc_id"]), Column("source", a["source"]), Column("title", a["title"]),
            Column("subtitle", a["subtitle"]), Column("author", a["author"]), Column("published", a["published"]),
            Column("url", a["url"]), Column("headings", c["headings"]), Column("format", a["format"]),
            Column("site", a["site"]), Column("sha256", a["sha256"]), Column("notes", a["notes"]),
            Column("n_words", r["n_words"]), Column("n_sentences", r["n_sentences"])]
    extra = [Column(name, tp) for _, name, tp in extra_document_fields()]
    tail = [Column("text", c["text"]), Column("blocks", list[records.Block]),
            Column("boilerplate", list[records.Removal]), Column("mentions", r["mentions"]),
            Column("entities", r["entities"]), Column("claims", r["claims"])]
    return tuple(head + extra + tail)


# Columns of the documents table computed from the record rather than read from it.
COMPUTED = {
    "n_chars": lambda record: len(record["text"]),
    "n_entities": lambda record: len(record["entities"]),
    "n_claims": lambda record: len(record["claims"]),
    "n_boilerplate": lambda record: len(record["boilerplate"]),
    "boilerplate_chars": lambda record: sum(b["source_end"] - b["source_start"] for b in record["boilerplate"]),
}


def _documents_columns() -> tuple[Column, ...]:
    keys = {c.name: c for c in document_record_columns()}
    counts = [Column(name, int) for name in ("n_chars", "n_words", "n_sentences", "n_entities", "n_claims",
                                             "n_boilerplate", "boilerplate_chars")]
    fixed = [keys[k] for k in ("doc_id", "source", "title", "subtitle", "author", "published", "url")]
    fixed += counts + [keys[k] for k in ("format", "site", "sha256")]
    extra = [keys[name] for _, name, tp in extra_document_fields() if is_flat(tp)]
    # the text and headings are in the Parquet files and the loaded frame, not in documents.csv
    return tuple(fixed + extra + [Column("headings", keys["headings"].type, csv=False),
                                  Column("text", keys["text"].type, csv=False)])


def document_row(record: dict[str, Any]) -> dict[str, Any]:
    """The documents-table row of a documents.jsonl record."""
    return {c.name: (COMPUTED[c.name](record) if c.name in COMPUTED else record.get(c.name))
            for c in tables()["documents"].columns}


def table_rows(record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows one documents.jsonl record contributes to each flat table."""
    return {
        "documents": [document_row(record)],
        "boilerplate": [{"doc_id": record["doc_id"], **b} for b in record["boilerplate"]],
        "entities": record["entities"],
        "mentions": record["mentions"],
        "claims": record["claims"],
    }


# ---- every table ---------------------------------------------------------------------------------

@functools.cache
def tables() -> dict[str, Table]:
    """Every output table by name, read from the records in `records.py`.

    Cached: call `tables.cache_clear()` after replacing a record class (a test that extends one)."""
    r = records
    return {
        "documents": Table("documents", _documents_columns(),
                           {"jsonl": "documents.jsonl", "csv": "documents.csv", "parquet": "parquet/documents"}),
        "boilerplate": Table("boilerplate", (Column("doc_id", str),) + record_columns(r.Removal),
                             {"csv": "boilerplate.csv", "parquet": "parquet/boilerplate"}, record=r.Removal),
        "entities": Table("entities", record_columns(r.Entity),
                          {"csv": "entities.csv", "parquet": "parquet/entities"}, record=r.Entity),
        "mentions": Table("mentions", record_columns(r.Mention),
                          {"csv": "mentions.csv", "parquet": "parquet/mentions"}, record=r.Mention),
        "claims": Table("claims", record_columns(r.Claim),
                        {"jsonl": "claims.jsonl", "csv": "claims.csv", "parquet": "parquet/claims"}, record=r.Claim),
        "errors": Table("errors", record_columns(r.DocError), {"jsonl": "errors.jsonl", "csv": "errors.csv"},
                        always=("jsonl",), record=r.DocError),
        "corpus_entities": Table("corpus_entities", record_columns(r.CorpusEntity),
                                 {"csv": "corpus_entities.csv"}, always=("csv",), record=r.CorpusEntity),
    }


def parquet_tables() -> dict[str, Table]:
    return {name: t for name, t in tables().items() if "parquet" in t.files}


def csv_tables() -> dict[str, Table]:
    """The tables streamed into CSV while the run goes (corpus_entities.csv is written at its end)."""
    return {name: t for name, t in tables().items() if "csv" in t.files and "csv" not in t.always}


def output_paths(formats: tuple[str, ...] | None = None) -> set[str]:
    """The paths in OUT that a run with these formats writes (every format's when None), manifest aside."""
    wanted = set(FORMATS if formats is None else formats)
    return {path for t in tables().values() for fmt, path in t.files.items()
            if fmt in wanted or fmt in t.always}


def top_level(path: str) -> str:
    """The entry directly in OUT that holds `path` ("parquet/claims" -> "parquet")."""
    return path.split("/", 1)[0]
