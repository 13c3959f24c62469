"""What boilerplate looks like line by line: the call-to-action lexicon, bylines, avatars, dates."""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import islice


LEXICON = "claimpipe.boilerplate_lexicon.v1"


# -- lexicon -------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Lexicon:
    line: re.Pattern[str] | None
    start: re.Pattern[str] | None
    contains: list[tuple[int, re.Pattern[str]]]  # (max_words, pattern)
    any_contains: re.Pattern[str] | None  # every `contains` pattern, for counting calls to action
    reasons: dict[str, str]  # group name -> reason


def _alternation(groups: list[tuple[str, list[str]]]) -> re.Pattern[str] | None:
    parts = [f"(?P<{name}>{'|'.join(f'(?:{p})' for p in pats)})" for name, pats in groups if pats]
    return re.compile("|".join(parts)) if parts else None


@lru_cache(maxsize=1)
def load_lexicon() -> _Lexicon:
    """Compile the packaged lexicon once: one alternation per match mode, a named group per rule."""
    raw = resources.files("claimpipe").joinpath("data/boilerplate/lexicon.toml").read_text("utf-8")
    rules = tomllib.loads(raw)["rule"]
    reasons: dict[str, str] = {}
    line: list[tuple[str, list[str]]] = []
    start: list[tuple[str, list[str]]] = []
    contains: dict[int, list[tuple[str, list[str]]]] = defaultdict(list)
    for i, rule in enumerate(rules):
        name = f"r{i}"
        reasons[name] = rule["reason"]
        line.append((name, rule.get("line", [])))
        start.append((name, rule.get("start", [])))
        if rule.get("contains"):
            contains[int(rule.get("max_words", 30))].append((name, rule["contains"]))
    return _Lexicon(
        line=_alternation(line),
        start=_alternation(start),
        contains=sorted(((n, p) for n, g in contains.items() if (p := _alternation(g))), key=lambda x: x[0]),
        any_contains=_alternation([group for groups in contains.values() for group in groups]),
        reasons=reasons,
    )


# cheap pre-filter for the many-calls-to-action test below, which is slow on long paragraphs
_CTA_WORDS = re.compile(r"subscri|sign ?up|newsletter|follow|download|comment|donat|cookie|affiliat|inbox|e-?mail|share|app\b")


@lru_cache(maxsize=8192)  # site chrome repeats from page to page
def match_lexicon(norm: str, n_words: int) -> str | None:
    """The reason of the first lexicon rule that matches a normalised block, or None."""
    lex = load_lexicon()
    if lex.line and (m := lex.line.fullmatch(norm)):
        return lex.reasons[m.lastgroup]
    if lex.start and (m := lex.start.match(norm)) and n_words <= 60:
        return lex.reasons[m.lastgroup]
    for max_words, pattern in lex.contains:
        if n_words <= max_words and (m := pattern.search(norm)):
            return lex.reasons[m.lastgroup]
    if 30 < n_words <= 120 and len(_CTA_WORDS.findall(norm)) >= 2:
        # a long block made of calls to action ("Subscribe to ... Subscribe to ... Sign up for ...")
        hits = list(islice(lex.any_contains.finditer(norm), 3)) if lex.any_contains else []
        if len(hits) >= 3 or len(hits) == 2 and n_words <= 60:
            return lex.reasons[hits[0].lastgroup]
    return None


# -- bylines, avatars, dates ---------------------------------------------------------------------

# a capitalised word, or a particle inside a name ("Ursula von der Leyen"); case-sensitive on purpose,
# so that "By Tom Pyman for MailOnline" ends the name before "for"
_NAME_PART = r"(?:(?:van|von|de|der|den|da|di|del|della|la|le|du|bin|al|el|y|dos|das|ter|ten)(?=[ \t])|[^\W\d_a-z][\w'’.-]*)"
_NAME = rf"{_NAME_PART}(?:[ \t]+{_NAME_PART}){{0,4}}(?:(?:[ \t]+and|[ \t]*&)[ \t]+{_NAME_PART}(?:[ \t]+{_NAME_PART}){{0,4}}){{0,3}}"
_BYLINE = re.compile(
    rf"(?i:by|written by|words by|story by|reported by|reporting by|posted by|author|authors|published by)"
    rf"[ \t]*:?[ \t]+(?P<name>{_NAME})(?P<rest>(?:[ \t]*(?:[,|•·/–—-]|(?i:\bon\b|\bin\b|\bfor\b|\bat\b|\bpublished\b|\bupdated\b)).*)?)",
)
_AVATAR = re.compile(
    rf"(?:(?P<name>{_NAME})(?:'s|’s)?[ \t]+(?i:profile[ \t]+(?:image|picture|photo|pic)|avatar|headshot|author[ \t]+(?:image|photo|picture))"
    rf"|(?i:photo|picture|image|avatar|headshot)[ \t]+(?i:of)[ \t]+(?P<name2>{_NAME}))",
)
BIO = re.compile(
    rf"(?P<name>{_NAME})[ \t]+(?:(?:is|was|has been|serves as)[ \t]+(?:an?|the|our)[ \t]+(?:[\w&-]+[ \t]+){{0,5}}"
    r"(?:reporter|writer|journalist|correspondent|editor|contributor|columnist|freelancer|producer|author|blogger|"
    r"analyst|intern|expert|founder|co-founder|professor|consultant|photographer|critic|host|student|researcher)s?\b"
    r"|(?:writes|covers|has written|has worked as)\b)",
)
HONORIFICS = {"Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Sir", "Lord", "Lady", "President", "Senator", "Sen", "Rep",
               "Gov", "Judge", "Minister", "Chancellor", "King", "Queen", "Prince", "Princess", "General", "Gen"}
_NAME_CONNECTORS = {"and", "&", "van", "von", "de", "der", "den", "da", "di", "del", "della", "la", "le", "du",
                    "bin", "al", "el", "y", "dos", "das", "ter", "ten", "st", "mc", "mac"}
_NOT_NAMES = {"the", "a", "an", "this", "that", "these", "those", "it", "its", "his", "her", "their", "our", "your",
              "my", "far", "way", "then", "now", "contrast", "comparison", "default", "design", "chance",
              "mistake", "accident", "law", "hand", "car", "bus", "train", "air", "land", "sea", "night", "day",
              "email", "phone", "mail", "subscribing", "signing", "clicking", "continuing", "using", "all", "some",
              "many", "most", "both", "one", "two", "three", "he", "she", "they", "we", "i", "you", "which", "who"}

_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAYNAME = r"(?:mon|tue(?:s)?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?"
_DATE = (rf"(?:{_DAYNAME}(?:\s*[|·•]\s*|\s+))?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
         rf"|\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}|{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)")
_TIME = r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[a-z]{2,5})?"
_AGO = r"(?:\d+|an?|one)\s+(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago"
_DATE_LINE = re.compile(
    rf"(?:(?:published|updated|posted|last\s+updated|first\s+published|last\s+modified|modified|date|created|on)(?:\s+on|\s+at)?\s*:?\s*)?"
    rf"(?P<date>{_DATE}(?:\s*(?:,|at|-|\||·)?\s*{_TIME})?|{_TIME}\s*(?:,|-|\|)?\s*{_DATE}|{_AGO})"
    rf"(?:\s*(?:\||·|•|-)\s*(?:(?:updated|last\s+updated)\s*:?\s*)?(?:{_DATE}(?:\s*(?:,|at|-)?\s*{_TIME})?|{_AGO}|\d+\s+min(?:ute)?s?\s+read))?"
    r"(?:\s*(?:\||·|•|-)?\s*\d+\s+min(?:ute)?s?\s+read)?",
    re.IGNORECASE,
)
_DATE_IN_TEXT = re.compile(rf"\b(?:{_DATE}|{_AGO})", re.IGNORECASE)
READ_TIME = re.compile(r"(?:\d+|one|two|three|four|five)[\s-]+min(?:ute)?s?(?:\s+read|\s+reading(?:\s+time)?)?", re.IGNORECASE)


def looks_like_name(name: str) -> bool:
    """1-5 capitalised words (connectors allowed) per author, nothing that reads as a sentence."""
    words = re.split(r"[\s,&]+", name.strip())
    words = [w for w in words if w]
    if not words or len(words) > 16:
        return False
    if words[0].casefold() in _NOT_NAMES:
        return False
    capitals = 0
    for w in words:
        low = w.casefold()
        if low in _NAME_CONNECTORS:
            continue
        if low in _NOT_NAMES:
            return False
        if not (w[0].isupper() or w[0] == "@"):
            return False
        capitals += 1
    return capitals >= 1


_BYLINE_HEAD = re.compile(r"(?i:by|written|words|story|reported|reporting|posted|authors?|published)\b")
_AVATAR_WORDS = re.compile(r"(?i:profile|avatar|headshot|photo|picture|image|author)")


def match_byline(text: str) -> tuple[str, str] | None:
    """(reason, author) when a block is a byline or an author's avatar caption, else None."""
    if len(text) > 200:
        return None
    text = " ".join(text.split())  # a byline broken over lines ("By\nMatthew Humphries")
    head = _BYLINE_HEAD.match(text)
    if not head and not _AVATAR_WORDS.search(text):
        return None  # cheap test first: most blocks are neither
    if m := _AVATAR.fullmatch(text):
        name = m.group("name") or m.group("name2")
        if looks_like_name(name):
            return "author avatar", name.strip()
    if m := _BYLINE.fullmatch(text):
        name = m.group("name").strip()
        # "By Jack Oliver and Jane Doe, BBC News": the name ends where the rest begins
        if looks_like_name(name):
            return "byline", name
    # "By Amelie Marie Nishizawa Feb 8, 2020 5 min read": a date ends the name
    if head and (d := _DATE_IN_TEXT.search(text)) and d.start() > 3 and (m := _BYLINE.fullmatch(text[:d.start()].rstrip(" ,|·-–—"))):
        name = m.group("name").strip()
        if looks_like_name(name):
            return "byline", name
    return None


def match_date(text: str) -> str | None:
    """The date text when a block is only a date line ("Published 12 May 2019, 10:30"), else None."""
    if len(text) > 120 or not any(ch.isdigit() for ch in text):
        return None
    text = " ".join(text.split())
    m = _DATE_LINE.fullmatch(text.strip(" \t.:|·•-–—"))
    if m:
        return m.group("date")
    # "January 13, 2020 at 08:45 AM | categories: Python | View Comments": a date, then metadata
    parts = _META_SEP.split(text, maxsplit=1)
    if len(parts) == 2 and len(parts[1].split()) <= 10 and (m := _DATE_LINE.fullmatch(parts[0].strip(" \t.:|·•-–—"))):
        return m.group("date")
    return None


_META_SEP = re.compile(r"\s+[|·•]\s+")


# A photo caption left as a line of its own: a person's name and what the photo shows them doing,
# without a full stop ("Jill Binder, speaking at a WordCamp", "Jane Doe pictured in 2019").
CAPTION = re.compile(r"(?:[A-Z][\w.'’-]+\s+){1,3}[A-Z][\w.'’-]+(?:,\s+(?:speaking|pictured|photographed|posing|"
                     r"arriving|addressing|waving|seen|shown)|\s+(?:pictured|photographed))\b[^.!?]{0,100}")


# A caption that ends in its photo's credit, as a browser's copy glues them ("... in an hour.Photograph: Getty
# Images", "... at the rally. Photo: Jane Doe/AP"): a story paragraph does not end on a credit.
CREDITED_CAPTION = re.compile(r".{10,400}?[.!?]['\"’”]?\s*(?:photograph|photo|image|picture|illustration)s?"
                              r"(?: by)?:\s*[^.!?\n]{2,60}", re.I | re.S)


# -- notes that are part of the record, embedded posts, navigation lines ---------------------------

# A correction, clarification or editor's note: part of the published record, so kept (kind "note").
NOTE = re.compile(
    r"\s*(?:(?:corrections?|clarifications?|editor['’]?s['’]? notes?|note to (?:readers|our readers)|"
    r"correction appended)\s*[:—–-]"
    r"|(?:this|the) (?:story|article|report|post|piece|headline)\b.{0,80}?\b(?:has been|was|have been|were)"
    r" (?:corrected|updated to correct|amended|clarified)"
    r"|an earlier version of this (?:story|article|report|post|piece|headline))", re.I)

# Raw markup of an embedded social-media post, as scrapers leave it in the text.
_EMBED_MARKUP = re.compile(
    r"<(?:tweet\b|/tweet>|blockquote[^>]*(?:twitter-tweet|instagram-media|tiktok-embed|fb-xfbml)|iframe[^>]*"
    r"(?:twitter|instagram|facebook|youtube|tiktok)|script[^>]*(?:platform\.twitter\.com|instagram\.com/embed))",
    re.I)
# The signature line of a pasted tweet: "— Jane Doe (@janedoe) May 12, 2019".
_TWEET_SIGNATURE = re.compile(r"(?:pic\.twitter\.com/\w+\s*)?[—–-]{1,2}\s*[^\n()]{1,60}\(@\w{1,15}\)\s*"
                              r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]{2,8} \d{4})\s*$")


def match_embed(text: str) -> str | None:
    """The reason for a block that is an embedded social-media post's raw markup or signature line."""
    if _EMBED_MARKUP.search(text):
        return "embedded social-media post (raw markup)"
    last_line = text.rstrip().rsplit("\n", 1)[-1]
    if _TWEET_SIGNATURE.search(last_line) and len(text.split()) <= 80:
        return "embedded social-media post"
    return None


# Section names of news sites' navigation bars.
NAV_WORDS = frozenset("""home news sport sports weather business politics world us uk opinion opinions video videos
entertainment health science tech technology travel style lifestyle life culture arts art food money markets
live search menu login subscribe more local education national international economy finance magazine
podcasts podcast photos photography books music movies film tv television media fashion climate environment
cars autos obituaries crime elections election investigations features comment analysis latest trending
newsletters games puzzles crosswords shop sections topics regions africa asia europe americas australia
india china canada middle east""".split())


def nav_line(text: str) -> bool:
    """A line of three or more site-section names and nothing else ("Home News Sport Weather Business")."""
    words = re.findall(r"[^\W\d_]+", text)
    if len(words) < 3 or len(words) > 25 or ends_sentence_mark(text):
        return False
    return sum(w.casefold() in NAV_WORDS for w in words) >= 0.75 * len(words)


def ends_sentence_mark(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?", ":"))
