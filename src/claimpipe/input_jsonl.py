"""JSONL input: one article per line (`text` or `html` with metadata), a bad line an error for that line."""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from pathlib import Path

from .input_articles import article_from_html, check_text, sha256_hex
from .input_decoding import BOMS, InputError, clean_source_text
from .input_files import InputFile, is_compressed
from .metadata import normalise_metadata, url_site
from .records import Article, DocError, make_doc_id
from .settings import Settings


def read_jsonl(f: InputFile, *, root: Path, settings: Settings) -> Iterator[Article | DocError]:
    """One article per line; a bad line is an error for that line only. Lines are read with a cap.

    A file that starts with a UTF-16 or UTF-32 byte order mark is read as text in that encoding (its
    lines are not byte lines); any other file as UTF-8 bytes, line by line.
    """
    compressed = is_compressed(f.path)
    size = f.path.stat().st_size
    if size > settings.max_file_bytes and not compressed:
        raise InputError("TooLarge", f"{size:,} bytes is over the limit of {settings.max_file_bytes:,} "
                         "(setting max_file_bytes)")
    line_limit = settings.max_article_chars * 4
    with (gzip.open(f.path, "rb") if compressed else open(f.path, "rb")) as raw_fh:
        wide = _wide_encoding(raw_fh.peek(4)[:4] if hasattr(raw_fh, "peek") else b"")
        fh = io.TextIOWrapper(raw_fh, encoding=wide, errors="replace", newline="") if wide else raw_fh
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
            newline = "\n" if wide else b"\n"
            if len(line) > line_limit and not line.endswith(newline):
                _skip_rest_of_line(fh, newline)
                yield DocError(source, "ingest", "TooLarge", f"line is over {line_limit:,} bytes (setting max_article_chars)")
                continue
            if not line.strip():
                continue
            data = line.encode("utf-8", "surrogatepass") if wide else line
            try:
                yield _jsonl_article(data, source=source, folder=f.source, settings=settings)
            except InputError as exc:
                yield DocError(source, "ingest", exc.kind, str(exc))


def _wide_encoding(head: bytes) -> str | None:
    """"utf-16" or "utf-32" when `head` starts with that encoding's byte order mark, else None."""
    for bom, encoding in BOMS:
        if head.startswith(bom):
            return encoding
    return None


def _skip_rest_of_line(fh, newline: bytes | str = b"\n") -> None:
    while chunk := fh.readline(1 << 20):
        if chunk.endswith(newline):
            return


# Fields of a JSONL record that claimpipe reads; each must be valid Unicode (no lone surrogate).
_JSONL_FIELDS = ("text", "html", "title", "author", "published", "url")


def _jsonl_article(line: bytes, *, source: str, folder: str, settings: Settings) -> Article:
    record = parse_json_record(line)
    for key in _JSONL_FIELDS:
        _check_unicode(record.get(key), key)
    meta, meta_notes = {}, []
    for key in ("title", "author", "published", "url"):
        meta[key], note = metadata_text(record.get(key), key)
        meta_notes += [note] if note else []
    sha = sha256_hex(line.rstrip(b"\r\n"))
    if isinstance(record.get("text"), str):
        text, notes = clean_source_text(record["text"], settings)
        check_text(text, settings)
        meta, more = normalise_metadata(meta, validate_author=False)
        return Article(source=source, text=text, doc_id=make_doc_id(text), sha256=sha, site=url_site(meta["url"]),
                       folder=folder, notes=notes + meta_notes + more, **meta)
    if isinstance(record.get("html"), str):
        return article_from_html(record["html"], source=source, sha256=sha, folder=folder, settings=settings,
                                 notes=meta_notes, **meta)
    raise InputError("MissingText", "no string `text` or `html` field")


def parse_json_record(line: bytes) -> dict:
    """One JSONL line as a dict, or an InputError that says what is wrong with it."""
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError("InvalidJSON", f"not a JSON object ({getattr(exc, 'msg', exc)}); truncated line?")
    except RecursionError:
        raise InputError("InvalidJSON", "JSON nested too deeply to read (arrays or objects inside each other "
                         "hundreds of levels deep)")
    if not isinstance(record, dict):
        raise InputError("InvalidJSON", f"a JSON {type(record).__name__}, not an object")
    return record


def _check_unicode(value: object, key: str) -> None:
    """A string field with a lone surrogate ("\\ud800") is not text: it cannot be written as UTF-8."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise InputError("InvalidUnicode", f"`{key}` holds a lone surrogate (\\u{ord(value[exc.start]):04x}) at "
                             f"character {exc.start:,}: not valid Unicode text")


def metadata_text(value: object, key: str) -> tuple[str | None, str | None]:
    """A JSONL metadata field as text: a string as is, a list of strings joined ("A, B" for two authors);
    anything else is left out with a note, never written as Python's repr of it ("['A', 'B']", "123")."""
    if value is None or isinstance(value, str):
        return value, None
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return ", ".join(v.strip() for v in value if v.strip()) or None, None
    return None, f"`{key}` left out: a {type(value).__name__}, not text"
