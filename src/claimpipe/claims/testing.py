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

from bisect import bisect_left

from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..entities.gazetteer import load_gazetteer
from ..records import Entity, Mention, make_entity_id, make_mention_id


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


def entities_from_doc(doc: Doc, *, doc_id: str = "", labels: tuple[str, ...] = (
        "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "LAW")) -> tuple[list[Mention], list[Entity]]:
    """Plain mentions and entities from `doc.ents`: a stand-in for `annotate.doc_entities` in tests.

    A one-word PERSON that ends an earlier full name ("Trump" after "Donald Trump") joins that name; a
    country or a demonym gets its code from the gazetteer ("Kazakhstan": KAZ).
    """
    names: dict[tuple[str, str], str] = {}
    mentions: list[Mention] = []
    groups: dict[str, list[str]] = {}
    sent_of = {}
    for k, s in enumerate(doc.sents):
        sent_of[s.start] = k
    k = -1
    sent_starts = sorted(sent_of)
    for ent in doc.ents:
        if ent.label_ not in labels:
            continue
        text = ent.text
        if text.lower().startswith("the "):
            text = text[4:]
        key = (ent.label_, text)
        canonical = names.get(key)
        if canonical is None:
            canonical = text
            if ent.label_ == "PERSON" and " " not in text:
                full = [n for (lab, n) in names if lab == "PERSON" and n.endswith(" " + text)]
                if full:
                    canonical = names[("PERSON", full[0])]
            names[key] = canonical
        eid = make_entity_id(ent.label_, canonical)
        groups.setdefault(eid, [])
        if text not in groups[eid]:
            groups[eid].append(text)
        k = bisect_left(sent_starts, ent.start + 1) - 1
        mentions.append(Mention(make_mention_id(doc_id, ent.start_char, ent.end_char), doc_id, eid, ent.text,
                                ent.label_, ent.start_char, ent.end_char, ent.start_char, ent.end_char, max(k, 0)))
    entities = []
    gazetteer = load_gazetteer()
    for eid, aliases in groups.items():
        label = next(m.label for m in mentions if m.entity_id == eid)
        canonical = next(n for (lab, t), n in names.items() if make_entity_id(lab, n) == eid)
        entry = gazetteer.by_name.get((label, canonical))  # a country's or a demonym's code, as annotate gives it
        kb_id = entry.kb_id if entry is not None else ""
        entities.append(Entity(doc_id, eid, canonical, label, sum(m.entity_id == eid for m in mentions), aliases,
                               kb_id=kb_id))
    return mentions, entities
