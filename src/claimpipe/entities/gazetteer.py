"""Name tables: countries (pycountry's ISO 3166-1, plus news forms), demonyms and international bodies.

The tables live in `claimpipe/data/entities/`; each form maps to one canonical name and, for countries and
their demonyms, to the country's ISO alpha-3 code (`kb_id`). Loaded once per process.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

DATA_PACKAGE = "claimpipe.data.entities"


@dataclass(frozen=True, slots=True)
class Entry:
    """One canonical name and the surface forms that mean it."""

    label: str
    canonical: str
    kb_id: str = ""
    forms: tuple[str, ...] = ()


@dataclass(slots=True)
class Gazetteer:
    entries: list[Entry]
    by_form: dict[str, Entry] = field(default_factory=dict)
    by_name: dict[tuple[str, str], Entry] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for entry in self.entries:
            self.by_name.setdefault((entry.label, entry.canonical), entry)
            for form in entry.forms:
                self.by_form.setdefault(form, entry)

    def lookup(self, form: str) -> Entry | None:
        return self.by_form.get(form)

    def patterns(self) -> list[dict[str, Any]]:
        """SpanRuler phrase patterns: the label, the form, and the canonical name as the pattern id."""
        return [{"label": e.label, "pattern": form, "id": e.canonical} for e in self.entries for form in e.forms]


def read_table(name: str) -> list[list[str]]:
    """Rows of a tab-separated data file, without comments and blank lines."""
    text = resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def read_words(name: str) -> frozenset[str]:
    """A one-word-per-line data file as a set."""
    return frozenset(row[0].strip() for row in read_table(name))


def _forms(*names: str) -> tuple[str, ...]:
    out: list[str] = []
    for name in names:
        for part in name.split("|"):
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return tuple(out)


def country_entries() -> list[Entry]:
    """Every ISO 3166-1 country as a GPE, named by its news name, with pycountry's and the table's forms."""
    import pycountry

    overrides = {row[0]: row for row in read_table("countries.tsv")}
    entries = []
    for country in pycountry.countries:
        fields = country._fields
        row = overrides.pop(country.alpha_3, [country.alpha_3, "", ""])
        row += [""] * (3 - len(row))
        canonical = row[1] or fields.get("common_name") or country.name
        iso_names = [n for n in (country.name, fields.get("common_name"), fields.get("official_name"))
                     if n and "," not in n and "(" not in n and not n.startswith("the ")]
        entries.append(Entry("GPE", canonical, country.alpha_3, _forms(canonical, *iso_names, row[2])))
    for code, row in overrides.items():  # user-assigned codes pycountry does not hold (Kosovo, XKX)
        row += [""] * (3 - len(row))
        entries.append(Entry("GPE", row[1], code, _forms(row[1], row[2])))
    return entries


def demonym_entries() -> list[Entry]:
    """Nationality words as NORP, canonical = the adjective, kb_id = the country (empty when ambiguous)."""
    entries = []
    for row in read_table("demonyms.tsv"):
        row += [""] * (3 - len(row))
        entries.append(Entry("NORP", row[0].strip(), row[1].strip(), _forms(row[0], row[2])))
    return entries


def organisation_entries() -> list[Entry]:
    entries = []
    for row in read_table("organisations.tsv"):
        row += [""] * (3 - len(row))
        entries.append(Entry(row[0].strip(), row[1].strip(), "", _forms(row[1], row[2])))
    return entries


@lru_cache(maxsize=1)
def state_names() -> frozenset[str]:
    """Lower-case names of the states of federal countries (ISO 3166-2 subdivisions of type State or Land,
    from pycountry: "Ohio", "Kerala", "Bavaria" as "Bayern"), for "the state" to name one of them."""
    import pycountry

    return frozenset(s.name.lower() for s in pycountry.subdivisions if s.type in ("State", "Land"))


@lru_cache(maxsize=1)
def country_adjectives() -> dict[str, str]:
    """Country code -> its nationality adjective, where `demonyms.tsv` gives it exactly one ("GBR" ->
    "British"): "the British government" reads better than "the United Kingdom government"."""
    found: dict[str, set[str]] = {}
    for entry in demonym_entries():
        if entry.kb_id:
            found.setdefault(entry.kb_id, set()).add(entry.canonical)
    return {code: names.pop() for code, names in found.items() if len(names) == 1}


@lru_cache(maxsize=1)
def place_countries() -> dict[str, str]:
    """Lower-case names of places and bodies inside one country -> that country's ISO alpha-3 code: capitals
    (`capitals.tsv`), ISO 3166-2 subdivisions (pycountry: "Ohio", "Scotland", "Bayern") and seats of
    government, parliaments and parties (`national_bodies.tsv`: "Downing Street", "Labour"). A name that
    would say two countries ("Punjab", "Kingston") or is itself a country's ("Georgia") is left out."""
    import pycountry

    countries = {form.lower() for entry in country_entries() for form in entry.forms}
    codes: dict[str, set[str]] = {}
    for name, code in (row[:2] for row in read_table("capitals.tsv")):
        if name.strip().lower() not in _NOT_PLACE_NAMES:
            codes.setdefault(name.strip().lower(), set()).add(code.strip())
    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is not None and sub.name.lower() not in _NOT_PLACE_NAMES:
            codes.setdefault(sub.name.lower(), set()).add(country.alpha_3)
    for name, code in (row[:2] for row in read_table("national_bodies.tsv")):
        codes[name.strip().lower()] = {code.strip()}  # the hand table knows better than a subdivision
    return {name: next(iter(found)) for name, found in codes.items() if len(found) == 1 and name not in countries}


# capital and subdivision names that are common English words or places of several countries ("Male" of the Maldives,
# "Most" of Czechia, "North" of Cameroon, "Midlands" of Zimbabwe, "Hamilton" of Bermuda)
_NOT_PLACE_NAMES = frozenset({"north", "south", "east", "west", "central", "centre", "center", "male", "most",
                              "midlands", "hamilton", "capital", "western", "eastern", "northern", "southern"})


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    return Gazetteer(country_entries() + demonym_entries() + organisation_entries())


@lru_cache(maxsize=1)
def load_lexicon() -> "Lexicon":
    heads = {}
    for row in read_table("name_heads.tsv"):
        for word in row[1].split("|"):
            heads.setdefault(word.strip(), row[0].strip())
    return Lexicon(titles=read_words("titles.txt"), honorifics=read_words("honorifics.txt"),
                   legal_suffixes=read_words("legal_suffixes.txt"), portfolios=read_words("portfolios.txt"),
                   generic=read_words("generic_words.txt"), addressed_offices=read_words("addressed_offices.txt"),
                   heads=heads)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word lists the fixes and the canonical names use (lower case)."""

    titles: frozenset[str]
    honorifics: frozenset[str]
    legal_suffixes: frozenset[str]
    portfolios: frozenset[str] = frozenset()
    generic: frozenset[str] = frozenset()  # words that open many names ("World", "Federal")
    addressed_offices: frozenset[str] = frozenset()  # "Mr Speaker": an office, no name, after a form of address
    heads: dict[str, str] = field(default_factory=dict)  # a name's head word -> the label it implies

    def is_title(self, word: str) -> bool:
        return word.lower() in self.titles

    def is_honorific(self, word: str) -> bool:
        return word.lower() in self.honorifics

    def is_addressed_office(self, word: str) -> bool:
        return word.lower() in self.addressed_offices

    def is_portfolio(self, word: str) -> bool:
        return word.lower() in self.portfolios

    def head_label(self, words: list[str]) -> str | None:
        """The label a name's last word (or its first, before "of") implies: "Green Party" -> ORG."""
        if len(words) < 2:
            return None
        if len(words) > 2 and words[1].lower() == "of":
            return self.heads.get(words[0].lower())
        return self.heads.get(words[-1].lower())

    def is_legal_suffix(self, word: str) -> bool:
        return word.lower().rstrip(".") in self.legal_suffixes or word.lower() in self.legal_suffixes
