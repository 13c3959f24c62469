from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from claimpipe import __version__
from claimpipe.cli import cli


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_cli_every_command_has_help(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert cli.commands[command].help


def test_cli_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert (result.exit_code, result.output) == (0, f"claimpipe, version {__version__}\n")


def test_cli_missing_corpus_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "nope"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_cli_bad_format_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["run", str(tmp_path), "-o", str(tmp_path / "out"), "--format", "xml"])
    assert result.exit_code == 2
    assert "Invalid value for --format: 'xml'; use a comma-separated list of jsonl, csv, parquet" in result.output


def test_cli_unloadable_model_exits_2(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some news.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["run", str(tmp_path), "-o", str(tmp_path / "out"), "--model", "no_such_model_xyz"])
    assert result.exit_code == 2
    assert "cannot load the spaCy model no_such_model_xyz" in result.output
    assert not (tmp_path / "out" / "manifest.json").exists()


def test_cli_unknown_setting_in_config_is_a_usage_error(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text("batchsize = 3\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["run", str(tmp_path), "--config", str(config), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "bad settings: unknown setting(s) batchsize" in result.output


def test_cli_clean_shows_kept_and_dropped_blocks(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Subscribe to our newsletter\n\nThe minister said the economy grew by 3% last year, "
                    "according to official figures released on Monday.\n\nRead More", encoding="utf-8")
    result = CliRunner().invoke(cli, ["clean", str(path)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("DROP") and "Subscribe to our newsletter" in lines[0]
    assert any(line.startswith("KEEP") and "The minister said" in line for line in lines)
    assert lines[-2].startswith("DROP") and "Read More" in lines[-2]


def test_cli_stale_report_is_one_older_than_the_manifest(tmp_path: Path) -> None:
    import os

    from claimpipe.cli import stale_report

    assert not stale_report(tmp_path)  # neither file
    (tmp_path / "manifest.json").write_text("{}")
    assert not stale_report(tmp_path)  # no report: nothing to refresh
    (tmp_path / "report.html").write_text("<html></html>")
    os.utime(tmp_path / "report.html", (1_000, 1_000))
    os.utime(tmp_path / "manifest.json", (2_000, 2_000))
    assert stale_report(tmp_path)  # the run finished after the report was written
    os.utime(tmp_path / "report.html", (3_000, 3_000))
    assert not stale_report(tmp_path)


# ---- exit codes and messages ------------------------------------------------------------------------------

def test_cli_ctrl_c_exits_130(tmp_path: Path, monkeypatch) -> None:
    from claimpipe import pipeline

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "run", interrupted)
    result = CliRunner().invoke(cli, ["run", str(tmp_path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 130
    assert result.stderr == "claimpipe: interrupted\n"


def test_cli_empty_corpus_exits_1_with_the_reason(tmp_path: Path) -> None:
    from claimpipe import pipeline
    from claimpipe.manifest import RunSummary

    corpus, out = tmp_path / "c", tmp_path / "out"
    corpus.mkdir()
    first = CliRunner().invoke(cli, ["run", str(corpus), "-o", str(out), "-q"])
    reason = (f"{corpus} holds no article to analyse; claimpipe reads .htm, .html, .jsonl, .md, .txt files, also "
              "gzip-compressed")
    assert first.exit_code == 1
    lines = first.stderr.splitlines()
    assert lines[0] == f"claimpipe: {reason}; writing an empty run to {out}"
    assert lines[1].startswith("0 documents, 0 claims, 0 mentions, 0 errors in ") and len(lines) == 2
    second = CliRunner().invoke(cli, ["run", str(corpus), "-o", str(out), "-q"])  # now a run is there
    assert second.exit_code == 1
    assert second.stderr == f"Error: {reason}; the outputs in {out} were left as they were\n"
    assert RunSummary(out=out).exit_code == 1 and pipeline.EmptyCorpus.exit_code == 1


@pytest.mark.parametrize("line, message", [
    ("batch_size = 0", "bad settings: setting batch_size must be an integer of at least 1, not 0"),
    ("max_piece_chars = 0", "bad settings: setting max_piece_chars must be an integer of at least 1,000, not 0"),
    ('workers = "two"', "bad settings: setting workers must be an integer, not 'two'"),
])
def test_cli_bad_setting_in_config_names_the_key(tmp_path: Path, line: str, message: str) -> None:
    config = tmp_path / "c.toml"
    config.write_text(line + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["run", str(tmp_path), "--config", str(config), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert message in result.output


def test_cli_batch_size_0_is_refused() -> None:
    result = CliRunner().invoke(cli, ["run", ".", "--batch-size", "0"])
    assert result.exit_code == 2
    assert "Invalid value for '--batch-size': 0 is not in the range x>=1." in result.output


def test_cli_two_different_run_folders_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    result = CliRunner().invoke(cli, ["report", str(tmp_path / "a"), "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert f"two run folders given: {tmp_path / 'a'} and -o {tmp_path}; give one" in result.output


@pytest.mark.parametrize("command", ["report", "eval", "show"])
def test_cli_reading_commands_take_the_run_folder_as_o(command: str) -> None:
    option = next(p for p in cli.commands[command].params if p.name == "out_option")
    assert option.opts == ["-o", "--out"]
    assert "--html" in [o for p in cli.commands["report"].params for o in p.opts]


def test_cli_eval_of_a_malformed_floors_file_exits_2(seed_run, tmp_path: Path) -> None:
    out, _ = seed_run
    floors = tmp_path / "floors.json"
    floors.write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(out), "--no-baseline", "--check", str(floors)])
    assert result.exit_code == 2
    assert "Error: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)" in result.output


def test_cli_escapes_file_names_on_the_terminal(tmp_path: Path, monkeypatch) -> None:
    import logging

    from claimpipe import pipeline
    from claimpipe.manifest import RunSummary

    def fake_run(corpus, out, **kwargs):
        logging.getLogger("claimpipe.pipeline").warning("evil\x1b]0;pwned\x07.txt: ingest: EmptyInput: empty")
        return RunSummary(out=Path("out\x1b[2J"), n_errors=1)

    monkeypatch.setattr(pipeline, "run", fake_run)
    result = CliRunner().invoke(cli, ["run", str(tmp_path), "-q", "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert result.stderr.splitlines() == [
        "claimpipe: evil\\x1b]0;pwned\\x07.txt: ingest: EmptyInput: empty",
        "0 documents, 0 claims, 0 mentions, 1 errors in 0.0 s -> out\\x1b[2J"]


def test_cli_log_handler_is_removed_after_the_command(tmp_path: Path, monkeypatch) -> None:
    import logging

    from claimpipe import pipeline
    from claimpipe.manifest import RunSummary

    monkeypatch.setattr(pipeline, "run", lambda corpus, out, **kw: RunSummary(out=out))
    before = list(logging.getLogger("claimpipe").handlers)
    CliRunner().invoke(cli, ["run", str(tmp_path), "-q", "-o", str(tmp_path / "out")])
    assert logging.getLogger("claimpipe").handlers == before
