"""One definition of every output table: the writer (JSONL, CSV, Parquet), the loader and the JSON Schemas
agree on every table's columns and types, and a field added to a record is a column in all of them."""

from __future__ import annotations

import csv
import dataclasses
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from claimpipe import records, tables
from claimpipe.export import OutputWriter
from claimpipe.loader import load, pandas_dtype
from claimpipe.parquet import arrow_type, table_schema
from claimpipe.schemas import all_schemas, load_schema

from .test_export import _result

ALL_FORMATS = ("jsonl", "csv", "parquet")


@pytest.fixture
def fresh_tables():
    """Tables read again from records.py before and after the test (a test may extend a record)."""
    tables.tables.cache_clear()
    yield
    tables.tables.cache_clear()


def _manifest(n_docs: int = 1, n_claims: int = 1) -> dict:
    return {"schema_version": 1, "claimpipe_version": "test", "finished_at": "2026-01-01T00:00:00+00:00",
            "seconds": 12.5, "counts": {"documents": n_docs, "claims": n_claims, "mentions": 0, "entities": 0,
                                        "errors": 0}}


def _write(out: Path, result=None, formats=ALL_FORMATS) -> Path:
    writer = OutputWriter(out, formats=formats)
    writer.add(result or _result())
    t = tables.tables()["corpus_entities"]
    writer.write_table("corpus_entities.csv", t.csv_names,
                       [{"entity_id": "e_0000000000000001", "name": "Russia", "label": "GPE", "n_documents": 1,
                         "n_mentions": 2, "aliases": ["Russia", "Russian"], "kb_id": "RUS", "linked_ids": ["e_x"]}])
    writer.commit(_manifest())
    return out


def _csv_header(path: Path) -> list[str]:
    with open(path, encoding="utf-8", newline="") as fh:
        return next(csv.reader(fh))


def test_tables_documents_columns_are_the_contract_then_claimpipe_s() -> None:
    t = tables.tables()["documents"]
    assert t.csv_names == ["doc_id", "source", "title", "subtitle", "author", "published", "url", "n_chars",
                           "n_words", "n_sentences", "n_entities", "n_claims", "n_boilerplate", "boilerplate_chars",
                           "format", "site", "sha256", "folder", "extractor", "language"]
    assert t.names == t.csv_names + ["headings", "text"]
    assert [c.name for c in tables.document_record_columns()] == [
        "doc_id", "source", "title", "subtitle", "author", "published", "url", "headings", "format", "site",
        "sha256", "notes", "n_words", "n_sentences", "folder", "extractor", "language", "sentences", "text", "blocks",
        "boilerplate", "mentions", "entities", "claims"]


def test_tables_output_paths_by_format() -> None:
    assert tables.output_paths(("csv",)) == {"documents.csv", "boilerplate.csv", "entities.csv", "mentions.csv",
                                             "claims.csv", "errors.csv", "errors.jsonl", "corpus_entities.csv"}
    assert tables.output_paths(("jsonl",)) == {"documents.jsonl", "claims.jsonl", "errors.jsonl",
                                               "corpus_entities.csv"}
    assert tables.output_paths(("parquet",)) == {"parquet/documents", "parquet/boilerplate", "parquet/entities",
                                                 "parquet/mentions", "parquet/claims", "errors.jsonl",
                                                 "corpus_entities.csv"}


@pytest.mark.parametrize("tp, arrow, dtype", [
    (str, pa.string(), "string"), (str | None, pa.string(), "string"), (int, pa.int64(), "int64"),
    (int | None, pa.int64(), "Int64"), (float, pa.float64(), "float64"), (bool, pa.bool_(), "bool"),
    (list[str], pa.list_(pa.string()), "list"),
    (list[records.Quantity], pa.list_(pa.struct([("text", pa.string()), ("value", pa.float64()),
                                                  ("unit", pa.string()), ("start_char", pa.int64()),
                                                  ("end_char", pa.int64())])), "list"),
])
def test_tables_column_types_map_once(tp, arrow, dtype) -> None:
    assert arrow_type(tp) == arrow
    assert pandas_dtype(tp) == dtype


def _agree(out: Path) -> None:
    """Every table's columns and types are the same in its CSV header, Parquet schema, loaded frame and
    JSON Schema."""
    loaded = load(out)
    schemas = all_schemas()
    schema_of = {"claims": "claim.schema.json", "mentions": "mention.schema.json", "entities": "entity.schema.json",
                 "errors": "error.schema.json", "corpus_entities": "corpus_entity.schema.json"}
    for name, table in tables.tables().items():
        if "csv" in table.files:
            assert _csv_header(out / table.files["csv"]) == table.csv_names, name
        if "parquet" in table.files:
            written = pq.read_schema(next((out / table.files["parquet"]).glob("*.parquet")))
            assert written.names == table.names, name
            assert written == table_schema(table), name
        frame = loaded[name]
        assert list(frame.columns) == table.names, name
        for column in table.columns:
            kind = pandas_dtype(column.type)
            if kind == "list":
                assert all(isinstance(v, list) for v in frame[column.name]), (name, column.name)
            else:
                assert str(frame[column.name].dtype) == kind, (name, column.name)
        if name in schema_of:
            assert list(schemas[schema_of[name]]["properties"]) == table.names, name
    record = json.loads((out / "documents.jsonl").read_text(encoding="utf-8"))
    assert list(record) == list(schemas["document.schema.json"]["properties"])
    assert list(record) == [c.name for c in tables.document_record_columns()]
    assert list(json.loads((out / "claims.jsonl").read_text(encoding="utf-8"))) == tables.tables()["claims"].names


def test_tables_writer_loader_parquet_and_schemas_agree(tmp_path: Path) -> None:
    out = _write(tmp_path)
    _agree(out)
    loaded = load(out)
    assert loaded.claims["speaker_start"].dtype == "Int64" and loaded.claims["speaker_start"].isna().all()
    assert loaded.claims["quantities"][0] == [{"text": "40%", "value": 40.0, "unit": "%", "start_char": 12,
                                               "end_char": 15}]
    assert loaded.corpus_entities.iloc[0].to_dict() == {
        "entity_id": "e_0000000000000001", "name": "Russia", "label": "GPE", "n_documents": 1, "n_mentions": 2,
        "aliases": ["Russia", "Russian"], "kb_id": "RUS", "linked_ids": ["e_x"]}


def test_tables_shipped_schemas_are_the_tables() -> None:
    for name in ("claim", "mention", "entity", "error", "corpus_entity"):
        table = {"claim": "claims", "mention": "mentions", "entity": "entities", "error": "errors",
                 "corpus_entity": "corpus_entities"}[name]
        assert list(load_schema(f"{name}.schema.json")["properties"]) == tables.tables()[table].names


@dataclasses.dataclass(slots=True)
class LanguageClaim(records.Claim):
    """A claim with one more field, as a newcomer would add it to records.Claim."""

    language: str = ""


@dataclasses.dataclass(slots=True)
class LanguageArticle(records.Article):
    script: str | None = None
    word_count_guess: int = 0


@dataclasses.dataclass(slots=True)
class SentencesResult(records.DocResult):
    sentences: list[records.Block] = dataclasses.field(default_factory=list)  # not flat: documents.jsonl only


def test_tables_a_field_added_to_a_record_is_a_column_everywhere(tmp_path: Path, monkeypatch, fresh_tables) -> None:
    """docs/outputs.md, "Add a column": one edit in records.py, and every output has the column."""
    monkeypatch.setattr(records, "Claim", LanguageClaim)
    monkeypatch.setattr(records, "Article", LanguageArticle)
    monkeypatch.setattr(records, "DocResult", SentencesResult)
    tables.tables.cache_clear()
    base = _result()
    claim = LanguageClaim(**{f.name: getattr(base.claims[0], f.name) for f in dataclasses.fields(records.Claim)
                             if f.name != "language"}, language="en")
    article = LanguageArticle(**{f.name: getattr(base.article, f.name) for f in dataclasses.fields(base.article)},
                              script="Latn", word_count_guess=3)
    result = SentencesResult(article=article, cleaned=base.cleaned, n_sentences=1, n_words=3, claims=[claim],
                             sentences=[records.Block("sentence", 0, 16, 10, 26)])
    out = _write(tmp_path, result)
    _agree(out)  # the four still agree, now with the new columns
    assert _csv_header(out / "claims.csv")[-1] == "language"
    assert _csv_header(out / "documents.csv")[-2:] == ["script", "word_count_guess"]  # `sentences` is no cell
    record = json.loads((out / "documents.jsonl").read_text(encoding="utf-8"))
    assert (record["script"], record["word_count_guess"]) == ("Latn", 3)
    assert record["sentences"] == [{"kind": "sentence", "start_char": 0, "end_char": 16, "source_start": 10,
                                    "source_end": 26}]
    assert list(record).index("script") == list(record).index("language") + 1
    loaded = load(out)
    assert loaded.claims["language"].tolist() == ["en"] and loaded.claims["language"].dtype == "string"
    assert loaded.documents["word_count_guess"].tolist() == [3] and loaded.documents["word_count_guess"].dtype == "int64"
    claims_parquet = pq.read_table(out / "parquet" / "claims")
    assert claims_parquet.schema.field("language").type == pa.string()
    assert claims_parquet.column("language").to_pylist() == ["en"]
    documents_parquet = pq.read_table(out / "parquet" / "documents")
    assert documents_parquet.column("word_count_guess").to_pylist() == [3]
    schemas = all_schemas()
    assert schemas["claim.schema.json"]["properties"]["language"] == {"type": "string"}
    assert schemas["document.schema.json"]["properties"]["script"] == {"anyOf": [{"type": "string"},
                                                                                 {"type": "null"}]}
    assert schemas["document.schema.json"]["properties"]["sentences"]["items"]["title"] == "Block"


def test_tables_a_field_marked_not_exported_is_in_no_output(tmp_path: Path, monkeypatch, fresh_tables) -> None:
    @dataclasses.dataclass(slots=True)
    class PrivateArticle(records.Article):
        raw_html: str = dataclasses.field(default="", metadata=records.NOT_EXPORTED)

    monkeypatch.setattr(records, "Article", PrivateArticle)
    tables.tables.cache_clear()
    base = _result()
    article = PrivateArticle(**{f.name: getattr(base.article, f.name) for f in dataclasses.fields(base.article)},
                             raw_html="<p>secret</p>")
    out = _write(tmp_path, dataclasses.replace(base, article=article))
    assert "secret" not in (out / "documents.jsonl").read_text(encoding="utf-8")
    assert "raw_html" not in _csv_header(out / "documents.csv")
    assert "raw_html" not in all_schemas()["document.schema.json"]["properties"]


def _imports(module: str) -> set[str]:
    """The claimpipe modules a module of src/claimpipe imports (relative imports, at any depth)."""
    import ast

    path = Path(__file__).resolve().parent.parent / "src" / "claimpipe" / f"{module}.py"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found |= {node.module} if node.module else {a.name for a in node.names}
    return found


def test_tables_modules_import_no_cycle() -> None:
    assert _imports("tables") == {"records"}
    assert _imports("parquet") == {"tables"}
    assert _imports("loader") == {"tables"}
    assert _imports("schemas") <= {"records", "tables", "version"}
    assert "export" not in _imports("parquet") | _imports("loader") | _imports("schemas") | _imports("tables")
