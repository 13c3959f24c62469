"""Benchmark the cost of claimpipe's entity fixes against raw spaCy, on the same texts in the same run.

    .venv/bin/python benchmarks/entities_speed.py [--data ../shared/data] [--limit 300] [--repeat 3]

Times, over the first `--limit` BBC articles (title + blank line + text, as the cleaner joins blocks):

- raw:       `spacy.load(model).pipe(texts)`, the model as it ships;
- claimpipe: `load_nlp(Settings()).pipe(texts)` (block sentences, gazetteer, entity fixes), then
             `doc_entities` on each Doc (canonical entities, roles, records).

Both run in this process, one after the other, `--repeat` times, alternating; the best time of each is
reported (the least disturbed by other work on the machine), wall-clock and CPU time of this process, with
the ratios claimpipe / raw (CPU time is the steadier on a shared machine). One warm-up
pass over a few texts comes first, so model loading is not timed. Exits 0 with a note when the data is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from claimpipe.annotate import doc_entities, load_nlp, resolve_model  # noqa: E402
from claimpipe.records import Block, Cleaned  # noqa: E402
from claimpipe.settings import Settings  # noqa: E402


def read_texts(path: Path, limit: int) -> list[str]:
    texts = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            texts.append(f"{rec['title']}\n\n{rec['text']}")
            if len(texts) >= limit:
                break
    return texts


def as_cleaned(text: str) -> Cleaned:
    """Each blank-line-separated part a block, as the cleaner would lay a clean article out."""
    blocks, pos = [], 0
    for k, part in enumerate(text.split("\n\n")):
        blocks.append(Block("title" if k == 0 else "paragraph", pos, pos + len(part), pos, pos + len(part)))
        pos += len(part) + 2
    return Cleaned(text=text, blocks=blocks, removals=[])


def time_raw(nlp, texts: list[str], batch_size: int) -> tuple[float, float, int]:
    t0, c0 = time.perf_counter(), time.process_time()
    n = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=batch_size))
    return time.perf_counter() - t0, time.process_time() - c0, n


def time_claimpipe(nlp, texts: list[str], batch_size: int) -> tuple[float, float, int]:
    t0, c0 = time.perf_counter(), time.process_time()
    n = 0
    for k, doc in enumerate(nlp.pipe(texts, batch_size=batch_size)):
        mentions, _ = doc_entities(doc, doc_id=f"d_{k}", cleaned=as_cleaned(texts[k]))
        n += len(mentions)
    return time.perf_counter() - t0, time.process_time() - c0, n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args(argv)
    path = args.data / "bbc-news" / "bbc_news_2225.jsonl.gz"
    if not path.exists():
        print(f"skipped: {path} is absent")
        return 0
    import spacy

    texts = read_texts(path, args.limit)
    n_chars = sum(map(len, texts))
    raw = spacy.load(resolve_model(None))
    ours = load_nlp(Settings())
    for nlp in (raw, ours):  # warm-up: first-call allocations are not what we measure
        list(nlp.pipe(texts[:8]))
    best = {"raw": float("inf"), "claimpipe": float("inf")}
    cpu = dict(best)
    counts = {}
    for _ in range(args.repeat):
        for name, run, nlp in (("raw", time_raw, raw), ("claimpipe", time_claimpipe, ours)):
            seconds, cpu_seconds, counts[name] = run(nlp, texts, args.batch_size)
            best[name] = min(best[name], seconds)
            cpu[name] = min(cpu[name], cpu_seconds)
    print(f"{len(texts)} BBC articles, {n_chars:,} characters, model {resolve_model(None)}, best of {args.repeat}")
    for name in ("raw", "claimpipe"):
        print(f"  {name:<10} wall {best[name]:7.2f} s  cpu {cpu[name]:7.2f} s  {len(texts) / best[name]:6.1f} docs/s  "
              f"({counts[name]} {'entities' if name == 'raw' else 'mentions'})")
    print(f"  ratio claimpipe / raw: wall {best['claimpipe'] / best['raw']:.3f}, cpu {cpu['claimpipe'] / cpu['raw']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
