"""Clause structure, negation and hedging on hand-built parses (`claimpipe.claims.structure`)."""

from __future__ import annotations

import pytest
import spacy

from claimpipe.claims import clause_structure, hedge_cues
from claimpipe.claims.testing import doc_from_table

VOCAB = spacy.blank("en").vocab

TRANSITIVE = """
Smith Smith PROPN NNP nsubj 1 B-PERSON 1
bought buy VERB VBD ROOT 1 O 1
the the DET DT det 3 O 1
company company NOUN NN dobj 1 O 0
. . PUNCT . punct 1 O 0
"""
AUX_NEG = """
Kazakhstan Kazakhstan PROPN NNP nsubj 3 B-GPE 1
will will AUX MD aux 3 O 1
not not PART RB neg 3 O 1
follow follow VERB VB ROOT 3 O 1
the the DET DT det 5 O 1
sanctions sanction NOUN NNS dobj 3 O 0
. . PUNCT . punct 3 O 0
"""
PASSIVE = """
The the DET DT det 1 O 1
company company NOUN NN nsubjpass 3 O 1
is be AUX VBZ auxpass 3 O 1
owned own VERB VBN ROOT 3 O 1
by by ADP IN agent 3 O 1
the the DET DT det 6 O 1
state state NOUN NN pobj 4 O 0
. . PUNCT . punct 3 O 0
"""
COPULA = """
Russia Russia PROPN NNP nsubj 1 B-GPE 1
was be AUX VBD ROOT 1 O 1
the the DET DT det 4 O 1
largest large ADJ JJS amod 4 O 1
partner partner NOUN NN attr 1 O 0
. . PUNCT . punct 1 O 0
"""
PREP_OBJECT = """
Steelmakers steelmaker NOUN NNS nsubj 1 O 1
shifted shift VERB VBD ROOT 1 O 1
to to ADP IN prep 1 O 1
domestic domestic ADJ JJ amod 4 O 1
suppliers supplier NOUN NNS pobj 2 O 0
. . PUNCT . punct 1 O 0
"""
EXISTENTIAL = """
There there PRON EX expl 1 O 1
are be VERB VBP ROOT 1 O 1
plans plan NOUN NNS attr 1 O 1
to to PART TO aux 4 O 1
expand expand VERB VB acl 2 O 1
routes route NOUN NNS dobj 4 O 0
. . PUNCT . punct 1 O 0
"""
EXPECTED_TO = """
Growth growth NOUN NN nsubjpass 2 O 1
is be AUX VBZ auxpass 2 O 1
expected expect VERB VBN ROOT 2 O 1
to to PART TO aux 4 O 1
slow slow VERB VB xcomp 2 O 0
. . PUNCT . punct 2 O 0
"""
SHARED_SUBJECT = """
Prices price NOUN NNS nsubj 1 O 1
rose rise VERB VBD ROOT 1 O 1
and and CCONJ CC cc 1 O 1
then then ADV RB advmod 4 O 1
fell fall VERB VBD conj 1 O 0
. . PUNCT . punct 1 O 0
"""
RELATIVE_SUBJECT = """
The the DET DT det 1 O 1
company company NOUN NN nsubj 7 O 1
that that PRON WDT nsubj 4 O 1
may may AUX MD aux 4 O 1
close close VERB VB relcl 1 O 1
has have AUX VBZ aux 7 O 1
never never ADV RB neg 7 O 1
paid pay VERB VBN ROOT 7 O 1
taxes tax NOUN NNS dobj 7 O 0
. . PUNCT . punct 7 O 0
"""
NO_EVIDENCE = """
Officials official NOUN NNS nsubj 1 O 1
found find VERB VBD ROOT 1 O 1
no no DET DT det 3 O 1
evidence evidence NOUN NN dobj 1 O 0
. . PUNCT . punct 1 O 0
"""
MAY = """
Exports export NOUN NNS nsubj 2 O 1
may may AUX MD aux 2 O 1
fall fall VERB VB ROOT 2 O 0
. . PUNCT . punct 2 O 0
"""
REPORTEDLY = """
Prices price NOUN NNS nsubj 2 O 1
reportedly reportedly ADV RB advmod 2 O 1
fell fall VERB VBD ROOT 2 O 0
. . PUNCT . punct 2 O 0
"""
PLANS_TO = """
The the DET DT det 1 O 1
firm firm NOUN NN nsubj 2 O 1
plans plan VERB VBZ ROOT 2 O 1
to to PART TO aux 4 O 1
cut cut VERB VB xcomp 2 O 1
jobs job NOUN NNS dobj 4 O 0
. . PUNCT . punct 2 O 0
"""
LIKELY_TO = """
Prices price NOUN NNS nsubj 1 O 1
are be AUX VBP ROOT 1 O 1
likely likely ADJ JJ acomp 1 O 1
to to PART TO aux 4 O 1
fall fall VERB VB xcomp 2 O 0
. . PUNCT . punct 1 O 0
"""
COULD = """
Trade trade NOUN NN nsubj 2 O 1
could could AUX MD aux 2 O 1
diminish diminish VERB VB ROOT 2 O 1
Russia Russia PROPN NNP poss 5 B-GPE 0
’s ’s PART POS case 3 O 1
influence influence NOUN NN dobj 2 O 0
. . PUNCT . punct 2 O 0
"""
MIGHT_NOT = """
Prices price NOUN NNS nsubj 3 O 1
might might AUX MD aux 3 O 1
not not PART RB neg 3 O 1
fall fall VERB VB ROOT 3 O 0
. . PUNCT . punct 3 O 0
"""


def _head(doc):
    return next(t for t in doc if t.dep_ == "ROOT")


@pytest.mark.parametrize(
    "table,head,expected",
    [
        (TRANSITIVE, None, ("Smith", "bought", "the company", False)),
        (AUX_NEG, None, ("Kazakhstan", "will not follow", "the sanctions", True)),
        (PASSIVE, None, ("The company", "is owned by", "the state", False)),
        (COPULA, None, ("Russia", "was", "the largest partner", False)),
        (PREP_OBJECT, None, ("Steelmakers", "shifted to", "domestic suppliers", False)),
        (EXISTENTIAL, None, ("plans", "There are", "to expand routes", False)),
        (EXPECTED_TO, None, ("Growth", "is expected to slow", "", False)),
        (SHARED_SUBJECT, 4, ("Prices", "fell", "", False)),
        (RELATIVE_SUBJECT, None, ("The company", "has never paid", "taxes", True)),
        (NO_EVIDENCE, None, ("Officials", "found", "no evidence", True)),
        (MIGHT_NOT, None, ("Prices", "might not fall", "", True)),
    ],
    ids=["transitive", "aux-neg", "passive", "copula", "prep-object", "existential", "expected-to", "shared-subject",
         "relative-subject", "no-evidence", "might-not"],
)
def test_claims_structure_patterns(table, head, expected):
    doc = doc_from_table(VOCAB, table)
    h = doc[head] if head is not None else _head(doc)
    st = clause_structure(h)
    assert (st.subject, st.predicate, st.object, st.negated) == expected


@pytest.mark.parametrize(
    "table,expected",
    [
        (MAY, ["may"]),
        (COULD, ["could"]),
        (MIGHT_NOT, ["might"]),
        (REPORTEDLY, ["reportedly"]),
        (PLANS_TO, ["plans to"]),
        (EXPECTED_TO, ["is expected to"]),
        (LIKELY_TO, ["are likely to"]),
        (EXISTENTIAL, ["plans to"]),
        (RELATIVE_SUBJECT, []),  # "may" belongs to the relative clause, not to the claim
        (TRANSITIVE, []),
        (AUX_NEG, []),  # "will" is not a hedge
    ],
    ids=["may", "could", "might", "reportedly", "plans-to", "expected-to", "likely-to", "there-are-plans-to",
         "relative-clause", "none", "will"],
)
def test_claims_hedge_cues(table, expected):
    doc = doc_from_table(VOCAB, table)
    assert hedge_cues(doc, _head(doc)) == expected
