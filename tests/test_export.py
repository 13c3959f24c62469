from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from claimpipe.export import OutputWriter, csv_cell, csv_text, neutralise_cell, write_json_atomic
from claimpipe.records import Article, Block, Claim, Cleaned, DocError, DocResult, Quantity, Removal
from claimpipe.schemas import all_schemas, load_schema


@pytest.mark.parametrize("value, cell", [
    (None, ""), (True, "true"), (False, "false"), (3, "3"), (0.25, "0.25"),
    (["a", "b"], "a|b"), ([], ""),
    ([{"text": "40%", "value": 40.0}, {"text": "$3 billion"}], "40%|$3 billion"),
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1 555", "'+1 555"), ("-5", "-5"), ("-minus", "'-minus"), ("@SUM(A1)", "'@SUM(A1)"),
    ("plain = fine", "plain = fine"),
])
def test_export_csv_cell(value, cell) -> None:
    assert csv_cell(value) == cell


def test_export_neutralised_cell_reads_back_as_text() -> None:
    text = csv_text(["text"], [{"text": '=cmd|" /C calc"!A0'}])
    (row,) = list(csv.DictReader(io.StringIO(text)))
    assert row["text"] == "'=cmd|\" /C calc\"!A0"
    assert not row["text"].startswith(("=", "+", "-", "@"))
    assert neutralise_cell("Russia said") == "Russia said"


def _result() -> DocResult:
    source = "Read More\nRussia grew 40%."
    cleaned = Cleaned(text="Russia grew 40%.", blocks=[Block("paragraph", 0, 16, 10, 26)],
                      removals=[Removal(0, 9, "read more", "Read More")])
    article = Article(source="a.txt", text=source, doc_id="d_0000000000000001", sha256="ab", site=".")
    claim = Claim(claim_id="c_0000000000000001", doc_id=article.doc_id, sentence_index=0, text="Russia grew 40%.",
                  start_char=0, end_char=16, source_start=10, source_end=26, standalone_text="Russia grew 40%.",
                  quantities=[Quantity("40%", 40.0, "%", 12, 15)], claim_types=["quantitative", "factual"])
    return DocResult(article=article, cleaned=cleaned, n_sentences=1, n_words=3, claims=[claim])


def test_export_writer_publishes_all_files_and_manifest_last(tmp_path: Path) -> None:
    writer = OutputWriter(tmp_path)
    writer.add(_result())
    writer.add_error(DocError("bad.txt", "ingest", "EmptyInput", "empty (no text)"))
    assert not (tmp_path / "documents.jsonl").exists()  # nothing published before commit
    writer.commit({"schema_version": 1})
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["boilerplate.csv", "claims.csv", "claims.jsonl", "documents.csv", "documents.jsonl",
                     "entities.csv", "errors.csv", "errors.jsonl", "manifest.json", "mentions.csv"]
    (claim,) = [json.loads(line) for line in (tmp_path / "claims.jsonl").read_text().splitlines()]
    assert claim["quantities"] == [{"text": "40%", "value": 40.0, "unit": "%", "start_char": 12, "end_char": 15}]
    rows = list(csv.DictReader(open(tmp_path / "claims.csv", encoding="utf-8", newline="")))
    assert (rows[0]["claim_types"], rows[0]["quantities"], rows[0]["negated"]) == ("quantitative|factual", "40%", "false")
    doc_rows = list(csv.DictReader(open(tmp_path / "documents.csv", encoding="utf-8", newline="")))
    assert (doc_rows[0]["n_boilerplate"], doc_rows[0]["boilerplate_chars"], doc_rows[0]["n_claims"]) == ("1", "9", "1")
    errors = [json.loads(line) for line in (tmp_path / "errors.jsonl").read_text().splitlines()]
    assert errors == [{"source": "bad.txt", "stage": "ingest", "error": "EmptyInput", "message": "empty (no text)"}]


def test_export_abort_keeps_previous_outputs(tmp_path: Path) -> None:
    first = OutputWriter(tmp_path)
    first.add(_result())
    first.commit({"schema_version": 1})
    before = (tmp_path / "documents.jsonl").read_bytes()
    second = OutputWriter(tmp_path)
    second.add_error(DocError("x", "ingest", "E", "m"))
    second.abort()
    assert (tmp_path / "documents.jsonl").read_bytes() == before
    assert (tmp_path / "manifest.json").exists()
    assert not (tmp_path / ".claimpipe-staging").exists()


def test_export_write_json_atomic_leaves_no_temp_files(tmp_path: Path) -> None:
    write_json_atomic(tmp_path / "m.json", {"a": 1})
    write_json_atomic(tmp_path / "m.json", {"a": 2})
    assert json.loads((tmp_path / "m.json").read_text()) == {"a": 2}
    assert [p.name for p in tmp_path.iterdir()] == ["m.json"]


def test_export_shipped_schemas_match_the_records() -> None:
    for name, schema in all_schemas().items():
        assert load_schema(name) == schema, f"{name} is stale: run python -m claimpipe.schemas"


def test_export_records_validate_against_schemas(tmp_path: Path) -> None:
    import jsonschema

    writer = OutputWriter(tmp_path)
    writer.add(_result())
    writer.commit({"schema_version": 1})
    doc = json.loads((tmp_path / "documents.jsonl").read_text())
    jsonschema.validate(doc, load_schema("document.schema.json"))
    jsonschema.validate(doc["claims"][0], load_schema("claim.schema.json"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**doc["claims"][0], "claim_id": "42"}, load_schema("claim.schema.json"))


def test_export_as_row_equals_asdict() -> None:
    import dataclasses

    from claimpipe.export import as_row

    result = _result()
    for obj in [result.claims[0], result.cleaned.blocks[0], result.cleaned.removals[0]]:
        assert as_row(obj) == dataclasses.asdict(obj)
    # the article's source text is marked NOT_EXPORTED: the outputs hold the clean text only
    assert as_row(result.article) == {k: v for k, v in dataclasses.asdict(result.article).items() if k != "text"}
