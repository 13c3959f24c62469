"""spaCy components for entities: the gazetteer (a SpanRuler over the name tables) and the fixes.

Both are registered as factories here and exposed through `[project.entry-points.spacy_factories]`, so a
saved pipeline loads without importing claimpipe first. Their patterns and word lists come from the
package data, so nothing needs serialising beyond the config.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc

from .fixes import fix_entities
from .gazetteer import load_gazetteer, load_lexicon

GAZETTEER_KEY = "claimpipe_gazetteer"


@Language.factory("claimpipe_gazetteer", assigns=["doc.spans"], default_config={"spans_key": GAZETTEER_KEY})
def make_gazetteer(nlp: Language, name: str, *, spans_key: str) -> "GazetteerRuler":
    """Country names, demonyms and international bodies, matched case-sensitively, into doc.spans[spans_key]."""
    ruler = GazetteerRuler(nlp, name, spans_key=spans_key, phrase_matcher_attr="ORTH", overwrite=True)
    # Patterns need only the tokenizer; the other components may not be loaded yet (spacy.load of a saved
    # pipeline builds every component before it reads any weights).
    with nlp.select_pipes(disable=nlp.pipe_names):
        ruler.add_patterns(load_gazetteer().patterns())
    return ruler


class GazetteerRuler(SpanRuler):
    """A SpanRuler whose patterns come from claimpipe's data tables, so a saved pipeline stores none."""

    def to_disk(self, path, *, exclude=()) -> None:  # type: ignore[no-untyped-def]
        from pathlib import Path

        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path, *, exclude=()) -> "GazetteerRuler":  # type: ignore[no-untyped-def]
        return self

    def to_bytes(self, *, exclude=()) -> bytes:  # type: ignore[no-untyped-def]
        return b""

    def from_bytes(self, bytes_data, *, exclude=()) -> "GazetteerRuler":  # type: ignore[no-untyped-def]
        return self


@Language.factory("claimpipe_entity_fixes", requires=["doc.ents", "token.tag", "token.dep"], assigns=["doc.ents"],
                  default_config={"spans_key": GAZETTEER_KEY, "propagate": True, "keep_gazetteer_spans": False})
def make_entity_fixes(nlp: Language, name: str, *, spans_key: str, propagate: bool,
                      keep_gazetteer_spans: bool) -> "EntityFixes":
    return EntityFixes(spans_key=spans_key, propagate=propagate, keep_gazetteer_spans=keep_gazetteer_spans)


class EntityFixes:
    """Corrects `doc.ents` (see `claimpipe.entities.fixes`); gazetteer names get `id_` and `kb_id_`."""

    def __init__(self, *, spans_key: str, propagate: bool, keep_gazetteer_spans: bool) -> None:
        self.spans_key, self.propagate, self.keep = spans_key, propagate, keep_gazetteer_spans
        self.gazetteer, self.lex = load_gazetteer(), load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):  # an article that was all boilerplate
            return doc
        matches = list(doc.spans[self.spans_key]) if self.spans_key in doc.spans else []
        doc.ents = fix_entities(doc, matches, gazetteer=self.gazetteer, lex=self.lex, propagate=self.propagate)
        if not self.keep and self.spans_key in doc.spans:
            del doc.spans[self.spans_key]
        return doc
