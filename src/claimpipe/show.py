"""`claimpipe show`: one article's claims and entities, readable at a glance in a terminal.

Article text and file names are never written to the terminal as they are: `terminal.safe_text` shows
escape sequences, control characters and bidirectional overrides as visible escapes such as `\\x1b`.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import textwrap
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING, Any

from .terminal import safe_text, use_color

if TYPE_CHECKING:
    import pandas as pd

    from .loader import Outputs

__all__ = ["ArticleNotFound", "find_document", "format_article", "safe_text", "use_color"]

MAX_WIDTH = 100


class ArticleNotFound(LookupError):
    """No article, or more than one, matches what the user named; the message says what to try."""


# ---- finding the article -------------------------------------------------------------------------

def find_document(outputs: "Outputs", doc: str | Path) -> "pd.Series":
    """The documents row that `doc` names.

    `doc` may be, tried in this order: a doc_id (or a unique prefix of one, at least 6 hex digits);
    a `source` as the run wrote it ("sub/a.txt", "feed.jsonl#L3"); a path that ends with a source
    ("corpus/sub/a.txt"); the path of an input file with the same bytes (moved or renamed); or a
    bare file name ("a.txt" finds "sub/a.txt").

    Raises:
        ArticleNotFound: nothing matches, or several articles do (the message lists them).
    """
    docs = outputs.documents
    if docs.empty:
        raise ArticleNotFound("the run has no articles")
    name = str(doc).strip()
    ids = docs["doc_id"].astype(str)
    sources = docs["source"].astype(str)
    for match in (_by_id(ids, name), sources == name, _by_path(sources, name), _by_bytes(docs, name),
                  _by_name(sources, name)):
        if match is not None and match.any():
            found = docs[match]
            if len(found) == 1:
                return found.iloc[0]
            listed = "\n".join(f"  {d}  {safe_text(s)}" for d, s in zip(found["doc_id"], found["source"]))
            raise ArticleNotFound(f"{safe_text(name)!s} matches {len(found)} articles; name one by doc_id or "
                                  f"source:\n{listed}")
    examples = ", ".join(safe_text(s) for s in sources.head(3))
    raise ArticleNotFound(f"no article {safe_text(name)} in this run; give a doc_id (d_...) or a source as in "
                          f"documents.csv (e.g. {examples})")


def _by_id(ids: "pd.Series", name: str) -> "pd.Series | None":
    if not name.startswith("d_"):
        return None
    exact = ids == name
    if exact.any() or len(name) < 8:
        return exact
    return ids.str.startswith(name)


def _by_path(sources: "pd.Series", name: str) -> "pd.Series":
    """Sources that the path `name` ends with, part by part ("corpus/a.txt" ends with "a.txt")."""
    path, _, line = name.partition("#")
    parts = _parts(path)

    def ends(source: str) -> bool:
        spath, _, sline = source.partition("#")
        sparts = _parts(spath)
        return bool(sparts) and parts[-len(sparts):] == sparts and line == sline

    return sources.map(ends).astype(bool)


def _by_name(sources: "pd.Series", name: str) -> "pd.Series":
    """Sources whose file name is `name` ("a.txt" finds "2024/a.txt")."""
    path, _, line = name.partition("#")
    parts = _parts(path)
    if len(parts) != 1:
        return sources.map(lambda s: False).astype(bool)
    return sources.map(lambda s: _parts(s.partition("#")[0])[-1:] == parts and s.partition("#")[2] == line
                       ).astype(bool)


def _parts(path: str) -> tuple[str, ...]:
    parts = PureWindowsPath(path).parts if "\\" in path else PurePosixPath(path).parts
    return tuple(p for p in parts if p not in ("", ".", "/"))


def _by_bytes(docs: "pd.Series", name: str) -> "pd.Series | None":
    """The article whose input file has the same bytes (a moved or renamed file)."""
    path = Path(name)
    if "sha256" not in docs or not path.is_file():
        return None
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return docs["sha256"].astype(str) == digest.hexdigest()


# ---- formatting ----------------------------------------------------------------------------------

_STYLES = {"bold": "1", "dim": "2", "red": "31", "yellow": "33", "green": "32", "cyan": "36", "magenta": "35",
           "blue": "34", "title": "1;4"}
LABEL_STYLES = {"PERSON": "magenta", "ORG": "cyan", "GPE": "yellow", "NORP": "blue", "LOC": "green"}


class _Painter:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, style: str) -> str:
        if not self.color or not text:
            return text
        codes = ";".join(_STYLES[s] for s in style.split())
        return f"\x1b[{codes}m{text}\x1b[0m"


def _band(score: float) -> str:
    return "red" if score >= 0.6 else "yellow" if score >= 0.3 else "dim"


def _wrap(text: str, width: int, indent: str) -> list[str]:
    return textwrap.wrap(text, width=width, initial_indent=indent, subsequent_indent=indent,
                         break_long_words=True, break_on_hyphens=False) or [indent.rstrip()]


def format_article(outputs: "Outputs", doc: str, *, width: int | None = None, color: bool = False) -> str:
    """One article's claims (most check-worthy first) and entities as text for a terminal.

    Args:
        doc: a doc_id, a source, a path ending with a source, or an input file (see `find_document`).
        width: columns to wrap at; default the terminal's width, at most 100.
        color: add ANSI colours (the article's own text never carries any).
    Raises:
        ArticleNotFound: `doc` names no article of the run, or several.
    """
    row = find_document(outputs, doc)
    width = max(40, width or min(shutil.get_terminal_size((MAX_WIDTH, 24)).columns, MAX_WIDTH))
    paint = _Painter(color)
    doc_id = str(row["doc_id"])
    claims = outputs.claims[outputs.claims["doc_id"].astype(str) == doc_id]
    claims = claims.sort_values(["checkworthiness", "start_char"], ascending=[False, True], kind="stable")
    entities = outputs.entities[outputs.entities["doc_id"].astype(str) == doc_id]
    names = dict(zip(entities["entity_id"].astype(str), entities["name"].astype(str)))

    lines: list[str] = []
    title = _str(row.get("title")) or _str(row.get("source"))
    lines += [paint(x, "bold") for x in _wrap(safe_text(title), width, "")]
    meta = [safe_text(row.get("source")), doc_id] + [safe_text(row.get(k)) for k in ("author", "published", "url")
                                                       if _str(row.get(k))]
    lines += [paint(x, "dim") for x in _wrap(" · ".join(meta), width, "")]
    counts = (f'{len(claims)} claims · {len(entities)} entities · {int(row.get("n_boilerplate", 0))} '
              f'removed blocks ({int(row.get("boilerplate_chars", 0)):,} chars)')
    lines += [paint(x, "dim") for x in _wrap(counts, width, "")]
    lines.append("")
    lines += _section("CLAIMS, most check-worthy first", width, paint)
    if claims.empty:
        lines.append("  (none)")
    for rank, c in enumerate(claims.to_dict("records"), 1):
        lines += _claim_lines(rank, c, names, width, paint)
    lines += _section("ENTITIES, most mentioned first", width, paint)
    lines += _entity_lines(entities, width, paint) or ["  (none)"]
    return "\n".join(lines) + "\n"


def _section(name: str, width: int, paint: _Painter) -> list[str]:
    return [paint(name, "bold"), paint("─" * min(width, len(name) + 10), "dim")]


def _claim_lines(rank: int, c: dict[str, Any], names: dict[str, str], width: int, paint: _Painter) -> list[str]:
    score = float(c.get("checkworthiness") or 0)
    filled = round(score * 10)
    bar = "█" * filled + "░" * (10 - filled)
    types = " · ".join(safe_text(t) for t in c.get("claim_types") or []) or "untyped"
    where = paint(f"  (sentence {int(c.get('sentence_index') or 0) + 1})", "dim")
    indent = " " * 5
    head = f"{rank:>3}. " + paint(f"{score:.2f}", _band(score) + " bold") + " " + paint(bar, _band(score))
    if len(f"{rank:>3}. {score:.2f} {bar}  {types}{_ANSI.sub('', where)}") <= width:
        out = [head + "  " + paint(types, "cyan") + where]
    else:  # too long for one line: the types go below
        out = [head + where] + [paint(x, "cyan") for x in _wrap(types, width, indent)]
    text = safe_text(c.get("text"))
    out += _wrap(f"“{text}”", width, indent)
    standalone = safe_text(c.get("standalone_text"))
    if standalone and standalone != text:
        more = _wrap(f"stand-alone: {standalone}", width, indent)
        more[0] = indent + paint("stand-alone:", "dim") + more[0][len(indent) + len("stand-alone:"):]
        out += more
    put_in = [rewrite_text(r) for r in c.get("rewrites") or []]
    if put_in:  # what the stand-alone text put in, so that a reader can judge it
        out += [paint(x, "dim") for x in _wrap("put in: " + "; ".join(put_in), width, indent)]
    facts = []
    attribution = _str(c.get("attribution")) or "none"
    if attribution != "none":
        speaker = safe_text(c.get("speaker"))
        canonical = names.get(_str(c.get("speaker_entity_id")), "")
        if canonical and canonical != speaker:
            speaker += f" (= {safe_text(canonical)})"
        kind = _str(c.get("speaker_kind"))
        if kind == "document":
            speaker += " (a document)"
        elif not _str(c.get("speaker_entity_id")):
            speaker += " (as written)"
        facts.append("speaker: " + paint(speaker, "bold"))
        facts.append(f"cue: {safe_text(c.get('cue'))}")
        facts.append(attribution.replace("_", " "))
    else:
        facts.append("unattributed")
    if c.get("hedged"):
        cues = ", ".join(safe_text(x) for x in c.get("hedge_cues") or [])
        facts.append(f"hedged ({cues})" if cues else "hedged")
    if c.get("negated"):
        facts.append("negated")
    quantities = [safe_text(q.get("text") if isinstance(q, dict) else q) for q in c.get("quantities") or []]
    if quantities:
        facts.append("numbers: " + ", ".join(quantities))
    out += _wrap_items(facts, width, indent)
    out.append("")
    return out


def rewrite_text(rewrite: object) -> str:
    """One rewrite as a reader sees it: 'its -> Russia's (0.93)'."""
    if not isinstance(rewrite, dict):  # a CSV cell already holds "original -> replacement"
        return safe_text(rewrite)
    confidence = rewrite.get("confidence")
    sure = f" ({float(confidence):.2f})" if confidence is not None else ""
    return f"{safe_text(rewrite.get('original'))} -> {safe_text(rewrite.get('replacement'))}{sure}"


def _wrap_items(items: list[str], width: int, indent: str, sep: str = " · ") -> list[str]:
    """Join items that may hold ANSI codes with `sep`, breaking lines between items; an item wider
    than a line is broken between its words."""
    pieces: list[str] = []  # each piece ends with the text that follows it on the same line
    for i, item in enumerate(items):
        tail = sep if i < len(items) - 1 else ""
        if _width(item) + len(indent) <= width:
            pieces.append(item + tail)
        else:
            words = item.split(" ")
            pieces += [w + " " for w in words[:-1]] + [words[-1] + tail]
    lines, line = [], indent
    for piece in pieces:
        if _width(line + piece.rstrip()) > width and line.strip():
            lines.append(line.rstrip())
            line = indent
        line += piece
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _width(text: str) -> int:
    return len(_ANSI.sub("", text))


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _entity_lines(entities: "pd.DataFrame", width: int, paint: _Painter) -> list[str]:
    if entities.empty:
        return []
    totals = entities.groupby("label")["n_mentions"].sum().sort_values(ascending=False, kind="stable")
    pad = max(len(safe_text(x)) for x in totals.index) + 2
    lines = []
    for label in totals.index:
        group = entities[entities["label"] == label].sort_values(["n_mentions", "name"], ascending=[False, True])
        items = [f"{paint(safe_text(n), LABEL_STYLES.get(str(label), 'bold'))} {int(k)}"
                 for n, k in zip(group["name"], group["n_mentions"])]
        wrapped = _wrap_items(items, width, " " * (pad + 2))
        first = "  " + paint(safe_text(label).ljust(pad), "dim") + wrapped[0][pad + 2:]
        lines += [first] + wrapped[1:]
    return lines


def _str(value: object) -> str:
    if value is None:
        return ""
    try:
        import pandas as pd

        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)
