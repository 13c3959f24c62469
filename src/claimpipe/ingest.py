"""Ingest: find the inputs, decode them safely, normalise, and give each article its content id.

`read_corpus(path)` yields an `Article` for every article it could read and a `DocError` for every
input it could not, so that one bad file never stops a batch. The source text is the input decoded
to Unicode with newlines normalised to "\\n" and NFC; nothing else changes (see OUTPUTS.md), so
that every source offset slices the file a user can open. A gzip-compressed input (`a.txt.gz`,
`feed.jsonl.gz`) is read as the file it holds; its offsets slice the decompressed text.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import json
import os
import unicodedata
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .records import Article, DocError, make_doc_id
from .settings import Settings

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
COMPRESSED_SUFFIX = ".gz"
# Bytes that never occur in text: NUL and the C0 controls other than tab, newline, FF, CR, ESC.
_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class InputError(Exception):
    """An input that cannot become an article; `kind` names the problem for errors.jsonl."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(slots=True)
class InputFile:
    path: Path
    source: str  # relative to the corpus root, POSIX separators


def normalise_text(text: str) -> str:
    """Newlines to "\\n", then NFC. The only changes the contract allows to a source text."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text: a NUL, or many control bytes, in the first 8 KiB."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([b])) for b in _BINARY_BYTES)
    return bool(head) and controls / len(head) > 0.01


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode input bytes: a UTF-16/32 BOM, then UTF-8, then charset-normalizer's best guess.

    A UTF-8 BOM is kept as U+FEFF, as a plain UTF-8 read gives it, so offsets match such a read.

    Returns:
        The text and the name of the encoding used.
    Raises:
        InputError: the bytes are binary or no encoding fits.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError("UndecodableInput", f"starts with a {encoding} BOM but is not {encoding}: {exc.reason}")
    if looks_binary(data):
        raise InputError("BinaryInput", "binary content (NUL or control bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported late: only non-UTF-8 inputs need it

    matches = list(from_bytes(data))
    if not matches:
        raise InputError("UndecodableInput", "not UTF-8 and no other text encoding fits")
    best = _prefer_web_default(matches)
    return str(best), best.encoding


# On a tie the web's commonest legacy encoding wins: Western text in 8 bits is usually Windows-1252,
# and the detector cannot tell "à" in cp1252 from "ŕ" in cp1250 without more text.
_WEB_DEFAULT = "cp1252"


def _prefer_web_default(matches: list) -> object:
    top = min(matches, key=lambda m: (m.chaos, -m.coherence))
    tied = [m for m in matches if m.chaos <= top.chaos + 0.01 and m.coherence >= top.coherence - 0.01]
    return next((m for m in tied if m.encoding == _WEB_DEFAULT), top)


def find_inputs(root: Path, *, skipped: list[str] | None = None) -> tuple[list[InputFile], list[DocError]]:
    """Every supported file under `root` (or `root` itself), sorted; unreadable folders as errors.

    Symlinked folders are followed once each, so a symlink loop is reported, not walked forever.
    `skipped`, when given, receives the relative path of every file left out for its type (hidden
    files are not listed).
    """
    if root.is_file():
        return [InputFile(root, root.name)], []
    files: list[InputFile] = []
    errors: list[DocError] = []
    seen: set[tuple[int, int]] = set()

    def on_error(exc: OSError) -> None:
        where = Path(exc.filename).relative_to(root).as_posix() if exc.filename else "."
        errors.append(DocError(where, "ingest", "UnreadableFolder", f"cannot list folder: {exc.strerror}"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error, followlinks=True):
        here = Path(dirpath)
        st = here.stat()
        if (st.st_dev, st.st_ino) in seen:
            rel = here.relative_to(root).as_posix()
            errors.append(DocError(rel, "ingest", "SymlinkLoop", "folder already visited through a symlink; skipped"))
            dirnames[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = here / name
            if name.startswith("."):
                continue
            if input_suffix(path) not in SUPPORTED_SUFFIXES:
                if skipped is not None:
                    skipped.append(_safe_relpath(path, root))
                continue
            files.append(InputFile(path, _safe_relpath(path, root)))
    files.sort(key=lambda f: f.source)
    return files, errors


UNSUPPORTED_REASON = "not an article format: .txt, .md, .html, .htm, .jsonl, or one of them gzip-compressed (.gz)"


def input_suffix(path: Path) -> str:
    """The suffix that says how to read a file: ".txt" for `a.txt` and for `a.txt.gz`."""
    suffixes = [x.lower() for x in path.suffixes]
    if suffixes and suffixes[-1] == COMPRESSED_SUFFIX:
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def _compressed(path: Path) -> bool:
    return path.suffix.lower() == COMPRESSED_SUFFIX


def _safe_relpath(path: Path, root: Path) -> str:
    """The POSIX relative path; undecodable bytes in a file name become escapes, never a crash."""
    rel = os.path.relpath(path, root).replace(os.sep, "/")
    return rel.encode("utf-8", "backslashreplace").decode("utf-8")


def read_corpus(path: str | Path, *, settings: Settings | None = None,
                skipped: list[str] | None = None) -> Iterator[Article | DocError]:
    """Yield an Article or a DocError for every input under `path`, in a stable order.

    `skipped`, when given, receives the files left out for their type (see `find_inputs`)."""
    settings = settings or Settings()
    root = Path(path)
    files, errors = find_inputs(root, skipped=skipped)
    yield from errors
    for f in files:
        yield from read_input(f, root=root if root.is_dir() else root.parent, settings=settings)


def read_input(f: InputFile, *, root: Path, settings: Settings) -> Iterator[Article | DocError]:
    """The articles of one input file (one, or one per JSONL line), or its errors."""
    suffix = input_suffix(f.path)
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(f, root=root, settings=settings)
            return
        data = _read_bytes(f.path, limit=_byte_limit(suffix, settings))
        if suffix in HTML_SUFFIXES:
            yield _html_article(data, source=f.source, site=_folder_site(f.source), settings=settings)
        else:
            yield _text_article(data, source=f.source, site=_folder_site(f.source), settings=settings)
    except InputError as exc:
        yield DocError(f.source, "ingest", exc.kind, str(exc))
    except gzip.BadGzipFile as exc:
        yield DocError(f.source, "ingest", "CorruptCompressed", f"not a readable gzip file: {exc}")
    except (EOFError, zlib.error) as exc:  # truncated or damaged compressed data
        yield DocError(f.source, "ingest", "CorruptCompressed", f"damaged gzip data: {exc or 'ends too early'}")
    except OSError as exc:
        yield DocError(f.source, "ingest", type(exc).__name__, f"cannot read: {exc.strerror or exc}")


def _byte_limit(suffix: str, settings: Settings) -> int:
    # UTF-8 takes at most 4 bytes a character; HTML carries markup around its text.
    return settings.max_article_chars * (40 if suffix in HTML_SUFFIXES else 4)


def _read_bytes(path: Path, *, limit: int) -> bytes:
    if _compressed(path):  # the size that counts is the decompressed one: read one byte past the limit
        with gzip.open(path, "rb") as fh:
            data = fh.read(limit + 1)
        if len(data) > limit:
            raise InputError("TooLarge", f"decompresses to over {limit:,} bytes, the limit (setting max_article_chars)")
        return data
    size = path.stat().st_size
    if size > limit:
        raise InputError("TooLarge", f"{size:,} bytes is over the limit of {limit:,} (setting max_article_chars)")
    with open(path, "rb") as fh:
        return fh.read(limit + 1)


def _text_article(data: bytes, *, source: str, site: str | None, settings: Settings, **meta: str | None) -> Article:
    if not data.strip():
        raise InputError("EmptyInput", "empty (no text)")
    raw, encoding = decode_bytes(data)
    notes = [f"decoded as {encoding}"] if encoding != "utf-8" else []
    text, more = check_mojibake(normalise_text(raw), repair=settings.repair_mojibake)
    _check_text(text, settings)
    return Article(source=source, text=text, doc_id=make_doc_id(text), sha256=_sha256(data), site=site,
                   notes=notes + more, **meta)


def check_mojibake(text: str, *, repair: bool) -> tuple[str, list[str]]:
    """Detect text decoded with the wrong encoding ("CafÃ©"); repair it with ftfy when asked.

    Returns:
        The text (repaired or not) and the notes to record on the article.
    """
    import ftfy
    from ftfy.badness import is_bad

    sample = text[:100_000]  # the badness heuristic is linear; a prefix tells
    # Every pattern of ftfy's heuristic needs a non-ASCII character (tests check all ASCII strings of up to
    # three characters): ASCII text is never mojibake, and most English articles are ASCII.
    if sample.isascii() or not is_bad(sample):
        return text, []
    if not repair:
        return text, ["looks like mojibake (wrongly decoded text); not repaired: set repair_mojibake to fix it"]
    fixed = normalise_text(ftfy.fix_encoding(text))
    return fixed, (["mojibake repaired by ftfy"] if fixed != text else [])


def _html_article(data: bytes, *, source: str, site: str | None, settings: Settings, **meta: str | None) -> Article:
    if not data.strip():
        raise InputError("EmptyInput", "empty (no HTML)")
    html, _ = decode_bytes(data)
    return _article_from_html(html, source=source, sha256=_sha256(data), site=site, settings=settings, **meta)


def _article_from_html(html: str, *, source: str, sha256: str, site: str | None, settings: Settings,
                       **meta: str | None) -> Article:
    from .htmltext import extract_html

    extracted = extract_html(html, url=meta.get("url"))
    text = normalise_text(extracted.text or "")
    if not text.strip():
        raise InputError("EmptyInput", "no article text found in the HTML")
    _check_text(text, settings)
    found = {k: getattr(extracted, k, None) for k in ("title", "subtitle", "author", "published", "url")}
    merged = {k: meta.get(k) or found.get(k) for k in found}
    site = _url_site(merged["url"]) or site
    return Article(source=source, text=text, doc_id=make_doc_id(text), sha256=sha256, format="html", site=site, **merged)


def _check_text(text: str, settings: Settings) -> None:
    if not text.strip():
        raise InputError("EmptyInput", "only white space")
    if len(text) > settings.max_article_chars:
        raise InputError("TooLarge", f"{len(text):,} characters is over the limit of "
                         f"{settings.max_article_chars:,} (setting max_article_chars)")


def _read_jsonl(f: InputFile, *, root: Path, settings: Settings) -> Iterator[Article | DocError]:
    """One article per line; a bad line is an error for that line only. Lines are read with a cap."""
    compressed = _compressed(f.path)
    size = f.path.stat().st_size
    if size > settings.max_file_bytes and not compressed:
        raise InputError("TooLarge", f"{size:,} bytes is over the limit of {settings.max_file_bytes:,} "
                         "(setting max_file_bytes)")
    line_limit = settings.max_article_chars * 4
    with (gzip.open(f.path, "rb") if compressed else open(f.path, "rb")) as fh:
        n = read = 0
        while True:
            line = fh.readline(line_limit + 1)
            if not line:
                return
            n += 1
            read += len(line)
            if read > settings.max_file_bytes:  # only a compressed file can get here: its size grew unpacked
                raise InputError("TooLarge", f"decompresses to over {settings.max_file_bytes:,} bytes, the limit "
                                 f"(setting max_file_bytes); stopped at line {n}")
            source = f"{f.source}#L{n}"
            if len(line) > line_limit and not line.endswith(b"\n"):
                _skip_rest_of_line(fh)
                yield DocError(source, "ingest", "TooLarge", f"line is over {line_limit:,} bytes (setting max_article_chars)")
                continue
            if not line.strip():
                continue
            try:
                yield _jsonl_article(line, source=source, default_site=f.source, settings=settings)
            except InputError as exc:
                yield DocError(source, "ingest", exc.kind, str(exc))


def _skip_rest_of_line(fh) -> None:
    while chunk := fh.readline(1 << 20):
        if chunk.endswith(b"\n"):
            return


def _jsonl_article(line: bytes, *, source: str, default_site: str, settings: Settings) -> Article:
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError("InvalidJSON", f"not a JSON object ({getattr(exc, 'msg', exc)}); truncated line?")
    if not isinstance(record, dict):
        raise InputError("InvalidJSON", f"a JSON {type(record).__name__}, not an object")
    meta = {k: _str_or_none(record.get(k)) for k in ("title", "author", "published", "url")}
    site = _url_site(meta["url"]) or default_site
    sha = _sha256(line.rstrip(b"\r\n"))
    if isinstance(record.get("text"), str):
        text, notes = check_mojibake(normalise_text(record["text"]), repair=settings.repair_mojibake)
        _check_text(text, settings)
        return Article(source=source, text=text, doc_id=make_doc_id(text), sha256=sha, site=site, notes=notes, **meta)
    if isinstance(record.get("html"), str):
        return _article_from_html(record["html"], source=source, sha256=sha, site=site, settings=settings, **meta)
    raise InputError("MissingText", "no string `text` or `html` field")


def _str_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def _folder_site(source: str) -> str:
    """Articles in one folder are taken to come from one site when no URL says otherwise."""
    return source.rsplit("/", 1)[0] if "/" in source else "."


def _url_site(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
