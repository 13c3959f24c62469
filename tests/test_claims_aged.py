""""The 25-year-old": a person named by age is the one person the last sentence or this one named.

Hand-built parses in the model's shape: "the 25-year-old" is "old" (nsubj) with "year" as its measure.
"""

from __future__ import annotations

import pytest
import spacy

from claimpipe.claims import Resolver, entities_from_doc
from claimpipe.claims.testing import doc_from_table

VOCAB = spacy.blank("en").vocab

CLAXTON = """
Sarah Sarah PROPN NNP compound 1 B-PERSON 1
Claxton Claxton PROPN NNP nsubj 2 I-PERSON 1
won win VERB VBD ROOT 2 O 0
. . PUNCT . punct 2 O 1
"""

AGED = """
The the DET DT det {old} O 1
25 25 NUM CD nummod {year} O 0
- - PUNCT HYPH punct {year} O 0
year year NOUN NN npadvmod {old} O 0
- - PUNCT HYPH punct {old} O 0
old old ADJ JJ nsubj {verb} O 1
smiled smile VERB VBD ROOT {verb} O 0
. . PUNCT . punct {verb} O 0
"""


def _aged(start: int) -> str:
    return AGED.format(year=start + 3, old=start + 5, verb=start + 6)


def _join(*tables: str) -> str:
    return "\n".join(t.strip() for t in tables) + "\n"


# "Sarah Claxton beat Jo Pavey ." (two people in the last sentence)
TWO_PEOPLE = """
Sarah Sarah PROPN NNP compound 1 B-PERSON 1
Claxton Claxton PROPN NNP nsubj 2 I-PERSON 1
beat beat VERB VBD ROOT 2 O 1
Jo Jo PROPN NNP compound 4 B-PERSON 1
Pavey Pavey PROPN NNP dobj 2 I-PERSON 0
. . PUNCT . punct 2 O 1
"""

# "Sarah Claxton met a doctor ." (someone with no name came in)
SOMEONE_NEW = """
Sarah Sarah PROPN NNP compound 1 B-PERSON 1
Claxton Claxton PROPN NNP nsubj 2 I-PERSON 1
met meet VERB VBD ROOT 2 O 1
a a DET DT det 4 O 1
doctor doctor NOUN NN dobj 2 O 0
. . PUNCT . punct 2 O 1
"""

# "Sarah Claxton says the 25-year-old won ." (her own words are about someone else)
SAYS = """
Sarah Sarah PROPN NNP compound 1 B-PERSON 1
Claxton Claxton PROPN NNP nsubj 2 I-PERSON 1
says say VERB VBZ ROOT 2 O 1
The the DET DT det 8 O 1
25 25 NUM CD nummod 6 O 0
- - PUNCT HYPH punct 6 O 0
year year NOUN NN npadvmod 8 O 0
- - PUNCT HYPH punct 8 O 0
old old ADJ JJ nsubj 9 O 1
won win VERB VBD ccomp 2 O 0
. . PUNCT . punct 2 O 0
"""


# "A teenager stabbed Sarah Claxton ." (someone new before the name, in its sentence)
BEFORE_THE_NAME = """
A a DET DT det 1 O 1
teenager teenager NOUN NN nsubj 2 O 1
stabbed stab VERB VBD ROOT 2 O 1
Sarah Sarah PROPN NNP compound 4 B-PERSON 1
Claxton Claxton PROPN NNP dobj 2 I-PERSON 0
. . PUNCT . punct 2 O 1
"""

# "Sarah Claxton , 81 , won ." (the article gives her another age)
OTHER_AGE = """
Sarah Sarah PROPN NNP compound 1 B-PERSON 1
Claxton Claxton PROPN NNP nsubj 5 I-PERSON 0
, , PUNCT , punct 1 O 1
81 81 NUM CD appos 1 O 0
, , PUNCT , punct 1 O 1
won win VERB VBD ROOT 5 O 0
. . PUNCT . punct 5 O 1
"""


def _resolved(table: str) -> list[tuple[str, str]]:
    doc = doc_from_table(VOCAB, table)
    mentions, entities = entities_from_doc(doc, doc_id="d")
    resolver = Resolver(doc, mentions, entities)
    return [(doc[i].text, resolver.name(eid)) for i, eid in sorted(resolver.picks().items())]


@pytest.mark.parametrize("table, expected", [
    (_join(CLAXTON, _aged(4)), [("old", "Sarah Claxton")]),
    (_join(TWO_PEOPLE, _aged(6)), []),  # which of the two?
    (_join(SOMEONE_NEW, _aged(6)), []),  # the doctor may be 25
    (SAYS.replace("The the DET DT det 8", "the the DET DT det 8"), []),  # not the one who speaks of them
    (_join(CLAXTON, _aged(4).replace("The the DET DT det", "A a DET DT det")), []),  # "A 25-year-old": someone new
    (_join(BEFORE_THE_NAME, _aged(6)), []),  # the teenager may be the 25-year-old
    (_join(OTHER_AGE, _aged(7)), []),  # she is 81
    (_join(OTHER_AGE.replace("81 81 NUM CD", "25 25 NUM CD"), _aged(7)), [("old", "Sarah Claxton")]),  # she is 25
], ids=["one-person", "two-people", "someone-new", "says", "indefinite", "someone-new-before", "other-age", "same-age"])
def test_claims_aged(table, expected):
    assert _resolved(table) == expected


def test_claims_aged_replacement_covers_the_phrase():
    doc = doc_from_table(VOCAB, _join(CLAXTON, _aged(4)))
    mentions, entities = entities_from_doc(doc, doc_id="d")
    resolver = Resolver(doc, mentions, entities)
    reps = [(doc.text[r.start_char:r.end_char], resolver.name(r.entity_id)) for r in resolver.replacements(doc[4].idx, len(doc.text))]
    assert reps == [("The 25-year-old", "Sarah Claxton")]
