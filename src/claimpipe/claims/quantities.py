"""Quantities inside a claim: numbers with their scale and unit ("$3.2 billion" -> 3.2e9 USD).

`find_quantities(span)` reads the words of a spaCy Span (with the parse where there is one, the words alone on
a `spacy.blank` Doc) and returns `Quantity` records whose offsets slice the Doc's text.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..records import Quantity
from .context import token_table

_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12,
}
_DOZEN = {"dozen": 12}
# symbols and words that name a currency; the symbol comes before the number, the word after it
_CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
    "¥": "JPY", "jpy": "JPY", "₽": "RUB", "₹": "INR", "a$": "AUD", "c$": "CAD", "hk$": "HKD",
    "cny": "CNY", "rmb": "CNY", "chf": "CHF", "₸": "KZT", "kzt": "KZT", "rub": "RUB", "inr": "INR",
}
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "rupee": "INR",
    "rupees": "INR", "tenge": "KZT", "franc": "CHF", "francs": "CHF", "won": "KRW", "peso": "MXN",
    "pesos": "MXN", "lira": "TRY", "hryvnia": "UAH", "hryvnias": "UAH", "real": "BRL", "reais": "BRL",
}
# measurement units, by the lower-case word as written (plural or singular) -> singular name
_UNIT_NAMES = {
    # time
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute",
    "min": "minute", "mins": "minute", "hour": "hour", "hours": "hour", "hrs": "hour",
    "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
    "months": "month", "year": "year", "years": "year", "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century",
    # length, area
    "mile": "mile", "miles": "mile", "km": "km", "kilometre": "km", "kilometres": "km",
    "kilometer": "km", "kilometers": "km", "metre": "metre", "metres": "metre", "meter": "metre",
    "meters": "metre", "m2": "square metre", "foot": "foot", "feet": "foot", "ft": "foot",
    "inch": "inch", "inches": "inch", "cm": "cm", "centimetres": "cm", "centimeters": "cm",
    "mm": "mm", "acre": "acre", "acres": "acre", "hectare": "hectare", "hectares": "hectare",
    # mass
    "tonne": "tonne", "tonnes": "tonne", "ton": "ton", "tons": "ton", "kg": "kg",
    "kilogram": "kg", "kilograms": "kg", "kilo": "kg", "kilos": "kg", "gram": "gram",
    "grams": "gram", "lb": "pound", "lbs": "pound", "ounce": "ounce", "ounces": "ounce",
    # volume, energy, power, data, speed, temperature
    "barrel": "barrel", "barrels": "barrel", "bpd": "barrel per day", "litre": "litre",
    "litres": "litre", "liter": "litre", "liters": "litre", "gallon": "gallon",
    "gallons": "gallon", "bcm": "bcm", "mw": "MW", "megawatt": "MW", "megawatts": "MW",
    "gw": "GW", "gigawatt": "GW", "gigawatts": "GW", "kwh": "kWh", "mwh": "MWh", "twh": "TWh",
    "kw": "kW", "mph": "mph", "kph": "km/h", "km/h": "km/h", "degree": "degree",
    "degrees": "degree", "°c": "°C", "°f": "°F", "gb": "GB", "tb": "TB", "mb": "MB",
    # rates
    "percent": "%", "per cent": "%", "%": "%", "pct": "%", "percentage point": "percentage point",
    "percentage points": "percentage point", "basis point": "basis point",
    "basis points": "basis point", "bps": "basis point",
}
_ORDINAL_WORDS = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "hundredth", "thousandth", "millionth", "billionth",
}
# entity types whose numbers are names, not amounts ("Boeing 737", "Article 5", "G7")
_NAME_ENTS = {"ORG", "PRODUCT", "WORK_OF_ART", "LAW", "FAC", "EVENT", "PERSON", "GPE", "NORP", "LOC"}
_NUM_RE = re.compile(r"^(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?P<suffix>[a-z%]*)$", re.I)


def _number_value(text: str) -> tuple[float, str] | None:
    """Value of a numeric token ("1,200", "3.2", "5bn", "40%") and the suffix glued to it."""
    m = _NUM_RE.match(text)
    if not m:
        return None
    suffix = m.group("suffix").lower()
    if suffix and suffix not in _SCALES and suffix not in _UNIT_NAMES and suffix not in {"s"}:
        return None  # "3rd", "1990s" stays out; "5bn", "10km", "40%" come in
    return float(m.group("num").replace(",", "")), suffix


def _word_value(tokens: list[Token], i: int) -> tuple[float, int] | None:
    """Value of a run of number words starting at tokens[i] ("twenty - five", "a hundred")."""
    total, current, j, seen = 0.0, 0.0, i, False
    while j < len(tokens):
        w = tokens[j].lower_
        if w in _UNITS_WORDS:
            current += _UNITS_WORDS[w]
        elif w in _TENS_WORDS:
            current += _TENS_WORDS[w]
        elif w in _DOZEN:
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "-" and seen and j + 1 < len(tokens) and tokens[j + 1].lower_ in _UNITS_WORDS:
            j += 1
            continue
        elif w == "and" and seen and j + 1 < len(tokens) and tokens[j + 1].lower_ in (_UNITS_WORDS | _TENS_WORDS):
            j += 1
            continue
        else:
            break
        seen = True
        j += 1
    if not seen:
        return None
    return total + current, j - i


def _unit_at(tokens: list[Token], j: int) -> tuple[str, str, int] | None:
    """(kind, unit, n_tokens) for a unit written at tokens[j]: kind is "currency" or "unit"."""
    if j >= len(tokens):
        return None
    w = tokens[j].lower_
    if j + 1 < len(tokens):
        two = f"{w} {tokens[j + 1].lower_}"
        if two in _UNIT_NAMES:
            return "unit", _UNIT_NAMES[two], 2
    if w in _CURRENCY_WORDS and not (w in {"pound", "pounds"} and _looks_like_weight(tokens, j)):
        return "currency", _CURRENCY_WORDS[w], 1
    if w in _UNIT_NAMES:
        return "unit", _UNIT_NAMES[w], 1
    return None


def _looks_like_weight(tokens: list[Token], j: int) -> bool:
    nxt = tokens[j + 1].lower_ if j + 1 < len(tokens) else ""
    return nxt in {"of", "heavier", "lighter"}


def find_quantities(span: Span) -> list[Quantity]:
    """Numbers in `span` with their value, scale and unit, as doc-offset Quantity records.

    "40%" -> 40.0 "%", "$3.2 billion" -> 3.2e9 "USD", "3 minutes" -> 3.0 "minute",
    "1.5 million barrels" -> 1.5e6 "barrel", "twelve" -> 12.0 "". Years, dates, clock times, ordinals,
    numbers inside names ("Boeing 737") and "one" used as a determiner ("One prominent example") are
    left out.
    """
    tokens = span  # indexed like a list; a Token is made only where a quantity may start
    lowers = token_table(span.doc).lower[span.start:span.end]
    out: list[Quantity] = []
    i = 0
    while i < len(lowers):
        if not _may_start_quantity(lowers[i]):  # most tokens: skip the full parse
            i += 1
            continue
        parsed = _parse_quantity(tokens, i)
        if parsed is None:
            i += 1
            continue
        first, last, value, unit, kind = parsed
        if _keep_quantity(tokens, first, last, value, unit, kind):
            piece = span.doc[tokens[first].i : tokens[last].i + 1]  # Span.text is doc.text[start:end]
            out.append(Quantity(text=piece.text, value=value, unit=unit, start_char=piece.start_char,
                                end_char=piece.end_char))
        i = max(last + 1, i + 1)
    return out


_CURRENCY_GLYPHS = frozenset("$€£¥₽₹₸")


def _may_start_quantity(low: str) -> bool:
    """Whether a quantity can start at a token: a digit or currency sign in it, or a number word."""
    if low in _QUANTITY_STARTERS or _DIGIT_OR_CURRENCY.search(low) is not None:
        return True
    # str.isdigit also takes superscripts and circled digits, which \d does not: rare, so checked last
    return not low.isascii() and any(ch.isdigit() for ch in low)


# checked for every token of every claim, so one compiled search instead of two loops over characters
_DIGIT_OR_CURRENCY = re.compile("[" + re.escape("".join(sorted(_CURRENCY_GLYPHS))) + r"\d]")


def _parse_quantity(tokens: list[Token], i: int) -> tuple[int, int, float | None, str, str] | None:
    """(first, last, value, unit, kind) of a quantity whose number starts at or just after tokens[i]."""
    first, currency = i, ""
    low = tokens[i].lower_
    # a currency symbol before the number: "$3.2", "US$ 5", "€ 40"
    if low in _CURRENCY_SYMBOLS and i + 1 < len(tokens):
        currency = _CURRENCY_SYMBOLS[low]
        i += 1
        low = tokens[i].lower_
    glued = re.match(r"^(us\$|a\$|c\$|hk\$|[$€£¥₽₹₸])(.+)$", low)  # "$5bn" as one token
    number = None
    if glued:
        currency = _CURRENCY_SYMBOLS[glued.group(1)]
        number = _number_value(glued.group(2))
        n_num = 1
    if number is None:
        number = _number_value(tokens[i].text)
        n_num = 1
    words = None
    if number is None:
        if low in ("a", "an") and i + 1 < len(tokens) and tokens[i + 1].lower_ in ("hundred", "thousand", "million", "billion", "trillion", "dozen"):
            if tokens[i + 1].lower_ == "dozen":
                number, n_num = (12.0, ""), 2
                words = "a dozen"
            else:
                number, n_num = (1.0, ""), 1
                words = "a"
        else:
            w = _word_value(tokens, i)
            if w is None:
                return None
            number, n_num = (w[0], ""), w[1]
            words = tokens[i].lower_
    value, suffix = number
    j = i + n_num
    scaled = False
    if suffix in _SCALES:
        value *= _SCALES[suffix]
        scaled = True
    elif j < len(tokens) and tokens[j].lower_ in _SCALES and tokens[j].lower_ not in {"m", "b"}:
        value *= _SCALES[tokens[j].lower_]
        scaled = True
        j += 1
    elif j < len(tokens) and tokens[j].lower_ in {"m", "b"} and currency:  # "$5 m"
        value *= _SCALES[tokens[j].lower_]
        scaled = True
        j += 1
    unit, kind = currency, "currency" if currency else ""
    if suffix in _UNIT_NAMES:
        unit, kind = _UNIT_NAMES[suffix], "unit"
    elif not unit:
        found = _unit_at(tokens, j)
        if found is not None:
            kind, unit, n = found
            j += n
    if words is not None and words == "a" and not scaled:
        return None
    last = j - 1
    if kind == "" and words is None and scaled is False and tokens[i].like_num is False:
        return None
    return first, last, value, unit, (kind or ("words" if words else "bare")) + ("+scale" if scaled else "")


def _keep_quantity(tokens: list[Token], first: int, last: int, value: float | None, unit: str, kind: str) -> bool:
    """Drop what only looks like an amount: years, dates, clock times, ordinals, parts of names."""
    head = tokens[first]
    number_tok = next((t for t in tokens[first : last + 1] if t.like_num or _NUM_RE.match(t.text)), head)
    ent = number_tok.ent_type_
    if number_tok.lower_ in _ORDINAL_WORDS or re.match(r"^\d+(st|nd|rd|th)$", number_tok.lower_):
        return False
    if ent in _NAME_ENTS and not unit:
        return False
    if kind.startswith("words") and not unit and "+scale" not in kind:
        # "One prominent example", "one of the largest": a lone "one" is a determiner, not a count
        if number_tok.lower_ in {"one", "zero"}:
            return False
    if not unit and "+scale" not in kind:
        if ent in {"DATE", "TIME"}:
            return False  # "in 2016", "September 26", "3 p.m."
        if kind == "bare" and value is not None and value.is_integer() and 1000 <= value <= 2100 and "," not in number_tok.text:
            return False  # a year written alone, even without a parse
        nxt = tokens[last + 1].text if last + 1 < len(tokens) else ""
        prev = tokens[first - 1].text if first > 0 else ""
        if nxt in {":", "/"} and number_tok.text.isdigit() or prev in {":", "/"}:
            return False  # "10:30", "9/11"
    return True


# Words a quantity can begin with; checked before the full parse (see `find_quantities`).
_QUANTITY_STARTERS = frozenset(_CURRENCY_SYMBOLS) | frozenset(_UNITS_WORDS) | frozenset(_TENS_WORDS) | frozenset(
    _DOZEN) | {"hundred", "a", "an"}
