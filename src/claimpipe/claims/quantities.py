"""Quantities inside a claim: numbers with their scale and unit ("$3.2 billion" -> 3.2e9 USD).

`find_quantities(span)` reads the words of a spaCy Span (with the parse where there is one, the words alone on
a `spacy.blank` Doc) and returns `Quantity` records whose offsets slice the Doc's text. The number words,
scales, currencies and units are data (`data/claims/quantities.toml`, read through `claims.lexicon`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span, Token

from ..records import Quantity
from .context import token_table
from .lexicon import Lexicon, QuantityWords, load_lexicon


# entity types whose numbers are names, not amounts ("Boeing 737", "Article 5", "G7")
_NAME_ENTS = {"ORG", "PRODUCT", "WORK_OF_ART", "LAW", "FAC", "EVENT", "PERSON", "GPE", "NORP", "LOC"}
_NUM_RE = re.compile(r"^(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?P<suffix>[a-z%]*)$", re.I)


def _number_value(text: str, words: QuantityWords) -> tuple[float, str] | None:
    """Value of a numeric token ("1,200", "3.2", "5bn", "40%") and the suffix glued to it."""
    m = _NUM_RE.match(text)
    if not m:
        return None
    suffix = m.group("suffix").lower()
    if suffix and suffix not in words.scales and suffix not in words.units and suffix != "s":
        return None  # "3rd", "1990s" stays out; "5bn", "10km", "40%" come in
    return float(m.group("num").replace(",", "")), suffix


def _word_value(tokens: list[Token], i: int, words: QuantityWords) -> tuple[float, int] | None:
    """Value of a run of number words starting at tokens[i] ("twenty - five", "a hundred")."""
    total, current, j, seen = 0.0, 0.0, i, False
    while j < len(tokens):
        w = tokens[j].lower_
        if w in words.ones:
            current += words.ones[w]
        elif w in words.tens:
            current += words.tens[w]
        elif w in words.dozens:
            current = (current or 1) * words.dozens[w]
        elif w in words.hundreds:
            current = (current or 1) * words.hundreds[w]
        elif w == "-" and seen and j + 1 < len(tokens) and tokens[j + 1].lower_ in words.ones:
            j += 1
            continue
        elif w == "and" and seen and j + 1 < len(tokens) and tokens[j + 1].lower_ in words.number_words:
            j += 1
            continue
        else:
            break
        seen = True
        j += 1
    if not seen:
        return None
    return total + current, j - i


def _unit_at(tokens: list[Token], j: int, words: QuantityWords) -> tuple[str, str, int] | None:
    """(kind, unit, n_tokens) for a unit written at tokens[j]: kind is "currency" or "unit"."""
    if j >= len(tokens):
        return None
    w = tokens[j].lower_
    if j + 1 < len(tokens):
        two = f"{w} {tokens[j + 1].lower_}"
        if two in words.units:
            return "unit", words.units[two], 2
    if w in words.currency_words and not (w in words.weights and _looks_like_weight(tokens, j, words)):
        return "currency", words.currency_words[w], 1
    if w in words.units:
        return "unit", words.units[w], 1
    return None


def _looks_like_weight(tokens: list[Token], j: int, words: QuantityWords) -> bool:
    nxt = tokens[j + 1].lower_ if j + 1 < len(tokens) else ""
    return nxt in words.weight_followers


def find_quantities(span: Span, *, lexicon: Lexicon | None = None) -> list[Quantity]:
    """Numbers in `span` with their value, scale and unit, as doc-offset Quantity records.

    "40%" -> 40.0 "%", "$3.2 billion" -> 3.2e9 "USD", "3 minutes" -> 3.0 "minute",
    "1.5 million barrels" -> 1.5e6 "barrel", "twelve" -> 12.0 "". Years, dates, clock times, ordinals,
    numbers inside names ("Boeing 737") and "one" used as a determiner ("One prominent example") are
    left out. `lexicon`: the word lists (default: the packaged ones).
    """
    words = (lexicon or load_lexicon()).quantities
    starters, search = words.starters, words.digit_or_glyph.search  # read for every token
    tokens = span  # indexed like a list; a Token is made only where a quantity may start
    lowers = token_table(span.doc).lower[span.start:span.end]
    out: list[Quantity] = []
    i = 0
    while i < len(lowers):
        if not _may_start_quantity(lowers[i], starters, search):  # most tokens: skip the full parse
            i += 1
            continue
        parsed = _parse_quantity(tokens, i, words)
        if parsed is None:
            i += 1
            continue
        first, last, value, unit, kind = parsed
        if _keep_quantity(tokens, first, last, value, unit, kind, words):
            piece = span.doc[tokens[first].i : tokens[last].i + 1]  # Span.text is doc.text[start:end]
            out.append(Quantity(text=piece.text, value=value, unit=unit, start_char=piece.start_char,
                                end_char=piece.end_char))
        i = max(last + 1, i + 1)
    return out


def _may_start_quantity(low: str, starters: frozenset[str], search: Callable[[str], re.Match | None]) -> bool:
    """Whether a quantity can start at a token: a digit or currency sign in it (`search`: the compiled
    `QuantityWords.digit_or_glyph`, one search instead of two loops over characters), or a number word."""
    if low in starters or search(low) is not None:
        return True
    # str.isdigit also takes superscripts and circled digits, which \d does not: rare, so checked last
    return not low.isascii() and any(ch.isdigit() for ch in low)


_ARTICLE = "a"  # `words` marker of a quantity that begins with "a"/"an" before a scale ("a million")


def _parse_quantity(tokens: list[Token], i: int, lex: QuantityWords) -> tuple[int, int, float | None, str, str] | None:
    """(first, last, value, unit, kind) of a quantity whose number starts at or just after tokens[i]."""
    first, currency = i, ""
    low = tokens[i].lower_
    # a currency symbol before the number: "$3.2", "US$ 5", "€ 40"
    if low in lex.currency_symbols and i + 1 < len(tokens):
        currency = lex.currency_symbols[low]
        i += 1
        low = tokens[i].lower_
    glued = lex.glued.match(low)  # "$5bn" as one token
    number = None
    if glued:
        currency = lex.currency_symbols[glued.group(1)]
        number = _number_value(glued.group(2), lex)
        n_num = 1
    if number is None:
        number = _number_value(tokens[i].text, lex)
        n_num = 1
    words = None
    if number is None:
        if low in lex.articles and i + 1 < len(tokens) and tokens[i + 1].lower_ in lex.after_a:
            after = tokens[i + 1].lower_
            if after in lex.dozens:
                number, n_num = (float(lex.dozens[after]), ""), 2
                words = f"a {after}"
            else:
                number, n_num = (1.0, ""), 1
                words = _ARTICLE
        else:
            w = _word_value(tokens, i, lex)
            if w is None:
                return None
            number, n_num = (w[0], ""), w[1]
            words = tokens[i].lower_
    value, suffix = number
    j = i + n_num
    scaled = False
    if suffix in lex.scales:
        value *= lex.scales[suffix]
        scaled = True
    elif j < len(tokens) and tokens[j].lower_ in lex.scales and tokens[j].lower_ not in lex.currency_only_scales:
        value *= lex.scales[tokens[j].lower_]
        scaled = True
        j += 1
    elif j < len(tokens) and tokens[j].lower_ in lex.currency_only_scales and currency:  # "$5 m"
        value *= lex.scales[tokens[j].lower_]
        scaled = True
        j += 1
    unit, kind = currency, "currency" if currency else ""
    if suffix in lex.units:
        unit, kind = lex.units[suffix], "unit"
    elif not unit:
        found = _unit_at(tokens, j, lex)
        if found is not None:
            kind, unit, n = found
            j += n
    if words == _ARTICLE and not scaled:
        return None
    last = j - 1
    if kind == "" and words is None and scaled is False and tokens[i].like_num is False:
        return None
    return first, last, value, unit, (kind or ("words" if words else "bare")) + ("+scale" if scaled else "")


def _keep_quantity(tokens: list[Token], first: int, last: int, value: float | None, unit: str, kind: str,
                   words: QuantityWords) -> bool:
    """Drop what only looks like an amount: years, dates, clock times, ordinals, parts of names."""
    head = tokens[first]
    number_tok = next((t for t in tokens[first : last + 1] if t.like_num or _NUM_RE.match(t.text)), head)
    ent = number_tok.ent_type_
    if number_tok.lower_ in words.ordinals or re.match(r"^\d+(st|nd|rd|th)$", number_tok.lower_):
        return False
    if ent in _NAME_ENTS and not unit:
        return False
    if kind.startswith("words") and not unit and "+scale" not in kind:
        # "One prominent example", "one of the largest": a lone "one" is a determiner, not a count
        if number_tok.lower_ in words.determiners:
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

