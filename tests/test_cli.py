from __future__ import annotations

import json
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
