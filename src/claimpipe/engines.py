"""Where the analysis runs: this process, a pool of local worker processes, or a Dask cluster.

Every engine has `map(batches, timer=...)`: it takes `(batch, todo)` pairs, analyses the `todo` pairs,
and yields `(batch, outcomes)` in input order, so the outputs do not depend on the engine. Workers
load the model once each (never shipped with a task), and at most a few batches are in flight, so
memory stays bounded however long the corpus. A worker process watches its parent and exits when the
parent dies, so a killed run leaves no worker blocked on a queue nobody will fill.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from .analysis import Analyzer, Timer
from .errors import RunError, short_message
from .records import DocError
from .settings import Settings

log = logging.getLogger(__name__)

Batches = Iterator[tuple[list[Any], list[Any]]]


class InProcessEngine:
    def __init__(self, analyzer: Any) -> None:
        self.analyzer = analyzer

    def map(self, batches: Batches, *, timer: Any) -> Iterator[tuple[list[Any], list[Any]]]:
        for batch, todo in batches:
            yield batch, self.analyzer.analyse_batch(todo, timer) if todo else []

    def close(self) -> None:
        pass


# One Analyzer per worker process, made by the pool's initializer (or on a Dask worker's first task).
_ANALYZER: Any = None
_DASK_LOCK = threading.Lock()


def _init_worker(settings: Settings) -> None:
    global _ANALYZER
    _ANALYZER = Analyzer(settings)


def _init_pool_worker(settings: Settings) -> None:
    """A local pool worker: dies with its parent, then holds its Analyzer."""
    die_with_parent()
    _init_worker(settings)


def die_with_parent() -> bool:
    """Exit this process as soon as the process that spawned it dies; False if it has no such parent.

    A pool worker waits on its task queue forever: when the parent is killed (SIGKILL, OOM killer) nobody
    closes that queue, and each orphan would keep its ~180 MB. `multiprocessing.parent_process()` gives
    the parent's sentinel (a pipe end on POSIX, a process handle on Windows), which a daemon thread waits on.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return False

    def watch() -> None:
        parent.join()  # returns when the parent's end of the sentinel closes, that is when it exits
        os._exit(1)  # no cleanup: the parent that would collect our results is gone

    threading.Thread(target=watch, name="claimpipe-parent-watch", daemon=True).start()
    return True


def _work(pairs: list[Any]) -> tuple[list[Any], dict[str, float]]:
    timer = Timer()
    outcomes = _ANALYZER.analyse_batch(pairs, timer)
    return outcomes, dict(timer.seconds)


def _dask_work(settings: Settings, pairs: list[Any]) -> tuple[list[Any], dict[str, float]]:
    # A Dask worker may run tasks on several threads; its one pipeline (and the process-wide BLAS thread
    # limit, see `blas.single_blas_thread`) serve one batch at a time.
    with _DASK_LOCK:
        if _ANALYZER is None or _ANALYZER.settings != settings:
            _init_worker(settings)
        return _work(pairs)


class _WindowedEngine:
    """Submits batches to a pool, at most `window` in flight, and yields them back in order."""

    window: int

    def submit(self, pairs: list[Any]) -> Future:
        raise NotImplementedError

    def map(self, batches: Batches, *, timer: Any) -> Iterator[tuple[list[Any], list[Any]]]:
        pending: deque[tuple[list[Any], list[Any], Future | None]] = deque()
        for batch, todo in batches:
            pending.append((batch, todo, self.submit(todo) if todo else None))
            while len(pending) > self.window:
                yield self._collect(*pending.popleft(), timer=timer)
        while pending:
            yield self._collect(*pending.popleft(), timer=timer)

    def _collect(self, batch: list[Any], todo: list[Any], future: Future | None, *,
                 timer: Any) -> tuple[list[Any], list[Any]]:
        if future is None:
            return batch, []
        try:
            outcomes, seconds = future.result()
        except Exception as exc:  # a worker died (or the batch failed there): redo it one article at a time
            log.warning("a batch of %d articles failed in its worker (%s: %s); redoing it one article at a time",
                        len(todo), _failure_name(exc), short_message(exc))
            outcomes, seconds = self._one_by_one(todo)
        for stage, s in seconds.items():
            timer.seconds[stage] += s
        return batch, outcomes

    def _one_by_one(self, todo: list[Any]) -> tuple[list[Any], dict[str, float]]:
        outcomes: list[Any] = []
        seconds: dict[str, float] = {}
        for pair in todo:
            try:
                (outcome,), s = self.submit([pair]).result()
            except Exception as exc:
                article = pair[0]
                log.warning("%s: the worker analysing it failed (%s: %s); restarting the pool", article.source,
                            _failure_name(exc), short_message(exc))
                self.recover()
                outcome = DocError(article.source, "annotate", _failure_name(exc),
                                   f"the worker processing it failed: {exc}"[:500])
                s = {}
            outcomes.append(outcome)
            for k, v in s.items():
                seconds[k] = seconds.get(k, 0.0) + v
        return outcomes, seconds

    def recover(self) -> None:
        """Make the pool usable again after a worker died."""


def _failure_name(exc: BaseException) -> str:
    """The error name of a failed batch: a dead worker process is "WorkerCrashed", else the exception's name."""
    return "WorkerCrashed" if isinstance(exc, BrokenProcessPool) else type(exc).__name__


class ProcessPoolEngine(_WindowedEngine):
    """`settings.workers` local processes, recycled every `worker_max_tasks` batches."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.window = 2 * settings.workers
        self.pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        # spawn: a forked child would inherit the parent's threads and locks; recycling needs it too.
        return ProcessPoolExecutor(max_workers=self.settings.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_init_pool_worker, initargs=(self.settings,),
                                   max_tasks_per_child=self.settings.worker_max_tasks)

    def submit(self, pairs: list[Any]) -> Future:
        try:
            return self.pool.submit(_work, pairs)
        except BrokenProcessPool:
            self.recover()
            return self.pool.submit(_work, pairs)

    def recover(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new_pool()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine(_WindowedEngine):
    """A Dask distributed cluster: each worker process loads the model once, on its first batch."""

    def __init__(self, settings: Settings, *, scheduler: str) -> None:
        try:
            from distributed import Client
        except ImportError as exc:  # an optional extra
            raise RunError("the dask engine needs the optional extra: pip install 'claimpipe[dask]'") from exc
        self.settings = settings
        self.client = Client(scheduler, set_as_default=False)
        n_workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        self.window = 2 * n_workers

    def submit(self, pairs: list[Any]) -> Future:
        return self.client.submit(_dask_work, self.settings, pairs, pure=False)

    def close(self) -> None:
        self.client.close()
