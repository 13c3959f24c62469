"""The run: ingest → clean → spaCy → entities → claims → scores → export, streamed in batches.

`run()` reads the corpus twice. A first, cheap pass builds the corpus-level repetition index that the
cleaner needs (block hashes only). The second streams cleaned articles in batches to an engine (this
process, a pool of worker processes, or a Dask cluster), which returns one documents.jsonl record or a
`DocError` per article, in input order; the writer streams them out. Memory does not grow with the
corpus. Each record is also stored in a result cache keyed on everything that shapes it, so a re-run
over an unchanged corpus, or after an interruption, redoes only what it must.
"""

from __future__ import annotations

import fcntl
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import islice
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from . import SCHEMA_VERSION, __version__
from .cache import ResultCache, result_key
from .ingest import UNSUPPORTED_REASON
from .records import Article, Cleaned, DocError, DocResult
from .settings import Settings

LOCK_NAME = ".claimpipe.lock"
Pair = tuple[Article, Cleaned]
Outcome = dict[str, Any] | DocError  # a documents.jsonl record, or why the article failed


class RunError(Exception):
    """The run could not start (exit code 2): bad input path, unloadable model, output folder in use."""


@dataclass
class RunSummary:
    out: Path
    n_inputs: int = 0
    n_documents: int = 0
    n_errors: int = 0
    n_duplicates: int = 0
    n_skipped: int = 0  # files left out for their type (listed in the manifest)
    n_cached: int = 0
    n_claims: int = 0
    n_mentions: int = 0
    n_entities: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        return 1 if self.n_errors else 0

    def line(self) -> str:
        cached = f" ({self.n_cached} unchanged, from cache)" if self.n_cached else ""
        skipped = f", {self.n_skipped} other files skipped (see manifest.json)" if self.n_skipped else ""
        return (f"{self.n_documents} documents{cached}, {self.n_claims} claims, {self.n_mentions} mentions, "
                f"{self.n_errors} errors{skipped} in {self.seconds:.1f} s -> {self.out}")

    def stage_line(self) -> str:
        """Where the time went, longest stage first: "time per stage: spacy 12.1 s (80%), ..."."""
        total = sum(self.timings.values())
        if not total:
            return "time per stage: none (nothing to analyse)"
        parts = [f"{name} {sec:.1f} s ({sec / total:.0%})"
                 for name, sec in sorted(self.timings.items(), key=lambda kv: (-kv[1], kv[0]))]
        return "time per stage: " + ", ".join(parts)


class Timer:
    """Adds wall time per stage; a stage may be entered many times."""

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()

    def stage(self, name: str) -> "_Lap":
        return _Lap(self, name)


class _Lap:
    def __init__(self, timer: Timer, name: str) -> None:
        self.timer, self.name = timer, name

    def __enter__(self) -> None:
        self.t0 = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        self.timer.seconds[self.name] += time.perf_counter() - self.t0


class OutputLock:
    """An exclusive lock on the output folder, so two runs never interleave their files."""

    def __init__(self, out: Path) -> None:
        self.path = Path(out) / LOCK_NAME

    def __enter__(self) -> "OutputLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fh = open(self.path, "a+")
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.fh.close()
            raise RunError(f"another claimpipe run is writing to {self.path.parent}; wait for it to finish "
                           "or choose another --out folder") from None
        self.fh.seek(0)
        self.fh.truncate()
        self.fh.write(f"{os.getpid()}\n")
        self.fh.flush()
        return self

    def __exit__(self, *exc: object) -> None:
        fcntl.flock(self.fh, fcntl.LOCK_UN)
        self.fh.close()


class Analyzer:
    """Turns cleaned articles into records. Loads the model and scorer once, on first use."""

    def __init__(self, settings: Settings, *, nlp: Language | None = None) -> None:
        self.settings = settings
        self._nlp = nlp
        self._scorer: Any = None
        self._owns_nlp = nlp is None  # a pipeline we load ourselves may be replaced by a fresh one
        self._strings_at_load = 0

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_pipeline(self.settings)
            self._strings_at_load = len(self._nlp.vocab.strings)
        return self._nlp

    @property
    def scorer(self) -> Any:
        if self._scorer is None:
            from .claims.checkworthiness import CheckworthinessScorer

            self._scorer = CheckworthinessScorer.load()
        return self._scorer

    def analyse_batch(self, pairs: list[Pair], timer: Timer | None = None) -> list[Outcome]:
        """One record or DocError per pair, in order. No Doc outlives the call."""
        from .blas import single_blas_thread
        from .language import is_analysed

        timer = timer or Timer()
        nlp, scorer = self._fresh_nlp(), self.scorer
        # A pipeline passed in by the caller is theirs to keep: its vocab is bounded by a memory zone per batch.
        with nlp.memory_zone() if not self._owns_nlp else nullcontext(), single_blas_thread():
            with timer.stage("spacy"):
                docs = annotate_texts(nlp, [cleaned.text if is_analysed(article.language, self.settings) else ""
                                            for article, cleaned in pairs],
                                      max_piece_chars=self.settings.max_piece_chars)
            return self._records(pairs, docs, scorer, timer)

    def _fresh_nlp(self) -> Language:
        """The pipeline, loaded afresh once its vocab has grown by `settings.nlp_max_strings` strings.

        This bounds memory the way recycling a worker does. spaCy's memory zones bound it too, but inside
        one the tokenizer caches nothing, and a zone per batch cost 13% of spaCy's time on the BBC
        corpus (173 s against 153 s, the same pipeline without zones)."""
        nlp = self.nlp
        if self._owns_nlp and len(nlp.vocab.strings) - self._strings_at_load > self.settings.nlp_max_strings:
            self._nlp = None
            nlp = self.nlp
        return nlp

    def _records(self, pairs: list[Pair], docs: list, scorer: Any, timer: Timer) -> list[Outcome]:
        """Entities and claims per article, then the claims of the whole batch scored together."""
        from .claims import enrich_claims, score_documents
        from .export import document_record

        outcomes: list[Outcome | None] = [None] * len(pairs)
        pending: list[tuple[int, Doc, DocResult]] = []
        for k, ((article, cleaned), doc) in enumerate(zip(pairs, docs)):
            if isinstance(doc, Exception):
                outcomes[k] = DocError(article.source, "annotate", type(doc).__name__, _message(doc))
                continue
            try:
                pending.append((k, doc, analyse(doc, article, cleaned, settings=self.settings, timer=timer)))
            except Exception as exc:  # one article's failure must not stop the batch
                outcomes[k] = DocError(article.source, "claims", type(exc).__name__, _message(exc))
        with timer.stage("checkworthiness"):
            try:
                batch_scores: list = score_documents(scorer, [(doc, r.claims) for _, doc, r in pending])
            except Exception:  # score article by article below, so that only the bad one fails
                batch_scores = [None] * len(pending)
        for (k, doc, result), scores in zip(pending, batch_scores):
            try:
                with timer.stage("checkworthiness"):
                    enrich_claims(doc, result.claims, scorer=scorer, scores=scores)
                outcomes[k] = document_record(result)
            except Exception as exc:
                outcomes[k] = DocError(result.article.source, "claims", type(exc).__name__, _message(exc))
        return outcomes  # type: ignore[return-value]


def run(corpus: str | Path, out: str | Path, *, settings: Settings | None = None, progress: bool = False,
        nlp: Language | None = None, engine: str = "local", scheduler: str | None = None,
        formats: tuple[str, ...] = ("jsonl", "csv"), use_cache: bool = True) -> RunSummary:
    """Run the whole pipeline over `corpus` (a folder or a file) and write the outputs to `out`.

    Args:
        nlp: an already loaded pipeline from `annotate.load_nlp` (tests share one); loaded when needed.
        engine: "local" (this process, or `settings.workers` processes) or "dask" (at `scheduler`).
        formats: output formats besides the manifest: any of "jsonl", "csv", "parquet".
        use_cache: reuse the records of unchanged articles from the previous runs into `out`.
    Raises:
        RunError: the run could not start; nothing in `out` was changed.
    """
    from .export import OutputWriter

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
        with timer.stage("repetition pass"):
            repeats, total = build_repeat_index(corpus, settings)
        settings = settings.with_overrides(workers=effective_workers(settings, total))
        cache = ResultCache(out, enabled=use_cache)
        analyzer = Analyzer(settings, nlp=nlp)
        runner = make_engine(engine, settings=settings, analyzer=analyzer, scheduler=scheduler)
        writer = OutputWriter(out, formats=formats)
        try:
            inputs: list[dict[str, str]] = []
            duplicates: list[dict[str, str]] = []
            skipped: list[str] = []
            corpus_entities = CorpusEntities()
            bar = _progress(total, enabled=progress)
            outcomes = process(corpus, settings=settings, runner=runner, repeats=repeats, timer=timer,
                               duplicates=duplicates, skipped=skipped, cache=cache, model=model, summary=summary)
            for item, text in outcomes:
                with timer.stage("export"):
                    if isinstance(item, DocError):
                        writer.add_error(item)
                        summary.n_errors += 1
                        print(f"claimpipe: {item.source}: {item.stage}: {item.error}: {item.message}", file=sys.stderr)
                    else:
                        writer.add_record(item, text=text)
                        inputs.append({"source": item["source"], "sha256": item["sha256"], "doc_id": item["doc_id"]})
                        corpus_entities.add(item)
                        summary.n_documents += 1
                        summary.n_claims += len(item["claims"])
                        summary.n_mentions += len(item["mentions"])
                        summary.n_entities += len(item["entities"])
                bar.update(1)
            bar.close()
            runner.close()
            summary.n_duplicates = len(duplicates)
            summary.n_skipped = len(skipped)
            summary.n_inputs = summary.n_documents + summary.n_errors + summary.n_duplicates
            with timer.stage("export"):
                writer.write_table("corpus_entities.csv", CorpusEntities.COLUMNS, corpus_entities.rows())
            summary.seconds = time.perf_counter() - t_start
            summary.timings = {k: round(v, 3) for k, v in sorted(timer.seconds.items())}
            manifest = build_manifest(settings=settings, model=model, nlp=analyzer._nlp, started=started,
                                      summary=summary, inputs=inputs, duplicates=duplicates, engine=engine,
                                      skipped=[{"source": f, "reason": UNSUPPORTED_REASON} for f in sorted(skipped)])
            writer.commit(manifest)
            cache.finish()
        except BaseException:
            writer.abort()
            runner.close()
            cache.close()
            raise
    return summary


def process(corpus: Path, *, settings: Settings, runner: Any, repeats: Any, timer: Timer,
            duplicates: list[dict[str, str]], cache: ResultCache, model: dict[str, Any],
            summary: RunSummary, skipped: list[str] | None = None) -> Iterator[tuple[Outcome, str | None]]:
    """Stream outcomes in input order: a record per article (cached or computed) with its JSON text
    (`export.json_text`, kept in the cache and written to documents.jsonl as is; None without a cache), or
    its DocError and None."""
    from .export import json_text

    articles = read_articles(corpus, settings=settings, timer=timer, duplicates=duplicates, skipped=skipped)
    keyed = _keyed_batches(articles, settings=settings, cache=cache, model=model, repeats=repeats, timer=timer)
    for batch, computed in runner.map(keyed, timer=timer):
        fresh = iter(computed)
        for item, key, text in batch:
            if isinstance(item, DocError):
                yield item, None
            elif text is not None:
                summary.n_cached += 1
                yield json.loads(text), text
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

    An article whose record is cached is not cleaned again.
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
            text = cache.get_text(key)
            if text is not None:
                batch.append((item, key, text))
                continue
            try:
                with timer.stage("clean"):
                    pair = (item, clean_article(item, settings=settings, repeats=repeats))
            except Exception as exc:
                batch.append((DocError(item.source, "clean", type(exc).__name__, _message(exc)), "", None))
                continue
            batch.append((pair, key, None))
            todo.append(pair)
        yield batch, todo


def clean_article(article: Article, *, settings: Settings, repeats: Any) -> Cleaned:
    from .clean import clean

    return clean(article, settings=settings, repeats=repeats)


def read_articles(corpus: Path, *, settings: Settings, timer: Timer,
                  duplicates: list[dict[str, str]], skipped: list[str] | None = None) -> Iterator[Article | DocError]:
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
                duplicates.append({"source": item.source, "duplicate_of": seen[item.doc_id], "doc_id": item.doc_id})
                continue
            seen[item.doc_id] = item.source
        yield item


def annotate_texts(nlp: Language, texts: list[str], *, max_piece_chars: int = 50_000) -> list[Doc | Exception]:
    """spaCy over a batch; if the batch fails, each text alone, so one bad text fails alone.

    `nlp.pipe` gives up a whole batch when one document raises in a trainable component. A text longer
    than `max_piece_chars` goes through in pieces cut at block boundaries, joined back into one Doc, so
    the parser's memory stays bounded and offsets are unchanged.
    """
    short = [i for i, t in enumerate(texts) if len(t) <= max_piece_chars]
    results: list[Doc | Exception] = [None] * len(texts)  # type: ignore[list-item]
    try:
        for i, doc in zip(short, nlp.pipe([texts[i] for i in short], batch_size=max(1, len(short)))):
            results[i] = doc
    except Exception:
        for i in short:
            results[i] = _annotate_one(nlp, texts[i], max_piece_chars)
    for i in sorted(set(range(len(texts))) - set(short)):
        results[i] = _annotate_one(nlp, texts[i], max_piece_chars)
    return results


def _annotate_one(nlp: Language, text: str, max_piece_chars: int) -> Doc | Exception:
    try:
        if len(text) <= max_piece_chars:
            return nlp(text)
        return Doc.from_docs(list(nlp.pipe(split_for_nlp(text, max_piece_chars))), ensure_whitespace=True)
    except Exception as exc:
        return exc


# Where to cut a long text, best first: between blocks, between lines, after a sentence, between words.
_CUTS = ("\n\n", "\n", ". ", " ")


def split_for_nlp(text: str, max_chars: int) -> list[str]:
    """Cut `text` into pieces of at most `max_chars` whose concatenation is `text`.

    Each cut falls after the last separator that fits, trying a blank line first, so a piece ends with
    its separator and the next piece starts a new block or sentence.
    """
    pieces = []
    start = 0
    while len(text) - start > max_chars:
        window = text[start:start + max_chars]
        cut = next((window.rfind(sep) + len(sep) for sep in _CUTS if window.rfind(sep) > 0), max_chars)
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def analyse(doc: Doc, article: Article, cleaned: Cleaned, *, settings: Settings, scorer: Any = None,
            timer: Timer | None = None) -> DocResult:
    """Entities and claims for one annotated article; with a `scorer`, the claims' scores too (the
    batch path scores many articles' claims at once instead)."""
    from .annotate import doc_entities
    from .claims import enrich_claims
    from .claims import doc_claims

    timer = timer or Timer()
    with timer.stage("entities"):
        mentions, entities = doc_entities(doc, doc_id=article.doc_id, cleaned=cleaned)
    with timer.stage("claims"):
        claims = doc_claims(doc, doc_id=article.doc_id, cleaned=cleaned, mentions=mentions, entities=entities,
                            settings=settings)
    if scorer is not None:
        with timer.stage("checkworthiness"):
            enrich_claims(doc, claims, scorer=scorer)
    n_words = sum(1 for t in doc if not (t.is_space or t.is_punct))
    return DocResult(article=article, cleaned=cleaned, n_sentences=sum(1 for _ in doc.sents), n_words=n_words,
                     mentions=mentions, entities=entities, claims=claims)


def build_repeat_index(corpus: Path, settings: Settings) -> tuple[Any, int]:
    """First pass: block hashes per site for corpus-level repetition, and the number of inputs."""
    from .clean import RepeatIndex
    from .ingest import read_corpus

    index = RepeatIndex()
    total = 0
    for item in read_corpus(corpus, settings=settings):
        total += 1
        if isinstance(item, Article):
            index.add(item)
    return index, total


class CorpusEntities:
    """Counts each canonical entity across the run's documents, one small row per entity."""

    COLUMNS = ["entity_id", "name", "label", "n_documents", "n_mentions", "aliases", "kb_id"]

    def __init__(self) -> None:
        self._rows: dict[str, dict[str, Any]] = {}

    def add(self, record: dict[str, Any]) -> None:
        for e in record["entities"]:
            row = self._rows.setdefault(e["entity_id"], {"entity_id": e["entity_id"], "name": e["name"],
                                                         "label": e["label"], "n_documents": 0, "n_mentions": 0,
                                                         "aliases": set(), "kb_id": e.get("kb_id", "")})
            row["n_documents"] += 1
            row["n_mentions"] += e["n_mentions"]
            row["aliases"].update(e.get("aliases", []))

    def rows(self) -> list[dict[str, Any]]:
        rows = [{**r, "aliases": sorted(r["aliases"])} for r in self._rows.values()]
        return sorted(rows, key=lambda r: (-r["n_documents"], -r["n_mentions"], r["name"], r["entity_id"]))


def load_pipeline(settings: Settings) -> Language:
    """claimpipe's spaCy pipeline, or RunError with a fix when the model cannot load."""
    from .annotate import load_nlp

    try:
        return load_nlp(settings)
    except (OSError, ImportError, ValueError) as exc:
        raise RunError(f"cannot load the spaCy model {settings.model or '(default)'}: {_message(exc)}; "
                       "give --model an installed package name or a model folder") from exc


def model_info(settings: Settings, nlp: Language | None = None) -> dict[str, Any]:
    """Name and version of the model, read from its meta.json without loading the pipeline."""
    from spacy.util import get_model_meta, get_package_path, is_package

    from .annotate import resolve_model

    name = resolve_model(settings.model)
    if nlp is not None:
        meta = nlp.meta
    else:
        try:
            path = get_package_path(name) if is_package(name) else Path(name)
            meta = get_model_meta(path)
        except Exception as exc:
            raise RunError(f"cannot load the spaCy model {name}: {_message(exc)}; give --model an installed "
                           "package name or a model folder") from exc
    return {"package": name, "name": f"{meta.get('lang', '')}_{meta.get('name', '')}",
            "version": meta.get("version", ""), "spacy_version": meta.get("spacy_version", "")}


def build_manifest(*, settings: Settings, model: dict[str, Any], nlp: Language | None, started: datetime,
                   summary: RunSummary, inputs: list[dict[str, str]], duplicates: list[dict[str, str]],
                   engine: str, skipped: list[dict[str, str]] | None = None) -> dict[str, Any]:
    import spacy

    nlp_config = ({name: dict(cfg) for name, cfg in nlp.config["components"].items()}
                  if nlp is not None else None)
    return {
        "schema_version": SCHEMA_VERSION,
        "claimpipe_version": __version__,
        "spacy_version": spacy.__version__,
        "model": {**model, "pipeline": list(nlp.pipe_names) if nlp is not None else None},
        "settings": settings.to_dict(),
        "settings_fingerprint": settings.fingerprint(),
        "engine": engine,
        "nlp_config": nlp_config,
        "started_at": started.isoformat(timespec="seconds"),
        "finished_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "complete": True,
        "counts": {"inputs": summary.n_inputs, "documents": summary.n_documents, "errors": summary.n_errors,
                   "duplicates": summary.n_duplicates, "skipped": summary.n_skipped, "cached": summary.n_cached,
                   "claims": summary.n_claims,
                   "mentions": summary.n_mentions, "entities": summary.n_entities},
        "timings": summary.timings,
        "seconds": round(summary.seconds, 3),
        "inputs": inputs,
        "duplicates": duplicates,
        "skipped": skipped or [],
    }


def make_engine(name: str, *, settings: Settings, analyzer: Analyzer, scheduler: str | None) -> Any:
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


def _progress(total: int, *, enabled: bool) -> Any:
    from tqdm import tqdm

    # disable=None hides the bar when stderr is not a terminal.
    return tqdm(total=total, unit="doc", disable=None if enabled else True, file=sys.stderr, smoothing=0.1,
                dynamic_ncols=True)


def _message(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:500] or type(exc).__name__
