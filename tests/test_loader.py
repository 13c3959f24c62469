from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import claimpipe
from claimpipe.loader import load


def test_loader_types_every_table(seed_run) -> None:
    out, summary = seed_run
    data = claimpipe.load(out)
    assert len(data.documents) == summary.n_documents
    assert len(data.claims) == summary.n_claims
    assert len(data.mentions) == summary.n_mentions
    for frame, col in [(data.documents, "doc_id"), (data.claims, "claim_id"), (data.mentions, "mention_id"),
                       (data.entities, "entity_id"), (data.corpus_entities, "entity_id")]:
        assert frame[col].dtype == "string"
    assert data.claims["negated"].dtype == bool and data.claims["hedged"].dtype == bool
    assert data.claims["checkworthiness"].dtype == "float64"
    assert data.mentions["start_char"].dtype == "int64"
    assert all(isinstance(v, list) for v in data.claims["claim_types"])
    assert all(isinstance(v, list) for v in data.entities["aliases"])
    assert data.manifest["schema_version"] == 1


def test_loader_offsets_slice_the_clean_text(seed_run) -> None:
    out, _ = seed_run
    data = load(out)
    texts = dict(zip(data.documents["doc_id"], data.documents["text"]))
    for table in (data.claims, data.mentions):
        for row in table.itertuples():
            assert texts[row.doc_id][row.start_char:row.end_char] == row.text


def test_loader_empty_run(tmp_path: Path, nlp) -> None:
    from claimpipe.pipeline import run

    (tmp_path / "corpus").mkdir()
    run(tmp_path / "corpus", tmp_path / "out", nlp=nlp)
    data = load(tmp_path / "out")
    assert list(data.claims.columns[:3]) == ["claim_id", "doc_id", "sentence_index"]
    assert len(data.claims) == 0 and data.claims["start_char"].dtype == "int64"


def test_loader_without_manifest_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no complete claimpipe run"):
        load(tmp_path)


def test_loader_csv_and_jsonl_agree(seed_run) -> None:
    out, _ = seed_run
    csv_claims = pd.read_csv(out / "claims.csv", dtype=str, keep_default_na=False)
    data = load(out)
    assert list(csv_claims["claim_id"]) == list(data.claims["claim_id"])
    assert list(csv_claims["negated"]) == ["true" if v else "false" for v in data.claims["negated"]]


# ---- checks on what is read ------------------------------------------------------------------------

def _small_run(out: Path) -> Path:
    from claimpipe.export import OutputWriter
    from claimpipe.records import DocError

    from .test_export import _result

    writer = OutputWriter(out)
    writer.add(_result())
    writer.add(_result())
    writer.add_error(DocError("bad.txt", "ingest", "EmptyInput", "empty (no text)"))
    writer.commit({"schema_version": 1, "claimpipe_version": "0.1.0", "finished_at": "2026-01-01T00:00:00+00:00",
                   "seconds": 12.5, "counts": {"documents": 2, "claims": 2, "mentions": 0, "entities": 0,
                                               "errors": 1}})
    return out


def test_loader_prints_a_short_summary(tmp_path: Path) -> None:
    data = load(_small_run(tmp_path))
    assert str(data) == (f"claimpipe outputs in {tmp_path}: schema_version 1, claimpipe 0.1.0, "
                         "finished 2026-01-01T00:00:00+00:00, 12.5 s\n"
                         "  documents 2  boilerplate 2  mentions 0  entities 0  claims 2  errors 1  corpus_entities 0")
    assert repr(data) == f"<Outputs {data}>"
    assert "settings" not in repr(data)  # not the whole manifest


def test_loader_truncated_file_is_an_error_naming_it(tmp_path: Path) -> None:
    from claimpipe.loader import OutputsError

    out = _small_run(tmp_path)
    lines = (out / "claims.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (out / "claims.jsonl").write_text(lines[0], encoding="utf-8")  # one whole line lost
    with pytest.raises(OutputsError) as caught:
        load(out)
    assert str(caught.value) == (f"{out / 'claims.jsonl'} holds 1 claims rows but manifest.json counts 2: the file "
                                 "is truncated or from another run; run `claimpipe run` again")


def test_loader_line_cut_midway_is_an_error_naming_file_and_line(tmp_path: Path) -> None:
    from claimpipe.loader import OutputsError

    out = _small_run(tmp_path)
    data = (out / "documents.jsonl").read_bytes()
    (out / "documents.jsonl").write_bytes(data[: len(data) - 40])  # the second record cut short
    with pytest.raises(OutputsError, match=r"documents\.jsonl, line 2: not valid JSON \(.* at column \d+\); the "
                                           r"file is damaged or truncated"):
        load(out)


@pytest.mark.parametrize("line, message", [
    (b"[1, 2]\n", "line 2: a JSON list, not an object"),
    (b'{"source": "\xff"}\n', "line 2: not UTF-8 (invalid start byte at byte 13)"),
])
def test_loader_bad_line_in_errors_jsonl(tmp_path: Path, line: bytes, message: str) -> None:
    from claimpipe.loader import OutputsError

    out = _small_run(tmp_path)
    with open(out / "errors.jsonl", "ab") as fh:
        fh.write(line)
    with pytest.raises(OutputsError) as caught:
        load(out)
    assert str(caught.value).startswith(f"{out / 'errors.jsonl'}, {message}")


def test_loader_reads_parquet_when_there_is_no_jsonl(tmp_path: Path) -> None:
    from claimpipe.export import OutputWriter

    from .test_export import _result

    for formats, name in [(("jsonl",), "a"), (("parquet",), "b")]:
        writer = OutputWriter(tmp_path / name, formats=formats)
        writer.add(_result())
        writer.commit({"schema_version": 1, "counts": {"documents": 1, "claims": 1}})
    from_jsonl, from_parquet = load(tmp_path / "a"), load(tmp_path / "b")
    for table in ("documents", "boilerplate", "mentions", "entities", "claims"):
        pd.testing.assert_frame_equal(from_jsonl[table], from_parquet[table], obj=table)


def test_loader_csv_only_run_says_what_to_do(tmp_path: Path) -> None:
    from claimpipe.export import OutputWriter

    from .test_export import _result

    writer = OutputWriter(tmp_path, formats=("csv",))
    writer.add(_result())
    writer.commit({"schema_version": 1})
    with pytest.raises(FileNotFoundError, match="--format csv only; run `claimpipe run` with --format including "
                                                "jsonl or parquet"):
        load(tmp_path)
