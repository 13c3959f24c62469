""""The government" and a far "the country": the one country an article names, and only then.

Hand-built parses; the test entities carry the gazetteer's country codes (`entities_from_doc`).
"""

from __future__ import annotations

import pytest
import spacy

from claimpipe.claims import Resolver, entities_from_doc
from claimpipe.claims.testing import doc_from_table
from claimpipe.entities.gazetteer import place_countries

VOCAB = spacy.blank("en").vocab


def _table(*sentences: str) -> str:
    """Rows for short sentences "Word/POS/dep[/IOB] ... verb": the subject (the word before the verb) hangs
    on the verb, its modifiers on the subject; a full stop closes each sentence."""
    rows, start = [], 0
    for sentence in sentences:
        parts = [p.split("/") for p in sentence.split()]
        verb = start + len(parts) - 1
        parts[-1] = [parts[-1][0], "VERB", "ROOT"]
        for word, pos, dep, *iob in parts:
            tag = {"DET": "DT", "ADJ": "JJ", "PROPN": "NNP", "NOUN": "NN", "VERB": "VBD"}[pos]
            if pos == "NOUN" and word.endswith("s"):
                tag = "NNS"
            head = verb - 1 if dep in ("det", "amod", "compound") else verb  # modifiers hang on the subject
            lemma = word.lower() if pos != "VERB" else {"grew": "grow", "fell": "fall", "spoke": "speak", "voted": "vote"}[word]
            rows.append(f"{word} {lemma} {pos} {tag} {dep} {head} {iob[0] if iob else 'O'} 1")
        rows.append(f". . PUNCT . punct {verb} O 1")
        start = verb + 2
    return "\n".join(rows) + "\n"


def _resolved(table: str) -> list[tuple[str, str]]:
    doc = doc_from_table(VOCAB, table)
    mentions, entities = entities_from_doc(doc, doc_id="d")
    resolver = Resolver(doc, mentions, entities)
    return [(doc[i].text, resolver.name(eid)) for i, eid in sorted(resolver.picks().items())]


JAPAN = "Japan/PROPN/nsubj/B-GPE grew"
GOVERNMENT = "The/DET/det government/NOUN/nsubj fell"


@pytest.mark.parametrize("sentences, expected", [
    ((JAPAN, GOVERNMENT), [("government", "Japan")]),
    ((GOVERNMENT, JAPAN), [("government", "Japan")]),  # the article's one country, wherever it is named
    ((JAPAN, "The/DET/det federal/ADJ/amod government/NOUN/nsubj fell"), [("government", "Japan")]),
    ((JAPAN, "The/DET/det local/ADJ/amod government/NOUN/nsubj fell"), []),  # another government
    ((JAPAN, "The/DET/det new/ADJ/amod government/NOUN/nsubj fell"), []),  # a government picked out
    ((JAPAN, "The/DET/det state/NOUN/compound government/NOUN/nsubj fell"), []),
    ((JAPAN, "China/PROPN/nsubj/B-GPE grew", GOVERNMENT), []),  # two countries: whose?
    ((JAPAN, "Chinese/ADJ/amod/B-NORP banks/NOUN/nsubj grew", GOVERNMENT), []),  # a demonym names one too
    ((JAPAN, "Beijing/PROPN/nsubj/B-GPE spoke", GOVERNMENT), []),  # and a capital
    (("Iraq/PROPN/nsubj/B-GPE grew", "Labour/PROPN/nsubj/B-ORG spoke", GOVERNMENT), []),  # and a national party
    (("Iraq/PROPN/nsubj/B-GPE grew", "Ohio/PROPN/nsubj/B-GPE grew", GOVERNMENT), []),  # and a state
    (("Ohio/PROPN/nsubj/B-GPE grew", GOVERNMENT), []),  # a state alone names no country to write in
    ((JAPAN, "The/DET/det Japanese/ADJ/amod/B-NORP government/NOUN/nsubj fell"), []),  # named as it is
    ((JAPAN, "The/DET/det previous/ADJ/amod government/NOUN/nsubj fell"), []),  # any other modifier: another one
], ids=["after", "before", "federal", "local", "new", "state-government", "two-countries", "demonym",
        "capital", "party", "us-state", "state-alone", "named", "previous"])
def test_claims_national_the_government(sentences, expected):
    assert _resolved(_table(*sentences)) == expected


FILLER = ("Prices/NOUN/nsubj grew",) * 5


@pytest.mark.parametrize("sentences, expected", [
    ((JAPAN, *FILLER, "The/DET/det country/NOUN/nsubj fell"), [("country", "Japan")]),  # far from any name
    ((JAPAN, "China/PROPN/nsubj/B-GPE grew", *FILLER, "The/DET/det country/NOUN/nsubj fell"), []),
    ((JAPAN, *FILLER, "The/DET/det state/NOUN/nsubj fell"), []),  # "the state" may be a state
    (("United/PROPN/compound/B-GPE Kingdom/PROPN/nsubj/I-GPE grew", *FILLER, "Scotland/PROPN/nsubj/B-GPE voted",
      "The/DET/det country/NOUN/nsubj fell"),
     []),  # a place in reach: "the country" may be Scotland
    ((JAPAN, *FILLER, "A/DET/det country/NOUN/nsubj grew", "The/DET/det country/NOUN/nsubj fell"), []),  # a new one
], ids=["far-country", "far-two-countries", "far-state", "place-in-reach", "a-country-before"])
def test_claims_national_a_far_country(sentences, expected):
    assert _resolved(_table(*sentences)) == expected


def test_claims_national_wording_in_the_standalone_text(nlp):
    # through the claims stage with the model: the rewrite keeps the case of "The" and reads "the Japanese
    # government"; the speaker is that government
    from tests.test_claims import claims_of

    text = ('Japan sold more cars abroad last year. The government said exports rose by 5%. '
            '"The government has failed to act," Mr Tanaka said.')
    _, claims = claims_of(nlp, text)
    by_text = {c.text: c for c in claims}
    said = by_text["The government said exports rose by 5%."]
    assert said.standalone_text == "The Japanese government said exports rose by 5%."
    assert (said.speaker, said.speaker_kind) == ("the Japanese government", "organisation")
    assert [(r.original, r.replacement) for r in said.rewrites] == [("The government", "The Japanese government")]
    quoted = next(c for c in claims if "has failed" in c.text)
    assert "The Japanese government has failed to act" in quoted.standalone_text


def test_claims_national_places_inside_one_country():
    inside = place_countries()
    assert [inside.get(n) for n in ("london", "baghdad", "ohio", "scotland", "downing street", "labour")] == \
        ["GBR", "IRQ", "USA", "GBR", "GBR", "GBR"]
    # "Georgia" is a country and a US state, "Punjab" a state of India and of Pakistan, "Kingston" the
    # capital of Jamaica and of Norfolk Island: none tells one country
    assert [n in inside for n in ("georgia", "punjab", "kingston", "japan")] == [False, False, False, False]
