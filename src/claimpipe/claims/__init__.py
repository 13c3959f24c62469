"""Claims: what an article claims, who says it, about whom, how firmly, and readable alone.

Pure functions over spaCy Docs and Spans, in one module per concern:

- `attribution`: direct, indirect, mixed, according-to, dash and colon attributions (`find_attributions`),
  with the rules in `cues` (verbs, nouns, adjectives) and `phrases` (according to, dash, colon,
  continued quotations) and the record and span helpers in `spans`;
- `quotes`: quotation marks, balanced or not (`find_quotes`);
- `structure`: subject, predicate, object, negation and hedging of a clause (`clause_structure`, `hedge_cues`);
- `resolve`: pronouns and definite descriptions to the article's entities (`Resolver`);
- `units`: which sentences are claims and how they split into atomic claims (`doc_units`);
- `build`: the Claim records the pipeline writes (`doc_claims`);
- `component`: the `claimpipe_claims` spaCy component (`find_claims`);
- `testing`: `doc_from_table`, parsed Docs built by hand for rule tests.

The word lists live in `claimpipe/data/claims/lexicon.toml`.
"""

from .attribution import Attribution, find_attributions
from .build import claim_content_spans, doc_claims
from .component import ClaimFinder, find_claims, make_claim_finder
from .lexicon import Lexicon, load_lexicon
from .quotes import Quote, find_quotes
from .resolve import Resolver, entities_from_doc
from .structure import Structure, clause_structure, hedge_cues, is_negated
from .units import is_statement

__all__ = [
    "Attribution", "ClaimFinder", "Lexicon", "Quote", "Resolver", "Structure", "claim_content_spans",
    "clause_structure", "doc_claims", "entities_from_doc", "find_attributions", "find_claims", "find_quotes",
    "hedge_cues", "is_negated", "is_statement", "load_lexicon", "make_claim_finder",
]
