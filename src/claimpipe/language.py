"""The language of an article, and whether claimpipe analyses it.

Detection is py3langid's (a maintained fork of langid.py: a naive Bayes model over byte n-grams,
about 4 ms for the first 5,000 characters of an article, after a 3 s model load once per process),
restricted to the major written languages of news so that a short English text is not taken for
Nigerian Pidgin or Frisian. A short text in the Latin script is English unless the detector is
confident of another language: a headline ("UK economy grows") is too short to tell, and
claimpipe's default reader is English. The English model claimpipe ships finds junk in other
languages ("Что" as a place), so articles in a language outside the `languages` setting (default
English only) get a document row, their language and a note, but no entities or claims.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .settings import DETECTABLE_LANGUAGES, Settings

# Languages the detector may answer (ISO 639-1): the major written languages of news.
CANDIDATES = list(DETECTABLE_LANGUAGES)
_SAMPLE_CHARS = 5000  # the language of the first 5,000 characters is the article's
_SHORT_WORDS = 25  # below this many words a text is short: only a confident guess is taken
_CONFIDENT = 0.9


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(CANDIDATES)
    return identifier


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when it has no letters.

    A short text (under 25 words) in the Latin script is English unless the detector is confident
    (probability 0.9 or more) of another language: too few words to tell, and English is the default.
    """
    sample = text[:_SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None
    ranked = _identifier().rank(sample)
    best, prob = ranked[0]
    if len(sample.split()) >= _SHORT_WORDS or not _latin_script(sample):
        return best
    return best if best != "en" and prob >= _CONFIDENT else "en"


def _latin_script(text: str) -> bool:
    """Most letters are Latin (a short Cyrillic, Greek, Arabic or CJK text needs no English guard)."""
    letters = [ch for ch in text if ch.isalpha()]
    latin = sum(1 for ch in letters if ch.isascii() or "LATIN" in unicodedata.name(ch, ""))
    return latin * 2 >= len(letters)


def analysed_languages(settings: Settings) -> tuple[str, ...]:
    """The languages whose articles are analysed: the `languages` setting (default English only)."""
    return settings.languages  # never empty: Settings checks it


def is_analysed(language: str | None, settings: Settings) -> bool:
    """Whether an article in `language` gets entities and claims; an undetermined language does."""
    return language is None or language in analysed_languages(settings)


def language_note(language: str, settings: Settings) -> str:
    """The note on an article left unanalysed for its language."""
    return (f"language {language}: not analysed (setting languages = {', '.join(analysed_languages(settings))}); "
            "no entities or claims")
