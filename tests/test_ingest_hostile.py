"""Hostile inputs (issue 21): each costs one DocError row or one note, never the run."""

from __future__ import annotations

import codecs
import json
import os
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimpipe.ingest import DAMAGED_UTF8, decode_bytes, find_inputs, read_corpus, replace_controls
from claimpipe.records import Article, DocError


def _by_source(items) -> dict[str, Article | DocError]:
    return {i.source: i for i in items}


def test_ingest_hostile_lone_surrogate_in_jsonl_is_one_error(tmp_path: Path) -> None:
    lines = ['{"text": "Bad \\ud800 text."}', '{"text": "Good.", "title": "Bad \\udfff title"}',
             '{"text": "Fine \\ud83d\\ude00 pair."}']
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _by_source(read_corpus(tmp_path))
    assert (items["feed.jsonl#L1"].error, items["feed.jsonl#L1"].message) == (
        "InvalidUnicode", "`text` holds a lone surrogate (\\ud800) at character 4: not valid Unicode text")
    assert (items["feed.jsonl#L2"].error, items["feed.jsonl#L2"].message) == (
        "InvalidUnicode", "`title` holds a lone surrogate (\\udfff) at character 4: not valid Unicode text")
    assert items["feed.jsonl#L3"].text == "Fine \U0001F600 pair."


def test_ingest_hostile_deeply_nested_json_line_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "feed.jsonl").write_text("[" * 100_000 + "\n" + json.dumps({"text": "After."}) + "\n",
                                         encoding="utf-8")
    items = _by_source(read_corpus(tmp_path))
    assert items["feed.jsonl#L1"].error == "InvalidJSON"
    assert items["feed.jsonl#L1"].message.startswith("JSON nested too deeply to read")
    assert items["feed.jsonl#L2"].text == "After."


def test_ingest_hostile_folder_tree_1000_deep_is_walked(tmp_path: Path) -> None:
    here = tmp_path
    for _ in range(1000):  # one level at a time: mkdir(parents=True) itself recurses
        here = here / "d"
        here.mkdir()
    (here / "deep.txt").write_text("Deep story.", encoding="utf-8")
    try:
        files, errors = find_inputs(tmp_path)
        assert errors == []
        assert [f.source for f in files] == ["d/" * 1000 + "deep.txt"]
    finally:  # remove it bottom-up: pytest's own clean-up of old temp folders recurses and would fail on it
        (here / "deep.txt").unlink()
        while here != tmp_path:
            here.rmdir()
            here = here.parent


def test_ingest_hostile_fifo_is_skipped_unopened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "a.txt").write_text("A story.", encoding="utf-8")
    result: list = []
    reader = threading.Thread(target=lambda: result.extend(read_corpus(tmp_path)), daemon=True)
    reader.start()
    reader.join(timeout=20)
    assert not reader.is_alive(), "reading a FIFO hung the run"
    items = _by_source(result)
    assert (items["pipe.txt"].error, items["pipe.txt"].message) == (
        "SpecialFile", "a FIFO (named pipe), not a regular file; skipped unread")
    assert items["a.txt"].text == "A story."


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_ingest_hostile_device_file_is_skipped(tmp_path: Path) -> None:
    os.symlink("/dev/null", tmp_path / "null.txt")
    files, errors = find_inputs(tmp_path)
    assert files == []
    assert [(e.source, e.error, e.message) for e in errors] == [
        ("null.txt", "SpecialFile", "a character device, not a regular file; skipped unread")]


def test_ingest_hostile_output_folders_are_not_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A story.", encoding="utf-8")
    for name in ("outputs", "other-run"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "claims.jsonl").write_text('{"text": "a claim"}\n', encoding="utf-8")
    (tmp_path / "other-run" / "manifest.json").write_text('{"claimpipe_version": "0.1.0"}', encoding="utf-8")
    sources = [i.source for i in read_corpus(tmp_path, exclude=(tmp_path / "outputs",))]
    assert sources == ["a.txt"]


def test_ingest_hostile_stray_controls_are_replaced_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"Ding\x07 dong.\x1b[0m Page\x0cbreak\x0bhere.")
    (article,) = read_corpus(tmp_path)
    assert article.text == "Ding  dong. [0m Page\nbreak\nhere."
    assert article.notes == ["4 control character(s) replaced (BEL x1, ESC x1, FF x1, VT x1): "
                             "VT and FF by a newline, others by a space"]


@given(st.text())
def test_ingest_hostile_replace_controls_keeps_length(text: str) -> None:
    fixed, notes = replace_controls(text)
    assert len(fixed) == len(text)
    assert bool(notes) == (fixed != text)
    assert replace_controls(fixed) == (fixed, [])


def test_ingest_hostile_utf8_cut_mid_character_stays_utf8(tmp_path: Path) -> None:
    data = "It’s the end’s “story”".encode("utf-8")[:-2]  # the closing quote cut after its first byte
    assert decode_bytes(data) == ("It’s the end’s “story\ufffd", DAMAGED_UTF8)
    (tmp_path / "cut.txt").write_bytes(data)
    (article,) = read_corpus(tmp_path)
    assert article.text == "It’s the end’s “story\ufffd"
    assert article.notes == ["decoded as UTF-8 with 1 invalid byte sequence(s) replaced by U+FFFD (first at byte 27); "
                             "the file is damaged or cut mid-character"]


def test_ingest_hostile_one_bad_byte_in_long_utf8_is_replaced() -> None:
    data = ("Café " * 20).encode("utf-8") + b"\xff" + " naïve".encode("utf-8")
    text, encoding = decode_bytes(data)
    assert encoding == DAMAGED_UTF8
    assert text == "Café " * 20 + "\ufffd naïve"


def test_ingest_hostile_legacy_8bit_text_is_not_taken_for_damaged_utf8() -> None:
    text, encoding = decode_bytes("Ministre de l'économie à Paris, dit-il.".encode("cp1252"))
    assert encoding not in ("utf-8", DAMAGED_UTF8)
    assert text == "Ministre de l'économie à Paris, dit-il."


@pytest.mark.parametrize("encoding, bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_ingest_hostile_utf16_jsonl_is_parsed_whole(tmp_path: Path, encoding: str, bom: bytes) -> None:
    lines = [json.dumps({"text": f"Story number {i} – ok.", "title": f"T{i}"}, ensure_ascii=False) for i in range(3)]
    (tmp_path / "feed.jsonl").write_bytes(bom + "\r\n".join(lines).encode(encoding) + "\r\n".encode(encoding))
    items = list(read_corpus(tmp_path))
    assert [(i.source, i.text, i.title) for i in items] == [
        (f"feed.jsonl#L{i + 1}", f"Story number {i} – ok.", f"T{i}") for i in range(3)]


def test_ingest_hostile_binary_still_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x01\x02\x03\x04\x05\x06 binary-ish")
    (item,) = read_corpus(tmp_path)
    assert (item.error, item.message) == ("BinaryInput", "binary content (a NUL, or over 25% control bytes), not text")
