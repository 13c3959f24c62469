"""The page around the report: escaping, style sheet, the table-sorting script and the security policy.

Everything the page needs is inline, so it opens with no network. A Content-Security-Policy allows
nothing to be fetched and only the one script below to run (by its hash): even if some article text
slipped through unescaped, the browser would neither run it nor load anything it names.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from urllib.parse import urlsplit

# Characters that are not text: C0 controls but tab and newline, DEL, C1 controls. An HTML parser
# reports them as errors (NUL even ends a string in some tools); they are shown as U+FFFD, which keeps
# every offset into the text valid.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
REPLACEMENT = "\ufffd"


def clean_text(text: object) -> str:
    """Text with control characters replaced by U+FFFD, one for one (offsets stay valid)."""
    return _CONTROL.sub(REPLACEMENT, "" if text is None else str(text))


def esc(text: object) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return html.escape(clean_text(text), quote=True)


def safe_url(url: object) -> str | None:
    """`url` when it is an http(s) address that can be linked to, else None (no javascript: links)."""
    if not isinstance(url, str) or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


# The only script on the page: column sorting for every `table.sortable`, whose header cells hold a
# <button>. A cell sorts by its `data-sort` value when it has one, else by its text; a header with
# data-type="number" sorts numerically, high to low first.
SCRIPT = """
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  function key(cell, numeric) {
    var v = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
    if (!numeric) return v.toLowerCase();
    var n = parseFloat(v);
    return isNaN(n) ? -Infinity : n;
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    heads.forEach(function (th, col) {
      var button = th.querySelector("button");
      if (!button) return;
      button.addEventListener("click", function () {
        var numeric = th.getAttribute("data-type") === "number";
        var now = th.getAttribute("aria-sort");
        var descending = now ? now === "ascending" : numeric;
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a.cells[col], numeric), y = key(b.cells[col], numeric);
          var c = numeric ? (x < y ? -1 : x > y ? 1 : 0) : x.localeCompare(y);
          return descending ? -c : c;
        });
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
"""


def script_hash(script: str = SCRIPT) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


# default-src 'none': nothing is fetched, ever. Inline styles are needed by displaCy's markup; images
# only from data: URIs; the one script by its hash. Inline event handlers (onerror=...) cannot run.
CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
       f"script-src '{script_hash()}'; base-uri 'none'; form-action 'none'")

STYLE = """
:root { --ink: #1f2328; --muted: #656d76; --line: #d0d7de; --soft: #f6f8fa; --accent: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 -apple-system, BlinkMacSystemFont,
       "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; }
a { color: var(--accent); }
header.top { background: #24292f; color: #fff; padding: 14px 28px; }
header.top h1 { margin: 0; font-size: 20px; }
header.top .run { color: #c9d1d9; font-size: 13px; }
main { max-width: 1320px; margin: 0 auto; padding: 8px 28px 48px; }
h2 { border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 28px; }
.stats { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; }
.stat { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; }
.stat b { font-size: 18px; display: block; }
nav.toc ol { columns: 2; margin: 4px 0; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 16px; }
figure.chart { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 8px; }
figure.chart svg { width: 100%; height: auto; display: block; }
figure.chart figcaption { color: var(--muted); font-size: 13px; }
figure.chart .empty { color: var(--muted); padding: 40px; text-align: center; }
article.doc { border-top: 3px solid #24292f; margin-top: 36px; padding-top: 6px; }
article.doc > h3 { font-size: 22px; margin: 4px 0; }
.meta { color: var(--muted); font-size: 13px; }
.meta code { font-size: 12px; }
.legend { margin: 8px 0; font-size: 12px; }
.legend span { display: inline-block; padding: 1px 6px; margin: 2px; border-radius: 3px; font-weight: bold; }
.text { border: 1px solid var(--line); border-radius: 6px; padding: 4px 18px; max-width: 980px; }
.text .spans { white-space: pre-line; }
.spans .tok { display: inline-block; position: relative; }
.spans .sl, .spans .st { position: absolute; height: 4px; left: -1px; width: calc(100% + 2px); }
.spans .st { border-top-left-radius: 3px; border-bottom-left-radius: 3px; }
.spans .lb { z-index: 10; color: #000; top: -0.5em; padding: 2px 3px; position: absolute; font-size: 0.6em;
             font-weight: bold; line-height: 1; border-radius: 3px; white-space: nowrap; font-style: normal; }
.block-title .spans { font-size: 20px; font-weight: bold; }
.block-subtitle .spans { font-size: 17px; font-style: italic; }
.block-heading .spans { font-size: 17px; font-weight: bold; }
.spans a { color: inherit; text-decoration: none; }
details.removed { margin: 6px 0; color: var(--muted); font-size: 13px; }
details.removed summary { cursor: pointer; }
details.removed .removed-block { border-left: 3px solid var(--line); margin: 4px 0 4px 8px; padding: 0 8px;
                                 white-space: pre-wrap; }
.reason { background: #eaeef2; border-radius: 3px; padding: 0 5px; font-size: 12px; color: var(--ink); }
table.claims { border-collapse: collapse; width: 100%; font-size: 13.5px; margin: 8px 0 16px; }
table.claims th, table.claims td { border-bottom: 1px solid var(--line); padding: 5px 6px; vertical-align: top;
                                   text-align: left; }
table.claims thead th { background: var(--soft); position: sticky; top: 0; }
table.claims th button { all: unset; cursor: pointer; font-weight: bold; }
table.claims th button::after { content: " \\2195"; color: var(--muted); }
table.claims th[aria-sort=descending] button::after { content: " \\2193"; color: var(--ink); }
table.claims th[aria-sort=ascending] button::after { content: " \\2191"; color: var(--ink); }
table.claims tr:target { background: #fff8c5; }
td.score { white-space: nowrap; font-variant-numeric: tabular-nums; min-width: 84px; }
td.score .bar { display: inline-block; height: 8px; border-radius: 2px; margin-right: 6px; vertical-align: middle; }
td.claim-text { width: 40%; min-width: 300px; }
td.article { min-width: 180px; }
.standalone { color: var(--muted); margin-top: 3px; }
.standalone::before { content: "stand-alone: "; font-style: italic; }
.rewrites { color: var(--muted); font-size: 0.9em; }
.rewrites::before { content: "put in: "; font-style: italic; }
.type { display: inline-block; background: #ddf4ff; border-radius: 10px; padding: 0 7px; margin: 1px; font-size: 12px; }
.flag { display: inline-block; background: #fff1e5; border-radius: 10px; padding: 0 7px; margin: 1px; font-size: 12px; }
.chips span.chip { display: inline-block; border-radius: 12px; padding: 1px 9px; margin: 2px; font-size: 13px; }
.chips .lab { font-size: 11px; font-weight: bold; color: var(--muted); margin-right: 4px; }
.note { color: var(--muted); font-size: 13px; }
"""

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="claimpipe {version}">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
{body}
<script>{script}</script>
</body>
</html>
"""


def page(body: str, *, title: str, version: str) -> str:
    """The whole HTML document around `body` (already escaped markup)."""
    return PAGE.format(csp=esc(CSP), version=esc(version), title=esc(title), style=STYLE, body=body, script=SCRIPT)
