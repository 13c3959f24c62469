"""Article metadata in one shape whatever the input: ISO dates, registered-domain sites, clean titles,
authors that are names.

Each function takes what a page or a record gave and returns the normalised value, or None when the
value is not one (a date that cannot be read, a "byline" that names no person). The input itself is
never changed: these are metadata fields, not the source text.
"""

from __future__ import annotations

import re
import warnings
from datetime import datetime

# -- dates ---------------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Zone abbreviations of English-language news datelines, as offsets in seconds.
_ZONES = {"GMT": 0, "UTC": 0, "BST": 3600, "CET": 3600, "CEST": 7200, "EST": -5 * 3600, "EDT": -4 * 3600,
          "CST": -6 * 3600, "CDT": -5 * 3600, "MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600,
          "PDT": -7 * 3600, "JST": 9 * 3600, "AEST": 10 * 3600, "AEDT": 11 * 3600}
_DEFAULT = datetime(1, 1, 1)


def iso_date(value: str | None) -> str | None:
    """A published date as ISO 8601: "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM[:SS][+HH:MM]" when a time is given.

    "12 May 2019" → "2019-05-12"; "2019-05-12T10:30:00Z" → "2019-05-12T10:30:00+00:00". Day-first is
    assumed for an all-number date ("05/12/2019" is 5 December), as in most of the world's news. None
    when no date can be read.
    """
    if not value or not value.strip():
        return None
    text = " ".join(value.split())
    if _ISO_DATE.fullmatch(text):
        return text
    from dateutil import parser

    try:
        with warnings.catch_warnings():  # an unknown zone name ("IST" is three zones) leaves the time naive
            warnings.simplefilter("ignore")
            parsed, rest = parser.parse(text, fuzzy_with_tokens=True, dayfirst=not _ISO_DATE.match(text),
                                        default=_DEFAULT, tzinfos=_ZONES)
    except (ValueError, OverflowError, parser.ParserError):
        return None
    if parsed.year == 1 or not _has_day(text, rest):
        return None
    has_time = parsed.hour or parsed.minute or parsed.second or parsed.tzinfo is not None
    return parsed.isoformat() if has_time else parsed.date().isoformat()


def _has_day(text: str, skipped: tuple[str, ...]) -> bool:
    """A date needs a day: at least two numbers (a year alone, "May 2019", is not a published date)."""
    used = text
    for part in skipped:
        used = used.replace(part, " ", 1)
    return len(re.findall(r"\d+", used)) >= 2


# -- sites ---------------------------------------------------------------------------------------


def url_site(url: str | None) -> str | None:
    """The registered domain of a URL ("news.bbc.co.uk" and "www.bbc.co.uk" → "bbc.co.uk"), or None."""
    if not url or not url.strip():
        return None
    from courlan import extract_domain

    try:
        return extract_domain(url.strip()) or None
    except ValueError:
        return None


# -- titles --------------------------------------------------------------------------------------

# " - Site", " | Site", " – Site", " — Site", " :: Site", " · Site"
_TITLE_SEPARATOR = re.compile(r"\s+(?:[-|–—·•»]|::)\s+")
_MAX_SITE_WORDS = 5


def clean_title(title: str | None, *, sitename: str | None = None, site: str | None = None) -> str | None:
    """A page title without the site's name before or after it ("Cuts ahead - News Nation" → "Cuts ahead").

    A part is the site's name when it matches `sitename` or the `site` domain's name, letters only and
    case aside ("News Nation" and newsnation.in). A title that is only the site's name stays as it is.
    """
    if not title:
        return title
    text = " ".join(title.split())
    names = {_letters(n) for n in (sitename, _domain_name(site)) if n and _letters(n)}
    if not names:
        return text
    parts = _TITLE_SEPARATOR.split(text)
    if len(parts) < 2:
        return text
    # drop the site's name from the end, then from the start; keep at least one part
    while len(parts) > 1 and _is_site_name(parts[-1], names):
        parts.pop()
    while len(parts) > 1 and _is_site_name(parts[0], names):
        parts.pop(0)
    if len(parts) == len(_TITLE_SEPARATOR.split(text)):
        return text
    # the kept parts are a slice of the title: return that slice, separators as written
    start = text.index(parts[0])
    return text[start:text.rindex(parts[-1]) + len(parts[-1])]


# Words around a site's name in a title part: "BBC NEWS", "The Guardian", "Reuters.com".
_GENERIC_SITE_WORDS = {"the", "news", "online", "com", "co", "uk", "net", "org", "www"}


def _is_site_name(part: str, names: set[str]) -> bool:
    """The part is the site's name, maybe with generic words ("BBC NEWS" for bbc.co.uk)."""
    if len(part.split()) > _MAX_SITE_WORDS:
        return False
    core = "".join(_letters(w) for w in re.split(r"[\s.]+", part) if _letters(w) not in _GENERIC_SITE_WORDS)
    return any(n in (_letters(part), core) for n in names)


def _domain_name(site: str | None) -> str | None:
    """"newsnation.in" → "newsnation"; "bbc.co.uk" → "bbc"."""
    if not site:
        return None
    return site.split(".")[0]


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


# -- authors -------------------------------------------------------------------------------------

# Words that are never part of a person's name in a byline.
_NOT_NAME_WORDS = {
    "staff", "reporter", "reporters", "correspondent", "editor", "editors", "writer", "desk", "team", "news",
    "agency", "agencies", "wire", "wires", "press", "associated", "reuters", "afp", "online", "digital", "post",
    "times", "daily", "contributor", "contributors", "admin", "administrator", "guest", "newsroom", "bureau",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "updated", "published", "posted", "by", "and", "the", "of", "for", "more", "view",
    "all", "articles", "follow", "email", "share", "comments", "photo", "photos", "video", "today",
}
_NAME_PART = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.-]*|(?:de|da|van|von|der|den|la|le|di|du|bin|al|el)\b")
_AUTHOR_SEPARATORS = re.compile(r"\s*(?:,|;|\band\b|&|\|)\s*")


def valid_authors(value: str | None) -> str | None:
    """The names in an author field, "; "-separated, or None when it names nobody.

    "JERUSALEM POST STAFF NOVEMBER" → None; "By Fredreka Schouten, USA TODAY" → "Fredreka Schouten";
    "Jane Doe and John Smith" → "Jane Doe; John Smith".
    """
    if not value or not value.strip():
        return None
    text = re.sub(r"^\s*(?i:by)\s+", "", " ".join(value.split()))
    names = [p for p in _AUTHOR_SEPARATORS.split(text) if is_person_name(p)]
    return "; ".join(dict.fromkeys(names)) or None


def is_person_name(text: str) -> bool:
    """Two to five words, each capitalised (or a particle such as "van"), none a staff or date word,
    not all in capitals unless short (an all-caps byline is mostly a desk: "JERUSALEM POST STAFF")."""
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    if any(w.casefold().strip(".") in _NOT_NAME_WORDS or any(ch.isdigit() for ch in w) for w in words):
        return False
    if not all(_NAME_PART.fullmatch(w) for w in words):
        return False
    return not (text.isupper() and len(words) > 3)


def normalise_metadata(meta: dict[str, str | None], *, sitename: str | None = None, site: str | None = None,
                       validate_author: bool = True) -> tuple[dict[str, str | None], list[str]]:
    """The metadata fields of a record or page: `published` in ISO 8601, `author` names only (when
    `validate_author`), `title` without the site's name.

    Returns:
        The fields, and a note for each value that was given but could not be read (it becomes None).
    """
    out = dict(meta)
    notes = []
    if out.get("published"):
        out["published"] = iso_date(meta["published"])
        if out["published"] is None:
            notes.append(f"published date {meta['published'][:40]!r} not understood; left empty")
    if validate_author and out.get("author"):
        out["author"] = valid_authors(meta["author"])
        if out["author"] is None:
            notes.append(f"author {meta['author'][:40]!r} names no person; left empty")
    if out.get("title"):
        out["title"] = clean_title(meta["title"], sitename=sitename, site=site)
    return out, notes
