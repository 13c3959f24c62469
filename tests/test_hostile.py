"""Hostile input: nothing crashes a batch, nothing is lost silently, offsets stay exact."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimpipe.export import _is_number
from claimpipe.ingest import InputError, InputFile, _text_article, read_input
from claimpipe.pipeline import run
from claimpipe.records import Article, DocError
from claimpipe.settings import Settings

from .conftest import SHARED

NASTY_TEXTS = {
    "controls.txt": "Officials said \x1b[31mprices\x1b[0m rose by 4% in May.\x07\x0b\n\nThe bank\x00 denied it.",
    "bidi.txt": "The minister said \u202etxet desrever\u202c the deal was signed.\u200b\u2060\n\nZero\u00a0width.",
    "mojibake.txt": "CafÃ© owners said â€œpricesâ€ rose by 5% last year, the chamber said.",
    "script.txt": "<script>alert(1)</script> The mayor said <img src=x onerror=alert(2)> taxes would rise.",
    "formula.txt": "=HYPERLINK(\"http://evil\") said the spokesman, adding that sales fell 3%.",
    "only_boilerplate.txt": "Subscribe to our newsletter\n\nRead More",
    "crlf.txt": "Line one said the minister.\r\n\r\nLine two, the mayor added.\r\n",
    "long_line.txt": ("word " * 20_000).strip() + ".",
}


def hostile_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in NASTY_TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8", newline="")
    (folder / "nested.html").write_text("<html><body>" + "<div>" * 10_000 + "<p>The council said the budget "
                                        "grew by 2% this year.</p>" + "</div>" * 10_000 + "</body></html>",
                                        encoding="utf-8")
    (folder / "empty.html").write_text("<html><body><script>var x = 1;</script></body></html>", encoding="utf-8")
    os.makedirs(folder / "sub", exist_ok=True)
    os.symlink(folder, folder / "sub" / "loop")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9-odd-name.txt"), "wb") as fh:
        fh.write(b"The port of Antwerp said container traffic rose by 7% in 2023.")
    (folder / "endless.jsonl").write_bytes(b'{"text": "' + b"a" * 50_000)  # a line that never ends
    return folder


def test_hostile_corpus_runs_to_the_end(tmp_path: Path, nlp) -> None:
    corpus = hostile_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    summary = run(corpus, out, nlp=nlp, settings=Settings(max_article_chars=10_000))
    errors = {e["source"]: e["error"] for e in map(json.loads, (out / "errors.jsonl").read_text().splitlines())}
    docs = {d["source"]: d for d in map(json.loads, (out / "documents.jsonl").read_text().splitlines())}
    assert errors["sub/loop"] == "SymlinkLoop"
    assert errors["endless.jsonl#L1"] == "TooLarge"
    assert errors["long_line.txt"] == "TooLarge"
    assert errors["empty.html"] == "EmptyInput"
    # lxml stops at its nesting limit: the page either yields its paragraph or a clear EmptyInput
    assert "budget grew by 2%" in docs["nested.html"]["text"] if "nested.html" in docs else (
        errors["nested.html"] == "EmptyInput")
    assert set(docs) | set(errors) == {*NASTY_TEXTS, "nested.html", "empty.html", "sub/loop", "endless.jsonl#L1",
                                      "caf\\udce9-odd-name.txt"}
    assert summary.n_documents + summary.n_errors == len(docs) + len(errors)
    assert "looks like mojibake" in docs["mojibake.txt"]["notes"][0]
    assert "<script>" in docs["script.txt"]["text"]  # kept as text, exactly
    assert docs["only_boilerplate.txt"]["text"] == ""
    if SHARED.is_dir():  # the contract's own validator, where ../shared is present
        result = subprocess.run([sys.executable, str(SHARED / "tools" / "validate_outputs.py"), str(out),
                                 "--corpus", str(corpus)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout


def test_hostile_csv_has_no_executable_cell(tmp_path: Path, nlp) -> None:
    import csv

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "f.txt").write_text(NASTY_TEXTS["formula.txt"] + "\n\n@SUM(A1:A9) was cited by the minister, "
                                  "who said costs rose.\n\n+44 20 7946 0000 is the number, officials said.",
                                  encoding="utf-8")
    run(corpus, tmp_path / "out", nlp=nlp)
    cells = []
    for name in ("claims.csv", "mentions.csv", "documents.csv", "entities.csv", "boilerplate.csv"):
        with open(tmp_path / "out" / name, encoding="utf-8", newline="") as fh:
            cells += [c for row in csv.reader(fh) for c in row]
    risky = [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r") or (c[:1] == "-" and not _is_number(c))]
    assert risky == []
    claims = [json.loads(line) for line in (tmp_path / "out" / "claims.jsonl").read_text().splitlines()]
    assert any(c["text"].startswith("=HYPERLINK") for c in claims)  # JSONL keeps the exact text


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=2000))
def test_hostile_any_bytes_become_an_article_or_a_reason(data: bytes) -> None:
    try:
        article = _text_article(data, source="x.txt", site=".", settings=Settings())
    except InputError as exc:
        assert exc.kind in {"EmptyInput", "BinaryInput", "UndecodableInput", "TooLarge"}
        return
    assert isinstance(article, Article)
    assert "\r" not in article.text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=3000))
def test_hostile_any_text_is_cleaned_with_exact_offsets(text: str) -> None:
    from claimpipe.clean import clean

    try:
        article = _text_article(text.encode("utf-8"), source="x.txt", site=".", settings=Settings())
    except InputError:
        return
    cleaned = clean(article, settings=Settings())
    for b in cleaned.blocks:
        assert cleaned.text[b.start_char:b.end_char] == article.text[b.source_start:b.source_end]
    for r in cleaned.removals:
        assert article.text[r.source_start:r.source_end] == r.text
    kept = sum(b.end_char - b.start_char for b in cleaned.blocks)
    removed = sum(r.source_end - r.source_start for r in cleaned.removals)
    nonspace = sum(1 for ch in article.text if not ch.isspace())
    assert kept + removed >= nonspace  # nothing is lost silently: every visible character is kept or removed


@pytest.mark.parametrize("name, data", [
    ("huge.html", b"<html>" + b"<p>x</p>" * 2_000_000 + b"</html>"),
    ("bad.html", b"<html><body><p>Broken <b>markup<p>The minister said taxes rose.</i></div>"),
])
def test_hostile_html_is_guarded(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    (item,) = list(read_input(InputFile(path, name), root=tmp_path, settings=Settings(max_article_chars=100_000)))
    if name == "huge.html":
        assert isinstance(item, DocError) and item.error == "TooLarge"
    else:
        assert isinstance(item, Article) and "The minister said taxes rose." in item.text


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\u200b"])
def test_hostile_empty_clean_text_goes_through_the_pipeline(nlp, text: str) -> None:
    doc = nlp(text)
    assert list(doc.ents) == []
