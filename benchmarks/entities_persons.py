"""Per-article person splits, organisations holding a person's mentions, and wrong merges, on PolNeAR dev.

    .venv/bin/python benchmarks/entities_persons.py [--data ../shared/data] [--split tune|held-out|all]
                                                    [--dump FILE] [--raw-labels] [--bbc N]

PolNeAR dev (84 US political articles, 2016; see `../shared/data/README.md`) is split by a fixed hash of
the file name: an article is `held-out` when the first byte of SHA-256 of its name is below 86 (about
one in three), else `tune`. The split was fixed before any error was read; rules were developed reading
`tune` only.

For each article the script lists the PERSON entities with their mentions (`--dump`, to read) and counts
three kinds of error it can see from the entity table alone:

- `split`: one person over several entity ids in one article: a non-PERSON entity whose name is a
  PERSON's full name or surname ("Trump" ORG beside "Donald Trump" PERSON), a one-word PERSON entity that
  is the surname of exactly one multi-word PERSON, or two multi-word PERSONs that differ only by middle
  initials ("Richard Burr" / "Richard M. Burr");
- `org_holds_person`: an entity of another label holding, as a mention, the bare surname of a PERSON in
  the article ("Trump" filed under Trump University);
- `merge_suspect`: one PERSON entity whose mentions hold two full names (middle initials aside) neither of
  which ends the other ("Hillary Clinton" ends "Crooked Hillary Clinton", a span edge, not a second person);
  the reader decides whether it is a wrong merge; the count is an upper bound;
- `bare_name_split`: one bare surname ("Clinton") filed under two entities of the article: a split when
  they are one person ("Injecting Clinton", a span edge, beside "Hillary Clinton"), right when they are two
  (Bill and Hillary Clinton); the reader decides;
- `ambiguous_apart`: a bare surname left as its own PERSON because two full names in the article end in
  it (Gary Johnson, Jeh Johnson): a split by design (precision first), counted so that it is seen.

The counts are flags for a reader, not a gold standard: read the dump to confirm them.
`--bbc N` runs the same counts over N BBC articles taken from the end of the file (not read while the
rules were written).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
import tarfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from claimpipe.annotate import doc_entities, load_nlp  # noqa: E402
from claimpipe.records import Block, Cleaned  # noqa: E402
from claimpipe.settings import Settings  # noqa: E402

HELD_OUT_BELOW = 86  # first byte of sha256(name) < 86: about a third of the articles


def split_of(name: str) -> str:
    """The fixed split of an article by its file name."""
    return "held-out" if hashlib.sha256(name.encode("utf-8")).digest()[0] < HELD_OUT_BELOW else "tune"


def load_polnear(data: Path) -> list[tuple[str, str]]:
    """(name, text) of the 84 PolNeAR dev articles, sorted by name."""
    texts = {}
    with tarfile.open(data / "polnear-dev" / "polnear_dev.tar.gz") as tar:
        for member in tar.getmembers():
            if member.isfile() and member.name.endswith(".txt") and "/text/" in member.name:
                texts[member.name.rsplit("/", 1)[-1][:-4]] = tar.extractfile(member).read().decode("utf-8")
    return sorted(texts.items())


def load_bbc(data: Path, n: int) -> list[tuple[str, str]]:
    """The last `n` BBC articles (title, blank line, text)."""
    rows = [json.loads(line) for line in gzip.open(data / "bbc-news" / "bbc_news_2225.jsonl.gz", "rt")]
    return [(r["id"], f"{r['title']}\n\n{r['text']}") for r in rows[-n:]]


def cleaned_of(text: str) -> Cleaned:
    """The whole text as kept paragraph blocks (these texts have no boilerplate)."""
    blocks, pos = [], 0
    for part in text.split("\n\n"):
        if part.strip():
            blocks.append(Block("paragraph", pos, pos + len(part), pos, pos + len(part)))
        pos += len(part) + 2
    return Cleaned(text=text, blocks=blocks, removals=[])


def article_table(doc, name: str) -> list[dict]:
    """One row per entity of the article: id, name, label and the texts of its mentions."""
    mentions, entities = doc_entities(doc, doc_id=name, cleaned=cleaned_of(doc.text))
    by_id: dict[str, list[str]] = {}
    for m in mentions:
        by_id.setdefault(m.entity_id, []).append(m.text)
    return [{"id": e.entity_id, "name": e.name, "label": e.label, "mentions": by_id.get(e.entity_id, [])}
            for e in entities]


def _words(name: str) -> list[str]:
    return name.replace("’s", "").replace("'s", "").split()


def _without_initials(words: list[str]) -> tuple[str, ...]:
    """A full name without its middle initials: ("Richard", "M.", "Burr") -> ("richard", "burr")."""
    keep = [w for k, w in enumerate(words) if k in (0, len(words) - 1) or len(w.rstrip(".")) > 1]
    return tuple(w.lower() for w in keep)


def flags(table: list[dict]) -> dict[str, list[str]]:
    """The article's flagged splits, organisations holding a person's bare name, and merge suspects."""
    persons = [e for e in table if e["label"] == "PERSON"]
    fulls = [e for e in persons if len(_words(e["name"])) > 1]
    surnames = Counter(_words(e["name"])[-1].lower() for e in fulls)
    full_names = {e["name"].lower() for e in fulls}
    out: dict[str, list[str]] = {"split": [], "org_holds_person": [], "merge_suspect": [], "bare_name_split": [],
                                 "ambiguous_apart": []}
    for e in table:
        words = _words(e["name"])
        low = e["name"].lower()
        if e["label"] != "PERSON":
            if low in full_names or (len(words) == 1 and surnames.get(low, 0) >= 1):
                out["split"].append(f"{e['name']} {e['label']} beside PERSON")
            held = [m for m in e["mentions"] if len(_words(m)) == 1 and surnames.get(_words(m)[0].lower(), 0)
                    and m.lower() != low]
            if held:
                out["org_holds_person"].append(f"{e['name']} {e['label']} holds {held}")
        elif len(words) == 1 and surnames.get(low, 0) == 1:
            out["split"].append(f"{e['name']} PERSON apart from its full name")
        elif len(words) == 1 and surnames.get(low, 0) > 1:
            out["ambiguous_apart"].append(f"{e['name']} x{len(e['mentions'])}: surname of "
                                          f"{sorted(f['name'] for f in fulls if _words(f['name'])[-1].lower() == low)}")
    holders: dict[str, set[str]] = {}
    for e in table:
        for m in e["mentions"]:
            if len(_words(m)) == 1 and m.lower() in surnames:
                holders.setdefault(m, set()).add(e["name"])
    out["bare_name_split"] = [f"{m} under {sorted(h)}" for m, h in holders.items() if len(h) > 1]
    keys = Counter(_without_initials(_words(e["name"])) for e in fulls)
    out["split"] += [f"{' '.join(k)} over {n} ids (initials)" for k, n in keys.items() if n > 1]
    for e in persons:
        fulls_of = {_without_initials(_words(m)) for m in e["mentions"] if len(_words(m)) > 1}
        apart = [a for a in fulls_of if not any(b != a and b[-len(a):] == a for b in fulls_of)]
        if len(apart) > 1:
            out["merge_suspect"].append(f"{e['name']}: {sorted(set(e['mentions']))}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--split", choices=("tune", "held-out", "all"), default="tune")
    ap.add_argument("--bbc", type=int, default=0, help="score N BBC articles (from the end) instead")
    ap.add_argument("--dump", type=Path, help="write each article's PERSON entities and flags here")
    args = ap.parse_args(argv)
    if args.bbc:
        articles, label = load_bbc(args.data, args.bbc), f"BBC last {args.bbc}"
    else:
        articles = [(n, t) for n, t in load_polnear(args.data) if args.split in ("all", split_of(n))]
        label = f"PolNeAR dev {args.split}"
    nlp = load_nlp(Settings())
    totals: Counter[str] = Counter()
    lines = []
    for (name, _), doc in zip(articles, nlp.pipe(t for _, t in articles)):
        table = article_table(doc, name)
        found = flags(table)
        totals["articles"] += 1
        totals["persons"] += sum(e["label"] == "PERSON" for e in table)
        for kind, items in found.items():
            totals[kind] += len(items)
            totals[f"articles_with_{kind}"] += bool(items)
        lines.append(f"## {name}")
        for e in sorted(table, key=lambda e: (e["label"] != "PERSON", e["name"])):
            if e["label"] == "PERSON" or any(len(_words(m)) == 1 for m in e["mentions"]) and e["label"] == "ORG":
                lines.append(f"  {e['label']:6} {e['name']!r} {e['id']} {Counter(e['mentions']).most_common()}")
        for kind, items in found.items():
            lines += [f"  !{kind}: {x}" for x in items]
    if args.dump:
        args.dump.write_text("\n".join(lines) + "\n")
    print(f"{label}: {totals['articles']} articles, {totals['persons']} PERSON entities")
    for kind in ("split", "org_holds_person", "merge_suspect", "bare_name_split", "ambiguous_apart"):
        print(f"  {kind:17} {totals[kind]:4} flags in {totals['articles_with_' + kind]:3} articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
