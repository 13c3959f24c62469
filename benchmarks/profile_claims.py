#!/usr/bin/env python
"""Profile the analysis of one long article, stage by stage, in this process.

    PYTHONPATH=src python benchmarks/profile_claims.py --mb 0.3                 # BBC text
    PYTHONPATH=src python benchmarks/profile_claims.py --mb 0.3 --adversarial   # '"...," he said. ' repeated
    PYTHONPATH=src python benchmarks/profile_claims.py --mb 0.3 --cprofile /tmp/p.prof

The article is read and cleaned as `claimpipe run` does, parsed once (in pieces of
`max_piece_chars`), then entities and claims are timed (and profiled with `--cprofile`). Prints one JSON
object: the stage seconds and the number of claims; `--dump` writes the claims and attributions (to compare versions). A diagnosis tool, not a test.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import bbc_articles, sized_article  # noqa: E402

ADVERSARIAL = '"...," he said. '


def article_text(mb: float, adversarial: bool, pattern: str | None = None, head: str = "") -> str:
    chars = int(mb * 1_000_000)
    if adversarial or pattern:
        unit = pattern or ADVERSARIAL
        return head + (unit * (chars // len(unit) + 1))[:chars - len(head)]
    return sized_article(bbc_articles(None), chars)


def main() -> None:
    from claimpipe.analysis import Analyzer, Timer, analyse, annotate_texts, clean_article
    from claimpipe.claims import find_attributions
    from claimpipe.ingest import read_corpus
    from claimpipe.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=0.1)
    parser.add_argument("--adversarial", action="store_true")
    parser.add_argument("--cprofile", type=Path, default=None, help="write the profile of entities+claims here")
    parser.add_argument("--pattern", default=None, help="repeat this text instead (another adversarial article)")
    parser.add_argument("--head", default="", help="put this text before the repeated one")
    parser.add_argument("--dump", type=Path, default=None, help="write every Claim record here, one JSON per line")
    args = parser.parse_args()

    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "article.txt").write_text(article_text(args.mb, args.adversarial, args.pattern, args.head), encoding="utf-8")
        article = next(iter(read_corpus(tmp, settings=settings)))
    t0 = time.perf_counter()
    cleaned = clean_article(article, settings=settings, repeats=None)
    t1 = time.perf_counter()
    analyzer = Analyzer(settings)
    doc = annotate_texts(analyzer.nlp, [cleaned.text], max_piece_chars=settings.max_piece_chars)[0]
    t2 = time.perf_counter()
    parsed_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    timer = Timer()
    prof = cProfile.Profile() if args.cprofile else None
    if prof:
        prof.enable()
    result = analyse(doc, article, cleaned, settings=settings, timer=timer)
    if prof:
        prof.disable()
        prof.dump_stats(args.cprofile)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            for claim in result.claims:
                out.write(json.dumps(dataclasses.asdict(claim), sort_keys=True, default=str) + "\n")
            for att in find_attributions(doc):
                out.write(json.dumps(dataclasses.asdict(att), sort_keys=True, default=str) + "\n")
    print(json.dumps({"mb": args.mb, "adversarial": args.adversarial, "chars": len(cleaned.text), "tokens": len(doc),
                      "clean_s": round(t1 - t0, 2), "spacy_s": round(t2 - t1, 2), "peak_mb_after_spacy": parsed_mb,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                      **{f"{k}_s": round(v, 2) for k, v in timer.seconds.items()}, "claims": len(result.claims)}))


if __name__ == "__main__":
    main()
