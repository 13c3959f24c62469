"""How much check-worthiness and claim typing add to the run time of the whole pipeline.

    .venv/bin/python training/measure_speed.py            # 150 BBC articles, one process
    .venv/bin/python training/measure_speed.py --n 400

Writes the first N articles of ../shared/data/bbc-news/ as .txt files into a temporary corpus, runs
`claimpipe.run` on it (one worker, no cache) and reads the run's stage timings: `checkworthiness`
is the time `enrich_claims` took (classifiers, quantities, types, reasons). The loading of the
scorer, which happens once per run, is timed separately and added to it. The ratio printed is
    added = (checkworthiness + scorer load) / (run seconds - checkworthiness - scorer load)
i.e. how much longer a run is with the stage than it would be without.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import DATA_DIR  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=150, help="articles to run")
    ap.add_argument("--data", type=Path, default=DATA_DIR)
    args = ap.parse_args(argv)

    from claimpipe.claims.checkworthiness import CheckworthinessScorer
    from claimpipe.pipeline import run
    from claimpipe.settings import Settings

    src = args.data / "bbc-news" / "bbc_news_2225.jsonl.gz"
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        with gzip.open(src, "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i >= args.n:
                    break
                rec = json.loads(line)
                (corpus / f"{i:04d}.txt").write_text(rec["title"] + "\n\n" + rec["text"], encoding="utf-8")
        t0 = time.perf_counter()
        CheckworthinessScorer.load()
        load_s = time.perf_counter() - t0
        summary = run(corpus, Path(tmp) / "out", settings=Settings(workers=1), use_cache=False)
    cw = summary.timings.get("checkworthiness", 0.0) + load_s
    rest = summary.seconds - cw
    result = {
        "articles": summary.n_documents,
        "claims": summary.n_claims,
        "run_seconds": round(summary.seconds, 2),
        "checkworthiness_seconds": round(summary.timings.get("checkworthiness", 0.0), 2),
        "scorer_load_seconds": round(load_s, 2),
        "spacy_seconds": summary.timings.get("spacy"),
        "added_to_run_time": round(cw / rest, 4),
        "timings": summary.timings,
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
