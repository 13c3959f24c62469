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
import io
import json
import os
import re
import stat
import unicodedata
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .metadata import normalise_metadata, url_site
from .records import Article, DocError, make_doc_id
from .settings import Settings

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
COMPRESSED_SUFFIX = ".gz"
# A NUL never occurs in text. Other C0 control bytes (BEL, ESC, VT, FF...) do turn up in scraped text
# and are replaced (`replace_controls`); only a page thick with them is taken for binary data.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 13)) + b"\x7f"
_BINARY_CONTROL_SHARE = 0.25
# Controls replaced one for one, so offsets still count the characters of the file: the line and page
# separators (VT, FF) by a newline, every other C0 control and DEL by a space.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_NAMES = {0: "NUL", 7: "BEL", 8: "BS", 11: "VT", 12: "FF", 27: "ESC", 127: "DEL"}
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
    """True for bytes that are not text: a NUL, or over 25% control bytes, in the first 8 KiB."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([b])) for b in _CONTROL_BYTES)
    return bool(head) and controls / len(head) > _BINARY_CONTROL_SHARE


def replace_controls(text: str) -> tuple[str, list[str]]:
    """Replace stray control characters one for one (VT and FF by a newline, the others by a space).

    Returns:
        The text, the same length, and a note naming what was replaced (none when nothing was).
    """
    found = _CONTROLS.findall(text)
    if not found:
        return text, []
    fixed = _CONTROLS.sub(lambda m: "\n" if m.group() in "\x0b\x0c" else " ", text)
    counts: dict[str, int] = {}
    for ch in found:
        name = _CONTROL_NAMES.get(ord(ch), f"U+{ord(ch):04X}")
        counts[name] = counts.get(name, 0) + 1
    listed = ", ".join(f"{n} x{c}" for n, c in sorted(counts.items()))
    return fixed, [f"{len(found)} control character(s) replaced ({listed}): VT and FF by a newline, others by a space"]


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
        raise InputError("BinaryInput", "binary content (a NUL, or over 25% control bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if _mostly_utf8(data, exc):
            return data.decode("utf-8", "replace"), DAMAGED_UTF8
    from charset_normalizer import from_bytes  # imported late: only non-UTF-8 inputs need it

    matches = list(from_bytes(data))
    if not matches:
        raise InputError("UndecodableInput", "not UTF-8 and no other text encoding fits")
    best = _prefer_web_default(matches)
    return str(best), best.encoding


# The encoding name `decode_bytes` gives for UTF-8 with a few damaged bytes replaced by U+FFFD.
DAMAGED_UTF8 = "utf-8 (damaged bytes replaced)"


def _mostly_utf8(data: bytes, first_error: UnicodeDecodeError) -> bool:
    """True when the bytes are UTF-8 with a little damage: cut mid-character at the end, or a few bad
    sequences among many good multi-byte ones (a legacy 8-bit text has no good ones)."""
    if first_error.reason == "unexpected end of data" and first_error.end == len(data):
        return True  # only the last character is cut: a truncated UTF-8 file
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    return bad <= 3 and good >= 10 * bad


def damaged_utf8_note(data: bytes) -> str:
    """The note for a text decoded by `decode_bytes` as DAMAGED_UTF8: how many bytes, and where first."""
    text = data.decode("utf-8", "replace")
    n = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    try:
        data.decode("utf-8")
        first = 0
    except UnicodeDecodeError as exc:
        first = exc.start
    return (f"decoded as UTF-8 with {n} invalid byte sequence(s) replaced by U+FFFD (first at byte {first:,}); "
            "the file is damaged or cut mid-character")


# On a tie the web's commonest legacy encoding wins: Western text in 8 bits is usually Windows-1252,
# and the detector cannot tell "à" in cp1252 from "ŕ" in cp1250 without more text.
_WEB_DEFAULT = "cp1252"


def _prefer_web_default(matches: list) -> object:
    top = min(matches, key=lambda m: (m.chaos, -m.coherence))
    tied = [m for m in matches if m.chaos <= top.chaos + 0.01 and m.coherence >= top.coherence - 0.01]
    return next((m for m in tied if m.encoding == _WEB_DEFAULT), top)


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


def _compressed(path: Path) -> bool:
    return path.suffix.lower() == COMPRESSED_SUFFIX


def _safe_relpath(path: Path, root: Path) -> str:
    """The POSIX relative path; undecodable bytes in a file name become escapes, never a crash."""
    rel = os.path.relpath(path, root).replace(os.sep, "/")
    return rel.encode("utf-8", "backslashreplace").decode("utf-8")


def read_corpus(path: str | Path, *, settings: Settings | None = None, skipped: list[str] | None = None,
                exclude: tuple[str | Path, ...] = ()) -> Iterator[Article | DocError]:
    """Yield an Article or a DocError for every input under `path`, in a stable order.

    `skipped`, when given, receives the files left out for their type; folders in `exclude` (the run's
    output folder) are not read (see `find_inputs`)."""
    settings = settings or Settings()
    root = Path(path)
    files, errors = find_inputs(root, skipped=skipped, exclude=tuple(Path(p) for p in exclude))
    yield from errors
    for f in files:
        for item in read_input(f, root=root if root.is_dir() else root.parent, settings=settings):
            yield with_language(item, settings) if isinstance(item, Article) else item


def source_texts(path: str | Path, *, settings: Settings | None = None) -> dict[str, str]:
    """The source text of every article under `path`, by its `source`: what every `source_start` /
    `source_end` of the outputs indexes. For HTML that is the extracted text (`htmltext`), which
    documents.jsonl does not hold; this rebuilds it from the page, as the run did (same settings)."""
    return {a.source: a.text for a in read_corpus(path, settings=settings) if isinstance(a, Article)}


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
            yield from _read_jsonl(f, root=root, settings=settings)
            return
        data = _read_bytes(f.path, limit=_byte_limit(suffix, settings))
        if suffix in HTML_SUFFIXES:
            yield _html_article(data, source=f.source, folder=_folder(f.source), settings=settings)
        else:
            yield _text_article(data, source=f.source, folder=_folder(f.source), settings=settings)
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


def _text_article(data: bytes, *, source: str, settings: Settings, folder: str | None = None,
                  site: str | None = None) -> Article:
    if not data.strip():
        raise InputError("EmptyInput", "empty (no text)")
    raw, notes = decode_with_notes(data)
    text, more = clean_source_text(raw, settings)
    _check_text(text, settings)
    return Article(source=source, text=text, doc_id=make_doc_id(text), sha256=_sha256(data), site=site,
                   folder=folder, notes=notes + more)


def decode_with_notes(data: bytes) -> tuple[str, list[str]]:
    """`decode_bytes`, and the note that says how, when it was not plain UTF-8."""
    raw, encoding = decode_bytes(data)
    if encoding == DAMAGED_UTF8:
        return raw, [damaged_utf8_note(data)]
    return raw, ([f"decoded as {encoding}"] if encoding != "utf-8" else [])


def clean_source_text(raw: str, settings: Settings) -> tuple[str, list[str]]:
    """The source text of decoded input: normalised, stray controls replaced, mojibake checked."""
    text, notes = replace_controls(normalise_text(raw))
    text, more = check_mojibake(text, repair=settings.repair_mojibake)
    return text, notes + more


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


def _html_article(data: bytes, *, source: str, folder: str | None, settings: Settings) -> Article:
    if not data.strip():
        raise InputError("EmptyInput", "empty (no HTML)")
    html, notes = decode_with_notes(data)
    return _article_from_html(html, source=source, sha256=_sha256(data), folder=folder, settings=settings,
                              notes=notes)


def _article_from_html(html: str, *, source: str, sha256: str, folder: str | None, settings: Settings,
                       notes: list[str] | None = None, **meta: str | None) -> Article:
    """An article from a page: the extracted text is its source text (see `htmltext`); metadata given
    with the page (`meta`, from a JSONL record) wins over what the page says."""
    from .htmltext import extract_html

    extracted = extract_html(html, url=meta.get("url"))
    if not extracted.text.strip():
        # the kind stays EmptyInput (what callers count on); the message says what failed
        raise InputError("EmptyInput", extracted.failure or "no article text found in the HTML")
    text, more = clean_source_text(extracted.text, settings)
    _check_text(text, settings)
    found = {k: getattr(extracted, k, None) for k in ("title", "subtitle", "author", "published", "url")}
    site = url_site(meta.get("url")) or url_site(found["url"])
    found, meta_notes = normalise_metadata(found, sitename=extracted.sitename, site=site)
    given, given_notes = normalise_metadata({k: v for k, v in meta.items() if v}, validate_author=False)
    merged = {k: given.get(k) or found.get(k) for k in found}
    extractor = [f"text extracted by {extracted.extractor}"] if extracted.extractor != "trafilatura" else []
    return Article(source=source, text=text, doc_id=make_doc_id(text), sha256=sha256, format="html", site=site,
                   notes=(notes or []) + extractor + more + given_notes + meta_notes, folder=folder,
                   extractor=extracted.extractor, **merged)


def _check_text(text: str, settings: Settings) -> None:
    if not text.strip():
        raise InputError("EmptyInput", "only white space")
    if len(text) > settings.max_article_chars:
        raise InputError("TooLarge", f"{len(text):,} characters is over the limit of "
                         f"{settings.max_article_chars:,} (setting max_article_chars)")


def _read_jsonl(f: InputFile, *, root: Path, settings: Settings) -> Iterator[Article | DocError]:
    """One article per line; a bad line is an error for that line only. Lines are read with a cap.

    A file that starts with a UTF-16 or UTF-32 byte order mark is read as text in that encoding (its
    lines are not byte lines); any other file as UTF-8 bytes, line by line.
    """
    compressed = _compressed(f.path)
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
    for bom, encoding in _BOMS:
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
    meta = {k: _str_or_none(record.get(k)) for k in ("title", "author", "published", "url")}
    sha = _sha256(line.rstrip(b"\r\n"))
    if isinstance(record.get("text"), str):
        text, notes = clean_source_text(record["text"], settings)
        _check_text(text, settings)
        meta, more = normalise_metadata(meta, validate_author=False)
        return Article(source=source, text=text, doc_id=make_doc_id(text), sha256=sha, site=url_site(meta["url"]),
                       folder=folder, notes=notes + more, **meta)
    if isinstance(record.get("html"), str):
        return _article_from_html(record["html"], source=source, sha256=sha, folder=folder, settings=settings, **meta)
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


def _str_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def _folder(source: str) -> str:
    """The folder of an input, relative to the corpus root ("." at the top): articles of one folder are
    taken to come from one site when no URL names theirs (`clean.repetition`). A JSONL file is its own
    folder."""
    return source.rsplit("/", 1)[0] if "/" in source else "."


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
