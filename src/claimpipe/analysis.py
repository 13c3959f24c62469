"""The analysis of one batch of cleaned articles: the payload every engine runs, in this process or a worker.

`Analyzer.analyse_batch` takes (article, cleaned) pairs and returns, in order, one documents.jsonl record or
one `DocError` per pair: spaCy over the batch, then entities and claims per article, then the claims of the
whole batch scored together. A failure costs one article, never the batch: a failed spaCy batch or a failed
batch score is redone article by article (and logged), so only the bad article gets an error row. An
article whose own analysis outlasts `settings.article_seconds` gets a `Timeout` row (`time_budget`).
This module knows nothing of the corpus, the cache or the output folder (that is `pipeline`).
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .claims.lexicon import load_lexicon
from .errors import RunError, short_message
from .records import Article, Cleaned, DocError, DocResult
from .settings import Settings

log = logging.getLogger(__name__)

Pair = tuple[Article, Cleaned]
Outcome = dict[str, Any] | DocError  # a documents.jsonl record, or why the article failed


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


class ArticleTimeout(BaseException):
    """One article's analysis outlasted its budget. A BaseException, so that no `except Exception` in the
    rules it interrupts can swallow it; `Analyzer` turns it into the article's `Timeout` row."""


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise ArticleTimeout in the block after `seconds` of wall time (0: no budget).

    A rule that grows quadratically on a hostile article would otherwise hold the run for hours. The
    alarm (SIGALRM) interrupts pure-Python rule code between two bytecodes; it is used only where it can
    be: on POSIX, in the main thread (this process or a pool worker), and when no other timer is armed
    (a Dask worker's threads and Windows run without a budget)."""
    usable = (seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
              and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0))
    if not usable:
        yield
        return

    def on_alarm(signum: int, frame: Any) -> None:
        raise ArticleTimeout(f"the article's analysis took more than {seconds:g} s (the article_seconds setting)")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


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
    def loaded_nlp(self) -> Language | None:
        """The pipeline if it was loaded (or passed in), without loading it: the manifest records its config."""
        return self._nlp

    @property
    def scorer(self) -> Any:
        if self._scorer is None:
            from .claims.checkworthiness import CheckworthinessScorer

            self._scorer = CheckworthinessScorer.load(encoder=self.settings.checkworthiness_encoder)
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
                # an article outside the analysed languages goes through as empty text: a row, no claims
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
            log.info("vocab grew by more than %d strings: loading the spaCy pipeline afresh",
                     self.settings.nlp_max_strings)
            self._nlp = None
            nlp = self.nlp
        return nlp

    def _records(self, pairs: list[Pair], docs: list, scorer: Any, timer: Timer) -> list[Outcome]:
        """Entities and claims per article, then the claims of the whole batch scored together.

        Scoring is one model call per batch because a call per article costs far more; the steps are
        apart so that an article failing in any one of them gets its own error row."""
        outcomes: list[Outcome | None] = [None] * len(pairs)
        pending = self._analyse_each(pairs, docs, outcomes, timer)
        with timer.stage("checkworthiness"):
            batch_scores = _score_batch(scorer, pending)
        lexicon = load_lexicon(self.settings.claims_lexicon)
        for (k, doc, result), scores in zip(pending, batch_scores):
            outcomes[k] = _finish_record(doc, result, scorer, scores, timer, budget=self.settings.article_seconds,
                                         lexicon=lexicon)
        return outcomes  # type: ignore[return-value]

    def _analyse_each(self, pairs: list[Pair], docs: list, outcomes: list[Outcome | None],
                      timer: Timer) -> list[tuple[int, Doc, DocResult]]:
        """Entities and claims of every annotated article; a failure becomes that article's DocError."""
        pending: list[tuple[int, Doc, DocResult]] = []
        for k, ((article, cleaned), doc) in enumerate(zip(pairs, docs)):
            if isinstance(doc, Exception):
                outcomes[k] = DocError(article.source, "annotate", type(doc).__name__, short_message(doc))
                continue
            try:
                with time_budget(self.settings.article_seconds):
                    pending.append((k, doc, analyse(doc, article, cleaned, settings=self.settings, timer=timer)))
            except ArticleTimeout as exc:
                outcomes[k] = DocError(article.source, "claims", "Timeout", short_message(exc))
            except Exception as exc:  # one article's failure must not stop the batch
                outcomes[k] = DocError(article.source, "claims", type(exc).__name__, short_message(exc))
        return pending


def _score_batch(scorer: Any, pending: list[tuple[int, Doc, DocResult]]) -> list:
    """The check-worthiness scores of every pending article's claims in one model call, or a None per
    article when that call fails (each is then scored alone, so only the bad one fails)."""
    from .claims import score_documents
    from .claims.checkworthiness import score_sentences

    try:
        scores = score_documents(scorer, [(doc, r.claims) for _, doc, r in pending])
    except Exception as exc:
        log.warning("scoring the claims of a batch of %d articles failed (%s: %s); scoring them one by one",
                    len(pending), type(exc).__name__, short_message(exc))
        return [None] * len(pending)
    try:  # every sentence too, in one call (those that are whole claims reuse the scores just made)
        for (_, _, result), sentences in zip(pending, score_sentences(scorer, [doc for _, doc, _ in pending])):
            result.sentences = with_source_offsets(sentences, result.cleaned)
    except Exception as exc:  # the claims keep their scores; the articles get no sentence scores
        log.warning("scoring the sentences of a batch of %d articles failed (%s: %s); no sentence scores",
                    len(pending), type(exc).__name__, short_message(exc))
    return scores


def _finish_record(doc: Doc, result: DocResult, scorer: Any, scores: Any, timer: Timer, *,
                   budget: float = 0.0, lexicon: Any = None) -> Outcome:
    """The claims' scores, types and quantities filled in, and the article's documents.jsonl record."""
    from .claims import enrich_claims
    from .export import document_record

    try:
        with time_budget(budget):
            # timed inside: "types" for the claim types, "checkworthiness" for the final scores
            enrich_claims(doc, result.claims, scorer=scorer, scores=scores, lexicon=lexicon, timer=timer)
            return document_record(result)
    except ArticleTimeout as exc:
        return DocError(result.article.source, "claims", "Timeout", short_message(exc))
    except Exception as exc:
        return DocError(result.article.source, "claims", type(exc).__name__, short_message(exc))


def with_source_offsets(sentences: list, cleaned: Cleaned) -> list:
    """The scored sentences that map into the source, with their source offsets (a sentence is inside one
    block, so every one maps; one that did not would be dropped, as every other output row is)."""
    out = []
    for s in sentences:
        text = cleaned.text[s.start_char:s.end_char]  # score_sentences trims white-space tokens; a guard
        s.start_char += len(text) - len(text.lstrip())
        s.end_char -= len(text) - len(text.rstrip())
        src = cleaned.to_source(s.start_char, s.end_char)
        if src is not None:
            s.source_start, s.source_end = src
            out.append(s)
    return out


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
    except Exception as exc:
        log.warning("spaCy failed on a batch of %d texts (%s: %s); annotating them one by one",
                    len(short), type(exc).__name__, short_message(exc))
        for i in short:
            results[i] = _annotate_one(nlp, texts[i], max_piece_chars)
    for i in sorted(set(range(len(texts))) - set(short)):
        results[i] = _annotate_one(nlp, texts[i], max_piece_chars)
    return results


def _annotate_one(nlp: Language, text: str, max_piece_chars: int) -> Doc | Exception:
    """One text through spaCy (in pieces when long), or the exception that stopped it."""
    try:
        if len(text) <= max_piece_chars:
            return nlp(text)
        # one piece at a time: as one batch, the parser held every piece's activations at once (a
        # 0.3 MB article peaked at 1,202 MB, 399 MB piece by piece, the same annotations)
        pieces = nlp.pipe(split_for_nlp(text, max_piece_chars), batch_size=1)
        # no whitespace added between pieces: a piece cut inside a 50,000-character word (an inline
        # base64 image) would otherwise gain a space, and every offset after it would shift by one
        doc = Doc.from_docs(list(pieces), ensure_whitespace=False)
        if doc.text != text:
            raise ValueError("the parsed pieces do not join back into the text; no offsets would hold")
        return doc
    except Exception as exc:
        return exc


# Where to cut a long text, best first: between blocks, between lines, after a sentence, between words.
_CUTS = ("\n\n", "\n", ". ", " ")


def split_for_nlp(text: str, max_chars: int) -> list[str]:
    """Cut `text` into pieces of at most `max_chars` whose concatenation is `text`.

    Each cut falls after the last separator that fits, trying a blank line first, so a piece ends with
    its separator and the next piece starts a new block or sentence.
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, not {max_chars}")  # 0 would never advance
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
    from .claims import doc_claims, enrich_claims
    from .claims.checkworthiness import score_sentences

    timer = timer or Timer()
    with timer.stage("entities"):
        mentions, entities = doc_entities(doc, doc_id=article.doc_id, cleaned=cleaned)
    with timer.stage("claims"):
        claims = doc_claims(doc, doc_id=article.doc_id, cleaned=cleaned, mentions=mentions, entities=entities,
                            settings=settings)
    if scorer is not None:
        enrich_claims(doc, claims, scorer=scorer, lexicon=load_lexicon(settings.claims_lexicon), timer=timer)
        with timer.stage("checkworthiness"):
            sentences = with_source_offsets(score_sentences(scorer, [doc])[0], cleaned)
    n_words = sum(1 for t in doc if not (t.is_space or t.is_punct))
    return DocResult(article=article, cleaned=cleaned, n_sentences=sum(1 for _ in doc.sents), n_words=n_words,
                     mentions=mentions, entities=entities, claims=claims,
                     sentences=sentences if scorer is not None else [])


def clean_article(article: Article, *, settings: Settings, repeats: Any) -> Cleaned:
    """The clean stage for one article (imported late: the cleaner's word lists load on first use)."""
    from .clean import clean

    return clean(article, settings=settings, repeats=repeats)


def load_pipeline(settings: Settings) -> Language:
    """claimpipe's spaCy pipeline, or RunError with a fix when the model cannot load."""
    from .annotate import load_nlp

    try:
        return load_nlp(settings)
    except (OSError, ImportError, ValueError) as exc:
        raise RunError(f"cannot load the spaCy model {settings.model or '(default)'}: {short_message(exc)}; "
                       "give --model an installed package name or a model folder") from exc
