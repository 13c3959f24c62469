"""`claimpipe report`: one self-contained HTML page over a run's outputs.

The page holds, for the corpus, charts of the most mentioned entities, entity co-occurrence, claims by
type and by speaker, and the most check-worthy claims; then, for each article, its clean text drawn by
displaCy with entities and claims highlighted, the removed boilerplate folded away where it was, a
claims table sortable by check-worthiness, who is quoted, and its entities.

Nothing is fetched when the page is viewed: styles, the sorting script and the charts (SVG) are inline.
All article text is escaped, and a Content-Security-Policy lets only the page's own script run.

The page stays a few MB for any corpus: the charts and tables are computed from counts, and the
articles are drawn in input order only while they fit `ARTICLE_BUDGET` characters of markup (and
`max_docs`); the page says how many were left out.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import __version__
from ..loader import Outputs, load
from .article import claims_table, render_article
from .charts import all_charts, entity_names
from .page import esc, page

__all__ = ["render_report", "write_report", "REPORT_NAME", "ReportDestinationError"]

REPORT_NAME = "report.html"
TOP_CLAIMS = 10
ARTICLE_BUDGET = 3_000_000  # characters of article markup on one page (the rest of a page is ~0.3 MB)
MAX_ERRORS_LISTED = 100


class ReportDestinationError(FileExistsError):
    """The report's path holds something that is not a regular file (a FIFO, a symlink, a device, a folder)."""


def check_destination(dest: Path) -> None:
    """Refuse to replace anything at `dest` but a regular file.

    A FIFO would hang the writer, a symlink or device node would be replaced by a file (as root, even
    /dev/full), a folder would be lost."""
    try:
        mode = os.lstat(dest).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISREG(mode):
        return
    kind = ("a symbolic link" if stat.S_ISLNK(mode) else "a folder" if stat.S_ISDIR(mode)
            else "a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a socket" if stat.S_ISSOCK(mode) else "not a regular file")
    raise ReportDestinationError(f"{dest} is {kind}, not a regular file: the report replaces only a regular "
                                 "file; give another path")


def write_report(out: Path, dest: Path | None = None, *, max_docs: int | None = None) -> Path:
    """Write the HTML report of the run in `out` and return its path.

    Args:
        out: a `claimpipe run` output folder (it needs documents.jsonl and claims.jsonl).
        dest: the file to write; default `out/report.html`.
        max_docs: draw only the first `max_docs` articles (the charts and tables still cover all).
    Raises:
        FileNotFoundError: `out` holds no complete run, or the run was made without the jsonl format.
        ReportDestinationError: `dest` is a FIFO, symlink, device or folder (only a regular file is replaced).
    """
    out = Path(out)
    dest = Path(dest) if dest is not None else out / REPORT_NAME
    check_destination(dest)
    markup = render_report(out, max_docs=max_docs)
    check_destination(dest)  # again: rendering takes a while
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(markup)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return dest


def render_report(out: Path, *, max_docs: int | None = None, budget: int = ARTICLE_BUDGET) -> str:
    """The report of the run in `out` as one HTML document.

    Articles are drawn in input order, at most `max_docs` of them and only while their markup fits
    `budget` characters; the charts, counts and most check-worthy claims cover every article."""
    out = Path(out)
    if (out / "manifest.json").exists() and not (out / "documents.jsonl").exists():
        raise FileNotFoundError(f"{out} has no documents.jsonl: run `claimpipe run` with --format including jsonl")
    outputs = load(out)
    names = entity_names(outputs)
    n = len(outputs.documents)
    limit = n if max_docs is None else max(0, max_docs)
    articles = _draw_articles(out / "documents.jsonl", names=names, limit=limit, budget=budget)
    shown = len(articles)
    titles = {str(d): (str(t) if isinstance(t, str) and t else str(s), i < shown)
              for i, (d, t, s) in enumerate(zip(outputs.documents["doc_id"], outputs.documents["title"],
                                                 outputs.documents["source"]))}
    parts = [_header(outputs), "<main>", _summary(outputs, shown), _corpus(outputs, titles)]
    parts.append('<section id="articles"><h2>Articles</h2>')
    if shown < n:
        parts.append(f'<p class="note">{_left_out(n, shown, limit, budget)}</p>')
    parts += articles
    if shown < n:
        parts.append(f'<p class="note">{n - shown:,} more articles are not drawn here '
                     f'({"--max-docs" if shown == limit else "the page size limit"}); the charts and the corpus '
                     "table cover them all.</p>")
    parts.append("</section></main>")
    return page("".join(parts), title=f"claimpipe report: {n} article{'s' if n != 1 else ''}", version=__version__)


def _draw_articles(path: Path, *, names: dict[str, str], limit: int, budget: int) -> list[str]:
    """The markup of the first articles of documents.jsonl: at most `limit`, while they fit `budget`."""
    drawn: list[str] = []
    size = 0
    for record in _records(path):
        if len(drawn) >= limit or size + len(record.get("text") or "") > budget:
            break  # the text alone would not fit: do not even draw it
        markup = render_article(record, names=names)
        if size + len(markup) > budget:
            break
        drawn.append(markup)
        size += len(markup)
    return drawn


def _left_out(n: int, shown: int, limit: int, budget: int) -> str:
    """Why only some articles are drawn, and where the others are."""
    why = (f"--max-docs {limit}" if shown == limit else
           f"a page holds at most {budget / 1e6:.0f} MB of drawn articles, so that it opens in any browser")
    return (f"Showing the first {shown:,} of {n:,} articles ({esc(why)}). The charts, the counts and the most "
            "check-worthy claims cover all of them; <code>claimpipe show DOC_ID</code> prints any article.")


def _records(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _header(outputs: Outputs) -> str:
    m = outputs.manifest
    model = m.get("model") or {}
    model_name = f'{model.get("name") or model.get("package") or "?"} {model.get("version", "")}'.strip()
    run = (f'run finished {esc(m.get("finished_at", "?"))} · claimpipe {esc(m.get("claimpipe_version", "?"))} · '
           f'spaCy {esc(m.get("spacy_version", "?"))} · model {esc(model_name)}')
    return f'<header class="top"><h1>claimpipe report</h1><div class="run">{run}</div></header>'


def _summary(outputs: Outputs, shown: int) -> str:
    counts = [("articles", len(outputs.documents)), ("claims", len(outputs.claims)),
              ("entities", len(outputs.corpus_entities) or outputs.entities["entity_id"].nunique()),
              ("mentions", len(outputs.mentions)), ("removed blocks", len(outputs.boilerplate)),
              ("errors", len(outputs.errors))]
    stats = "".join(f'<div class="stat"><b>{n:,}</b>{esc(name)}</div>' for name, n in counts)
    docs = outputs.documents.head(shown)
    toc = "".join(f'<li><a href="#{esc(d)}">{esc(t if isinstance(t, str) and t else s)}</a> '
                  f'<span class="note">({int(c)} claims)</span></li>'
                  for d, t, s, c in zip(docs["doc_id"], docs["title"], docs["source"], docs["n_claims"]))
    nav = ('<nav class="toc"><b>Sections:</b> <a href="#corpus">Corpus charts</a> · '
           '<a href="#top-claims">Most check-worthy claims</a> · <a href="#articles">Articles</a>'
           f"<ol>{toc}</ol></nav>")
    errors = ""
    if len(outputs.errors):
        listed = outputs.errors.head(MAX_ERRORS_LISTED)
        items = "".join(f"<li><code>{esc(s)}</code>: {esc(st)} {esc(e)}: {esc(str(msg)[:500])}</li>" for s, st, e, msg in
                        zip(listed["source"], listed["stage"], listed["error"], listed["message"]))
        more = len(outputs.errors) - len(listed)
        if more:
            items += f"<li>{more:,} more: see errors.jsonl</li>"
        errors = f'<details class="removed"><summary>{len(outputs.errors)} inputs failed</summary><ul>{items}</ul></details>'
    return f'<div class="stats">{stats}</div>{errors}{nav}'


def _corpus(outputs: Outputs, titles: dict[str, tuple[str, bool]]) -> str:
    figures = "".join(f'<figure class="chart" id="{esc(ident)}">{svg}<figcaption>{esc(caption)}</figcaption></figure>'
                      for ident, svg, caption in all_charts(outputs))
    claims = outputs.claims.sort_values("checkworthiness", ascending=False, kind="stable").head(TOP_CLAIMS)
    rows = [_plain(row) for row in claims.to_dict("records")]
    table = claims_table(rows, articles=titles, table_id="top-claims-table", row_prefix="top-")
    return (f'<section id="corpus"><h2>Corpus</h2><div class="charts">{figures}</div></section>'
            f'<section id="top-claims"><h2>Most check-worthy claims</h2>'
            f'<p class="note">The {len(rows)} highest-scoring claims of the corpus. Click a column to sort.</p>'
            f"{table}</section>")


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """A loaded claim row with pandas' missing values as None."""
    return {k: (None if not isinstance(v, (list, dict)) and _is_na(v) else v) for k, v in row.items()}


def _is_na(value: Any) -> bool:
    import pandas as pd

    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
