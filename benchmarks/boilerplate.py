"""Benchmark the clean stage on real pages and on clean news.

    .venv/bin/python benchmarks/boilerplate.py [--data ../shared/data] [--limit N] [--show-errors]
                                               [--split tune|heldout|all]

Pages are split by a hash of their file name (`split_of`) into `tune` (look at its errors, change
rules) and `heldout` (report only); `--split all` prints held-out first, then tune, then both.
Table-layout pages (`is_table_layout`: most visible text inside table cells, as on older sites) are
also scored alone, and for the HTML path the words glued across a block boundary are counted
(`htmltext.glued_words`).

1. boilerplate-dev (164 real pages from trafilatura's evaluation set, with snippets that must and
   must not survive). Scored as trafilatura scores it: a `with` snippet found is a true positive,
   missing a false negative; a `without` snippet found is a false positive. Snippets are matched
   with all white space removed, so line breaks inserted by the conversion do not matter.
   - plain-text path: each page becomes scraped-style plain text in two ways, `nodes` (every
     visible text node on its own line) and `innertext` (block elements on their own lines,
     paragraphs a blank line apart, as a browser's copy gives). On that text: keep everything,
     C4's line rule, jusText applied line by line, and claimpipe's cleaner.
   - HTML path: trafilatura alone (`trafilatura.extract`) and claimpipe (`extract_html` + clean).
2. bbc-news (2,225 clean articles): every removed line is a false positive. Reported with the
   title as metadata, with the title as the first line of the text and no metadata, and with
   each article inside synthetic site chrome (menu, byline, share bar, "Advertisement" mid-story,
   related headlines, copyright), where position rules are active: story lines lost and chrome
   lines kept.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from lxml import html as lxml_html

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from claimpipe.clean import clean  # noqa: E402
from claimpipe.htmltext import extract_html, glued_words  # noqa: E402
from claimpipe.records import Article  # noqa: E402
from claimpipe.settings import Settings  # noqa: E402

SETTINGS = Settings()
_WS = re.compile(r"\s+")
_INVISIBLE = {"script", "style", "noscript", "template", "svg", "iframe", "head", "select", "option", "object",
              "embed", "canvas", "map", "audio", "video", "title", "meta", "link"}
_BLOCK = {"address", "article", "aside", "blockquote", "details", "dialog", "dd", "div", "dl", "dt", "fieldset",
          "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
          "li", "main", "nav", "ol", "p", "pre", "section", "table", "ul", "tr", "summary", "caption", "body",
          "center", "menu", "tbody", "thead", "tfoot"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


# -- HTML to scraped plain text ------------------------------------------------------------------


def _visible(el) -> bool:
    if not isinstance(el.tag, str) or el.tag.lower() in _INVISIBLE:
        return False
    if el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style") or ""):
        return False
    return True


def page_to_text(html: str, mode: str) -> str:
    """Scraped-style plain text of a page: `nodes` or `innertext` (see the module docstring)."""
    try:
        parser = lxml_html.HTMLParser(encoding="utf-8")
        root = lxml_html.document_fromstring(html.encode("utf-8"), parser=parser)
    except Exception:
        return ""
    body = root.find("body")
    if body is None:
        body = root
    if mode == "nodes":
        lines: list[str] = []

        def walk_nodes(el) -> None:
            if not _visible(el):
                return
            if el.text and el.text.strip():
                lines.append(" ".join(el.text.split()))
            for child in el:
                walk_nodes(child)
                if child.tail and child.tail.strip():
                    lines.append(" ".join(child.tail.split()))

        walk_nodes(body)
        return "\n".join(lines)

    # innertext: inline text flows, block elements break lines, <p> and headings leave a blank line
    out: list[str] = []  # pieces; "\n" and "\n\n" are break requests

    def brk(n: int) -> None:
        out.append("\n" * n)

    def walk(el) -> None:
        if not _visible(el):
            return
        tag = el.tag.lower()
        gap = 2 if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6") else 1 if tag in _BLOCK else 0
        if gap:
            brk(gap)
        if tag == "br":
            out.append("\n")
        if tag in ("td", "th"):
            out.append("\t")
        if el.text:
            out.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                out.append(child.tail)
        if gap:
            brk(gap)

    walk(body)
    text = ""
    pending = 0
    for piece in out:
        if piece.strip("\n") == "" and piece:
            pending = max(pending, len(piece))
            continue
        piece = _WS.sub(" ", piece)
        if not piece.strip():
            if text and not text.endswith(" ") and pending == 0:
                text += " "
            continue
        if pending:
            text = text.rstrip(" ") + ("\n" * min(pending, 2) if text else "")
            piece = piece.lstrip()
            pending = 0
        text += piece
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# -- baselines -----------------------------------------------------------------------------------

_C4_TERMINAL = re.compile(r"""[.!?]['"’”]?$""")
_C4_BAD = re.compile(r"javascript|terms of use|privacy policy|cookie policy|uses cookies|use of cookies|use cookies", re.I)


def c4_lines(text: str) -> str:
    """C4's line rule: keep lines that end in terminal punctuation and have 3 or more words."""
    keep = [ln for ln in text.split("\n") if _C4_TERMINAL.search(ln.strip()) and len(ln.split()) >= 3
            and not _C4_BAD.search(ln)]
    return "\n".join(keep)


def justext_lines(text: str) -> str:
    """jusText's classifier with each line of the plain text as a paragraph."""
    import html as htmlmod

    import justext

    lines = [ln for ln in text.split("\n") if ln.strip()]
    if not lines:
        return ""
    doc = "<html><body>" + "".join(f"<p>{htmlmod.escape(ln)}</p>" for ln in lines) + "</body></html>"
    paras = justext.justext(doc.encode("utf-8"), justext.get_stoplist("English"), encoding="utf-8")
    return "\n".join(p.text for p in paras if not p.is_boilerplate)


def claimpipe_text(text: str) -> str:
    art = Article(source="page.txt", text=text, doc_id="d", sha256="")
    return clean(art, settings=SETTINGS).text


# -- scoring -------------------------------------------------------------------------------------


class Score:
    def __init__(self) -> None:
        self.tp = self.fn = self.fp = self.tn = 0
        self.seconds = 0.0
        self.misses: list[tuple[str, str, str]] = []  # (page, "FN"/"FP", snippet)
        self.pages = self.glued = self.glued_pages = 0
        self.counts_glue = False  # glued words are counted for this system (HTML path)
        self.glue_examples: list[str] = []
        self.extractors: Counter[str] = Counter()

    def add(self, page: str, result: str, item: dict) -> None:
        flat = _WS.sub("", result)
        for snip in item.get("with", []):
            if _WS.sub("", snip) in flat:
                self.tp += 1
            else:
                self.fn += 1
                self.misses.append((page, "FN", snip))
        for snip in item.get("without", []):
            if _WS.sub("", snip) in flat:
                self.fp += 1
                self.misses.append((page, "FP", snip))
            else:
                self.tn += 1

    @property
    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def row(self, name: str) -> str:
        p, r, f = self.prf
        glue = f"{self.glued:>4} / {self.glued_pages:>3}" if self.counts_glue else " " * 10
        return (f"| {name:<40} | {p:.3f} | {r:.3f} | {f:.3f} | {self.tp:>4} | {self.fn:>4} | {self.fp:>4} "
                f"| {glue} | {self.seconds:6.1f} |")


def split_of(file_name: str) -> str:
    """`tune` or `heldout`, fixed by the page's file name (about half each)."""
    return "tune" if int(hashlib.sha256(file_name.encode("utf-8")).hexdigest()[0], 16) % 2 == 0 else "heldout"


def is_table_layout(html: str) -> bool:
    """Most of the page's visible text lies inside table cells: a table-layout (older) page."""
    try:
        root = lxml_html.document_fromstring(html.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8"))
    except Exception:
        return False
    for el in root.iter("script", "style", "noscript"):
        el.text = ""
    total = len(_WS.sub("", root.text_content()))
    in_cells = sum(len(_WS.sub("", td.text_content())) for td in root.iter("td", "th")
                   if not any(a.tag in ("td", "th") for a in td.iterancestors()))
    return total > 0 and in_cells / total >= 0.5


def run_pages(data: Path, limit: int | None, splits: tuple[str, ...]) -> dict[tuple[str, str], Score]:
    """Scores keyed by (page set, system); page sets are the splits, and each split's table-layout pages."""
    import trafilatura

    meta = json.loads((data / "evaldata_en.json").read_text(encoding="utf-8"))
    items = list(meta.items())[:limit] if limit else list(meta.items())
    scores: dict[tuple[str, str], Score] = defaultdict(Score)
    for url, item in items:
        split = split_of(item["file"])
        if split not in splits:
            continue
        raw = gzip.open(data / "html" / f"{item['file']}.gz").read()
        html = raw.decode("utf-8", "replace")
        page = item["file"]
        sets = [split] + ([f"{split}, table layout"] if is_table_layout(html) else [])

        def add(system: str, out: str, seconds: float, *, glue_html: str | None = None) -> None:
            for name in sets:
                score = scores[(name, system)]
                score.seconds += seconds
                score.add(page, out, item)
                score.pages += 1
                if glue_html is not None:
                    score.counts_glue = True
                    glued = glued_words(glue_html, out)
                    score.glued += len(glued)
                    score.glued_pages += bool(glued)
                    score.glue_examples.extend(f"{page}: {g}" for g in glued[:2])

        for mode in ("nodes", "innertext"):
            text = page_to_text(html, mode)
            for name, fn in (("keep everything", lambda t: t), ("C4 line rule", c4_lines),
                             ("jusText, line by line", justext_lines), ("claimpipe", claimpipe_text)):
                t0 = time.perf_counter()
                out = fn(text)
                add(f"text/{mode}: {name}", out, time.perf_counter() - t0)
        t0 = time.perf_counter()
        traf = trafilatura.extract(html, url=url) or ""
        add("html: trafilatura alone", traf, time.perf_counter() - t0, glue_html=html)
        t0 = time.perf_counter()
        got = extract_html(html, url=url)
        art = Article(source=page, text=got.text, doc_id="d", sha256="", format="html", title=got.title,
                      author=got.author, published=got.published, url=got.url)
        out = clean(art, settings=SETTINGS).text if got.text.strip() else ""
        add("html: claimpipe (extract_html + clean)", out, time.perf_counter() - t0, glue_html=html)
        scores[(split, "html: claimpipe (extract_html + clean)")].extractors[got.extractor if got.text else "none"] += 1
    return scores


def run_bbc(data: Path, limit: int | None) -> list[str]:
    rows = [json.loads(line) for line in gzip.open(data / "bbc_news_2225.jsonl.gz", "rt", encoding="utf-8")]
    rows = rows[:limit] if limit else rows
    report = []
    for variant in ("title as metadata", "title as first line"):
        lines = removed = chars = removed_chars = docs_hit = 0
        reasons: Counter[str] = Counter()
        examples: list[str] = []
        t0 = time.perf_counter()
        for row in rows:
            if variant == "title as metadata":
                art = Article(source=row["id"], text=row["text"], doc_id="d", sha256="", title=row["title"], site="bbc")
            else:
                art = Article(source=row["id"], text=row["title"] + "\n\n" + row["text"], doc_id="d", sha256="", site="bbc")
            cleaned = clean(art, settings=SETTINGS)
            n_lines = sum(1 for ln in art.text.split("\n") if ln.strip())
            lines += n_lines
            chars += len(art.text)
            docs_hit += bool(cleaned.removals)
            for r in cleaned.removals:
                removed += r.text.count("\n") + 1
                removed_chars += len(r.text)
                reasons[r.reason] += 1
                if len(examples) < 12:
                    examples.append(f"    {row['id']}: [{r.reason}] {r.text[:100]!r}")
        secs = time.perf_counter() - t0
        report.append(f"bbc-news, {variant}: {removed} of {lines} lines removed ({100 * removed / lines:.2f}%), "
                      f"{100 * removed_chars / chars:.2f}% of characters, {docs_hit} of {len(rows)} articles touched, "
                      f"{1000 * secs / len(rows):.1f} ms per article")
        if reasons:
            report.append("  reasons: " + ", ".join(f"{k} ({v})" for k, v in reasons.most_common(8)))
            report.extend(examples)
    return report


HEADER = ["Skip to main content", "Home", "News", "Sport", "Weather", "Search", "Menu", "Advertisement"]
FOOTER = ["Share this article", "Facebook", "Twitter", "Email", "Related stories"]
COPYRIGHT = ["Subscribe to our newsletter", "About us", "Privacy Policy", "© 2005 Example News. All rights reserved."]


def run_bbc_in_chrome(data: Path, limit: int | None) -> list[str]:
    """Each BBC article inside synthetic site chrome: how much story is lost, how much chrome kept."""
    rows = [json.loads(line) for line in gzip.open(data / "bbc_news_2225.jsonl.gz", "rt", encoding="utf-8")]
    rows = rows[:limit] if limit else rows
    story_lines = story_lost = chrome_lines = chrome_kept = 0
    lost: Counter[str] = Counter()
    examples: list[str] = []
    for n, row in enumerate(rows):
        teasers = [rows[(n + k) % len(rows)]["title"] for k in (7, 11, 13)]
        paras = [p for p in row["text"].split("\n\n") if p.strip()]
        mid = max(1, len(paras) // 2)
        body = paras[:mid] + ["Advertisement"] + paras[mid:]
        parts = ["\n".join(HEADER), row["title"], "By Staff Reporter\n12 March 2005", "\n\n".join(body),
                 "\n".join(FOOTER + teasers), "\n".join(COPYRIGHT)]
        text = "\n\n".join(parts)
        art = Article(source=row["id"], text=text, doc_id="d", sha256="")
        cleaned = clean(art, settings=SETTINGS)
        kept_spans = [(b.source_start, b.source_end) for b in cleaned.blocks]
        story_start = text.index("\n\n".join(body))
        story_end = story_start + len("\n\n".join(body))  # not a search for the last paragraph: it may be "."
        pos = 0
        for line in text.split("\n"):
            s, e = pos, pos + len(line)
            pos = e + 1
            if not line.strip():
                continue
            s, e = s + len(line) - len(line.lstrip()), e - (len(line) - len(line.rstrip()))
            kept = any(a <= s and e <= b for a, b in kept_spans)
            is_story = story_start <= s < story_end and line != "Advertisement"
            is_title = line == row["title"]
            if is_story:
                story_lines += 1
                if not kept:
                    story_lost += 1
                    reason = next((r.reason for r in cleaned.removals if r.source_start <= s < r.source_end), "?")
                    lost[reason] += 1
                    if len(examples) < 8:
                        examples.append(f"    {row['id']}: [{reason}] {line[:100]!r}")
            elif not is_title:
                chrome_lines += 1
                chrome_kept += kept
    out = [f"bbc-news inside site chrome: {story_lost} of {story_lines} story lines lost "
           f"({100 * story_lost / story_lines:.2f}%), {chrome_kept} of {chrome_lines} chrome lines kept "
           f"({100 * chrome_kept / chrome_lines:.2f}%)"]
    if lost:
        out.append("  reasons: " + ", ".join(f"{k} ({v})" for k, v in lost.most_common(8)))
        out.extend(examples)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages / articles")
    ap.add_argument("--show-errors", nargs="?", const="text/nodes: claimpipe", default=None, metavar="SYSTEM",
                    help="list the snippets a system got wrong (default: text/nodes: claimpipe)")
    ap.add_argument("--skip-bbc", action="store_true")
    ap.add_argument("--split", choices=("tune", "heldout", "all"), default="all",
                    help="which pages of boilerplate-dev to score (by a hash of the file name)")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"no data at {args.data}: pass --data", file=sys.stderr)
        return 2
    splits = ("heldout", "tune") if args.split == "all" else (args.split,)
    scores = run_pages(args.data / "boilerplate-dev", args.limit, splits)
    print("boilerplate-dev: snippet precision / recall / F1 (trafilatura's scoring); glued = words glued across "
          "a block boundary / pages with any (HTML path)")
    page_sets = [s for split in splits for s in (split, f"{split}, table layout")]
    if args.split == "all":
        page_sets += ["all", "all, table layout"]
        for (name, system), score in list(scores.items()):
            if name in page_sets[:-2]:
                merged = scores[("all" + name.removeprefix(name.split(",")[0]), system)]
                for attr in ("tp", "fn", "fp", "tn", "seconds", "pages", "glued", "glued_pages"):
                    setattr(merged, attr, getattr(merged, attr) + getattr(score, attr))
                merged.counts_glue = score.counts_glue
                merged.misses += score.misses
                merged.extractors += score.extractors
    for page_set in page_sets:
        rows = [(system, score) for (name, system), score in scores.items() if name == page_set]
        if not rows:
            continue
        print(f"\n{page_set} ({rows[0][1].pages} pages)\n")
        print(f"| {'system':<40} | P     | R     | F1    | TP   | FN   | FP   | glued      | secs   |")
        print(f"|{'-' * 42}|-------|-------|-------|------|------|------|------------|--------|")
        for system, score in rows:
            print(score.row(system))
        used = scores[(page_set, "html: claimpipe (extract_html + clean)")].extractors
        if used:
            print("  claimpipe's HTML text came from: " + ", ".join(f"{k} ({v})" for k, v in used.most_common()))
    if args.show_errors:
        shown = "tune" if args.split == "all" else args.split
        print(f"\nerrors of {args.show_errors} ({shown} pages):")
        for page, kind, snip in scores[(shown, args.show_errors)].misses:
            print(f"  {kind} {page}: {snip[:110]!r}")
        for example in scores[(shown, args.show_errors)].glue_examples:
            print(f"  GLUED {example}")
    if not args.skip_bbc:
        print()
        print("\n".join(run_bbc(args.data / "bbc-news", args.limit)))
        print("\n".join(run_bbc_in_chrome(args.data / "bbc-news", args.limit)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
