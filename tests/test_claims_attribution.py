"""Attribution rules on hand-built parses (`claimpipe.claims.attribution`), one pattern per case.

The parses are written out (they came from en_core_web_sm and were checked by hand), so the rules
are tested against a fixed tree that a new model cannot move.
"""

from __future__ import annotations

import pytest
import spacy

from claimpipe.claims import find_attributions, find_quotes
from claimpipe.claims.testing import doc_from_table

VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_, is_punct), no model

INDIRECT = """
Smith Smith PROPN NNP nsubj 1 B-PERSON 1
said say VERB VBD ROOT 1 O 1
that that SCONJ IN mark 4 O 1
prices price NOUN NNS nsubj 4 O 1
rose rise VERB VBD ccomp 1 O 0
. . PUNCT . punct 1 O 0
"""
DIRECT_BEFORE = """
“ " PUNCT `` punct 6 O 0
Prices price NOUN NNS nsubj 2 O 1
rose rise VERB VBD ccomp 6 O 0
, , PUNCT , punct 6 O 0
” " PUNCT '' punct 6 O 1
Smith Smith PROPN NNP nsubj 6 B-PERSON 1
said say VERB VBD ROOT 6 O 0
. . PUNCT . punct 6 O 0
"""
DIRECT_INVERTED = """
“ " PUNCT `` punct 5 O 0
Prices price NOUN NNS nsubj 2 O 1
rose rise VERB VBD ccomp 5 O 0
, , PUNCT , punct 5 O 0
” " PUNCT '' punct 5 O 1
said say VERB VBD ROOT 5 O 1
Jane Jane PROPN NNP compound 7 B-PERSON 1
Smith Smith PROPN NNP nsubj 5 I-PERSON 0
. . PUNCT . punct 5 O 0
"""
COLON_QUOTE = """
Smith Smith PROPN NNP nsubj 1 B-PERSON 1
said say VERB VBD ROOT 1 O 0
: : PUNCT : punct 1 O 1
“ " PUNCT `` punct 1 O 0
Prices price NOUN NNS nsubj 5 O 1
rose rise VERB VBD ccomp 1 O 0
. . PUNCT . punct 1 O 0
” " PUNCT '' punct 1 O 0
"""
ADDING_AFTER_REPORTED = """
Smith Smith PROPN NNP nsubj 1 B-PERSON 1
said say VERB VBD ROOT 1 O 1
Jones Jones PROPN NNP nsubj 4 B-PERSON 1
had have AUX VBD aux 4 O 1
left leave VERB VBN ccomp 1 O 0
, , PUNCT , punct 4 O 1
adding add VERB VBG advcl 4 O 0
: : PUNCT : punct 6 O 1
“ " PUNCT `` punct 6 O 0
Prices price NOUN NNS nsubj 10 O 1
rose rise VERB VBD ccomp 6 O 0
. . PUNCT . punct 6 O 0
” " PUNCT '' punct 6 O 0
"""
MIXED = """
Smith Smith PROPN NNP nsubj 1 B-PERSON 1
said say VERB VBD ROOT 1 O 1
prices price NOUN NNS nsubj 5 O 1
had have AUX VBD aux 5 O 1
“ " PUNCT `` punct 5 O 0
collapsed collapse VERB VBN ccomp 1 O 1
completely completely ADV RB advmod 5 O 0
” " PUNCT '' punct 5 O 1
last last ADJ JJ amod 9 B-DATE 1
year year NOUN NN npadvmod 5 I-DATE 0
. . PUNCT . punct 1 O 0
"""
ACCORDING_TO = """
According accord VERB VBG prep 5 O 1
to to ADP IN prep 0 O 1
Smith Smith PROPN NNP pobj 1 B-PERSON 0
, , PUNCT , punct 5 O 1
prices price NOUN NNS nsubj 5 O 1
rose rise VERB VBD ROOT 5 O 0
. . PUNCT . punct 5 O 0
"""
DASH = """
“ " PUNCT `` punct 2 O 0
Prices price NOUN NNS nsubj 2 O 1
rose rise VERB VBD ROOT 2 O 0
. . PUNCT . punct 2 O 0
” " PUNCT '' punct 2 O 1
― ― VERB VB ROOT 5 O 1
Jane Jane PROPN NNP compound 7 B-PERSON 1
Smith Smith PROPN NNP nsubj 5 I-PERSON 0
"""
COLON_SPEAKER = """
SMITH smith NOUN NN ROOT 0 O 0
: : PUNCT : punct 0 O 1
Prices price NOUN NNS nsubj 3 O 1
rose rise VERB VBD acl 0 O 1
sharply sharply ADV RB advmod 3 O 0
. . PUNCT . punct 3 O 0
"""
PARENTHETICAL = """
Prices price NOUN NNS nsubj 1 O 1
rose rise VERB VBD ROOT 1 O 0
, , PUNCT , punct 4 O 1
Smith Smith PROPN NNP nsubj 4 B-PERSON 1
said say VERB VBD parataxis 1 O 0
, , PUNCT , punct 4 O 1
because because SCONJ IN mark 8 O 1
demand demand NOUN NN nsubj 8 O 1
grew grow VERB VBD advcl 1 O 0
. . PUNCT . punct 1 O 0
"""
MADE_IT_CLEAR = """
Kazakhstan Kazakhstan PROPN NNP poss 2 B-GPE 0
's 's PART POS case 0 O 1
government government NOUN NN nsubj 4 O 1
has have AUX VBZ aux 4 O 1
made make VERB VBN ROOT 4 O 1
it it PRON PRP nsubj 6 O 1
clear clear ADJ JJ ccomp 4 O 1
that that SCONJ IN mark 11 O 1
it it PRON PRP nsubj 11 O 1
will will AUX MD aux 11 O 1
not not PART RB neg 11 O 1
follow follow VERB VB advcl 6 O 1
the the DET DT det 13 O 1
sanctions sanction NOUN NNS dobj 11 O 0
. . PUNCT . punct 4 O 0
"""
TOLD_THAT = """
Jane Jane PROPN NNP compound 1 B-PERSON 1
Smith Smith PROPN NNP nsubj 6 I-PERSON 0
, , PUNCT , punct 1 O 1
the the DET DT det 4 O 1
minister minister NOUN NN appos 1 O 0
, , PUNCT , punct 1 O 1
told tell VERB VBD ROOT 6 O 1
reporters reporter NOUN NNS dobj 6 O 1
that that SCONJ IN mark 11 O 1
prices price NOUN NNS nsubj 11 O 1
would would AUX MD aux 11 O 1
fall fall VERB VB ccomp 6 O 0
. . PUNCT . punct 6 O 0
"""
AUX_ADVERB = """
Smith Smith PROPN NNP nsubj 3 B-PERSON 1
has have AUX VBZ aux 3 O 1
also also ADV RB advmod 3 O 1
said say VERB VBN ROOT 3 O 1
that that SCONJ IN mark 6 O 1
prices price NOUN NNS nsubj 6 O 1
rose rise VERB VBD ccomp 3 O 0
. . PUNCT . punct 3 O 0
"""
PHRASAL = """
Smith Smith PROPN NNP nsubj 1 B-PERSON 1
pointed point VERB VBD ROOT 1 O 1
out out ADP RP prt 1 O 1
that that SCONJ IN mark 5 O 1
prices price NOUN NNS nsubj 5 O 1
rose rise VERB VBD ccomp 1 O 0
. . PUNCT . punct 1 O 0
"""
VOWED_TO = """
Smith Smith PROPN NNP nsubj 1 B-PERSON 1
vowed vow VERB VBD ROOT 1 O 1
to to PART TO aux 3 O 1
cut cut VERB VB xcomp 1 O 1
taxes tax NOUN NNS dobj 3 O 0
. . PUNCT . punct 1 O 0
"""
CRITICIZED = """
Smith Smith PROPN NNP nsubj 1 B-PERSON 1
criticized criticize VERB VBD ROOT 1 O 1
the the DET DT det 3 O 1
plan plan NOUN NN dobj 1 O 0
. . PUNCT . punct 1 O 0
"""
NOUN_CUE = """
Smith Smith PROPN NNP poss 2 B-PERSON 0
’s ’s PART POS case 0 O 1
claim claim NOUN NN nsubj 6 O 1
that that SCONJ IN mark 5 O 1
prices price NOUN NNS nsubj 5 O 1
rose rise VERB VBD acl 2 O 1
was be AUX VBD ROOT 6 O 1
false false ADJ JJ acomp 6 O 0
. . PUNCT . punct 6 O 0
"""
BARE_SAID_AFTER_QUOTE = """
“ " PUNCT `` punct 2 O 0
Prices price NOUN NNS nsubj 2 O 1
rose rise VERB VBD ROOT 2 O 0
. . PUNCT . punct 2 O 0
” " PUNCT '' punct 2 O 1
Smith Smith PROPN NNP nsubj 6 B-PERSON 1
said say VERB VBD ROOT 6 O 0
. . PUNCT . punct 6 O 0
"""
CONTINUED_PARAGRAPH = """
Smith Smith PROPN NNP nsubj 1 B-PERSON 1
said say VERB VBD ROOT 1 O 0
: : PUNCT : punct 1 O 1
“ " PUNCT `` punct 1 O 0
Prices price NOUN NNS nsubj 5 O 1
rose rise VERB VBD ccomp 1 O 0
. . PUNCT . punct 1 O 0

“ " PUNCT `` punct 11 O 0
They they PRON PRP nsubj 11 O 1
will will AUX MD aux 11 O 1
rise rise VERB VB ROOT 11 O 1
again again ADV RB advmod 11 O 0
. . PUNCT . punct 11 O 0
” " PUNCT '' punct 11 O 0
"""
# the parser's "ALMATY" as subject, the company as its apposition
DATELINE = """
ALMATY ALMATY PROPN NNP nsubj 9 O 1
— — PUNCT : punct 0 O 1
Steppe Steppe PROPN NNP compound 4 B-ORG 1
Resources Resources PROPN NNP compound 4 I-ORG 1
Group Group PROPN NNP appos 0 I-ORG 0
, , PUNCT , punct 4 O 1
a a DET DT det 7 O 1
miner miner NOUN NN appos 4 O 0
, , PUNCT , punct 4 O 1
said say VERB VBD ROOT 9 O 1
it it PRON PRP nsubj 12 O 1
would would AUX MD aux 12 O 1
spend spend VERB VB ccomp 9 O 1
more more ADJ JJR dobj 12 O 0
. . PUNCT . punct 9 O 0
"""
# a misparse seen on a long sentence: the speaker hung on "deal", "said" joined to "are"
FRONTED_SPEAKER = """
Britain Britain PROPN NNP nsubj 3 B-GPE 1
and and CCONJ CC cc 0 O 1
India India PROPN NNP conj 0 B-GPE 1
are be AUX VBP ROOT 3 O 1
close close ADJ JJ acomp 3 O 1
to to ADP IN prep 4 O 1
a a DET DT det 7 O 1
deal deal NOUN NN pobj 5 O 0
, , PUNCT , punct 7 O 1
the the DET DT det 13 O 1
UK UK PROPN NNP poss 13 B-GPE 0
's 's PART POS case 10 O 1
trade trade NOUN NN compound 13 O 1
secretary secretary NOUN NN appos 7 O 0
, , PUNCT , punct 13 O 1
Oliver Oliver PROPN NNP compound 16 B-PERSON 1
Grant Grant PROPN NNP appos 13 I-PERSON 0
, , PUNCT , punct 13 O 1
said say VERB VBD conj 3 O 0
. . PUNCT . punct 3 O 0
"""
TWO_SPEAKERS = """
Tremblay Tremblay PROPN NNP nsubj 1 B-PERSON 1
said say VERB VBD ROOT 1 O 1
Canada Canada PROPN NNP nsubj 4 B-GPE 1
would would AUX MD aux 4 O 1
object object VERB VB ccomp 1 O 0
, , PUNCT , punct 1 O 1
and and CCONJ CC cc 1 O 1
Navarro Navarro PROPN NNP nsubj 8 B-PERSON 1
said say VERB VBD conj 1 O 1
Mexico Mexico PROPN NNP nsubj 11 B-GPE 1
might might AUX MD aux 11 O 1
join join VERB VB ccomp 8 O 0
. . PUNCT . punct 8 O 0
"""
AS_SAID = """
Prices price NOUN NNS nsubj 1 O 1
rose rise VERB VBD ROOT 1 O 0
, , PUNCT , punct 1 O 1
as as SCONJ IN mark 5 O 1
Smith Smith PROPN NNP nsubj 5 B-PERSON 1
said say VERB VBD advcl 1 O 0
. . PUNCT . punct 1 O 0
"""
AS_SANG = """
Paul Paul PROPN NNP nsubj 1 B-PERSON 1
removed remove VERB VBD ROOT 1 O 1
his his PRON PRP$ poss 3 O 1
jacket jacket NOUN NN dobj 1 O 1
as as SCONJ IN mark 6 O 1
he he PRON PRP nsubj 6 O 1
sang sing VERB VBD advcl 1 O 0
. . PUNCT . punct 1 O 0
"""
NOT_A_CUE = """
Smith Smith PROPN NNP nsubj 1 B-PERSON 1
bought buy VERB VBD ROOT 1 O 1
the the DET DT det 3 O 1
company company NOUN NN dobj 1 O 0
. . PUNCT . punct 1 O 0
"""


# "It plans to buy Bolt, a Zeta statement said." : the parser made "Bolt" the subject and the statement its
# apposition; the document right before the verb is the source
DOCUMENT_BEFORE_VERB = """
It it PRON PRP nsubj 1 O 1
plans plan VERB VBZ ccomp 9 O 1
to to PART TO aux 3 O 1
buy buy VERB VB xcomp 1 O 1
Bolt Bolt PROPN NNP nsubj 9 B-ORG 0
, , PUNCT , punct 4 O 1
a a DET DT det 8 O 1
Zeta Zeta PROPN NNP compound 8 B-ORG 1
statement statement NOUN NN appos 4 O 1
said say VERB VBD ROOT 9 O 0
. . PUNCT . punct 9 O 0
"""


def _view(doc, att) -> tuple:
    text = doc.text
    return (att.kind, text[att.cue[0]:att.cue[1]], text[att.core[0]:att.core[1]],
            text[att.source[0]:att.source[1]] if att.source else None,
            tuple(text[s:e] for s, e in att.content), att.form)


@pytest.mark.parametrize(
    "table,expected",
    [
        (INDIRECT, [("indirect", "said", "said", "Smith", ("that prices rose",), "clause")]),
        (DIRECT_BEFORE, [("direct", "said", "said", "Smith", ("“Prices rose,”",), "clause")]),
        (DIRECT_INVERTED, [("direct", "said", "said", "Jane Smith", ("“Prices rose,”",), "clause")]),
        (COLON_QUOTE, [("direct", "said:", "said", "Smith", ("“Prices rose.”",), "clause")]),
        (MIXED, [("mixed", "said", "said", "Smith", ("prices had “collapsed completely” last year",), "clause")]),
        (ACCORDING_TO, [("according_to", "According to", "According to", "Smith", ("prices rose",), "phrase")]),
        (DASH, [("direct", "―", "―", "Jane Smith", ("“Prices rose.”",), "phrase")]),
        (COLON_SPEAKER, [("direct", ":", ":", "SMITH", ("Prices rose sharply.",), "phrase")]),
        (PARENTHETICAL, [("indirect", "said", "said", "Smith", ("Prices rose", "because demand grew"), "clause")]),
        (MADE_IT_CLEAR, [("indirect", "has made it clear", "made it clear", "Kazakhstan's government",
                          ("that it will not follow the sanctions",), "clause")]),
        (TOLD_THAT, [("indirect", "told", "told", "Jane Smith, the minister,", ("that prices would fall",), "clause")]),
        (AUX_ADVERB, [("indirect", "has also said", "said", "Smith", ("that prices rose",), "clause")]),
        (PHRASAL, [("indirect", "pointed out", "pointed out", "Smith", ("that prices rose",), "clause")]),
        (VOWED_TO, [("indirect", "vowed", "vowed", "Smith", ("to cut taxes",), "infinitive")]),
        (CRITICIZED, [("indirect", "criticized", "criticized", "Smith", ("the plan",), "object")]),
        (NOUN_CUE, [("indirect", "claim", "claim", "Smith", ("that prices rose",), "clause")]),
        (BARE_SAID_AFTER_QUOTE, [("direct", "said", "said", "Smith", ("“Prices rose.”",), "quote")]),
        (CONTINUED_PARAGRAPH, [("direct", "said:", "said", "Smith", ("“Prices rose.", "“They will rise again.”"), "clause")]),
        (DATELINE, [("indirect", "said", "said", "Steppe Resources Group, a miner,", ("it would spend more",), "clause")]),
        (FRONTED_SPEAKER, [("indirect", "said", "said", "the UK's trade secretary, Oliver Grant,",
                            ("Britain and India are close to a deal",), "clause")]),
        (TWO_SPEAKERS, [("indirect", "said", "said", "Tremblay", ("Canada would object",), "clause"),
                        ("indirect", "said", "said", "Navarro", ("Mexico might join",), "clause")]),
        # "as Smith said" reports the clause it hangs from; "as he sang" only says when
        (AS_SAID, [("indirect", "said", "said", "Smith", ("Prices rose",), "clause")]),
        (AS_SANG, []),
        (NOT_A_CUE, []),
        (DOCUMENT_BEFORE_VERB, [("indirect", "said", "said", "a Zeta statement", ("It plans to buy Bolt",), "clause")]),
        # ", adding:" hung from the reported clause: the one who said it adds, not Jones (ninth round, tune9)
        (ADDING_AFTER_REPORTED, [("mixed", "said", "said", "Smith", ("Jones had left, adding: “Prices rose.”",), "clause"),
                                 ("direct", "adding:", "adding", "Smith", ("“Prices rose.”",), "clause")]),
    ],
    ids=["indirect", "direct-before", "direct-inverted", "colon-quote", "mixed", "according-to", "dash",
         "colon-speaker", "parenthetical", "made-it-clear", "told-that", "aux-adverb", "phrasal", "vowed-to",
         "criticized", "noun-cue", "bare-said-after-quote", "continued-paragraph", "dateline", "fronted-speaker",
         "two-speakers", "as-said", "as-sang", "not-a-cue", "document-before-verb", "adding-after-reported"],
)
def test_claims_attribution_patterns(table, expected):
    doc = doc_from_table(VOCAB, table)
    assert [_view(doc, a) for a in find_attributions(doc)] == expected


def test_claims_attribution_reports_speech():
    """Claims take who-said-what from speech, quotes and phrases; wanting or criticising is not saying."""
    doc = doc_from_table(VOCAB, VOWED_TO)
    assert [a.reports_speech for a in find_attributions(doc)] == [False]
    doc = doc_from_table(VOCAB, INDIRECT)
    assert [a.reports_speech for a in find_attributions(doc)] == [True]


@pytest.mark.parametrize(
    "text,expected",
    [
        ('He said "yes, we can" today.', [('"yes, we can"', True, True)]),
        ("He said “yes” and “no”.", [("“yes”", True, True), ("“no”", True, True)]),
        # an opening mark never closed runs to the end of its paragraph, not beyond
        ("“We will win.\n\nNext paragraph.", [("“We will win.", True, False)]),
        # a closing mark with nothing open starts the quote at the paragraph
        ("We will win,” he said.", [("We will win,”", False, True)]),
        # a closing mark typed where an opening one belongs
        ("”We will win.” ― Jane", [("”We will win.”", True, True)]),
        ("He said ''yes, we can'' today.", [("''yes, we can''", True, True)]),
        # BBC copy opens each quoted sentence with a mark and closes only the last: a new quoted sentence
        ('He said: "We will win. "Then we rest." Mr Smith left.', [('"We will win.', True, False), ('"Then we rest."', True, True)]),
        # ... but a straight mark after a sentence and a space, with no capital after it, still closes
        ('He said: "We will win. " and left.', [('"We will win. "', True, True)]),
        ("No quotes here.", []),
    ],
)
def test_claims_quotes_tolerate_unbalanced_marks(text, expected):
    assert [(text[q.start_char:q.end_char], q.opened, q.closed) for q in find_quotes(text)] == expected
