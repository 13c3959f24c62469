"""Export: records to rows, and the output files of OUTPUTS.md written so that none is ever half-written.

Every file is streamed into a staging folder inside OUT and moved into place with `os.replace` only
when the run has finished. The old `manifest.json` is removed before the first file is replaced and the
new one written last, so a folder with a manifest always holds one complete run. On any failure (a full
disk included) the staging folder is removed; at publication the files of formats this run did not
write are removed. Which files and columns exist is `claimpipe.tables`.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from . import tables as _tables
from .records import DocError, DocResult
from .tables import FORMATS, table_rows

STAGING = ".claimpipe-staging"

# The column lists of the tables, for callers that want a plain list; `claimpipe.tables` is the definition.
DOCUMENT_COLUMNS = _tables.tables()["documents"].csv_names
BOILERPLATE_COLUMNS = _tables.tables()["boilerplate"].csv_names
ENTITY_COLUMNS = _tables.tables()["entities"].csv_names
MENTION_COLUMNS = _tables.tables()["mentions"].csv_names
CLAIM_COLUMNS = _tables.tables()["claims"].csv_names
ERROR_COLUMNS = _tables.tables()["errors"].csv_names
CORPUS_ENTITY_COLUMNS = _tables.tables()["corpus_entities"].csv_names

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: str) -> str:
    """Prefix a formula-like text cell with an apostrophe, so a spreadsheet shows it as text.

    Only the CSV files are changed; the JSONL files keep the exact text.
    """
    if value.startswith(FORMULA_PREFIXES) and not _is_number(value):
        return "'" + value
    return value


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def csv_cell(value: Any) -> str:
    """One CSV cell: lists joined with "|", booleans as true/false, None empty, quantities by text."""
    kind = type(value)  # the common exact types first: this runs for every cell of every table
    if kind is str:
        return neutralise_cell(value)
    if kind is int:
        return str(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "|".join(csv_cell(_cell_item(v) if isinstance(v, dict) else v) for v in value)
    if isinstance(value, float):
        return repr(value)
    return neutralise_cell(str(value)) if isinstance(value, str) else str(value)


def _cell_item(item: dict) -> str:
    """A record inside a list cell: a quantity by its text, a rewrite as "original -> replacement"."""
    if "replacement" in item:
        return f"{item['original']} -> {item['replacement']}"
    return item.get("text", "")


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in _tables.exported_fields(cls))


def as_row(obj: Any) -> dict[str, Any]:
    """A record as a dict: what `dataclasses.asdict` gives, without its deep copies (a hot path), and
    without the fields marked `records.NOT_EXPORTED`."""
    row = {}
    for name in _field_names(type(obj)):
        value = getattr(obj, name)
        if isinstance(value, list):
            value = [as_row(v) if dataclasses.is_dataclass(v) else v for v in value]
        row[name] = value
    return row


def mention_row(m: Any) -> dict[str, Any]:
    return as_row(m)


def entity_row(e: Any) -> dict[str, Any]:
    return as_row(e)


def claim_row(c: Any) -> dict[str, Any]:
    return as_row(c)


def _plain(value: Any) -> Any:
    """A field's value as JSON-ready data: records as dicts, lists of records as lists of dicts."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return as_row(value)
    if isinstance(value, list):
        return [as_row(v) if dataclasses.is_dataclass(v) else v for v in value]
    return value


@functools.cache
def _extra_fields(article: type, cleaned: type, result: type) -> tuple[tuple[str, str], ...]:
    classes = [("article", article), ("cleaned", cleaned), ("result", result)]
    return tuple((role, name) for role, name, _ in _tables.extra_document_fields(classes))


def document_record(r: DocResult) -> dict[str, Any]:
    """The documents.jsonl object: metadata, clean text, boilerplate and every row of the article.

    Its keys are `tables.document_record_columns()`: the fixed ones below, and after `n_sentences` any
    other exported field of the Article, Cleaned or DocResult record."""
    a, c = r.article, r.cleaned
    record = {
        "doc_id": a.doc_id, "source": a.source,
        "title": c.title or a.title, "subtitle": c.subtitle or a.subtitle, "author": c.author or a.author,
        "published": c.published or a.published, "url": a.url, "headings": list(c.headings),
        "format": a.format, "site": a.site, "sha256": a.sha256, "notes": list(a.notes),
        "n_words": r.n_words, "n_sentences": r.n_sentences,
    }
    owners = {"article": a, "cleaned": c, "result": r}
    for role, name in _extra_fields(type(a), type(c), type(r)):
        record[name] = _plain(getattr(owners[role], name))
    record.update({
        "text": c.text,
        "blocks": [as_row(b) for b in c.blocks],
        "boilerplate": [as_row(b) for b in c.removals],
        "mentions": [mention_row(m) for m in r.mentions],
        "entities": [entity_row(e) for e in r.entities],
        "claims": [claim_row(cl) for cl in r.claims],
    })
    return record


def json_text(obj: Any) -> str:
    """An object as the JSON of one JSONL line (no newline): UTF-8 as is, keys in their order."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=False)


def json_line(obj: Any) -> str:
    return json_text(obj) + "\n"


def _open_staged(path: Path, *, newline: str) -> Any:
    """Open a staging file for writing (one place, so that a test can make the disk full)."""
    return open(path, "w", encoding="utf-8", newline=newline)


class _CsvFile:
    def __init__(self, path: Path, columns: list[str]) -> None:
        self.fh = _open_staged(path, newline="")
        self.columns = columns
        self.writer = csv.writer(self.fh, lineterminator="\r\n")  # RFC 4180
        self.writer.writerow(columns)

    def write(self, row: dict[str, Any]) -> None:
        self.writer.writerow(map(csv_cell, map(row.get, self.columns)))


class OutputWriter:
    """Streams one run's rows into staging files and publishes them together at `commit()`.

    `formats` chooses among "jsonl", "csv" and "parquet"; errors.jsonl and manifest.json are always written.
    Whatever fails (a full disk included), the staging folder is removed: by `commit()` itself, by
    `abort()`, or on leaving a `with OutputWriter(...)` block with an exception. At `commit()` the
    output files of formats this run did not write are removed, so the folder never mixes two runs.
    """

    def __init__(self, out: Path, *, formats: tuple[str, ...] = ("jsonl", "csv")) -> None:
        unknown = set(formats) - set(FORMATS)
        if unknown:
            raise ValueError(f"unknown output format(s) {sorted(unknown)}; choose from {', '.join(FORMATS)}")
        self.out = Path(out)
        self.formats = tuple(formats)
        self.out.mkdir(parents=True, exist_ok=True)
        self.stage = self.out / STAGING
        shutil.rmtree(self.stage, ignore_errors=True)  # a killed run's leftovers
        self._jsonl: dict[str, Any] = {}
        self._csv: dict[str, _CsvFile] = {}
        self._extra: list[Any] = []  # handles of write_table files
        self._parquet = None
        self.stage.mkdir()
        try:
            self._open_files()
        except BaseException:
            self._discard()
            raise

    def _open_files(self) -> None:
        for table in _tables.tables().values():
            path = table.files.get("jsonl")
            if path and ("jsonl" in self.formats or "jsonl" in table.always):
                self._jsonl[path] = _open_staged(self.stage / path, newline="\n")
        if "csv" in self.formats:
            for table in _tables.csv_tables().values():
                path = table.files["csv"]
                self._csv[path] = _CsvFile(self.stage / path, table.csv_names)
        if "parquet" in self.formats:
            from .parquet import ParquetTables

            self._parquet = ParquetTables(self.stage / "parquet")

    def __enter__(self) -> "OutputWriter":
        return self

    def __exit__(self, kind: Any, *_: Any) -> None:
        if kind is not None:
            self.abort()

    def add(self, result: DocResult) -> None:
        self.add_record(document_record(result))

    def add_record(self, record: dict[str, Any], *, text: str | None = None) -> None:
        """Write one documents.jsonl record and its rows in every other file.

        `text`: the record's `json_text` when the caller has it already (the result cache stores it), so
        that a re-run does not serialise every record again."""
        if "documents.jsonl" in self._jsonl:
            self._jsonl["documents.jsonl"].write((json_text(record) if text is None else text) + "\n")
            for c in record["claims"]:
                self._jsonl["claims.jsonl"].write(json_line(c))
        if self._csv or self._parquet:
            rows_by_table = table_rows(record)
            if self._csv:
                for table, rows in rows_by_table.items():
                    for row in rows:
                        self._csv[f"{table}.csv"].write(row)
            if self._parquet:
                self._parquet.add(rows_by_table)

    def add_error(self, error: DocError) -> None:
        row = as_row(error)
        self._jsonl["errors.jsonl"].write(json_line(row))
        if self._csv:
            self._csv["errors.csv"].write(row)

    def write_table(self, name: str, columns: list[str], rows: Iterable[dict[str, Any]]) -> None:
        """An extra CSV computed at the end of the run (e.g. corpus_entities.csv)."""
        table = _CsvFile(self.stage / name, columns)
        self._extra.append(table.fh)
        for row in rows:
            table.write(row)
        table.fh.close()

    def commit(self, manifest: dict[str, Any]) -> None:
        """Publish every staged file, remove the files of formats not written this run, then write the
        manifest last. The staging folder is gone afterwards, whether this succeeds or raises."""
        try:
            self._close()
            self._fsync_all()
            (self.out / "manifest.json").unlink(missing_ok=True)
            staged = sorted(self.stage.iterdir())
            for f in staged:
                _publish(f, self.out / f.name)
            self._remove_stale({f.name for f in staged})
            write_json_atomic(self.out / "manifest.json", manifest)
        finally:
            self._discard()

    def abort(self) -> None:
        """Drop the staged files; the outputs of the previous run stay as they were. Never raises."""
        self._discard()

    def _remove_stale(self, published: set[str]) -> None:
        """Remove each output of the previous run that this run did not write (e.g. the JSONL files
        after `--format csv`), so that no reader mixes two runs."""
        for name in sorted({_tables.top_level(p) for p in _tables.output_paths()} - published):
            path = self.out / name
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            elif path.exists() or path.is_symlink():
                path.unlink()

    def _close(self) -> None:
        for fh in self._jsonl.values():
            fh.close()
        for table in self._csv.values():
            table.fh.close()
        if self._parquet:
            self._parquet.close()

    def _discard(self) -> None:
        """Close every handle without caring whether its last write fits (the disk may be full), then
        remove the staging folder."""
        handles = [*self._jsonl.values(), *(t.fh for t in self._csv.values()), *self._extra]
        for fh in handles:
            try:
                fh.close()
            except OSError:
                pass  # the buffered tail could not be written: the file is dropped anyway
        if self._parquet:
            self._parquet.abandon()
        shutil.rmtree(self.stage, ignore_errors=True)

    def _fsync_all(self) -> None:
        for f in self.stage.rglob("*"):
            if f.is_file():
                with open(f, "rb") as fh:
                    os.fsync(fh.fileno())


def _publish(staged: Path, target: Path) -> None:
    """Move one staged file or folder over its target."""
    if staged.is_dir():  # a folder cannot be renamed over a full one: move the old one aside first
        old = target.parent / f".{target.name}.old"
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            os.replace(target, old)
        os.replace(staged, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(staged, target)


def write_json_atomic(path: Path, obj: Any) -> None:
    """Write JSON to a temporary file beside `path`, fsync it, then rename it over `path`."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give it the mode a plain open() would
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(obj, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def csv_text(columns: list[str], rows: Iterable[dict[str, Any]]) -> str:
    """A CSV document as a string (for tests and small views)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(columns)
    for row in rows:
        w.writerow([csv_cell(row.get(k)) for k in columns])
    return buf.getvalue()
