"""The run: ingest → clean → spaCy → entities → claims → scores → export, streamed in batches.

`run()` reads the corpus twice. A first, cheap pass builds the corpus-level repetition index that the
cleaner needs (block hashes only). The second streams cleaned articles in batches to an engine (this
process, a pool of worker processes, or a Dask cluster; see `engines`), which runs the analysis
(`analysis.Analyzer`) and returns one documents.jsonl record or a `DocError` per article, in input
order; the writer streams them out. Memory does not grow with the corpus. Each record is also stored in a
result cache keyed on everything that shapes it, so a re-run over an unchanged corpus, or after an
interruption, redoes only what it must.

This module is the driver: the lock, the two passes, the cache, the writer, the summary and the manifest.
It prints nothing: it logs (`logging`, logger "claimpipe.pipeline") and reports progress through the
`progress` callback, and the command line decides what reaches the terminal.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from itertools import islice
from pathlib import Path
from typing import Any

from spacy.language import Language

from .analysis import (  # noqa: F401
    Analyzer,
    Outcome,
    Pair,
    Timer,
    analyse,
    annotate_texts,
    clean_article,
    load_pipeline,
    split_for_nlp,
)
from .annotate import CorpusRollup
from .cache import ResultCache, result_key
from .errors import EmptyCorpus, RunError, short_message
from .ingest import SUPPORTED_SUFFIXES, UNSUPPORTED_REASON
from .language import is_analysed
from .lock import LOCK_NAME, OutputLock  # noqa: F401
from .manifest import (
    MANIFEST_NAME,
    Duplicates,
    RunSummary,
    build_manifest,
    model_info,
    previous_documents,
)
from .records import Article, DocError
from .settings import Settings
from .version import __version__

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # called with (inputs done, inputs in all) after each input

__all__ = ["run", "RunError", "EmptyCorpus", "RunSummary", "Progress", "process", "read_articles",
           "build_repeat_index", "make_engine", "effective_workers",
           # the analysis, re-exported for callers of the former single module
           "Analyzer", "Timer", "analyse", "annotate_texts", "split_for_nlp", "clean_article", "load_pipeline",
           "OutputLock", "model_info", "build_manifest"]


def run(corpus: str | Path, out: str | Path, *, settings: Settings | None = None, progress: Progress | None = None,
        nlp: Language | None = None, engine: str = "local", scheduler: str | None = None,
        formats: tuple[str, ...] = ("jsonl", "csv"), use_cache: bool = True) -> RunSummary:
    """Run the whole pipeline over `corpus` (a folder or a file) and write the outputs to `out`.

    Args:
        progress: called with (inputs done, inputs in all) after each input; the CLI draws its bar with it.
        nlp: an already loaded pipeline from `annotate.load_nlp` (tests share one); loaded when needed.
        engine: "local" (this process, or `settings.workers` processes) or "dask" (at `scheduler`).
        formats: output formats besides the manifest: any of "jsonl", "csv", "parquet".
        use_cache: reuse the records of unchanged articles from the previous runs into `out`.
    Raises:
        RunError: the run could not start; nothing in `out` was changed.
        EmptyCorpus: the corpus holds no input and `out` an earlier run, which was left as it was (into a
            folder without a run, an empty run is written and the summary's exit code is 1).
    """
    settings = settings or Settings()
    corpus, out = Path(corpus), Path(out)
    if not corpus.exists():
        raise RunError(f"{corpus} does not exist; give a folder of articles or one file")
    started = datetime.now(timezone.utc)
    t_start = time.perf_counter()
    timer = Timer()
    summary = RunSummary(out=out)
    model = model_info(settings, nlp)
    with OutputLock(out):
        summary.previous_documents = previous_documents(out)
        with timer.stage("repetition pass"):
            skipped: list[str] = []
            repeats, total = build_repeat_index(corpus, settings, skipped=skipped)
        if not total:
            _refuse_or_note_empty_corpus(corpus, out, n_skipped=len(skipped))
        settings = settings.with_overrides(workers=effective_workers(settings, total))
        analyzer = Analyzer(settings, nlp=nlp)
        _analyse_and_publish(corpus, out, settings=settings, analyzer=analyzer, engine=engine, scheduler=scheduler,
                             formats=formats, use_cache=use_cache, repeats=repeats, total=total, timer=timer,
                             model=model, summary=summary, started=started, t_start=t_start,
                             progress=progress if callable(progress) else None)
    if summary.fewer_documents:
        log.warning("%s", summary.fewer_line())
    return summary


def _analyse_and_publish(corpus: Path, out: Path, *, settings: Settings, analyzer: Analyzer, engine: str,
                         scheduler: str | None, formats: tuple[str, ...], use_cache: bool, repeats: Any, total: int,
                         timer: Timer, model: dict[str, Any], summary: RunSummary, started: datetime,
                         t_start: float, progress: Progress | None) -> None:
    """The second pass: stream every outcome to the writer, then publish the tables and the manifest.

    The writer works in a staging folder and publishes only at the end, so any failure or interruption
    (the except clause catches KeyboardInterrupt too) leaves the previous run's outputs as they were."""
    from .export import CORPUS_ENTITY_COLUMNS, OutputWriter, as_row

    cache = ResultCache(out, enabled=use_cache)
    runner = make_engine(engine, settings=settings, analyzer=analyzer, scheduler=scheduler)
    writer = OutputWriter(out, formats=formats)
    try:
        duplicates, skipped = Duplicates(), []
        inputs: list[dict[str, str]] = []
        rollup = CorpusRollup()
        outcomes = process(corpus, settings=settings, runner=runner, repeats=repeats, timer=timer,
                           duplicates=duplicates, skipped=skipped, cache=cache, model=model, summary=summary)
        for done, (item, text) in enumerate(outcomes, 1):
            with timer.stage("export"):
                _write_outcome(item, text, writer=writer, summary=summary, inputs=inputs, rollup=rollup,
                               settings=settings)
            if progress is not None:
                progress(done, total)
        runner.close()
        summary.n_duplicates = duplicates.count
        summary.n_skipped = len(skipped)
        summary.n_inputs = summary.n_documents + summary.n_errors + summary.n_duplicates
        with timer.stage("export"):
            writer.write_table("corpus_entities.csv", CORPUS_ENTITY_COLUMNS, (as_row(r) for r in rollup.rows()))
        summary.seconds = time.perf_counter() - t_start
        summary.timings = {k: round(v, 3) for k, v in sorted(timer.seconds.items())}
        manifest = build_manifest(settings=settings, model=model, nlp=analyzer.loaded_nlp, started=started,
                                  summary=summary, inputs=inputs, duplicates=duplicates, engine=engine,
                                  skipped=[{"source": f, "reason": UNSUPPORTED_REASON} for f in sorted(skipped)])
        writer.commit(manifest)
        cache.finish()
    except BaseException:
        writer.abort()
        runner.close()
        cache.close()
        raise


def _write_outcome(item: Outcome, text: str | None, *, writer: Any, summary: RunSummary,
                   inputs: list[dict[str, str]], rollup: CorpusRollup, settings: Settings) -> None:
    """One outcome into the tables and the counts; an error row is also logged with its reason."""
    if isinstance(item, DocError):
        writer.add_error(item)
        summary.n_errors += 1
        log.warning("%s: %s: %s: %s", item.source, item.stage, item.error, item.message)
        return
    writer.add_record(item, text=text)
    inputs.append({"source": item["source"], "sha256": item["sha256"], "doc_id": item["doc_id"]})
    rollup.add(item["doc_id"], item["entities"])
    if not is_analysed(item.get("language"), settings):
        summary.n_other_language += 1
    summary.n_documents += 1
    summary.n_claims += len(item["claims"])
    summary.n_mentions += len(item["mentions"])
    summary.n_entities += len(item["entities"])


def process(corpus: Path, *, settings: Settings, runner: Any, repeats: Any, timer: Timer,
            duplicates: Duplicates, cache: ResultCache, model: dict[str, Any],
            summary: RunSummary, skipped: list[str] | None = None) -> Iterator[tuple[Outcome, str | None]]:
    """Stream outcomes in input order: a record per article (cached or computed) with its JSON text
    (`export.json_text`, kept in the cache and written to documents.jsonl as is; None without a cache), or
    its DocError and None."""
    from .export import json_text

    articles = read_articles(corpus, settings=settings, timer=timer, duplicates=duplicates, skipped=skipped)
    keyed = _keyed_batches(articles, settings=settings, cache=cache, model=model, repeats=repeats, timer=timer)
    for batch, computed in runner.map(keyed, timer=timer):
        fresh = iter(computed)
        for item, key, text in batch:  # see _keyed_batches for what an item is
            if isinstance(item, DocError):
                yield item, None
            elif text is not None:
                summary.n_cached += 1
                yield item, text
            else:
                outcome = next(fresh)
                if isinstance(outcome, DocError):
                    yield outcome, None
                    continue
                text = None  # without a cache, the writer serialises the record only if it writes JSONL
                if cache.enabled:
                    text = json_text(outcome)
                    cache.put_text(key, text)
                yield outcome, text
        cache.commit()


def _keyed_batches(articles: Iterator[Article | DocError], *, settings: Settings, cache: ResultCache,
                   model: dict[str, Any], repeats: Any,
                   timer: Timer) -> Iterator[tuple[list[tuple[Any, str, Any]], list[Pair]]]:
    """Batches of (item, cache key, cached record's JSON text or None), and the cleaned pairs still to analyse.

    An item is a DocError, an (article, cleaned) pair to analyse, or the cached record itself (with its text).

    An article whose record is cached is not cleaned again: the key already covers everything cleaning reads.
    """
    fingerprint = settings.fingerprint()
    min_docs = min(2, settings.repeat_min_docs)
    while chunk := list(islice(articles, settings.batch_size)):
        batch, todo = [], []
        for item in chunk:
            if isinstance(item, DocError):
                batch.append((item, "", None))
                continue
            key = result_key(item, repeats=repeats.signature(item, min_docs=min_docs), fingerprint=fingerprint,
                             model=model, version=__version__)
            found = cache.get_record(key)
            if found is not None:
                record, text = found
                batch.append((record, key, text))  # the cached record in place of its article
                continue
            try:
                with timer.stage("clean"):
                    pair = (item, clean_article(item, settings=settings, repeats=repeats))
            except Exception as exc:
                batch.append((DocError(item.source, "clean", type(exc).__name__, short_message(exc)), "", None))
                continue
            batch.append((pair, key, None))
            todo.append(pair)
        yield batch, todo


def read_articles(corpus: Path, *, settings: Settings, timer: Timer, duplicates: Duplicates,
                  skipped: list[str] | None = None) -> Iterator[Article | DocError]:
    """Ingest, dropping exact duplicates of an article already seen (they share a doc_id); files left
    out for their type go to `skipped`."""
    from .ingest import read_corpus

    seen: dict[str, str] = {}
    items = read_corpus(corpus, settings=settings, skipped=skipped)
    while True:
        with timer.stage("ingest"):
            item = next(items, None)
        if item is None:
            return
        if isinstance(item, Article):
            if item.doc_id in seen:
                log.debug("%s: an exact copy of %s; left out", item.source, seen[item.doc_id])
                duplicates.add(item.source, seen[item.doc_id], item.doc_id)
                continue
            seen[item.doc_id] = item.source
        yield item


def build_repeat_index(corpus: Path, settings: Settings, *,
                       skipped: list[str] | None = None) -> tuple[Any, int]:
    """First pass: block hashes per site for corpus-level repetition, and the number of inputs (files left
    out for their type go to `skipped`)."""
    from .clean import RepeatIndex
    from .ingest import read_corpus

    index = RepeatIndex()
    total = 0
    for item in read_corpus(corpus, settings=settings, skipped=skipped, language=False):
        total += 1
        if isinstance(item, Article):
            index.add(item)
    return index, total


def _refuse_or_note_empty_corpus(corpus: Path, out: Path, *, n_skipped: int) -> None:
    """A corpus with no input at all: never replace an earlier run's outputs with empty tables (EmptyCorpus);
    into a folder without a run, an empty run is written (the summary's exit code is 1) and the reason logged.

    An empty corpus is nearly always a mistake (a wrong path, a glob that matched nothing, files of another
    type), and the earlier outputs may be the only copy of hours of work."""
    other = f" ({n_skipped} other files skipped)" if n_skipped else ""
    reason = (f"{corpus} holds no article to analyse{other}; claimpipe reads "
              f"{', '.join(sorted(SUPPORTED_SUFFIXES))} files, also gzip-compressed")
    if (out / MANIFEST_NAME).exists():
        raise EmptyCorpus(f"{reason}; the outputs in {out} were left as they were")
    log.warning("%s; writing an empty run to %s", reason, out)


def make_engine(name: str, *, settings: Settings, analyzer: Analyzer, scheduler: str | None) -> Any:
    """The engine that runs the analysis: this process, a local process pool, or a Dask cluster."""
    from .engines import DaskEngine, InProcessEngine, ProcessPoolEngine

    if name == "dask":
        if not scheduler:
            raise RunError("--engine dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
        return DaskEngine(settings, scheduler=scheduler)
    if name != "local":
        raise RunError(f"unknown engine {name!r}; use local or dask")
    if settings.workers > 1:
        return ProcessPoolEngine(settings)
    return InProcessEngine(analyzer)


def effective_workers(settings: Settings, total: int) -> int:
    """`workers`, where 0 means one per core; a corpus that fits one batch stays in this process."""
    workers = settings.workers or os.cpu_count() or 1
    return 1 if total <= settings.batch_size else workers
