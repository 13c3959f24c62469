"""Build parsed Docs by hand, for rule tests that must not drift with the model.

    doc = doc_from_table(nlp.vocab, '''
        Smith Smith PROPN NNP nsubj 1 B-PERSON 1
        said say VERB VBD ROOT 1 O 0
        . . PUNCT . punct 1 O 0
    ''')

One token a line: text, lemma, coarse POS, fine tag, dependency, head index (absolute), entity
(IOB-label or O) and 1 if a space follows. A blank line in the table starts a new paragraph
(the token before it gets "\\n\\n" as a separate space token, as the clean text has).
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab


def doc_from_table(vocab: Vocab, table: str) -> Doc:
    words, lemmas, pos, tags, deps, heads, ents, spaces = [], [], [], [], [], [], [], []
    lines = table.strip("\n").splitlines()
    for line in lines:
        if not line.strip():
            # a paragraph break: a whitespace token "\n\n" attached to the previous token
            spaces[-1] = False
            words.append("\n\n")
            lemmas.append("\n\n")
            pos.append("SPACE")
            tags.append("_SP")
            deps.append("dep")
            heads.append(len(words) - 2)
            ents.append("O")
            spaces.append(False)
            continue
        text, lemma, p, tag, dep, head, ent, sp = line.split()
        words.append(text)
        lemmas.append(lemma)
        pos.append(p)
        tags.append(tag)
        deps.append(dep)
        heads.append(int(head))
        ents.append(ent)
        spaces.append(sp == "1")
    return Doc(vocab, words=words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tags, deps=deps, heads=heads,
               ents=ents)
