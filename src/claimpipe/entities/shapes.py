"""Word shapes and lines: the small helpers the entity fixes and name propagation share."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
                         "LANGUAGE"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’", "s"})
LEAD_PUNCT = frozenset({'"', "“", "”", "'", "‘", "’", "(", "[", "-", "—", "–", ",", ":", ";", "*", "•"})
DASHES = frozenset({"—", "–", "-", "--"})
ACRONYM = re.compile(r"^(?:[A-Z][A-Z&0-9]{1,7}|(?:[A-Z]\.){2,6})$")
CONNECTORS = frozenset({"of", "and", "for", "&", "de", "der", "van", "von", "la", "le", "du", "da", "di", "al",
                        "bin", "ibn"})
# the lowercase words inside a surname ("de Vabres", "van Persie")
NAME_PARTICLES = (CONNECTORS - {"of", "and", "for", "&"}) | {"del", "della", "den", "dos", "das", "ter", "ten"}
# nouns for what a person does, never said of a place or a body: read before a name (`ROLE_PREFIXES`) and in
# apposition to one (`name_fixes.PERSON_APPOSITIONS`), each with words of its own
PERSON_ROLES = frozenset({"striker", "winger", "midfielder", "defender", "goalkeeper", "rapper", "singer", "actor",
                          "actress", "novelist", "comedian", "guitarist", "drummer"})
# roles BBC-style copy puts capitalised before a name, which the model then takes into the PERSON ("Striker Thierry
# Henry", "Olympian Andy Turner", "Winger Nitoglia"; eleventh round, unseen BBC); not titles (`titles.txt`), which
# other rules read as part of an office
ROLE_PREFIXES = PERSON_ROLES | {"keeper", "olympian", "playwright", "veteran", "teenager", "youngster"}
FUNCTION_WORDS = frozenset({"of", "and", "for", "the", "&", "de", "du", "des", "la", "le", "von", "van", "der",
                            "al", "bin", "y", "e"})


def is_line_break(token: Token) -> bool:
    return "\n" in token.text or "\n" in token.whitespace_


def sentence_initial(token: Token) -> bool:
    if token.i == 0 or token.is_sent_start:
        return True
    prev = token.doc[token.i - 1]
    return is_line_break(prev) or prev.text in {'"', "“", "‘", "(", "—", "–"}


# headline flags per token of the Doc being fixed, computed once per Doc (see fix_entities)
HEADLINES: dict[int, list[bool]] = {}


def headline_flags(doc: Doc) -> list[bool]:
    """For each token, whether its line is in title case (most words capitalised), as headlines are."""
    flags: list[bool] = []
    line: list[Token] = []

    def close() -> None:
        words = [t for t in line if t.is_alpha and len(t) > 2]
        flag = len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.8 * len(words)
        flags.extend([flag] * len(line))
        line.clear()

    for t in doc:
        line.append(t)
        if is_line_break(t):
            close()
    close()
    return flags


def is_headline_line(doc: Doc, i: int) -> bool:
    flags = HEADLINES.get(id(doc))
    if flags is None or len(flags) != len(doc):
        flags = headline_flags(doc)
    return flags[i]


def tagged_tokens(ents: Iterable[Span]) -> set[int]:
    """The indexes of the tokens some entity covers."""
    return {i for e in ents for i in range(e.start, e.end)}


def apposed_nouns(span: Span) -> list[Token]:
    """The words set in apposition to a name, outside it: its root's appositions, and the word the root is
    itself an apposition of ("Rodrigo de Rato, the IMF's managing director", "Minister of Trade, Jean Tremblay")."""
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        nouns.append(root.head)
    return [n for n in nouns if not span.start <= n.i < span.end]
