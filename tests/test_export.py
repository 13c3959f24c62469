from __future__ import annotations

import csv
import errno
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


# ---- publication: stale formats and failures ---------------------------------------------------------

def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_export_formats_not_written_this_run_are_removed(tmp_path: Path) -> None:
    first = OutputWriter(tmp_path, formats=("jsonl", "csv", "parquet"))
    first.add(_result())
    first.write_table("corpus_entities.csv", ["entity_id"], [])
    first.commit({"schema_version": 1})
    (tmp_path / "notes.txt").write_text("mine")  # not claimpipe's: stays
    second = OutputWriter(tmp_path, formats=("csv",))
    second.add(_result())
    second.write_table("corpus_entities.csv", ["entity_id"], [])
    second.commit({"schema_version": 1})
    assert _names(tmp_path) == ["boilerplate.csv", "claims.csv", "corpus_entities.csv", "documents.csv",
                                "entities.csv", "errors.csv", "errors.jsonl", "manifest.json", "mentions.csv",
                                "notes.txt"]
    third = OutputWriter(tmp_path, formats=("jsonl",))
    third.add(_result())
    third.commit({"schema_version": 1})
    assert _names(tmp_path) == ["claims.jsonl", "documents.jsonl", "errors.jsonl", "manifest.json", "notes.txt"]


def _disk_full_at(name: str, monkeypatch) -> None:
    """Make the staging file `name` live on /dev/full: every write that reaches the disk fails with ENOSPC."""
    import claimpipe.export as export

    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    real = export._open_staged

    def opener(path: Path, *, newline: str):
        if Path(path).name == name:
            return open("/dev/full", "w", encoding="utf-8", newline=newline)
        return real(path, newline=newline)

    monkeypatch.setattr(export, "_open_staged", opener)


class _FullDisk:
    """A file whose writes fail as on a full disk, and whose close fails flushing them."""

    def __init__(self) -> None:
        self.closed = False

    def write(self, _text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("how", ["dev-full documents.jsonl", "dev-full claims.csv", "raising errors.jsonl"])
def test_export_disk_full_leaves_no_staging_and_the_previous_run(tmp_path: Path, monkeypatch, how: str) -> None:
    import claimpipe.export as export

    first = OutputWriter(tmp_path)
    first.add(_result())
    first.commit({"schema_version": 1, "run": "first"})
    before = {name: (tmp_path / name).read_bytes() for name in _names(tmp_path)}
    kind, name = how.split(" ")
    if kind == "dev-full":
        _disk_full_at(name, monkeypatch)
    else:
        real = export._open_staged
        monkeypatch.setattr(export, "_open_staged",
                            lambda path, *, newline: _FullDisk() if Path(path).name == name else real(path, newline=newline))
    with pytest.raises(OSError) as caught:
        with OutputWriter(tmp_path) as writer:
            for _ in range(300):  # past the 8 KB buffer, so a write reaches the disk
                writer.add(_result())
            writer.add_error(DocError("bad.txt", "ingest", "EmptyInput", "empty (no text)"))
            writer.commit({"schema_version": 1, "run": "second"})
    assert caught.value.errno == errno.ENOSPC
    assert not (tmp_path / ".claimpipe-staging").exists()
    assert {name: (tmp_path / name).read_bytes() for name in _names(tmp_path)} == before


def test_export_disk_full_at_commit_removes_staging(tmp_path: Path, monkeypatch) -> None:
    """A small run whose one buffered write fails only when commit() closes the file."""
    _disk_full_at("documents.jsonl", monkeypatch)
    writer = OutputWriter(tmp_path)
    writer.add(_result())
    with pytest.raises(OSError) as caught:
        writer.commit({"schema_version": 1})
    assert caught.value.errno == errno.ENOSPC
    assert _names(tmp_path) == []  # nothing published, staging gone
    writer.abort()  # a caller's abort() after a failed commit is harmless


def test_export_failure_opening_the_files_removes_staging(tmp_path: Path, monkeypatch) -> None:
    import claimpipe.export as export

    real = export._open_staged

    def opener(path: Path, *, newline: str):
        if Path(path).name == "claims.csv":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, newline=newline)

    monkeypatch.setattr(export, "_open_staged", opener)
    with pytest.raises(OSError):
        OutputWriter(tmp_path)
    assert _names(tmp_path) == []


def test_export_disk_full_during_a_real_run(tmp_path: Path, monkeypatch, nlp) -> None:
    from claimpipe.pipeline import run

    from .conftest import SEED

    out = tmp_path / "out"
    run(SEED, out, nlp=nlp, use_cache=False)
    before = (out / "documents.jsonl").read_bytes()
    _disk_full_at("documents.jsonl", monkeypatch)
    with pytest.raises(OSError) as caught:
        run(SEED, out, nlp=nlp, use_cache=False)
    assert caught.value.errno == errno.ENOSPC
    assert not (out / ".claimpipe-staging").exists()
    assert (out / "documents.jsonl").read_bytes() == before and (out / "manifest.json").exists()
