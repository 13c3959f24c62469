"""Claim types: quantitative, comparative, causal, predictive, evaluative, attributed, factual.

`claim_types(span, claim)` tags a claim as any of `CLAIM_TYPES`, in that fixed order. Every type has a
`*_cues(span)` function that returns the words that triggered it, so a user who asks why a claim got a
type (or a check-worthiness score) can be shown them. `type_claims` fills a Doc's claims in place.

The rules read the parse (tags, dependencies, entity types) where there is one and fall back to the
words alone on a `spacy.blank` Doc. The evaluative/factual split uses the trained subjectivity score
when the caller passes one (`claims.checkworthiness`), else the lexicon here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ..records import Claim, Quantity
from .context import token_table
from .quantities import find_quantities

CLAIM_TYPES = ("quantitative", "comparative", "causal", "predictive", "evaluative", "attributed", "factual")


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
    path = Path(__file__).parent.parent / "data" / "checkworthiness" / "lexicons" / "subjectivity.tsv"
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


def type_claims(doc: Doc, claims: list[Claim], spans: list[Span | None], *,
                subjectivity: list[float] | None = None, threshold: float = 0.5) -> list[dict[str, list[str]]]:
    """Fill each claim's `quantities` and `claim_types` in place; return each claim's cues (the
    check-worthiness features read them). `spans`: each claim's span in `doc` (None when its offsets do
    not fall inside it); `subjectivity`: the classifier's probability per claim, else the lexicon
    decides evaluative."""
    all_cues = []
    for k, (claim, span) in enumerate(zip(claims, spans)):
        if span is None:  # offsets outside the doc: type the empty span
            span = doc[0:0]
        claim.quantities = find_quantities(span)
        cues = claim_cues(span, claim, quantities=claim.quantities)
        s = None if subjectivity is None else subjectivity[k]
        claim.claim_types = claim_types(span, claim, subjectivity=s, threshold=threshold, cues=cues)
        all_cues.append(cues)
    return all_cues


def _dedupe(items: list[str]) -> list[str]:
    seen, out = set(), []
    for item in items:
        key = item.lower()
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out
