"""One article of the report: its clean text drawn by displaCy, removed boilerplate folded in place,
its claims table and its entities.

displaCy's span style draws overlapping spans (an entity inside a claim) as stacked underlines with a
label. It is given tokens cut at every whitespace and every span boundary, and templates without the
whitespace displaCy's own add, so the page shows the clean text exactly as it is ("EU," not "EU ,").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from .page import REPLACEMENT, clean_text, esc, safe_url

# displaCy's colours for spaCy's entity labels, and one for any other label.
ENTITY_COLORS = {
    "ORG": "#7aecec", "PRODUCT": "#bfeeb7", "GPE": "#feca74", "LOC": "#ff9561", "PERSON": "#aa9cfc",
    "NORP": "#c887fb", "FAC": "#9cc9cc", "EVENT": "#ffeb80", "LAW": "#ff8197", "LANGUAGE": "#ff8197",
    "WORK_OF_ART": "#f0d0ff", "DATE": "#bfe1d9", "TIME": "#bfe1d9", "MONEY": "#e4e7d2", "QUANTITY": "#e4e7d2",
    "ORDINAL": "#e4e7d2", "CARDINAL": "#e4e7d2", "PERCENT": "#e4e7d2",
}
OTHER_COLOR = "#ddd"

# Check-worthiness bands: (lowest score, name, colour). A claim is drawn in the colour of its band.
BANDS = [(0.6, "high", "#ff8a80"), (0.3, "medium", "#ffd180"), (0.0, "low", "#cfd8dc")]


def band(score: float) -> tuple[str, str]:
    """The (name, colour) of the check-worthiness band that `score` falls in."""
    for low, name, color in BANDS:
        if score >= low:
            return name, color
    return BANDS[-1][1], BANDS[-1][2]


def entity_color(label: str) -> str:
    return ENTITY_COLORS.get(str(label).upper(), OTHER_COLOR)


# displaCy's span templates, less the whitespace around {text} (which would show as a space after
# every highlighted token); the fixed part of their inline styles is in the page's style sheet
# (.tok, .sl, .st, .lb), which makes an article's markup three times smaller.
SPAN_TEMPLATES = {
    "span": '<span class="tok" style="height: {total_height}px">{text}{span_slices}{span_starts}</span>',
    "slice": '<span class="sl" style="background: {bg}; top: {top_offset}px"></span>',
    "start": ('<span class="st" style="background: {bg}; top: {top_offset}px">'
              '<span class="lb" style="background: {bg}">{label}{kb_link}</span></span>'),
}

# displaCy renders a token outside any span as escape(text + " "). Tokens get this private-use mark
# appended, and the mark and that space are removed afterwards; the article text never holds it.
_GLUE = "\ue000"
_RUNS = re.compile(r"\s+|\S+")


class Span(tuple):
    """(start, end, label, color) in the clean text; `label` is HTML (already escaped)."""

    __slots__ = ()

    def __new__(cls, start: int, end: int, label: str, color: str) -> "Span":
        return super().__new__(cls, (start, end, label, color))


def render_spans(text: str, spans: Sequence[Span]) -> str:
    """displaCy span-style markup of `text` with `spans` (offsets into `text`), the text kept exact."""
    from spacy import displacy

    text = clean_text(text).replace(_GLUE, REPLACEMENT)
    spans = [s for s in spans if 0 <= s[0] < s[1] <= len(text)]
    cuts = {0, len(text)} | {s[0] for s in spans} | {s[1] for s in spans}
    tokens: list[str] = []
    starts: dict[int, int] = {}
    for run in _RUNS.finditer(text):
        points = [run.start(), *sorted(c for c in cuts if run.start() < c < run.end()), run.end()]
        for a, b in zip(points, points[1:]):
            starts[a] = len(tokens)
            tokens.append(text[a:b])
    starts[len(text)] = len(tokens)
    covered = [False] * len(tokens)
    parsed_spans, colors = [], {}
    for start, end, label, color in spans:
        i, j = starts.get(start), starts.get(end)
        if i is None or j is None or j <= i:
            continue
        parsed_spans.append({"start_token": i, "end_token": j, "label": label})
        colors[label] = color
        for k in range(i, j):
            covered[k] = True
    # displaCy draws a covered word as an inline block and anything else as escape(text + " "): glue
    # marks the words whose added space must go. Whitespace is left as it is (one space either way).
    shown = [tok + _GLUE if tok.strip() and not covered[k] else tok for k, tok in enumerate(tokens)]
    markup = displacy.render({"tokens": shown, "spans": parsed_spans}, style="span", manual=True, jupyter=False,
                             options={"colors": colors, "template": SPAN_TEMPLATES})
    return markup.replace(_GLUE + " ", "").replace(_GLUE, "")


def claim_label(claim: dict[str, Any], *, linked: bool = True) -> str:
    """The label drawn under a claim: CLAIM, its score and its types; a link to its table row."""
    types = " · ".join(claim.get("claim_types") or [])
    text = f"CLAIM {float(claim.get('checkworthiness') or 0):.2f}" + (f" · {types}" if types else "")
    if not linked:
        return esc(text)
    return f'<a href="#row-{esc(claim["claim_id"])}" title="{esc(claim.get("standalone_text", ""))}">{esc(text)}</a>'


def article_spans(record: dict[str, Any]) -> list[Span]:
    """Every span to draw: each entity mention with its label, each claim with its score and types."""
    spans = [Span(m["start_char"], m["end_char"], esc(m["label"]), entity_color(m["label"]))
             for m in record.get("mentions", [])]
    for c in record.get("claims", []):
        spans.append(Span(c["start_char"], c["end_char"], claim_label(c),
                          band(float(c.get("checkworthiness") or 0))[1]))
    return spans


def render_text(record: dict[str, Any]) -> str:
    """The article's clean text, block by block, with the removed blocks folded away where they were."""
    text = record.get("text") or ""
    blocks = record.get("blocks") or [{"kind": "paragraph", "start_char": 0, "end_char": len(text),
                                       "source_start": 0, "source_end": 0}]
    removed = sorted(record.get("boilerplate") or [], key=lambda b: b["source_start"])
    spans = article_spans(record)
    parts: list[str] = []
    r = 0
    for block in blocks:
        before = []
        while r < len(removed) and removed[r]["source_start"] < block["source_start"]:
            before.append(removed[r])
            r += 1
        if before:
            parts.append(render_removed(before))
        a, b = block["start_char"], block["end_char"]
        inside = [Span(s - a, e - a, label, color) for s, e, label, color in spans if a <= s and e <= b]
        kind = re.sub(r"[^a-z]", "", str(block.get("kind", "paragraph")).lower()) or "paragraph"
        parts.append(f'<div class="block block-{kind}">{render_spans(text[a:b], inside)}</div>')
    if r < len(removed):
        parts.append(render_removed(removed[r:]))
    return f'<div class="text">{"".join(parts)}</div>'


def render_removed(removed: Sequence[dict[str, Any]]) -> str:
    """Consecutive removed blocks as one folded <details>, each with its reason."""
    reasons = list(dict.fromkeys(str(b.get("reason", "")) for b in removed))
    chars = sum(len(b.get("text") or "") for b in removed)
    n = len(removed)
    summary = (f"{n} removed block{'s' if n != 1 else ''} ({chars:,} chars): "
               + ", ".join(esc(x) for x in reasons))
    items = "".join(f'<div class="removed-block"><span class="reason">{esc(b.get("reason", ""))}</span> '
                    f'{esc(b.get("text", ""))}</div>' for b in removed)
    return f'<details class="removed"><summary>{summary}</summary>{items}</details>'


CLAIM_HEADERS = [("#", "number", "Position in the article"), ("Score", "number", "Check-worthiness, 0 to 1"),
                 ("Claim", "text", None), ("Types", "text", None), ("Speaker", "text", None),
                 ("Cue", "text", None), ("Attribution", "text", None), ("Flags", "text", None)]


def claims_table(claims: Iterable[dict[str, Any]], *, articles: dict[str, tuple[str, bool]] | None = None,
                 table_id: str = "", row_prefix: str = "row-") -> str:
    """A sortable table of claims, most check-worthy first.

    Args:
        articles: for a corpus table, doc_id -> (title, shown in the report); adds an Article column.
        row_prefix: before each row's claim_id, its element id (a claim's label links to "row-<id>").
    """
    claims = sorted(claims, key=lambda c: (-float(c.get("checkworthiness") or 0), c.get("start_char", 0)))
    if not claims:
        return '<p class="note">No claims found.</p>'
    headers = list(CLAIM_HEADERS) + ([("Article", "text", None)] if articles is not None else [])
    head = "".join(_header_cell(name, kind, tip) for name, kind, tip in headers)
    rows = []
    for c in claims:
        rows.append(_claim_row(c, articles, row_prefix))
    ident = f' id="{esc(table_id)}"' if table_id else ""
    return (f'<table class="claims sortable"{ident}><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _header_cell(name: str, kind: str, tip: str | None) -> str:
    attrs = f' data-type="{kind}"' + (' aria-sort="descending"' if name == "Score" else "")
    attrs += f' title="{esc(tip)}"' if tip else ""
    return f'<th{attrs}><button type="button">{esc(name)}</button></th>'


def _rewrite_html(rewrite: Any) -> str:
    if not isinstance(rewrite, dict):  # a CSV cell already holds "original -> replacement"
        return esc(str(rewrite))
    confidence = rewrite.get("confidence")
    sure = f" ({float(confidence):.2f})" if confidence is not None else ""
    return f'{esc(rewrite.get("original", ""))} → <b>{esc(rewrite.get("replacement", ""))}</b>{sure}'


def _claim_row(c: dict[str, Any], articles: dict[str, tuple[str, bool]] | None, row_prefix: str) -> str:
    score = float(c.get("checkworthiness") or 0)
    color = band(score)[1]
    reasons = "; ".join(str(r) for r in c.get("checkworthiness_reasons") or [])
    text = esc(c.get("text", ""))
    standalone = c.get("standalone_text") or ""
    if standalone and standalone != c.get("text"):
        text += f'<div class="standalone">{esc(standalone)}</div>'
    put_in = [_rewrite_html(r) for r in c.get("rewrites") or []]
    if put_in:  # what the stand-alone text put in, and how sure, so that a reader can judge it
        text += f'<div class="rewrites">{"; ".join(put_in)}</div>'
    types = "".join(f'<span class="type">{esc(t)}</span>' for t in c.get("claim_types") or [])
    flags = []
    if c.get("hedged"):
        cues = ", ".join(str(x) for x in c.get("hedge_cues") or [])
        flags.append(f'<span class="flag">hedged{": " + esc(cues) if cues else ""}</span>')
    if c.get("negated"):
        flags.append('<span class="flag">negated</span>')
    attribution = c.get("attribution") or "none"
    cells = [
        f'<td data-sort="{int(c.get("start_char") or 0)}">{int(c.get("sentence_index") or 0) + 1}</td>',
        f'<td class="score" data-sort="{score:.6f}" title="{esc(reasons)}">'
        f'<span class="bar" style="width: {round(score * 40)}px; background: {color}"></span>{score:.2f}</td>',
        f'<td class="claim-text">{text}</td>',
        f"<td>{types}</td>",
        f'<td>{esc(c.get("speaker", ""))}</td>',
        f'<td>{esc(c.get("cue", ""))}</td>',
        f'<td>{esc(attribution if attribution != "none" else "")}</td>',
        f'<td>{"".join(flags)}</td>',
    ]
    if articles is not None:
        title, shown = articles.get(c["doc_id"], (c["doc_id"], False))
        cell = f'<a href="#{esc(c["doc_id"])}">{esc(title)}</a>' if shown else esc(title)
        cells.append(f'<td class="article">{cell}</td>')
    return f'<tr id="{esc(row_prefix)}{esc(c["claim_id"])}">{"".join(cells)}</tr>'


def entity_chips(entities: Iterable[dict[str, Any]]) -> str:
    """The article's entities grouped by label, most mentioned first."""
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in entities:
        by_label[str(e.get("label", ""))].append(e)
    if not by_label:
        return '<p class="note">No entities found.</p>'
    order = sorted(by_label, key=lambda lab: -sum(e.get("n_mentions", 0) for e in by_label[lab]))
    lines = []
    for label in order:
        ents = sorted(by_label[label], key=lambda e: (-e.get("n_mentions", 0), str(e.get("name", ""))))
        chips = "".join(
            f'<span class="chip" style="background: {entity_color(label)}" '
            f'title="{esc(", ".join(str(a) for a in e.get("aliases") or []))}">'
            f'{esc(e.get("name", ""))} <b>{int(e.get("n_mentions", 0))}</b></span>' for e in ents)
        lines.append(f'<div><span class="lab">{esc(label)}</span>{chips}</div>')
    return f'<div class="chips">{"".join(lines)}</div>'


def quoted(claims: Iterable[dict[str, Any]], names: dict[str, str]) -> str:
    """Who is quoted or cited in the article, with how many claims each."""
    counts = Counter(names.get(c.get("speaker_entity_id") or "", "") or clean_text(c.get("speaker", "")).strip()
                     for c in claims if (c.get("attribution") or "none") != "none" and c.get("speaker"))
    if not counts:
        return '<p class="note">Nobody is quoted.</p>'
    return "<p>" + " · ".join(f"{esc(name)} ({n})" for name, n in counts.most_common()) + "</p>"


def legend(record: dict[str, Any]) -> str:
    labels = sorted({str(m["label"]) for m in record.get("mentions", [])})
    items = [f'<span style="background: {entity_color(lab)}">{esc(lab)}</span>' for lab in labels]
    items += [f'<span style="background: {color}">CLAIM, {name} check-worthiness (&ge; {low:.1f})</span>'
              for low, name, color in BANDS]
    return f'<div class="legend">{"".join(items)}</div>'


def render_article(record: dict[str, Any], *, names: dict[str, str] | None = None) -> str:
    """The <article> for one documents.jsonl record."""
    names = names or {}
    title = record.get("title") or record.get("source") or record["doc_id"]
    meta = [f'<code>{esc(record.get("source", ""))}</code>', f'<code>{esc(record["doc_id"])}</code>']
    for key in ("author", "published", "site"):
        if record.get(key) and not (key == "site" and record[key] == "."):
            meta.append(esc(record[key]))
    url = safe_url(record.get("url"))
    if url:
        meta.append(f'<a href="{esc(url)}" rel="noreferrer noopener">{esc(url)}</a>')
    claims = record.get("claims", [])
    counts = (f'{len(claims)} claims · {len(record.get("entities", []))} entities · '
              f'{len(record.get("mentions", []))} mentions · {len(record.get("boilerplate", []))} removed blocks')
    return (
        f'<article class="doc" id="{esc(record["doc_id"])}">'
        f'<h3>{esc(title)}</h3><div class="meta">{" · ".join(meta)}<br>{counts}</div>'
        f"{legend(record)}{render_text(record)}"
        f"<h4>Claims</h4>{claims_table(claims, table_id='claims-' + record['doc_id'])}"
        f"<h4>Quoted</h4>{quoted(claims, names)}"
        f'<h4>Entities</h4>{entity_chips(record.get("entities", []))}'
        "</article>"
    )
