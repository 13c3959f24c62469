"""Partitioned Parquet output: `parquet/<table>/part-00000.parquet`, readable by pandas, DuckDB and Spark.

Rows are buffered and written as row groups; a new part file starts every `rows_per_file` rows, so no
file grows without bound and readers can split the work. The tables and their column types come from
`claimpipe.tables`, so a table has the same schema in every run, even an empty one.
"""

from __future__ import annotations

import dataclasses
import typing
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .tables import Table, exported_fields, parquet_tables, unwrap_optional


def arrow_type(tp: Any) -> pa.DataType:
    """The Arrow type of a column type (a Python annotation); every Arrow field is nullable."""
    tp, _ = unwrap_optional(tp)
    if typing.get_origin(tp) is list:
        (item,) = typing.get_args(tp)
        return pa.list_(arrow_type(item))
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        return pa.struct([(f.name, arrow_type(hints[f.name])) for f in exported_fields(tp)])
    return {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}[tp]


def table_schema(table: Table) -> pa.Schema:
    """The Arrow schema of an output table."""
    return pa.schema([(c.name, arrow_type(c.type)) for c in table.columns])


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

    def abandon(self) -> None:
        """Drop the buffered rows and close the open file, ignoring a write that fails (a full disk)."""
        self.buffer = []
        if self.writer is not None:
            try:
                self.writer.close()
            except OSError:
                pass
            self.writer = None


class ParquetTables:
    def __init__(self, folder: Path, *, rows_per_file: int = 250_000, rows_per_group: int = 20_000) -> None:
        self.tables = {name: _Table(folder / name, table_schema(table), rows_per_file=rows_per_file,
                                    rows_per_group=rows_per_group)
                       for name, table in parquet_tables().items()}

    def add(self, rows_by_table: dict[str, list[dict[str, Any]]]) -> None:
        for name, rows in rows_by_table.items():
            self.tables[name].add(rows)

    def close(self) -> None:
        for table in self.tables.values():
            table.close()

    def abandon(self) -> None:
        for table in self.tables.values():
            table.abandon()
