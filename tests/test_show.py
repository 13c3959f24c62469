"""`claimpipe show`: finding an article, the terminal layout, and no escape sequence from an article."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from claimpipe.loader import load
from claimpipe.show import ArticleNotFound, find_document, format_article, safe_text

REPO = Path(__file__).resolve().parent.parent
STEEL = "101_us_steel_tariffs.txt"
SGR = re.compile(r"\x1b\[[0-9;]*m")  # the colour codes show itself writes


@pytest.fixture(scope="module")
def seed(seed_run):
    out, _ = seed_run
    return load(out)


def _doc_id(outputs, source: str) -> str:
    return str(outputs.documents.set_index("source").loc[source, "doc_id"])


@pytest.mark.parametrize("name", [
    "{doc_id}", "{doc_id8}", STEEL, f"corpus/{STEEL}", f"./corpus/{STEEL}", str(REPO / "corpus" / STEEL),
    f"corpus\\{STEEL}",
])
def test_show_finds_the_article(seed, name: str) -> None:
    doc_id = _doc_id(seed, STEEL)
    assert find_document(seed, name.format(doc_id=doc_id, doc_id8=doc_id[:10]))["doc_id"] == doc_id


def test_show_finds_a_moved_file_by_its_bytes(seed, tmp_path: Path) -> None:
    moved = tmp_path / "renamed.txt"
    shutil.copyfile(REPO / "corpus" / STEEL, moved)
    assert find_document(seed, str(moved))["doc_id"] == _doc_id(seed, STEEL)


@pytest.mark.parametrize("name,message", [
    ("nothing.txt", "no article nothing.txt in this run; give a doc_id"),
    ("d_ffffffffffffffff", "no article d_ffffffffffffffff"),
    ("d_", "no article d_"),
    ("bad\x1b[2Jname", r"no article bad\x1b[2Jname"),
])
def test_show_names_no_article(seed, name: str, message: str) -> None:
    with pytest.raises(ArticleNotFound) as info:
        find_document(seed, name)
    assert str(info.value).startswith(message)
    assert "\x1b" not in str(info.value)


def test_show_says_when_a_name_is_ambiguous(seed) -> None:
    docs = seed.documents.copy()
    docs.loc[0, "source"], docs.loc[1, "source"] = "a/same.txt", "b/same.txt"
    outputs = type(seed)(**{**seed.__dict__, "documents": docs})
    with pytest.raises(ArticleNotFound, match=r"same.txt matches 2 articles(.|\n)*a/same.txt(.|\n)*b/same.txt"):
        find_document(outputs, "same.txt")
    assert find_document(outputs, "corpus/b/same.txt")["source"] == "b/same.txt"


def test_show_lists_claims_most_checkworthy_first(seed) -> None:
    doc_id = _doc_id(seed, STEEL)
    text = format_article(seed, STEEL, width=100)
    claims = seed.claims[seed.claims["doc_id"] == doc_id]
    title = seed.documents.set_index("doc_id").loc[doc_id, "title"]
    assert text.startswith(title)
    assert f"{len(claims)} claims" in text
    scores = [float(s) for s in re.findall(r"^ +\d+\. (\d\.\d\d) ", text, flags=re.M)]
    assert len(scores) == len(claims) and scores == sorted(scores, reverse=True)
    flat = " ".join(text.split())
    for c in claims.itertuples():
        assert " ".join(c.text.split()) in flat
        if c.attribution != "none":
            assert f"speaker: {' '.join(c.speaker.split())}" in flat
            assert f"cue: {c.cue}" in flat
        for t in c.claim_types:
            assert t in flat
    assert "ENTITIES" in text and "\x1b" not in text


@pytest.mark.parametrize("width", [40, 60, 100])
def test_show_wraps_at_the_width(seed, width: int) -> None:
    for line in format_article(seed, STEEL, width=width, color=True).splitlines():
        assert len(SGR.sub("", line)) <= width or " " not in SGR.sub("", line).strip()


def test_show_colour_only_when_asked(seed) -> None:
    coloured = format_article(seed, STEEL, width=80, color=True)
    assert SGR.search(coloured)
    assert SGR.sub("", coloured) == format_article(seed, STEEL, width=80, color=False)


@pytest.mark.parametrize("text,expected", [
    ("plain text", "plain text"),
    ("\x1b]0;pwned\x07", r"\x1b]0;pwned\x07"),
    ("\x1b[2J\x1b[31mred", r"\x1b[2J\x1b[31mred"),
    ("\x9b31m", r"\x9b31m"),
    ("a\u202eb\u2066c\u200fd", r"a\u202eb\u2066c\u200fd"),
    ("line\nbreak\ttab\u2028sep", "line break tab sep"),
    ("nul\x00del\x7f", r"nul\x00del\x7f"),
    (None, ""),
])
def test_show_safe_text(text, expected: str) -> None:
    assert safe_text(text) == expected


def test_show_safe_text_keeps_newlines_when_asked() -> None:
    assert safe_text("a\nb\x1b", one_line=False) == "a\nb\\x1b"


INJECTION = ("LONDON - Evil Corp said on Monday that profits rose 40 percent \x1b]0;pwned\x07\x1b[2J\x1b[31m "
             "last year, chief executive Jane Smith told reporters.\n\n"
             "\"We expect sales to double by 2027\x1b[8m,\" Smith said. The \u202e company \x9b31m is in London.\n")


@pytest.fixture(scope="module")
def hostile(_claimpipe_nlp, tmp_path_factory):
    """A real run over an article that carries terminal escape sequences."""
    from claimpipe.pipeline import run

    corpus = tmp_path_factory.mktemp("ansi_corpus")
    (corpus / "evil\x1b[31m.txt").write_text("Evil \x1b]2;title\x07Corp Profits Rise\n\n" + INJECTION,
                                             encoding="utf-8")
    out = tmp_path_factory.mktemp("ansi_run")
    run(corpus, out, nlp=_claimpipe_nlp)
    return load(out)


@pytest.mark.parametrize("color", [False, True])
def test_show_article_text_cannot_drive_the_terminal(hostile, color: bool) -> None:
    assert len(hostile.documents) == 1 and "\x1b]0;pwned" in hostile.documents["text"][0]
    assert (hostile.claims["text"].str.contains("\x1b")).any()  # the run kept the escapes as text
    shown = format_article(hostile, hostile.documents["doc_id"][0], width=100, color=color)
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", SGR.sub("", shown))
    if not color:
        assert "\x1b" not in shown
    assert r"\x1b]0;pwned\x07\x1b[2J\x1b[31m" in shown
    assert r"\u202e" in shown and r"\x9b31m" in shown
    assert r"evil\x1b[31m.txt" in shown  # the source line too


def _cli():
    from claimpipe.cli import cli

    assert "show" in cli.commands, "`claimpipe show` is not registered in cli.py"  # shipped: a missing command fails
    return cli


@pytest.mark.parametrize("color,coloured", [("--no-color", False), ("--color", True)])
def test_show_cli_prints_the_article(seed_run, color: str, coloured: bool) -> None:
    from click.testing import CliRunner

    out, _ = seed_run
    result = CliRunner().invoke(_cli(), ["show", f"corpus/{STEEL}", "--out", str(out), "--width", "70", color])
    assert result.exit_code == 0, result.output
    assert SGR.sub("", result.stdout).startswith("US Tariffs on Steel")
    assert bool(SGR.search(result.stdout)) is coloured


def test_show_cli_unknown_article(seed_run) -> None:
    from click.testing import CliRunner

    out, _ = seed_run
    result = CliRunner().invoke(_cli(), ["show", "nothing.txt", "--out", str(out)])
    assert result.exit_code == 2
    assert "no article nothing.txt in this run" in result.output


def test_show_cli_analyses_a_file_that_is_in_no_run(tmp_path: Path, monkeypatch) -> None:
    from click.testing import CliRunner

    monkeypatch.chdir(tmp_path)  # no ./outputs here: the file is in no run
    article = tmp_path / "note.txt"
    article.write_text("Port traffic rises\n\nThe port of Antwerp said container traffic rose by 7% in 2023, "
                       "its busiest year since 2019.\n", encoding="utf-8")
    result = CliRunner().invoke(_cli(), ["show", str(article), "--no-color", "--width", "80"])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"claimpipe: {article} is in no run in outputs; analysing it on its own\n"
    lines = result.stdout.splitlines()
    assert lines[0] == "Port traffic rises"
    assert "The port of Antwerp said container traffic rose by 7% in 2023" in result.stdout
    assert not (tmp_path / "outputs").exists()  # nothing written next to the user's file


def test_show_cli_without_a_run_and_no_such_file(tmp_path: Path, monkeypatch) -> None:
    from click.testing import CliRunner

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(_cli(), ["show", "d_0123456789abcdef"])
    assert result.exit_code == 2
    assert result.stderr == ("Error: outputs holds no complete claimpipe run (no manifest.json); run `claimpipe "
                             "run` first, or name an article file\n")


def test_show_cli_file_that_gives_no_article_exits_1(tmp_path: Path, monkeypatch) -> None:
    from click.testing import CliRunner

    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(_cli(), ["show", "empty.txt"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-2:] == ["claimpipe: empty.txt: ingest: EmptyInput: empty (no text)",
                                               "Error: empty.txt gave no article (see the line above)"]


def test_report_cli_old_o_file_form_still_writes_the_page(seed_run, tmp_path: Path) -> None:
    from click.testing import CliRunner

    out, _ = seed_run
    dest = tmp_path / "page.html"
    result = CliRunner().invoke(_cli(), ["report", str(out), "-o", str(dest), "--max-docs", "1"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{dest}\n"
    assert result.stderr == f"claimpipe: -o now names the run folder; taking {dest} as --html {dest}\n"
    new = CliRunner().invoke(_cli(), ["report", "-o", str(out), "--html", str(tmp_path / "b.html"), "--max-docs", "1"])
    assert (new.exit_code, new.stdout, new.stderr) == (0, f"{tmp_path / 'b.html'}\n", "")


def test_show_says_what_the_stand_alone_text_put_in(seed) -> None:
    shown = format_article(seed, _doc_id(seed, "000_840721b9eac7f4e6.txt"), width=200, color=False)
    assert "put in: The company -> Eurasian Resources Group (0.92); the Kazakh state -> Kazakhstan (0.92)" in shown
    assert "put in: the country -> Kazakhstan (0.99); its -> Kazakhstan's (0.95)" in shown  # calibrated
    assert "its -> Eurasian Resources Group's" not in shown  # 0.61, below the floor: left as written
