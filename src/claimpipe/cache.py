"""A result cache in the output folder, so unchanged articles are not analysed twice.

A record is stored under a key that hashes everything that shapes it: the article, the counts of
its blocks that recur across the site (all that cleaning reads of the rest of the corpus), the
settings that change outputs, the model's name and version, and the code of the claimpipe package
itself. A hit therefore skips cleaning too.
The cache is one SQLite file, committed after every batch, so an interrupted run keeps what it finished
and the next run picks up there. Entries not used by a finished run are pruned.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Any

from .export import json_text
from .records import Article

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
        self.used: set[str] = set()
        self.db: sqlite3.Connection | None = None
        if enabled:
            self.db = sqlite3.connect(Path(out) / CACHE_NAME)
            self.db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, record TEXT NOT NULL)")

    def get(self, key: str) -> dict[str, Any] | None:
        text = self.get_text(key)
        return None if text is None else json.loads(text)

    def get_text(self, key: str) -> str | None:
        """The record stored under `key` as its JSON text (what `put_text` stored), or None."""
        if self.db is None:
            return None
        row = self.db.execute("SELECT record FROM results WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        self.used.add(key)
        return row[0]

    def put(self, key: str, record: dict[str, Any]) -> None:
        # the one serialisation: documents.jsonl gets a cached record's text as it is
        self.put_text(key, json_text(record))

    def put_text(self, key: str, text: str) -> None:
        if self.db is None:
            return
        self.used.add(key)
        self.db.execute("INSERT OR REPLACE INTO results VALUES (?, ?)", (key, text))

    def commit(self) -> None:
        if self.db is not None:
            self.db.commit()

    def finish(self) -> None:
        """After a complete run: drop entries this run did not use, and close."""
        if self.db is None:
            return
        self.db.execute("CREATE TEMP TABLE used (key TEXT PRIMARY KEY)")
        self.db.executemany("INSERT INTO used VALUES (?)", ((k,) for k in self.used))
        self.db.execute("DELETE FROM results WHERE key NOT IN (SELECT key FROM used)")
        self.db.commit()
        self.close()

    def close(self) -> None:
        if self.db is not None:
            self.db.commit()
            self.db.close()
            self.db = None
