"""The speaker of a cue verb: its subject or agent, the subject of the verb it hangs from, a noun
phrase fronted before it, and the repairs for misparses (a dateline taken for the subject, a subject
found inside a quotation)."""

from __future__ import annotations

import heapq

from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Token

from .cue_words import _cue_start
from .spans import DASHES, QuoteIndex


_OBJECT_CASE = {"them", "him", "her", "me", "us"}
_QUOTED_AS = {"say", "tell", "add", "write", "state", "describe"}  # "quoted X as saying"


def _source_of(verb: Token, speech: frozenset[str] = frozenset()) -> Token | None:
    """The speaker of a cue verb: its subject, or the subject of the verb it hangs from. `speech`: the lexicon's
    verbs of saying (a reported verb of saying keeps its ", adding:")."""
    if verb.lemma_ == "quote":  # "Arab News quoted Prince Saud as saying": the one quoted speaks
        quoted = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if quoted is not None and any(c.dep_ == "prep" and c.lower_ == "as" and any(
                g.dep_ == "pcomp" and g.lemma_ in _QUOTED_AS for g in c.children) for c in verb.children):
            return quoted  # not "quoted Churchill as a model and said that ...": Blair said it
    # two subjects means a misparse ("ALMATY — SRG ... said"): the one nearest the verb is the speaker
    for child in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
        if child.dep_ == "nsubj":
            if child.lower_ in _OBJECT_CASE:  # "let them know": a causative, not a speaker
                return None
            return child
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if any(c.dep_ in ("nsubjpass", "expl") for c in verb.children):
        return None
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("PROPN", "NOUN", "PRON"):
        return verb.head  # "Dean, a medical doctor, saying ..."
    if verb.dep_ in ("xcomp", "advcl", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        if verb.dep_ == "advcl" and verb.tag_ != "VBG" and not any(c.lower_ == "to" for c in verb.lefts):
            return None
        head = verb.head
        if verb.lemma_ == "add" and verb.tag_ == "VBG" and head.dep_ == "ccomp" and head.head.i < head.i \
                and head.lemma_.lower() not in speech:
            head = head.head  # "He said Mr Blair had spoken ..., adding: ...": the one who said it adds; not
            # "The Times reported that Mr Blair said he would stay, adding: ...": Mr Blair (from a review)
        return _source_of(head, speech)
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        return _source_of(verb.head.head, speech)  # "pitched himself by telling them that ..."
    return None


def past_dateline(token: Token) -> Token:
    """"ALMATY — Steppe Resources Group, ..., said": the parser makes the dateline the subject and
    the real one its apposition; return the apposition."""
    doc = token.doc
    if token.i + 1 < len(doc) and doc[token.i + 1].text in DASHES and (token.is_upper or token.ent_type_ == "GPE"):
        after = next((c for c in token.rights if c.dep_ in ("appos", "conj", "npadvmod", "dep") and c.i > token.i + 1), None)
        if after is not None:
            return after
    return token


def _outside_quote_source(verb: Token, source: Token | None, quotes: "QuoteIndex") -> Token | None:
    """A subject parsed inside a quotation ("“We will win,” said Smith") is wrong: look around the verb.

    First the words between the quotation and the verb ("“...,” Rep. Smith said": `_SpeakersBefore`),
    then the words right after it ("“...,” said Rep. Smith").
    """
    if source is not None and not quotes.inside(source):
        return source
    doc = verb.doc
    table = quotes.derived.get("speakers_before")
    if table is None:
        table = quotes.derived["speakers_before"] = _SpeakersBefore(doc, quotes)
    found = table.speaker_before(_cue_start(verb).i)
    if found is not None:
        return doc[found]
    if verb.dep_ == "amod":
        return None  # "the proposed overhaul": no one speaks (unseen BBC, fourteenth round)
    for t in doc[verb.i + 1:min(len(doc), verb.i + 8)]:
        if t.is_punct or quotes.inside(t):
            break
        if t.dep_ == "prep":
            break  # "said in an interview": no speaker after the verb
        if t.pos_ in ("PROPN", "NOUN", "PRON") and t.dep_ in ("nsubj", "dobj", "attr", "appos", "dative", "compound") \
                and t.ent_type_ not in ("DATE", "TIME"):
            while t.dep_ == "compound" and t.head.i > t.i:
                t = t.head
            # the verb's own, not the subject of what it reports: "On Wednesday Smith said its profits rose" is not
            # said by "its profits" (Smith parsed into the date's phrase); a name set off by a comma is the speaker
            # whatever its parse ("By contrast, said Mr Hogan, the code ...": Hogan parsed as the code's)
            set_off = t.i + 1 >= len(doc) or doc[t.i + 1].is_punct
            return t if t.head.i == verb.i or t.dep_ == "appos" or set_off else None
    return None


def _fronted_speaker(verb: Token) -> Token | None:
    """"Britain and India are close to a deal, the UK's trade secretary, Oliver Grant, said": the
    parser hangs the speaker on the clause before as an apposition and leaves the verb without a
    subject. The noun phrase right before the verb is the speaker."""
    doc = verb.doc
    j = _cue_start(verb).i - 1
    while j >= 0 and doc[j].text == ",":
        j -= 1
    if j < 0 or doc[j].pos_ not in ("PROPN", "NOUN") or doc[j].sent.start != verb.sent.start:
        return None
    cand = doc[j]
    while cand.dep_ == "compound" and cand.head.i > cand.i:
        cand = cand.head
    while cand.dep_ == "appos" and cand.head.dep_ == "appos" and cand.head.i < cand.i:
        cand = cand.head
    if cand.dep_ not in ("appos", "conj", "npadvmod", "dobj", "pobj", "attr") or cand.i > verb.i:
        return None
    left = cand.left_edge.i
    if left == 0 or doc[left - 1].text not in (",", "--", "—"):
        return None  # the phrase must stand apart from the clause it follows
    return cand


_STOP_MARKS = ("”", '"', "''")
_KEPT_PUNCT = ("(", ")", ".", "-")
_NOUNISH = ("PROPN", "NOUN", "PRON")


class _SpeakersBefore:
    """The speaker in the words right before a cue, for every cue position of one Doc.

    The rule: take the words before the cue back to the nearest word inside a quotation, closing
    mark or space (none: no speaker), leave out punctuation but ( ) . -, and return the last noun,
    proper noun or pronoun whose head is not among those words. Read word by word from every cue,
    a long line without quotations made this quadratic ("Said to be fine. " x 2,000: 38 s); here it
    is arrays built once per Doc, and each question is answered in constant time, with the same
    answers (`speaker_before_by_scan`).

    A noun qualifies for a cue at position `c` when its head lies before the stretch or is left
    out (for every later cue of the stretch: `_last_always`), or when its head lies at or after `c`
    (for the cues up to its head: `_best_until`)."""

    def __init__(self, doc: Doc, quotes: "QuoteIndex") -> None:
        n = len(doc)
        arr = doc.to_array(["HEAD", "POS", "IS_PUNCT", "IS_SPACE"]).tolist() if n else []
        words = [t.text for t in doc]
        pos_ids = {POS_IDS[p] for p in _NOUNISH}
        inside = quotes.inside_flags()
        stop = [inside[i] or words[i] in _STOP_MARKS or bool(arr[i][3]) for i in range(n)]
        kept = [not (arr[i][2] and words[i] not in _KEPT_PUNCT) for i in range(n)]
        head = [i + _signed(arr[i][0]) for i in range(n)]
        self._last_stop: list[int] = []  # the nearest stop at or before each position (-1: none)
        last = -1
        for i in range(n):
            if stop[i]:
                last = i
            self._last_stop.append(last)
        self._last_always: list[int] = []  # the last noun at or before i that is a root for any later cue
        self._best_until = [-1] * (n + 1)  # for a cue at c: the last noun before c whose head is at or after c
        pending: list[int] = []  # nouns before the current position whose head lies ahead (heap of -index)
        always = -1
        for c in range(n + 1):
            while pending and head[-pending[0]] < c:
                heapq.heappop(pending)  # its head is behind c now, and so for every later cue
            self._best_until[c] = -pending[0] if pending else -1
            if c == n:
                break
            i = c
            nounish = kept[i] and not stop[i] and arr[i][1] in pos_ids
            j = self._last_stop[i]
            h = head[i]
            if nounish and (h <= j or not kept[h]):
                always = i
            elif nounish and h > i:
                heapq.heappush(pending, -i)
            self._last_always.append(always)

    def speaker_before(self, c: int) -> int | None:
        """The token index of the speaker in the words before a cue starting at token `c`, or None."""
        if c <= 0:
            return None
        j = self._last_stop[c - 1]
        if j < 0 or j == c - 1:
            return None  # no stop before the words (the rule then looks after the verb), or no words
        best = max(self._last_always[c - 1], self._best_until[c])
        return best if best > j else None


def _signed(value: int) -> int:
    """A HEAD offset from `Doc.to_array`, which spaCy returns as unsigned."""
    return value - (1 << 64) if value >= 1 << 63 else value


def speaker_before_by_scan(doc: Doc, quotes: "QuoteIndex", c: int) -> int | None:
    """What `_SpeakersBefore.speaker_before` answers, read word by word (for tests)."""
    stretch = []
    j = c - 1
    while j >= 0 and not quotes.inside(doc[j]) and doc[j].text not in _STOP_MARKS and not doc[j].is_space:
        stretch.insert(0, doc[j])
        j -= 1
    stretch = [t for t in stretch if not (t.is_punct and t.text not in _KEPT_PUNCT)] if stretch else []
    if stretch and j >= 0 and any(t.pos_ in _NOUNISH for t in stretch):
        ids = {t.i for t in stretch}
        roots = [t for t in stretch if t.head.i not in ids and t.pos_ in _NOUNISH]
        if roots:
            return roots[-1].i
    return None
