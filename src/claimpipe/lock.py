"""An exclusive lock on the output folder, so two runs never interleave their files.

`filelock` locks with `fcntl` on POSIX and `msvcrt` on Windows, so `claimpipe.run` imports everywhere.
The lock is held by the open file, so a killed run frees it: no stale lock to delete by hand.
"""

from __future__ import annotations

import os
from pathlib import Path

from filelock import FileLock, Timeout

from .errors import RunError

LOCK_NAME = ".claimpipe.lock"


class OutputLock:
    """Held for the whole run; a second run into the same folder fails at once with RunError."""

    def __init__(self, out: Path) -> None:
        self.path = Path(out) / LOCK_NAME
        self._lock: FileLock | None = None

    def __enter__(self) -> "OutputLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(self.path, timeout=0, thread_local=False)
        try:
            lock.acquire()
        except Timeout:
            raise RunError(f"another claimpipe run is writing to {self.path.parent}; wait for it to finish "
                           "or choose another --out folder") from None
        self._lock = lock
        self._write_pid()
        return self

    def _write_pid(self) -> None:
        """Who holds the lock, for a person wondering; best effort (Windows may refuse a second handle)."""
        try:
            with open(self.path, "w", encoding="ascii") as fh:
                fh.write(f"{os.getpid()}\n")
        except OSError:
            pass

    def __exit__(self, *exc: object) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None
