"""The title, found from the article's metadata or as the likeliest headline before the story, and
the subtitle (standfirst) under it."""

from __future__ import annotations

import re
from collections import defaultdict

from ..records import Article
from .text import WORD, ends_open, normalise
from .units import Unit


def _headline_shape(u: Unit) -> bool:
    first = next((ch for ch in u.text if ch.isalnum()), "")
    if not first or first.islower():
        return False
    return (not u.kind and 3 <= u.n_words <= 30 and len(u.text) <= 250 and "\n" not in u.text
            and not u.text.rstrip().endswith((".", ",", ";", ":")) and not ends_open(u.text.rstrip()))


def find_title(units: list[Unit], article: Article, html: bool) -> int | None:
    """Mark the title block: the article's known title, else the likeliest headline before the story."""
    if article.title and (want := normalise(article.title)):
        for i, u in enumerate(units):
            if u.kind:
                continue
            if u.norm == want or (len(u.norm) >= 12 and same_headline(u.norm, want)):
                u.kind, u.reason = "title", "title (matches the article's metadata)"
                return i
    if html:
        return None
    first_body = next((i for i, u in enumerate(units) if not u.kind and u.quality == "good"), len(units))
    candidates = [i for i in range(first_body) if _headline_shape(units[i])]
    if not candidates:
        if _first_line_headline(units):
            units[0].kind, units[0].reason = "title", "title (the first line, a headline)"
            return 0
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


# A dateline opening the story: "HEMPSTEAD, N.Y., Sept. 26 (UPI) — ", "WASHINGTON (AP) -- ".
_DATELINE = re.compile(r"[A-Z][A-Z .,'’-]{2,40}(?:,[^—–(\n]{0,40})?\s*(?:\([A-Za-z .]{2,20}\))?\s*(?:—|–|--?)\s")
# Words of a news lead that a headline leaves out (headlines drop "said", auxiliaries and the copula).
_LEAD_WORDS = re.compile(r"\b(?:said|says|told|according to|has|have|had|was|were|is|are|will|would)\b", re.I)


def _first_line_headline(units: list[Unit]) -> bool:
    """The file's first line is its headline (a PolNeAR or BBC-style text file): one line of 4 to 25
    words, shorter than the block after it, and a headline by its shape: most longer words capitalised
    ("Stealth Over Health: Hillary Clinton Was Headed to ER"), the next block opening on a dateline,
    or short, without a lead's verbs, commas or numbers ("Bill Clinton calls Obamacare 'crazy system'").
    On 2,225 BBC articles given without their title, 28 first paragraphs (1.3%) are taken for one."""
    if len(units) < 2 or units[0].kind or units[1].kind == "title":
        return False
    first, nxt = units[0], units[1]
    text = first.text.strip()
    if "\n" in text or not 4 <= first.n_words <= 25 or len(text) > 200 or nxt.n_words <= first.n_words:
        return False
    long_words = [w for w in WORD.findall(text) if len(w) >= 4 and w[0].isalpha()]
    if len(long_words) >= 2 and sum(w[0].isupper() for w in long_words) >= 0.85 * len(long_words):
        return True
    if _DATELINE.match(nxt.text):
        return True
    return first.n_words <= 15 and not _LEAD_WORDS.search(text) and not re.search(r"[,()\d]", text)


def same_headline(a: str, b: str) -> bool:
    """One headline is the other plus a site suffix or prefix ("Title | Site", "Site - Title")."""
    short, long_ = sorted((a, b), key=len)
    if not long_.startswith(short) and not long_.endswith(short):
        return False
    rest = long_.replace(short, "", 1).strip()
    return not rest or rest[0] in "|-:·•" or rest[-1] in "|-:·•"


def find_subtitle(units: list[Unit], title_i: int | None, limit: int) -> None:
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
