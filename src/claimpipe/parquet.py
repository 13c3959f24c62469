"""Partitioned Parquet output: `parquet/<table>/part-00000.parquet`, readable by pandas, DuckDB and Spark.

Rows are buffered and written as row groups; a new part file starts every `rows_per_file` rows, so no
file grows without bound and readers can split the work. Column types come from the records, so a
table has the same schema in every run, even an empty one.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .records import Claim, Entity, Mention, Removal


def _arrow_type(tp: Any) -> pa.DataType:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        return _arrow_type(inner)
    if origin is list:
        (item,) = typing.get_args(tp)
        return pa.list_(_arrow_type(item))
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        return pa.struct([(f.name, _arrow_type(hints[f.name])) for f in dataclasses.fields(tp)])
    return {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}[tp]


def record_arrow_schema(cls: type, *, first: list[tuple[str, pa.DataType]] = ()) -> pa.Schema:
    hints = typing.get_type_hints(cls)
    return pa.schema(list(first) + [(f.name, _arrow_type(hints[f.name])) for f in dataclasses.fields(cls)])


def _documents_schema() -> pa.Schema:
    from .export import DOCUMENT_COLUMNS

    ints = {"n_chars", "n_words", "n_sentences", "n_entities", "n_claims", "n_boilerplate", "boilerplate_chars"}
    fields = [(c, pa.int64() if c in ints else pa.string()) for c in DOCUMENT_COLUMNS]
    return pa.schema(fields + [("headings", pa.list_(pa.string())), ("text", pa.string())])


SCHEMAS = {
    "documents": _documents_schema,
    "boilerplate": lambda: record_arrow_schema(Removal, first=[("doc_id", pa.string())]),
    "entities": lambda: record_arrow_schema(Entity),
    "mentions": lambda: record_arrow_schema(Mention),
    "claims": lambda: record_arrow_schema(Claim),
}


class _Table:
    def __init__(self, folder: Path, schema: pa.Schema, *, rows_per_file: int, rows_per_group: int) -> None:
        self.folder, self.schema = folder, schema
        self.rows_per_file, self.rows_per_group = rows_per_file, rows_per_group
        self.buffer: list[dict[str, Any]] = []
        self.writer: pq.ParquetWriter | None = None
        self.part = 0
        self.rows_in_file = 0
        folder.mkdir(parents=True, exist_ok=True)

    def add(self, rows: list[dict[str, Any]]) -> None:
        self.buffer.extend(rows)
        if len(self.buffer) >= self.rows_per_group:
            self.flush()

    def flush(self) -> None:
        if not self.buffer and self.writer is not None:
            return
        if self.writer is None:
            self.writer = pq.ParquetWriter(self.folder / f"part-{self.part:05d}.parquet", self.schema)
        names = self.schema.names
        table = pa.Table.from_pylist([{k: row.get(k) for k in names} for row in self.buffer], schema=self.schema)
        self.writer.write_table(table)
        self.rows_in_file += len(self.buffer)
        self.buffer = []
        if self.rows_in_file >= self.rows_per_file:
            self.writer.close()
            self.writer = None
            self.part += 1
            self.rows_in_file = 0

    def close(self) -> None:
        if self.buffer or (self.writer is None and self.part == 0):
            self.flush()  # an empty table still gets one (empty) file with its schema
        if self.writer is not None:
            self.writer.close()
            self.writer = None


class ParquetTables:
    def __init__(self, folder: Path, *, rows_per_file: int = 250_000, rows_per_group: int = 20_000) -> None:
        self.tables = {name: _Table(folder / name, make(), rows_per_file=rows_per_file, rows_per_group=rows_per_group)
                       for name, make in SCHEMAS.items()}

    def add(self, rows_by_table: dict[str, list[dict[str, Any]]]) -> None:
        for name, rows in rows_by_table.items():
            self.tables[name].add(rows)

    def close(self) -> None:
        for table in self.tables.values():
            table.close()
