"""Entities: the model's slips fixed, mentions grouped into canonical entities, roles read off the parse.

- `gazetteer`: the name tables (countries from pycountry, demonyms, international bodies) and word lists.
- `fixes`: `fix_entities(doc, matches)`, the corrections, as pure functions over a Doc;
- `propagate`: names carried through an article (acronyms, short forms, people by title);
- `shapes`: word shapes and lines the two share;
- `canonical`: `resolve(ents)`, one canonical name per entity within an article.
- `roles`: `describe(ent)`, a mention's role (title, apposition) and owner (possessive).
- `components`: the spaCy factories `claimpipe_gazetteer` and `claimpipe_entity_fixes`.

`claimpipe.annotate` puts them together: `load_nlp`, `doc_entities`, `corpus_entities`.
"""

from .canonical import Resolved, resolve
from .fixes import fix_entities
from .shapes import NAME_LABELS
from .gazetteer import Entry, Gazetteer, Lexicon, load_gazetteer, load_lexicon
from .roles import describe

__all__ = ["NAME_LABELS", "Entry", "Gazetteer", "Lexicon", "Resolved", "describe", "fix_entities", "load_gazetteer",
           "load_lexicon", "resolve"]
