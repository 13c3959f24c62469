"""The run: ingest → clean → spaCy → entities → claims → scores → export, streamed in batches.

`run()` reads the corpus twice: a first, cheap pass builds the corpus-level repetition index that the
cleaner needs (block hashes only), the second streams articles through spaCy in batches and writes
each result as it comes, so memory does not grow with the corpus.
"""

from __future__ import annotations

import fcntl
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import islice
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from . import SCHEMA_VERSION, __version__
from .records import Article, Cleaned, DocError, DocResult
from .settings import Settings

LOCK_NAME = ".claimpipe.lock"


class RunError(Exception):
    """The run could not start (exit code 2): bad input path, unloadable model, output folder in use."""


@dataclass
class RunSummary:
    out: Path
    n_inputs: int = 0
    n_documents: int = 0
    n_errors: int = 0
    n_duplicates: int = 0
    n_claims: int = 0
    n_mentions: int = 0
    n_entities: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        return 1 if self.n_errors else 0

    def line(self) -> str:
        return (f"{self.n_documents} documents, {self.n_claims} claims, {self.n_mentions} mentions, "
                f"{self.n_errors} errors in {self.seconds:.1f} s -> {self.out}")


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


def run(corpus: str | Path, out: str | Path, *, settings: Settings | None = None, progress: bool = False,
        nlp: Language | None = None) -> RunSummary:
    """Run the whole pipeline over `corpus` (a folder or a file) and write the outputs to `out`.

    Args:
        nlp: an already loaded pipeline from `annotate.load_nlp` (tests share one); loaded when None.
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
    with OutputLock(out):
        with timer.stage("load"):
            nlp = nlp or _load_nlp(settings)
            scorer = _load_scorer()
        with timer.stage("repetition pass"):
            repeats, total = build_repeat_index(corpus, settings)
        writer = OutputWriter(out)
        try:
            inputs: list[dict[str, str]] = []
            duplicates: list[dict[str, str]] = []
            entities = []
            bar = _progress(total, enabled=progress)
            for item in process(corpus, settings=settings, nlp=nlp, scorer=scorer, repeats=repeats,
                                timer=timer, duplicates=duplicates):
                with timer.stage("export"):
                    if isinstance(item, DocError):
                        writer.add_error(item)
                        summary.n_errors += 1
                        print(f"claimpipe: {item.source}: {item.stage}: {item.error}: {item.message}", file=sys.stderr)
                    else:
                        writer.add(item)
                        inputs.append({"source": item.article.source, "sha256": item.article.sha256,
                                       "doc_id": item.article.doc_id})
                        entities.extend(item.entities)
                        summary.n_documents += 1
                        summary.n_claims += len(item.claims)
                        summary.n_mentions += len(item.mentions)
                        summary.n_entities += len(item.entities)
                    bar.update(1)
            bar.close()
            summary.n_duplicates = len(duplicates)
            summary.n_inputs = summary.n_documents + summary.n_errors + summary.n_duplicates
            with timer.stage("export"):
                _write_corpus_entities(writer, entities)
            summary.seconds = time.perf_counter() - t_start
            summary.timings = {k: round(v, 3) for k, v in timer.seconds.items()}
            manifest = build_manifest(settings=settings, nlp=nlp, started=started, summary=summary,
                                      inputs=inputs, duplicates=duplicates)
            writer.commit(manifest)
        except BaseException:
            writer.abort()
            raise
    return summary


def process(corpus: Path, *, settings: Settings, nlp: Language, scorer: Any, repeats: Any, timer: Timer,
            duplicates: list[dict[str, str]]) -> Iterator[DocResult | DocError]:
    """Stream results in input order: each article's DocResult, or a DocError for each failure."""
    prepared = prepare(corpus, settings=settings, repeats=repeats, timer=timer, duplicates=duplicates)
    while batch := list(islice(prepared, settings.batch_size)):
        pairs = [x for x in batch if not isinstance(x, DocError)]
        yield from (x for x in batch if isinstance(x, DocError))
        with timer.stage("spacy"):
            docs = annotate_texts(nlp, [cleaned.text for _, cleaned in pairs],
                                  max_piece_chars=settings.max_piece_chars)
        for (article, cleaned), doc in zip(pairs, docs):
            if isinstance(doc, Exception):
                yield DocError(article.source, "annotate", type(doc).__name__, _message(doc))
                continue
            try:
                yield analyse(doc, article, cleaned, settings=settings, scorer=scorer, timer=timer)
            except Exception as exc:  # one article's failure must not stop the batch
                yield DocError(article.source, "claims", type(exc).__name__, _message(exc))


def prepare(corpus: Path, *, settings: Settings, repeats: Any, timer: Timer,
            duplicates: list[dict[str, str]]) -> Iterator[tuple[Article, Cleaned] | DocError]:
    """Ingest and clean, dropping exact duplicates of an article already seen (they share a doc_id)."""
    from .clean import clean
    from .ingest import read_corpus

    seen: dict[str, str] = {}
    items = read_corpus(corpus, settings=settings)
    while True:
        with timer.stage("ingest"):
            item = next(items, None)
        if item is None:
            return
        if isinstance(item, DocError):
            yield item
            continue
        if item.doc_id in seen:
            duplicates.append({"source": item.source, "duplicate_of": seen[item.doc_id], "doc_id": item.doc_id})
            continue
        seen[item.doc_id] = item.source
        try:
            with timer.stage("clean"):
                cleaned = clean(item, settings=settings, repeats=repeats)
        except Exception as exc:
            yield DocError(item.source, "clean", type(exc).__name__, _message(exc))
            continue
        yield item, cleaned


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
    for i in set(range(len(texts))) - set(short):
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


def analyse(doc: Doc, article: Article, cleaned: Cleaned, *, settings: Settings, scorer: Any,
            timer: Timer) -> DocResult:
    """Entities, claims and claim scores for one annotated article."""
    from .annotate import doc_entities
    from .checkworthiness import enrich_claims
    from .claims import doc_claims

    with timer.stage("entities"):
        mentions, entities = doc_entities(doc, doc_id=article.doc_id, cleaned=cleaned)
    with timer.stage("claims"):
        claims = doc_claims(doc, doc_id=article.doc_id, cleaned=cleaned, mentions=mentions, entities=entities,
                            settings=settings)
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


def build_manifest(*, settings: Settings, nlp: Language, started: datetime, summary: RunSummary,
                   inputs: list[dict[str, str]], duplicates: list[dict[str, str]]) -> dict[str, Any]:
    import spacy

    return {
        "schema_version": SCHEMA_VERSION,
        "claimpipe_version": __version__,
        "spacy_version": spacy.__version__,
        "model": {"name": nlp.meta.get("name"), "lang": nlp.meta.get("lang"), "version": nlp.meta.get("version"),
                  "package": getattr(nlp, "_claimpipe_model", None), "pipeline": list(nlp.pipe_names)},
        "settings": settings.to_dict(),
        "settings_fingerprint": settings.fingerprint(),
        "nlp_config": {name: dict(cfg) for name, cfg in nlp.config["components"].items()
                       if name.startswith("claimpipe")},
        "started_at": started.isoformat(timespec="seconds"),
        "finished_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "complete": True,
        "counts": {"inputs": summary.n_inputs, "documents": summary.n_documents, "errors": summary.n_errors,
                   "duplicates": summary.n_duplicates, "claims": summary.n_claims,
                   "mentions": summary.n_mentions, "entities": summary.n_entities},
        "timings": summary.timings,
        "seconds": round(summary.seconds, 3),
        "inputs": inputs,
        "duplicates": duplicates,
    }


def _write_corpus_entities(writer: Any, entities: Iterable[Any]) -> None:
    from .annotate import corpus_entities
    from .export import CORPUS_ENTITY_COLUMNS

    import dataclasses

    rows = [dataclasses.asdict(e) for e in corpus_entities(entities)]
    writer.write_table("corpus_entities.csv", CORPUS_ENTITY_COLUMNS, rows)


def _load_nlp(settings: Settings) -> Language:
    from .annotate import load_nlp

    try:
        return load_nlp(settings)
    except (OSError, ImportError, ValueError) as exc:
        raise RunError(f"cannot load the spaCy model {settings.model or '(default)'}: {_message(exc)}; "
                       "give --model an installed package name or a model folder") from exc


def _load_scorer() -> Any:
    from .checkworthiness import CheckworthinessScorer

    return CheckworthinessScorer.load()


def _progress(total: int, *, enabled: bool) -> Any:
    from tqdm import tqdm

    # disable=None hides the bar when stderr is not a terminal.
    return tqdm(total=total, unit="doc", disable=None if enabled else True, file=sys.stderr, smoothing=0.1)


def _message(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:500] or type(exc).__name__
