"""`token_table(doc)`: a Doc's token strings as plain lists, read once per Doc.

Every `Token` attribute read makes a Token object and looks its string up in the vocab. The claim-type
and check-worthiness rules read the same five strings of every claim token several times each, so they
read them from these lists instead (one `Doc.to_array` and one lookup per distinct value). The table is
kept in the Doc's claims context (`claims.context`), so it lives and dies with the Doc.
"""

from __future__ import annotations

from dataclasses import dataclass

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


def token_table(doc: Doc) -> TokenTable:
    """The Doc's table, read once and kept on the Doc (see `claims.context.doc_context`)."""
    from .claims.context import doc_context  # the context imports this module

    return doc_context(doc).table


def read_token_table(doc: Doc) -> TokenTable:
    """Read the table from the Doc's arrays."""
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
