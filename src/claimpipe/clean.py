"""Clean: strip boilerplate from a scraped article, keep the story, map every block to the source.

The source text is cut into blocks (a line, or a hard-wrapped paragraph). Each block is labelled
title, subtitle, heading, paragraph or boilerplate from signals that survive the loss of HTML:

1. local rules: lexicons of calls to action (`data/boilerplate/lexicon.toml`), byline, avatar and
   date patterns, a site's own phrases (`Settings.boilerplate_phrases`), corpus repetition
   (`RepeatIndex`) and duplicates within the article;
2. text quality: word count, stop-word density and terminal punctuation, as jusText measures them;
3. position: the story is the stretch of blocks with the highest total quality (a maximum
   subarray), so site headers and footers fall outside it; titles, subtitles and bylines are
   looked for just before it;
4. neighbours: inside the story, a short block between body paragraphs is body, a short block
   that introduces body text is a heading, and a run of short lines is a menu or tag list.

Kept blocks are copied verbatim into the clean text, joined by a blank line; each dropped block
becomes a `Removal` with a reason a person can read. HTML articles (already reduced to the main
text by trafilatura) skip rules 3 and 4: only explicit boilerplate is removed from them.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from pathlib import Path
from importlib import resources

from .records import Article, Block, Cleaned, Removal
from .settings import Settings

LEXICON = "claimpipe.boilerplate_lexicon.v1"

KEPT_KINDS = ("title", "subtitle", "heading", "paragraph")

# -- text features -------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_TERMINAL = re.compile(r"""[.!?…。！？](?:['"’”»)\]*]*)$""")
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"  # BOM and zero-width characters: strip like spaces
_EDGE_PUNCT = re.compile(r"^[^\w©@]+|[^\w©@]+$")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "«": '"', "»": '"', "–": "-", "—": "-"})
_MD_HEADING = re.compile(r"#{1,6}[ \t]+(?=\S)")


@lru_cache(maxsize=None)
def _stop_words(lang: str = "en") -> frozenset[str]:
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


def _ends_sentence(text: str) -> bool:
    # patterns anchored at "$" are searched from every position: look at the tail only
    return _TERMINAL.search(text[-12:]) is not None


def _ends_open(text: str) -> bool:
    return _OPEN_END.search(text[-16:]) is not None


def pick_stop_words(text: str) -> frozenset[str]:
    """The stop-word list (of spaCy's, for a few European languages) that covers most of a text."""
    words = [m.group(0).casefold() for m in islice(_WORD.finditer(text), 800)]
    if not words:
        return _stop_words("en")
    counts = {lang: len(_stop_words(lang).intersection(words)) + (lang == "en") for lang in _LANGS}
    best = max(_LANGS, key=counts.__getitem__)
    return _stop_words(best)


def normalise(text: str) -> str:
    """Lower case, straight quotes, single spaces, edge punctuation and bullets trimmed."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_QUOTES)
    text = " ".join(text.split())
    return _EDGE_PUNCT.sub("", text)


def _repeat_key(text: str) -> str:
    """CCNet-style paragraph key: normalised, digits zeroed, hashed."""
    key = re.sub(r"\d", "0", normalise(text))
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


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
_BIO = re.compile(
    rf"(?P<name>{_NAME})[ \t]+(?:(?:is|was|has been|serves as)[ \t]+(?:an?|the|our)[ \t]+(?:[\w&-]+[ \t]+){{0,5}}"
    r"(?:reporter|writer|journalist|correspondent|editor|contributor|columnist|freelancer|producer|author|blogger|"
    r"analyst|intern|expert|founder|co-founder|professor|consultant|photographer|critic|host|student|researcher)s?\b"
    r"|(?:writes|covers|has written|has worked as)\b)",
)
_HONORIFICS = {"Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Sir", "Lord", "Lady", "President", "Senator", "Sen", "Rep",
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
_DATE = (rf"(?:{_DAYNAME}\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
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
_READ_TIME = re.compile(r"(?:\d+|one|two|three|four|five)[\s-]+min(?:ute)?s?(?:\s+read|\s+reading(?:\s+time)?)?", re.IGNORECASE)


def _looks_like_name(name: str) -> bool:
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
        if _looks_like_name(name):
            return "author avatar", name.strip()
    if m := _BYLINE.fullmatch(text):
        name = m.group("name").strip()
        # "By Jack Oliver and Jane Doe, BBC News": the name ends where the rest begins
        if _looks_like_name(name):
            return "byline", name
    # "By Amelie Marie Nishizawa Feb 8, 2020 5 min read": a date ends the name
    if head and (d := _DATE_IN_TEXT.search(text)) and d.start() > 3 and (m := _BYLINE.fullmatch(text[:d.start()].rstrip(" ,|·-–—"))):
        name = m.group("name").strip()
        if _looks_like_name(name):
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


# -- units ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Unit:
    """One candidate block: a line, or the lines of a hard-wrapped paragraph."""

    start: int  # source offsets, surrounding whitespace excluded
    end: int
    text: str
    para: int  # index of the blank-line separated paragraph it sits in
    md_heading: bool = False  # the line started with Markdown "#"
    norm: str = ""
    n_words: int = 0
    stop_density: float = 0.0
    terminal: bool = False
    headline: bool = False  # unpunctuated and in title case: a headline, a heading or a link
    quality: str = "short"  # good, near, short
    kind: str = ""  # decided label: title, subtitle, heading, paragraph, boilerplate
    reason: str = ""


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _INVISIBLE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _INVISIBLE):
        end -= 1
    return start, end


def split_units(text: str) -> list[_Unit]:
    """Cut a source text into candidate blocks: lines, with hard-wrapped paragraphs kept whole."""
    lines: list[tuple[int, int, int]] = []  # (start, end, para)
    para, pos, blank = 0, 0, True
    for raw in text.split("\n"):
        s, e = _strip_span(text, pos, pos + len(raw))
        if s < e:
            if blank and lines:
                para += 1
            lines.append((s, e, para))
            blank = False
        else:
            blank = True
        pos += len(raw) + 1
    units: list[_Unit] = []
    i = 0
    while i < len(lines):
        j = i + 1
        while j < len(lines) and lines[j][2] == lines[i][2]:
            j += 1
        group = lines[i:j]
        if len(group) > 1 and _hard_wrapped(text, group):
            units.append(_Unit(group[0][0], group[-1][1], text[group[0][0]:group[-1][1]], group[0][2]))
        else:
            pending: tuple[int, int, int] | None = None  # a run of lines that read as one sentence
            for line in group:
                s, e, p = line
                md = _MD_HEADING.match(text, s)
                if md and md.end() < e:
                    if pending:
                        units.append(_Unit(pending[0], pending[1], text[pending[0]:pending[1]], p))
                        pending = None
                    units.append(_Unit(md.end(), e, text[md.end():e], p, md_heading=True))
                    continue
                if pending and _continues(text[pending[0]:pending[1]], text[s:e]):
                    pending = (pending[0], e, p)
                    continue
                if pending:
                    units.append(_Unit(pending[0], pending[1], text[pending[0]:pending[1]], p))
                pending = line
            if pending:
                units.append(_Unit(pending[0], pending[1], text[pending[0]:pending[1]], pending[2]))
        i = j
    return units


# a line ending in one of these words stops mid-sentence ("I had the opportunity to give a")
_OPEN_END_WORDS = frozenset(
    "a an the of to in on at for with from by and or but nor as than that which who whose whom "
    "into onto upon about via per its their his her our your my is are was were be been has have had "
    "will would can could should may might must not no".split())
_OPEN_END = re.compile(r"(?:[,(\[{–—/-]|\b(?:" + "|".join(sorted(_OPEN_END_WORDS)) + r"))$", re.IGNORECASE)


# Chinese, Japanese and Korean run without spaces: a line break between two such characters falls
# inside a sentence (ruby annotations, links), so the lines are one block.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]")


def _continues(prev: str, line: str) -> bool:
    """Does `line` carry on the sentence of `prev` (a line broken at a link or inline tag)?"""
    if _ends_sentence(prev):
        return False
    if not (line[0] in ",.;:!?)]}%’”'）。、，：；！？」』】" or _CJK.match(line) or _CJK.match(prev[-1])
            or (not prev.endswith(":") and (line[0].islower() or _ends_open(prev)))):
        return False
    return not (_standalone(line) or ("\n" not in prev and _standalone(prev)))


@lru_cache(maxsize=4096)
def _standalone(line: str) -> bool:
    """A line that is a block of its own whatever surrounds it: a byline, a date, a lexicon hit."""
    if len(line) > 200:
        return False
    norm = normalise(line)
    return bool(match_byline(line) or match_date(line) or match_lexicon(norm, len(norm.split())))


def _hard_wrapped(text: str, group: list[tuple[int, int, int]]) -> bool:
    """Lines of one paragraph that were wrapped at a fixed width (e-mail, plain-text archives)."""
    lengths = [e - s for s, e, _ in group]
    width = max(lengths)
    if width < 40 or width > 110:
        return False
    body = lengths[:-1]
    if sum(1 for n in body if n >= 0.7 * width) < 0.8 * len(body):
        return False
    # wrapped prose breaks mid-sentence: most inner lines do not end a sentence
    open_ends = sum(1 for s, e, _ in group[:-1] if not _ends_sentence(text[s:e]))
    if open_ends < 0.5 * len(body):
        return False
    # ... and often before a lower-case word; a list of links ("Click to share on X (Opens in new
    # window)") has lines of one width too, but each starts afresh
    lower = sum(1 for s, _, _ in group[1:] if text[s].islower())
    prev_open = sum(1 for s, e, _ in group[:-1] if _ends_open(text[s:e]))
    return lower + prev_open >= 0.3 * len(body) and not any(_standalone(text[s:e]) for s, e, _ in group)


_NOT_LATIN = re.compile(r"[^A-Za-z]+")
_NOT_LETTER = re.compile(r"[\W\d_]+")


def _measure(unit: _Unit, stops: frozenset[str]) -> None:
    words = _WORD.findall(unit.text)
    unit.norm = normalise(unit.text)
    unit.terminal = bool(_ends_sentence(unit.text))
    latin = len(_NOT_LATIN.sub("", unit.text))
    letters = latin if latin >= 0.5 * len(unit.text) else len(_NOT_LETTER.sub("", unit.text))
    if letters and latin < 0.5 * letters:
        # a script without spaces or English stop words: judge by length alone
        unit.n_words = max(len(words), letters // 2)
        unit.stop_density = 0.3
    else:
        unit.n_words = len(words)
        unit.stop_density = sum(1 for w in words if w.casefold() in stops) / len(words) if words else 0.0
        content = [w for w in words if w.casefold() not in stops and w[0].isalpha()]
        unit.headline = (not unit.terminal and len(words) >= 3 and len(content) >= 2
                         and sum(1 for w in content if w[0].isupper()) >= 0.75 * len(content))
    # an unpunctuated line of headline length is a title or heading, not yet body text
    if (unit.n_words >= 7 and unit.terminal and unit.stop_density >= 0.15
            or unit.n_words >= 25 and unit.stop_density >= 0.2):
        unit.quality = "good"
    elif unit.n_words >= 5 and (unit.terminal or unit.stop_density >= 0.3):
        unit.quality = "near"
    else:
        unit.quality = "short"


# -- corpus repetition ---------------------------------------------------------------------------


class RepeatIndex:
    """Blocks that recur across the articles of one site: built in a first pass over the corpus.

    Like CCNet's paragraph deduplication within a shard, a block seen on many pages of one site
    (a newsletter box, a footer line) is site chrome, not story.
    """

    def __init__(self) -> None:
        self._docs: dict[str | None, int] = defaultdict(int)
        self._counts: dict[str | None, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self._seen: set[str] = set()

    def add(self, article: Article) -> None:
        """Record the distinct block keys of one article under its site (each doc_id once).

        An article seen twice must not make its own story look like site chrome.
        """
        if article.doc_id in self._seen:
            return
        self._seen.add(article.doc_id)
        keys = {_repeat_key(u.text) for u in split_units(article.text)}
        site = article.site
        self._docs[site] += 1
        counts = self._counts[site]
        for key in keys:
            counts[key] += 1

    def count(self, site: str | None, block_text: str) -> tuple[int, int]:
        """(articles of `site` holding this block, articles of `site`)."""
        if site not in self._docs:
            return 0, 0
        return self._counts[site].get(_repeat_key(block_text), 0), self._docs[site]

    def signature(self, article: Article, *, min_docs: int = 2) -> str:
        """What the index says about this article's blocks, as a short hash.

        Cleaning reads the index only through `count`, and a block seen in fewer than `min_docs`
        articles is never site chrome; so the cleaning of an article is fixed by its own text, the
        settings, and the counts of its blocks seen at least `min_docs` times. A result cache keyed on
        this signature stays valid while other articles of the site come and go.
        """
        docs = self._docs.get(article.site, 0)
        counts = self._counts.get(article.site, {})
        repeated = sorted((k, counts[k]) for k in {_repeat_key(u.text) for u in split_units(article.text)}
                          if counts.get(k, 0) >= min_docs)
        if not repeated:
            return ""
        return hashlib.blake2b(repr((docs, repeated)).encode(), digest_size=8).hexdigest()

    def __len__(self) -> int:
        return sum(self._docs.values())


# -- decisions -----------------------------------------------------------------------------------


@dataclass(slots=True)
class BlockDecision:
    """What the cleaner decided about one block of the source text, and why."""

    kind: str  # title, subtitle, heading, paragraph or boilerplate
    kept: bool
    reason: str
    source_start: int
    source_end: int
    text: str
    quality: str = ""  # good, near or short: the block's text quality on its own
    meta: dict[str, str] = field(default_factory=dict)  # metadata it yielded (author, published)


def explain(article: Article, *, settings: Settings, repeats: RepeatIndex | None = None) -> list[BlockDecision]:
    """Every block of the article, kept or dropped, with its kind, reason and source offsets."""
    units = split_units(article.text)
    meta: dict[int, dict[str, str]] = defaultdict(dict)
    _label(units, article, settings, repeats, meta)
    return [
        BlockDecision(kind=u.kind, kept=u.kind in KEPT_KINDS, reason=u.reason, source_start=u.start,
                      source_end=u.end, text=u.text, quality=u.quality, meta=dict(meta.get(i, {})))
        for i, u in enumerate(units)
    ]


def clean(article: Article, *, settings: Settings, repeats: RepeatIndex | None = None) -> Cleaned:
    """Strip the boilerplate from one article.

    Args:
        article: the article; its `title`, `author`, `published` (from JSONL or HTML metadata)
            win over what is found in the text, and its `title` helps to find the title there.
        settings: `boilerplate_phrases`, `keep_phrases`, `repeat_min_docs`, `repeat_min_share`.
        repeats: the corpus's `RepeatIndex`, to drop blocks repeated across a site's pages.

    Returns:
        A `Cleaned` whose text is the kept blocks, verbatim, joined by a blank line.
    """
    return cleaned_from(explain(article, settings=settings, repeats=repeats), article)


def cleaned_from(decisions: list[BlockDecision], article: Article) -> Cleaned:
    """Assemble a `Cleaned` from block decisions: merge adjacent body lines, map offsets."""
    source = article.text
    pieces: list[tuple[str, int, int]] = []  # (kind, source_start, source_end)
    removals: list[Removal] = []
    title = subtitle = author = published = None
    headings: list[str] = []
    prev_kept_para_end: int | None = None
    for d in decisions:
        author = author or d.meta.get("author")
        published = published or d.meta.get("published")
        if not d.kept:
            removals.append(Removal(d.source_start, d.source_end, d.reason, d.text))
            prev_kept_para_end = None
            continue
        if d.kind == "title" and title is None:
            title = d.text
        elif d.kind == "subtitle" and subtitle is None:
            subtitle = d.text
        elif d.kind == "heading":
            headings.append(" ".join(d.text.split()))
        # consecutive body lines of one paragraph (a single "\n" apart) stay one block
        if (d.kind == "paragraph" and prev_kept_para_end is not None and pieces
                and "\n\n" not in source[prev_kept_para_end:d.source_start]
                and not source[prev_kept_para_end:d.source_start].strip()
                and source[prev_kept_para_end:d.source_start].count("\n") == 1):
            kind, s, _ = pieces[-1]
            pieces[-1] = (kind, s, d.source_end)
        else:
            pieces.append((d.kind, d.source_start, d.source_end))
        prev_kept_para_end = d.source_end if d.kind == "paragraph" else None
    blocks: list[Block] = []
    parts: list[str] = []
    offset = 0
    for kind, s, e in pieces:
        if parts:
            offset += 2
        blocks.append(Block(kind, offset, offset + (e - s), s, e))
        parts.append(source[s:e])
        offset += e - s
    return Cleaned(
        text="\n\n".join(parts),
        blocks=blocks,
        removals=removals,
        title=article.title or title,
        subtitle=article.subtitle or subtitle,
        author=article.author or author,
        published=article.published or published,
        headings=headings,
    )


def format_explanation(decisions: list[BlockDecision], *, width: int = 100) -> str:
    """A readable listing of every block: kept or dropped, kind or reason, offsets and text."""
    lines = []
    labels = [d.kind if d.kept else d.reason for d in decisions]
    column = min(max((len(label) for label in labels), default=0), 48)
    for d, label in zip(decisions, labels):
        mark = "KEEP" if d.kept else "DROP"
        text = " ".join(d.text.split())
        if len(text) > width:
            text = text[: width - 1] + "…"
        lines.append(f"{mark} {label:<{column}} {d.source_start:>6}-{d.source_end:<6} {text}")
    kept = sum(d.kept for d in decisions)
    lines.append(f"{kept} of {len(decisions)} blocks kept")
    return "\n".join(lines)


# -- the labelling passes ------------------------------------------------------------------------


def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    phrases = tuple(p for p in phrases if p and p.strip())
    if not phrases:
        return None
    return _compiled_phrases(phrases)


@lru_cache(maxsize=32)
def _compiled_phrases(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(normalise(p)) for p in sorted(phrases, key=len, reverse=True)))


def _label(units: list[_Unit], article: Article, settings: Settings, repeats: RepeatIndex | None,
           meta: dict[int, dict[str, str]]) -> None:
    if not units:
        return
    html = article.format == "html"
    forced = _local_rules(units, article, settings, repeats, meta)
    _mark_name_lines(units, article, forced)
    title_i = _find_title(units, article, html)
    _mark_duplicates(units, article, title_i, forced)

    if html:
        # trafilatura already chose the main text: only explicit boilerplate goes
        for u in units:
            if not u.kind:
                u.kind, u.reason = ("heading", "heading (Markdown)") if u.md_heading else ("paragraph", "main text")
        _find_subtitle(units, title_i, len(units))
        _mark_headings(units, 0, len(units), marked_only=True)
        _mark_bios(units, 0, len(units), forced)
        return

    start, end = _story_span(units, forced)
    end = _cut_at_end_marker(units, start, end)
    end = _extend_over_list(units, end)
    end = _extend_over_sentences(units, end)
    # Dropping a block for its position alone needs evidence that the text is a scraped page:
    # a clean article (no call to action, no byline) keeps its opening and closing lines.
    evidence = sum(1 for u in units if u.kind == "boilerplate" and u.reason not in ("date line", "repeated block"))
    scraped = evidence >= 2
    if not scraped:
        start, end = 0, len(units)
    _find_subtitle(units, title_i, start)
    for i in range(start, end):
        if not units[i].kind:
            units[i].kind, units[i].reason = "paragraph", "story text"
    if scraped:
        _mark_teasers(units, start, end, forced)
        _mark_menus(units, start, end, forced)
        _mark_boxes(units, start, end, forced)
    if scraped:
        _mark_related_boxes(units, start, end, forced)
    _mark_headings(units, start, end, links=scraped)
    _mark_bios(units, start, end, forced, last=5 if scraped else 2)
    for i, u in enumerate(units):
        if i in forced:
            if u.kind not in KEPT_KINDS:
                u.kind, u.reason = "paragraph", "keep phrase"
        elif not u.kind:
            u.kind = "boilerplate"
            u.reason = "before the story (page header)" if i < start else "after the story (page footer)"


def _local_rules(units: list[_Unit], article: Article, settings: Settings, repeats: RepeatIndex | None,
                 meta: dict[int, dict[str, str]]) -> set[int]:
    """Rules that look at one block alone. Returns the blocks a keep phrase protects."""
    site_drop = _phrase_pattern(settings.boilerplate_phrases)
    site_keep = _phrase_pattern(settings.keep_phrases)
    forced: set[int] = set()
    stops = pick_stop_words(article.text)
    for i, u in enumerate(units):
        _measure(u, stops)
        if site_keep is not None and site_keep.search(u.norm):
            forced.add(i)
            continue
        if site_drop is not None and (m := site_drop.search(u.norm)):
            u.kind, u.reason = "boilerplate", f"site phrase \"{m.group(0)}\""
            continue
        if byline := match_byline(u.text):
            u.kind, u.reason = "boilerplate", byline[0]
            meta[i]["author"] = byline[1]
            continue
        if (date := match_date(u.text)) is not None:
            u.kind, u.reason = "boilerplate", "date line"
            meta[i]["published"] = date
            continue
        if _READ_TIME.fullmatch(u.norm):
            u.kind, u.reason = "boilerplate", "reading time"
            continue
        if reason := match_lexicon(u.norm, u.n_words):
            u.kind, u.reason = "boilerplate", reason
            continue
        if _link_list(u.text):
            u.kind, u.reason = "boilerplate", "menu or tag list"
            continue
        if repeats is not None:
            n, total = repeats.count(article.site, u.text)
            if n >= max(2, settings.repeat_min_docs) and total and n / total >= settings.repeat_min_share:
                u.kind, u.reason = "boilerplate", f"repeated on {n} of {total} pages from this source"
    return forced


_LIST_SEP = re.compile(r"\s+[/|·•»>]\s+|\s*[|·•»]\s*(?=\S)")


def _link_list(text: str) -> bool:
    """Three or more short items between separators: "Comics / economics / happy mutants"."""
    if len(text) > 300 or "\n" in text or _ends_sentence(text):
        return False
    items = [t for t in _LIST_SEP.split(text) if t.strip()]
    if len(items) < 3 or any(len(t.split()) > 4 for t in items):
        return False
    numeric = sum(1 for t in items if any(ch.isdigit() for ch in t))
    return numeric < 0.5 * len(items)  # a table row ("Arsenal | 3 | 1") is data


def _name_line(u: _Unit) -> bool:
    """A line that is only a person's name, or several ("Ibtisam Mahdi, Ruwaida Kamal Amer")."""
    if u.kind or u.terminal or not (2 <= u.n_words <= 12) or any(ch.isdigit() for ch in u.text) or "\n" in u.text:
        return False
    if u.stop_density > 0.2:
        return False
    names = [n for n in re.split(r"\s*(?:,|&|\band\b)\s*", u.text.strip()) if n]
    return all(1 < len(n.split()) <= 4 and _looks_like_name(n) for n in names)


def _mark_name_lines(units: list[_Unit], article: Article, forced: set[int]) -> None:
    """A bare name next to a byline, a date or the known author is a byline too."""
    author = normalise(article.author) if article.author else None
    found = []
    for i, u in enumerate(units):
        if i in forced or not _name_line(u):
            continue
        near = [units[j] for j in (i - 1, i + 1) if 0 <= j < len(units)]
        if (author and u.norm == author) or any(n.reason in ("byline", "date line", "author avatar", "reading time")
                                                for n in near):
            found.append(u)
    for u in found:  # marked afterwards, so that one name line does not vouch for the next
        u.kind, u.reason = "boilerplate", "byline"


def _mark_duplicates(units: list[_Unit], article: Article, title_i: int | None, forced: set[int]) -> None:
    """Exact duplicates within the article: the repeated title, a pull quote, a second share bar."""
    titles = {units[title_i].norm} if title_i is not None else set()
    if title_i is not None and article.title and normalise(article.title):
        titles.add(normalise(article.title))
    seen: set[str] = set()
    for i, u in enumerate(units):
        if not u.norm or i == title_i or i in forced:
            continue
        if titles and (u.norm in titles or any(len(u.norm) >= 12 and _same_headline(u.norm, t) for t in titles)):
            u.kind, u.reason = "boilerplate", "repeated title"
        elif u.norm in seen:
            if not u.kind and u.n_words >= 4:
                u.kind, u.reason = "boilerplate", "repeated block"
        else:
            seen.add(u.norm)


def _unit_score(u: _Unit) -> float:
    """A block's weight in the search for the story: prose counts for, everything else against."""
    if u.kind == "boilerplate":
        return -5.0 - min(u.n_words, 40)
    if u.quality == "good":
        return float(min(u.n_words, 150))
    if _LIST_ITEM.match(u.text):
        return 0.5  # a numbered or bulleted item: lists are stories too ("Top 100 ...")
    if u.headline:
        return -2.0
    if u.quality == "near":
        return 0.5 * u.n_words - 1
    return -1.0 - 0.25 * min(u.n_words, 20)


def _story_span(units: list[_Unit], forced: set[int]) -> tuple[int, int]:
    """The stretch of blocks with the highest total score (Kadane's maximum subarray)."""
    scores = [_unit_score(u) if i not in forced else max(5.0, _unit_score(u)) for i, u in enumerate(units)]
    best, best_span = 0.0, (0, 0)
    run, run_start = 0.0, 0
    for i, score in enumerate(scores):
        if run <= 0:
            run, run_start = score, i
        else:
            run += score
        if run > best:
            best, best_span = run, (run_start, i + 1)
    if best <= 0:
        # nothing reads as prose: a short note or a list; keep what is not explicit boilerplate
        candidates = [i for i, u in enumerate(units) if u.kind != "boilerplate"]
        return (candidates[0], candidates[-1] + 1) if candidates else (0, 0)
    return best_span


# Reasons that announce the end of an article: what follows them is rarely story.
_END_MARKERS = {"related stories", "comment prompt", "end of article marker", "tag list", "copyright line",
                "author bio"}


def _cut_at_end_marker(units: list[_Unit], start: int, end: int) -> int:
    """End the story at a "Related" or "Comments" marker unless the story resumes right after it.

    A "Related" box in the middle of an article is followed, within a few lines, by more
    paragraphs of the story; a list of teasers or a comment thread is not (one teaser sentence
    per headline, a comment between "X says:" lines).
    """
    words_before = 0
    for i in range(start, end):
        u = units[i]
        if u.kind == "boilerplate" and u.reason in _END_MARKERS and words_before >= 50 and not _resumes(units, i, end):
            tail = units[i + 1:end]
            after = sum(v.n_words for v in tail if not v.kind and v.quality == "good")
            n_good = sum(1 for v in tail if not v.kind and v.quality == "good")
            n_chrome = sum(1 for v in tail if v.kind == "boilerplate")
            # ... and little prose follows, or what follows is mostly chrome
            if after < 0.35 * words_before or (n_chrome >= n_good and after < words_before):
                return i
        if not u.kind and u.quality == "good":
            words_before += u.n_words
    return end


def _resumes(units: list[_Unit], i: int, end: int) -> bool:
    j = next((k for k in range(i + 1, min(end, i + 9)) if not units[k].kind and units[k].quality == "good"), None)
    if j is None:
        return False
    k, words = j, 0
    while k < end and not units[k].kind and units[k].quality in ("good", "near") and not units[k].headline:
        words += units[k].n_words
        k += 1
    if not (words >= 60 or (k - j >= 2 and words >= 40)):
        return False
    # a long comment also reads as prose; another comment header right after it gives it away
    return not any(units[m].reason == "comment prompt" for m in range(k, min(end, k + 3)))


_LIST_ITEM = re.compile(r"(?:[-*•·–—▪►]|\d{1,3}[.)])\s")


def _extend_over_list(units: list[_Unit], end: int) -> int:
    """Carry the story over a list or table that follows its last paragraph (results, a line-up)."""
    j = end
    last = end
    while j < len(units):
        u = units[j]
        if u.kind == "boilerplate" and u.reason in _SKIPPABLE:
            j += 1  # an advertisement inside the list
            continue
        if u.kind or u.quality == "good" or u.n_words > (80 if _data_item(u) else 25):
            break
        j += 1
        last = j
    j = last
    items = [u for u in units[end:j] if not u.kind]
    if len(items) < 2:
        return end
    intro = units[end - 1].text.rstrip().endswith(":") if end > 0 else False
    return j if intro or _data_list(items) else end


def _extend_over_sentences(units: list[_Unit], end: int) -> int:
    """A story often ends on a short sentence ("The trial continues."): carry the story over it."""
    for _ in range(2):
        if end < len(units) and not units[end].kind and units[end].terminal and units[end].n_words >= 3 \
                and units[end].stop_density > 0 and not units[end].headline and "\n" not in units[end].text:
            end += 1
    return end


_SKIPPABLE = {"advertisement", "image credit"}
_VERSUS = re.compile(r"\s(?:v|vs\.?|-|–)\s")


def _data_list(items: list[_Unit]) -> bool:
    """Most items carry numbers, brackets, bullets or "A v B": a table or a list of results."""
    return sum(1 for u in items if _data_item(u)) >= 0.6 * len(items)


def _data_item(u: _Unit) -> bool:
    text = u.text
    return bool(_LIST_ITEM.match(text) or any(ch.isdigit() for ch in text) or "(" in text or "," in text
                or _VERSUS.search(text))


def _headline_shape(u: _Unit) -> bool:
    first = next((ch for ch in u.text if ch.isalnum()), "")
    if not first or first.islower():
        return False
    return (not u.kind and 3 <= u.n_words <= 30 and len(u.text) <= 250 and "\n" not in u.text
            and not u.text.rstrip().endswith((".", ",", ";", ":")) and not _ends_open(u.text.rstrip()))


def _find_title(units: list[_Unit], article: Article, html: bool) -> int | None:
    """Mark the title block: the article's known title, else the likeliest headline before the story."""
    if article.title and (want := normalise(article.title)):
        for i, u in enumerate(units):
            if u.kind:
                continue
            if u.norm == want or (len(u.norm) >= 12 and _same_headline(u.norm, want)):
                u.kind, u.reason = "title", "title (matches the article's metadata)"
                return i
    if html:
        return None
    first_body = next((i for i, u in enumerate(units) if not u.kind and u.quality == "good"), len(units))
    candidates = [i for i in range(first_body) if _headline_shape(units[i])]
    if not candidates:
        return None
    counts: dict[str, int] = defaultdict(int)
    for i in range(first_body):
        counts[units[i].norm] += 1
    best_i, best = None, float("-inf")
    for rank, i in enumerate(reversed(candidates)):
        u = units[i]
        score = -0.75 * rank  # the story follows its title closely
        if counts[u.norm] > 1:
            score += 2.0
        window = [v for v in units[i + 1:i + 5]]
        if any(v.reason in ("byline", "date line", "author avatar", "reading time") for v in window):
            score += 2.0
        if u.headline:
            score += 1.0
        if 5 <= u.n_words <= 20:
            score += 0.5
        if score > best:
            best_i, best = i, score
    # the first occurrence of a duplicated headline is the title block
    chosen = next(i for i in range(first_body) if units[i].norm == units[best_i].norm and not units[i].kind)
    units[chosen].kind, units[chosen].reason = "title", "title (headline before the story)"
    return chosen


def _same_headline(a: str, b: str) -> bool:
    """One headline is the other plus a site suffix or prefix ("Title | Site", "Site - Title")."""
    short, long_ = sorted((a, b), key=len)
    if not long_.startswith(short) and not long_.endswith(short):
        return False
    rest = long_.replace(short, "", 1).strip()
    return not rest or rest[0] in "|-:·•" or rest[-1] in "|-:·•"


def _find_subtitle(units: list[_Unit], title_i: int | None, limit: int) -> None:
    """The standfirst: a headline-length line after the title (and its repeats), before the body."""
    if title_i is None:
        return
    i = title_i + 1
    # skip past repeats of the title and the metadata around them
    last = max((j for j in range(title_i + 1, min(len(units), title_i + 12)) if units[j].reason == "repeated title"),
               default=title_i)
    for i in range(last + 1, len(units)):
        u = units[i]
        if u.kind == "boilerplate":
            continue
        if u.kind not in ("", "paragraph") or u.n_words < 5 or u.md_heading or "\n" in u.text:
            return
        nxt = next((units[j] for j in range(i + 1, len(units)) if units[j].kind != "boilerplate"
                    or units[j].reason in ("byline", "author avatar", "date line")), None)
        followed_by_byline = nxt is not None and nxt.kind == "boilerplate"
        unpunctuated = not u.terminal and u.n_words >= 7
        if i < limit and (followed_by_byline or unpunctuated or u.quality != "good"):
            u.kind, u.reason = "subtitle", "subtitle (standfirst under the title)"
        elif i == limit and unpunctuated and u.n_words <= 40:
            u.kind, u.reason = "subtitle", "subtitle (standfirst under the title)"
        return


def _heading_shape(u: _Unit) -> bool:
    if u.md_heading:
        return True
    text = u.text.rstrip()
    if "\n" in text or not (1 <= u.n_words <= 20) or len(text) > 160:
        return False
    if text.endswith((".", ",", ";", ":")) and not text.endswith("..."):
        return False
    first = next((ch for ch in text if ch.isalnum()), "")
    return bool(first) and (first.isupper() or first.isdigit() or not first.isalpha())


def _mark_headings(units: list[_Unit], start: int, end: int, *, links: bool = False, marked_only: bool = False) -> None:
    """Inside the story, a short line that introduces body text is a section heading.

    With `links`, a long headline that shares no word with the text around it is taken for a link
    to another story instead (only on scraped pages, where such links are common). With
    `marked_only`, only Markdown headings count (trafilatura's text marks every heading it saw).
    """
    for i in range(start, end):
        u = units[i]
        if u.kind != "paragraph" or not _heading_shape(u):
            continue
        if u.md_heading:
            u.kind, u.reason = "heading", "heading (Markdown)"
            continue
        if marked_only or u.terminal and u.quality == "good":
            continue
        nxt = next((units[j] for j in range(i + 1, end) if units[j].kind != "boilerplate"), None)
        if nxt is None or nxt.kind != "paragraph" or nxt.quality == "short" or _heading_shape(nxt) and not nxt.terminal:
            continue
        if u.quality == "good" and u.n_words > 14:
            continue
        prev = next((units[j] for j in range(i - 1, start - 1, -1) if units[j].kind != "boilerplate"), None)
        if (links and u.n_words >= 7 and prev is not None and prev.quality == "good"
                and not _shares_topic(u, units, i, start, end)):
            # a long headline that the text around it never mentions: a link to another story
            u.kind, u.reason = "boilerplate", "related stories (headline inside the story)"
            continue
        u.kind, u.reason = "heading", "heading (short line before body text)"


def _stems(text: str) -> set[str]:
    stops = _stop_words()
    return {w.casefold()[:5] for w in _WORD.findall(text) if len(w) > 3 and w.casefold() not in stops}


def _shares_topic(u: _Unit, units: list[_Unit], i: int, start: int, end: int) -> bool:
    """Does a heading share a content word (by its first five letters) with the paragraphs around it?"""
    mine = _stems(u.text)
    if not mine:
        return True
    around = [units[j] for j in range(max(start, i - 2), min(end, i + 4))
              if j != i and units[j].kind == "paragraph" and units[j].quality != "short"]
    return any(mine & _stems(v.text) for v in around)


def _mark_teasers(units: list[_Unit], start: int, end: int, forced: set[int]) -> None:
    """A headline followed by its author's name inside the story is a link to another story."""
    for i in range(start, end - 1):
        u, nxt = units[i], units[i + 1]
        if i in forced or u.kind != "paragraph" or not u.headline or u.n_words < 6:
            continue
        if nxt.reason == "byline" or (nxt.kind == "paragraph" and _name_line_text(nxt)):
            u.kind, u.reason = "boilerplate", "related stories"
            if nxt.kind == "paragraph" and i + 1 not in forced:
                nxt.kind, nxt.reason = "boilerplate", "byline"


def _name_line_text(u: _Unit) -> bool:
    kind, u.kind = u.kind, ""
    try:
        return _name_line(u)
    finally:
        u.kind = kind


def _mark_menus(units: list[_Unit], start: int, end: int, forced: set[int]) -> None:
    """Runs of three or more very short, unpunctuated lines inside the story: menus, tag lists."""
    i = start
    while i < end:
        j = i
        while j < end and units[j].kind == "paragraph" and _menu_item(units[j]) and j not in forced:
            j += 1
        if j - i >= 3 and not _data_list(units[i:j]):
            for k in range(i, j):
                units[k].kind, units[k].reason = "boilerplate", "run of short lines (menu or tag list)"
        i = max(j, i + 1)


def _menu_item(u: _Unit) -> bool:
    return u.n_words <= 4 and not u.terminal and u.quality == "short" and not u.md_heading


# Calls to action that come in boxes with a line of blurb between them ("Sign up for X" / "Daily news
# about ..." / "Email").
_BOX_REASONS = {"newsletter prompt", "subscription prompt", "subscription confirmation", "legal notice",
                "donation appeal", "app promotion", "feedback prompt", "share bar", "comment prompt", "copyright line"}


def _mark_boxes(units: list[_Unit], start: int, end: int, forced: set[int]) -> None:
    """A short block between two calls to action is part of their box (the reverse of smoothing)."""
    for i in range(max(start, 1), min(end, len(units) - 1)):
        u, prev, nxt = units[i], units[i - 1], units[i + 1]
        if (u.kind == "paragraph" and i not in forced and u.n_words <= 25 and prev.reason in _BOX_REASONS
                and nxt.reason in _BOX_REASONS and prev.reason != "share bar"):
            u.kind, u.reason = "boilerplate", f"{prev.reason} (text inside its box)"


def _mark_related_boxes(units: list[_Unit], start: int, end: int, forced: set[int]) -> None:
    """The headlines listed under a "Related" or "Read more" label inside the story are links."""
    for i in range(start, end):
        u = units[i]
        if u.reason not in ("related stories", "read more") or u.n_words > 4:
            continue
        for j in range(i + 1, min(end, i + 7)):
            v = units[j]
            if v.kind != "paragraph" or j in forced or v.quality == "good" or v.n_words > 20 or "\n" in v.text:
                break
            nxt = units[j + 1] if j + 1 < end else None
            if nxt is not None and nxt.kind == "paragraph" and nxt.quality == "good" and len(_stems(v.text) & _stems(nxt.text)) >= 2:
                break  # the story's next section heading, right after the box
            v.kind, v.reason = "boilerplate", "related stories (listed under a label)"


def _mark_bios(units: list[_Unit], start: int, end: int, forced: set[int], *, last: int = 3) -> None:
    """An author's biography among the `last` blocks of the story ("Jane Doe is a reporter at ...")."""
    for i in range(start, end):
        if units[i].reason == "end of article marker" and units[i].norm.startswith("about the"):
            for j in range(i + 1, min(end, i + 4)):
                if units[j].kind == "paragraph" and j not in forced:
                    units[j].kind, units[j].reason = "boilerplate", "author bio"
                    break
    kept = [i for i in range(start, end) if units[i].kind == "paragraph"]
    for i in kept[-last:]:
        u = units[i]
        m = _BIO.match(u.text)
        if i not in forced and u.n_words <= 80 and m and m.group("name").split()[0].rstrip(".") not in _HONORIFICS:
            u.kind, u.reason = "boilerplate", "author bio"
