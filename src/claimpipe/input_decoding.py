"""Decoding: input bytes to source text (encoding detection, controls, newlines, NFC, mojibake), and
`InputError`, the problem that stops one input from becoming an article."""

from __future__ import annotations

import codecs
import re
import unicodedata

from .settings import Settings


# A NUL never occurs in text. Other C0 control bytes (BEL, ESC, VT, FF...) do turn up in scraped text
# and are kept with a note (`control_notes`); only a page thick with them is taken for binary data.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 13)) + b"\x7f"
_BINARY_CONTROL_SHARE = 0.25
# Stray controls are kept as written: the source text is the file's plain decode (the output contract).
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_NAMES = {0: "NUL", 7: "BEL", 8: "BS", 11: "VT", 12: "FF", 27: "ESC", 127: "DEL"}
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))



class InputError(Exception):
    """An input that cannot become an article; `kind` names the problem for errors.jsonl."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind



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


def control_notes(text: str) -> list[str]:
    """A note naming the stray control characters in `text`, kept as written (none when there are none).

    They are not replaced: a replaced character would make the source text differ from the file, and
    every source offset must slice the file itself; the terminal views escape them when they show text."""
    found = _CONTROLS.findall(text)
    if not found:
        return []
    counts: dict[str, int] = {}
    for ch in found:
        name = _CONTROL_NAMES.get(ord(ch), f"U+{ord(ch):04X}")
        counts[name] = counts.get(name, 0) + 1
    listed = ", ".join(f"{n} x{c}" for n, c in sorted(counts.items()))
    return [f"{len(found)} stray control character(s) kept as written ({listed})"]

def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode input bytes: a UTF-16/32 BOM, then UTF-8, then charset-normalizer's best guess.

    A UTF-8 BOM is kept as U+FEFF, as a plain UTF-8 read gives it, so offsets match such a read.

    Returns:
        The text and the name of the encoding used.
    Raises:
        InputError: the bytes are binary or no encoding fits.
    """
    for bom, encoding in BOMS:
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


def decode_with_notes(data: bytes) -> tuple[str, list[str]]:
    """`decode_bytes`, and the note that says how, when it was not plain UTF-8."""
    raw, encoding = decode_bytes(data)
    if encoding == DAMAGED_UTF8:
        return raw, [damaged_utf8_note(data)]
    return raw, ([f"decoded as {encoding}"] if encoding != "utf-8" else [])


def clean_source_text(raw: str, settings: Settings) -> tuple[str, list[str]]:
    """The source text of decoded input: normalised, stray controls noted, mojibake checked."""
    text = normalise_text(raw)
    notes = control_notes(text)
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
