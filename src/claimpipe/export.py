"""Export: records to rows, and the output files of OUTPUTS.md written so that none is ever half-written.

Every file is streamed into a staging folder inside OUT and moved into place with `os.replace` only
when the run has finished. The old `manifest.json` is removed before the first file is replaced and the
new one written last, so a folder with a manifest always holds one complete run.
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

from .records import Claim, DocError, DocResult, Entity, Mention

STAGING = ".claimpipe-staging"

DOCUMENT_COLUMNS = ["doc_id", "source", "title", "subtitle", "author", "published", "url", "n_chars", "n_words",
                    "n_sentences", "n_entities", "n_claims", "n_boilerplate", "boilerplate_chars",
                    "format", "site", "sha256"]
BOILERPLATE_COLUMNS = ["doc_id", "source_start", "source_end", "reason", "text"]
ENTITY_COLUMNS = ["doc_id", "entity_id", "name", "label", "n_mentions", "aliases", "kb_id"]
MENTION_COLUMNS = ["mention_id", "doc_id", "entity_id", "text", "label", "start_char", "end_char",
                   "source_start", "source_end", "sentence_index", "role", "possessor"]
CLAIM_COLUMNS = [f.name for f in dataclasses.fields(Claim)]
ERROR_COLUMNS = ["source", "stage", "error", "message"]
CORPUS_ENTITY_COLUMNS = ["entity_id", "name", "label", "n_documents", "n_mentions", "aliases", "kb_id"]

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
    return tuple(f.name for f in dataclasses.fields(cls))


def as_row(obj: Any) -> dict[str, Any]:
    """A record as a dict: what `dataclasses.asdict` gives, without its deep copies (a hot path)."""
    row = {}
    for name in _field_names(type(obj)):
        value = getattr(obj, name)
        if isinstance(value, list):
            value = [as_row(v) if dataclasses.is_dataclass(v) else v for v in value]
        row[name] = value
    return row


def mention_row(m: Mention) -> dict[str, Any]:
    return as_row(m)


def entity_row(e: Entity) -> dict[str, Any]:
    return as_row(e)


def claim_row(c: Claim) -> dict[str, Any]:
    return as_row(c)


def document_record(r: DocResult) -> dict[str, Any]:
    """The documents.jsonl object: metadata, clean text, boilerplate and every row of the article."""
    a, c = r.article, r.cleaned
    return {
        "doc_id": a.doc_id, "source": a.source,
        "title": c.title or a.title, "subtitle": c.subtitle or a.subtitle, "author": c.author or a.author,
        "published": c.published or a.published, "url": a.url, "headings": list(c.headings),
        "format": a.format, "site": a.site, "sha256": a.sha256, "notes": list(a.notes),
        "n_words": r.n_words, "n_sentences": r.n_sentences,
        "text": c.text,
        "blocks": [as_row(b) for b in c.blocks],
        "boilerplate": [as_row(b) for b in c.removals],
        "mentions": [mention_row(m) for m in r.mentions],
        "entities": [entity_row(e) for e in r.entities],
        "claims": [claim_row(cl) for cl in r.claims],
    }


def document_row(record: dict[str, Any]) -> dict[str, Any]:
    """The documents.csv row of a documents.jsonl record."""
    removed = record["boilerplate"]
    return {k: record.get(k) for k in DOCUMENT_COLUMNS} | {
        "n_chars": len(record["text"]), "n_entities": len(record["entities"]), "n_claims": len(record["claims"]),
        "n_boilerplate": len(removed), "boilerplate_chars": sum(b["source_end"] - b["source_start"] for b in removed),
    }


def json_text(obj: Any) -> str:
    """An object as the JSON of one JSONL line (no newline): UTF-8 as is, keys in their order."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=False)


def json_line(obj: Any) -> str:
    return json_text(obj) + "\n"


class _CsvFile:
    def __init__(self, path: Path, columns: list[str]) -> None:
        self.fh = open(path, "w", encoding="utf-8", newline="")
        self.columns = columns
        self.writer = csv.writer(self.fh, lineterminator="\r\n")  # RFC 4180
        self.writer.writerow(columns)

    def write(self, row: dict[str, Any]) -> None:
        self.writer.writerow(map(csv_cell, map(row.get, self.columns)))


FORMATS = ("jsonl", "csv", "parquet")


def table_rows(record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows one documents.jsonl record contributes to each flat table."""
    return {
        "documents": [document_row(record) | {"headings": record["headings"], "text": record["text"]}],
        "boilerplate": [{"doc_id": record["doc_id"], **b} for b in record["boilerplate"]],
        "entities": record["entities"],
        "mentions": record["mentions"],
        "claims": record["claims"],
    }


class OutputWriter:
    """Streams one run's rows into staging files and publishes them together at `commit()`.

    `formats` chooses among "jsonl", "csv" and "parquet"; errors.jsonl and manifest.json are always written.
    """

    def __init__(self, out: Path, *, formats: tuple[str, ...] = ("jsonl", "csv")) -> None:
        unknown = set(formats) - set(FORMATS)
        if unknown:
            raise ValueError(f"unknown output format(s) {sorted(unknown)}; choose from {', '.join(FORMATS)}")
        self.out = Path(out)
        self.out.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(self.out / STAGING, ignore_errors=True)  # a killed run's leftovers
        self.stage = self.out / STAGING
        self.stage.mkdir()
        jsonl_names = ["errors.jsonl"] + (["documents.jsonl", "claims.jsonl"] if "jsonl" in formats else [])
        self._jsonl = {name: open(self.stage / name, "w", encoding="utf-8", newline="\n") for name in jsonl_names}
        self._csv: dict[str, _CsvFile] = {}
        if "csv" in formats:
            self._csv = {
                "documents.csv": _CsvFile(self.stage / "documents.csv", DOCUMENT_COLUMNS),
                "boilerplate.csv": _CsvFile(self.stage / "boilerplate.csv", BOILERPLATE_COLUMNS),
                "entities.csv": _CsvFile(self.stage / "entities.csv", ENTITY_COLUMNS),
                "mentions.csv": _CsvFile(self.stage / "mentions.csv", MENTION_COLUMNS),
                "claims.csv": _CsvFile(self.stage / "claims.csv", CLAIM_COLUMNS),
                "errors.csv": _CsvFile(self.stage / "errors.csv", ERROR_COLUMNS),
            }
        self._parquet = None
        if "parquet" in formats:
            from .parquet import ParquetTables

            self._parquet = ParquetTables(self.stage / "parquet")

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
            tables = table_rows(record)
            if self._csv:
                for table, rows in tables.items():
                    for row in rows:
                        self._csv[f"{table}.csv"].write(row)
            if self._parquet:
                self._parquet.add(tables)

    def add_error(self, error: DocError) -> None:
        row = dataclasses.asdict(error)
        self._jsonl["errors.jsonl"].write(json_line(row))
        if self._csv:
            self._csv["errors.csv"].write(row)

    def write_table(self, name: str, columns: list[str], rows: Iterable[dict[str, Any]]) -> None:
        """An extra CSV computed at the end of the run (e.g. corpus_entities.csv)."""
        table = _CsvFile(self.stage / name, columns)
        for row in rows:
            table.write(row)
        table.fh.close()

    def commit(self, manifest: dict[str, Any]) -> None:
        """Publish every staged file, then the manifest last."""
        self._close()
        self._fsync_all()
        (self.out / "manifest.json").unlink(missing_ok=True)
        for f in sorted(self.stage.iterdir()):
            target = self.out / f.name
            if f.is_dir():  # a folder cannot be renamed over a full one: move the old one aside first
                old = self.out / f".{f.name}.old"
                shutil.rmtree(old, ignore_errors=True)
                if target.exists():
                    os.replace(target, old)
                os.replace(f, target)
                shutil.rmtree(old, ignore_errors=True)
            else:
                os.replace(f, target)
        write_json_atomic(self.out / "manifest.json", manifest)
        shutil.rmtree(self.stage, ignore_errors=True)

    def abort(self) -> None:
        """Drop the staged files; the outputs of the previous run stay as they were."""
        self._close()
        shutil.rmtree(self.stage, ignore_errors=True)

    def _close(self) -> None:
        for fh in self._jsonl.values():
            fh.close()
        for table in self._csv.values():
            table.fh.close()
        if self._parquet:
            self._parquet.close()

    def _fsync_all(self) -> None:
        for f in self.stage.rglob("*"):
            if f.is_file():
                with open(f, "rb") as fh:
                    os.fsync(fh.fileno())


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
