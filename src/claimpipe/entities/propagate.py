"""Names carried through an article: acronyms, short forms of people and organisations, people by title.

Each takes the entities found so far and returns them with more (or better-labelled) ones:

- `acronyms`: an acronym in brackets right after a name takes that name's label;
- `people_by_role`: a name with a person's title before it, or in apposition, is a PERSON;
- `addressed_people`: an untagged proper noun after a form of address ("Mr Ebbers") is a PERSON;
- `propagate_people`: the parts of a full PERSON name ("Mehta" after "Rajiv Mehta") are PERSON where
  they stand alone as proper nouns;
- `propagate_orgs`: the distinctive first word of a multi-word ORG ("Huaxin") is that ORG alone;
- `repeat_orgs`: an ORG name the model tagged somewhere is that ORG where it stands untagged ("BP added").
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from .canonical import GENERATIONS
from .gazetteer import Gazetteer, Lexicon
from .persons import (ORGANISATION_NOUNS, PLACE_PREPOSITIONS, after_place_preposition, first_name_gender,
                      organisation_names)
from .shapes import (ACRONYM, CONNECTORS, FUNCTION_WORDS, NAME_LABELS, apposed_nouns, is_headline_line, sentence_initial,
                     tagged_tokens)


def acronyms(doc: Doc, ents: list[Span]) -> list[Span]:
    """An acronym in brackets right after a name ("Steppe Resources Group (SRG)") takes that name's label."""
    out = list(ents)
    for e in ents:
        if e.label_ not in NAME_LABELS or e.label_ == "PERSON" or e.end + 2 >= len(doc):
            continue
        lb, acr, rb = doc[e.end], doc[e.end + 1], doc[e.end + 2]
        if lb.text == "(" and rb.text == ")" and ACRONYM.match(acr.text) and acr.text[0] == e.text[0]:
            out = [x for x in out if not (x.start <= acr.i < x.end)]
            out.append(Span(doc, acr.i, acr.i + 1, label=e.label_))
    return out


def person_parts(ents: Iterable[Span], lex: Lexicon) -> dict[tuple[str, ...], str]:
    """Each multi-word PERSON name and its short forms: its surname runs and its first word, lower-cased.
    The whole name is one: "Ivanka Trump" missed by the model is one person, not "Ivanka" and "Trump"."""
    parts: dict[tuple[str, ...], str] = {}
    for e in ents:
        if e.label_ != "PERSON" or len(e) < 2:
            continue
        words = tuple(t.lower_ for t in e)
        forms = [words] + [words[k:] for k in range(1, len(words))] + [words[:1]]
        for form in forms:
            if form[0] in CONNECTORS and len(form) == 1 or any(lex.is_title(w) for w in form):
                continue
            if len(form) == 1 and len(form[0]) < 3 and not _short_surname(e, form):
                continue
            parts.setdefault(form, e.text)
    return parts


def _short_surname(e: Span, form: tuple[str, ...]) -> bool:
    """A surname of two letters after a clear first name ("Mehmet Oz" ... "Oz", ninth round, tune14): a name of two
    words only, not an initial, a numeral ("John Paul II"), a generation ("Jr") or a firm the model took for a person
    ("Swiss Re")."""
    last = e[-1]
    return form == (last.lower_,) and len(e) == 2 and len(last.text) == 2 and last.is_title and last.is_alpha \
        and last.lower_ not in GENERATIONS and first_name_gender(e[0].text) is not None


def propagate_people(doc: Doc, ents: list[Span], gazetteer: Gazetteer, lex: Lexicon) -> list[Span]:
    """Label the parts of a full PERSON name as PERSON where they stand alone as proper nouns."""
    parts = person_parts(ents, lex)
    if not parts:
        return ents
    firsts = {p[0] for p in parts}
    # one sense per discourse, by vote: a short form the model mostly reads as something else stays so
    votes: dict[tuple[str, ...], int] = {}
    for e in ents:
        key = tuple(t.lower_ for t in e)
        if e.label_ == "PERSON" and len(e) > 1:
            for form, full in parts.items():
                if full == e.text:
                    votes[form] = votes.get(form, 0) + 1
        elif key in parts:
            votes[key] = votes.get(key, 0) + (1 if e.label_ == "PERSON" else -1)
    longest = max(len(p) for p in parts)
    covered = {t.i: e for e in ents for t in e}
    out = list(ents)
    lowers = [t.lower_ for t in doc]
    lowered = {t.text for t in doc if t.text.islower()}  # words the article also writes in lower case
    # "said Connors": read as a name by itself somewhere, by the tagger, the model or the rule below
    alone = _proper_alone(doc) | {e.text.lower() for e in ents if e.label_ in NAME_LABELS and len(e) == 1}
    alone |= {t.lower_ for t in doc if not t.is_sent_start and (t.lower_,) in parts
              and _misread_name(t, parts[(t.lower_,)], lowered)}
    organisations = organisation_names(ents)
    i = 0
    while i < len(doc):
        if lowers[i] not in firsts:
            i += 1
            continue
        found = None
        for n in range(min(longest, len(doc) - i), 0, -1):
            if tuple(lowers[i:i + n]) not in parts:
                continue
            words = doc[i:i + n]
            key = tuple(t.lower_ for t in words)
            if n == 1 and len(words[0].text) == 2 and i > 0 and lowers[i - 1] in PLACE_PREPOSITIONS:
                continue  # "the move to Oz" beside "Frank Oz": a place (from a review)
            if key in parts and words[0].text[:1].isupper() and (words[-1].tag_ in ("NNP", "NNPS")
                                                                  or covered.get(i) is not None
                                                                  or (n == 1 and _misread_name(words[0], parts[key], lowered, alone))):
                found = Span(doc, i, i + n, label="PERSON")
                break
        if found is None:
            i += 1
            continue
        holders = {covered[j] for j in range(found.start, found.end) if j in covered}
        if not holders:
            out.append(found)
        elif len(holders) == 1:
            e = holders.pop()
            # the same words, or a part of the name ("Ivanka" tagged PRODUCT inside "Ivanka Trump")
            same = found.start <= e.start and e.end <= found.end
            key = tuple(t.lower_ for t in e)
            entry = gazetteer.lookup(e.text)
            if (same and e.label_ != "PERSON" and e.label_ in NAME_LABELS and (entry is None or entry.label == "GPE")
                    and votes.get(key, 0) >= 0 and not after_place_preposition(e) and e.text.lower() not in organisations):
                out.remove(e)
                out.append(found)  # "Hollis" tagged ORG after "Margaret Hollis"
        i = found.end
    return out


def _proper_alone(doc: Doc) -> set[str]:
    """Words (lower case) the tagger reads as a proper noun standing by itself, not at a sentence's start and
    with no capitalised word beside it: "said Connors", not "Mark Price"."""
    out = set()
    for t in doc:
        if t.tag_ != "NNP" or t.is_sent_start or not t.is_alpha:
            continue
        before, after = doc[t.i - 1], doc[t.i + 1] if t.i + 1 < len(doc) else None
        if not (before.is_alpha and before.text[:1].isupper()) and not (after is not None and after.is_alpha
                                                                         and after.text[:1].isupper()):
            out.add(t.lower_)
    return out


def _misread_name(t: Token, full_name: str, lowered: set[str], alone: set[str] = frozenset()) -> bool:
    """An untagged surname the tagger read as a verb or a common noun where the parser still reads a subject or
    an object, of a person whose full name starts with a known first name: "Trump this week also said"
    (Trump: VB, nsubj) after "Donald Trump". Not a first name, not a word the article also writes in lower case
    ("Mark Price ... the price"), and at a sentence's start only a word read as a verb or the subject of a verb
    other than "be" ("Stam says"; not "Price is the main concern"): a capital there proves little, unless the
    tagger or the model read the word as a name by itself elsewhere in the article (`alone`: "said Connors"
    ... "Connors is a straight-talker", NNS)."""
    if t.lower_ != full_name.split()[-1].lower() or t.lower_ in lowered or first_name_gender(full_name.split()[0]) is None:
        return False
    if t.is_sent_start and not t.tag_.startswith("VB") and (t.head.pos_ != "VERB" or t.head.lemma_ == "be") \
            and t.lower_ not in alone:
        return False  # "Price is the main concern", "Faith in the system is low"; "Stam says" is Jaap Stam
    return t.text[:1].isupper() and t.tag_ not in ("NNP", "NNPS") and t.ent_type_ == "" \
        and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")


# Titles an organisation can hold too ("new owner Yeahronimo Media Ventures"): no evidence of a person.
SHARED_TITLES = frozenset({"owner", "partner", "leader", "founder", "co-founder", "head", "official", "officials",
                           "chair", "member", "members"})


def _has_title_before(span: Span, lex: Lexicon) -> bool:
    """ "Senator Thomas Reed", "Trade Representative Margaret Hollis": a title word right before the name."""
    if span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    return (lex.is_title(prev.lower_) and not lex.is_honorific(prev.lower_) and prev.lower_ not in SHARED_TITLES
            and prev.ent_iob_ != "I")


def _apposed_title(span: Span, lex: Lexicon) -> bool:
    """ "Canada's Minister of International Trade, Jean-Marc Tremblay": in apposition to a title noun."""
    if any(lex.is_title(n.lower_) and n.text[0].isupper() for n in apposed_nouns(span)):
        return True
    return _comma_title_before(span, lex)


def _comma_title_before(span: Span, lex: Lexicon) -> bool:
    """ "Minister of International Trade, Jean-Marc Tremblay," read off the surface when the parse misses it."""
    doc = span.doc
    i = span.start - 1
    if i < 1 or doc[i].text != "," or span.end >= len(doc) or doc[span.end].text not in (",", "said"):
        return False
    run = []
    j = i - 1
    while j >= 0 and (doc[j].text[:1].isupper() and doc[j].is_alpha or doc[j].lower_ in FUNCTION_WORDS):
        run.append(doc[j])
        j -= 1
    return any(lex.is_title(t.lower_) and not lex.is_honorific(t.lower_) for t in run)


def addressed_people(doc: Doc, ents: list[Span], lex: Lexicon) -> list[Span]:
    """Proper nouns the model left untagged right after a capitalised form of address ("Mr Ebbers, 63, has
    always insisted ...", "Dr Kerr", "Mr. King"): a person, when no entity covers them. A title or another
    form of address before a name is skipped ("Prof Sir Roy Anderson", "Mr Justice Smith"); an office
    addressed alone is no name ("Mr Speaker", "Mr President")."""
    covered = {t.i for e in ents for t in e}
    out = list(ents)
    for i in range(len(doc) - 1):
        t = doc[i]
        if not (t.text[:1].isupper() and lex.is_honorific(t.lower_)):
            continue
        j = i + 1
        while j + 1 < len(doc) and (lex.is_honorific(doc[j].lower_) or lex.is_title(doc[j].lower_)) \
                and _name_word(doc[j + 1]):
            j += 1
        if j in covered or lex.is_addressed_office(doc[j].lower_):
            continue
        end = j
        while end < len(doc) and end - j < 3 and end not in covered and _name_word(doc[end]):
            end += 1
            # a hyphenated name is one ("Mr Kilroy-Silk"), not its first part
            while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                    and not doc[end].whitespace_ and doc[end + 1].text[:1].isupper() and end + 1 not in covered:
                end += 2
        if end > j and not (end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_):
            out.append(Span(doc, j, end, label="PERSON"))
            covered.update(range(j, end))
    return out


def _name_word(t: Token) -> bool:
    return t.tag_ == "NNP" and t.text[:1].isupper() and t.is_alpha


def people_by_role(ents: list[Span], lex: Lexicon) -> list[Span]:
    """A multi-word name the model called ORG/GPE/NORP but that carries a person's title is a PERSON."""
    out = []
    for e in ents:
        if (e.label_ in ("ORG", "GPE", "NORP", "FAC", "PRODUCT") and not e.id_ and len(e) >= 2
                and all(t.text[:1].isupper() or t.text == "-" for t in e) and lex.head_label([t.text for t in e]) is None
                and (_has_title_before(e, lex) or _apposed_title(e, lex))):
            e = Span(e.doc, e.start, e.end, label="PERSON")
        out.append(e)
    return out


def orgs_by_description(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "The firm, Paion, said": capitalised words the model left untagged, set in apposition to "the firm" (or
    "the company", "the bank" ...), are the organisation's name. `ents` in text order."""
    tagged = tagged_tokens(ents)
    added = []
    for t in doc:
        if t.dep_ != "appos" or t.tag_ not in ("NNP", "NN") or not t.is_title or t.i in tagged \
                or t.head.lower_ not in ORGANISATION_NOUNS or t.head.tag_ != "NN" \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in t.head.children):
            continue
        if any(c.dep_ not in ("compound", "punct") or c.tag_ not in ("NNP", ",") for c in t.children):
            continue  # only the whole name: not "Bank" of "Bank of Alexandria", "Justice" of "Fathers 4 Justice"
        start = min([t.i] + [c.i for c in t.children if c.dep_ == "compound"])
        if all(doc[i].is_title or doc[i].is_upper for i in range(start, t.i + 1)) and not tagged & set(range(start, t.i + 1)):
            added.append(Span(doc, start, t.i + 1, label="ORG"))
    return sorted(ents + added, key=lambda e: e.start) if added else ents


def org_short_forms(ents: Iterable[Span], lex: Lexicon, gazetteer: Gazetteer) -> dict[str, str]:
    """The distinctive first word of each multi-word ORG ("Huaxin" of "Huaxin Semiconductor Manufacturing Co.")."""
    firsts: dict[str, str] = {}
    people = {t.lower_ for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    for e in ents:
        if e.label_ != "ORG" or len(e) < 2 or e.id_:
            continue
        w = e[0]
        low = w.lower_
        if (w.is_alpha and w.text[0].isupper() and len(w) > 2 and not w.is_stop and low not in lex.generic
                and not lex.is_title(low) and not lex.is_portfolio(low) and low not in lex.heads
                and gazetteer.lookup(w.text) is None and low not in people):
            firsts.setdefault(w.text, e.text)
    return firsts


def _addressed(doc: Doc, ents: list[Span], lex: Lexicon) -> set[str]:
    """Bare one-word PERSON names right after a form of address or title ("Mr. Trump"): a person. The
    model's PERSON label alone is no evidence ("Huaxin" PERSON beside "Huaxin Semiconductor")."""
    return {e.text for e in ents if len(e) == 1 and e.label_ == "PERSON" and e.start > 0
            and (lex.is_honorific(doc[e.start - 1].lower_) or lex.is_title(doc[e.start - 1].lower_))}


def propagate_orgs(doc: Doc, ents: list[Span], gazetteer: Gazetteer, lex: Lexicon) -> list[Span]:
    """Label an ORG's distinctive first word as ORG where it stands alone ("Huaxin said", "Nordlys" as PERSON)."""
    firsts = org_short_forms(ents, lex, gazetteer)
    for word in _addressed(doc, ents, lex) & set(firsts):
        firsts.pop(word)  # "Mr. Trump" beside "Trump University": the man, not the school
    others: dict[str, int] = {}
    for e in ents:  # "London" of "London Stock Exchange" is a place where the article says so
        if e.text in firsts and e.label_ not in ("ORG", "PERSON"):
            others[e.text] = others.get(e.text, 0) + 1
            if e.label_ in ("GPE", "LOC") or others[e.text] >= 2:  # "Republican" of "Republican party"
                firsts.pop(e.text, None)
    if not firsts:
        return ents
    covered = {t.i: e for e in ents for t in e}
    out = list(ents)
    for t in doc:
        if t.text not in firsts or (t.tag_ not in ("NNP", "NNPS") and t.i not in covered):
            continue
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha and not is_headline_line(doc, t.i):
            continue  # "Huaxin Semiconductor": the start of a longer name
        e = covered.get(t.i)
        if e is None:
            if t.dep_ in ("compound", "amod") and t.head.i > t.i and not t.head.text[:1].isupper():
                continue  # "Caspian region": a modifier, not the organisation
            out.append(Span(doc, t.i, t.i + 1, label="ORG"))
        elif len(e) == 1 and e.label_ != "ORG" and not e.id_:
            out.remove(e)
            out.append(Span(doc, t.i, t.i + 1, label="ORG"))
    return out


def repeat_orgs(doc: Doc, ents: list[Span], gazetteer: Gazetteer, lex: Lexicon) -> list[Span]:
    """An ORG name the model tagged once is that ORG where the same words stand untagged as a proper noun:
    "Oil giant BP has announced ... BP added that it ..." (the model tagged the first "BP" only). Not a name
    the article also labels otherwise, nor one holding a word of a person's name, nor a gazetteer name; a name of
    one word not a title, a name head or a generic word, and tagged twice unless it is an acronym ("Souness" ORG
    once is a slip as often as a name; an acronym tagged once, "BP", spreads); not the start or end of a longer
    name, nor a modifier ("BP chief executive")."""
    people = {t.lower_ for e in ents if e.label_ == "PERSON" for t in e}
    labels: dict[str, set[str]] = {}
    tagged: dict[str, int] = {}
    for e in ents:
        labels.setdefault(e.text, set()).add(e.label_)
        tagged[e.text] = tagged.get(e.text, 0) + 1
    names: dict[str, list[tuple[str, ...]]] = {}
    for e in ents:
        words = tuple(t.text for t in e)
        if e.label_ != "ORG" or e.id_ or labels[e.text] != {"ORG"} or not all(w[:1].isupper() or not w.isalpha() for w in words):
            continue
        low = [w.lower() for w in words]
        if len(words) == 1 and (len(words[0]) < 2 or not words[0].isalpha() or doc.vocab[low[0]].is_stop
                                or low[0] in lex.generic or lex.is_title(low[0]) or low[0] in lex.heads):
            continue
        if len(words) == 1 and not words[0].isupper() and tagged[e.text] < 2:
            continue  # one word tagged once ("Souness" ORG): as likely a slip as a name; an acronym is a name
        if any(w in people for w in low) or gazetteer.lookup(e.text) is not None:
            continue
        if words not in names.setdefault(words[0], []):
            names[words[0]].append(words)
    if not names:
        return ents
    covered = {t.i for e in ents for t in e}
    out = list(ents)
    for t in doc:
        if t.text not in names or t.i in covered or t.tag_ not in ("NNP", "NNPS"):
            continue
        prev = doc[t.i - 1] if t.i > 0 else None
        if prev is not None and prev.text[:1].isupper() and prev.is_alpha \
                and not (sentence_initial(prev) and prev.is_stop and (prev.lower_ != "the" or t.is_upper)):
            continue  # the end of a longer name ("BridgeHead Software", "The Aviator"), not "Yet BP", "The ILO"
        for words in names[t.text]:
            end = t.i + len(words)
            if end > len(doc) or tuple(u.text for u in doc[t.i:end]) != words or any(i in covered for i in range(t.i, end)):
                continue
            nxt = doc[end] if end < len(doc) else None
            if nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha:
                continue  # the start of a longer name
            if len(words) == 1 and t.tag_ == "NNPS":
                continue  # "bad Bills": a plural is a common noun more often than a name
            last = doc[end - 1]
            if last.dep_ in ("compound", "amod") and last.head.i >= end and not last.head.text[:1].isupper():
                continue  # "BP chief executive": a modifier, not the organisation
            out.append(Span(doc, t.i, end, label="ORG"))
            covered.update(range(t.i, end))
            break
    return out
