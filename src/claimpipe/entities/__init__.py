"""Entities: the model's slips fixed, mentions grouped into canonical entities, roles read off the parse.

- `gazetteer`: the name tables (countries from pycountry, demonyms, international bodies) and word lists.
- `fixes`: `fix_entities(doc, matches)`, the corrections, as pure functions over a Doc.
- `canonical`: `resolve(ents)`, one canonical name per entity within an article.
- `roles`: `describe(ent)`, a mention's role (title, apposition) and owner (possessive).
- `components`: the spaCy factories `claimpipe_gazetteer` and `claimpipe_entity_fixes`.

`claimpipe.annotate` puts them together: `load_nlp`, `doc_entities`, `corpus_entities`.
"""

from .canonical import Resolved, resolve
from .fixes import NAME_LABELS, fix_entities
from .gazetteer import Entry, Gazetteer, Lexicon, load_gazetteer, load_lexicon
from .roles import describe

__all__ = ["NAME_LABELS", "Entry", "Gazetteer", "Lexicon", "Resolved", "describe", "fix_entities", "load_gazetteer",
           "load_lexicon", "resolve"]
