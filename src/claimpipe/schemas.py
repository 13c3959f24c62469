"""JSON Schemas of the output records, read from the tables of `claimpipe.tables` (so from records.py).

The schemas ship in `claimpipe/schemas/*.json`; `python -m claimpipe.schemas` rewrites them and a
test fails when they no longer match the records. Extra keys are allowed (the contract grows by
adding columns); the contract's keys are required.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import types
import typing
from importlib import resources
from pathlib import Path
from typing import Any

from . import SCHEMA_VERSION
from . import records
from .tables import Column, Table, document_record_columns, exported_fields, tables

SCHEMA_DIR = Path(__file__).with_name("schemas")
BASE = "https://claimpipe.invalid/schemas"


def type_schema(tp: Any) -> dict[str, Any]:
    """The JSON Schema of a column type (a Python annotation)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [type_schema(a) for a in typing.get_args(tp)]
        return {"anyOf": options}
    if origin is list:
        (item,) = typing.get_args(tp)
        return {"type": "array", "items": type_schema(item)}
    if dataclasses.is_dataclass(tp):
        return record_schema(tp)
    return {str: {"type": "string"}, int: {"type": "integer"}, float: {"type": "number"},
            bool: {"type": "boolean"}, type(None): {"type": "null"}}[tp]


_type_schema = type_schema  # the former name

ID_PATTERNS = {"doc_id": "^d_[0-9a-f]{16}$", "entity_id": "^(e_[0-9a-f]{16})?$", "mention_id": "^m_[0-9a-f]{16}$",
               "claim_id": "^c_[0-9a-f]{16}$", "subject_entity_id": "^(e_[0-9a-f]{16})?$",
               "speaker_entity_id": "^(e_[0-9a-f]{16})?$"}


def columns_schema(columns: tuple[Column, ...] | list[Column], *, title: str) -> dict[str, Any]:
    """An object with one required property per column (extra keys allowed: the contract grows)."""
    props = {c.name: type_schema(c.type) for c in columns}
    for name, pattern in ID_PATTERNS.items():
        if name in props:
            props[name]["pattern"] = pattern
    return {"type": "object", "title": title, "properties": props, "required": [c.name for c in columns],
            "additionalProperties": True}


def record_schema(cls: type, *, title: str | None = None) -> dict[str, Any]:
    """The schema of one record (a dataclass of records.py) as the JSONL files hold it."""
    hints = typing.get_type_hints(cls)
    return columns_schema([Column(f.name, hints[f.name]) for f in exported_fields(cls)], title=title or cls.__name__)


def table_schema(table: Table) -> dict[str, Any]:
    """The schema of one row of an output table."""
    title = table.record.__name__ if table.record is not None else table.name
    return columns_schema(table.columns, title=title)


def document_schema() -> dict[str, Any]:
    """The schema of a documents.jsonl record."""
    return columns_schema(document_record_columns(), title="Document")


def manifest_schema() -> dict[str, Any]:
    keys = ["schema_version", "claimpipe_version", "spacy_version", "model", "settings", "started_at", "finished_at",
            "counts", "inputs"]
    return {"type": "object", "title": "Manifest", "required": keys, "additionalProperties": True,
            "properties": {"schema_version": {"const": SCHEMA_VERSION}, "model": {"type": "object"},
                           "settings": {"type": "object"}, "counts": {"type": "object"},
                           "inputs": {"type": "array", "items": {"type": "object", "required": ["source", "sha256"]}}}}


def all_schemas() -> dict[str, dict[str, Any]]:
    """File name -> schema, each with its $schema, $id and the contract's schema_version."""
    t = tables()
    schemas = {
        "document.schema.json": document_schema(),
        "claim.schema.json": table_schema(t["claims"]),
        "mention.schema.json": table_schema(t["mentions"]),
        "entity.schema.json": table_schema(t["entities"]),
        # a removed block as documents.jsonl holds it (boilerplate.csv adds the doc_id)
        "boilerplate.schema.json": record_schema(records.Removal, title="Removal"),
        "quantity.schema.json": record_schema(records.Quantity),
        "error.schema.json": table_schema(t["errors"]),
        "corpus_entity.schema.json": table_schema(t["corpus_entities"]),
        "manifest.schema.json": manifest_schema(),
    }
    return {name: {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{BASE}/{name}",
                   "x-schema-version": SCHEMA_VERSION, **schema} for name, schema in schemas.items()}


def load_schema(name: str) -> dict[str, Any]:
    """A shipped schema by file name, e.g. "claim.schema.json"."""
    return json.loads(resources.files("claimpipe").joinpath("schemas", name).read_text(encoding="utf-8"))


def write_schemas(folder: Path = SCHEMA_DIR) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in all_schemas().items():
        path = folder / name
        path.write_text(json.dumps(schema, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for p in write_schemas():
        print(p, file=sys.stderr)
