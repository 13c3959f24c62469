"""Within-article resolution on its own (`claimpipe.claims.resolve`), on hand-built parses.

Each case lists every pronoun or description the resolver resolves, with the entity's name, so a
case also shows what is deliberately left alone.
"""

from __future__ import annotations

import pytest
import spacy

import dataclasses

from claimpipe.claims import Resolver, entities_from_doc, find_attributions
from claimpipe.claims.lexicon import load_lexicon
from claimpipe.claims.testing import doc_from_table

# The rule tests below pin which candidates each rule allows; the abstention margins, which then decide
# whether the best of them is clear enough to write in, are tested on their own (test_claims_abstain.py).
NO_ABSTAIN = dataclasses.replace(load_lexicon(), abstain={})

VOCAB = spacy.blank("en").vocab

APPOSITION_DESCRIBES = """
Eurasian Eurasian PROPN NNP compound 2 B-ORG 1
Resources Resources PROPN NNP compound 2 I-ORG 1
Group Group PROPN NNP nsubj 8 I-ORG 0
, , PUNCT , punct 2 O 1
a a DET DT det 6 O 1
Kazakh Kazakh PROPN NNP compound 6 B-ORG 1
company company NOUN NN appos 2 O 0
, , PUNCT , punct 2 O 1
lost lose VERB VBD ROOT 8 O 1
sales sale NOUN NNS dobj 8 O 1
in in ADP IN prep 8 O 1
Russia Russia PROPN NNP pobj 10 B-GPE 0
. . PUNCT . punct 8 O 1
The the DET DT det 14 O 1
company company NOUN NN nsubj 15 O 1
said say VERB VBD ROOT 15 O 1
its its PRON PRP$ poss 17 O 1
exports export NOUN NNS nsubj 18 O 1
fell fall VERB VBD ccomp 15 O 0
. . PUNCT . punct 15 O 0
"""
SUBJECT_OVER_RECENCY = """
Kazakhstan Kazakhstan PROPN NNP nsubj 1 B-GPE 1
borders border VERB VBZ ROOT 1 O 1
Russia Russia PROPN NNP dobj 1 B-GPE 0
. . PUNCT . punct 1 O 1
The the DET DT det 5 O 1
state state NOUN NN nsubj 6 O 1
is be AUX VBZ ROOT 6 O 1
large large ADJ JJ acomp 6 O 0
. . PUNCT . punct 6 O 0
"""
PERSON_PRONOUN = """
Jane Jane PROPN NNP compound 1 B-PERSON 1
Smith Smith PROPN NNP nsubj 2 I-PERSON 1
met meet VERB VBD ROOT 2 O 1
Bob Bob PROPN NNP compound 4 B-PERSON 1
Jones Jones PROPN NNP dobj 2 I-PERSON 0
. . PUNCT . punct 2 O 1
She she PRON PRP nsubj 7 O 1
said say VERB VBD ROOT 7 O 1
prices price NOUN NNS nsubj 9 O 1
rose rise VERB VBD ccomp 7 O 0
. . PUNCT . punct 7 O 0
"""
THEY_AFTER_PLURAL = """
Apple Apple PROPN NNP nsubj 1 B-ORG 1
sued sue VERB VBD ROOT 1 O 1
the the DET DT det 3 O 1
regulators regulator NOUN NNS dobj 1 O 1
because because SCONJ IN mark 6 O 1
they they PRON PRP nsubj 6 O 1
ignored ignore VERB VBD advcl 1 O 1
its its PRON PRP$ poss 8 O 1
appeal appeal NOUN NN dobj 6 O 0
. . PUNCT . punct 1 O 0
"""
RELATIVE_CLAUSE = """
One one NUM CD nummod 1 O 1
example example NOUN NN nsubj 2 O 1
is be AUX VBZ ROOT 2 O 1
Eurasian Eurasian PROPN NNP compound 5 B-ORG 1
Resources Resources PROPN NNPS compound 5 I-ORG 1
Group Group PROPN NNP attr 2 I-ORG 0
, , PUNCT , punct 5 O 1
a a DET DT det 9 O 1
Kazakh Kazakh PROPN NNP compound 9 B-ORG 1
company company NOUN NN appos 5 O 1
that that PRON WDT nsubj 11 O 1
lost lose VERB VBD relcl 9 O 1
its its PRON PRP$ poss 13 O 1
exports export NOUN NNS dobj 11 O 0
. . PUNCT . punct 2 O 0
"""
INSTITUTION = """
Kazakhstan Kazakhstan PROPN NNP poss 2 B-GPE 0
's 's PART POS case 0 O 1
government government NOUN NN nsubj 3 O 1
said say VERB VBD ROOT 3 O 1
prices price NOUN NNS nsubj 5 O 1
rose rise VERB VBD ccomp 3 O 0
. . PUNCT . punct 3 O 0
"""
PLEONASTIC = """
Kazakhstan Kazakhstan PROPN NNP nsubj 1 B-GPE 1
made make VERB VBD ROOT 1 O 1
it it PRON PRP nsubj 3 O 1
clear clear ADJ JJ ccomp 1 O 1
that that SCONJ IN mark 7 O 1
it it PRON PRP nsubj 7 O 1
would would AUX MD aux 7 O 1
act act VERB VB advcl 3 O 0
. . PUNCT . punct 1 O 0
"""
NON_ANAPHORIC = """
Kazakhstan Kazakhstan PROPN NNP nsubj 1 B-GPE 1
traded trade VERB VBD ROOT 1 O 1
with with ADP IN prep 1 O 1
Russia Russia PROPN NNP pobj 2 B-GPE 0
. . PUNCT . punct 1 O 1
The the DET DT det 7 O 1
broader broad ADJ JJR amod 7 O 1
country country NOUN NN nsubj 8 O 1
grew grow VERB VBD ROOT 8 O 0
. . PUNCT . punct 8 O 0
"""
ROLE = """
Serik Serik PROPN NNP compound 1 B-PERSON 1
Zhumangarin Zhumangarin PROPN NNP nsubj 2 I-PERSON 1
is be AUX VBZ ROOT 2 O 1
the the DET DT det 5 O 1
trade trade NOUN NN compound 5 O 1
minister minister NOUN NN attr 2 O 0
. . PUNCT . punct 2 O 1
The the DET DT det 8 O 1
minister minister NOUN NN nsubj 9 O 1
said say VERB VBD ROOT 9 O 1
his his PRON PRP$ poss 11 O 1
ministry ministry NOUN NN nsubj 13 O 1
would would AUX MD aux 13 O 1
act act VERB VB ccomp 9 O 0
. . PUNCT . punct 9 O 0
"""
PLEONASTIC_PASSIVE = """
DEC DEC PROPN NNP nsubj 1 B-ORG 1
spoke speak VERB VBD ROOT 1 O 0
. . PUNCT . punct 1 O 1
It it PRON PRP nsubjpass 5 O 1
is be AUX VBZ auxpass 5 O 1
thought think VERB VBN ROOT 5 O 1
that that SCONJ IN mark 9 O 1
the the DET DT det 8 O 1
site site NOUN NN nsubj 9 O 1
runs run VERB VBZ ccomp 5 O 1
from from ADP IN prep 9 O 1
Romania Romania PROPN NNP pobj 10 B-GPE 0
. . PUNCT . punct 5 O 0
"""
OWN_SUBJECT = """
Microsoft Microsoft PROPN NNP nsubj 1 B-ORG 1
owns own VERB VBZ ROOT 1 O 1
Bungie Bungie PROPN NNP dobj 1 B-ORG 0
. . PUNCT . punct 1 O 1
Bungie Bungie PROPN NNP nsubj 5 B-ORG 1
hopes hope VERB VBZ ROOT 5 O 1
it it PRON PRP nsubj 7 O 1
got get VERB VBD ccomp 5 O 1
it it PRON PRP dobj 7 O 1
right right ADV RB advmod 7 O 0
. . PUNCT . punct 5 O 0
"""
PREPOSITION_OBJECT = """
Halo Halo PROPN NNP nsubj 1 B-PRODUCT 1
had have VERB VBD ROOT 1 O 1
a a DET DT det 3 O 1
depth depth NOUN NN dobj 1 O 1
to to ADP IN prep 3 O 1
it it PRON PRP pobj 4 O 0
. . PUNCT . punct 1 O 0
"""
PERSON_OBJECT = """
Smith Smith PROPN NNP nsubj 1 B-PERSON 1
met meet VERB VBD ROOT 1 O 1
Jones Jones PROPN NNP dobj 1 B-PERSON 0
. . PUNCT . punct 1 O 1
He he PRON PRP nsubj 5 O 1
criticised criticise VERB VBD ROOT 5 O 1
him he PRON PRP dobj 5 O 0
. . PUNCT . punct 5 O 0
"""
OBJECT_PRONOUN = """
Mr Mr PROPN NNP compound 1 O 1
Trump Trump PROPN NNP nsubj 2 B-PERSON 1
met meet VERB VBD ROOT 2 O 1
Mrs Mrs PROPN NNP compound 4 O 1
Clinton Clinton PROPN NNP dobj 2 B-PERSON 0
. . PUNCT . punct 2 O 1
He he PRON PRP nsubj 7 O 1
criticised criticise VERB VBD ROOT 7 O 1
her her PRON PRP dobj 7 O 1
and and CCONJ CC cc 7 O 1
her her PRON PRP$ poss 11 O 1
plan plan NOUN NN conj 7 O 0
. . PUNCT . punct 7 O 0
"""
GENDER_BY_TITLE = """
Mr Mr PROPN NNP compound 1 O 1
Smith Smith PROPN NNP nsubj 2 B-PERSON 1
met meet VERB VBD ROOT 2 O 1
Ms Ms PROPN NNP compound 4 O 1
Jones Jones PROPN NNP dobj 2 B-PERSON 0
. . PUNCT . punct 2 O 1
She she PRON PRP nsubj 7 O 1
left leave VERB VBD ROOT 7 O 0
. . PUNCT . punct 7 O 0
"""
GENDER_BY_NOUN = """
Smith Smith PROPN NNP nsubj 5 B-PERSON 0
, , PUNCT , punct 0 O 1
a a DET DT det 3 O 1
spokesman spokesman NOUN NN appos 0 O 0
, , PUNCT , punct 0 O 1
met meet VERB VBD ROOT 5 O 1
Jones Jones PROPN NNP dobj 5 B-PERSON 0
, , PUNCT , punct 6 O 1
a a DET DT det 9 O 1
spokeswoman spokeswoman NOUN NN appos 6 O 0
. . PUNCT . punct 5 O 1
She she PRON PRP nsubj 12 O 1
left leave VERB VBD ROOT 12 O 0
. . PUNCT . punct 12 O 0
"""
THEY_AFTER_THEM = """
Apple Apple PROPN NNP nsubj 1 B-ORG 1
said say VERB VBD ROOT 1 O 1
it it PRON PRP nsubj 3 O 1
affects affect VERB VBZ ccomp 1 O 1
them they PRON PRP dobj 3 O 1
and and CCONJ CC cc 3 O 1
they they PRON PRP nsubj 8 O 1
can can AUX MD aux 8 O 1
act act VERB VB conj 3 O 0
. . PUNCT . punct 1 O 0
"""
NAMED_DESCRIPTION = """
Ray Ray PROPN NNP compound 1 B-PERSON 1
Charles Charles PROPN NNP nsubj 2 I-PERSON 1
sang sing VERB VBD ROOT 2 O 0
. . PUNCT . punct 2 O 1
The the DET DT det 5 O 1
singer singer NOUN NN nsubj 8 O 1
Ray Ray PROPN NNP compound 7 B-PERSON 1
Charles Charles PROPN NNP appos 5 I-PERSON 1
died die VERB VBD ROOT 8 O 0
. . PUNCT . punct 8 O 0
"""
COPULA_IT = """
Apple Apple PROPN NNP nsubj 1 B-ORG 1
sold sell VERB VBD ROOT 1 O 1
phones phone NOUN NNS dobj 1 O 0
. . PUNCT . punct 1 O 1
It it PRON PRP nsubj 5 O 1
was be AUX VBD ROOT 5 O 1
a a DET DT det 8 O 1
good good ADJ JJ amod 8 O 1
year year NOUN NN attr 5 O 0
. . PUNCT . punct 5 O 1
It it PRON PRP nsubj 11 O 1
plans plan VERB VBZ ROOT 11 O 1
more more ADJ JJR dobj 11 O 0
. . PUNCT . punct 11 O 0
"""
QUOTED_IT = """
Apple Apple PROPN NNP nsubj 1 B-ORG 1
sold sell VERB VBD ROOT 1 O 1
phones phone NOUN NNS dobj 1 O 0
. . PUNCT . punct 1 O 1
" " PUNCT `` punct 6 O 0
It it PRON PRP nsubj 6 O 1
works work VERB VBZ ccomp 10 O 0
, , PUNCT , punct 10 O 0
" " PUNCT '' punct 10 O 1
Apple Apple PROPN NNP nsubj 10 B-ORG 1
said say VERB VBD ROOT 10 O 0
. . PUNCT . punct 10 O 0
"""
TOLD_THAT = """
Microsoft Microsoft PROPN NNP nsubj 1 B-ORG 1
said say VERB VBD ROOT 1 O 1
it it PRON PRP nsubjpass 4 O 1
was be AUX VBD auxpass 4 O 1
told tell VERB VBN ccomp 1 O 1
that that SCONJ IN mark 8 O 1
the the DET DT det 7 O 1
deal deal NOUN NN nsubj 8 O 1
failed fail VERB VBD ccomp 4 O 0
. . PUNCT . punct 1 O 0
"""
IT_EMERGED = """
Microsoft Microsoft PROPN NNP nsubj 1 B-ORG 1
grew grow VERB VBD ROOT 1 O 0
. . PUNCT . punct 1 O 1
It it PRON PRP nsubj 4 O 1
emerged emerge VERB VBD ROOT 4 O 1
that that SCONJ IN mark 8 O 1
the the DET DT det 7 O 1
deal deal NOUN NN nsubj 8 O 1
failed fail VERB VBD ccomp 4 O 0
. . PUNCT . punct 4 O 0
"""
MISS_IS_A_VERB = """
Fans fan NOUN NNS nsubj 2 O 1
will will AUX MD aux 2 O 1
miss miss VERB VB ROOT 2 O 1
Wayne Wayne PROPN NNP compound 4 B-PERSON 1
Rooney Rooney PROPN NNP dobj 2 I-PERSON 0
. . PUNCT . punct 2 O 1
He he PRON PRP nsubj 7 O 1
limped limp VERB VBD ROOT 7 O 0
. . PUNCT . punct 7 O 0
"""
TITLE_IN_NAME = """
Mr Mr PROPN NNP compound 1 B-PERSON 1
Smith Smith PROPN NNP nsubj 2 I-PERSON 1
met meet VERB VBD ROOT 2 O 1
Ms Ms PROPN NNP compound 4 B-PERSON 1
Jones Jones PROPN NNP dobj 2 I-PERSON 0
. . PUNCT . punct 2 O 1
She she PRON PRP nsubj 7 O 1
left leave VERB VBD ROOT 7 O 0
. . PUNCT . punct 7 O 0
"""
ITS_AFTER_UNRESOLVED_IT = """
Nasdaq Nasdaq PROPN NNP nsubj 1 B-ORG 1
grew grow VERB VBD ROOT 1 O 0
. . PUNCT . punct 1 O 1
It it PRON PRP nsubj 4 O 1
was be AUX VBD ROOT 4 O 1
a a DET DT det 6 O 1
symbol symbol NOUN NN attr 4 O 0
. . PUNCT . punct 4 O 1
Investors investor NOUN NNS nsubj 9 O 1
revived revive VERB VBD ROOT 9 O 1
its its PRON PRP$ poss 11 O 1
fortunes fortune NOUN NNS dobj 9 O 0
. . PUNCT . punct 9 O 1
It it PRON PRP nsubj 14 O 1
plans plan VERB VBZ ROOT 14 O 1
more more ADJ JJR dobj 14 O 0
. . PUNCT . punct 14 O 0
"""
NO_ANTECEDENT = """
The the DET DT det 1 O 1
company company NOUN NN nsubj 2 O 1
grew grow VERB VBD ROOT 2 O 0
. . PUNCT . punct 2 O 0
"""


def _resolved(table: str) -> list[tuple[int, str, str]]:
    doc = doc_from_table(VOCAB, table)
    mentions, entities = entities_from_doc(doc, doc_id="d")
    resolver = Resolver(doc, mentions, entities, lexicon=NO_ABSTAIN)
    return [(i, doc[i].text, resolver.name(eid)) for i, eid in sorted(resolver.picks().items())]


@pytest.mark.parametrize(
    "table,expected",
    [
        # "the company" finds the entity the article called a company, not the more recent modifier
        (APPOSITION_DESCRIBES, [(14, "company", "Eurasian Resources Group"), (16, "its", "Eurasian Resources Group")]),
        # a subject outranks a more recent object
        (SUBJECT_OVER_RECENCY, [(5, "state", "Kazakhstan")]),
        (PERSON_PRONOUN, [(6, "She", "Jane Smith")]),
        # "they" after a plural noun is that noun; "its" goes to the subject
        (THEY_AFTER_PLURAL, [(7, "its", "Apple")]),
        # inside "ERG, a company that lost its exports", "its" is the relative clause's antecedent
        (RELATIVE_CLAUSE, [(12, "its", "Eurasian Resources Group")]),
        # "Kazakhstan's government" acts for Kazakhstan
        (INSTITUTION, [(2, "government", "Kazakhstan")]),
        # "made it clear": the first "it" is pleonastic; the second is Kazakhstan
        (PLEONASTIC, [(5, "it", "Kazakhstan")]),
        # a role the article gave a person ("X is the trade minister") finds that person; "the trade
        # minister" itself is the copula's attribute, not a reference; "his ministry" is not him
        (ROLE, [(8, "minister", "Serik Zhumangarin"), (10, "his", "Serik Zhumangarin")]),
        (NON_ANAPHORIC, []),
        # "It was a good year": the subject of "be" is mostly a thing or a situation, left as written;
        # "It plans more" is the company
        (COPULA_IT, [(10, "It", "Apple")]),
        # "It works," Apple said: an "it" inside a quotation is left as written
        (QUOTED_IT, []),
        # "It was a symbol ... revived its fortunes": after an "it" left as written, "its" is that same
        # thing; a subject "it" ("It plans more") still finds the name
        (ITS_AFTER_UNRESOLVED_IT, [(13, "It", "Nasdaq")]),
        # "The singer Ray Charles" names itself: rewriting it would repeat the name
        (NAMED_DESCRIPTION, []),
        (NO_ANTECEDENT, []),
        # "It is thought that ...": a passive with a clause after it has a pleonastic subject; not
        # when someone was told: "Microsoft said it was told that ..."; "It emerged that ..." neither
        (PLEONASTIC_PASSIVE, []),
        (TOLD_THAT, [(2, "it", "Microsoft")]),
        (IT_EMERGED, []),
        # "Bungie hopes it got it right": the object "it" is not its verb's subject, and rather than
        # another organisation it stays as written
        (OWN_SUBJECT, [(6, "it", "Bungie")]),
        # "Halo had a depth to it": a prepositional object may be the subject
        (PREPOSITION_OBJECT, [(5, "it", "Halo")]),
        # "He criticised him": a person's object is the other person
        (PERSON_OBJECT, [(4, "He", "Smith"), (6, "him", "Jones")]),
        # "He criticised her": and "her plan" is not Mr Trump's
        (OBJECT_PRONOUN, [(6, "He", "Trump"), (8, "her", "Clinton"), (10, "her", "Clinton")]),
        # "Ms" makes Jones the "she", though Mr Smith is the subject
        (GENDER_BY_TITLE, [(6, "She", "Jones")]),
        # ... and so does a title the model took into the name
        (TITLE_IN_NAME, [(6, "She", "Ms Jones")]),
        # "Fans will miss Wayne Rooney": a verb, not the title "Miss"
        (MISS_IS_A_VERB, [(6, "He", "Wayne Rooney")]),
        # so does "a spokeswoman", though Smith is the subject
        (GENDER_BY_NOUN, [(11, "She", "Jones")]),
        # "Apple said it affects them and they can act": "them" is not Apple (its verb's subject), and
        # "they" after an unresolved "them" is the same people
        (THEY_AFTER_THEM, [(2, "it", "Apple")]),
    ],
    ids=["apposition-describes", "subject-over-recency", "person-pronoun", "they-after-plural", "relative-clause",
         "institution", "pleonastic-it", "role", "non-anaphoric", "copula-it", "quoted-it", "its-after-unresolved-it", "named-description", "no-antecedent", "pleonastic-passive", "told-that", "it-emerged",
         "not-own-subject", "preposition-object", "person-object", "object-pronoun", "gender-by-title", "title-in-name", "miss-is-a-verb", "gender-by-noun", "they-after-them"],
)
def test_claims_resolve_rules(table, expected):
    assert _resolved(table) == expected


def test_claims_resolve_replacements_for_standalone_text():
    doc = doc_from_table(VOCAB, APPOSITION_DESCRIBES)
    mentions, entities = entities_from_doc(doc, doc_id="d")
    resolver = Resolver(doc, mentions, entities, lexicon=NO_ABSTAIN)
    start = doc[13].idx
    reps = [(doc.text[r.start_char:r.end_char], resolver.name(r.entity_id), r.possessive)
            for r in resolver.replacements(start, len(doc.text))]
    assert reps == [("The company", "Eurasian Resources Group", False), ("its", "Eurasian Resources Group", True)]


def test_claims_resolve_object_her_is_not_possessive():
    # "He criticised her and her plan": "Clinton", then "Clinton's"
    doc = doc_from_table(VOCAB, OBJECT_PRONOUN)
    mentions, entities = entities_from_doc(doc, doc_id="d")
    resolver = Resolver(doc, mentions, entities, lexicon=NO_ABSTAIN)
    reps = [(doc.text[r.start_char:r.end_char], resolver.name(r.entity_id), r.possessive)
            for r in resolver.replacements(doc[6].idx, len(doc.text))]
    assert reps == [("He", "Trump", False), ("her", "Clinton", False), ("her", "Clinton", True)]


SPEAKER_QUOTED = """
Souness Souness PROPN NNP nsubj 1 B-PERSON 1
praised praise VERB VBD ROOT 1 O 1
Owen Owen PROPN NNP dobj 1 B-PERSON 0
. . PUNCT . punct 1 O 1
" " PUNCT `` punct 10 O 0
He he PRON PRP nsubj 6 O 1
is be AUX VBZ ccomp 10 O 1
great great ADJ JJ acomp 6 O 0
, , PUNCT , punct 10 O 0
" " PUNCT '' punct 10 O 1
said say VERB VBD ROOT 10 O 1
Souness Souness PROPN NNP nsubj 10 B-PERSON 0
. . PUNCT . punct 10 O 0
"""


SPEAKER_AFTER_QUOTE = """
Ruth Ruth PROPN NNP compound 1 B-PERSON 1
Kelly Kelly PROPN NNP nsubj 2 I-PERSON 1
spoke speak VERB VBD ROOT 2 O 0
. . PUNCT . punct 2 O 1
Collins Collins PROPN NNP nsubj 5 B-PERSON 1
objected object VERB VBD ROOT 5 O 0
. . PUNCT . punct 5 O 1
" " PUNCT `` punct 13 O 0
Kelly Kelly PROPN NNP nsubj 9 B-PERSON 1
failed fail VERB VBD ccomp 13 O 0
, , PUNCT , punct 13 O 0
" " PUNCT '' punct 13 O 1
he he PRON PRP nsubj 13 O 1
said say VERB VBD ROOT 13 O 0
. . PUNCT . punct 13 O 0
"""


@pytest.mark.parametrize(
    "table,with_attributions,expected",
    [
        # '"He is great," said Souness': the speaker would say "I", so "he" is Owen, not the subject
        # Souness; without the attributions the resolver cannot know who speaks
        (SPEAKER_QUOTED, True, [(5, "Owen")]),
        (SPEAKER_QUOTED, False, [(5, "Souness")]),
        # '"Kelly failed," he said': the speaker is not the person the quotation names
        (SPEAKER_AFTER_QUOTE, True, [(12, "Collins")]),
        (SPEAKER_AFTER_QUOTE, False, [(12, "Collins")]),  # without the attribution, "Ruth" alone rules her out
    ],
    ids=["quoted-pronoun", "quoted-pronoun-no-attributions", "speaker-after-quote",
         "speaker-after-quote-no-attributions"],
)
def test_claims_resolve_quotations_and_their_speakers(table, with_attributions, expected):
    doc = doc_from_table(VOCAB, table)
    mentions, entities = entities_from_doc(doc, doc_id="d")
    attributions = find_attributions(doc) if with_attributions else None
    resolver = Resolver(doc, mentions, entities, attributions=attributions, lexicon=NO_ABSTAIN)
    assert [(i, resolver.name(eid)) for i, eid in sorted(resolver.picks().items())] == expected
