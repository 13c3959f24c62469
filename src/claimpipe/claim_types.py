"""Claim types and the quantities inside a claim: pure functions over spaCy Spans and Claim records.

`find_quantities(span)` parses numbers with their scale and unit ("$3.2 billion" -> 3.2e9 USD);
`claim_types(span, claim)` tags a claim as any of `CLAIM_TYPES`, in that fixed order. Every type
has a `*_cues(span)` function that returns the words that triggered it, so a user who asks why a
claim got a type (or a check-worthiness score) can be shown them.

The rules read the parse (tags, dependencies, entity types) where there is one and fall back to the
words alone on a `spacy.blank` Doc. The evaluative/factual split uses a trained subjectivity score
when the caller passes one (see `checkworthiness.enrich_claims`), else the lexicon here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from .records import Claim, Quantity
from .token_table import token_table

CLAIM_TYPES = ("quantitative", "comparative", "causal", "predictive", "evaluative", "attributed", "factual")

# ---------------------------------------------------------------------------------------------
# Quantities
# ---------------------------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------------------------
# Cues for each claim type
# ---------------------------------------------------------------------------------------------

_NOT_SUPERLATIVE = {"latest", "last", "utmost"}
_COMPARISON_PHRASES = (
    "more than", "less than", "fewer than", "greater than", "higher than", "lower than",
    "compared with", "compared to", "in comparison", "relative to", "as many as", "as much as",
    "twice as", "times as", "times more", "times higher", "times larger", "the same as",
    "on par with", "record high", "record low", "all-time high", "all-time low", "year-on-year",
    "year on year", "year-over-year", "a year earlier", "a year ago",
)
_COMPARISON_VERBS = {
    "outpace", "outnumber", "outperform", "exceed", "surpass", "overtake", "trail", "lag",
    "outstrip", "eclipse", "top", "rank",
}
# verbs of change: a claim that something rose, fell or doubled compares two states
_CHANGE_VERBS = {
    "rise", "fall", "increase", "decrease", "grow", "decline", "drop", "plummet", "plunge",
    "soar", "surge", "jump", "climb", "slump", "double", "triple", "quadruple", "halve", "shrink",
    "slide", "tumble", "dip", "rebound", "spike", "sink", "contract", "expand", "slow", "widen",
    "narrow", "accelerate", "plunge", "skyrocket", "dwindle", "balloon",
}
# actions that change an amount: comparative only when the claim says by how much ("cut taxes by 10%")
_ACTION_CHANGE_VERBS = {"cut", "reduce", "boost", "raise", "lower", "slash", "expand", "ease", "lift", "trim"}
_CHANGE_NOUNS = {
    "increase", "decrease", "rise", "fall", "drop", "decline", "growth", "cut", "jump", "surge",
    "reduction", "gain", "loss", "losses", "slump", "hike",
}
_CAUSAL_PHRASES = (
    "due to", "because of", "because", "as a result", "as a consequence", "result in",
    "results in", "resulted in", "resulting in", "owing to", "thanks to", "on account of",
    "in response to", "therefore", "consequently", "hence", "thus", "so that", "in the wake of",
    "in light of", "stem from", "stems from", "stemmed from", "stemming from", "caused by",
    "driven by", "fuelled by", "fueled by", "triggered by", "prompted by", "blamed on",
    "attributed to", "contributed to", "contribute to", "contributes to", "contributing to",
    "responsible for", "the cause of", "the result of", "led to", "lead to", "leads to",
    "leading to", "gave rise to", "give rise to", "linked to",
)
_CAUSAL_VERBS = {
    "cause", "trigger", "spark", "prompt", "provoke", "fuel", "drive", "force", "enable",
    "prevent", "produce", "generate", "induce", "impact", "affect", "hurt", "harm", "damage",
    "disrupt", "undermine", "boost", "weaken", "strengthen", "worsen", "reshape", "kill",
    "destroy", "create", "allow", "block",
}
# causal verbs that are common enough in other senses to count only with a subject or an agent
_WEAK_CAUSAL_VERBS = {"create", "allow", "produce", "generate", "drive", "block", "force", "enable", "prevent", "boost", "strengthen", "reshape", "weaken"}
_PREDICTIVE_MODALS = {"will", "wo", "'ll", "shall", "may", "might", "could", "would", "'d"}
_PREDICTIVE_PHRASES = (
    "going to", "is set to", "are set to", "was set to", "is poised to", "are poised to",
    "is expected to", "are expected to", "was expected to", "were expected to", "is likely to",
    "are likely to", "is unlikely to", "are unlikely to", "is due to", "are due to",
    "plans to", "plan to", "planned to", "planning to", "plans for", "plans are", "aims to", "aim to",
    "intends to", "intend to", "is to", "are to", "next year", "next month", "next week",
    "in the coming", "in the future", "in the years ahead", "by the end of",
    "on track to", "projected to", "forecast to", "predicted to", "expected to", "likely to",
)
_PREDICTIVE_VERBS = {"predict", "forecast", "project", "expect", "anticipate", "foresee", "warn", "estimate", "plan", "intend", "aim", "vow", "pledge", "promise"}
_PREDICTIVE_HEDGES = _PREDICTIVE_MODALS | {
    "likely", "unlikely", "probably", "possibly", "perhaps", "expected", "expects", "forecast",
    "predicted", "projected", "potential", "potentially", "plans", "plan", "set to", "poised",
}
# opinion and judgement words: used when no trained subjectivity score is given, and as reasons
EVALUATIVE_WORDS = frozenset(
    """
    good bad best worst better worse great terrible awful excellent poor wonderful horrible
    important crucial critical vital essential key significant major serious severe dramatic
    remarkable impressive disappointing alarming worrying troubling concerning shocking dangerous
    risky reckless irresponsible responsible unfair fair unjust just wrong right correct mistaken
    foolish wise smart stupid absurd ridiculous outrageous disgraceful shameful scandalous
    precarious delicate complex complicated difficult easy hard clear obvious evident apparent
    unclear unprecedented historic landmark tragic sad unfortunate fortunately unfortunately
    sadly hopefully clearly obviously surely certainly undoubtedly arguably frankly honestly
    simply merely only just blindly deeply intricately heavily particularly especially extremely
    very too so really truly quite rather fairly pretty highly incredibly hugely vastly
    brilliant beautiful ugly nice lovely fantastic amazing stunning incredible extraordinary
    success successful failure failed failing weak strong robust fragile resilient vulnerable
    should must ought need needs necessary deserve deserves deserved
    crisis chaos disaster catastrophe catastrophic threat menace
    inefficient efficient effective ineffective useful useless valuable worthless meaningful
    limited broad broader narrow cautious bold aggressive hostile friendly generous greedy
    corrupt honest dishonest false misleading controversial divisive radical extreme moderate
    """.split()
)
_NEGATIVE_JUDGEMENT_VERBS = {"fail", "ignore", "refuse", "neglect", "betray", "abandon"}


def _phrase_hits(span: Span, phrases: tuple[str, ...]) -> list[str]:
    words = token_table(span.doc).lower[span.start:span.end]
    present = set(words)
    candidates = [p for p in phrases if _first_word(p) in present]  # most claims: none, and no string built
    if not candidates:
        return []
    text = " " + " ".join(words) + " "
    return [p for p in candidates if f" {p} " in text]


@lru_cache(maxsize=None)
def _first_word(phrase: str) -> str:
    return phrase.split(" ", 1)[0]


def quantity_cues(span: Span) -> list[str]:
    return [q.text for q in find_quantities(span)]


def comparative_cues(span: Span, *, quantities: list[Quantity] | None = None) -> list[str]:
    """Words that make a claim a comparison: superlatives, "more than", verbs of change.

    `quantities` (from `find_quantities(span)`) saves finding them again."""
    cues: list[str] = []
    doc, table = span.doc, token_table(span.doc)
    words = table.lower[span.start:span.end]
    has_than = "than" in words
    for i in range(span.start, span.end):
        low, tag, lemma, pos = table.lower[i], table.tag[i], table.lemma[i], table.pos[i]
        prev = table.lower[i - 1] if i > span.start else ""
        if tag in ("JJS", "RBS") or (not tag and _PLAIN_SUPERLATIVE.match(low)):
            if prev == "at" or low in _NOT_SUPERLATIVE:  # "at least", "the latest"
                continue
            next_tag = table.tag[i + 1] if i + 1 < span.end else ""
            if low in {"most", "least"} and next_tag not in ("JJ", "RB"):  # "most people": a quantifier
                continue
            cues.append(doc[i].text)
        elif tag in ("JJR", "RBR") and has_than and low not in {"rather", "other"}:
            cues.append(doc[i].text)
        elif lemma in _COMPARISON_VERBS and pos == "VERB":
            cues.append(doc[i].text)
        elif lemma in _CHANGE_VERBS and pos in ("VERB", "AUX") and table.dep[i] not in ("amod", "compound"):
            cues.append(doc[i].text)
        elif lemma in _ACTION_CHANGE_VERBS and pos == "VERB" and _has_amount(doc[i]):
            cues.append(doc[i].text)
    for phrase in _phrase_hits(span, _COMPARISON_PHRASES):
        if not any(c.lower() in phrase.split() for c in cues):
            cues.append(phrase)
    if find_quantities(span) if quantities is None else quantities:
        cues += [doc[i].text for i in range(span.start, span.end)
                 if table.lemma[i] in _CHANGE_NOUNS and table.pos[i] == "NOUN" and doc[i].text not in cues]
    return _dedupe(cues)


_PLAIN_SUPERLATIVE = re.compile(r"^(largest|biggest|highest|lowest|smallest|greatest|fastest|slowest|worst|best)$")


def _has_amount(verb: Token) -> bool:
    """A verb whose object or "by"/"to" phrase holds a number ("cut taxes by 10%", "raised it to $5")."""
    for child in verb.children:
        if child.dep_ in ("dobj", "prep", "npadvmod") and any(t.like_num for t in child.subtree):
            return True
    return False


def _causal_due_to(span: Span) -> bool:
    """Some "due to" in the span is followed by a noun phrase, not a bare verb ("due to visit")."""
    table = token_table(span.doc)
    for i in range(span.start, span.end - 2):
        if table.lower[i] == "due" and table.lower[i + 1] == "to" and table.tag[i + 2] != "VB":
            return True
    return False


def causal_cues(span: Span) -> list[str]:
    """Connectives and verbs that say one thing brings about another ("due to", "causing")."""
    cues = _phrase_hits(span, _CAUSAL_PHRASES)
    if "due to" in cues and not _causal_due_to(span):
        cues.remove("due to")  # "is due to visit" is a schedule, not a cause
    covered = {w for c in cues for w in c.split()}
    table = token_table(span.doc)
    for i in range(span.start, span.end):
        lemma = table.lemma[i]
        if table.pos[i] != "VERB" or lemma not in _CAUSAL_VERBS or table.lower[i] in covered:
            continue
        tok = span.doc[i]
        deps = {c.dep_ for c in tok.children}
        if lemma in _WEAK_CAUSAL_VERBS:
            # "make", "create": causal when something makes something happen ("make it harder")
            if not ({"ccomp", "xcomp", "agent"} & deps and {"nsubj", "agent"} & deps):
                continue
        elif tok.tag_ == "VBN" and "agent" not in deps and tok.dep_ not in ("advcl", "relcl", "ROOT", "conj"):
            continue
        cues.append(tok.text)
    return _dedupe(cues)


def predictive_cues(span: Span, claim: Claim | None = None) -> list[str]:
    """Words that put a claim in the future or the possible ("will", "may", "plans to")."""
    cues: list[str] = []
    if claim is not None:
        cues += [c for c in claim.hedge_cues if c.lower() in _PREDICTIVE_HEDGES]
    doc, table = span.doc, token_table(span.doc)
    for i in range(span.start, span.end):
        low, tag = table.lower[i], table.tag[i]
        if low in _PREDICTIVE_MODALS and (tag == "MD" or not tag):
            cues.append(doc[i].text)
        elif table.lemma[i] in _PREDICTIVE_VERBS and table.pos[i] == "VERB" and _has_future_object(doc[i]):
            cues.append(doc[i].text)
    cues += _phrase_hits(span, _PREDICTIVE_PHRASES)
    return _dedupe(cues)


def _has_future_object(tok: Token) -> bool:
    """`expect`, `plan`, `forecast`... with a to-infinitive, a clause or an object (not "as planned",
    nor a perfect infinitive after a passive: "are estimated to have arrived" looks back)."""
    if tok.dep_ == "advcl":
        return False
    return any(c.dep_ in ("xcomp", "ccomp", "dobj", "attr") and not _perfect_infinitive(c) for c in tok.children)


def _perfect_infinitive(tok: Token) -> bool:
    """"(are estimated) to have arrived" after a passive; "expects to have completed it by 2026" is
    still ahead."""
    passive = any(c.dep_ == "auxpass" for c in tok.head.children)
    return passive and tok.dep_ == "xcomp" and tok.tag_ == "VBN" and any(
        a.dep_ == "aux" and a.lower_ == "have" for a in tok.children)


@lru_cache(maxsize=1)
def subjectivity_lexicon() -> dict[str, float]:
    """Word -> subjectivity (0..1) of English adjectives, from Pattern's lexicon (PDDL; shipped in
    data/checkworthiness/lexicons/, rebuilt by training/build_lexicons.py)."""
    path = Path(__file__).parent / "data" / "checkworthiness" / "lexicons" / "subjectivity.tsv"
    if not path.exists():
        return {}
    pairs = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line)
    return {w: float(v) for w, v in pairs}


def evaluative_cues(span: Span) -> list[str]:
    """Opinion and judgement words in the span: a judgement list, strongly subjective adjectives and
    adverbs from the Pattern lexicon, and "!"."""
    lexicon = subjectivity_lexicon()
    cues = []
    for tok in span:
        low = tok.lower_
        if tok.pos_ in ("ADJ", "ADV") and lexicon.get(low, 0.0) >= 0.8 and tok.ent_type_ == "":
            cues.append(tok.text)
        elif low in EVALUATIVE_WORDS and tok.ent_type_ == "" and (tok.pos_ in ("ADJ", "ADV", "AUX", "VERB", "NOUN") or not tok.pos_):
            if low in {"very", "so", "too", "just", "only", "right", "key", "major", "limited", "need", "needs"} and tok.pos_ not in ("ADJ",) and low not in {"very", "too"}:
                continue
            cues.append(tok.text)
        elif tok.lemma_.lower() in _NEGATIVE_JUDGEMENT_VERBS and tok.pos_ == "VERB":
            cues.append(tok.text)
    if any(t.text == "!" for t in span):
        cues.append("!")
    return _dedupe(cues)


def lexicon_subjectivity(span: Span) -> float:
    """A rough 0..1 subjectivity score from the evaluative words alone (no trained model)."""
    n = len(evaluative_cues(span))
    return min(1.0, 0.25 * n)


def claim_cues(span: Span, claim: Claim | None = None, *, quantities: list[Quantity] | None = None) -> dict[str, list[str]]:
    """The words behind each content type: {"quantitative": ["40%"], "comparative": ["largest"], ...}."""
    quantities = find_quantities(span) if quantities is None else quantities
    return {
        "quantitative": [q.text for q in quantities],
        "comparative": comparative_cues(span, quantities=quantities),
        "causal": causal_cues(span),
        "predictive": predictive_cues(span, claim),
    }


def claim_types(span: Span, claim: Claim, *, subjectivity: float | None = None, threshold: float = 0.5,
                cues: dict[str, list[str]] | None = None) -> list[str]:
    """The claim's types, in the order of `CLAIM_TYPES`.

    Args:
        span: the claim's span in the parsed Doc.
        claim: its record; `attribution`, `hedged` and `hedge_cues` are read.
        subjectivity: the probability that the sentence gives an opinion (the shipped NewsSD
            classifier); None falls back to the evaluative lexicon.
        threshold: subjectivity at or above which a claim is evaluative (and not factual).
        cues: `claim_cues(span, claim)` when the caller already has them.
    """
    cues = claim_cues(span, claim) if cues is None else cues
    types = [t for t in ("quantitative", "comparative", "causal", "predictive") if cues.get(t)]
    score = lexicon_subjectivity(span) if subjectivity is None else subjectivity
    evaluative = score >= threshold
    if evaluative:
        types.append("evaluative")
    if claim.attribution != "none":
        types.append("attributed")
    if not evaluative:
        types.append("factual")
    return types


def _dedupe(items: list[str]) -> list[str]:
    seen, out = set(), []
    for item in items:
        key = item.lower()
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


# Words a quantity can begin with; checked before the full parse (see `find_quantities`).
_QUANTITY_STARTERS = frozenset(_CURRENCY_SYMBOLS) | frozenset(_UNITS_WORDS) | frozenset(_TENS_WORDS) | frozenset(
    _DOZEN) | {"hundred", "a", "an"}
