#!/usr/bin/env python
"""Check that two versions of the sources give the same Claim records on the same BBC articles.

    python benchmarks/claims_equal.py --src /tmp/base/src --out /tmp/before   # the old sources
    python benchmarks/claims_equal.py --src src --out /tmp/after               # the new ones
    python benchmarks/claims_equal.py --compare /tmp/before /tmp/after

Each run is `claimpipe run --no-cache -j 1` over the first `--limit` BBC articles (one JSONL file,
../shared/data/bbc-news) with the given sources first on PYTHONPATH. `--compare` reads both
claims.jsonl files, matches records by claim id, and reports every record that differs in any field.
A check, not a test: the BBC data is not in the repository.

    python benchmarks/claims_equal.py --src /tmp/base/src --attributions /tmp/before.jsonl
    python benchmarks/claims_equal.py --src src --attributions /tmp/after.jsonl      # then cmp the two files

`--attributions` writes every Attribution that `find_attributions` gives on the 84 PolNeAR dev articles
(../shared/data/polnear-dev: political news, quotations across paragraphs), each article alone and
then all of them joined into one long article, one JSON per line.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import BBC, bbc_articles, write_bbc_corpus  # noqa: E402


def run(src: Path, out: Path, limit: int) -> None:
    corpus = write_bbc_corpus(out.parent / (out.name + "-corpus"), bbc_articles(limit))
    env = {**os.environ, "PYTHONPATH": str(src.resolve())}
    subprocess.run([sys.executable, "-m", "claimpipe", "run", str(corpus), "-o", str(out), "--no-cache", "-j", "1",
                    "-q", "--format", "jsonl"], env=env, check=False)


def dump_attributions(src: Path, out: Path) -> None:
    code = f"""
import dataclasses, json, sys
sys.path.insert(0, {str(REPO / 'benchmarks')!r})
from polnear import load_nlp, load_polnear
from claimpipe.claims import find_attributions
from pathlib import Path
articles = load_polnear(Path({str(BBC.parent.parent)!r}))
texts = [a.text for a in articles] + ["\\n\\n".join(a.text for a in articles)]
nlp = load_nlp()
with open({str(out)!r}, "w", encoding="utf-8") as fh:
    for n, doc in enumerate(nlp.pipe(texts)):
        for att in find_attributions(doc):
            fh.write(json.dumps({{"text": n, **dataclasses.asdict(att)}}) + "\\n")
"""
    env = {**os.environ, "PYTHONPATH": str(src.resolve())}
    subprocess.run([sys.executable, "-c", code], env=env, check=True)


def records(out: Path) -> dict[str, dict]:
    with open(out / "claims.jsonl", encoding="utf-8") as fh:
        return {r["claim_id"]: r for r in map(json.loads, fh)}


def compare(before: Path, after: Path) -> int:
    a, b = records(before), records(after)
    differ = [k for k in a.keys() & b.keys() if a[k] != b[k]]
    only_a, only_b = sorted(a.keys() - b.keys()), sorted(b.keys() - a.keys())
    docs = len({r["doc_id"] for r in a.values()})
    print(json.dumps({"claims_before": len(a), "claims_after": len(b), "documents": docs, "differ": len(differ),
                      "only_before": len(only_a), "only_after": len(only_b)}))
    for k in differ[:5]:
        fields = [f for f in a[k] if a[k][f] != b[k].get(f)]
        print(k, {f: (a[k][f], b[k].get(f)) for f in fields})
    return 0 if not differ and not only_a and not only_b and a else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--src", type=Path, default=REPO / "src")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--compare", type=Path, nargs=2)
    parser.add_argument("--attributions", type=Path, help="write the PolNeAR attributions here instead")
    args = parser.parse_args()
    if args.compare:
        sys.exit(compare(*args.compare))
    if args.attributions:
        dump_attributions(args.src, args.attributions)
        return
    if not BBC.exists():
        sys.exit(f"{BBC} is absent")
    run(args.src, args.out, args.limit)


if __name__ == "__main__":
    main()
