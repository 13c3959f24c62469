"""Hostile input: nothing crashes a batch, nothing is lost silently, offsets stay exact."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
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


@pytest.fixture(scope="module")
def hostile_run(_claimpipe_nlp, tmp_path_factory):
    """One run over the hostile corpus, shared by the tests that read it."""
    base = tmp_path_factory.mktemp("hostile")
    corpus = hostile_corpus(base / "corpus")
    out = base / "out"
    summary = run(corpus, out, nlp=_claimpipe_nlp, settings=Settings(max_article_chars=10_000))
    return corpus, out, summary


def test_hostile_corpus_runs_to_the_end(hostile_run) -> None:
    corpus, out, summary = hostile_run
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
    assert not (out / ".claimpipe-staging").exists()


def test_hostile_corpus_outputs_are_valid_by_the_contract(hostile_run) -> None:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (a user's clone): the contract's validator "
                    "../shared/tools/validate_outputs.py is not available")
    corpus, out, _ = hostile_run
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
@example("# 0")  # a Markdown heading's marks once vanished without a removal record
@example("\ufeff")  # a byte-order mark alone: stripped like a space, as the cleaner is meant to (text.INVISIBLE)
def test_hostile_any_text_is_cleaned_with_exact_offsets(text: str) -> None:
    from claimpipe.clean import clean
    from claimpipe.clean.text import INVISIBLE

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
    nonspace = sum(1 for ch in article.text if not (ch.isspace() or ch in INVISIBLE))
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


# ---- the run's own hostile cases: settings, caches, names, floods ------------------------------------------

GOOD = "The port of Antwerp said container traffic rose by 7% in 2023, its busiest year since 2019."


@pytest.mark.parametrize("key, value", [("batch_size", 0), ("max_piece_chars", 0), ("workers", -2),
                                        ("batch_size", "64"), ("repeat_min_share", float("nan"))])  # NaN fails no comparison
def test_hostile_settings_are_refused_before_the_run(tmp_path: Path, key: str, value: object) -> None:
    with pytest.raises(ValueError, match=f"^setting {key} must be "):
        Settings(**{key: value})


def test_hostile_damaged_cache_and_terminal_escapes_in_names(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from claimpipe.cli import cli

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "evil\x1b[2J.txt").write_bytes(b"")
    out = tmp_path / "out"
    out.mkdir()
    (out / ".claimpipe-cache.sqlite").write_bytes(b"\x00junk" * 1000)
    result = CliRunner().invoke(cli, ["run", str(corpus), "-o", str(out), "-q"])
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert lines[0] == (f"claimpipe: the result cache {out / '.claimpipe-cache.sqlite'} is damaged (file is not a "
                        "database); deleting it and starting an empty one, so every article is analysed again")
    assert lines[1] == "claimpipe: evil\\x1b[2J.txt: ingest: EmptyInput: empty (no text)"
    assert lines[-1].startswith("1 documents, ")
    assert "\x1b" not in result.stderr
    again = CliRunner().invoke(cli, ["run", str(corpus), "-o", str(out), "-q"])
    assert again.exit_code == 1 and again.stderr.splitlines()[-1].startswith("1 documents (1 unchanged, from cache)")


def test_hostile_flood_of_identical_jsonl_lines_keeps_the_manifest_small(tmp_path: Path, nlp) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    line = json.dumps({"title": "Port", "text": GOOD}) + "\n"
    (corpus / "flood.jsonl").write_text(line * 20_000, encoding="utf-8")
    out = tmp_path / "out"
    summary = run(corpus, out, nlp=nlp, settings=Settings(workers=1))
    manifest = json.loads((out / "manifest.json").read_text())
    assert (summary.n_documents, summary.n_duplicates) == (1, 19_999)
    assert manifest["counts"]["duplicates"] == 19_999
    assert len(manifest["duplicates"]) == 100 and manifest["duplicates_not_listed"] == 19_899
    assert manifest["duplicates"][0] == {"source": "flood.jsonl#L2", "duplicate_of": "flood.jsonl#L1",
                                         "doc_id": manifest["inputs"][0]["doc_id"]}
    assert (out / "manifest.json").stat().st_size < 100_000


def test_hostile_corpus_of_nothing_readable_replaces_nothing(tmp_path: Path, nlp) -> None:
    from claimpipe.errors import EmptyCorpus

    good, bad, out = tmp_path / "good", tmp_path / "bad", tmp_path / "out"
    good.mkdir()
    bad.mkdir()
    (good / "a.txt").write_text(GOOD, encoding="utf-8")
    (bad / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (bad / ".hidden.txt").write_text(GOOD, encoding="utf-8")
    run(good, out, nlp=nlp)
    before = (out / "documents.jsonl").read_bytes()
    with pytest.raises(EmptyCorpus, match="holds no article to analyse .1 other files skipped."):
        run(bad, out, nlp=nlp)
    assert (out / "documents.jsonl").read_bytes() == before
    assert json.loads((out / "manifest.json").read_text())["counts"]["documents"] == 1


def _issue21_corpus(folder: Path) -> tuple[Path, set[str]]:
    """Issue 21's single bad inputs, each its own small input beside good articles; returns the folder and
    the inputs the contract's validator cannot read itself (a FIFO it would block on, a 1,000-deep tree
    and a 100,000-deep JSON line it recurses into)."""
    folder.mkdir(parents=True)
    good = "The central bank said on Tuesday that inflation fell to 3% in May, its lowest level this year."
    (folder / "good.txt").write_text(good, encoding="utf-8")
    (folder / "feed.jsonl").write_text("\n".join([
        '{"text": "Bad \\ud800 text said the mayor."}',  # a lone surrogate: one error row
        json.dumps({"text": good.replace("Tuesday", "Friday"), "title": "Inflation"}),
    ]) + "\n", encoding="utf-8")
    (folder / "deep.jsonl").write_text("[" * 100_000 + "\n", encoding="utf-8")  # RecursionError territory
    (folder / "controls.txt").write_bytes(b"The minister said\x07 prices\x1b rose\x0b by 4% in May.")
    (folder / "cut.txt").write_bytes("Officials said exports grew by 5% in “2024".encode("utf-8")[:-5])
    lines = [json.dumps({"text": good.replace("May", f"month {i}")}) for i in range(2)]
    (folder / "utf16.jsonl").write_bytes(codecs_bom() + "\n".join(lines).encode("utf-16-le"))
    os.mkfifo(folder / "pipe.txt")
    here = folder / "tree"
    for _ in range(1000):
        here = here / "d"
        here.mkdir(parents=here == folder / "tree" / "d")
    return folder, {"deep.jsonl", "pipe.txt", "tree"}


def codecs_bom() -> bytes:
    import codecs

    return codecs.BOM_UTF16_LE


def _remove_tree(root: Path) -> None:
    """Bottom-up, without recursion: pytest's clean-up of old temp folders recurses and fails on 1,000 levels."""
    here = root
    while (here / "d").is_dir():
        here = here / "d"
    while here != root.parent:
        here.rmdir()
        here = here.parent


def test_hostile_issue21_inputs_cost_one_row_each_in_one_run(tmp_path: Path, _claimpipe_nlp) -> None:
    import threading

    corpus, unreadable = _issue21_corpus(tmp_path / "corpus")
    out, result = tmp_path / "out", []
    try:
        worker = threading.Thread(target=lambda: result.append(run(corpus, out, nlp=_claimpipe_nlp)), daemon=True)
        worker.start()
        worker.join(timeout=300)
        assert not worker.is_alive(), "the run hung (a FIFO read?)"
    finally:
        _remove_tree(corpus / "tree")
    (summary,) = result
    errors = {e["source"]: (e["error"], e["message"]) for e in
              map(json.loads, (out / "errors.jsonl").read_text(encoding="utf-8").splitlines())}
    docs = {d["source"]: d for d in map(json.loads, (out / "documents.jsonl").read_text(encoding="utf-8").splitlines())}
    assert {k: v[0] for k, v in errors.items()} == {"feed.jsonl#L1": "InvalidUnicode", "deep.jsonl#L1": "InvalidJSON",
                                                    "pipe.txt": "SpecialFile"}
    assert all(message for _, message in errors.values())
    assert set(docs) == {"good.txt", "feed.jsonl#L2", "controls.txt", "cut.txt", "utf16.jsonl#L1", "utf16.jsonl#L2"}
    assert all(docs[s]["claims"] for s in ("good.txt", "feed.jsonl#L2", "utf16.jsonl#L1", "utf16.jsonl#L2"))
    assert "\x07" in docs["controls.txt"]["text"] and "kept as written" in docs["controls.txt"]["notes"][0]
    assert docs["cut.txt"]["notes"] and "\ufffd" in docs["cut.txt"]["text"]
    assert summary.exit_code == 1 and summary.n_errors == 3
    assert not (out / ".claimpipe-staging").exists()
    if not SHARED.is_dir():
        pytest.skip("../shared is absent: the contract's validator is not available (the run itself was checked)")
    for name in unreadable - {"tree"}:
        (corpus / name).unlink()  # the validator reads the corpus itself and cannot read these
    check = subprocess.run([sys.executable, str(SHARED / "tools" / "validate_outputs.py"), str(out),
                            "--corpus", str(corpus)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
