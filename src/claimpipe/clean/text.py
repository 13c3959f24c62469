"""Text features of a block: words, stop words, terminal punctuation, normal forms."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from itertools import islice
from pathlib import Path

# the block kinds that stay in the clean text
KEPT_KINDS = ("title", "subtitle", "heading", "paragraph", "note")  # note: a correction or editor's note

WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_TERMINAL = re.compile(r"""[.!?…。！？](?:['"’”»)\]*]*)$""")
INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"  # BOM and zero-width characters: strip like spaces
_EDGE_PUNCT = re.compile(r"^[^\w©@]+|[^\w©@]+$")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "«": '"', "»": '"', "–": "-", "—": "-"})
MD_HEADING = re.compile(r"#{1,6}[ \t]+(?=\S)")


@lru_cache(maxsize=None)
def stop_words(lang: str = "en") -> frozenset[str]:
    # Load spaCy's stop-word file alone: importing `spacy.lang.fr.stop_words` would run the package's
    # __init__, whose tokenizer exceptions take two seconds to build (French) for nothing we use.
    import importlib.util

    import spacy.lang

    path = Path(spacy.lang.__file__).parent / lang / "stop_words.py"
    spec = importlib.util.spec_from_file_location(f"_claimpipe_stop_words_{lang}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)


# Stop-word density needs the article's own language: news arrives in more than English.
_LANGS = ("en", "de", "fr", "es", "it", "nl", "pt", "sv")


def ends_sentence(text: str) -> bool:
    # patterns anchored at "$" are searched from every position: look at the tail only
    return _TERMINAL.search(text[-12:]) is not None


def ends_open(text: str) -> bool:
    return _OPEN_END.search(text[-16:]) is not None


def pick_stop_words(text: str) -> frozenset[str]:
    """The stop-word list (of spaCy's, for a few European languages) that covers most of a text."""
    words = [m.group(0).casefold() for m in islice(WORD.finditer(text), 800)]
    if not words:
        return stop_words("en")
    counts = {lang: len(stop_words(lang).intersection(words)) + (lang == "en") for lang in _LANGS}
    best = max(_LANGS, key=counts.__getitem__)
    return stop_words(best)


def normalise(text: str) -> str:
    """Lower case, straight quotes, single spaces, edge punctuation and bullets trimmed."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_QUOTES)
    text = " ".join(text.split())
    return _EDGE_PUNCT.sub("", text)


def repeat_key(text: str) -> str:
    """CCNet-style paragraph key: normalised, digits zeroed, hashed."""
    key = re.sub(r"\d", "0", normalise(text))
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


# a line ending in one of these words stops mid-sentence ("I had the opportunity to give a")
_OPEN_END_WORDS = frozenset(
    "a an the of to in on at for with from by and or but nor as than that which who whose whom "
    "into onto upon about via per its their his her our your my is are was were be been has have had "
    "will would can could should may might must not no".split())
_OPEN_END = re.compile(r"(?:[,(\[{–—/-]|\b(?:" + "|".join(sorted(_OPEN_END_WORDS)) + r"))$", re.IGNORECASE)
