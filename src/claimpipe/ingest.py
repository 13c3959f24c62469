"""Ingest: find the inputs, decode them safely, normalise, and give each article its content id.

`read_corpus(path)` yields an `Article` for every article it could read and a `DocError` for every
input it could not, so that one bad file never stops a batch. The source text is the input decoded
to Unicode with newlines normalised to "\\n" and NFC; nothing else changes (see OUTPUTS.md), so
that every source offset slices the file a user can open. A gzip-compressed input (`a.txt.gz`,
`feed.jsonl.gz`) is read as the file it holds; its offsets slice the decompressed text.

The concerns live in their own modules, re-exported here: `input_files` (the folder walk),
`input_decoding` (bytes to text), `input_articles` (text and HTML articles), `input_jsonl` (JSONL).
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

from .input_articles import article_from_html, check_text, folder_of, html_article, sha256_hex, text_article
from .input_decoding import (DAMAGED_UTF8, InputError, check_mojibake, clean_source_text, damaged_utf8_note,
                             decode_bytes, decode_with_notes, looks_binary, normalise_text, control_notes)
from .input_files import (COMPRESSED_SUFFIX, HTML_SUFFIXES, JSONL_SUFFIXES, SUPPORTED_SUFFIXES, TEXT_SUFFIXES,
                          UNSUPPORTED_REASON, InputFile, find_inputs, input_suffix, is_compressed)
from .input_jsonl import parse_json_record, read_jsonl
from .records import Article, DocError
from .settings import Settings

# names kept for callers of the single-module ingest
_text_article, _html_article, _article_from_html = text_article, html_article, article_from_html

__all__ = [
    "COMPRESSED_SUFFIX", "DAMAGED_UTF8", "HTML_SUFFIXES", "JSONL_SUFFIXES", "SUPPORTED_SUFFIXES", "TEXT_SUFFIXES",
    "UNSUPPORTED_REASON", "InputError", "InputFile", "check_mojibake", "check_text", "clean_source_text",
    "damaged_utf8_note", "decode_bytes", "decode_with_notes", "find_inputs", "input_suffix", "looks_binary",
    "normalise_text", "parse_json_record", "read_corpus", "read_input", "control_notes", "sha256_hex",
    "source_texts", "with_language",
]


def read_corpus(path: str | Path, *, settings: Settings | None = None, skipped: list[str] | None = None,
                exclude: tuple[str | Path, ...] = (), language: bool = True) -> Iterator[Article | DocError]:
    """Yield an Article or a DocError for every input under `path`, in a stable order.

    `skipped`, when given, receives the files left out for their type; folders in `exclude` (the run's
    output folder) are not read (see `find_inputs`). `language=False` leaves `Article.language` unset
    (the repetition pass counts blocks and needs none: detection is a third of its time)."""
    settings = settings or Settings()
    root = Path(path)
    files, errors = find_inputs(root, skipped=skipped, exclude=tuple(Path(p) for p in exclude))
    yield from errors
    for f in files:
        for item in read_input(f, root=root if root.is_dir() else root.parent, settings=settings):
            yield with_language(item, settings) if language and isinstance(item, Article) else item


def source_texts(path: str | Path, *, settings: Settings | None = None) -> dict[str, str]:
    """The source text of every article under `path`, by its `source`: what every `source_start` /
    `source_end` of the outputs indexes. For HTML that is the extracted text (`htmltext`), which
    documents.jsonl does not hold; this rebuilds it from the page, as the run did (same settings)."""
    return {a.source: a.text for a in read_corpus(path, settings=settings, language=False) if isinstance(a, Article)}


def with_language(article: Article, settings: Settings) -> Article:
    """The article with its detected `language`, and a note when that language is not analysed."""
    from .language import detect_language, is_analysed, language_note

    article.language = detect_language(article.text)
    if not is_analysed(article.language, settings):
        article.notes.append(language_note(article.language, settings))
    return article


def read_input(f: InputFile, *, root: Path, settings: Settings) -> Iterator[Article | DocError]:
    """The articles of one input file (one, or one per JSONL line), or its errors."""
    suffix = input_suffix(f.path)
    try:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(f, root=root, settings=settings)
            return
        data = _read_bytes(f.path, limit=_byte_limit(suffix, settings))
        if suffix in HTML_SUFFIXES:
            yield html_article(data, source=f.source, folder=folder_of(f.source), settings=settings)
        else:
            yield text_article(data, source=f.source, folder=folder_of(f.source), settings=settings)
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
    if is_compressed(path):  # the size that counts is the decompressed one: read one byte past the limit
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
