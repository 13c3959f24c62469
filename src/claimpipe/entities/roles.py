"""Roles and owners of mentions, read off the dependency parse.

- A title before a PERSON: "Economy Minister Katrin Vogel", "NSC chief executive Robert Kane" (role
  "chief executive", owner NSC), "Indian Prime Minister Arjun Rao" (owner the NORP "Indian").
- An apposition either way round: "the Eurasian Resources Group, a Kazakh company that ..." (role "Kazakh
  company"); "Kazakhstan's Deputy Prime Minister and Minister of Trade, Serik Zhumangarin" (role "Deputy
  Prime Minister and Minister of Trade", owner Kazakhstan).
- A possessive on the mention itself: "Russia's Gazprom" (owner Russia).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .shapes import CONNECTORS, POSSESSIVES
from .gazetteer import Lexicon

MAX_ROLE_TOKENS = 12
PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "nummod", "npadvmod", "advmod", "quantmod", "poss"})
# Entity labels that may stand inside a role ("a Kazakh company", "a Republican from Ohio").
ROLE_ENTITY_LABELS = frozenset({"NORP", "GPE", "ORG", "LOC"})


def describe(ent: Span, token_ent: dict[int, Span], lex: Lexicon) -> tuple[str, Span | None]:
    """The role of `ent` ("" if none) and the entity that owns it or its role (None if none)."""
    role, owner = "", None
    if ent.label_ == "PERSON":
        role, owner = title_before(ent, token_ent, lex)
    if not role:
        role, owner2 = apposition(ent, token_ent, lex)
        owner = owner or owner2
    if owner is None:
        owner = possessor(ent.root, token_ent, ent)
    return role, owner


def possessor(token: Token, token_ent: dict[int, Span], exclude: Span | None = None) -> Span | None:
    for child in token.children:
        if child.dep_ == "poss" and child.i in token_ent:
            own = token_ent[child.i]
            if exclude is None or own.start != exclude.start:
                return own
    return None


def title_before(ent: Span, token_ent: dict[int, Span], lex: Lexicon) -> tuple[str, Span | None]:
    """A run of title words and capitalised words right before a PERSON, and whose title it is; "former"
    belongs to the run ("Former President Bill Clinton" is no president now), and so do the adjectives of
    the title ("Shadow foreign secretary Michael Ancram" is no foreign secretary)."""
    doc = ent.doc
    chain: list[Token] = []
    owner = None
    i = ent.start - 1
    while i >= 0:
        t = doc[i]
        if i in token_ent:
            if chain:
                owner = token_ent[i]
            break
        if "\n" in t.text or "\n" in t.whitespace_:
            break
        if t.is_alpha and (lex.is_title(t.lower_) or t.text[0].isupper() and t.tag_ in ("NNP", "NNPS", "NN")) \
                or _abbreviated_title(t, lex) or t.lower_ == "former" and chain \
                or t.tag_ == "JJ" and t.is_lower and chain and t.head.i == chain[-1].i:
            chain.insert(0, t)
        elif t.lower_ in CONNECTORS and chain:
            chain.insert(0, t)
        else:
            if t.text in POSSESSIVES and chain and i - 1 in token_ent:
                owner = token_ent[i - 1]
            break
        i -= 1
    while chain and (chain[0].lower_ in CONNECTORS or lex.is_honorific(chain[0].lower_)):
        chain.pop(0)
    chain = [t for t in chain if not lex.is_honorific(t.lower_)]
    if chain and chain[-1].lower_ in CONNECTORS:
        return "", None  # "the prime minister and Mr Brown": the title is another person's (unseen BBC, twelfth round)
    if not any(lex.is_title(t.lower_) for t in chain):
        return "", None
    return _join(chain), owner


def _abbreviated_title(t: Token, lex: Lexicon) -> bool:
    """"Vermont Sen. Bernie Sanders", "Gov. Mike Pence": a listed title written short, with its full stop."""
    return t.text.endswith(".") and t.text[:-1].isalpha() and t.text[0].isupper() and lex.is_title(t.lower_)


def apposition(ent: Span, token_ent: dict[int, Span], lex: Lexicon) -> tuple[str, Span | None]:
    """The noun phrase in apposition to `ent`, either way round, and its possessor."""
    doc = ent.doc
    root = ent.root
    nouns = [c for c in root.children if c.dep_ == "appos" and not ent.start <= c.i < ent.end]
    if root.dep_ == "appos" and not ent.start <= root.head.i < ent.end:
        nouns.append(root.head)
    for noun in nouns:
        holder = token_ent.get(noun.i)
        if holder is not None and holder.label_ not in ("NORP",):
            continue  # "Penang, Malaysia": two names side by side, not a description
        if noun.pos_ not in ("NOUN", "PROPN") and holder is None:
            continue
        tokens = role_phrase(noun, ent)
        if not tokens:
            continue
        # an apposition sits right beside the name, behind a comma: "X, a Kazakh company" / "the minister, X"
        if noun.i > ent.start:
            beside = ent.end < len(doc) and doc[ent.end].text == "," and noun.left_edge.i == ent.end + 1
        else:
            k = ent.start - 1 if ent.start and doc[ent.start - 1].lower_ != "the" else ent.start - 2
            beside = k >= 1 and doc[k].text == "," and tokens[-1].i == k - 1
        if not beside:
            continue
        return _join(tokens), possessor(noun, token_ent) or _modifier_owner(noun, token_ent)
    return "", None


def _modifier_owner(noun: Token, token_ent: dict[int, Span]) -> Span | None:
    """ "an EU spokesperson": an organisation naming the role's owner as a modifier (not a place: "an Almaty
    brokerage")."""
    for child in noun.children:
        holder = token_ent.get(child.i)
        if child.dep_ in ("compound", "nmod") and holder is not None and holder.label_ == "ORG":
            return holder
    return None


def role_phrase(noun: Token, ent: Span) -> list[Token]:
    """The noun with its modifiers, "of"-phrases and coordinated titles; no article, possessor or clause."""
    keep: set[int] = set()

    def add(tok: Token, depth: int) -> None:
        if ent.start <= tok.i < ent.end or depth > 4:
            return
        keep.add(tok.i)
        for c in tok.children:
            if ent.start <= c.i < ent.end:
                continue
            if c.dep_ in PHRASE_DEPS and c.dep_ != "poss":
                add(c, depth + 1)
            elif c.dep_ == "prep" and c.i > tok.i and c.lower_ in ("of", "in", "from", "at", "for"):
                add(c, depth + 1)
            elif c.dep_ == "pobj" and tok.dep_ == "prep":
                add(c, depth + 1)
            elif c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"):
                add(c, depth + 1)
            elif c.dep_ == "cc" and any(k.dep_ == "conj" for k in tok.children):
                keep.add(c.i)

    add(noun, 0)
    if not keep:
        return []
    doc = noun.doc
    lo, hi = min(keep), max(keep)
    span = [doc[i] for i in range(lo, hi + 1)]
    if any(t.is_punct and t.text not in ("&", "-", ",") or "\n" in t.text for t in span) or span[-1].text == ",":
        span = [doc[i] for i in sorted(keep)]  # a gap: keep only the chosen tokens
    while span and (span[0].lower_ in ("a", "an", "the") or span[0].tag_ == "POS" or span[0].is_punct):
        span.pop(0)
    if len(span) > MAX_ROLE_TOKENS:
        span = [t for t in span if t.i <= noun.i][-MAX_ROLE_TOKENS:]
    return span


def _join(tokens: list[Token]) -> str:
    out = ""
    for k, t in enumerate(tokens):
        out += t.text
        if k + 1 < len(tokens):
            out += t.whitespace_ if tokens[k + 1].i == t.i + 1 else " "
    return out.strip()
