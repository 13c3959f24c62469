"""spaCy components that belong to no single stage.

`claimpipe_block_sentences` runs before the parser and starts a sentence at every block boundary
(a blank line in the clean text), so that a heading is never fused with the paragraph after it.
The parser keeps sentence starts that are already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def mark_block_starts(doc: Doc) -> Doc:
    """Set `is_sent_start` on the first token after each blank line; leave the rest to the parser."""
    after_break = False
    for token in doc:
        if token.is_space and "\n\n" in token.text:
            after_break = True
            continue
        if token.i > 0 and after_break:
            token.is_sent_start = True
        after_break = False
    return doc


@Language.factory("claimpipe_block_sentences", requires=[], assigns=["token.is_sent_start"])
def make_block_sentences(nlp: Language, name: str) -> "BlockSentences":
    return BlockSentences()


class BlockSentences:
    def __call__(self, doc: Doc) -> Doc:
        return mark_block_starts(doc)
