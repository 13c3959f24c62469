"""One person, one entity, scored on GUM's coreference chains (gold written by others; issue 16).

    .venv/bin/python benchmarks/gum_entities.py --split gumtune            # may be tuned on; shows each case
    .venv/bin/python benchmarks/gum_entities.py --split gumheldout         # held out: aggregate only
    .venv/bin/python benchmarks/gum_entities.py --split all

Each GUM document of `devsets/references/gum*.jsonl` carries its names (`names`: every run of capitalised words in a
mention, with the mention's chain; `gum_convert.py`). The document goes through `claimpipe.pipeline.run` as plain
text, and every name is matched to the entities of the claimpipe mentions inside it (or ending with it: a title
before it), not of a longer name that holds it ("the Andy Warhol Foundation"). Per document:

- person split: a GUM person chain whose matched names fall in two or more claimpipe entities;
- wrong merge: a claimpipe PERSON entity holding matched names of two or more GUM person chains;
- person under another label: a GUM person's name matched to a claimpipe entity that is no PERSON (once per name).

The names are GUM's, not audited (the blind audit covered references and spellings); `person_names` keeps the runs
that are a person's name. Needs no ../shared.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
GOLD = REPO / "devsets" / "references"
sys.path.insert(0, str(GOLD))
from references import pipeline_over  # noqa: E402  (benchmarks/, beside this script)
SPLITS = ("gumtune", "gumheldout", "gumheldout2", "gumbio")


def person_names(gold: dict) -> list[dict]:
    """The runs of GUM's person chains that are a person's name: two or more words, not titles only ("Andy Warhol",
    "Professor Burrows"; not "Prime Minister"), or one word that ends such a run of the same chain ("Warhol"); not a
    nationality or a noun the chain's mentions capitalise ("Australian", "Sheriff")."""
    from gum_convert import TITLES

    runs = [n for n in gold["names"] if n["type"] == "PERSON"]
    surnames = {(n["chain"], n["text"].split()[-1]) for n in runs if len(n["text"].split()) > 1}
    return [n for n in runs if (len(n["text"].split()) > 1 and not all(w.rstrip(".") in TITLES for w in n["text"].split()))
            or (n["chain"], n["text"]) in surnames]


def score(gold: dict, mentions: list[dict], labels: dict[str, str], tally: dict, cases: list[str]) -> None:
    """Match the gold's names to the run's mentions of one document and count splits, merges and wrong labels."""
    entities_of: dict[str, set[str]] = defaultdict(set)  # GUM person chain -> claimpipe entities
    chains_of: dict[str, set[str]] = defaultdict(set)  # claimpipe entity -> GUM person chains
    texts: dict[str, set[str]] = defaultdict(set)
    for name in person_names(gold):
        # a mention inside the name, or one that ends where it ends ("Emeritus Professor John Burrows"); not a longer
        # name that holds it ("the Andy Warhol Foundation", "Chiang Kai Shek Memorial": another entity, rightly)
        hits = [m for m in mentions if m["start"] < name["end"] and name["start"] < m["end"]
                and (name["start"] <= m["start"] or m["end"] == name["end"]) and m["end"] <= name["end"]]
        for m in hits:
            entities_of[name["chain"]].add(m["entity_id"])
            chains_of[m["entity_id"]].add(name["chain"])
            texts[name["chain"]].add(name["text"])
        other = sorted({labels[m["entity_id"]] for m in hits} - {"PERSON"})
        if other:  # once per name, however many mentions the model made of it ("Valeska" + "Paris")
            tally["person_names_other_label"] += 1
            cases.append(f"LABEL {gold['id']}: {name['text']!r} is in a {'/'.join(other)} entity")
        tally["person_names"] += 1
        tally["person_names_matched"] += bool(hits)
    for chain, ents in entities_of.items():
        tally["persons"] += 1
        if len(ents) > 1:
            tally["persons_split"] += 1
            cases.append(f"SPLIT {gold['id']}: {sorted(texts[chain])} in {len(ents)} entities")
    for eid, chains in chains_of.items():
        if labels[eid] == "PERSON" and len(chains) > 1:
            tally["wrong_merges"] += 1
            cases.append(f"MERGE {gold['id']}: {sorted(t for c in chains for t in texts[c])} in one entity")


def run_split(split: str, nlp) -> tuple[dict, list[str]]:
    items = [json.loads(line) for line in (GOLD / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()]
    tally: dict[str, int] = dict.fromkeys(("person_names", "person_names_matched", "person_names_other_label",
                                           "persons", "persons_split", "wrong_merges"), 0)
    cases: list[str] = []
    by_name = {f"{k:02d}.txt": g for k, g in enumerate(items)}
    with pipeline_over({name: g["text"] for name, g in by_name.items()}, nlp) as out:
        with open(out / "documents.csv", encoding="utf-8") as f:
            source_of = {r["doc_id"]: Path(r["source"]).name for r in csv.DictReader(f)}
        with open(out / "entities.csv", encoding="utf-8") as f:
            labels = {r["entity_id"]: r["label"] for r in csv.DictReader(f)}
        per_doc: dict[str, list[dict]] = defaultdict(list)
        with open(out / "mentions.csv", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                per_doc[r["doc_id"]].append({"entity_id": r["entity_id"], "start": int(r["source_start"]),
                                             "end": int(r["source_end"])})
        for doc_id, name in source_of.items():
            score(by_name[name], per_doc.get(doc_id, []), labels, tally, cases)
    return tally, cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("--show", action="store_true", help="list each case (never for a held-out part)")
    args = parser.parse_args()
    from claimpipe.annotate import load_nlp
    from claimpipe.settings import Settings

    nlp = load_nlp(Settings())
    for split in (SPLITS if args.split == "all" else [args.split]):
        tally, cases = run_split(split, nlp)
        print(json.dumps({"split": split, **tally}))
        if args.show and split != "gumtune":
            print(f"({split} is held out: its cases are never shown)")
        elif args.show:
            print("\n".join(cases))


if __name__ == "__main__":
    main()
