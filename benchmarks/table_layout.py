"""Benchmark the HTML path on table-layout pages (the way news sites were built around 2005).

    PYTHONPATH=src .venv/bin/python benchmarks/table_layout.py [--data ../shared/data] [--limit N]
        [--split tune|heldout|all] [--old OTHER_CHECKOUT/src/claimpipe/htmltext.py]

boilerplate-dev holds only 4 table-layout pages (all in its held-out split), so this builds more
from the data there is: each BBC News article (2004-2005) is put into one of three table layouts of
that era, chosen by a hash of its id: (a) its paragraphs as `<p>` inside one content cell, (b) one
cell of `<font>` text with paragraphs split by `<br><br>`, (c) each paragraph in a row of its own;
around it a navigation column of links, a byline cell ("By Patrick Barclay"), a dateline, related
headlines, a promo box and a footer. Scored as boilerplate-dev is: every paragraph's first and last
six words must be in the text (`with`), the chrome lines must not (`without`). Also counted: pages
with no text at all (the article dropped) and words glued across a block boundary
(`htmltext.glued_words`). Articles are split into `tune` and `heldout` by a hash of their id.

Systems: trafilatura alone (`trafilatura.extract`), claimpipe's `extract_html` + clean, and, with
`--old`, the `extract_html` of another claimpipe checkout (a single-file module) + this checkout's
clean (so that row differs from this one by the extraction alone).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import html as htmlmod
import importlib.util
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

from boilerplate import Score  # noqa: E402
from claimpipe.clean import clean  # noqa: E402
from claimpipe.htmltext import extract_html, glued_words  # noqa: E402
from claimpipe.records import Article  # noqa: E402
from claimpipe.settings import Settings  # noqa: E402

SETTINGS = Settings()
NAV = ["Front Page", "World", "UK", "Business", "Politics", "Health", "Education", "Science/Nature", "Technology",
       "Entertainment", "Have Your Say", "Magazine", "In Depth"]
FOOTER = ["Bookmark with: Delicious Digg reddit Facebook", "E-mail this to a friend", "Printable version",
          "News Front Page | Africa | Americas | Asia-Pacific | Europe | Middle East | South Asia",
          "Help | Privacy and cookies policy | News sources | About the BBC | Contact us"]
PROMO = "Sign up for our daily e-mail news alert and get the top stories delivered to your inbox"


def split_of(key: str) -> str:
    return "tune" if int(hashlib.sha256(key.encode("utf-8")).hexdigest()[0], 16) % 2 == 0 else "heldout"


def layout_of(key: str) -> str:
    return "abc"[int(hashlib.sha256(("layout" + key).encode("utf-8")).hexdigest()[:4], 16) % 3]


def build_page(row: dict, teasers: list[str]) -> tuple[str, dict]:
    """A table-layout page for one article, and its `with` / `without` snippets."""
    esc = htmlmod.escape
    paras = [" ".join(p.split()) for p in row["text"].split("\n\n") if p.strip()]
    layout = layout_of(row["id"])
    nav = "<br>".join(f'<a href="/{n.lower()}">{esc(n)}</a>' for n in NAV)
    if layout == "a":
        body = "<tr><td class=body>" + "".join(f"<p>{esc(p)}</p>" for p in paras) + "</td></tr>"
    elif layout == "b":
        body = "<tr><td><font size=2>" + "<br><br>".join(esc(p) for p in paras) + "</font></td></tr>"
    else:
        body = "".join(f"<tr><td><font size=2>{esc(p)}</font></td></tr>" for p in paras)
    related = "".join(f'<tr><td><a href="/r{i}">{esc(t)}</a></td></tr>' for i, t in enumerate(teasers))
    footer = "".join(f"<tr><td>{esc(f)}</td></tr>" for f in FOOTER)
    page = f"""<html><head><title>BBC NEWS | {esc(row['category'].title())} | {esc(row['title'])}</title></head>
<body><table width=770 cellpadding=0 cellspacing=0><tr><td valign=top width=120>{nav}</td><td valign=top>
<table cellpadding=0 cellspacing=0>
<tr><td><font size=1>Last Updated: Monday, 12 March, 2005, 10:15 GMT</font></td></tr>
<tr><td><b><font size=4>{esc(row['title'])}</font></b></td></tr>
<tr><td><b>By Patrick Barclay</b><br>BBC News correspondent</td></tr>
{body}
<tr><td><b>RELATED LINKS</b></td></tr>{related}
<tr><td><table><tr><td>{esc(PROMO)}</td></tr></table></td></tr>
{footer}
</table></td></tr></table></body></html>"""
    gold = {"with": [s for p in paras for s in _ends(p)],
            "without": ["Have Your Say", "Printable version", "E-mail this to a friend", PROMO[:40],
                        "Privacy and cookies policy"] + teasers}
    return page, gold


def _ends(paragraph: str) -> list[str]:
    words = paragraph.split()
    if len(words) <= 12:
        return [paragraph]
    return [" ".join(words[:6]), " ".join(words[-6:])]


def load_old(path: Path):
    spec = importlib.util.spec_from_file_location("old_htmltext", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["old_htmltext"] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module.extract_html


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--limit", type=int, default=600, help="the first N BBC articles (default 600)")
    ap.add_argument("--split", choices=("tune", "heldout", "all"), default="all")
    ap.add_argument("--old", type=Path, default=None, help="another checkout's htmltext.py to compare")
    args = ap.parse_args(argv)
    import trafilatura

    rows = [json.loads(line) for line in gzip.open(args.data / "bbc-news" / "bbc_news_2225.jsonl.gz", "rt",
                                                    encoding="utf-8")][:args.limit]
    systems = {"trafilatura alone": lambda h: trafilatura.extract(h) or "",
               "claimpipe (extract_html + clean)": lambda h: _claimpipe(extract_html, h)}
    if args.old:
        old = load_old(args.old)
        systems["old claimpipe (extract_html + clean)"] = lambda h: _claimpipe(old, h)
    scores: dict[tuple[str, str], Score] = defaultdict(Score)
    dropped: dict[tuple[str, str], int] = defaultdict(int)
    splits = ("heldout", "tune") if args.split == "all" else (args.split,)
    for n, row in enumerate(rows):
        split = split_of(row["id"])
        if split not in splits:
            continue
        teasers = [rows[(n + k) % len(rows)]["title"] for k in (7, 11, 13)]
        page, gold = build_page(row, teasers)
        for system, fn in systems.items():
            t0 = time.perf_counter()
            out = fn(page)
            score = scores[(split, system)]
            score.seconds += time.perf_counter() - t0
            score.add(row["id"], out, gold)
            score.pages += 1
            glued = glued_words(page, out)
            score.counts_glue = True
            score.glued += len(glued)
            score.glued_pages += bool(glued)
            score.glue_examples.extend(f"{row['id']}: {g}" for g in glued[:2])
            dropped[(split, system)] += not out.strip()
    for split in splits:
        print(f"\n{split}: BBC articles in table layouts ({scores[(split, 'trafilatura alone')].pages} pages)\n")
        print(f"| {'system':<40} | P     | R     | F1    | TP   | FN   | FP   | glued      | secs   | dropped |")
        print(f"|{'-' * 42}|-------|-------|-------|------|------|------|------------|--------|---------|")
        for system in systems:
            print(scores[(split, system)].row(system) + f" {dropped[(split, system)]:>7} |")
    return 0


def _claimpipe(extract, page: str) -> str:
    got = extract(page)
    if not got.text.strip():
        return ""
    art = Article(source="p.html", text=got.text, doc_id="d", sha256="", format="html", title=got.title,
                  author=got.author, published=got.published, url=got.url)
    return clean(art, settings=SETTINGS).text


if __name__ == "__main__":
    raise SystemExit(main())
