"""A result cache in the output folder, so unchanged articles are not analysed twice.

A record is stored under a key that hashes everything that shapes it: the article, the counts of
its blocks that recur across the site (all that cleaning reads of the rest of the corpus), the
settings that change outputs, the model's name and version, and the code of the claimpipe package
itself. A hit therefore skips cleaning too.
The cache is one SQLite file, committed after every batch, so an interrupted run keeps what it finished
and the next run picks up there. Entries not used by a finished run are pruned.

The cache only saves time, so no cache problem stops a run: a damaged file (not a database, or failing
SQLite's quick check) is logged, deleted and rebuilt; one that cannot be opened or fails mid-run is
logged and the run goes on without it; a stored record that is not valid JSON is a miss.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Any

from .export import json_text
from .records import Article

log = logging.getLogger(__name__)

CACHE_NAME = ".claimpipe-cache.sqlite"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the package's code and data files: any change to claimpipe invalidates the cache."""
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix not in (".pyc",) and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def result_key(article: Article, *, repeats: str, fingerprint: str, model: dict[str, Any], version: str) -> str:
    """The key of an article's record: its content and metadata, the corpus-repetition signature of
    its blocks (`RepeatIndex.signature`), the output-shaping settings, the model and the code."""
    digest = hashlib.sha256()
    head = [version, code_fingerprint(), fingerprint, model.get("package"), model.get("name"), model.get("version"),
            repeats]
    digest.update(json.dumps(head).encode())
    digest.update(json.dumps(dataclasses.asdict(article), sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()


class ResultCache:
    def __init__(self, out: Path, *, enabled: bool = True) -> None:
        self.enabled = enabled
        self.path = Path(out) / CACHE_NAME
        self.used: set[str] = set()
        self.db: sqlite3.Connection | None = self._open() if enabled else None

    def _open(self) -> sqlite3.Connection | None:
        """The cache's database: rebuilt when damaged, None (no cache this run) when it cannot be opened."""
        try:
            return _connect(self.path)
        except sqlite3.OperationalError as exc:  # locked, read-only, no such folder: not damage, leave it be
            log.warning("cannot open the result cache %s (%s); running without it", self.path, exc)
            return None
        except sqlite3.DatabaseError as exc:
            log.warning("the result cache %s is damaged (%s); deleting it and starting an empty one, so every "
                        "article is analysed again", self.path, exc)
        try:
            for path in (self.path, *(self.path.with_name(self.path.name + x) for x in ("-journal", "-wal", "-shm"))):
                path.unlink(missing_ok=True)
            return _connect(self.path)
        except (OSError, sqlite3.Error) as exc:
            log.warning("cannot rebuild the result cache %s (%s); running without it", self.path, exc)
            return None

    def _fail(self, action: str, exc: Exception) -> None:
        """Stop using the cache for the rest of the run: a failing cache must not fail the run."""
        log.warning("the result cache %s failed while %s (%s); going on without it", self.path, action, exc)
        db, self.db = self.db, None
        try:
            if db is not None:
                db.close()
        except sqlite3.Error:
            pass

    def get(self, key: str) -> dict[str, Any] | None:
        found = self.get_record(key)
        return None if found is None else found[0]

    def get_text(self, key: str) -> str | None:
        """The record stored under `key` as its JSON text (what `put_text` stored), or None."""
        if self.db is None:
            return None
        try:
            row = self.db.execute("SELECT record FROM results WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            self._fail("reading", exc)
            return None
        if row is None:
            return None
        self.used.add(key)
        return row[0]

    def get_record(self, key: str) -> tuple[dict[str, Any], str] | None:
        """The record stored under `key` and its JSON text, or None; a stored text that does not parse is a
        miss (and is replaced when the article's new record is stored)."""
        text = self.get_text(key)
        if text is None:
            return None
        try:
            record = json.loads(text)
        except ValueError as exc:
            log.warning("the result cache %s holds a damaged record (%s); analysing its article again",
                        self.path, exc)
            self.used.discard(key)
            return None
        if not isinstance(record, dict):
            log.warning("the result cache %s holds a record that is not an object; analysing its article again",
                        self.path)
            self.used.discard(key)
            return None
        return record, text

    def put(self, key: str, record: dict[str, Any]) -> None:
        # the one serialisation: documents.jsonl gets a cached record's text as it is
        self.put_text(key, json_text(record))

    def put_text(self, key: str, text: str) -> None:
        if self.db is None:
            return
        self.used.add(key)
        try:
            self.db.execute("INSERT OR REPLACE INTO results VALUES (?, ?)", (key, text))
        except sqlite3.Error as exc:
            self._fail("writing", exc)

    def commit(self) -> None:
        if self.db is not None:
            try:
                self.db.commit()
            except sqlite3.Error as exc:
                self._fail("committing", exc)

    def finish(self) -> None:
        """After a complete run: drop entries this run did not use, and close."""
        if self.db is None:
            return
        try:
            self.db.execute("CREATE TEMP TABLE used (key TEXT PRIMARY KEY)")
            self.db.executemany("INSERT INTO used VALUES (?)", ((k,) for k in self.used))
            self.db.execute("DELETE FROM results WHERE key NOT IN (SELECT key FROM used)")
            self.db.commit()
        except sqlite3.Error as exc:
            self._fail("pruning", exc)
        self.close()

    def close(self) -> None:
        if self.db is not None:
            try:
                self.db.commit()
                self.db.close()
            except sqlite3.Error as exc:
                log.warning("closing the result cache %s failed (%s)", self.path, exc)
            self.db = None


def _connect(path: Path) -> sqlite3.Connection:
    """Open the cache and check it: SQLite's quick check reads every page, so damage shows here, not mid-run."""
    db = sqlite3.connect(path)
    try:
        db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, record TEXT NOT NULL)")
        (verdict,) = db.execute("PRAGMA quick_check").fetchone()
        if verdict != "ok":
            raise sqlite3.DatabaseError(f"quick_check: {verdict}")
    except BaseException:
        db.close()
        raise
    return db
