"""Canonical entities within one article: which mentions name the same thing, and by what name.

Pure functions over the fixed `doc.ents`. A mention's canonical name comes, in order, from:

1. the gazetteer (`ent.id_`, set by `claimpipe_entity_fixes`): "U.S." -> "United States";
   a name of several words spelled once with and once without a plural "s" is the first spelling;
2. an acronym's definition in the article ("Steppe Resources Group (SRG)") or a longer name whose initials
   it spells: "SRG" -> "Steppe Resources Group";
3. a longer name of the same kind that it is part of: a PERSON's surname or first name ("Zhumangarin",
   "De Graaf"), an ORG's (or other name's) leading words or the name without its legal form ("Nordlys" ->
   "Nordlys Energi"), only when the longer name was read first ("BBC" ... "BBC Radio 4" stay two);
4. the same words in another case (a dateline "WASHINGTON" -> "Washington");
5. a PERSON's name with a middle initial, when the article spells only one such form ("Richard Burr" ->
   "Richard M. Burr").

The name chosen for a group is the longest proper form: no leading "the", no form of address, no company
legal form, not all capitals when another form exists; NORP plurals are singular ("Democrats" -> "Democrat").
One article uses one label per name: the label most of its mentions carry ("one sense per discourse").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Span

from .persons import COORDINATORS, address_gender, first_name_gender, is_initial
from .shapes import ACRONYM, CONNECTORS
from .gazetteer import Gazetteer, Lexicon

STOP_INITIALS = frozenset({"of", "and", "the", "for", "&", "de", "du", "des", "la", "le", "on", "in", "at"})
# Titles a first name alone follows as the whole name ("Prince Charles", "Queen Rania", "Sheikh Hamad").
SOVEREIGN_TITLES = frozenset({"king", "queen", "prince", "princess", "pope", "emperor", "empress", "sheikh", "emir",
                              "sultan", "duke", "duchess", "tsar", "czar", "shah"})
GENERATIONS = frozenset({"jr", "sr", "junior", "senior"})  # not II, III: "Pope John Paul II" is no Mr Paul
# Letters after a name: "Ian MacDonald QC" is Mr MacDonald (ninth round, from tune13).
POST_NOMINALS = frozenset({"qc", "kc", "mp", "mep", "msp", "obe", "mbe", "cbe", "kbe", "dbe", "frs", "phd"})
_IRREGULAR_PLURALS = {"tories": "Tory"}  # not "Torie" (seventh round, read on unseen BBC)
# Labels whose mentions may name one another by a shorter form.
SHORT_FORM_LABELS = frozenset({"PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})


@dataclass(slots=True)
class Resolved:
    """One mention's place in its article's entities."""

    ent: Span
    label: str
    name: str  # canonical
    kb_id: str = ""


def words_of(text: str) -> list[str]:
    return text.split()


def clean_name(text: str, label: str, lex: Lexicon) -> str:
    """A mention's own best name: no leading "the", form of address, possessive or (ORG) legal form."""
    words = words_of(text)
    while words and words[0].lower() in ("the", "a", "an") and len(words) > 1:
        words = words[1:]
    if label == "PERSON":
        while len(words) > 1 and lex.is_honorific(words[0]):
            words = words[1:]
        if _ends_in_generation(words):
            words[-1] = words[-1].rstrip(".,")  # "Hank Williams Jr." and "Hank Williams Jr" are one name
    if label == "ORG":
        while len(words) > 1 and lex.is_legal_suffix(words[-1]):
            words = words[:-1]
            while len(words) > 1 and words[-1] in ("&", "and", ",") or words[-1].endswith(","):
                words[-1] = words[-1].rstrip(",")
                if words[-1] in ("&", "and", ""):
                    words = words[:-1]
                else:
                    break
    return " ".join(words)


def singular_norp(text: str, tag: str) -> str:
    """ "Democrats" -> "Democrat" for a plural NORP the gazetteer does not know; "Tories" -> "Tory"."""
    if tag in ("NNPS", "NNS") and text.endswith("s") and not text.endswith("ss") and len(text) > 3:
        return _IRREGULAR_PLURALS.get(text.lower(), text[:-1])
    return text


def initials(name: str) -> str:
    return "".join(w[0] for w in words_of(name) if w.lower() not in STOP_INITIALS and w[:1].isalpha()).upper()


def is_acronym(text: str) -> bool:
    return bool(ACRONYM.match(text))


def _is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _ends_in_generation(words: list[str]) -> bool:
    """A name of three words or more ending in Jr, Sr ... ("Charles Evans Jr", "Hank Williams Jr.")."""
    return len(words) > 2 and words[-1].lower().rstrip(".,") in GENERATIONS


def _without_generation(words: list[str]) -> list[str]:
    """A person's name without a generational suffix or letters after it ("Charles Evans Jr" -> "Charles Evans",
    "Ian MacDonald QC" -> "Ian MacDonald")."""
    if _ends_in_generation(words) or (len(words) > 2 and words[-1].lower().strip(".,") in POST_NOMINALS):
        return words[:-1]
    return words


def _is_part(short: list[str], full: list[str], label: str) -> bool:
    """`short` names `full` by fewer words: a PERSON's trailing run or first word; an ORG's leading run."""
    if len(short) >= len(full):
        return False
    s, f = [w.lower() for w in short], [w.lower() for w in full]
    if label == "PERSON":
        core = _without_generation(f)  # "Evans" names "Charles Evans Jr", "MacDonald" "Ian MacDonald QC"
        return f[-len(s):] == s or (len(core) > len(s) and core[-len(s):] == s) or (len(s) == 1 and f[0] == s[0]) \
            or core == s  # "Ian MacDonald" names "Ian MacDonald QC" (from a review)
    if f[:len(s)] == s:
        return s[-1] not in CONNECTORS
    return False


def resolve(ents: list[Span], *, gazetteer: Gazetteer, lex: Lexicon) -> list[Resolved]:
    """The canonical label, name and kb_id of each of `ents` (all name-like, in document order)."""
    items = []
    for ent in ents:
        if ent.id_:
            entry = gazetteer.by_name.get((ent.label_, ent.id_))
            items.append(Resolved(ent, ent.label_, ent.id_, ent.kb_id_ or (entry.kb_id if entry else "")))
            continue
        name = clean_name(ent.text, ent.label_, lex)
        if ent.label_ == "NORP":
            name = singular_norp(name, ent[-1].tag_)
        elif ent.label_ == "PERSON" and len(words_of(name)) == 1 and _after_a_sovereign_title(ent):
            name = f"{ent.doc[ent.start - 1].text.capitalize()} {name}"  # "Prince Charles": no first name of another's
        items.append(Resolved(ent, ent.label_, name))
    _one_label_per_name(items)
    free = [r for r in items if not r.ent.id_]
    _merge_inflections(free)
    _resolve_acronyms(free, items, lex)
    _merge_middle_initials(free)
    _resolve_short_forms(free)
    _resolve_case(free)
    return items


def _one_label_per_name(items: list[Resolved]) -> None:
    by_name: dict[str, list[Resolved]] = {}
    for r in items:
        if not r.ent.id_:
            by_name.setdefault(r.name.lower(), []).append(r)
    for group in by_name.values():
        labels = Counter(r.label for r in group)
        if len(labels) > 1:
            best = max(labels, key=lambda lab: (labels[lab], -next(i for i, r in enumerate(group) if r.label == lab)))
            for r in group:
                r.label = best


def _merge_inflections(free: list[Resolved]) -> None:
    """Names of several words that differ only by a plural "s" are one name, the first one used
    ("Disasters Emergency Committee" ... "Disaster Emergency Committee")."""
    first: dict[tuple, str] = {}
    for r in free:
        words = words_of(r.name)
        if len(words) < 2 or r.label == "PERSON":
            continue
        key = (r.label, *(_singular(w.lower()) for w in words))
        r.name = first.setdefault(key, r.name)


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _resolve_acronyms(free: list[Resolved], items: list[Resolved], lex: Lexicon) -> None:
    defined: dict[str, Resolved] = {}
    doc = items[0].ent.doc if items else None
    for r in items:  # "Long Name (ACR)"
        e = r.ent
        if doc is not None and e.end + 2 < len(doc) + 1 and e.end + 2 <= len(doc) - 0:
            if e.end + 2 < len(doc) and doc[e.end].text == "(" and doc[e.end + 2].text == ")":
                acr = doc[e.end + 1].text
                if is_acronym(acr) and not is_acronym(r.name):
                    defined.setdefault(acr.replace(".", ""), r)
    longer = [r for r in items if len(words_of(r.name)) > 1 and r.label != "PERSON"]
    spelled = {id(x): {initials(x.name), initials(clean_name(x.ent.text, "", lex))} for x in longer}
    for r in free:
        if not is_acronym(r.ent.text):
            continue
        key = r.ent.text.replace(".", "")
        target = defined.get(key)
        if target is None:
            matches = {(x.label, x.name) for x in longer if key in spelled[id(x)]}
            if len(matches) == 1:
                label, name = matches.pop()
                target = next(x for x in longer if (x.label, x.name) == (label, name))
        if target is not None:
            r.label, r.name, r.kb_id = target.label, target.name, target.kb_id


def without_middle_initials(name: str) -> tuple[str, ...]:
    """A person's name without the initials between its first and last word, lower-cased:
    "Richard M. Burr" -> ("richard", "burr"); "J. K. Rowling" keeps its first initial."""
    words = words_of(name)
    keep = [w for k, w in enumerate(words) if k in (0, len(words) - 1) or not is_initial(w)]
    return tuple(w.lower() for w in keep)


def _merge_middle_initials(free: list[Resolved]) -> None:
    """ "Richard Burr" and "Richard M. Burr" are one person, named with the initial. Only when the article
    spells one initialled form: with "George W. Bush" and "George H. W. Bush", "George Bush" stays apart."""
    groups: dict[tuple[str, ...], set[str]] = {}
    for r in free:
        if r.label == "PERSON" and len(words_of(r.name)) > 1:
            groups.setdefault(without_middle_initials(r.name), set()).add(r.name)
    target = {}
    for names in groups.values():
        initialled = {n for n in names if tuple(w.lower() for w in words_of(n)) != without_middle_initials(n)}
        if len(initialled) == 1 and len(names) > 1:
            target.update(dict.fromkeys(names, initialled.pop()))
    for r in free:
        if r.label == "PERSON" and r.name in target:
            r.name = target[r.name]


def _longer_names(r: Resolved, fulls: list[Resolved], by_first_name: frozenset[str] = frozenset(),
                  first_at: dict[tuple[str, str], int] | None = None) -> set[str]:
    """The longer names `r` is a short form of. A bare PERSON word is read as a surname before a first
    name ("Clinton" beside "Hillary Clinton" and the model's "Clinton Plan"). `by_first_name`: the lone
    words the article names persons by (see `_kept_for_the_first`); `first_at`: where each (label, name)
    is first mentioned (token index)."""
    short = words_of(r.name)
    found = [f for f in fulls if f is not r and f.label == r.label and f.name != r.name
             and _is_part(short, words_of(f.name), r.label)]
    if r.label == "PERSON" and len(short) == 1:
        by_surname = [f for f in found if _without_generation(words_of(f.name))[-1].lower() == short[0].lower()]
        found = by_surname or found
        found = _kept_for_the_first(found, by_first_name)
    elif r.label != "PERSON":
        # an organisation's leading words name it once the article has introduced it ("Nordlys Energi ...
        # Nordlys"); a name that comes first is its own ("BBC" ... "BBC Radio 4", "Fiat" ... "Fiat
        # Powertrain", "Senate" ... "Senate Armed Services Committee")
        first = (first_at or {}).get((r.label, r.name), r.ent.start)
        found = [f for f in found if f.ent.start < first]
    names = {f.name for f in found}
    if r.label != "PERSON" and len(names) > 1 and _nested(names, r.label):
        # "Goldman Sachs" read first, "Goldman Sachs Foundation" kept apart from it: "Goldman" is the first
        return {min(found, key=lambda f: f.ent.start).name}
    # "Hillary Clinton" inside "Crooked Hillary Clinton" is one candidate, the longer
    return {n for n in names if not any(m != n and _is_part(words_of(n), words_of(m), r.label) for m in names)}


def _after_a_sovereign_title(ent: Span) -> bool:
    """ "Prince Charles", "King Abdullah": a royal's name is the title and the name, not the first name of someone
    the article names in full ("Charles Kennedy"); a bare "Charles" then reads as his surname-like last word."""
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ in SOVEREIGN_TITLES


def _nested(names: set[str], label: str) -> bool:
    """Each of `names` is part of the longest of them ("Goldman Sachs", "Goldman Sachs Foundation")."""
    longest = max(names, key=lambda n: len(words_of(n)))
    return all(n == longest or _is_part(words_of(n), words_of(longest), label) for n in names)


def _kept_for_the_first(found: list[Resolved], by_first_name: frozenset[str]) -> list[Resolved]:
    """Relatives who share a surname ("Ted Cruz", "Heidi Cruz", "Rafael Cruz"): when the article calls
    each of them but the first one it named by first name alone ("Heidi", "Rafael"), a bare surname is that
    first one, as news style keeps it ("Cruz"). Otherwise (the first one is also called by first name,
    or a relative never is, or a first word is no clear first name) which one a bare surname names stays
    unclear. `found` is in first-seen order."""
    names = list(dict.fromkeys(f.name for f in found))
    if len(names) < 2 or words_of(names[0])[0].lower() in by_first_name \
            or any(first_name_gender(words_of(name)[0]) is None for name in names):
        return found  # and only for persons' names: "Patriot Coal", "Sell Coal" are no family
    if all(words_of(name)[0].lower() in by_first_name for name in names[1:]):
        return [f for f in found if f.name == names[0]]
    return found


def _shares_the_next_surname(ent: Span) -> bool:
    """ "Mike and Bob Bryan": a lone first name coordinated with the person named next, whose surname it
    may share; it is no first name used alone to tell relatives apart."""
    doc = ent.doc
    return ent.end + 1 < len(doc) and doc[ent.end].lower_ in COORDINATORS | {"or"} \
        and doc[ent.end + 1].ent_type_ == "PERSON"


def _addressed_otherwise(free: list[Resolved], fulls: list[Resolved],
                         by_first_name: frozenset[str] = frozenset()) -> set[str]:
    """Bare surnames that a form of address gives another gender than the full name they would join:
    "Mr. Obama" beside "Michelle Obama" is another Obama, so no bare "Obama" joins her (which one is unclear)."""
    out = set()
    asked: set[tuple[str, str]] = set()  # (name, gender) looked up once: a long article repeats "Mr X"
    for r in free:
        said = address_gender(r.ent) if r.label == "PERSON" and len(words_of(r.name)) == 1 else None
        if said is None or (r.name, said) in asked:
            continue
        asked.add((r.name, said))
        for name in _longer_names(r, fulls, by_first_name):
            gender = first_name_gender(words_of(name)[0])
            if gender is not None and gender != said:
                out.add(r.name.lower())
    return out


def _resolve_short_forms(free: list[Resolved]) -> None:
    """A short form takes the one longer name it is part of; with two (two Smiths) which one is unclear,
    so it stays its own entity. A second pass carries a name on to a longer one ("Nordlys" ->
    "Nordlys Energi" -> "Nordlys Energi Group").

    The answer depends on a mention's name and label and on the distinct full names, not on each full
    mention: it is looked up once per name among one representative per full name, and computed again
    only after a full name changed (a long article has thousands of mentions and a few dozen names)."""
    fulls = [r for r in free if r.label in SHORT_FORM_LABELS and len(words_of(r.name)) > 1]
    full_ids = {id(r) for r in fulls}
    by_first_name = frozenset(r.name.lower() for r in free if r.label == "PERSON" and len(words_of(r.name)) == 1
                              and not _shares_the_next_surname(r.ent))
    other_person = _addressed_otherwise(free, _distinct(fulls), by_first_name)
    first_at: dict[tuple[str, str], int] = {}
    for r in free:
        first_at.setdefault((r.label, r.name), r.ent.start)
    for _ in range(2):
        names_of: dict[tuple[str, str], set[str]] = {}
        distinct = _distinct(fulls)
        for r in free:
            if r.label not in SHORT_FORM_LABELS or r.label == "PERSON" and r.name.lower() in other_person:
                continue
            key = (r.name, r.label)
            if key not in names_of:
                names_of[key] = _longer_names(r, distinct, by_first_name, first_at)
            names = names_of[key]
            if len(names) == 1:
                (name,) = names
                if id(r) in full_ids and r.name != name:  # a full name changed: the answers may too
                    names_of.clear()
                    r.name = name
                    distinct = _distinct(fulls)
                else:
                    r.name = name


def _distinct(fulls: list[Resolved]) -> list[Resolved]:
    """One full mention per (label, name), in first-seen order."""
    seen: dict[tuple[str, str], Resolved] = {}
    for f in fulls:
        seen.setdefault((f.label, f.name), f)
    return list(seen.values())


def _resolve_case(free: list[Resolved]) -> None:
    forms: dict[str, list[Resolved]] = {}
    for r in free:
        forms.setdefault(r.name.lower(), []).append(r)
    for group in forms.values():
        proper = [r.name for r in group if not _is_all_caps(r.name)]
        if proper and len(proper) < len(group):
            for r in group:
                r.name = proper[0]
        elif not proper and all(r.label == "GPE" for r in group) and len(group[0].name) > 3:
            for r in group:  # an all-caps dateline with no other form: "ASTANA" -> "Astana"
                r.name = r.name.title()
