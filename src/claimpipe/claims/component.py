"""The `claimpipe_claims` spaCy component: claim spans in `doc.spans["claims"]`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .attribution import find_attributions
from .context import claims_context
from .units import doc_units


def find_claims(doc: Doc, *, min_tokens: int = 4) -> list[Span]:
    """Claim spans of a doc, labelled with their attribution ("none", "direct", "indirect", ...).

    A pure function of the parse: every statement sentence (or atomic part) is a claim; blocks are
    not known here, so headings are recognised by their shape only.
    """
    with claims_context(doc):
        units = doc_units(doc, find_attributions(doc), min_tokens=min_tokens)
    spans = []
    for u in units:
        span = doc.char_span(u.start_char, u.end_char, label=u.attribution.kind if u.attribution else "none",
                             alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


@Language.factory("claimpipe_claims", requires=["doc.sents", "token.dep", "token.lemma"], assigns=["doc.spans"],
                  default_config={"spans_key": "claims", "min_tokens": 4})
def make_claim_finder(nlp: Language, name: str, *, spans_key: str, min_tokens: int) -> "ClaimFinder":
    return ClaimFinder(spans_key=spans_key, min_tokens=min_tokens)


class ClaimFinder:
    def __init__(self, *, spans_key: str, min_tokens: int) -> None:
        self.spans_key, self.min_tokens = spans_key, min_tokens

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[self.spans_key] = find_claims(doc, min_tokens=self.min_tokens)
        return doc
