"""`DocContext`: what the claim rules read of one Doc, built once per stage call.

The rules slice `doc.text` hundreds of times per article (`Doc.text` joins every token on each read)
and read the same token strings for every claim (`TokenTable`). The stage's entry points (`doc_claims`,
`find_attributions`, `enrich_claims`, the `claimpipe_claims` component) open `claims_context(doc)`,
which keeps one context in the Doc's own `user_data` while they run and removes it when they return:
no module keeps per-Doc state, one article can never be read through another's cache whatever the
input order, and a Doc leaves the stage as serialisable as it came (`Doc.to_bytes` writes user_data).
A rule called on its own, outside any entry point, reads a context made for that call.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from spacy.tokens import Doc

from ..token_table import TokenTable, read_token_table

_KEY = "claimpipe.claims.context"


@dataclass(frozen=True, slots=True)
class DocContext:
    doc: Doc
    text: str  # doc.text, read once
    table: TokenTable  # the token strings, read once
    n_tokens: int

    @classmethod
    def build(cls, doc: Doc) -> "DocContext":
        return cls(doc=doc, text=doc.text, table=read_token_table(doc), n_tokens=len(doc))

    def fits(self, doc: Doc) -> bool:
        """True for the Doc it was built from, as long as its tokens were not re-split or merged."""
        return self.doc is doc and self.n_tokens == len(doc)


@contextmanager
def claims_context(doc: Doc) -> Iterator[DocContext]:
    """Keep one context on `doc` while the block runs (an enclosing call's context is reused)."""
    ctx = doc.user_data.get(_KEY)
    if ctx is not None and ctx.fits(doc):
        yield ctx
        return
    ctx = doc.user_data[_KEY] = DocContext.build(doc)
    try:
        yield ctx
    finally:
        doc.user_data.pop(_KEY, None)


def doc_context(doc: Doc) -> DocContext:
    """The context an enclosing `claims_context` keeps on the Doc, or one made for this call."""
    ctx = doc.user_data.get(_KEY)
    if ctx is None or not ctx.fits(doc):
        ctx = DocContext.build(doc)
    return ctx


def doc_text(doc: Doc) -> str:
    """`doc.text`, read once per stage call."""
    return doc_context(doc).text
