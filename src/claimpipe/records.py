"""Plain records passed between the stages.

Each stage takes and returns these dataclasses, never bare dicts, so that a stage can be deepened
without reshaping its neighbours. Export turns them into rows (`export.as_row`), and the output tables
take their columns and types from them (`claimpipe.tables`): a new field here is a new column in every
output file, the loader and the JSON Schemas (docs/outputs.md, "Add a column"). A field that must not be
written gets `field(metadata=NOT_EXPORTED)`.
Offsets follow spaCy: `start_char`/`end_char` index the clean text; `source_start`/`source_end`
index the article's source text (see `../shared/OUTPUTS.md`).
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field


NOT_EXPORTED = {"export": False}  # field metadata: kept in the record, never written to the outputs


def short_hash(*parts: object) -> str:
    """16 hex digits of SHA-256 over the parts joined by a unit separator."""
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def make_doc_id(source_text: str) -> str:
    return "d_" + hashlib.sha256(source_text.encode("utf-8")).hexdigest()[:16]


def make_entity_id(label: str, name: str) -> str:
    return "e_" + short_hash(label, name)


def make_mention_id(doc_id: str, start_char: int, end_char: int) -> str:
    return "m_" + short_hash(doc_id, start_char, end_char)


def make_claim_id(doc_id: str, start_char: int, end_char: int) -> str:
    return "c_" + short_hash(doc_id, start_char, end_char)


@dataclass(slots=True)
class Article:
    """One input article after ingest: its normalised source text and any metadata it came with."""

    source: str  # path relative to the corpus root, plus "#L<n>" for a JSONL record
    text: str = field(metadata=NOT_EXPORTED)  # the source text: decoded, newlines "\n", NFC (the outputs hold the clean text)
    doc_id: str
    sha256: str  # of the input's raw bytes (the file, or the JSONL line)
    format: str = "text"  # "text" or "html" (text is then trafilatura's extraction)
    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    site: str | None = None  # the registered domain of the article's URL (or canonical link); None when unknown
    notes: list[str] = field(default_factory=list)  # repairs made on the way in (e.g. mojibake fixed)
    folder: str | None = None  # the input's folder (or JSONL file): groups articles when `site` is unknown
    extractor: str | None = None  # for HTML: what found the text ("trafilatura", "trafilatura-recall", "justext")
    language: str | None = None  # ISO 639-1 code detected on the clean text (`claimpipe.language`)


@dataclass(slots=True)
class Removal:
    """A block of the source text that the cleaner dropped, and why."""

    source_start: int
    source_end: int
    reason: str
    text: str


@dataclass(slots=True)
class Block:
    """A kept block: a verbatim slice of the source text placed in the clean text."""

    kind: str  # "title", "subtitle", "heading" or "paragraph"
    start_char: int
    end_char: int
    source_start: int
    source_end: int


@dataclass(slots=True)
class Cleaned:
    """The clean text of one article, its block map back to the source and what was removed."""

    text: str
    blocks: list[Block]
    removals: list[Removal]
    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    published: str | None = None
    headings: list[str] = field(default_factory=list)

    def block_index(self, char: int) -> int | None:
        """Index of the block holding clean offset `char`, or None if it falls between blocks."""
        i = bisect_right(self.blocks, char, key=lambda b: b.start_char) - 1  # no list per call: linear stage
        if i >= 0 and self.blocks[i].start_char <= char < self.blocks[i].end_char:
            return i
        return None

    def to_source(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        """Map a clean span to source offsets; None when it does not lie inside one kept block."""
        if end_char <= start_char:
            return None
        i = self.block_index(start_char)
        if i is None or end_char > self.blocks[i].end_char:
            return None
        shift = self.blocks[i].source_start - self.blocks[i].start_char
        return start_char + shift, end_char + shift


@dataclass(slots=True)
class Mention:
    mention_id: str
    doc_id: str
    entity_id: str
    text: str
    label: str
    start_char: int
    end_char: int
    source_start: int
    source_end: int
    sentence_index: int
    role: str = ""  # a title or apposition that describes the mention ("Deputy Prime Minister")
    possessor: str = ""  # entity_id of an owner ("Kazakhstan's government")


@dataclass(slots=True)
class Entity:
    """One canonical entity within one article."""

    doc_id: str
    entity_id: str
    name: str
    label: str
    n_mentions: int
    aliases: list[str] = field(default_factory=list)
    kb_id: str = ""  # an external identifier when one is known (ISO 3166 alpha-3 for countries)


@dataclass(slots=True)
class Quantity:
    text: str
    value: float | None
    unit: str  # "%", "USD", "minute", "" when bare
    start_char: int
    end_char: int


@dataclass(slots=True)
class Rewrite:
    """A pronoun or description that the stand-alone text replaced with a name."""

    start: int  # offsets into the claim's `text`
    end: int
    original: str  # the words as written: text[start:end]
    replacement: str  # what standalone_text has instead
    entity_id: str
    confidence: float  # 0..1: how far the entity is ahead of the next candidate (1.0: it stood alone)


@dataclass(slots=True)
class Claim:
    claim_id: str
    doc_id: str
    sentence_index: int
    text: str
    start_char: int
    end_char: int
    source_start: int
    source_end: int
    standalone_text: str
    subject: str = ""
    subject_entity_id: str = ""
    predicate: str = ""
    object: str = ""
    speaker: str = ""
    speaker_entity_id: str = ""
    cue: str = ""
    attribution: str = "none"  # none, direct, indirect, mixed, according_to
    negated: bool = False
    hedged: bool = False
    hedge_cues: list[str] = field(default_factory=list)
    claim_types: list[str] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    checkworthiness: float = 0.0
    checkworthiness_reasons: list[str] = field(default_factory=list)
    entity_ids: list[str] = field(default_factory=list)
    speaker_start: int | None = None  # clean offsets of the speaker and cue, when attributed
    speaker_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    rewrites: list[Rewrite] = field(default_factory=list)  # what standalone_text put in, and where
    speaker_kind: str = ""  # person, organisation, document, or "" (no speaker, or not clear)
    speaker_confidence: float | None = None  # 1.0 for a name; a resolved he/she/description: its calibrated confidence
    subjectivity: float = 0.0  # calibrated probability that the claim gives an opinion (`evaluative` at the threshold)


@dataclass(slots=True)
class SentenceScore:
    """One sentence of the clean text and its calibrated check-worthiness (documents.jsonl `sentences`),
    so that sentences that hold no claim can be ranked too."""

    start_char: int
    end_char: int
    checkworthiness: float
    source_start: int | None = None  # the same span in the source text (sentences never cross blocks)
    source_end: int | None = None


@dataclass(slots=True)
class DocError:
    """One input (or one record of an input) that failed, and at which stage."""

    source: str
    stage: str  # ingest, clean, annotate, claims, export
    error: str  # the exception's type name, or a short kind ("EmptyInput", "BinaryInput")
    message: str


@dataclass(slots=True)
class CorpusEntity:
    """One canonical entity across a run: a row of corpus_entities.csv.

    `linked_ids` are the per-article entity_ids rolled into this row by the corpus rule
    (`annotate.corpus_links`), besides `entity_id` itself; a join of `entities.csv` on `entity_id` in
    `[entity_id] + linked_ids` finds every article that names it."""

    entity_id: str
    name: str
    label: str
    n_documents: int
    n_mentions: int
    aliases: list[str] = field(default_factory=list)
    kb_id: str = ""
    linked_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class DocResult:
    """Everything the pipeline learned about one article, ready for export."""

    article: Article
    cleaned: Cleaned
    n_sentences: int = 0
    n_words: int = 0
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    sentences: list[SentenceScore] = field(default_factory=list)  # every sentence's check-worthiness
