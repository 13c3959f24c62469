"""JSON Schemas of the output records, derived from the dataclasses in records.py.

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
from .records import Block, Claim, DocError, Entity, Mention, Quantity, Removal

SCHEMA_DIR = Path(__file__).with_name("schemas")
BASE = "https://claimpipe.invalid/schemas"


def _type_schema(tp: Any) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [_type_schema(a) for a in typing.get_args(tp)]
        return {"anyOf": options}
    if origin is list:
        (item,) = typing.get_args(tp)
        return {"type": "array", "items": _type_schema(item)}
    if dataclasses.is_dataclass(tp):
        return record_schema(tp)
    return {str: {"type": "string"}, int: {"type": "integer"}, float: {"type": "number"},
            bool: {"type": "boolean"}, type(None): {"type": "null"}}[tp]


ID_PATTERNS = {"doc_id": "^d_[0-9a-f]{16}$", "entity_id": "^(e_[0-9a-f]{16})?$", "mention_id": "^m_[0-9a-f]{16}$",
               "claim_id": "^c_[0-9a-f]{16}$", "subject_entity_id": "^(e_[0-9a-f]{16})?$",
               "speaker_entity_id": "^(e_[0-9a-f]{16})?$"}


def record_schema(cls: type, *, title: str | None = None) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    props = {f.name: _type_schema(hints[f.name]) for f in dataclasses.fields(cls)}
    for name, pattern in ID_PATTERNS.items():
        if name in props:
            props[name]["pattern"] = pattern
    return {"type": "object", "title": title or cls.__name__, "properties": props,
            "required": [f.name for f in dataclasses.fields(cls)], "additionalProperties": True}


def document_schema() -> dict[str, Any]:
    nullable = {"anyOf": [{"type": "string"}, {"type": "null"}]}
    props = {
        "doc_id": {"type": "string", "pattern": "^d_[0-9a-f]{16}$"}, "source": {"type": "string"},
        **{k: nullable for k in ("title", "subtitle", "author", "published", "url")},
        "headings": {"type": "array", "items": {"type": "string"}}, "text": {"type": "string"},
        "blocks": {"type": "array", "items": record_schema(Block)},
        "boilerplate": {"type": "array", "items": record_schema(Removal)},
        "mentions": {"type": "array", "items": record_schema(Mention)},
        "entities": {"type": "array", "items": record_schema(Entity)},
        "claims": {"type": "array", "items": record_schema(Claim)},
    }
    required = ["doc_id", "source", "title", "subtitle", "author", "published", "url", "headings", "text",
                "boilerplate", "mentions", "entities", "claims"]
    return {"type": "object", "title": "Document", "properties": props, "required": required,
            "additionalProperties": True}


def manifest_schema() -> dict[str, Any]:
    keys = ["schema_version", "claimpipe_version", "spacy_version", "model", "settings", "started_at", "finished_at",
            "counts", "inputs"]
    return {"type": "object", "title": "Manifest", "required": keys, "additionalProperties": True,
            "properties": {"schema_version": {"const": SCHEMA_VERSION}, "model": {"type": "object"},
                           "settings": {"type": "object"}, "counts": {"type": "object"},
                           "inputs": {"type": "array", "items": {"type": "object", "required": ["source", "sha256"]}}}}


def all_schemas() -> dict[str, dict[str, Any]]:
    """File name -> schema, each with its $schema, $id and the contract's schema_version."""
    schemas = {
        "document.schema.json": document_schema(),
        "claim.schema.json": record_schema(Claim),
        "mention.schema.json": record_schema(Mention),
        "entity.schema.json": record_schema(Entity),
        "boilerplate.schema.json": record_schema(Removal, title="Removal"),
        "quantity.schema.json": record_schema(Quantity),
        "error.schema.json": record_schema(DocError),
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
