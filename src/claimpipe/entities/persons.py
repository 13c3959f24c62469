"""One person, one entity within an article: a person's names win over the model's other labels.

Run by `fix_entities` after the names are carried through the article (`propagate`):

- `known_persons`: the article's evidence that a name is a person: a multi-word PERSON ("Donald Trump")
  gives its full name and its surname; a bare word right after a form of address or a person's title
  ("Mr. Trump", "Senator Burr") is a person's name too;
- `split_coordinated`: a span joining names by "and" or "&" ("Band and Kelly" ORG) becomes one PERSON per
  name when one of its names is a known person or the model read the span as PERSON, a span joining names by
  a comma alone ("Ferry, Mackay" ORG) only when every name is a known person; otherwise it is left as the model
  said (it may be a firm: "Marks and Spencer");
- `join_persons`: a span of another label whose words are a known person's full name or surname ("Trump"
  ORG beside "Donald Trump", "Trump" ORG taken from "Trump University") becomes PERSON, so the canonical
  names put it with that person, unless the article calls that name an organisation in apposition ("Ford,
  the US car company" beside "chairman Bill Ford"). A multi-word organisation that holds the name ("Trump University") keeps
  its own span. Two capitalised words ending in a surname the article gives by a form of address are the person's
  full name when the first is a clear first name of the address's gender ("Vincent Cable" ORG beside "Mr Cable") or a
  person's title stands before them ("leader Nicola Sturgeon" ORG beside "Ms Sturgeon"). A name opening on a clear
  first name is a person when a person's title stands in apposition to it ("Rodrigo de Rato, the IMF's director," ORG).
- `complete_first_names` (run before the names are carried through the article): a lone first name tagged PERSON
  takes the untagged capitalised word after it when that word is a surname the article gives a person. `untagged_full_names`
  (before it): an untagged clear first name and the capitalised word after it are a person when the model
  tagged that word alone elsewhere as a place, organisation or person no gazetteer knows ("Vera Zvonareva", "Mehmet
  Oz"), or when a person's title stands before it and capitalised words follow ("Cardinal Cormac Murphy O'Connor").
  Gazetteer names (countries, demonyms) never change, and a GPE, LOC or FAC changes only when it is one word in
  running text, not in capitals and not after a preposition of place ("in Washington" stays a place).
- `called_it.things_called_it`: a one-word PERSON that the article's grammar calls "it" is an organisation.

With no person of that name in the article, "Trump" after "Trump University" stays as it was: no evidence either way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from .called_it import things_called_it
from .gazetteer import Lexicon, load_gazetteer, place_countries
from .shapes import CONNECTORS, apposed_nouns, tagged_tokens

COORDINATORS = frozenset({"and", "&"})
# Forms of address that say a person's gender: "Mr. Obama" is not Michelle Obama.
GENDERED_ADDRESS = {"mr": "m", "mr.": "m", "sir": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f",
                    "dame": "f"}
PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "to", "near", "across", "outside", "inside"})
# last words of a firm's name joined to a person's ("David Rubin & Partners"): the span is the firm
FIRM_WORDS = frozenset({"partners", "associates", "sons", "brothers", "co", "company", "friends"})
# last words of places and bodies named after someone ("Prince Albert Road", "Queen Elizabeth Hospital")
NAMED_AFTER_SOMEONE = frozenset({"road", "street", "square", "park", "avenue", "lane", "bridge", "station", "airport",
                                 "hospital", "school", "college", "university", "house", "hall", "stadium", "centre",
                                 "center", "museum", "theatre", "theater", "church", "cathedral", "hotel", "prize",
                                 "award", "trophy", "cup", "foundation", "trust", "institute", "island", "bay"})
# words the names table gives a gender that open organisations' and faiths' names ("Real Betis", "Roman Catholic")
NAME_OPENERS = frozenset({"real", "roman", "royal", "sporting", "inter", "dynamo", "grand", "young", "union", "saint"})


@dataclass(slots=True)
class Persons:
    """The article's person names, lower-cased: full names, surnames, and bare words with a title."""

    full: set[tuple[str, ...]] = field(default_factory=set)
    surnames: set[str] = field(default_factory=set)
    addressed: set[str] = field(default_factory=set)  # "Mr. Trump": "trump"
    addressed_gender: dict[str, str] = field(default_factory=dict)  # "Ms Sturgeon": "sturgeon" -> "f"

    def is_person(self, words: tuple[str, ...]) -> bool:
        if len(words) == 1:
            return words[0] in self.surnames or words[0] in self.addressed
        return words in self.full


def _name_words(span: Span) -> tuple[str, ...]:
    return tuple(t.lower_ for t in span if not t.is_punct or t.text == ".")


def is_initial(word: str) -> bool:
    """An initial or a run of them: "M.", "M", "H.W."."""
    parts = word.rstrip(".").split(".")
    return all(len(p) == 1 and p.isalpha() and p.isupper() for p in parts)


def known_persons(doc: Doc, ents: list[Span], lex: Lexicon) -> Persons:
    """What the article itself says is a person (see the module docstring)."""
    persons = Persons()
    for e in ents:
        if e.label_ != "PERSON" or any(t.lower_ in COORDINATORS for t in e):
            continue
        words = _name_words(e)
        if len(words) > 1 and e[0].text[:1].isupper() and e[-1].text[:1].isupper() and not is_initial(words[-1]):
            persons.full.add(words)
            persons.surnames.add(words[-1])
        elif len(words) == 1 and e.start > 0 and _addresses(doc[e.start - 1].lower_, lex):
            persons.addressed.add(words[0])
            if gender := GENDERED_ADDRESS.get(doc[e.start - 1].lower_):
                persons.addressed_gender[words[0]] = gender
    return persons


def _addresses(word: str, lex: Lexicon) -> bool:
    return lex.is_honorific(word) or lex.is_title(word)


def _parts(span: Span) -> list[Span]:
    """The names a coordinated span joins: "Band and Kelly" -> "Band", "Kelly"."""
    parts, start = [], span.start
    for t in span:
        if t.lower_ in COORDINATORS or t.text == ",":
            if t.i > start:
                parts.append(span.doc[start:t.i])
            start = t.i + 1
    if span.end > start:
        parts.append(span.doc[start:span.end])
    return parts


def _name_shaped(span: Span) -> bool:
    """Capitalised words (connectors and initials allowed): a part that can be a person's name."""
    return (span[0].text[:1].isupper() and span[-1].text[:1].isupper()
            and all(t.text[:1].isupper() or t.lower_ in CONNECTORS or t.text in (".", "-") for t in span))


def split_coordinated(ents: list[Span], persons: Persons) -> list[Span]:
    """A span that joins names by "and"/"&" is one PERSON per name, or left alone (see the module docstring)."""
    out = []
    for e in ents:
        joined = any(t.lower_ in COORDINATORS for t in e[1:-1])
        if e.id_ or len(e) < 3 or not (joined or any(t.text == "," for t in e[1:-1])):
            out.append(e)
            continue
        parts = _parts(e)
        known = [persons.is_person(_name_words(p)) for p in parts]
        # "Ferry, Mackay" ORG: a comma alone joins names only when every part is a known person
        evidence = (any(known) or e.label_ == "PERSON") if joined else all(known)
        firm = parts[-1][-1].lower_.rstrip(".") in FIRM_WORDS  # "David Rubin & Partners", "Marks & Co"
        if len(parts) < 2 or not all(_name_shaped(p) for p in parts) or not evidence or firm:
            out.append(e)
            continue
        out += [Span(e.doc, p.start, p.end, label="PERSON") for p in parts]
    return out


# nouns that say, in apposition, that a name is an organisation ("Ford, the US car company"): the name is then
# no surname, whatever person shares it ("chairman Bill Ford")
ORGANISATION_NOUNS = frozenset({"company", "firm", "group", "corporation", "carmaker", "automaker", "maker",
                                "manufacturer", "bank", "lender", "insurer", "retailer", "airline", "giant",
                                "conglomerate", "network", "broadcaster", "publisher", "studio", "label",
                                "club", "team", "party", "agency", "organisation", "organization", "charity"})


def _first_name_of_addressed(e: Span, persons: Persons, lex: Lexicon) -> bool:
    """Two capitalised words, the second a surname the article gives a person by a form of address, the first
    a clear first name of the gender that address states ("Vincent Cable" ORG beside "Mr Cable") or the words
    after a person's title ("leader Nicola Sturgeon" ORG beside "Ms Sturgeon")."""
    if len(e) != 2 or not (e[0].is_title and e[1].is_title) or e[1].lower_ not in persons.addressed:
        return False
    gender = persons.addressed_gender.get(e[1].lower_)
    return (gender is not None and first_name_gender(e[0].text) == gender) or \
        (e.start > 0 and lex.is_title(e.doc[e.start - 1].lower_))


def _first_name_with_a_role(e: Span, lex: Lexicon) -> bool:
    """ "Rodrigo de Rato, the IMF's managing director," (ORG): a clear first name opening a name that a person's
    title stands in apposition to, after it or before it ("the managing director, Rodrigo de Rato")."""
    if len(e) < 2 or not e[0].is_title or first_name_gender(e[0].text) is None or e[0].lower_ in NAME_OPENERS:
        return False
    return any(lex.is_title(r.lower_) and not r.ent_type_ for r in apposed_nouns(e))


# nouns right before a name that say it is an organisation's ("rap group Tru", "the firm Acme"); lower case only:
# "Child Support Agency Doug Smith" is the agency's chief
KIND_BEFORE_NAME = frozenset({"group", "band", "company", "firm", "club", "team", "party", "label", "studio", "network",
                              "broadcaster", "charity", "agency"})
# business and sports words that also describe people ("Hollywood giant Steven Spielberg"; not "lender": "the money
# lender Shylock"): an organisation's only before a name with no known first name ("oil and gas giant Yukos",
# "Mexican outfit Red Sharks Veracruz"; unseen BBC, twelfth round)
KIND_BEFORE_SURNAME_ONLY = frozenset({"giant", "outfit", "side", "carrier", "retailer", "carmaker", "insurer",
                                      "chain", "conglomerate", "monopoly"})
_KIND_WORDS = KIND_BEFORE_NAME | KIND_BEFORE_SURNAME_ONLY


def _said_to_be_an_organisation(e: Span, lex: Lexicon) -> bool:
    """A PERSON span the sentence itself calls an organisation: a noun of an organisation's kind right before it
    ("rap group Tru", "building products group James Hardie"; "oil giant Yukos" when no first name opens it), a
    "the" before a one-word name that heads its phrase ("the Tate"), or, for a name without a clear first name or a
    title, a "which" clause on it as a subject ("Hardie, which currently makes more than 80% of its revenues").
    Not a "which" after a first name or a title: there it is mostly about a work or a thing just named
    ("a trumpet which belonged to Dizzy Gillespie, which is expected to fetch")."""
    doc = e.doc
    if _kind_before(e):
        return True
    if len(e) == 1 and e.start > 0 and doc[e.start - 1].lower_ == "the" and doc[e.start - 1].head == e.root \
            and e.root.dep_ != "compound" and not e.text.endswith(("s", "man", "woman")) and first_name_gender(e.text) is None \
            and not _nationality(e.text):
        return True  # "the Tate managed to raise £12.5m": a name with "the" is no one's (not "the Welshman", "the Briton")
    if (e.end + 1 >= len(doc) or doc[e.end].text != "," or doc[e.end + 1].lower_ != "which"
            or e.root.dep_ not in ("nsubj", "nsubjpass") or first_name_gender(e[0].text) is not None
            or (e.start > 0 and _addresses(doc[e.start - 1].lower_, lex))):
        return False
    return any(c.dep_ == "relcl" and doc[e.end + 1].head == c and not _comments(c) for c in e.root.children)


# verbs of a "which" clause that comments on the sentence rather than describing the name ("Jones, which surprised
# many, voted against"; a review finding)
_COMMENT_VERBS = frozenset({"surprise", "shock", "anger", "upset", "please", "delight", "annoy", "amaze", "astonish",
                            "disappoint", "alarm", "worry", "frustrate", "infuriate", "baffle", "puzzle", "stun"})


def _kind_before(e: Span) -> bool:
    """A noun of an organisation's kind right before the name: "rap group Tru", "oil giant Yukos" (no first name)."""
    before = e.doc[e.start - 1] if e.start > 0 else None
    if before is None:
        return False
    if before.text in KIND_BEFORE_NAME and before.dep_ == "compound":
        return True
    # the parser hangs "giant" of "giant Yukos's main division" on the division; a name of two words is mostly a first
    # name and a surname, known or not ("Bollywood giant Amitabh Bachchan", from the review)
    return before.text in KIND_BEFORE_SURNAME_ONLY and before.tag_ == "NN" and len(e) != 2 \
        and first_name_gender(e[0].text) is None


def _nationality(word: str) -> bool:
    entry = load_gazetteer().lookup(word)
    return entry is not None and entry.label == "NORP"


def _comments(verb: Token) -> bool:
    """ "which is rare for a chairman", "which surprised many": a clause about the whole sentence."""
    return verb.lemma_.lower() in _COMMENT_VERBS or (verb.lemma_ == "be" and any(c.dep_ == "acomp" for c in verb.children))


def organisations_named_so(ents: list[Span], lex: Lexicon) -> list[Span]:
    """A name the article says is an organisation's (`_said_to_be_an_organisation`) is that organisation wherever
    it stands as a PERSON, and so is the last word of such a name standing alone ("Hardie's shareholders"); the
    model's slip gave the company he and his, and kept "the company" from it. Evidence on a lone word does not
    relabel a full name with a first name."""
    named = {_name_words(e) for e in ents if e.label_ == "PERSON" and not e.id_ and _said_to_be_an_organisation(e, lex)}
    # and a place no gazetteer knows, after a kind's noun: "gas monopoly Gazprom" (GPE; unseen BBC, twelfth round)
    placed = {_name_words(e) for e in ents if e.label_ in ("GPE", "LOC") and not e.id_ and not e.kb_id_ and _kind_before(e)}
    if ents:  # ... or left untagged there while tagged a place elsewhere
        doc, tagged = ents[0].doc, tagged_tokens(ents)
        placed |= {(t.lower_,) for t in doc if t.tag_ == "NNP" and t.i not in tagged and t.i > 0
                   and doc[t.i - 1].text in _KIND_WORDS and _kind_before(doc[t.i:t.i + 1])}
    # and a party's short name: "Labour" PERSON beside "Labour Party" (the model's PERSON in 28 BBC articles; a party,
    # whose country the article says, is no gazetteer's: Labour parties are many)
    surnames = {_name_words(e)[-1:] for e in ents if e.label_ == "PERSON" and len(e) > 1}
    parties = {_name_words(e)[:1] for e in ents if e.label_ == "ORG" and len(e) == 2 and e[-1].lower_ == "party"
               and first_name_gender(e[0].text) is None} - surnames  # not "Mr Green" beside Philip Green
    placed |= {w for w in parties if not any(len(e) == 1 and _name_words(e) == w and e.start > 0
                                             and lex.is_honorific(e.doc[e.start - 1].lower_) for e in ents)}
    if not named and not placed:
        return ents
    organisations, lone = named | placed, {words[-1:] for words in named}
    return [Span(e.doc, e.start, e.end, label="ORG") if not e.id_ and (
        (e.label_ == "PERSON" and (_name_words(e) in organisations or (len(e) == 1 and _name_words(e) in lone)))
        or (e.label_ in ("GPE", "LOC") and not e.kb_id_ and _name_words(e) in placed)) else e for e in ents]


def join_persons(doc: Doc, ents: list[Span], persons: Persons, lex: Lexicon) -> list[Span]:
    """A known person's full name or surname under another label becomes PERSON (see the module docstring),
    unless the article calls that name an organisation in apposition ("Ford, the US car company")."""
    organisations = organisation_names(ents)
    out = []
    for e in ents:
        named = persons.is_person(_name_words(e)) or _first_name_of_addressed(e, persons, lex) or _first_name_with_a_role(e, lex)
        if e.label_ != "PERSON" and not e.id_ and named and not _placed(doc, e) and e.text.lower() not in organisations:
            e = Span(doc, e.start, e.end, label="PERSON")
        out.append(e)
    return out


def organisation_names(ents: list[Span]) -> set[str]:
    """Lower-cased names the article calls an organisation in apposition ("Ford, the US car company")."""
    return {e.text.lower() for e in ents if e.label_ != "PERSON" and any(
        c.dep_ == "appos" and (c.lemma_.lower() in ORGANISATION_NOUNS or c.lower_ in ORGANISATION_NOUNS)
        for c in e.root.children)}


def _placed(doc: Doc, e: Span) -> bool:
    """A place stays a place unless it is a bare surname in running text: not "in Washington", not a
    dateline ("MIDWAY ATOLL - ..."), not a name of several words (the PERSON reading is then the slip)."""
    if e.label_ not in ("GPE", "LOC", "FAC"):
        return False
    return len(e) > 1 or e.text.isupper() or after_place_preposition(e)


def after_place_preposition(e: Span) -> bool:
    """ "went to Washington": a GPE, LOC or FAC right after a preposition of place."""
    return e.label_ in ("GPE", "LOC", "FAC") and e.start > 0 and e.doc[e.start - 1].lower_ in PLACE_PREPOSITIONS


def complete_first_names(doc: Doc, ents: list[Span], persons: Persons) -> list[Span]:
    """A lone clear first name the model tagged PERSON takes the untagged capitalised word after it when the
    article gives that word as a person's surname: "Scott Richter" tagged "Scott" beside "Steven Richter"
    and "Mr Richter" (otherwise "Mr Richter" reads as Steven Richter, a wrong merge)."""
    tagged = tagged_tokens(ents)
    out = []
    for e in ents:
        nxt = doc[e.end] if e.end < len(doc) else None
        if (e.label_ == "PERSON" and len(e) == 1 and not e.id_ and first_name_gender(e.text) is not None
                and e[0].whitespace_ == " " and nxt is not None and nxt.i not in tagged and nxt.tag_ == "NNP"
                and nxt.is_title and (nxt.lower_ in persons.surnames or nxt.lower_ in persons.addressed)):
            e = Span(doc, e.start, e.end + 1, label="PERSON")
        out.append(e)
    return out


def untagged_full_names(doc: Doc, ents: list[Span], lex: Lexicon) -> list[Span]:
    """ "routed Vera Zvonareva" left untagged beside "Russia's Zvonareva" GPE: a clear first name the model did not
    tag, then a capitalised word that the model tagged alone elsewhere (as a place, an organisation or a person:
    "Mehmet Oz" beside "Oz's show") and that no gazetteer names, is a person's full name (the lone word then joins
    the person, `join_persons`). So is a clear first name and the capitalised words after it, none tagged, after a
    person's title ("Cardinal Cormac Murphy O'Connor"; the title stays out). `ents` in text order."""
    tagged = tagged_tokens(ents)
    elsewhere = {e.text.lower() for e in ents if len(e) == 1 and e.label_ in ("GPE", "LOC", "ORG") and not e.id_}
    # or as a person, when no capitalised word before makes the two part of a longer name: "Mehmet Oz" untagged,
    # "Oz's show" PERSON (ninth round, tune14); not "the Crossrail Link Bill" beside "Bill" PERSON
    alone = {e.text.lower() for e in ents if len(e) == 1 and e.label_ == "PERSON"}
    known = {e.text.lower() for e in ents if e.id_} | place_countries().keys()  # "Real Madrid": a place
    added = [Span(doc, t.i, t.i + 2, label="PERSON") for t in doc[:-1]
             if t.i not in tagged and t.i + 1 not in tagged and t.is_title and t.tag_ == "NNP"
             and t.whitespace_ == " " and first_name_gender(t.text) is not None and t.lower_ not in NAME_OPENERS
             and not lex.is_title(t.lower_) and not lex.is_honorific(t.lower_) and doc[t.i + 1].tag_ == "NNP"
             and doc[t.i + 1].is_title and doc[t.i + 1].lower_ not in known
             and (doc[t.i + 1].lower_ in elsewhere or doc[t.i + 1].lower_ in alone and not _capitalised_before(t))]
    added += [span for t in doc[1:-1] if (span := _titled_name(doc, t, tagged, lex)) is not None]
    # once each: both shapes may find one name
    new = {(a.start, a.end): a for a in added if (a.start, a.end) not in {(e.start, e.end) for e in ents}}
    return sorted(ents + list(new.values()), key=lambda e: e.start) if new else ents


def _capitalised_before(t: Token) -> bool:
    return t.i > 0 and t.doc[t.i - 1].is_title and t.doc[t.i - 1].tag_ == "NNP"


def _titled_name(doc: Doc, first: Token, tagged: set[int], lex: Lexicon) -> Span | None:
    """The untagged name `first` opens after a capitalised person's title: a clear first name, then one or more
    capitalised proper nouns (ninth round, tune12: "Cardinal Cormac Murphy O'Connor" was no one, so "he said"
    went to Tony Blair)."""
    title = doc[first.i - 1]
    if title.i in tagged or not title.is_title or not title.whitespace_ or not lex.is_title(title.lower_) \
            or first.i in tagged or not first.is_title or first.tag_ != "NNP" or first_name_gender(first.text) is None \
            or lex.is_title(first.lower_) or lex.is_honorific(first.lower_):  # "Attorney General Lord Goldsmith"
        return None
    end = first.i + 1
    while end < len(doc) and end not in tagged and doc[end].tag_ == "NNP" and doc[end].is_title \
            and doc[end - 1].whitespace_:
        end += 1
    # the name heads its phrase: not "the King Arthur International category"; nor is it a place or body named after
    # someone ("Prince Albert Road", from a review)
    if end == first.i + 1 or doc[end - 1].dep_ == "compound" or doc[end - 1].lower_ in NAMED_AFTER_SOMEONE:
        return None
    return Span(doc, first.i, end, label="PERSON")


def one_person_one_entity(doc: Doc, ents: list[Span], lex: Lexicon) -> list[Span]:
    """Things called "it", organisations named so, coordinated names split and a person's names relabelled PERSON."""
    persons = known_persons(doc, ents, lex)
    ents = split_coordinated(organisations_named_so(things_called_it(ents, lex, first_name_gender), lex), persons)
    persons = known_persons(doc, ents, lex)  # again: a split may have freed a full name
    return join_persons(doc, ents, persons, lex)


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """First name -> "m"/"f" for names whose gender is clear: data/entities/first_names.tsv, built from
    nomquamgender (MIT) by scripts/build_first_names.py; loads in milliseconds (the package's own 22 MB
    table takes seconds per process)."""
    text = resources.files("claimpipe").joinpath("data/entities/first_names.tsv").read_text(encoding="utf-8")
    pairs = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {name: gender for name, gender in pairs}


def first_name_gender(name: str) -> str | None:
    """ "f" or "m" when the first name is clearly one (see `first_names`), else None."""
    return first_names().get(name.lower()) if name.isalpha() else None


def address_gender(span: Span) -> str | None:
    """The gender a form of address right before `span` states ("Mr. Obama": "m"), else None."""
    return GENDERED_ADDRESS.get(span.doc[span.start - 1].lower_) if span.start > 0 else None


def join_first_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "Keith" + "Lamont Scott", two PERSONs the model split with only a space between, are one person
    when the first is a lone, clearly gendered first name ("Keith Lamont Scott's wife pleads"). `ents` in
    text order."""
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if (prev is not None and prev.label_ == "PERSON" and ent.label_ == "PERSON" and prev.end == ent.start
                and len(prev) == 1 and prev[0].whitespace_ == " " and first_name_gender(prev.text) is not None
                and ent[0].text[:1].isupper()):
            out[-1] = Span(doc, prev.start, ent.end, label="PERSON")
        else:
            out.append(ent)
    return out
