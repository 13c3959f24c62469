"""Claims: what an article claims, who says it, about whom, how firmly, and readable alone.

Pure functions over spaCy Docs and Spans, in one module per concern:

- `attribution`: direct, indirect, mixed, according-to, dash and colon attributions (`find_attributions`),
  with the rules in `cues` (verbs, nouns, adjectives) and `phrases` (according to, dash, colon,
  continued quotations) and the record and span helpers in `spans`;
- `quotes`: quotation marks, balanced or not (`find_quotes`);
- `structure`: subject, predicate, object, negation and hedging of a clause (`clause_structure`, `hedge_cues`);
- `resolve`: pronouns and definite descriptions to the article's entities (`Resolver`);
- `units`: which sentences are claims and how they split into atomic claims (`doc_units`);
- `build`: the Claim records the pipeline writes (`doc_claims`): structure, attribution, resolution;
- `checkworthiness`: the trained check-worthiness and subjectivity classifiers, one call per batch
  (`CheckworthinessScorer`, `score_documents`) and each claim's final score (`score_claims`);
- `quantities`: numbers with scale and unit (`find_quantities`);
- `types`: claim types and the words behind them (`claim_types`, `type_claims`);
- `enrich`: a Doc's claims typed, then scored (`enrich_claims`);
- `component`: the `claimpipe_claims` spaCy component (`find_claims`);
- `testing`: `doc_from_table`, parsed Docs built by hand for rule tests, and `entities_from_doc`.

The stage reads in that order: `doc_claims` (structure and attribution, then resolution), then per
batch `score_documents`, then per Doc `enrich_claims` (types, then the final score).

The word lists live in `claimpipe/data/claims/*.toml` (lexicon, types, quantities), read by `claims.lexicon`.
"""

from .attribution import Attribution, find_attributions
from .build import claim_content_spans, doc_claims
from .checkworthiness import CheckworthinessScorer, score_documents
from .component import ClaimFinder, find_claims, make_claim_finder
from .enrich import enrich_claims
from .lexicon import Lexicon, load_lexicon
from .quantities import find_quantities
from .quotes import Quote, find_quotes
from .resolve import Resolver
from .structure import Structure, clause_structure, hedge_cues, is_negated
from .testing import entities_from_doc
from .types import CLAIM_TYPES, claim_types, type_claims
from .units import is_statement

__all__ = [
    "CLAIM_TYPES", "Attribution", "CheckworthinessScorer", "ClaimFinder", "Lexicon", "Quote", "Resolver",
    "Structure", "claim_content_spans", "claim_types", "clause_structure", "doc_claims", "enrich_claims",
    "entities_from_doc", "find_attributions", "find_claims", "find_quantities", "find_quotes", "hedge_cues",
    "is_negated", "is_statement", "load_lexicon", "make_claim_finder", "score_documents", "type_claims",
]
