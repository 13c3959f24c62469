from __future__ import annotations

import codecs
import hashlib
import json
import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimpipe.ingest import (InputError, decode_bytes, find_inputs, looks_binary, normalise_text, read_corpus)
from claimpipe.records import Article, DocError, make_doc_id
from claimpipe.settings import Settings


def _by_source(items):
    return {i.source: i for i in items}


@pytest.mark.parametrize("raw, expected", [
    ("a\r\nb\rc\n", "a\nb\nc\n"),
    ("Cafe\u0301", "Café"),  # NFD e + combining acute -> NFC é
    ("  keep  spacing\t", "  keep  spacing\t"),
])
def test_ingest_normalise_text(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


@pytest.mark.parametrize("data, text, encoding", [
    ("Kazakhstan’s".encode("utf-8"), "Kazakhstan’s", "utf-8"),
    (codecs.BOM_UTF8 + b"Hi", "\ufeffHi", "utf-8"),  # kept, as a plain UTF-8 read keeps it
    (codecs.BOM_UTF16_LE + "Hi".encode("utf-16-le"), "Hi", "utf-16"),
])
def test_ingest_decode_bytes(data: bytes, text: str, encoding: str) -> None:
    assert decode_bytes(data) == (text, encoding)


def test_ingest_decode_latin1_falls_back_to_detector() -> None:
    data = "Le président a déclaré que l'économie était à la peine, selon Reuters.".encode("latin-1")
    text, encoding = decode_bytes(data)
    assert text == "Le président a déclaré que l'économie était à la peine, selon Reuters."
    assert encoding != "utf-8"


@pytest.mark.parametrize("data, binary", [
    (b"plain text\n", False),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", True),
    (b"abc\x00def", True),
    (b"", False),
])
def test_ingest_looks_binary(data: bytes, binary: bool) -> None:
    assert looks_binary(data) is binary


def test_ingest_binary_raises_input_error() -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(b"\x00\x01\x02\x03binary")
    assert info.value.kind == "BinaryInput"


def test_ingest_text_file_gets_content_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"Hello world.\r\n")
    (article,) = read_corpus(tmp_path)
    assert article == Article(source="a.txt", text="Hello world.\n", doc_id=make_doc_id("Hello world.\n"),
                              sha256=hashlib.sha256(b"Hello world.\r\n").hexdigest(), folder=".", language="en")
    assert article.doc_id == "d_" + hashlib.sha256(b"Hello world.\n").hexdigest()[:16]


def test_ingest_same_text_same_id_anywhere(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "a.txt").write_text("Same story.", encoding="utf-8")
    (tmp_path / "x" / "b.md").write_text("Same story.", encoding="utf-8")
    a, b = read_corpus(tmp_path)
    assert (a.source, b.source) == ("a.txt", "x/b.md")
    assert a.doc_id == b.doc_id


def test_ingest_bad_inputs_become_errors_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("A good article.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    (tmp_path / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00")
    (tmp_path / "latin1.txt").write_bytes("Ministre de l'économie à Paris.".encode("latin-1"))
    (tmp_path / "huge.txt").write_bytes(b"word " * 1_100_000)  # 5.5 MB
    (tmp_path / "notes.csv").write_text("ignored,file", encoding="utf-8")
    lines = [json.dumps({"text": "First record.", "title": "T1", "url": "https://www.example.com/a"}),
             '{"text": "truncated rec', json.dumps({"title": "no text"}), json.dumps([1, 2]), "",
             json.dumps({"text": "Last record."})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _by_source(read_corpus(tmp_path))
    assert sorted(items) == ["binary.txt", "blank.txt", "empty.txt", "feed.jsonl#L1", "feed.jsonl#L2",
                             "feed.jsonl#L3", "feed.jsonl#L4", "feed.jsonl#L6", "good.txt", "huge.txt", "latin1.txt"]
    errors = {s: (i.stage, i.error) for s, i in items.items() if isinstance(i, DocError)}
    assert errors == {
        "binary.txt": ("ingest", "BinaryInput"), "blank.txt": ("ingest", "EmptyInput"),
        "empty.txt": ("ingest", "EmptyInput"), "huge.txt": ("ingest", "TooLarge"),
        "feed.jsonl#L2": ("ingest", "InvalidJSON"), "feed.jsonl#L3": ("ingest", "MissingText"),
        "feed.jsonl#L4": ("ingest", "InvalidJSON"),
    }
    assert items["huge.txt"].message == "5,500,000 bytes is over the limit of 4,000,000 (setting max_article_chars)"
    assert items["latin1.txt"].text == "Ministre de l'économie à Paris."
    assert items["latin1.txt"].notes and items["latin1.txt"].notes[0].startswith("decoded as ")
    first = items["feed.jsonl#L1"]
    assert (first.text, first.title, first.url, first.site) == ("First record.", "T1", "https://www.example.com/a",
                                                                "example.com")


def test_ingest_unreadable_file_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("Readable.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Not readable.", encoding="utf-8")
    real_open = open

    def fake_open(path, *args, **kwargs):
        if str(path).endswith("b.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", fake_open)
    items = _by_source(read_corpus(tmp_path))
    assert isinstance(items["a.txt"], Article)
    assert (items["b.txt"].error, items["b.txt"].message) == ("PermissionError", "cannot read: Permission denied")


def test_ingest_symlink_loop_is_reported_once(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Story.", encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    files, errors = find_inputs(tmp_path)
    assert [f.source for f in files] == ["sub/a.txt"]
    assert [(e.source, e.error) for e in errors] == [("sub/loop", "SymlinkLoop")]


def test_ingest_long_jsonl_line_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    settings = Settings(max_article_chars=100)
    (tmp_path / "f.jsonl").write_bytes(b'{"text": "' + b"x" * 5000 + b'"}\n{"text": "ok"}\n')
    items = _by_source(read_corpus(tmp_path, settings=settings))
    assert items["f.jsonl#L1"].error == "TooLarge"
    assert items["f.jsonl#L2"].text == "ok"


def test_ingest_single_file_path(tmp_path: Path) -> None:
    path = tmp_path / "one.md"
    path.write_text("# Title\n\nBody.", encoding="utf-8")
    (article,) = read_corpus(path)
    assert article.source == "one.md"


@given(st.text())
def test_ingest_normalise_is_idempotent_and_nfc(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert "\r" not in once
    assert unicodedata.is_normalized("NFC", once)


@given(st.text(min_size=1))
def test_ingest_utf8_round_trip(text: str) -> None:
    data = text.encode("utf-8")
    if looks_binary(data):
        return
    assert decode_bytes(data) == (text, "utf-8")


@pytest.mark.parametrize("text, repair, expected_text, expected_notes", [
    ("Café owners said prices rose.", False, "Café owners said prices rose.", []),
    ("CafÃ© owners said prices rose.", False, "CafÃ© owners said prices rose.",
     ["looks like mojibake (wrongly decoded text); not repaired: set repair_mojibake to fix it"]),
    ("CafÃ© owners said prices rose.", True, "Café owners said prices rose.", ["mojibake repaired by ftfy"]),
])
def test_ingest_mojibake_is_noted_and_repaired_on_request(tmp_path: Path, text, repair, expected_text,
                                                          expected_notes) -> None:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (article,) = read_corpus(tmp_path, settings=Settings(repair_mojibake=repair))
    assert (article.text, article.notes) == (expected_text, expected_notes)
    assert article.doc_id == make_doc_id(expected_text)


def test_ingest_ascii_text_is_never_mojibake_to_ftfy() -> None:
    """check_mojibake skips ftfy's heuristic for ASCII text: no pattern of it matches ASCII alone (every
    pattern is at most four characters and needs a non-ASCII one, so all strings of up to three suffice)."""
    from ftfy.badness import is_bad

    ascii_chars = [chr(i) for i in range(128)]
    assert not any(is_bad(a + b + c) for a in ascii_chars for b in ascii_chars for c in ascii_chars)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=200))
def test_ingest_check_mojibake_leaves_ascii_alone(text: str) -> None:
    from claimpipe.ingest import check_mojibake

    assert check_mojibake(text, repair=True) == (text, [])


def test_ingest_gzip_inputs_read_as_the_files_they_hold(tmp_path: Path) -> None:
    import gzip

    text = "Exports rose by 4% in May.\n\nThe ministry said the rise would continue.\n"
    (tmp_path / "plain.txt").write_text(text, encoding="utf-8")
    (tmp_path / "packed.txt.gz").write_bytes(gzip.compress(text.replace("May", "June").encode()))
    lines = [json.dumps({"text": "First line article.", "title": "One"}), json.dumps({"text": "Second one."})]
    (tmp_path / "feed.jsonl.gz").write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(
        b"<html><body><article><p>" + b"The central bank held its rate at 5.25% on Thursday. " * 4
        + b"</p></article></body></html>"))
    (tmp_path / "table.csv.gz").write_bytes(gzip.compress(b"a,b\n1,2\n"))  # not an article format: skipped
    items = _by_source(read_corpus(tmp_path))
    assert sorted(items) == ["feed.jsonl.gz#L1", "feed.jsonl.gz#L2", "packed.txt.gz", "page.html.gz", "plain.txt"]
    packed = items["packed.txt.gz"]
    assert isinstance(packed, Article) and packed.text == text.replace("May", "June")
    assert packed.doc_id == make_doc_id(packed.text)
    assert packed.sha256 == hashlib.sha256(packed.text.encode()).hexdigest()  # of the content, not the archive
    assert items["feed.jsonl.gz#L1"].title == "One" and items["feed.jsonl.gz#L2"].text == "Second one."
    assert isinstance(items["page.html.gz"], Article) and "5.25%" in items["page.html.gz"].text


def test_ingest_damaged_or_oversized_gzip_is_an_error_and_the_rest_is_read(tmp_path: Path) -> None:
    import gzip

    (tmp_path / "good.txt").write_text("A plain article that reads fine.", encoding="utf-8")
    (tmp_path / "fake.txt.gz").write_bytes(b"this is not gzip data at all")
    noise = b"".join(hashlib.sha256(str(i).encode()).digest() for i in range(60))  # 1,920 bytes that do not compress
    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress(noise)[:500])  # the archive ends early
    # a small archive that unpacks past the limit (a "zip bomb"): refused after limit + 1 bytes
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 5_000))
    (tmp_path / "bomb.jsonl.gz").write_bytes(gzip.compress((json.dumps({"text": "b" * 400}) + "\n").encode() * 20))
    settings = Settings(max_article_chars=1_000, max_file_bytes=4_000)
    items = _by_source(read_corpus(tmp_path, settings=settings))
    assert isinstance(items["good.txt"], Article)
    kinds = {k: (v.error, v.message) for k, v in items.items() if isinstance(v, DocError)}
    assert kinds["fake.txt.gz"][0] == "CorruptCompressed"
    assert kinds["cut.txt.gz"][0] == "CorruptCompressed"
    assert kinds["bomb.txt.gz"] == ("TooLarge", "decompresses to over 4,000 bytes, the limit (setting max_article_chars)")
    assert kinds["bomb.jsonl.gz"][0] == "TooLarge" and "stopped at line 10" in kinds["bomb.jsonl.gz"][1]
    # the lines before the limit are articles
    assert sum(isinstance(v, Article) and k.startswith("bomb.jsonl.gz#") for k, v in items.items()) == 9


def test_ingest_jsonl_metadata_is_text_or_left_out_with_a_note(tmp_path: Path) -> None:
    """Review finding: a list of authors was written as "['A', 'B']" and a number title as "123"."""
    (tmp_path / "feed.jsonl").write_text(json.dumps({"text": "The mayor said taxes rose by 5% in May.",
                                                     "author": ["Ann Lee", "Tom Hale"], "title": 123}) + "\n",
                                         encoding="utf-8")
    (article,) = read_corpus(tmp_path)
    assert (article.author, article.title) == ("Ann Lee, Tom Hale", None)
    assert "`title` left out: a int, not text" in article.notes
