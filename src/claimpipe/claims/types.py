"""Claim types: quantitative, comparative, causal, predictive, evaluative, attributed, factual.

`claim_types(span, claim)` tags a claim as any of `CLAIM_TYPES`, in that fixed order. Every type has a
`*_cues(span)` function that returns the words that triggered it, so a user who asks why a claim got a
type (or a check-worthiness score) can be shown them. `type_claims` fills a Doc's claims in place.

The rules read the parse (tags, dependencies, entity types) where there is one and fall back to the
words alone on a `spacy.blank` Doc. The evaluative/factual split uses the trained subjectivity score
when the caller passes one (`claims.checkworthiness`), else the evaluative words.

The words behind each type are data (`data/claims/types.toml`, read through `claims.lexicon`); every
function takes `lexicon=` (default: the packaged lists).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ..records import Claim, Quantity
from .context import token_table
from .lexicon import Lexicon, TypeWords, load_lexicon
from .quantities import find_quantities

CLAIM_TYPES = ("quantitative", "comparative", "causal", "predictive", "evaluative", "attributed", "factual")


def __getattr__(name: str) -> frozenset[str]:
    """`EVALUATIVE_WORDS`: the packaged evaluative words (read by training/subjectivity_cv.py)."""
    if name == "EVALUATIVE_WORDS":
        return load_lexicon().types.evaluative_words
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _type_words(lexicon: Lexicon | None) -> TypeWords:
    return (lexicon or load_lexicon()).types


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


def quantity_cues(span: Span, *, lexicon: Lexicon | None = None) -> list[str]:
    return [q.text for q in find_quantities(span, lexicon=lexicon)]


def comparative_cues(span: Span, *, quantities: list[Quantity] | None = None,
                     lexicon: Lexicon | None = None) -> list[str]:
    """Words that make a claim a comparison: superlatives, "more than", verbs of change.

    `quantities` (from `find_quantities(span)`) saves finding them again."""
    words = _type_words(lexicon)
    # per-token sets as locals: read for every token of every claim
    comparative_verbs, change_verbs, action_change_verbs = (words.comparative_verbs, words.change_verbs,
                                                           words.action_change_verbs)
    cues: list[str] = []
    doc, table = span.doc, token_table(span.doc)
    has_than = "than" in table.lower[span.start:span.end]
    for i in range(span.start, span.end):
        low, tag, lemma, pos = table.lower[i], table.tag[i], table.lemma[i], table.pos[i]
        prev = table.lower[i - 1] if i > span.start else ""
        if tag in ("JJS", "RBS") or (not tag and low in words.plain_superlatives):
            if prev == "at" or low in words.not_superlatives:  # "at least", "the latest"
                continue
            next_tag = table.tag[i + 1] if i + 1 < span.end else ""
            if low in words.quantifiers and next_tag not in ("JJ", "RB"):  # "most people": a quantifier
                continue
            cues.append(doc[i].text)
        elif tag in ("JJR", "RBR") and has_than and low not in words.not_comparatives:
            cues.append(doc[i].text)
        elif lemma in comparative_verbs and pos == "VERB":
            cues.append(doc[i].text)
        elif lemma in change_verbs and pos in ("VERB", "AUX") and table.dep[i] not in ("amod", "compound"):
            cues.append(doc[i].text)
        elif lemma in action_change_verbs and pos == "VERB" and _has_amount(doc[i]):
            cues.append(doc[i].text)
    for phrase in _phrase_hits(span, words.comparative_phrases):
        if not any(c.lower() in phrase.split() for c in cues):
            cues.append(phrase)
    if find_quantities(span, lexicon=lexicon) if quantities is None else quantities:
        cues += [doc[i].text for i in range(span.start, span.end)
                 if table.lemma[i] in words.change_nouns and table.pos[i] == "NOUN" and doc[i].text not in cues]
    return dedupe_words(cues)


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


def causal_cues(span: Span, *, lexicon: Lexicon | None = None) -> list[str]:
    """Connectives and verbs that say one thing brings about another ("due to", "causing")."""
    words = _type_words(lexicon)
    causal_verbs = words.causal_verbs
    cues = _phrase_hits(span, words.causal_phrases)
    if "due to" in cues and not _causal_due_to(span):
        cues.remove("due to")  # "is due to visit" is a schedule, not a cause
    covered = {w for c in cues for w in c.split()}
    table = token_table(span.doc)
    for i in range(span.start, span.end):
        lemma = table.lemma[i]
        if table.pos[i] != "VERB" or lemma not in causal_verbs or table.lower[i] in covered:
            continue
        tok = span.doc[i]
        deps = {c.dep_ for c in tok.children}
        if lemma in words.weak_causal_verbs:
            # "make", "create": causal when something makes something happen ("make it harder")
            if not ({"ccomp", "xcomp", "agent"} & deps and {"nsubj", "agent"} & deps):
                continue
        elif tok.tag_ == "VBN" and "agent" not in deps and tok.dep_ not in ("advcl", "relcl", "ROOT", "conj"):
            continue
        cues.append(tok.text)
    return dedupe_words(cues)


def predictive_cues(span: Span, claim: Claim | None = None, *, lexicon: Lexicon | None = None) -> list[str]:
    """Words that put a claim in the future or the possible ("will", "may", "plans to")."""
    words = _type_words(lexicon)
    modals, verbs = words.predictive_modals, words.predictive_verbs
    cues: list[str] = []
    if claim is not None:
        cues += [c for c in claim.hedge_cues if c.lower() in words.predictive_hedges]
    doc, table = span.doc, token_table(span.doc)
    for i in range(span.start, span.end):
        low, tag = table.lower[i], table.tag[i]
        if low in modals and (tag == "MD" or not tag):
            cues.append(doc[i].text)
        elif table.lemma[i] in verbs and table.pos[i] == "VERB" and _has_future_object(doc[i]):
            cues.append(doc[i].text)
    cues += _phrase_hits(span, words.predictive_phrases)
    return dedupe_words(cues)


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
    path = Path(__file__).parent.parent / "data" / "checkworthiness" / "lexicons" / "subjectivity.tsv"
    if not path.exists():
        return {}
    pairs = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line)
    return {w: float(v) for w, v in pairs}


def evaluative_cues(span: Span, *, lexicon: Lexicon | None = None) -> list[str]:
    """Opinion and judgement words in the span: a judgement list, strongly subjective adjectives and
    adverbs from the Pattern lexicon, and "!"."""
    words = _type_words(lexicon)
    subjectivity, at_least = subjectivity_lexicon(), words.subjectivity_at_least
    judgement, adjective_only, blaming = words.evaluative_words, words.adjective_only, words.negative_judgement_verbs
    cues = []
    for tok in span:
        low = tok.lower_
        if tok.pos_ in ("ADJ", "ADV") and subjectivity.get(low, 0.0) >= at_least and tok.ent_type_ == "":
            cues.append(tok.text)
        elif low in judgement and tok.ent_type_ == "" and (tok.pos_ in ("ADJ", "ADV", "AUX", "VERB", "NOUN") or not tok.pos_):
            if low in adjective_only and tok.pos_ != "ADJ":
                continue
            cues.append(tok.text)
        elif tok.lemma_.lower() in blaming and tok.pos_ == "VERB":
            cues.append(tok.text)
    if any(t.text == "!" for t in span):
        cues.append("!")
    return dedupe_words(cues)


def lexicon_subjectivity(span: Span, *, lexicon: Lexicon | None = None) -> float:
    """A rough 0..1 subjectivity score from the evaluative words alone (no trained model)."""
    n = len(evaluative_cues(span, lexicon=lexicon))
    return min(1.0, 0.25 * n)


def claim_cues(span: Span, claim: Claim | None = None, *, quantities: list[Quantity] | None = None,
               lexicon: Lexicon | None = None) -> dict[str, list[str]]:
    """The words behind each content type: {"quantitative": ["40%"], "comparative": ["largest"], ...}."""
    quantities = find_quantities(span, lexicon=lexicon) if quantities is None else quantities
    return {
        "quantitative": [q.text for q in quantities],
        "comparative": comparative_cues(span, quantities=quantities, lexicon=lexicon),
        "causal": causal_cues(span, lexicon=lexicon),
        "predictive": predictive_cues(span, claim, lexicon=lexicon),
    }


def claim_types(span: Span, claim: Claim, *, subjectivity: float | None = None, threshold: float = 0.5,
                cues: dict[str, list[str]] | None = None, lexicon: Lexicon | None = None) -> list[str]:
    """The claim's types, in the order of `CLAIM_TYPES`.

    Args:
        span: the claim's span in the parsed Doc.
        claim: its record; `attribution`, `hedged` and `hedge_cues` are read.
        subjectivity: the probability that the sentence gives an opinion (the shipped NewsSD
            classifier); None falls back to the evaluative lexicon.
        threshold: subjectivity at or above which a claim is evaluative (and not factual).
        cues: `claim_cues(span, claim)` when the caller already has them.
        lexicon: the word lists (default: the packaged ones).
    """
    cues = claim_cues(span, claim, lexicon=lexicon) if cues is None else cues
    types = [t for t in ("quantitative", "comparative", "causal", "predictive") if cues.get(t)]
    score = lexicon_subjectivity(span, lexicon=lexicon) if subjectivity is None else subjectivity
    evaluative = score >= threshold
    if evaluative:
        types.append("evaluative")
    if claim.attribution != "none":
        types.append("attributed")
    if not evaluative:
        types.append("factual")
    return types


def type_claims(doc: Doc, claims: list[Claim], spans: list[Span | None], *,
                subjectivity: list[float] | None = None, threshold: float = 0.5,
                lexicon: Lexicon | None = None) -> list[dict[str, list[str]]]:
    """Fill each claim's `quantities` and `claim_types` in place; return each claim's cues (the
    check-worthiness features read them). `spans`: each claim's span in `doc` (None when its offsets do
    not fall inside it); `subjectivity`: the classifier's probability per claim, else the lexicon
    decides evaluative; `lexicon`: the word lists (default: the packaged ones)."""
    lexicon = lexicon or load_lexicon()
    all_cues = []
    for k, (claim, span) in enumerate(zip(claims, spans)):
        if span is None:  # offsets outside the doc: type the empty span
            span = doc[0:0]
        claim.quantities = find_quantities(span, lexicon=lexicon)
        cues = claim_cues(span, claim, quantities=claim.quantities, lexicon=lexicon)
        s = None if subjectivity is None else subjectivity[k]
        claim.claim_types = claim_types(span, claim, subjectivity=s, threshold=threshold, cues=cues, lexicon=lexicon)
        all_cues.append(cues)
    return all_cues


def dedupe_words(items: Iterable[str]) -> list[str]:
    """The items in order, each once, case aside ("Sales" after "sales" is dropped)."""
    seen, out = set(), []
    for item in items:
        key = item.lower()
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out
