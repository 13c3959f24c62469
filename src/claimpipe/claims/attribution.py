"""Attribution: who says what, read from quotation marks, cue words and the dependency parse.

`find_attributions(doc)` returns one `Attribution` per cue, each with its source, cue and content
as character offsets into `doc.text` (the content may be several pieces). The patterns:

- indirect speech: a cue verb with a clausal complement ("X said/emphasized that ...", "X made it
  clear that ...", "..., X said"), a to-infinitive for verbs of wanting ("X vowed to ...") or an
  object for verbs of stance ("X criticized the plan");
- direct quotations: a cue verb with a quotation in its sentence, before or after it, a bare
  "X said." after a quoted sentence, a colon ("X said: ...", "NAME: ..."), a dash after a quote
  ("“...” — Name"), and quotations continued in the sentences and paragraphs that follow;
- mixed: indirect speech with a quoted stretch inside;
- "according to X" (and the other phrases of `lexicon.toml` [cues] according_to).

The rules live in `cues.py` (verbs of saying, wanting and stance, in named steps), `stance_cues.py`
(nouns, adjectives, passives, judgements) and `phrases.py` (according to, dash, colon, continued
quotations), with their parts in `speakers.py` (the source), `cue_words.py` (the cue's extent) and
`contents.py` (the content); `spans.py` holds the record, the span helpers and the look-up indexes.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.strings import hash_string
from spacy.tokens import Doc

from .context import claims_context
from .cues import _verb_cue
from .lexicon import Lexicon, load_lexicon
from .phrases import _according_to, _colon_paragraphs, _continue_quotes, _dash
from .speakers import past_dateline
from .spans import DASHES, KINDS, Attribution, QuoteIndex, noun_phrase, subtree_range, token_range
from .stance_cues import _adjective_cue, _impersonal_cue, _noun_cue, _raising_cue

__all__ = ["DASHES", "KINDS", "Attribution", "QuoteIndex", "find_attributions", "noun_phrase", "past_dateline",
           "subtree_range", "token_range"]

# ---------------------------------------------------------------------------------------------
# the finder


def find_attributions(doc: Doc, *, lexicon: Lexicon | None = None,
                      quotes: QuoteIndex | None = None) -> list[Attribution]:
    """Every attribution in `doc`, in text order, one per cue. `quotes`: the doc's quote index, when
    the caller has one already."""
    with claims_context(doc):
        return _find_attributions(doc, lexicon or load_lexicon(), quotes or QuoteIndex(doc))


def _find_attributions(doc: Doc, lex: Lexicon, quotes: QuoteIndex) -> list[Attribution]:
    found: list[Attribution] = []
    sents = list(doc.sents)
    starts = [s.start for s in sents]
    # only words that can start a cue are looked at: the arrays are read once, in C
    lemma_ids, lower_ids = _cue_ids(lex)
    arr = doc.to_array(["LEMMA", "LOWER"])
    phrase_sents: set[int] = set()
    for i in range(len(doc)):
        lemma, lower = int(arr[i, 0]), int(arr[i, 1])
        if lower in lower_ids:
            phrase_sents.add(bisect_right(starts, i) - 1)
        if lemma not in lemma_ids:
            continue
        k = bisect_right(starts, i) - 1
        token, sent = doc[i], sents[k]
        att = (_verb_cue(token, sent, sents, k, lex, quotes) or _noun_cue(token, lex, quotes)
               or _adjective_cue(token, lex, quotes) or _raising_cue(token, lex, quotes)
               or _impersonal_cue(token, lex, quotes))
        if att is not None:
            found.append(att)
    for k in sorted(phrase_sents):
        found.extend(_according_to(sents[k], lex))
        found.extend(_dash(sents[k], quotes))
    found.extend(_colon_paragraphs(doc, quotes))
    found = _dedupe(found)
    _continue_quotes(doc, found, quotes, sents)
    for att in found:
        if att.form != "phrase":  # according to, a dash or a speaker's colon fix their own kind
            att.kind = _kind(att, quotes)
    return sorted(found, key=lambda a: a.cue)


# lexicon id -> (that lexicon, its cue hashes); the lexicon is held so that its id is not reused
_CUE_IDS: dict[int, tuple[Lexicon, tuple[frozenset[int], frozenset[int]]]] = {}
_MAX_LEXICONS = 8


def _cue_ids(lex: Lexicon) -> tuple[frozenset[int], frozenset[int]]:
    """Hashes of every lemma that can be a cue word, and of the first words of phrase cues and dashes.

    A string's hash is the same in every vocab, so this depends on the lexicon alone: the cache holds
    one entry per lexicon in use (a run has one), never one per Doc or per pipeline."""
    entry = _CUE_IDS.get(id(lex))
    if entry is None or entry[0] is not lex:
        lemmas = lex.cue_lemmas | lex.nouns | lex.adjectives | lex.raising | lex.impersonal
        firsts = {p[0] for p in lex.according_to} | DASHES
        if len(_CUE_IDS) >= _MAX_LEXICONS:
            _CUE_IDS.clear()
        entry = _CUE_IDS[id(lex)] = (lex, (frozenset(hash_string(w) for w in lemmas),
                                           frozenset(hash_string(w) for w in firsts)))
    return entry[1]


def _dedupe(found: list[Attribution]) -> list[Attribution]:
    seen: dict[tuple[int, int], Attribution] = {}
    for att in found:
        if not att.content:
            continue
        if any(c[0] <= att.cue[0] < c[1] for c in att.content):
            continue  # a cue inside its own content is a parse error
        if att.cue not in seen:
            seen[att.cue] = att
    return list(seen.values())


def _kind(att: Attribution, quotes: QuoteIndex) -> str:
    quoted = 0
    total = 0
    any_quote = False
    for s, e in att.content:
        total += e - s
        for q in quotes.in_range(s, e):
            any_quote = True
            quoted += min(e, q.end_char) - max(s, q.start_char)
    if not any_quote:
        return "indirect"
    return "direct" if quoted >= 0.9 * total else "mixed"
