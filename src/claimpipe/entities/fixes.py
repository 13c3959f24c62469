"""Fixes for the small English model's entity slips in news text, as pure functions over a Doc.

`fix_entities` takes the model's `doc.ents` and the gazetteer's matches and returns corrected entities:

1. An entity never crosses a line break (so never a block or heading boundary); a fused one keeps the
   part that starts the later line ("Economy and Geopolitics\\n\\nKazakhstan's" -> "Kazakhstan's").
2. Edges are trimmed: a leading "the", quotes and punctuation, a possessive "'s", and for a PERSON a title
   or form of address ("President", "Mr"), a role written before the name ("Striker Thierry Henry"), a
   sentence's first preposition ("Without Charles") or a score run into the name ("Lisa Raymond 7-5"). A
   span opening with a form of address is a PERSON whatever its label ('" Mr de Vabres' ORG).
3. Junk is dropped: names with no capital letter, and spans made only of title words.
4. Gazetteer names win over the model's label on the same span ("Kazakh" ORG -> NORP) and over a model
   span that holds them plus only title words; a model span that holds a gazetteer name inside a longer
   name ("Bank of China") is kept. A gazetteer name the model missed is added unless it is part of a
   longer capitalised name in running text ("Kazakhstan Freight Lines").
5. Datelines ("ALMATY — ...") are GPEs, and so is a constituency after "MP for"; a first name and a surname the
   model read as a place ("Gethin Jenkins" GPE), and a name with a person's noun in apposition ("C-Murder, a former
   member of rap group Tru", ORG), are a PERSON (`name_fixes`).
6. Names are carried through the article: an acronym defined in brackets after a name becomes an entity
   of that name's label, and the parts of a PERSON's full name ("Mehta" after "Rajiv Mehta") become PERSON
   wherever they stand as proper nouns, unlabelled or mislabelled.
7. One person, one entity (`persons`): a span joining names by "and" is one PERSON per name when one is a
   known person ("Band and Kelly"), and a known person's full name or surname under another label is
   PERSON ("Trump" ORG beside "Donald Trump"); a lone first name right before another PERSON joins it
   ("Keith" + "Lamont Scott").
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .gazetteer import Gazetteer, Lexicon
from .name_fixes import (constituencies, datelines, first_name_and_surname, people_by_apposition, titled_people,
                         without_score)
from .persons import (complete_first_names, join_first_names, known_persons, one_person_one_entity,
                      untagged_full_names)
from .propagate import (acronyms, addressed_people, orgs_by_description, people_by_role, propagate_orgs, propagate_people,
                        repeat_orgs)
from .shapes import (DASHES, FUNCTION_WORDS, HEADLINES, LEAD_PUNCT, NAME_LABELS, NAME_PARTICLES, POSSESSIVES, ROLE_PREFIXES,
                     headline_flags, is_headline_line, is_line_break, sentence_initial, tagged_tokens)

__all__ = ["NAME_LABELS", "fix_entities", "is_junk", "reconcile", "split_at_lines", "trim"]


def split_at_lines(span: Span) -> Span | None:
    """The part of `span` on its last line (a whole span when it is on one line)."""
    start = span.start
    for t in span:
        if "\n" in t.text:
            start = t.i + 1
        elif "\n" in t.whitespace_ and t.i + 1 < span.end:
            start = t.i + 1
    if start >= span.end:
        return None
    return span if start == span.start else Span(span.doc, start, span.end, label=span.label_)


def trim(span: Span, lex: Lexicon) -> Span | None:
    """Drop a leading "the", punctuation, possessives and, for a PERSON, titles and forms of address."""
    doc = span.doc
    start, end = span.start, span.end
    label = span.label_
    first = next((t.i for t in doc[start:end] if not (t.is_space or t.text in LEAD_PUNCT)), end)
    if label in NAME_LABELS and label != "PERSON" and end - first > 1 and lex.is_honorific(doc[first].lower_) \
            and (doc[first + 1].text[:1].isupper() or doc[first + 1].lower_ in NAME_PARTICLES and end - first > 2
                 and doc[first + 2].text[:1].isupper()):
        label = "PERSON"  # "Ms Hughes", '" Mr de Vabres' (ORG, unseen BBC) are persons whatever the model said
        span = Span(doc, start, end, label=label)
    while start < end:
        t = doc[start]
        low = t.lower_
        if t.is_space or t.text in LEAD_PUNCT:
            start += 1
        elif low in ("the", "a", "an") and (t.text[0].islower() or sentence_initial(t) or end - start > 1
                                            and span.label_ != "WORK_OF_ART"):
            start += 1
        elif span.label_ == "PERSON" and end - start > 1 and (lex.is_honorific(low) or lex.is_title(low)):
            start += 1
        elif label == "PERSON" and end - start > 1 and low in ROLE_PREFIXES and not doc[start + 1].is_lower:
            start += 1  # "Striker Thierry Henry"
        elif label == "PERSON" and end - start > 1 and t.tag_ == "IN" and t.is_stop and sentence_initial(t) \
                and doc[start + 1].text[:1].isupper() and doc[start + 1].lower_ != "the":
            start += 1  # "Without Charles, it is hard to imagine": a sentence's first preposition (not "Beyond Meat")
        elif label == "PERSON" and end - start > 1 and t.is_lower and t.is_alpha and t.tag_.startswith("VB"):
            start += 1  # "he rang Lucy": the verb before the name (seventh round, read on unseen BBC)
        else:
            break
    dash = next((t.i for t in doc[start:end] if t.text in DASHES and t.whitespace_ and t.i > start
                 and doc[t.i - 1].whitespace_), None)
    if dash is not None:  # "Arsene Wenger - he's": a spaced dash never sits inside a name
        end = dash
    if span.label_ == "PERSON":
        end = without_score(doc, start, end)
    while end > start:
        t = doc[end - 1]
        if (t.tag_ == "POS" or t.text in POSSESSIVES) and _name_with_s(doc, start, end, span.label_):
            break
        if t.is_space or t.tag_ == "POS" or t.text in POSSESSIVES or (t.is_punct and t.text not in (")", ".")):
            end -= 1
        elif t.lower_ in FUNCTION_WORDS and t.is_lower and end - start > 1:
            end -= 1  # "the Office of the": the model stopped before the name's end
        elif span.label_ == "PERSON" and end - start > 1 and lex.is_honorific(t.lower_):
            end -= 1
        else:
            break
    opening = next((t.i for t in doc[start:end] if t.text == "("), None)
    if opening is not None and not any(t.text == ")" for t in doc[opening:end]):
        end = opening  # "Inter-American Development Bank (IADB": the bracket is not part of the name
        while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct):
            end -= 1
    if start >= end:
        return None
    if start == span.start and end == span.end:
        return span
    return Span(doc, start, end, label=span.label_, kb_id=span.kb_id_, span_id=span.id_)


def _name_with_s(doc: Doc, start: int, end: int, label: str) -> bool:
    """ "Lloyd's said": an ORG whose "'s" the model took in, not followed by what it owns, keeps it."""
    if label != "ORG" or end - start != 2 or doc[end - 1].text not in ("'s", "’s"):
        return False
    nxt = doc[end] if end < len(doc) else None
    return nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM", "ADV")


def is_junk(span: Span, lex: Lexicon) -> bool:
    """A name-like span that cannot be a name: no capital letter, only titles and small words, a clause
    ("Chinese Chipmaker Expands"), or an office ("Minister of International Trade", "Business and Trade"
    before "Secretary")."""
    if span.label_ not in NAME_LABELS:
        return False
    if not any(c.isupper() for c in span.text):
        return True
    if all(lex.is_title(t.lower_) or (t.text[:-1].isupper() and lex.is_title(t.lower_.removesuffix("s")))  # "MPs"
           or lex.is_honorific(t.lower_) or t.is_stop or t.is_punct for t in span):
        return True
    if is_clause(span):
        return True
    if span.label_ in ("ORG", "NORP", "GPE", "FAC") and len(span) > 1 and lex.is_title(span[-1].lower_) \
            and not lex.is_title(span[0].lower_):
        return True  # "Roman Catholic Archbishop", "Kazakh Deputy Prime Minister": a role, not a name
    return span.label_ != "PERSON" and is_office(span, lex)



def is_clause(span: Span) -> bool:
    """A span holding a finite verb, or (in a title-case line) a small lower-case word, is a clause, not a name."""
    if span.label_ in ("WORK_OF_ART", "LAW", "EVENT"):
        return False
    if any(t.tag_ in ("VBZ", "VBD", "VBP", "MD") and t.i > span.start for t in span):
        return True
    if is_headline_line(span.doc, span.start):
        return any(t.is_lower and t.is_alpha and t.lower_ not in FUNCTION_WORDS for t in span)
    return False


def is_office(span: Span, lex: Lexicon) -> bool:
    """ "Minister of International Trade", or portfolio words right before a title ("Business and Trade")."""
    words = [t for t in span if t.is_alpha]
    if not words:
        return False
    if lex.is_title(words[0].lower_) and len(words) > 1 and words[1].lower_ == "of":
        return all(lex.is_portfolio(t.lower_) or t.lower_ in FUNCTION_WORDS or lex.is_title(t.lower_) for t in words)
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return (nxt is not None and lex.is_title(nxt.lower_)
            and all(lex.is_portfolio(t.lower_) or t.lower_ in FUNCTION_WORDS for t in words))


def relabel_by_shape(span: Span, lex: Lexicon) -> Span:
    """Give a name the label its head word implies ("Green Party" -> ORG, "Downing Street" -> FAC)."""
    if span.id_ or span.label_ in ("LAW", "WORK_OF_ART"):
        return span
    label = lex.head_label([t.text for t in span if not t.is_punct or t.text == "&"])
    if label is None or label == span.label_:
        return span
    if label == "FAC" and span.label_ in ("ORG", "GPE"):  # "Wall Street" as the market, a bank's "Tower"
        return span
    if span.label_ == "PERSON" and label not in ("ORG", "LAW"):  # Hall, Bay, Temple, Street are surnames too
        return span
    return Span(span.doc, span.start, span.end, label=label, kb_id=span.kb_id_, span_id=span.id_)



def _continues_name(span: Span, lex: Lexicon, labelled: set[int]) -> bool:
    """True when a capitalised unlabelled proper noun runs on from the span, making it part of a longer name."""
    doc = span.doc
    if span.end < len(doc):
        nxt = doc[span.end]
        if (nxt.tag_ in ("NNP", "NNPS") and nxt.text[:1].isupper() and nxt.i not in labelled
                and not lex.is_title(nxt.lower_) and not is_line_break(doc[span.end - 1])
                and not is_headline_line(doc, span.start)):
            return True
    if span.start > 0:
        prev = doc[span.start - 1]
        if (prev.tag_ in ("NNP", "NNPS") and prev.text[:1].isupper() and prev.i not in labelled
                and not sentence_initial(prev) and not lex.is_title(prev.lower_) and not is_line_break(prev)
                and not is_headline_line(doc, span.start)):
            return True
    return False


def plausible_addition(span: Span, lex: Lexicon, labelled: set[int]) -> bool:
    """Whether a gazetteer match the model missed should become an entity."""
    doc = span.doc
    words = [t for t in span if t.is_alpha]
    if words and all(t.is_upper for t in words) and len(span.text) > 4:
        return False  # an all-caps line ("RUSSIA SAYS...") is a headline or a shout, not a name we can trust
    if len(span) == 1 and span[0].is_upper and _is_all_caps_context(doc, span.start):
        return False  # "US" inside "TELL US MORE"
    if span.label_ == "NORP":
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.text[:1].isupper() and nxt.lower_ in lex.heads and not is_headline_line(doc, span.start):
            return False  # "Indian Ocean", "Turkish Airlines": part of a longer name
        prev = doc[span.start - 1] if span.start else None
        return not (prev is not None and prev.tag_ in ("NNP", "NNPS") and prev.i not in labelled
                    and not sentence_initial(prev) and not is_headline_line(doc, span.start))
    return not _continues_name(span, lex, labelled)


def _is_all_caps_context(doc: Doc, i: int) -> bool:
    neighbours = [t for t in doc[max(0, i - 3):i + 4] if t.is_alpha and t.i != i]
    return bool(neighbours) and sum(t.is_upper for t in neighbours) >= max(2, len(neighbours) - 1)


def _remainder_is_title(ent: Span, g: Span, lex: Lexicon) -> bool:
    rest = [t for t in ent if not g.start <= t.i < g.end]
    return bool(rest) and all(lex.is_title(t.lower_) or lex.is_honorific(t.lower_) or t.tag_ == "POS"
                              or t.text in POSSESSIVES or t.is_punct or t.is_space or t.lower_ in ("the", "of")
                              for t in rest)


def reconcile(ents: list[Span], gazetteer_spans: Iterable[Span], gazetteer: Gazetteer, lex: Lexicon) -> list[Span]:
    """Merge the model's entities with the gazetteer's matches (see the module docstring, step 4)."""
    out = list(ents)
    labelled = tagged_tokens(out)
    person_words = {t.lower_ for e in out if e.label_ == "PERSON" and len(e) > 1 for t in e}
    for g in sorted(filter_spans(list(gazetteer_spans)), key=lambda s: s.start):
        entry = gazetteer.by_name.get((g.label_, g.id_))
        kb = entry.kb_id if entry else ""
        g = Span(g.doc, g.start, g.end, label=g.label_, kb_id=kb, span_id=g.id_)
        overlapping = [e for e in out if e.start < g.end and g.start < e.end]
        if not overlapping:
            if plausible_addition(g, lex, labelled):
                out.append(g)
                labelled.update(range(g.start, g.end))
            continue
        same = [e for e in overlapping if e.start == g.start and e.end == g.end]
        if same:
            e = same[0]
            if e.label_ == "LANGUAGE" and g.label_ == "NORP":
                continue  # "in Chinese": the model's reading of the context wins
            if e.label_ == "PERSON" and len(e) == 1 and e[0].lower_ in person_words:
                continue  # "Jordan said", after "Michael Jordan"
            out.remove(e)
            out.append(g)
            continue
        inside = [e for e in overlapping if g.start <= e.start and e.end <= g.end]
        if len(inside) == len(overlapping):  # the model found only a piece ("Korea" of "South Korea")
            for e in inside:
                out.remove(e)
            out.append(g)
            labelled.update(range(g.start, g.end))
            continue
        container = next((e for e in overlapping if e.start <= g.start and g.end <= e.end), None)
        if container is not None:
            if _remainder_is_title(container, g, lex) or container.label_ not in NAME_LABELS:
                out.remove(container)
                out.append(g)
            continue  # "Bank of China", "U.S. Commerce Department": the longer name stands
        for e in overlapping:  # crossing spans: the gazetteer's name is the surer one
            out.remove(e)
        out.append(g)
        labelled.update(range(g.start, g.end))
    return out


# Bodies whose full name goes on with "for the <name>": "U.S. Court of Appeals for the Sixth Circuit"
_FOR_HEADS = frozenset({"court", "appeals", "commission", "committee", "council", "center", "centre", "institute",
                        "foundation", "fund", "agency", "board", "coalition", "alliance", "association", "society",
                        "tribunal", "union", "office"})


_FOR_TAILS = frozenset({"circuit", "district"})  # "for the District of Columbia Circuit", tagged GPE


def join_for_the(doc: Doc, ents: list[Span]) -> list[Span]:
    """One ORG for "U.S. Court of Appeals" + "for the" + "Sixth Circuit", which the model tags as two
    names: the first alone names no court in particular, and a pronoun resolved to it would be vague.
    The second must be an ORG or a circuit or district, and end the noun phrase: "blamed the European
    Commission for the EU's failure" is two names."""
    by_start = {e.start: e for e in ents}
    out, skip = [], set()
    for ent in ents:
        if id(ent) in skip:
            continue
        k = ent.end
        nxt = None
        if ent.label_ == "ORG" and ent[-1].lower_ in _FOR_HEADS and k + 1 < len(doc) and doc[k].lower_ == "for":
            nxt = by_start.get(k + 2 if doc[k + 1].lower_ == "the" else k + 1)
        if nxt is not None and (nxt.label_ == "ORG" or nxt[-1].lower_ in _FOR_TAILS) \
                and (nxt.end == len(doc) or not (doc[nxt.end].pos_ in ("NOUN", "PROPN", "PART")
                                                 or doc[nxt.end].tag_.startswith("NN") or doc[nxt.end].tag_ == "POS")):
            out.append(Span(doc, ent.start, nxt.end, label="ORG", kb_id=ent.kb_id_))
            skip.add(id(nxt))
        else:
            out.append(ent)
    return out


_WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})
_WEEKDAY_PAPERS = frozenset({"Times", "Telegraph", "Mirror", "Express", "Post", "Herald", "Mail", "People", "Sport",
                             "Star", "Independent", "Observer", "Tribune", "Journal", "Business"})


def weekday_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "the Sunday Telegraph": a weekday between "the" and a newspaper's name opens that name, not a DATE ("By the
    Friday Microsoft had cut 500 jobs" stays a day and a name)."""
    out = list(ents)
    for e in ents:
        if e.label_ != "ORG" or e.start < 2 or doc[e.start - 1].text not in _WEEKDAYS or doc[e.start - 2].lower_ != "the" \
                or e[-1].text not in _WEEKDAY_PAPERS:
            continue
        out = [x for x in out if x is not e and not (x.start <= e.start - 1 < x.end)]
        out.append(Span(doc, e.start - 1, e.end, label="ORG", kb_id=e.kb_id_))
    return sorted(out, key=lambda x: x.start)


def fix_entities(doc: Doc, gazetteer_spans: Iterable[Span], *, gazetteer: Gazetteer, lex: Lexicon,
                 propagate: bool = True) -> list[Span]:
    """The corrected entities of `doc` (see the module docstring), without overlaps, in order."""
    HEADLINES[id(doc)] = headline_flags(doc)
    try:
        return _fix_entities(doc, gazetteer_spans, gazetteer=gazetteer, lex=lex, propagate=propagate)
    finally:
        HEADLINES.pop(id(doc), None)


def _fix_entities(doc: Doc, gazetteer_spans: Iterable[Span], *, gazetteer: Gazetteer, lex: Lexicon,
                  propagate: bool) -> list[Span]:
    ents: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            ents.append(ent)
            continue
        piece = split_at_lines(ent)
        piece = trim(piece, lex) if piece is not None else None
        if piece is not None and not is_junk(piece, lex):
            ents.append(relabel_by_shape(piece, lex))
    # in text order from here on: the joins below read a span's neighbours (reconcile appends the
    # gazetteer's additions at the end)
    ents = sorted(reconcile(ents, gazetteer_spans, gazetteer, lex), key=lambda e: e.start)
    ents = titled_people([first_name_and_surname(e, lex, gazetteer) for e in ents], lex)
    ents = join_for_the(doc, ents)
    ents = weekday_names(doc, ents)
    ents = join_first_names(doc, ents)
    ents = complete_first_names(doc, untagged_full_names(doc, ents, lex), known_persons(doc, ents, lex))
    ents = datelines(doc, ents)
    ents = constituencies(doc, ents)
    ents = people_by_apposition(people_by_role(orgs_by_description(doc, ents), lex))
    if propagate:
        ents = acronyms(doc, ents)
        ents = addressed_people(doc, ents, lex)
        ents = propagate_people(doc, ents, gazetteer, lex)
        ents = propagate_orgs(doc, ents, gazetteer, lex)
        ents = repeat_orgs(doc, ents, gazetteer, lex)
        ents = one_person_one_entity(doc, ents, lex)
    return sorted(filter_spans(ents), key=lambda s: s.start)
