"""`token_table(doc)`: a Doc's token strings as plain lists, read once per Doc.

Every `Token` attribute read makes a Token object and looks its string up in the vocab. The claim-type
and check-worthiness rules read the same five strings of every claim token several times each, so they
read them from these lists instead (one `Doc.to_array` and one lookup per distinct value). A Doc's
table lives as long as the Doc (a weak-key map), since the claims and the scores of an article are
found in two passes over a batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from weakref import WeakKeyDictionary

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, POS, TAG
from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class TokenTable:
    lower: list[str]  # Token.lower_
    tag: list[str]  # Token.tag_
    pos: list[str]  # Token.pos_
    lemma: list[str]  # Token.lemma_.lower()
    dep: list[str]  # Token.dep_


_tables: WeakKeyDictionary[Doc, TokenTable] = WeakKeyDictionary()


def token_table(doc: Doc) -> TokenTable:
    table = _tables.get(doc)
    if table is None or len(table.lower) != len(doc):
        table = _tables[doc] = _read(doc)
    return table


def _read(doc: Doc) -> TokenTable:
    if not len(doc):
        return TokenTable(lower=[], tag=[], pos=[], lemma=[], dep=[])
    strings = doc.vocab.strings
    columns = []
    for values in doc.to_array([LOWER, TAG, POS, LEMMA, DEP]).T:
        distinct, index = numpy.unique(values, return_inverse=True)  # look each distinct string up once
        names = numpy.array([strings[int(v)] if v else "" for v in distinct], dtype=object)
        columns.append(names[index].tolist())
    lower, tag, pos, lemma, dep = columns
    return TokenTable(lower=lower, tag=tag, pos=pos, lemma=[w.lower() for w in lemma], dep=dep)
