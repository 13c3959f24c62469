"""Fixes of single names from their shape and their context, for `fixes._fix_entities`: a score the model ran
into a name, a person it read as a place, a name with a person's noun in apposition read as an organisation, a
constituency read as a person, a dateline."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .gazetteer import Gazetteer, Lexicon
from .persons import first_name_gender
from .shapes import DASHES, PERSON_ROLES, apposed_nouns, is_line_break

_MEMBER_FOR = frozenset({"mp", "mep", "msp", "am", "mla", "member"})


def without_score(doc: Doc, start: int, end: int) -> int:
    """The end of a PERSON span without the score the model ran into it: "Lisa Raymond 7-5", "Jie Zheng 6-2 7-5",
    or numbers after a first name and a surname ("Greg Rusedski 4"). Not a title's number ("Spider-Man 2",
    "Joe 90": works the model took for people) nor "50 Cent"."""
    def digits(t: Token) -> bool:
        return t.text[:1].isdigit()

    cut = end
    while cut > start + 1 and (digits(doc[cut - 1]) or doc[cut - 1].text in ("-", "/")):
        cut -= 1
    if cut == end or not digits(doc[cut]):
        return end
    score = any(doc[i].text == "-" and digits(doc[i - 1]) and digits(doc[i + 1]) for i in range(cut + 1, end - 1))
    named = cut - start == 2 and all(t.is_alpha for t in doc[start:cut]) and first_name_gender(doc[start].text) is not None
    return cut if score or named else end


# last words of two-word places, bodies and teams whose first word is also a first name ("Beverly Hills", "Kent
# County", "Aston Villa", "Christian Aid", "Victoria Cross"): read on the BBC and PolNeAR firing list and in review,
# eleventh round
_PLACE_LAST_WORDS = frozenset({"park", "hills", "hill", "county", "springs", "centre", "center", "pacific", "dc", "vue",
                               "catholic", "catholics", "kong", "south", "north", "east", "west", "villa", "isle", "open",
                               "hilton", "sociedad", "city", "town", "valley", "heights", "falls", "beach", "island",
                               "islands", "coast", "bay", "lake", "river", "mountains", "forest", "square", "hotel",
                               "harbour", "harbor", "oval", "dock", "docks", "memorial", "hospital", "state", "national",
                               "water", "cross", "aid", "airport", "station", "stadium", "road", "street"})
# and, for `titled_person`, buildings and bodies named after someone ("Prince Edward Theatre"; thirteenth round)
_NAMED_AFTER_SOMEONE = _PLACE_LAST_WORDS | {"theatre", "theater", "cinema", "museum", "gallery", "school", "college",
                                            "church", "hall", "library", "institute", "academy", "building", "market",
                                            "way", "land", "sound"}


def first_name_and_surname(span: Span, lex: Lexicon, gazetteer: Gazetteer) -> Span:
    """A place the model made of a first name and a surname is a person: "Gethin Jenkins is starting for them"
    (GPE, eleventh round, unseen BBC), "Jose Mourinho", "Samantha Stosur". Not a place the gazetteer knows or
    whose words it knows ("Washington DC", "Austin Texas"), one whose last word says what it is ("Virginia Beach")
    or is plural ("Carolina Panthers"), nor a nationality (NORP: "Christian Democrats")."""
    if span.label_ not in ("GPE", "LOC") or span.kb_id_ or len(span) != 2 \
            or first_name_gender(span[0].text) is None or not (span[1].is_alpha and span[1].text[:1].isupper()) \
            or span[1].tag_ == "NNPS" or span[1].lower_ in _PLACE_LAST_WORDS or lex.head_label([t.text for t in span]) \
            or any(gazetteer.lookup(form) is not None for form in (span[0].text, span[1].text, span.text)):
        return span
    return Span(span.doc, span.start, span.end, label="PERSON")


def titled_people(ents: list[Span], lex: Lexicon) -> list[Span]:
    """`titled_person` for each name whose surname the article also gives a PERSON ("Professor Burrows")."""
    surnames = {e[-1].text for e in ents if e.label_ == "PERSON"}
    return [titled_person(e, lex) if e[-1].text in surnames else e for e in ents]


def titled_person(span: Span, lex: Lexicon) -> Span:
    """A name the model called an organisation that is titles, a first name and a surname is that person:
    "Emeritus Professor John Burrows" (ORG; thirteenth round, gumtune, where "Professor Burrows" was a PERSON apart).
    The titles stay outside the PERSON, where the roles read them. Not a place or a building ("Prince William Sound",
    "Queen Elizabeth Way", LOC or FAC, nor "Bishop Allen Academy"); `titled_people` also wants the surname to be a
    PERSON elsewhere in the article (the review)."""
    if span.label_ not in ("ORG", "NORP") or span.kb_id_ or span.id_:
        return span
    j = 0
    while j < len(span) and (lex.is_title(span[j].text) or lex.is_honorific(span[j].text.rstrip("."))):
        j += 1
    rest = span[j + 1:]
    if j == 0 or j >= len(span) - 1 or first_name_gender(span[j].text) is None \
            or not all(t.is_alpha and t.text[:1].isupper() for t in rest) or len(rest) > 2 \
            or lex.head_label([t.text for t in span[j:]]) or rest[-1].lower_ in _NAMED_AFTER_SOMEONE:
        return span  # "Prince Edward Theatre", "Saint Mary Hospital": a place named after someone
    return Span(span.doc, span.start + j, span.end, label="PERSON")


def constituencies(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "the MP for Sittingbourne and Sheppey": a place the model read as a person or an organisation (seventh
    round, tune8) is the constituency, a GPE."""
    def after_member_for(i: int) -> bool:  # or "the constituency of Bethnal Green and Bow" (eighth round, BBC)
        prep, noun = (doc[i - 1].lower_, doc[i - 2].lower_) if i >= 2 else ("", "")
        return (prep == "for" and noun in _MEMBER_FOR) or (prep == "of" and noun == "constituency")

    out: list[Span] = []
    for ent in ents:
        # "Sittingbourne and Sheppey": the second half of the seat's name too
        seat = after_member_for(ent.start) or bool(
            out and out[-1].label_ == "GPE" and out[-1].end == ent.start - 1 and doc[ent.start - 1].lower_ == "and"
            and after_member_for(out[-1].start))
        if ent.label_ in ("PERSON", "ORG") and seat:
            ent = Span(doc, ent.start, ent.end, label="GPE", kb_id=ent.kb_id_, span_id=ent.id_)
        out.append(ent)
    return out


def datelines(doc: Doc, ents: list[Span]) -> list[Span]:
    """An all-caps place name opening a paragraph before a dash ("ALMATY — ...") is a GPE."""
    out = list(ents)
    starts = ([0] if len(doc) else []) + [t.i + 1 for t in doc if is_line_break(t) and t.i + 1 < len(doc)]
    for i in starts:
        t = doc[i]
        if not (t.is_upper and t.is_alpha and len(t) > 2):
            continue
        end = i
        while end < len(doc) and doc[end].is_upper and doc[end].is_alpha and end - i < 4:
            end += 1
        if end < len(doc) and doc[end].text in DASHES | {","} and end > i:
            span = Span(doc, i, end, label="GPE")
            if end < len(doc) and doc[end].text == ",":  # "ASTANA, Kazakhstan — ": the dash must follow soon
                if not any(d.text in DASHES for d in doc[end:end + 5]):
                    continue
            out = [e for e in out if not (e.start < span.end and span.start < e.end)] + [span]
    return out


# nouns that, in apposition, say a one-word name is a person's ("C-Murder, a rapper"): none is also said of a place
# or a body the way "member" or "leader" is ("Turkey, a member of Nato")
PERSON_APPOSITIONS = PERSON_ROLES | {"musician", "footballer", "boxer", "golfer", "jockey", "songwriter", "bassist",
                                     "frontman", "dancer"}
# "Valeska Paris, an Australian woman" (two GPEs; thirteenth round, gumtune): one singular noun with "a"/"an", not
# after a preposition ("In Tulsa, an unarmed man with his hands in the air", PolNeAR, the round's firing list), nor a
# metaphor's "mother"/"father" ("Greece, the mother of democracy"; the review)
_PEOPLE = frozenset({"woman", "man", "girl", "boy", "teenager", "widow"})
_BANDS = frozenset({"band", "duo", "trio", "quartet"})
# a "group" is a band only after a music word ("rap group Tru"; not "the SkyTeam group", from the review)
_MUSIC = frozenset({"rap", "pop", "rock", "boy", "girl", "punk", "folk", "soul", "indie", "metal", "dance", "hip-hop"})


def _apposed_person(e: Span) -> bool:
    """A person's noun in apposition to the name ("C-Murder, a former member of rap group Tru"; "X, the rapper")."""
    for n in apposed_nouns(e):
        if not e.end <= n.i <= e.end + 5:
            continue  # right after the name: not "The Oscar-nominated actor, whose films include ... The Phantom Menace"
        noun = (n.lemma_ or n.text).lower()
        if noun in PERSON_APPOSITIONS or (noun in _PEOPLE and _a_person_here(e, n)):
            return True
        if noun == "member" and any(  # a member of a band, not of a union, an alliance or a parliament's group
                w.lower_ in _BANDS or (w.lower_ == "group" and any(c.lower_ in _MUSIC for c in w.lefts))
                for p in n.children if p.lower_ == "of" for w in p.subtree):
            return True
    return False


def _a_person_here(e: Span, n: Token) -> bool:
    """ "Valeska Paris, an Australian woman": `n` singular with "a"/"an", and the name after no preposition, also
    through appositions and conjuncts ("In Tulsa, Oklahoma, an unarmed man")."""
    if n.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in n.children):
        return False
    return not _after_a_preposition(e)


def _after_a_preposition(e: Span) -> bool:
    t = e.root
    while t.dep_ in ("appos", "conj", "compound") and t.head.i != t.i:
        t = t.head
    return t.dep_ == "pobj"


def people_by_apposition(ents: list[Span]) -> list[Span]:
    """A name the model called ORG/GPE/NORP that stands in apposition to a person's noun is a PERSON, and so is every
    other span of the same words: the model's "C-Murder" (ORG) had left his he and his to his lawyer (tune12)."""
    named = {e.text for e in ents if e.label_ in ("ORG", "GPE", "NORP") and not e.id_ and _apposed_person(e)}
    if not named:
        return ents
    out: list[Span] = []
    for e in ents:
        if e.text in named and e.label_ in ("ORG", "GPE", "NORP") and not e.id_ and not _after_a_preposition(e):
            e = Span(e.doc, e.start, e.end, label="PERSON")
            if out and _first_name_before(out[-1], e):  # "Valeska" (GPE) + "Paris": one person, Valeska Paris
                e = Span(e.doc, out.pop().start, e.end, label="PERSON")
        out.append(e)
    return out


def _first_name_before(prev: Span, e: Span) -> bool:
    """A one-word name the model gave another label, right before (one space) a name apposition showed a person's."""
    return (prev.end == e.start and len(prev) == 1 and prev.label_ in ("GPE", "LOC", "ORG", "NORP") and not prev.id_
            and prev[0].whitespace_ == " " and len(e) == 1 and first_name_gender(prev.text) is not None)
