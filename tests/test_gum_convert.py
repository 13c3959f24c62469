"""devsets/references/gum_convert.py: GUM's coreference brackets turned into reference gold, exact values on a
small hand-written document in GUM's two files (the coref column and the sentence texts)."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

CONLL = """# begin document GUM_news_toy
0\tFlag\t(object-1
1\tvote\tobject-1)
2\tbegins\t_
3\tMonday\t(time-2)
4\t,\t_
5\tMay\t(time-3
6\t4\t_
7\t,\t_
8\t2015\ttime-3)
9\tThe\t(organization-4
10\tNew\t(place-5-New_Zealand
11\tZealand\tplace-5-New_Zealand)
12\tgovernment\torganization-4)
13\tsaid\t_
14\tits\t(organization-4)
15\tPrime\t(person-6
16\tMinister\t_
17\tJohn\t_
18\tKey\tperson-6)
19\twould\t_
20\tvote\t_
21\t.\t_
22\tHe\t(person-6)
23\tsaid\t_
24\tit\t_
25\twas\t_
26\ttime\t_
27\tand\t_
28\tthe\t(person-7
29\tvoters\tperson-7)
30\tagreed\t_
31\twith\t_
32\thim\t(person-6)
33\t.\t_
# end document
"""
SENTS = """# text = Flag vote begins
# text = Monday, May 4, 2015
# text = The New Zealand government said its Prime Minister John Key would vote.
# text = He said it was time and the voters agreed with him.
"""


def _convert(tmp_path: Path) -> dict:
    (tmp_path / "GUM_news_toy.conll").write_text(CONLL, encoding="utf-8")
    (tmp_path / "GUM_news_toy.sents").write_text(SENTS, encoding="utf-8")
    sys.path.insert(0, str(REPO / "devsets" / "references"))
    try:
        import gum_convert
    finally:
        sys.path.remove(str(REPO / "devsets" / "references"))
    return gum_convert.convert(tmp_path, "GUM_news_toy")


def test_gum_text_keeps_the_headline_and_dateline_apart(tmp_path: Path) -> None:
    record = _convert(tmp_path)
    assert record["text"] == ("Flag vote begins\n\nMonday, May 4, 2015\n\nThe New Zealand government said its Prime "
                              "Minister John Key would vote. He said it was time and the voters agreed with him.")
    assert record["text_length"] == len(record["text"])


def test_gum_references_take_their_chains_name_or_none(tmp_path: Path) -> None:
    record = _convert(tmp_path)
    text = record["text"]
    refs = [(r["text"], r["kind"], r["antecedent"], r["why"]) for r in record["references"]]
    assert refs == [
        ("its", "pronoun", "New Zealand", None),  # "the New Zealand government" stands for New Zealand (rule 3)
        ("He", "pronoun", "John Key", None),  # the chain's longest name without its title
        ("it", "pronoun", None, "not_a_gum_mention"),  # pleonastic: GUM marks no mention
        ("the voters", "description", None, "no_named_antecedent"),
        ("him", "pronoun", "John Key", None),
    ]
    assert all(text[r["start"]:r["end"]] == r["text"] for r in record["references"])
    key = next(e for e in record["entities"] if e["name"] == "John Key")
    assert key == {"name": "John Key", "type": "PERSON", "spellings": ["John Key", "Key", "Minister John Key", "Prime Minister John Key"]}


def test_gum_paragraphs_follow_newpar_marks_where_the_version_has_them() -> None:
    sys.path.insert(0, str(REPO / "devsets" / "references"))
    try:
        import gum_convert
    finally:
        sys.path.remove(str(REPO / "devsets" / "references"))
    marked = [("Title", True), ("Monday, May 4, 2015", True), ("One.", True), ("Two.", False), ("Three.", True)]
    assert gum_convert.paragraphs(marked) == [["Title"], ["Monday, May 4, 2015"], ["One.", "Two."], ["Three."]]
    unmarked = [(t, False) for t, _ in marked]
    assert gum_convert.paragraphs(unmarked) == [["Title"], ["Monday, May 4, 2015"], ["One.", "Two.", "Three."]]
    assert gum_convert.paragraphs([("Title", False), ("Body.", False)]) == [["Title"], ["Body."]]


def test_gum_tokens_align_where_a_version_split_off_an_apostrophe(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "devsets" / "references"))
    try:
        import gum_convert
    finally:
        sys.path.remove(str(REPO / "devsets" / "references"))
    tokens = [("T", "_"), ("It", "_"), ("s", "_"), ("&quot;", "_"), ("fine", "_"), ("&quot;", "_")]
    tokens = [(gum_convert.html.unescape(w), c) for w, c in tokens]
    text, spans, _, _ = gum_convert.build_text([("T", False), ('It\'s "fine"', False)], tokens)
    assert [text[a:b] for a, b in spans] == ["T", "It", "'s", '"', "fine", '"']


def test_gum_names_at_a_sentence_start_and_names_with_connectors() -> None:
    sys.path.insert(0, str(REPO / "devsets" / "references"))
    try:
        import gum_convert as gc
    finally:
        sys.path.remove(str(REPO / "devsets" / "references"))
    tokens = [(w, "_") for w in "Kiara Perkins said . The Andy Warhol Foundation for the Visual Arts gave .".split()]
    perkins = gc.Mention(0, 1, "person-1", "")
    foundation = gc.Mention(4, 11, "organization-2", "")
    warhol = gc.Mention(5, 6, "person-3", "")
    mentions = [perkins, foundation, warhol]
    # "Kiara" opens a sentence and appears nowhere else, but the name goes on after it
    assert gc.name_runs(perkins, mentions, tokens, {0, 4}, set()) == [(0, 1)]
    # the foundation's runs skip the nested Andy Warhol and stop at "for the"; the whole mention is one name
    assert gc.name_runs(foundation, mentions, tokens, {0, 4}, set()) == [(7, 7), (10, 11)]
    assert gc._whole_name(foundation, tokens) == (5, 11)
    assert gc._whole_name(gc.Mention(4, 6, "x-4", ""), tokens) is None  # "The Andy Warhol": fewer than 3 words


def test_gum_two_names_joined_by_and_are_no_one_name() -> None:
    sys.path.insert(0, str(REPO / "devsets" / "references"))
    try:
        import gum_convert as gc
    finally:
        sys.path.remove(str(REPO / "devsets" / "references"))
    tokens = [(w, "_") for w in "Endeavour and Atlantis".split()]
    both, first, second = gc.Mention(0, 2, "object-1", ""), gc.Mention(0, 0, "object-2", ""), gc.Mention(2, 2, "object-3", "")
    assert gc._whole_name(both, tokens, [both, first, second]) is None
    assert gc._whole_name(both, tokens, [both]) == (0, 2)  # "Food Standards Australia and New Zealand"-like


def test_gum_entities_counts_splits_merges_and_labels() -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import gum_entities
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    text = "Andy Warhol met Kim Lee. Warhol smiled. The Andy Warhol Foundation paid Lee. Prime Minister spoke."
    names = [(0, 11, "person-1"), (16, 23, "person-2"), (25, 31, "person-1"), (44, 55, "person-1"), (72, 75, "person-2"),
             (77, 91, "person-3")]
    gold = {"id": "toy", "names": [{"start": a, "end": b, "text": text[a:b], "chain": c, "type": "PERSON"}
                                    for a, b, c in names]}
    mentions = [{"entity_id": "e1", "start": 0, "end": 11}, {"entity_id": "e9", "start": 16, "end": 23},
                {"entity_id": "e2", "start": 25, "end": 31},  # Warhol: a second entity (a split)
                {"entity_id": "org", "start": 40, "end": 66},  # the Foundation holds "Andy Warhol": not counted
                {"entity_id": "e9", "start": 72, "end": 75}, {"entity_id": "gpe", "start": 77, "end": 91}]
    labels = {"e1": "PERSON", "e2": "PERSON", "e9": "PERSON", "org": "ORG", "gpe": "GPE"}
    tally = dict.fromkeys(("person_names", "person_names_matched", "person_names_other_label", "persons",
                           "persons_split", "wrong_merges"), 0)
    cases: list[str] = []
    gum_entities.score(gold, mentions, labels, tally, cases)
    # "Prime Minister" is titles only, no name; "Warhol" ends "Andy Warhol" and "Lee" ends "Kim Lee"
    assert tally == {"person_names": 5, "person_names_matched": 4, "person_names_other_label": 0, "persons": 2,
                     "persons_split": 1, "wrong_merges": 0}
    assert cases == ["SPLIT toy: ['Andy Warhol', 'Warhol'] in 2 entities"]
    mentions[1]["entity_id"] = "e1"  # Kim Lee in Andy Warhol's entity: a wrong merge (and Kim Lee split)
    tally = dict.fromkeys(tally, 0)
    gum_entities.score(gold, mentions, labels, tally, [])
    assert (tally["wrong_merges"], tally["persons_split"]) == (1, 2)


def test_gap_verdicts_judge_a_rewrite_against_the_two_names() -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import gap
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    row = {"A": "Cheryl Cassidy", "A-coref": "TRUE", "B": "Pauline", "B-coref": "FALSE"}
    assert [gap.verdict(row, r) for r in ("Cheryl Cassidy", "Cassidy's", "Cheryl", "Pauline", "Dr Ortiz")] == [
        "right", "right", "right", "wrong", "wrong"]  # a third name is wrong when the pronoun is Cassidy's
    neither = {**row, "A-coref": "FALSE"}
    assert gap.verdict(neither, "Cheryl Cassidy") == "wrong"  # the pronoun is someone else's
    assert gap.verdict(neither, "Dr Ortiz") == "elsewhere"  # ... maybe Ortiz's: not judged
    same_surname = {"A": "Bill Smith", "A-coref": "TRUE", "B": "Jane Smith", "B-coref": "FALSE"}
    assert gap.verdict(same_surname, "Smith") == "elsewhere"  # which Smith: not judged
    assert gap.verdict(same_surname, "Jane Smith") == "wrong"  # but the full name says which
