#!/usr/bin/env python
"""Article-size benchmark: time and peak memory of `claimpipe run` on one long article, for two
versions of the sources. A benchmark, not a test: it prints numbers, it asserts nothing.

    python benchmarks/article_size.py --src src --label after
    python benchmarks/article_size.py --src /tmp/base/src --label before     # e.g. `git archive` of a commit
    python benchmarks/article_size.py --sizes 0.1 0.3 --adversarial 0.3       # skip the 1 MB article

Articles: BBC text (../shared/data/bbc-news, articles joined by blank lines, `scale.sized_article`)
of each `--sizes` MB, and the adversarial text '"...," he said. ' repeated to each `--adversarial` MB
(one paragraph of tens of thousands of quotations and cue verbs). Each is one `claimpipe run
--no-cache -j 1` in a fresh process, with `article_seconds = 0` (no time budget, so a slow version is
measured rather than cut off): wall seconds and peak resident memory (wait4). One JSON object per line,
then a table; `--json FILE` appends the lines to FILE, to put two versions side by side.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import BBC, bbc_articles, sized_article  # noqa: E402

ADVERSARIAL = '"...," he said. '


def adversarial_article(chars: int) -> str:
    return (ADVERSARIAL * (chars // len(ADVERSARIAL) + 1))[:chars]


def measure(args: list[str], *, src: Path, timeout: float = 7200) -> dict:
    """Run one command with `src` first on PYTHONPATH: its wall seconds, its peak resident memory in MB
    (wait4: the process and the children it waited for) and its exit code."""
    env = {**os.environ, "PYTHONPATH": str(src.resolve())}
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=err, env=env)
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > timeout:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.1)
        seconds = time.perf_counter() - start
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    code = os.waitstatus_to_exitcode(status)
    return {"seconds": round(seconds, 1), "peak_mb": round(usage.ru_maxrss / 1024, 1), "exit": code,
            **({"stderr": stderr[-300:]} if code not in (0, 1) else {})}


def run_one(src: Path, text: str, work: Path, name: str) -> dict:
    corpus = work / name
    corpus.mkdir(parents=True, exist_ok=True)
    (corpus / "article.txt").write_text(text, encoding="utf-8")
    config = work / "no-budget.toml"
    config.write_text("[claimpipe]\narticle_seconds = 0\n", encoding="utf-8")
    out = work / f"out-{name}"
    result = measure([sys.executable, "-m", "claimpipe", "run", str(corpus), "-o", str(out), "--no-cache", "-j", "1",
                      "-q", "--config", str(config)], src=src)
    manifest = out / "manifest.json"
    counts = json.loads(manifest.read_text(encoding="utf-8"))["counts"] if manifest.exists() else {}
    return {**result, "claims": counts.get("claims"), "errors": counts.get("errors")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--src", type=Path, default=Path(__file__).resolve().parent.parent / "src")
    parser.add_argument("--label", default="this")
    parser.add_argument("--sizes", type=float, nargs="*", default=[0.1, 0.3, 1.0], help="BBC article sizes in MB")
    parser.add_argument("--adversarial", type=float, nargs="*", default=[0.3], help="adversarial article sizes in MB")
    parser.add_argument("--json", type=Path, default=None, help="append the result lines to this file")
    args = parser.parse_args()
    if not BBC.exists():
        sys.exit(f"{BBC} is absent (../shared is not here)")
    articles = bbc_articles(None)
    cases = [("bbc", mb, sized_article(articles, int(mb * 1_000_000))) for mb in args.sizes]
    cases += [("adversarial", mb, adversarial_article(int(mb * 1_000_000))) for mb in args.adversarial]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for kind, mb, text in cases:
            row = {"label": args.label, "article": kind, "mb": mb, "chars": len(text),
                   **run_one(args.src, text, Path(tmp), f"{kind}-{mb}")}
            print(json.dumps(row), flush=True)
            rows.append(row)
            if args.json:
                with open(args.json, "a", encoding="utf-8") as fh:
                    fh.write(json.dumps(row) + "\n")
    print("\n| version | article | MB | seconds | peak MB | claims |\n|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['label']} | {r['article']} | {r['mb']} | {r['seconds']} | {r['peak_mb']} | {r['claims']} |")


if __name__ == "__main__":
    main()
