"""The resolver leaves a reference as written unless one entity is clearly the one meant.

Hand-built parses (`doc_from_table`), so the expected outputs do not drift with the model. The margins
are those of the shipped lexicon ([resolution.abstain]); see docs/claims.md for how they were chosen.
"""

from __future__ import annotations

import dataclasses

import pytest
import spacy

from claimpipe.claims import Resolver, entities_from_doc
from claimpipe.claims.lexicon import load_lexicon
from claimpipe.claims.testing import doc_from_table
from claimpipe.entities.persons import first_names

VOCAB = spacy.blank("en").vocab

# "The award went to John Smith and Peter Jones. He thanked the jury."
TWO_MEN_ALIKE = """
The the DET DT det 1 O 1
award award NOUN NN nsubj 2 O 1
went go VERB VBD ROOT 2 O 1
to to ADP IN prep 2 O 1
John John PROPN NNP compound 5 B-PERSON 1
Smith Smith PROPN NNP pobj 3 I-PERSON 1
and and CCONJ CC cc 5 O 1
Peter Peter PROPN NNP compound 8 B-PERSON 1
Jones Jones PROPN NNP conj 5 I-PERSON 0
. . PUNCT . punct 2 O 1
He he PRON PRP nsubj 11 O 1
thanked thank VERB VBD ROOT 11 O 1
the the DET DT det 13 O 1
jury jury NOUN NN dobj 11 O 0
. . PUNCT . punct 11 O 0
"""

# "The award went to John Smith and Mary Jones. She thanked the jury."
A_MAN_AND_A_WOMAN = TWO_MEN_ALIKE.replace("Peter Peter", "Mary Mary").replace("He he", "She she")

# "Acme hired Kerry Smith. It thanked the jury." ("Kerry": no clear gender in the names table)
IT_BESIDE_A_PERSON = """
Acme Acme PROPN NNP nsubj 1 B-ORG 1
hired hire VERB VBD ROOT 1 O 1
Kerry Kerry PROPN NNP compound 3 B-PERSON 1
Smith Smith PROPN NNP dobj 1 I-PERSON 0
. . PUNCT . punct 1 O 1
It it PRON PRP nsubj 6 O 1
thanked thank VERB VBD ROOT 6 O 1
the the DET DT det 8 O 1
jury jury NOUN NN dobj 6 O 0
. . PUNCT . punct 6 O 0
"""

# "The jury praised Kerry Smith. Later, she thanked the jury." (alone, of unknown gender, not a subject)
ALONE_UNKNOWN_GENDER = """
The the DET DT det 1 O 1
jury jury NOUN NN nsubj 2 O 1
praised praise VERB VBD ROOT 2 O 1
Kerry Kerry PROPN NNP compound 4 B-PERSON 1
Smith Smith PROPN NNP dobj 2 I-PERSON 0
. . PUNCT . punct 2 O 1
Later later ADV RB advmod 9 O 0
, , PUNCT , punct 9 O 1
she she PRON PRP nsubj 9 O 1
thanked thank VERB VBD ROOT 9 O 1
the the DET DT det 11 O 1
jury jury NOUN NN dobj 9 O 0
. . PUNCT . punct 9 O 0
"""


def _resolved(table: str) -> list[tuple[str, str]]:
    doc = doc_from_table(VOCAB, table)
    mentions, entities = entities_from_doc(doc, doc_id="d")
    resolver = Resolver(doc, mentions, entities)
    return [(doc[i].text, resolver.name(eid)) for i, eid in sorted(resolver.picks().items())]


@pytest.mark.parametrize(
    "table,expected",
    [
        (TWO_MEN_ALIKE, []),  # two men, neither more salient: "He" stays
        (A_MAN_AND_A_WOMAN, [("She", "Mary Jones")]),  # the first names leave one candidate
        (IT_BESIDE_A_PERSON, []),  # never the person; the one named thing alone is not enough for "it"
        # alone, not a subject, gender unknown: the rules pick it (the calibrated floor then judges it; seventh round)
        (ALONE_UNKNOWN_GENDER, [("she", "Kerry Smith")]),
        (ALONE_UNKNOWN_GENDER.replace("Kerry Kerry", "Helen Helen"), [("she", "Helen Smith")]),  # gender agrees
        (ALONE_UNKNOWN_GENDER.replace("Kerry Kerry", "Peter Peter"), []),  # a man: never "she"
    ],
    ids=["two-alike", "gender-separates", "it-not-a-person", "alone-unknown", "alone-agrees", "alone-disagrees"],
)
def test_claims_abstain(table, expected):
    assert _resolved(table) == expected


def test_claims_abstain_alone_needs_gender_when_asked():
    # [resolution.abstain] person_alone_needs_gender = true: the rule the calibrated floor replaced
    doc = doc_from_table(VOCAB, ALONE_UNKNOWN_GENDER)
    mentions, entities = entities_from_doc(doc, doc_id="d")
    lexicon = load_lexicon()
    strict = dataclasses.replace(lexicon, abstain={**lexicon.abstain, "person_alone_needs_gender": True})
    assert Resolver(doc, mentions, entities, lexicon=strict).picks() == {}
    assert Resolver(doc, mentions, entities, lexicon=lexicon).picks() != {}


def test_claims_abstain_it_never_takes_a_lone_person():
    table = IT_BESIDE_A_PERSON.replace("Acme Acme PROPN NNP nsubj 1 B-ORG 1", "Acme Acme PROPN NNP nsubj 1 O 1")
    assert _resolved(table) == []


def test_claims_abstain_first_names_are_clear_ones_only():
    names = first_names()
    assert (names["donald"], names["hillary"], names["andy"]) == ("m", "f", "m")
    assert "kim" not in names and "kerry" not in names  # unclear names give no gender
    # a rarer name needs a clearer share: Barack (359 records, 0.3% women) in; Bernie (15% women) out
    assert names["barack"] == "m" and "bernie" not in names


# "Mr Smith visited Brooklyn. The nation watched." : a city is not "the nation"
NATION_AND_A_CITY = """
Smith Smith PROPN NNP nsubj 1 B-PERSON 1
visited visit VERB VBD ROOT 1 O 1
Brooklyn Brooklyn PROPN NNP dobj 1 B-GPE 0
. . PUNCT . punct 1 O 1
The the DET DT det 5 O 1
nation nation NOUN NN nsubj 6 O 1
watched watch VERB VBD ROOT 6 O 0
. . PUNCT . punct 6 O 0
"""

# "Ann Lee, the minister, met Tom Hale. The minister spoke." : described with that noun, and ahead of Hale
DESCRIBED_MINISTER = """
Ann Ann PROPN NNP compound 1 B-PERSON 1
Lee Lee PROPN NNP nsubj 6 I-PERSON 0
, , PUNCT , punct 1 O 1
the the DET DT det 4 O 1
minister minister NOUN NN appos 1 O 0
, , PUNCT , punct 1 O 1
met meet VERB VBD ROOT 6 O 1
Tom Tom PROPN NNP compound 8 B-PERSON 1
Hale Hale PROPN NNP dobj 6 I-PERSON 0
. . PUNCT . punct 6 O 1
The the DET DT det 11 O 1
minister minister NOUN NN nsubj 12 O 1
spoke speak VERB VBD ROOT 12 O 0
. . PUNCT . punct 12 O 0
"""


@pytest.mark.parametrize(
    "table,expected",
    [
        (NATION_AND_A_CITY, []),
        (DESCRIBED_MINISTER, [("minister", "Ann Lee")]),
        (DESCRIBED_MINISTER.replace("minister minister NOUN NN appos", "leader leader NOUN NN appos"), []),
    ],
    ids=["nation-not-a-city", "described-person", "undescribed-person"],
)
def test_claims_abstain_descriptions(table, expected):
    assert _resolved(table) == expected


# "Frankfurt's state of Hessen objected." : the state of Hessen is not Frankfurt acting
STATE_OF = """
Frankfurt Frankfurt PROPN NNP poss 2 B-GPE 0
's 's PART POS case 0 O 1
state state NOUN NN nsubj 5 O 1
of of ADP IN prep 2 O 1
Hessen Hessen PROPN NNP pobj 3 B-GPE 1
objected object VERB VBD ROOT 5 O 0
. . PUNCT . punct 5 O 0
"""


def test_claims_abstain_an_institution_of_another_place_is_not_the_owner():
    assert _resolved(STATE_OF) == []
    assert _resolved(STATE_OF.replace("of of ADP IN prep 2 O 1\nHessen Hessen PROPN NNP pobj 3 B-GPE 1\n", "")
                     .replace("objected object VERB VBD ROOT 5", "objected object VERB VBD ROOT 3")
                     .replace("state state NOUN NN nsubj 5", "state state NOUN NN nsubj 3")
                     .replace(". . PUNCT . punct 5", ". . PUNCT . punct 3")) == [("state", "Frankfurt")]


def _named_then(name: str, label: str, description: str) -> str:
    """ "<name> grew. <description> fell.": one name (one or two words), then a definite description whose
    words are "word/POS/dep" or "word/POS/dep/IOB" (the head last)."""
    words = name.split()
    rows = []
    for k, w in enumerate(words):
        iob = ("B-" if k == 0 else "I-") + label
        dep, head = ("compound", len(words) - 1) if k < len(words) - 1 else ("nsubj", len(words))
        rows.append(f"{w} {w} PROPN NNP {dep} {head} {iob} 1")
    n = len(words)
    rows += [f"grew grow VERB VBD ROOT {n} O 0", f". . PUNCT . punct {n} O 1"]
    parts = [p.split("/") for p in description.split()]
    start = n + 2
    head = start + len(parts) - 1
    for k, (w, pos, dep, *iob) in enumerate(parts):
        tag = {"DET": "DT", "ADJ": "JJ", "PROPN": "NNP", "NOUN": "NN"}[pos]
        rows.append(f"{w} {w.lower()} {pos} {tag} {dep} {head + 1 if k == len(parts) - 1 else head} {iob[0] if iob else 'O'} 1")
    rows += [f"fell fall VERB VBD ROOT {head + 1} O 0", f". . PUNCT . punct {head + 1} O 0"]
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize("name, label, description, expected", [
    # a kind of organisation the label does not tell: only one the article called so
    ("Acme Bank", "ORG", "The/DET/det club/NOUN/nsubj", []),
    ("Acme Bank", "ORG", "The/DET/det company/NOUN/nsubj", [("company", "Acme Bank")]),
    # "the state": a country or a federal country's state, not a city
    ("Ohio", "GPE", "The/DET/det state/NOUN/nsubj", [("state", "Ohio")]),
    ("Phoenix", "GPE", "The/DET/det state/NOUN/nsubj", []),
    # "the party": a nation's group or a name with "Party" in it, not any organisation
    ("Reform Party", "ORG", "The/DET/det party/NOUN/nsubj", [("party", "Reform Party")]),
    ("NHS", "ORG", "The/DET/det party/NOUN/nsubj", []),
    # a name the model did not tag makes a new referent
    ("Acme Bank", "ORG", "The/DET/det Fathers/PROPN/compound group/NOUN/nsubj", []),
    ("Phoenix", "GPE", "The/DET/det capital/NOUN/nsubj", [("capital", "Phoenix")]),
    # a capitalised head after a capitalised word is a name ("the Islamic State")
    ("Russia", "GPE", "The/DET/det Islamic/ADJ/amod State/PROPN/nsubj", []),
    # "the ministry" is no description (a ministry's own name may still be repeated by its head)
    ("Acme Bank", "ORG", "The/DET/det ministry/NOUN/nsubj", []),
])
def test_claims_abstain_descriptions_of_a_kind(name, label, description, expected):
    assert _resolved(_named_then(name, label, description)) == expected


# "Canada grew. Thai officials said the country mourned." : the demonym evokes a country the article never
# names, nearer than Canada; and "the Thai capital" is in Thailand, which no city here is known to be
COUNTRY_EVOKED = """
Canada Canada PROPN NNP nsubj 1 B-GPE 1
grew grow VERB VBD ROOT 1 O 0
. . PUNCT . punct 1 O 1
Thai Thai ADJ JJ amod 4 B-NORP 1
officials official NOUN NNS nsubj 5 O 1
said say VERB VBD ROOT 5 O 1
the the DET DT det 7 O 1
country country NOUN NN nsubj 8 O 1
mourned mourn VERB VBD ccomp 5 O 0
. . PUNCT . punct 5 O 0
"""


# "Canada grew. The Thai capital mourned." : a demonym on the place noun itself
THAI_CAPITAL = """
Canada Canada PROPN NNP nsubj 1 B-GPE 1
grew grow VERB VBD ROOT 1 O 0
. . PUNCT . punct 1 O 1
The the DET DT det 5 O 1
Thai Thai ADJ JJ amod 5 B-NORP 1
capital capital NOUN NN nsubj 6 O 1
mourned mourn VERB VBD ROOT 6 O 0
. . PUNCT . punct 6 O 0
"""


@pytest.mark.parametrize("table, expected", [
    (THAI_CAPITAL, []),
    (THAI_CAPITAL.replace("Thai Thai ADJ JJ amod 5 B-NORP", "old old ADJ JJ amod 5 O"), [("capital", "Canada")]),
    (COUNTRY_EVOKED, []),
    (COUNTRY_EVOKED.replace("Thai Thai ADJ JJ amod 4 B-NORP", "Local local ADJ JJ amod 4 O"), [("country", "Canada")]),
    (COUNTRY_EVOKED.replace("country country NOUN NN", "capital capital NOUN NN"), []),
], ids=["thai-capital", "old-capital", "demonym-nearer", "no-demonym", "capital-after-demonym"])
def test_claims_abstain_a_demonym_evokes_its_own_country(table, expected):
    assert _resolved(table) == expected  # the test entities carry the gazetteer's codes (CAN, THA)


def test_claims_abstain_the_current_state_is_a_condition():
    assert _resolved(_named_then("Japan", "GPE", "The/DET/det current/ADJ/amod state/NOUN/nsubj")) == []
    assert _resolved(_named_then("Japan", "GPE", "The/DET/det state/NOUN/nsubj")) == [("state", "Japan")]


# "Ann Lee spoke. Kerry Smith left. Fans cheered her." : the nearer candidate's gender is unknown, Ann's agrees
UNKNOWN_GENDER_AHEAD = """
Ann Ann PROPN NNP compound 1 B-PERSON 1
Lee Lee PROPN NNP nsubj 2 I-PERSON 1
spoke speak VERB VBD ROOT 2 O 0
. . PUNCT . punct 2 O 1
Kerry Kerry PROPN NNP compound 5 B-PERSON 1
Smith Smith PROPN NNP nsubj 6 I-PERSON 1
left leave VERB VBD ROOT 6 O 0
. . PUNCT . punct 6 O 1
Fans fan NOUN NNS nsubj 9 O 1
cheered cheer VERB VBD ROOT 9 O 1
her she PRON PRP dobj 9 O 0
. . PUNCT . punct 9 O 0
"""


def test_claims_abstain_unknown_gender_ahead_yields_unless_told_not_to():
    # [resolution.abstain] unknown_gender_yields = true (shipped): left as written; false: the rules pick the nearer
    # one and the calibrated floor judges it (tried in the eighth round: better on tune, worse on held-out)
    doc = doc_from_table(VOCAB, UNKNOWN_GENDER_AHEAD)
    mentions, entities = entities_from_doc(doc, doc_id="d")
    lexicon = load_lexicon()
    assert Resolver(doc, mentions, entities, lexicon=lexicon).picks() == {}
    loose = dataclasses.replace(lexicon, abstain={**lexicon.abstain, "unknown_gender_yields": False})
    resolver = Resolver(doc, mentions, entities, lexicon=loose)
    assert {doc[i].text: resolver.name(eid) for i, eid in resolver.picks().items()} == {"her": "Kerry Smith"}


# "Acme grew. Acme's Treasury spokesman spoke." : the spokesman speaks for Acme, but the words stay; a person of the
# party is no party (tenth round, from tune's politics/338: "The Lib Dems' Treasury spokesman" was "Liberal Democrats")
INSTITUTION_SPOKESMAN = """
Acme Acme PROPN NNP nsubj 1 B-ORG 1
grew grow VERB VBD ROOT 1 O 0
. . PUNCT . punct 1 O 1
Acme Acme PROPN NNP poss 6 B-ORG 0
's 's PART POS case 3 O 1
Treasury Treasury PROPN NNP compound 6 O 1
spokesman spokesman NOUN NN nsubj 7 O 1
spoke speak VERB VBD ROOT 7 O 0
. . PUNCT . punct 7 O 0
"""


def test_claims_abstain_an_institution_is_its_owner_but_is_not_rewritten():
    doc = doc_from_table(VOCAB, INSTITUTION_SPOKESMAN)
    mentions, entities = entities_from_doc(doc, doc_id="d")
    resolver = Resolver(doc, mentions, entities)
    assert [(doc[i].text, resolver.name(eid)) for i, eid in sorted(resolver.picks().items())] == [("spokesman", "Acme")]
    assert resolver.replacements(0, len(doc.text)) == []
