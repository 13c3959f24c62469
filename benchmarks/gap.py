"""Two names of one gender and a pronoun: how often a rewrite picks the right one, on GAP (gold written by others).

    .venv/bin/python benchmarks/gap.py                          # gap-validation.tsv, 454 snippets: held out, aggregate only
    .venv/bin/python benchmarks/gap.py --split development --show  # the first 590 of GAP's development split: may be tuned on

GAP (Webster et al. 2018, github.com/google-research-datasets/gap-coreference, Apache-2.0; copied as it is into
`devsets/gap/`) holds Wikipedia snippets, each with one third-person pronoun and two names of the pronoun's gender,
A and B, and whether the pronoun refers to each: the case issue 16 asks a resolver to leave as written when unsure.
Each snippet goes through `claimpipe.pipeline.run` as a plain-text file. When the snippet's pronoun lies in a claim
and was rewritten, the rewrite is right if the name put in is the one the pronoun refers to, wrong if it is the other
name, or a third name while the pronoun is A's or B's, or A or B while it is neither's; not judged ("elsewhere") if it
is a surname A and B share, or a third name while the pronoun is neither's. Held out for
good: no rule is tuned on it, and the script prints no single snippet. Needs no ../shared.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
FILES = {"validation": REPO / "devsets" / "gap" / "gap-validation.tsv",
         "development": REPO / "devsets" / "gap" / "gap-development-1-590.tsv"}


def _norm(name: str) -> str:
    name = name.lower().strip()
    for suffix in ("'s", "’s", "'"):
        name = name.removesuffix(suffix)
    return name


def names_match(replacement: str, name: str) -> bool:
    """The name put in is `name`, or the two share their last word ("Cassidy" for "Cheryl Cassidy"), or one of them is
    one word that opens the other ("Cheryl")."""
    a, b = _norm(replacement).split(), _norm(name).split()
    return a == b or a[-1:] == b[-1:] or (min(len(a), len(b)) == 1 and a[:1] == b[:1])


def verdict(row: dict, replacement: str) -> str:
    """right / wrong / elsewhere for a rewrite of the row's pronoun."""
    exact = [c for c in ("A", "B") if _norm(replacement) == _norm(row[c])]
    on_a, on_b = (exact == ["A"], exact == ["B"]) if exact else (names_match(replacement, row["A"]),
                                                                 names_match(replacement, row["B"]))
    if on_a and on_b:
        return "elsewhere"  # a surname both share: which, not judged
    if not on_a and not on_b:  # a third name: wrong when the pronoun is A's or B's, not judged when neither's
        return "wrong" if "TRUE" in (row["A-coref"], row["B-coref"]) else "elsewhere"
    chosen = "A" if on_a else "B"
    return "right" if row[f"{chosen}-coref"] == "TRUE" else "wrong"


def main() -> None:
    import argparse

    from claimpipe.annotate import load_nlp
    from claimpipe.settings import Settings
    from references import pipeline_over  # beside this script

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=sorted(FILES), default="validation")
    parser.add_argument("--show", action="store_true", help="list each judged rewrite (development only)")
    parser.add_argument("--lexicon", metavar="TOML", help="claims lexicon settings over the shipped ones (an experiment)")
    args = parser.parse_args()
    shown: list[str] = []
    with open(FILES[args.split], encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    tally = dict.fromkeys(("snippets", "pronoun_in_a_claim", "rewritten", "right", "wrong", "elsewhere"), 0)
    by_gender: dict[str, list[int]] = {}
    texts = {f"{k:04d}.txt": row["Text"] for k, row in enumerate(rows)}
    with pipeline_over(texts, load_nlp(Settings()), args.lexicon) as out:
        docs = {Path(d["source"]).stem: d for d in map(json.loads, (out / "documents.jsonl").read_text(encoding="utf-8").splitlines())}
    for k, row in enumerate(rows):
        tally["snippets"] += 1
        doc = docs.get(f"{k:04d}")
        start = int(row["Pronoun-offset"])
        end = start + len(row["Pronoun"])
        claims = [c for c in (doc or {}).get("claims", []) if c["source_start"] <= start and end <= c["source_end"]]
        if not claims:
            continue
        tally["pronoun_in_a_claim"] += 1
        claim = claims[0]
        rw = next((r for r in claim.get("rewrites", []) if claim["source_start"] + r["start"] == start), None)
        if rw is None:
            continue
        tally["rewritten"] += 1
        v = verdict(row, rw["replacement"])
        tally[v] += 1
        truth = row["A"] if row["A-coref"] == "TRUE" else row["B"] if row["B-coref"] == "TRUE" else "neither"
        shown.append(f"{v.upper()} {row['ID']}: {row['Pronoun']!r} -> {rw['replacement']!r} (gold {truth}; A {row['A']}, "
                     f"B {row['B']}) | {row['Text'][max(0, start - 160):end + 60]!r}")
        counts = by_gender.setdefault(row["Pronoun"].lower(), [0, 0])
        counts[0] += v == "right"
        counts[1] += v in ("right", "wrong")
    judged = tally["right"] + tally["wrong"]
    print(json.dumps({**tally, "precision": round(tally["right"] / judged, 3) if judged else 0.0,
                      "coverage": round(tally["rewritten"] / tally["pronoun_in_a_claim"], 3) if tally["pronoun_in_a_claim"] else 0.0,
                      "by_pronoun": {p: f"{r}/{n}" for p, (r, n) in sorted(by_gender.items())}, "split": args.split}))
    if args.show and args.split == "development":
        print("\n".join(line for line in shown if not line.startswith("RIGHT")))
    elif args.show:
        print("(the validation split is held out: its rewrites are never shown)")


if __name__ == "__main__":
    main()
