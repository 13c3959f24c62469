"""The folder walk: every supported input file under a corpus path, in a stable order, with the
folders and files that cannot be read as errors."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .records import DocError


TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
COMPRESSED_SUFFIX = ".gz"


@dataclass(slots=True)
class InputFile:
    path: Path
    source: str  # relative to the corpus root, POSIX separators


def find_inputs(root: Path, *, skipped: list[str] | None = None,
                exclude: tuple[Path, ...] = ()) -> tuple[list[InputFile], list[DocError]]:
    """Every supported file under `root` (or `root` itself), sorted; unreadable folders as errors.

    The walk keeps its own stack, so a tree of any depth is walked without recursion. Symlinked
    folders are followed once each, so a symlink loop is reported, not walked forever. A FIFO, device
    or socket is reported and never opened (opening a FIFO waits for a writer). The folders in
    `exclude` (the run's output folder) and any folder claimpipe writes (`_is_output_folder`: its lock,
    cache, staging or manifest) are claimpipe's outputs, not articles: they are left out. `skipped`, when given, receives the relative
    path of every file left out for its type (hidden files are not listed).
    """
    try:
        root_mode = root.stat().st_mode
    except OSError as exc:
        return [], [DocError(root.name, "ingest", "UnreadableFolder", f"cannot read: {exc.strerror or exc}")]
    if not stat.S_ISDIR(root_mode):
        if stat.S_ISREG(root_mode):
            return [InputFile(root, root.name)], []
        return [], [_special_file_error(root.name, root_mode)]
    files: list[InputFile] = []
    errors: list[DocError] = []
    seen: set[tuple[int, int]] = set()
    excluded = {_identity(p) for p in exclude}
    stack = [root]
    while stack:
        here = stack.pop()
        rel = _safe_relpath(here, root) if here != root else "."
        try:
            st = here.stat()
            entries = sorted(os.scandir(here), key=lambda e: e.name)
        except OSError as exc:
            errors.append(DocError(rel, "ingest", "UnreadableFolder", f"cannot list folder: {exc.strerror or exc}"))
            continue
        if (st.st_dev, st.st_ino) in seen:
            errors.append(DocError(rel, "ingest", "SymlinkLoop", "folder already visited through a symlink; skipped"))
            continue
        seen.add((st.st_dev, st.st_ino))
        if here != root and ((st.st_dev, st.st_ino) in excluded or _is_output_folder(entries)):
            continue
        subfolders: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                mode = entry.stat().st_mode  # follows a symlink, as reading would; never opens the file
            except OSError:
                mode = None  # a broken link: reading it reports the error
            if mode is not None and stat.S_ISDIR(mode):
                subfolders.append(path)
            elif input_suffix(path) not in SUPPORTED_SUFFIXES:
                if skipped is not None:
                    skipped.append(_safe_relpath(path, root))
            elif mode is not None and not stat.S_ISREG(mode):
                errors.append(_special_file_error(_safe_relpath(path, root), mode))
            else:
                files.append(InputFile(path, _safe_relpath(path, root)))
        stack.extend(reversed(subfolders))
    files.sort(key=lambda f: f.source)
    return files, errors


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


# Files only claimpipe's output folder holds: the run lock and the result cache (pipeline.LOCK_NAME,
# cache.CACHE_NAME; the lock exists from the start of a run, before the corpus is read) and staging.
_OUTPUT_MARKERS = {".claimpipe.lock", ".claimpipe-cache.sqlite", ".claimpipe-staging"}


def _is_output_folder(entries: list[os.DirEntry]) -> bool:
    """A folder claimpipe writes: it holds claimpipe's lock, cache or staging, or a manifest.json
    written by claimpipe (the outputs of an earlier run)."""
    if any(e.name in _OUTPUT_MARKERS for e in entries):
        return True
    manifest = next((e for e in entries if e.name == "manifest.json"), None)
    if manifest is None:
        return False
    try:
        with open(manifest.path, "rb") as fh:
            return b'"claimpipe_version"' in fh.read(1 << 16) if manifest.is_file() else False
    except OSError:
        return False


_SPECIAL_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
                  (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def _special_file_error(source: str, mode: int) -> DocError:
    kind = next((name for test, name in _SPECIAL_KINDS if test(mode)), "not a regular file")
    return DocError(source, "ingest", "SpecialFile", f"{kind}, not a regular file; skipped unread")


UNSUPPORTED_REASON = "not an article format: .txt, .md, .html, .htm, .jsonl, or one of them gzip-compressed (.gz)"


def input_suffix(path: Path) -> str:
    """The suffix that says how to read a file: ".txt" for `a.txt` and for `a.txt.gz`."""
    suffixes = [x.lower() for x in path.suffixes]
    if suffixes and suffixes[-1] == COMPRESSED_SUFFIX:
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def is_compressed(path: Path) -> bool:
    return path.suffix.lower() == COMPRESSED_SUFFIX


def _safe_relpath(path: Path, root: Path) -> str:
    """The POSIX relative path; undecodable bytes in a file name become escapes, never a crash."""
    rel = os.path.relpath(path, root).replace(os.sep, "/")
    return rel.encode("utf-8", "backslashreplace").decode("utf-8")
