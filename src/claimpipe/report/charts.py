"""The corpus charts: the tables behind them (plain pandas, tested alone) and matplotlib drawings as SVG.

Each chart is an SVG string to put inline in the page: text stays text (searchable, sharp), ids are
salted per chart so two charts on one page never share one, and the output carries no date, so the
same outputs give the same page.
"""

from __future__ import annotations

import io
import re
import warnings
from typing import TYPE_CHECKING

import pandas as pd

from .article import BANDS, band, entity_color
from .page import clean_text

if TYPE_CHECKING:
    from ..loader import Outputs

ATTRIBUTION_COLORS = {"direct": "#8250df", "indirect": "#0969da", "mixed": "#1a7f37", "according_to": "#bf8700"}
MAX_LABEL = 38


def short(text: object, limit: int = MAX_LABEL) -> str:
    """A one-line label: control characters and extra whitespace gone, cut to `limit` characters."""
    text = " ".join(clean_text(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def entity_names(outputs: "Outputs") -> dict[str, str]:
    """entity_id -> the name to show; names shared by two entities get their label added."""
    table = outputs.corpus_entities
    if table.empty:
        table = outputs.entities.drop_duplicates("entity_id")
    names = {str(i): str(n) for i, n in zip(table["entity_id"], table["name"])}
    labels = {str(i): str(lab) for i, lab in zip(table["entity_id"], table["label"])}
    seen = pd.Series(list(names.values())).value_counts()
    return {i: (f"{n} ({labels[i]})" if seen.get(n, 0) > 1 else n) for i, n in names.items()}


def top_entities(outputs: "Outputs", n: int = 15) -> pd.DataFrame:
    """The `n` most mentioned entities: entity_id, name, label, n_mentions, n_documents."""
    table = outputs.corpus_entities
    if table.empty and not outputs.entities.empty:
        table = (outputs.entities.groupby(["entity_id", "name", "label"], as_index=False)
                 .agg(n_mentions=("n_mentions", "sum"), n_documents=("doc_id", "nunique")))
    if table.empty:
        return pd.DataFrame(columns=["entity_id", "name", "label", "n_mentions", "n_documents"])
    names = entity_names(outputs)
    top = table.sort_values(["n_mentions", "n_documents", "name"], ascending=[False, False, True]).head(n)
    top = top[["entity_id", "name", "label", "n_mentions", "n_documents"]].reset_index(drop=True)
    top["name"] = [names.get(str(i), str(x)) for i, x in zip(top["entity_id"], top["name"])]
    return top


def cooccurrence(outputs: "Outputs", n: int = 12) -> pd.DataFrame:
    """How many sentences mention both of two entities, for the `n` entities in the most sentences.

    A square frame indexed both ways by entity name; the diagonal holds each entity's own sentences.
    Computed from counts: only the mentions of the `n` entities are paired, within their sentence, so
    time and memory grow with the mentions (at most n x n pairs per sentence), never with sentences x
    entities.
    """
    m = outputs.mentions
    if m.empty:
        return pd.DataFrame()
    sentences = m[["doc_id", "sentence_index", "entity_id"]].drop_duplicates()
    top = sentences["entity_id"].value_counts()
    top = top.sort_index().sort_values(ascending=False, kind="stable").head(n).index.tolist()
    kept = sentences[sentences["entity_id"].isin(top)]
    pairs = kept.merge(kept, on=["doc_id", "sentence_index"], suffixes=("_a", "_b"))
    counts = pairs.groupby(["entity_id_a", "entity_id_b"]).size()
    matrix = pd.DataFrame(0, index=top, columns=top, dtype="int64")
    for (a, b), count in counts.items():
        matrix.loc[a, b] = count
    names = entity_names(outputs)
    labels = [short(names.get(str(i), str(i)), 24) for i in top]
    matrix.index, matrix.columns = labels, labels
    return matrix


def claims_by_type(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims per type (a claim counts once for each of its types), split by check-worthiness band."""
    bands = [name for _, name, _ in BANDS]
    rows = [(t, band(float(score))[0]) for types, score in zip(claims.get("claim_types", []),
                                                               claims.get("checkworthiness", []))
            for t in (types or ["(none)"])]
    if not rows:
        return pd.DataFrame(columns=bands)
    table = pd.crosstab(pd.Series([r[0] for r in rows], name="type"), pd.Series([r[1] for r in rows], name="band"))
    table = table.reindex(columns=bands, fill_value=0)
    return table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]


def claims_by_speaker(outputs: "Outputs", n: int = 15) -> pd.DataFrame:
    """Attributed claims per speaker (the canonical entity when known), split by kind of attribution."""
    c = outputs.claims
    c = c[(c["attribution"].astype(str) != "none") & (c["speaker"].astype(str).str.strip() != "")]
    if c.empty:
        return pd.DataFrame(columns=list(ATTRIBUTION_COLORS))
    names = entity_names(outputs)
    who = [names.get(str(e), "") or short(s) for e, s in zip(c["speaker_entity_id"].astype(str), c["speaker"])]
    table = pd.crosstab(pd.Series(who, name="speaker"), pd.Series(c["attribution"].astype(str).tolist(),
                                                                   name="attribution"))
    table = table.reindex(columns=[a for a in ATTRIBUTION_COLORS if a in table.columns]
                          + [a for a in table.columns if a not in ATTRIBUTION_COLORS], fill_value=0)
    order = table.sum(axis=1).rename("n").reset_index().sort_values(["n", "speaker"], ascending=[False, True])
    return table.loc[order["speaker"].head(n)]


# ---- drawing -------------------------------------------------------------------------------------

def _mpl_text(text: object) -> str:
    """Text for matplotlib: `$` would start mathtext, so it is escaped."""
    return short(text, 200).replace("$", r"\$")


def _figure(height: float):
    from matplotlib.figure import Figure

    return Figure(figsize=(7.2, height), layout="constrained")


def to_svg(fig, *, salt: str, label: str) -> str:
    """The figure as an inline <svg> element (no XML prolog, no fixed size, unique ids)."""
    import matplotlib

    buf = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": f"claimpipe-{salt}"}):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": "claimpipe (matplotlib)"})
    svg = buf.getvalue()
    svg = svg[svg.index("<svg"):]
    # matplotlib numbers its groups figure_1, axes_1... in every figure: prefix every id, and every
    # reference to one, so that ids stay unique on a page of several charts
    svg = re.sub(r'(\sid="|url\(#|href="#)([^")]+)', lambda m: f"{m.group(1)}{salt}-{m.group(2)}", svg)
    head_end = svg.index(">")
    head = re.sub(r'\s(width|height)="[^"]*"', "", svg[:head_end])
    from .page import esc

    return f'{head} role="img" aria-label="{esc(label)}"{svg[head_end:]}'


def _no_data(ax, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", color="#656d76", transform=ax.transAxes)
    ax.set_axis_off()


def _hbar_axes(ax, labels: list[str]) -> None:
    ax.set_yticks(range(len(labels)), [_mpl_text(x) for x in labels])
    ax.invert_yaxis()
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="x", color="#eaeef2")
    ax.set_axisbelow(True)


def chart_entities(outputs: "Outputs", n: int = 12) -> str:
    top = top_entities(outputs, n)
    fig = _figure(max(2.4, 0.26 * len(top) + 1.0))
    ax = fig.add_subplot()
    if top.empty:
        _no_data(ax, "No entities")
    else:
        bars = ax.barh(range(len(top)), top["n_mentions"], color=[entity_color(x) for x in top["label"]],
                       edgecolor="#57606a", linewidth=0.4)
        _hbar_axes(ax, [f"{name} · {label}" for name, label in zip(top["name"], top["label"])])
        ax.bar_label(bars, labels=[f"{d} doc{'s' if d != 1 else ''}" for d in top["n_documents"]], padding=3,
                     fontsize=8, color="#656d76")
        ax.set_xlabel("mentions")
        ax.margins(x=0.12)
    ax.set_title("Most mentioned entities", loc="left", fontsize=11, fontweight="bold")
    return to_svg(fig, salt="entities", label="Most mentioned entities")


def chart_cooccurrence(outputs: "Outputs", n: int = 12) -> str:
    matrix = cooccurrence(outputs, n)
    size = len(matrix)
    fig = _figure(max(3.0, 0.26 * size + 1.8))
    ax = fig.add_subplot()
    if size < 2:
        _no_data(ax, "Too few entities")
    else:
        values = matrix.to_numpy().astype(float)
        shown = values.copy()
        shown[range(size), range(size)] = float("nan")  # the diagonal would drown the pairs
        mesh = ax.pcolormesh(shown, cmap="Blues", edgecolors="#ffffff", linewidth=0.5, vmin=0)
        ax.set_xticks([i + 0.5 for i in range(size)], [_mpl_text(x) for x in matrix.columns], rotation=50,
                      ha="right", fontsize=8)
        ax.set_yticks([i + 0.5 for i in range(size)], [_mpl_text(x) for x in matrix.index], fontsize=8)
        ax.invert_yaxis()
        ax.set_aspect("equal")
        top = max((v for v in shown.flatten() if v == v), default=0) or 1
        for i in range(size):
            for j in range(size):
                if i != j and values[i, j]:
                    ax.text(j + 0.5, i + 0.5, int(values[i, j]), ha="center", va="center", fontsize=7,
                            color="#ffffff" if values[i, j] > top * 0.6 else "#1f2328")
        fig.colorbar(mesh, ax=ax, shrink=0.6, label="sentences with both")
    ax.set_title("Entities mentioned in the same sentence", loc="left", fontsize=11, fontweight="bold")
    return to_svg(fig, salt="cooccurrence", label="Entity co-occurrence")


def chart_claim_types(outputs: "Outputs") -> str:
    table = claims_by_type(outputs.claims)
    fig = _figure(max(2.4, 0.34 * len(table) + 1.2))
    ax = fig.add_subplot()
    if table.empty:
        _no_data(ax, "No claims")
    else:
        left = [0] * len(table)
        for _, name, color in reversed(BANDS):
            ax.barh(range(len(table)), table[name], left=left, color=color, edgecolor="#57606a", linewidth=0.4,
                    label=f"{name} check-worthiness")
            left = [a + b for a, b in zip(left, table[name])]
        _hbar_axes(ax, list(table.index))
        ax.set_xlabel("claims")
        ax.legend(frameon=False, fontsize=8, loc="lower right")
    ax.set_title("Claims by type", loc="left", fontsize=11, fontweight="bold")
    return to_svg(fig, salt="types", label="Claims by type")


def chart_speakers(outputs: "Outputs", n: int = 12) -> str:
    table = claims_by_speaker(outputs, n)
    fig = _figure(max(2.4, 0.26 * len(table) + 1.0))
    ax = fig.add_subplot()
    if table.empty:
        _no_data(ax, "No attributed claims")
    else:
        left = [0] * len(table)
        for kind in table.columns:
            ax.barh(range(len(table)), table[kind], left=left, color=ATTRIBUTION_COLORS.get(kind, "#8c959f"),
                    label=kind.replace("_", " "))
            left = [a + b for a, b in zip(left, table[kind])]
        _hbar_axes(ax, list(table.index))
        ax.set_xlabel("attributed claims")
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.legend(frameon=False, fontsize=8, loc="lower right")
    ax.set_title("Claims by speaker", loc="left", fontsize=11, fontweight="bold")
    return to_svg(fig, salt="speakers", label="Claims by speaker")


def all_charts(outputs: "Outputs") -> list[tuple[str, str, str]]:
    """(id, svg, caption) for each corpus chart."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # e.g. a glyph missing from the font for a non-Latin name
        return [
            ("chart-entities", chart_entities(outputs),
             "Entities by mentions across the corpus, coloured by label; the number of articles beside each."),
            ("chart-cooccurrence", chart_cooccurrence(outputs),
             "Pairs of the most mentioned entities by the number of sentences that mention both."),
            ("chart-types", chart_claim_types(outputs),
             "Claims per type (a claim can have several), split by check-worthiness."),
            ("chart-speakers", chart_speakers(outputs),
             "Attributed claims per speaker, by kind of attribution."),
        ]
