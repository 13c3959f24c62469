#!/usr/bin/env python
"""Scale benchmark: time and peak memory of `claimpipe report` by corpus size and of `claimpipe run` by
article size. A benchmark, not a test: it prints numbers, it asserts nothing.

    PYTHONPATH=src .venv/bin/python benchmarks/scale.py                      # 300 BBC articles, x1 and x4
    PYTHONPATH=src .venv/bin/python benchmarks/scale.py --limit 2225         # the whole BBC corpus
    PYTHONPATH=src .venv/bin/python benchmarks/scale.py --sizes 0.1 0.3      # skip the 1 MB article
    PYTHONPATH=src .venv/bin/python benchmarks/scale.py --chromium /usr/bin/chromium

Report: `claimpipe run` over the first `--limit` BBC articles (../shared/data/bbc-news; the report part
is skipped, with the reason, when it is absent), then `claimpipe report` over those outputs (x1) and over
the same outputs repeated four times with distinct ids (x4: the report reads outputs, so four copies of
an analysed corpus cost it what a corpus four times larger does, without four times the analysis).
Run: one article of 0.1, 0.3 and 1 MB of BBC text (articles joined by blank lines) through `claimpipe run`.

Each measurement is one fresh `claimpipe` process: wall time, and its peak resident memory from
wait4() (the process and the children it waited for). With `--chromium`, the x4 report is also opened in
headless Chromium (`--dump-dom`) and the number of drawn articles counted. One JSON object per line.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BBC = REPO.parent / "shared" / "data" / "bbc-news" / "bbc_news_2225.jsonl.gz"
CLAIMPIPE = [sys.executable, "-m", "claimpipe"]


def measure(args: list[str], *, timeout: float = 3600) -> dict:
    """Run one command; its wall seconds, peak RSS in MB and exit code."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    return {"seconds": round(seconds, 2), "peak_mb": round(usage.ru_maxrss / 1024, 1), "exit": code,
            **({"stderr": stderr[-500:]} if code not in (0, 1) else {})}


def bbc_articles(limit: int | None) -> list[dict]:
    with gzip.open(BBC, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh][:limit]


def write_bbc_corpus(folder: Path, articles: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "bbc.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for a in articles:
            out.write(json.dumps({"id": a["id"], "title": a["title"], "text": a["text"]}) + "\n")
    return path


def repeat_outputs(src: Path, dest: Path, copies: int) -> None:
    """`src`'s outputs `copies` times over, each copy with its own doc, claim and mention ids."""
    from claimpipe.export import CORPUS_ENTITY_COLUMNS, OutputWriter

    manifest = json.loads((src / "manifest.json").read_text(encoding="utf-8"))
    writer = OutputWriter(dest, formats=("jsonl",))
    corpus: dict[str, dict] = {}
    counts = {"documents": 0, "claims": 0, "mentions": 0, "entities": 0, "errors": 0}
    for copy in range(copies):
        with open(src / "documents.jsonl", encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                if copy:
                    record = _renamed(record, copy)
                writer.add_record(record)
                for e in record["entities"]:
                    row = corpus.setdefault(e["entity_id"], {**e, "n_documents": 0, "n_mentions": 0})
                    row["n_documents"] += 1
                    row["n_mentions"] += e["n_mentions"]
                counts["documents"] += 1
                for key in ("claims", "mentions", "entities"):
                    counts[key] += len(record[key])
    rows = sorted(corpus.values(), key=lambda r: (-r["n_documents"], -r["n_mentions"], r["name"]))
    writer.write_table("corpus_entities.csv", CORPUS_ENTITY_COLUMNS, rows)
    writer.commit({**manifest, "counts": {**manifest["counts"], **counts}})


def _renamed(record: dict, copy: int) -> dict:
    """The record with ids of the same shape made distinct for copy number `copy`."""
    def new(old: str) -> str:
        return old[:2] + f"{copy:x}" + old[3:]

    doc_id = new(record["doc_id"])
    record = {**record, "doc_id": doc_id, "source": f"{record['source']}#copy{copy}"}
    for key, ident in (("claims", "claim_id"), ("mentions", "mention_id")):
        record[key] = [{**row, "doc_id": doc_id, ident: new(row[ident])} for row in record[key]]
    record["entities"] = [{**row, "doc_id": doc_id} for row in record["entities"]]
    return record


def sized_article(articles: list[dict], chars: int) -> str:
    """BBC text joined by blank lines up to `chars` characters (whole paragraphs, repeating if needed)."""
    paragraphs = [p for a in articles for p in a["text"].split("\n\n") if p.strip()]
    out, size, i = [], 0, 0
    while size < chars:
        p = paragraphs[i % len(paragraphs)]
        out.append(p)
        size += len(p) + 2
        i += 1
    return "\n\n".join(out)[:chars]


def report_part(work: Path, limit: int, chromium: str | None) -> None:
    if not BBC.exists():
        print(json.dumps({"part": "report", "skipped": f"{BBC} is absent (../shared is not here)"}), flush=True)
        return
    articles = bbc_articles(limit)
    corpus = write_bbc_corpus(work / "bbc", articles)
    out1 = work / "out-x1"
    result = measure(CLAIMPIPE + ["run", str(corpus), "-o", str(out1)])
    print(json.dumps({"part": "run (to make the outputs)", "articles": len(articles), **result}), flush=True)
    if result["exit"] not in (0, 1):
        return
    out4 = work / "out-x4"
    repeat_outputs(out1, out4, 4)
    for name, out in (("x1", out1), ("x4", out4)):
        page = work / f"report-{name}.html"
        result = measure(CLAIMPIPE + ["report", str(out), "--html", str(page)])
        n_docs = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["counts"]["documents"]
        size = page.stat().st_size if page.exists() else None
        print(json.dumps({"part": "report", "corpus": name, "documents": n_docs, **result,
                          "page_mb": round(size / 1e6, 2) if size else None}), flush=True)
        if chromium and name == "x4" and size:
            browse(chromium, page, work)


def browse(chromium: str, page: Path, work: Path) -> None:
    """Open the page in headless Chromium; how long it took and how many articles its DOM holds."""
    import lxml.html

    start = time.perf_counter()
    done = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                           f"--user-data-dir={work / 'profile'}", "--virtual-time-budget=5000", "--dump-dom",
                           page.resolve().as_uri()], capture_output=True, timeout=600)
    seconds = time.perf_counter() - start
    dom = lxml.html.fromstring(done.stdout.decode("utf-8")) if done.stdout else None
    print(json.dumps({"part": "chromium", "page": page.name, "exit": done.returncode, "seconds": round(seconds, 2),
                      "articles_in_dom": len(dom.xpath('//article[@class="doc"]')) if dom is not None else None,
                      "charts_in_dom": len(dom.xpath('//figure[@class="chart"]//svg')) if dom is not None else None,
                      "script_ran": dom is not None and "js" in (dom.get("class") or "").split()}), flush=True)


def run_part(work: Path, sizes: list[float]) -> None:
    if not BBC.exists():
        print(json.dumps({"part": "run", "skipped": f"{BBC} is absent (../shared is not here)"}), flush=True)
        return
    articles = bbc_articles(None)
    for mb in sizes:
        chars = int(mb * 1_000_000)
        corpus = work / f"article-{mb}"
        corpus.mkdir(parents=True, exist_ok=True)
        (corpus / "article.txt").write_text(sized_article(articles, chars), encoding="utf-8")
        out = work / f"out-{mb}"
        result = measure(CLAIMPIPE + ["run", str(corpus), "-o", str(out), "--no-cache"]
                         if _has_option("run", "--no-cache") else CLAIMPIPE + ["run", str(corpus), "-o", str(out)])
        claims = None
        if (out / "manifest.json").exists():
            claims = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["counts"].get("claims")
        print(json.dumps({"part": "run", "article_mb": mb, "chars": chars, "claims": claims, **result}), flush=True)


def corpus_part(work: Path, limit: int) -> None:
    """`claimpipe run` over the first `limit` BBC articles and over the first 4 x `limit` (distinct articles:
    copies would be dropped as duplicates), one process, no cache: time and peak memory by corpus size."""
    if not BBC.exists():
        print(json.dumps({"part": "corpus", "skipped": f"{BBC} is absent (../shared is not here)"}), flush=True)
        return
    for name, n in (("x1", limit), ("x4", 4 * limit)):
        articles = bbc_articles(n)
        corpus = write_bbc_corpus(work / f"corpus-{name}", articles)
        result = measure(CLAIMPIPE + ["run", str(corpus), "-o", str(work / f"out-corpus-{name}"), "--no-cache",
                                      "-j", "1", "-q"])
        print(json.dumps({"part": "corpus", "corpus": name, "articles": len(articles), **result}), flush=True)


def _has_option(command: str, option: str) -> bool:
    done = subprocess.run(CLAIMPIPE + [command, "--help"], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO / "src")})
    return option in done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=300, help="BBC articles for the report part (x1)")
    parser.add_argument("--sizes", type=float, nargs="*", default=[0.1, 0.3, 1.0], help="article sizes in MB")
    parser.add_argument("--parts", nargs="*", default=["report", "run"], choices=["report", "run", "corpus"],
                        help="report: by corpus size; run: by article size; corpus: run by corpus size (x1, x4)")
    parser.add_argument("--chromium", default=shutil.which("chromium") or None,
                        help="a Chromium binary to open the x4 report in (default: chromium on PATH)")
    parser.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="claimpipe-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if "report" in args.parts:
            report_part(work, args.limit, args.chromium)
        if "run" in args.parts:
            run_part(work, args.sizes)
        if "corpus" in args.parts:
            corpus_part(work, args.limit)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
