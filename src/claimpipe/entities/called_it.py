"""A one-word name the model tagged PERSON that the article's own grammar calls a thing: "Yukos has said it will sue
Baikal", "Yukos claims its downfall was punishment" (unseen BBC, fourteenth round: the oil company Yukos was a PERSON
of ten mentions, so "the company" and "the firm" went to another company). For `persons.one_person_one_entity`.

The evidence is the article's, not a list: the name is the subject whose clause holds an "its" or "itself" with no
other subject in between, or whose speech verb reports an "it" as the subject of what it says. Only a name of one word
that is no clear first name ("Emily"), no word of a full PERSON name of the article ("Robbie" beside "Robbie Keane";
"Smith said its profits rose" after "John Smith"), never after a form of address, a title or a rank ("Lord
Falconer") nor after another capitalised word ("Desperate Housewives"), and that no "he/she" takes the same way.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from .gazetteer import Lexicon

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_THING = frozenset({"its", "itself"})
_PERSON = frozenset({"he", "his", "him", "himself", "she", "her", "hers", "herself"})
_RANKS = frozenset({"lord", "lady", "baroness", "baron", "earl", "viscount", "sir", "dame"})
_SAY = frozenset({"say", "claim", "announce", "insist", "warn", "add", "argue", "deny", "state", "confirm"})


def things_called_it(ents: list[Span], lex: Lexicon, first_name_gender: Callable[[str], str | None]) -> list[Span]:
    """`ents` with every PERSON span of one word relabelled ORG when the article's grammar calls that word "it"
    (see the module docstring) and never "he" or "she". `first_name_gender`: `persons.first_name_gender`, passed in
    (`persons` calls this)."""
    persons = [e for e in ents if e.label_ == "PERSON" and not e.id_]
    in_full_names = {w.lower_ for e in persons if len(e) > 1 for w in e}  # "Robbie" beside "Robbie Keane"
    single = [e for e in persons if len(e) == 1 and e[0].is_alpha and e[0].lower_ not in in_full_names
              and first_name_gender(e.text) is None and not _longer_name(e)]
    addressed = {e[0].lower_ for e in single if e.start > 0 and _addresses(e.doc[e.start - 1].lower_.rstrip("."), lex)}
    thing: set[str] = set()
    person: set[str] = set()
    for e in single:
        word = e[0].lower_
        if word in addressed:
            continue
        pronouns = _pronouns_bound_to(e.root)
        if pronouns & _PERSON:
            person.add(word)
        elif pronouns & (_THING | {"it"}):
            thing.add(word)
    thing -= person
    if not thing:
        return ents
    return [Span(e.doc, e.start, e.end, label="ORG") if e in single and e[0].lower_ in thing else e for e in ents]


def _addresses(word: str, lex: Lexicon) -> bool:
    """A form of address, a title or a peer's rank before a name ("Mr", "President", "Lord Falconer")."""
    return lex.is_honorific(word) or lex.is_title(word) or word in _RANKS


def _longer_name(e: Span) -> bool:
    """A capitalised word right before the span, inside its sentence: the name may be longer than the model's span
    ("Desperate Housewives", "Housewives" PERSON), and its short form would be put in for it."""
    before = e.doc[e.start - 1] if e.start > 0 else None
    return before is not None and before.is_title and not before.is_sent_start


def _pronouns_bound_to(name: Token) -> set[str]:
    """The pronouns (lower case) the subject `name` binds by grammar: a possessive or reflexive of its clause with no
    other subject between, an "itself" in apposition, the subject of what its speech verb reports."""
    if name.dep_ not in _SUBJECTS:
        return {c.lower_ for c in name.children if c.dep_ == "appos" and c.lower_ in ("itself", "himself", "herself")}
    verb = name.head
    out = set()
    for w in verb.subtree:
        lower = w.lower_
        if lower not in _THING | _PERSON | {"it"} or w.i == name.i:
            continue
        if lower in ("it", "he", "she") and w.dep_ in _SUBJECTS:
            if w.head.dep_ == "ccomp" and w.head.head == verb and verb.lemma_.lower() in _SAY and w.i > verb.i:
                out.add(lower)
            continue
        if lower in ("it", "he", "she", "him") or (lower in ("its", "his", "her") and w.dep_ != "poss"):
            continue  # an object ("scuffed it") is no one's own; "her" as an object neither
        if _clause_subject_between(w, verb):
            continue
        out.add(lower)
    return out


def _clause_subject_between(w: Token, verb: Token) -> bool:
    """A word on the way up from `w` to `verb` has a subject of its own: `w` belongs to that clause."""
    for a in w.ancestors:
        if a == verb:
            return False
        if any(c.dep_ in _SUBJECTS and c.i != w.i for c in a.children):
            return True
    return True
