"""Attribution patterns added for recall on PolNeAR-style news (`claimpipe.claims.find_attributions`).

Each case is a hand-built parse (as `tests/test_claims_attribution.py` does), so the rule is tested
on a fixed tree; the expected output is exact: kind, cue, core, source, content pieces, form.
"""

from __future__ import annotations

import pytest
import spacy

from claimpipe.claims import find_attributions
from claimpipe.claims.testing import doc_from_table

VOCAB = spacy.blank("en").vocab

TO_INFINITIVE = """
Smith Smith PROPN NNP nsubj 1 B-PERSON 1
met meet VERB VBD ROOT 1 O 1
Jones Jones PROPN NNP dobj 1 B-PERSON 1
to to PART TO aux 4 O 1
explain explain VERB VB advcl 1 O 1
that that SCONJ IN mark 7 O 1
prices price NOUN NNS nsubj 7 O 1
rose rise VERB VBD ccomp 4 O 0
. . PUNCT . punct 1 O 0
"""
ADVERB_OF_ADVERB = """
Smith Smith PROPN NNP nsubj 3 B-PERSON 1
almost almost ADV RB advmod 2 O 1
immediately immediately ADV RB advmod 3 O 1
denied deny VERB VBD ROOT 3 O 1
that that SCONJ IN mark 6 O 1
prices price NOUN NNS nsubj 6 O 1
rose rise VERB VBD ccomp 3 O 0
. . PUNCT . punct 3 O 0
"""
# the parser hangs a cue on a copula: "The problem is Smith denied that prices rose."
CCOMP_OF_NON_CUE = """
The the DET DT det 1 O 1
problem problem NOUN NN nsubj 2 O 1
is be AUX VBZ ROOT 2 O 1
Smith Smith PROPN NNP nsubj 4 B-PERSON 1
denied deny VERB VBD ccomp 2 O 1
that that SCONJ IN mark 7 O 1
prices price NOUN NNS nsubj 7 O 1
rose rise VERB VBD ccomp 4 O 0
. . PUNCT . punct 2 O 0
"""
# a belief inside what was said stays part of the content
CCOMP_OF_CUE = """
Smith Smith PROPN NNP nsubj 1 B-PERSON 1
said say VERB VBD ROOT 1 O 1
he he PRON PRP nsubj 3 O 1
believes believe VERB VBZ ccomp 1 O 1
that that SCONJ IN mark 6 O 1
prices price NOUN NNS nsubj 6 O 1
rose rise VERB VBD ccomp 3 O 0
. . PUNCT . punct 1 O 0
"""
OFFERED = """
Smith Smith PROPN NNP nsubj 1 B-PERSON 1
offered offer VERB VBD ROOT 1 O 1
advice advice NOUN NN dobj 1 O 1
to to ADP IN prep 1 O 1
Jones Jones PROPN NNP pobj 3 B-PERSON 0
. . PUNCT . punct 1 O 0
"""

SEEMS = """
The the DET DT det 1 O 1
plan plan NOUN NN nsubj 2 O 1
seems seem VERB VBZ ROOT 2 O 1
risky risky ADJ JJ acomp 2 O 0
. . PUNCT . punct 2 O 0
"""
# appearing somewhere is not a judgement
APPEARED_ON = """
Smith Smith PROPN NNP nsubj 1 B-PERSON 1
appeared appear VERB VBD ROOT 1 O 1
on on ADP IN prep 1 O 1
television television NOUN NN pobj 2 O 0
. . PUNCT . punct 1 O 0
"""
EXPECTED_TO = """
Prices price NOUN NNS nsubjpass 2 O 1
are be AUX VBP auxpass 2 O 1
expected expect VERB VBN ROOT 2 O 1
to to PART TO aux 4 O 1
rise rise VERB VB xcomp 2 O 0
. . PUNCT . punct 2 O 0
"""
IT_IS_CLEAR = """
It it PRON PRP nsubj 1 O 1
is be AUX VBZ ROOT 1 O 1
clear clear ADJ JJ acomp 1 O 1
that that SCONJ IN mark 5 O 1
prices price NOUN NNS nsubj 5 O 1
rose rise VERB VBD ccomp 1 O 0
. . PUNCT . punct 1 O 0
"""
# a judgement inside what someone said belongs to what was said
SAID_SEEMS = """
Smith Smith PROPN NNP nsubj 1 B-PERSON 1
said say VERB VBD ROOT 1 O 1
the the DET DT det 3 O 1
plan plan NOUN NN nsubj 4 O 1
seems seem VERB VBZ ccomp 1 O 1
risky risky ADJ JJ acomp 4 O 0
. . PUNCT . punct 1 O 0
"""

# sources: an "including" phrase stays in, with its closing comma; a spaced hyphen cuts like a dash
INCLUDING = """
Unions union NOUN NNS nsubj 6 O 0
, , PUNCT , punct 0 O 1
including include VERB VBG prep 0 O 1
the the DET DT det 4 O 1
AFL-CIO AFL-CIO PROPN NNP pobj 2 B-ORG 0
, , PUNCT , punct 0 O 1
said say VERB VBD ROOT 6 O 1
that that SCONJ IN mark 9 O 1
prices price NOUN NNS nsubj 9 O 1
rose rise VERB VBD ccomp 6 O 0
. . PUNCT . punct 6 O 0
"""
SPACED_HYPHEN = """
BRUSSELS BRUSSELS PROPN NNP compound 3 B-GPE 1
- - PUNCT HYPH punct 3 O 1
European European ADJ JJ amod 3 B-NORP 1
leaders leader NOUN NNS nsubj 4 O 1
said say VERB VBD ROOT 4 O 1
that that SCONJ IN mark 7 O 1
prices price NOUN NNS nsubj 7 O 1
rose rise VERB VBD ccomp 4 O 0
. . PUNCT . punct 4 O 0
"""

WENT_ON_TO_SAY = """
Smith Smith PROPN NNP nsubj 1 B-PERSON 1
went go VERB VBD ROOT 1 O 1
on on ADP RP prt 1 O 1
to to PART TO aux 4 O 1
say say VERB VB xcomp 1 O 1
that that SCONJ IN mark 7 O 1
prices price NOUN NNS nsubj 7 O 1
rose rise VERB VBD ccomp 4 O 0
. . PUNCT . punct 1 O 0
"""

# a named actor's stance in a relative clause; a thing's is a description
RELCL_ACTOR = """
The the DET DT det 1 O 1
government government NOUN NN nsubj 9 O 0
, , PUNCT , punct 1 O 1
which which PRON WDT nsubj 5 O 1
has have AUX VBZ aux 5 O 1
denied deny VERB VBN relcl 1 O 1
the the DET DT det 7 O 1
report report NOUN NN dobj 5 O 0
, , PUNCT , punct 1 O 1
fell fall VERB VBD ROOT 9 O 0
. . PUNCT . punct 9 O 0
"""
RELCL_THING = """
Smith Smith PROPN NNP nsubj 1 B-PERSON 1
funds fund VERB VBZ ROOT 1 O 1
a a DET DT det 3 O 1
plan plan NOUN NN dobj 1 O 1
that that PRON WDT nsubj 5 O 1
aims aim VERB VBZ relcl 3 O 1
to to PART TO aux 7 O 1
cut cut VERB VB xcomp 5 O 1
taxes tax NOUN NNS dobj 7 O 0
. . PUNCT . punct 1 O 0
"""
PASSIVE_PRONOUN = """
He he PRON PRP nsubjpass 2 O 1
was be AUX VBD auxpass 2 O 1
criticized criticize VERB VBN ROOT 2 O 0
. . PUNCT . punct 2 O 0
"""
PASSIVE_AGENT = """
Clinton Clinton PROPN NNP nsubjpass 2 B-PERSON 1
was be AUX VBD auxpass 2 O 1
supported support VERB VBN ROOT 2 O 1
by by ADP IN agent 2 O 1
voters voter NOUN NNS pobj 3 O 0
. . PUNCT . punct 2 O 0
"""
MEDIUM_MODIFIED = """
Smith Smith PROPN NNP nsubj 1 B-PERSON 1
said say VERB VBD ROOT 1 O 1
in in ADP IN prep 1 O 1
an an DET DT det 4 O 1
interview interview NOUN NN pobj 2 O 1
with with ADP IN prep 4 O 1
CNN CNN PROPN NNP pobj 5 B-ORG 1
that that SCONJ IN mark 9 O 1
prices price NOUN NNS nsubj 9 O 1
rose rise VERB VBD ccomp 1 O 0
. . PUNCT . punct 1 O 0
"""

AS_PUT_IT = """
Prices price NOUN NNS nsubj 1 O 1
rose rise VERB VBD ROOT 1 O 0
, , PUNCT , punct 1 O 1
as as SCONJ IN mark 5 O 1
Smith Smith PROPN NNP nsubj 5 B-PERSON 1
put put VERB VBD advcl 1 O 1
it it PRON PRP dobj 5 O 0
. . PUNCT . punct 1 O 0
"""
AS_POINTED_OUT = """
As as SCONJ IN mark 3 O 1
experts expert NOUN NNS nsubj 3 O 1
have have AUX VBP aux 3 O 1
pointed point VERB VBN advcl 7 O 1
out out ADP RP prt 3 O 0
, , PUNCT , punct 7 O 1
prices price NOUN NNS nsubj 7 O 1
rose rise VERB VBD ROOT 7 O 0
. . PUNCT . punct 7 O 0
"""

# a headline opening with a name the parser did not tag there, but did tag later in the article
COLON_LATER_NAME = """
Sanders Sanders NOUN NN nsubj 3 O 0
: : PUNCT : punct 3 O 1
prices price NOUN NNS nsubj 3 O 1
rose rise VERB VBD ROOT 3 O 0
. . PUNCT . punct 3 O 0

Bernie Bernie PROPN NNP compound 7 B-PERSON 1
Sanders Sanders PROPN NNP nsubj 8 I-PERSON 1
spoke speak VERB VBD ROOT 8 O 0
. . PUNCT . punct 8 O 0
"""

CALLED_ON_TO = """
Smith Smith PROPN NNP nsubj 1 B-PERSON 1
called call VERB VBD ROOT 1 O 1
on on ADP IN prep 1 O 1
Jones Jones PROPN NNP pobj 2 B-PERSON 1
to to PART TO aux 5 O 1
resign resign VERB VB xcomp 1 O 0
. . PUNCT . punct 1 O 0
"""
# a name given in a participle is not a saying
CALLED_NAME = """
“ " PUNCT `` punct 2 O 0
Visas visa NOUN NNS nsubj 2 O 1
rose rise VERB VBD ROOT 2 O 0
. . PUNCT . punct 2 O 0
” " PUNCT '' punct 2 O 1
The the DET DT det 6 O 1
program program NOUN NN nsubj 11 O 0
, , PUNCT , punct 6 O 1
called call VERB VBN acl 6 O 1
EB-5 EB-5 PROPN NNP oprd 8 O 0
, , PUNCT , punct 6 O 1
grew grow VERB VBD ROOT 11 O 0
. . PUNCT . punct 11 O 0
"""


def _view(doc, att) -> tuple:
    text = doc.text
    return (att.kind, text[att.cue[0]:att.cue[1]], text[att.core[0]:att.core[1]],
            text[att.source[0]:att.source[1]] if att.source else None,
            tuple(text[s:e] for s, e in att.content), att.form)


CASES = {
    "to-infinitive": (TO_INFINITIVE, [("indirect", "to explain", "explain", "Smith", ("that prices rose",), "clause")]),
    "adverb-of-adverb": (ADVERB_OF_ADVERB, [("indirect", "almost immediately denied", "denied", "Smith",
                                             ("that prices rose",), "clause")]),
    "ccomp-of-non-cue": (CCOMP_OF_NON_CUE, [("indirect", "denied", "denied", "Smith", ("that prices rose",), "clause")]),
    "ccomp-of-cue": (CCOMP_OF_CUE, [("indirect", "said", "said", "Smith", ("he believes that prices rose",), "clause")]),
    "seems": (SEEMS, [("indirect", "seems", "seems", None, ("The plan", "risky"), "judgement")]),
    "appeared-on": (APPEARED_ON, []),
    "expected-to": (EXPECTED_TO, [("indirect", "are expected", "expected", None, ("Prices", "to rise"), "judgement")]),
    "it-is-clear": (IT_IS_CLEAR, [("indirect", "It is clear", "clear", None, ("that prices rose",), "judgement")]),
    "said-seems": (SAID_SEEMS, [("indirect", "said", "said", "Smith", ("the plan seems risky",), "clause")]),
    "including": (INCLUDING, [("indirect", "said", "said", "Unions, including the AFL-CIO,", ("that prices rose",),
                               "clause")]),
    "spaced-hyphen": (SPACED_HYPHEN, [("indirect", "said", "said", "European leaders", ("that prices rose",), "clause")]),
    "went-on-to-say": (WENT_ON_TO_SAY, [("indirect", "went on to say", "say", "Smith", ("that prices rose",), "clause")]),
    "relcl-actor": (RELCL_ACTOR, [("indirect", "has denied", "denied", "which", ("the report",), "object")]),
    "relcl-thing": (RELCL_THING, []),
    "passive-pronoun": (PASSIVE_PRONOUN, [("indirect", "was criticized", "was criticized", None, ("He",), "object")]),
    "passive-agent": (PASSIVE_AGENT, [("indirect", "was supported", "supported", "voters", ("Clinton",), "object")]),
    "medium-modified": (MEDIUM_MODIFIED, [("indirect", "said in an interview with CNN", "said in an interview", "Smith",
                                           ("that prices rose",), "clause")]),
    "as-put-it": (AS_PUT_IT, [("indirect", "put it", "put it", "Smith", ("Prices rose",), "clause")]),
    "as-pointed-out": (AS_POINTED_OUT, [("indirect", "have pointed out", "pointed out", "experts", ("prices rose",),
                                         "clause")]),
    "colon-unknown-name": (COLON_LATER_NAME.split("\n\n")[0] + "\n", []),
    "colon-later-name": (COLON_LATER_NAME, [("direct", ":", ":", "Sanders", ("prices rose.",), "phrase")]),
    "called-on-to": (CALLED_ON_TO, [("indirect", "called on Jones", "called on Jones", "Smith", ("to resign",),
                                     "infinitive")]),
    "called-name": (CALLED_NAME, []),
    "offered": (OFFERED, [("indirect", "offered", "offered", "Smith", ("advice to Jones",), "object")]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_claims_recall_patterns(name):
    table, expected = CASES[name]
    doc = doc_from_table(VOCAB, table)
    assert [_view(doc, a) for a in find_attributions(doc)] == expected


def test_claims_recall_judgements_are_not_speech():
    """"The plan seems risky" is an attribution PolNeAR marks, but no one says it: no speech claim."""
    for table in (SEEMS, EXPECTED_TO, IT_IS_CLEAR):
        assert [a.reports_speech for a in find_attributions(doc_from_table(VOCAB, table))] == [False]
