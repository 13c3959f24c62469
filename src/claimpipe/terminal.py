"""Text for a terminal: whatever an article or a file name holds, it can neither drive the terminal nor
disguise what it says. This is the command line's side of the terminal: the library logs and reports
progress through a callback; `terminal_logging` and `ProgressBar` put both on stderr.

Escape sequences and other control characters ("\\x1b]0;title\\x07", "\\x1b[2J") and bidirectional
overrides (U+202E) are shown as visible escapes such as `\\x1b`. File names get the same treatment: a
name is bytes chosen by whoever made the file.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

# C0 controls (tab and newline are handled apart), DEL, C1 controls (0x9b is a one-byte CSI), and the
# format characters that reorder or hide text: bidi embeddings, overrides, isolates and marks; lone
# surrogates (an undecodable byte of a file name, kept by Python as U+DC80..U+DCFF) cannot be printed.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_BREAKS = re.compile(r"[\t\n\u2028\u2029\u0085]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe_text(text: object, *, one_line: bool = True) -> str:
    """Text that is safe to print: control and bidi characters turned into visible escapes.

    Args:
        one_line: also turn tabs and line breaks into spaces (else newlines are kept).
    """
    text = "" if text is None else str(text)
    if one_line:
        text = _BREAKS.sub(" ", text)
    else:
        text = text.replace("\t", " ").replace("\u2028", "\n").replace("\u2029", "\n").replace("\u0085", "\n")
    return _UNSAFE.sub(_visible, text)


def use_color(stream: object) -> bool:
    """Colour by default only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and not os.environ.get("NO_COLOR")


class _TerminalHandler(logging.Handler):
    """Log records as `claimpipe: message` on stderr, escaped, above any progress bar (tqdm.write)."""

    def emit(self, record: logging.LogRecord) -> None:
        from tqdm import tqdm

        try:
            tqdm.write(f"claimpipe: {safe_text(record.getMessage())}", file=sys.stderr)
        except Exception:
            self.handleError(record)


@contextmanager
def terminal_logging(*, verbose: bool = False) -> Iterator[None]:
    """While a command runs, the library's warnings (and with --verbose its info lines) go to stderr."""
    logger = logging.getLogger("claimpipe")
    handler = _TerminalHandler(logging.INFO if verbose else logging.WARNING)
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(min(handler.level, old_level) if old_level else handler.level)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)


class ProgressBar:
    """The run's progress callback drawn as a tqdm bar on stderr (hidden when stderr is not a terminal)."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self.bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            from tqdm import tqdm

            # disable=None hides the bar when stderr is not a terminal.
            self.bar = tqdm(total=total, unit="doc", disable=None, file=sys.stderr, smoothing=0.1, dynamic_ncols=True)
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
