"""Score a run against the hand-written gold annotations in `annotations/`.

Three gold layers, one JSONL file each, one line per article, offsets into the article's SOURCE text
(so gold does not move when the cleaner changes); see `annotations/README.md`:

- `boilerplate.jsonl`: removed blocks, scored by character (white space ignored).
- `entities.jsonl`: entity mentions with canonical names, scored as exact (start, end, label) mentions
  and as per-document sets of (label, canonical) entities, beside raw spaCy on the same clean text.
- `claims.jsonl`: claims, matched to predictions by overlap, then their attribution, speaker, cue,
  hedging, negation, subject and stand-alone text compared.

A gold record may name its split (`"split": "held-out"`: nobody tuned rules on the article); a record
without one is `dev`, the articles the rules were written against. Each layer's report holds `by_split`,
its headline figures per split, so a figure never mixes tuned and unseen articles without saying so
(see docs/evaluation.md).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .records import make_doc_id

# Name-like labels: who and what is mentioned. Numeric labels (DATE, PERCENT...) are not entities here.
NAME_LABELS = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE")
MIN_CLAIM_OVERLAP = 0.5  # of the gold span's characters
DEFAULT_SPLIT = "dev"  # gold that does not say otherwise was in view while the rules were written


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set, pred: set) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def as_dict(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": self.tp, "fp": self.fp,
                "fn": self.fn}


def read_gold(path: Path) -> dict[str, dict[str, Any]]:
    """Gold records by source, each checked to still match its article (by content id)."""
    if not path.exists():
        return {}
    gold = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            rec = json.loads(line)
            rec["doc_id"] = make_doc_id(rec["text"])
            rec["_line"] = n
            gold[rec["source"]] = rec
    return gold


def read_run(out: Path) -> dict[str, dict[str, Any]]:
    with open(out / "documents.jsonl", encoding="utf-8") as fh:
        return {d["source"]: d for d in map(json.loads, fh) if d}


def score(out: str | Path, annotations: str | Path, *, baseline_model: str | None = "") -> dict[str, Any]:
    """Precision, recall and F1 per gold layer; `baseline_model` None skips raw spaCy ("" = default model)."""
    out, annotations = Path(out), Path(annotations)
    run = read_run(out)
    report: dict[str, Any] = {"warnings": []}
    layers = {name: read_gold(annotations / f"{name}.jsonl") for name in ("boilerplate", "entities", "claims")}
    for name, gold in layers.items():
        for source, rec in gold.items():
            doc = run.get(source)
            if doc is None:
                report["warnings"].append(f"{name}: {source} is not in the run")
            elif doc["doc_id"] != rec["doc_id"]:
                report["warnings"].append(f"{name}: {source} changed since it was annotated (doc_id differs)")
    pairs = lambda gold: [(rec, run[s]) for s, rec in sorted(gold.items()) if s in run and run[s]["doc_id"] == rec["doc_id"]]
    if layers["boilerplate"]:
        report["boilerplate"] = score_boilerplate(pairs(layers["boilerplate"]))
        report["boilerplate"]["by_split"] = by_split(pairs(layers["boilerplate"]), _boilerplate_headline)
    if layers["entities"]:
        report["entities"] = score_entities(pairs(layers["entities"]), baseline_model=baseline_model)
        report["entities"]["by_split"] = by_split(pairs(layers["entities"]), _entities_headline)
    if layers["claims"]:
        report["claims"] = score_claims(pairs(layers["claims"]))
        report["claims"]["by_split"] = by_split(pairs(layers["claims"]), _claims_headline)
    return report


def split_of(gold: dict[str, Any]) -> str:
    return gold.get("split") or DEFAULT_SPLIT


def by_split(pairs: list[tuple[dict, dict]], headline) -> dict[str, dict[str, Any]]:
    """`headline(pairs)` for the pairs of each split, with the number of documents, splits by name."""
    groups: dict[str, list[tuple[dict, dict]]] = {}
    for gold, doc in pairs:
        groups.setdefault(split_of(gold), []).append((gold, doc))
    return {name: {"documents": len(group), **headline(group)} for name, group in sorted(groups.items())}


def _boilerplate_headline(pairs: list[tuple[dict, dict]]) -> dict[str, Any]:
    return {"chars": score_boilerplate(pairs)["chars"]}


def _entities_headline(pairs: list[tuple[dict, dict]]) -> dict[str, Any]:
    scored = score_entities(pairs, baseline_model=None)
    return {"mentions": scored["mentions"], "canonical_entities": scored["canonical_entities"]}


def _claims_headline(pairs: list[tuple[dict, dict]]) -> dict[str, Any]:
    scored = score_claims(pairs)
    return {"claims": scored["claims"], "agreement": scored["agreement"]}


def score_boilerplate(pairs: list[tuple[dict, dict]]) -> dict[str, Any]:
    prf = PRF()
    per_doc = {}
    for gold, doc in pairs:
        text = gold["text"]
        g = _char_set(text, [(b["start"], b["end"]) for b in gold.get("boilerplate", [])])
        p = _char_set(text, [(b["source_start"], b["source_end"]) for b in doc.get("boilerplate", [])])
        doc_prf = PRF()
        doc_prf.add(g, p)
        prf.add(g, p)
        per_doc[gold["source"]] = doc_prf.as_dict()
        meta = gold.get("meta", {})
        for key in ("title", "subtitle", "author"):
            if key in meta and (meta[key] or None) != (doc.get(key) or None):
                per_doc[gold["source"]].setdefault("metadata_mismatches", []).append(
                    {"field": key, "gold": meta[key], "run": doc.get(key)})
    return {"chars": prf.as_dict(), "documents": per_doc}


def _char_set(text: str, spans: list[tuple[int, int]]) -> set[int]:
    return {i for s, e in spans for i in range(s, min(e, len(text))) if not text[i].isspace()}


def score_entities(pairs: list[tuple[dict, dict]], *, baseline_model: str | None) -> dict[str, Any]:
    mentions, canonical = PRF(), PRF()
    base_mentions, base_canonical = PRF(), PRF()
    nlp = _raw_nlp(baseline_model) if baseline_model is not None else None
    per_doc = {}
    for gold, doc in pairs:
        spans = [s for s in gold.get("spans", []) if s["label"] in NAME_LABELS]
        g_mentions = {(s["start"], s["end"], s["label"]) for s in spans}
        g_entities = {(s["label"], s["canonical"]) for s in spans}
        names = {e["entity_id"]: e["name"] for e in doc.get("entities", [])}
        kept = [m for m in doc.get("mentions", []) if m["label"] in NAME_LABELS]
        p_mentions = {(m["source_start"], m["source_end"], m["label"]) for m in kept}
        p_entities = {(m["label"], names.get(m["entity_id"], m["text"])) for m in kept}
        mentions.add(g_mentions, p_mentions)
        canonical.add(g_entities, p_entities)
        doc_m, doc_c = PRF(), PRF()
        doc_m.add(g_mentions, p_mentions)
        doc_c.add(g_entities, p_entities)
        per_doc[gold["source"]] = {"mentions_f1": doc_m.as_dict()["f1"], "canonical_entities_f1": doc_c.as_dict()["f1"]}
        if nlp is not None:
            raw = raw_spacy_mentions(nlp, doc)
            base_mentions.add(g_mentions, {(s, e, label) for s, e, label, _ in raw})
            base_canonical.add(g_entities, {(label, text) for _, _, label, text in raw})
    result: dict[str, Any] = {"documents": len(pairs), "mentions": mentions.as_dict(),
                              "canonical_entities": canonical.as_dict(), "per_document": per_doc}
    if nlp is not None:
        result["raw_spacy"] = {"mentions": base_mentions.as_dict(), "canonical_entities": base_canonical.as_dict()}
    return result


def raw_spacy_mentions(nlp: Any, doc: dict[str, Any]) -> list[tuple[int, int, str, str]]:
    """Raw spaCy's name-like entities on the run's clean text, in source offsets (by their block's shift)."""
    blocks = doc.get("blocks", [])
    found = []
    for ent in nlp(doc["text"]).ents:
        if ent.label_ not in NAME_LABELS:
            continue
        block = next((b for b in blocks if b["start_char"] <= ent.start_char < b["end_char"]), None)
        if block is None:
            continue
        shift = block["source_start"] - block["start_char"]
        found.append((ent.start_char + shift, ent.end_char + shift, ent.label_, ent.text))
    return found


def _raw_nlp(model: str) -> Any:
    import spacy

    from .annotate import resolve_model

    return spacy.load(resolve_model(model or None))


def score_claims(pairs: list[tuple[dict, dict]]) -> dict[str, Any]:
    found = PRF()
    agree = {k: [0, 0] for k in ("attribution", "speaker", "cue", "hedged", "negated", "subject", "standalone")}
    misses = []
    for gold, doc in pairs:
        preds = doc.get("claims", [])
        used: set[int] = set()
        for g in gold.get("claims", []):
            i = _best_overlap(g, preds, used)
            if i is None:
                found.fn += 1
                misses.append({"source": gold["source"], "missed": g["text"]})
                continue
            used.add(i)
            found.tp += 1
            _compare_claim(g, preds[i], agree)
        found.fp += len(preds) - len(used)
    return {"claims": found.as_dict(),
            "agreement": {k: {"correct": c, "of": n, "accuracy": round(c / n, 4) if n else None}
                          for k, (c, n) in agree.items()},
            "missed": misses}


def _best_overlap(gold: dict, preds: list[dict], used: set[int]) -> int | None:
    best, best_overlap = None, 0
    for i, p in enumerate(preds):
        if i in used:
            continue
        overlap = min(gold["end"], p["source_end"]) - max(gold["start"], p["source_start"])
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    if best is None or best_overlap < MIN_CLAIM_OVERLAP * (gold["end"] - gold["start"]):
        return None
    return best


def _compare_claim(g: dict, p: dict, agree: dict[str, list[int]]) -> None:
    def tally(key: str, ok: bool) -> None:
        agree[key][0] += ok
        agree[key][1] += 1

    tally("attribution", g.get("attribution", "none") == p.get("attribution"))
    if g.get("speaker"):
        tally("speaker", _same_name(g["speaker"], p.get("speaker", "")))
    if g.get("cue"):
        tally("cue", g["cue"].lower() in (p.get("cue") or "").lower())
    tally("hedged", bool(g.get("hedged")) == bool(p.get("hedged")))
    tally("negated", bool(g.get("negated")) == bool(p.get("negated")))
    if g.get("subject"):
        tally("subject", _same_name(g["subject"], p.get("subject", "")))
    for needle in g.get("standalone_contains", []):
        tally("standalone", needle.lower() in (p.get("standalone_text") or "").lower())


def _same_name(gold: str, pred: str) -> bool:
    g, p = gold.lower().removeprefix("the "), (pred or "").lower().removeprefix("the ")
    return bool(p) and (g in p or p in g)


def format_report(report: dict[str, Any]) -> str:
    """The scores as a few aligned lines for the terminal."""
    lines = [f"warning: {w}" for w in report.get("warnings", [])]

    def row(name: str, d: dict) -> str:
        return f"  {name:<28} P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}  (tp {d['tp']}, fp {d['fp']}, fn {d['fn']})"

    def splits(layer: dict) -> str:
        return ", ".join(f"{name} {d['documents']}" for name, d in layer.get("by_split", {}).items())

    def split_rows(layer: dict, *keys: tuple[str, str]) -> list[str]:
        if len(layer.get("by_split", {})) < 2:  # one split: the rows above are that split's
            return []
        return [row(f"{label}, {name}", d[key]) for name, d in layer["by_split"].items() for key, label in keys]

    if "boilerplate" in report:
        b = report["boilerplate"]
        lines += [f"boilerplate (characters; documents by split: {splits(b)})", row("claimpipe", b["chars"])]
        lines += split_rows(b, ("chars", "claimpipe"))
    if "entities" in report:
        e = report["entities"]
        lines += [f"entities ({e['documents']} documents; by split: {splits(e)})", row("mentions", e["mentions"]),
                  row("canonical entities", e["canonical_entities"])]
        lines += split_rows(e, ("mentions", "mentions"), ("canonical_entities", "canonical entities"))
        if "raw_spacy" in e:
            lines += [row("raw spaCy mentions", e["raw_spacy"]["mentions"]),
                      row("raw spaCy canonical entities", e["raw_spacy"]["canonical_entities"])]
        for source, d in e.get("per_document", {}).items():
            lines.append(f"  {source[:40]:<40} mentions F1 {d['mentions_f1']:.3f}  canonical F1 "
                         f"{d['canonical_entities_f1']:.3f}")
    if "claims" in report:
        c = report["claims"]
        lines += [f"claims (documents by split: {splits(c)})", row("claims", c["claims"])]
        lines += split_rows(c, ("claims", "claims"))
        for key, a in c["agreement"].items():
            if a["of"]:
                lines.append(f"  {key + ' agreement':<28} {a['correct']}/{a['of']} ({a['accuracy']:.3f})")
    return "\n".join(lines) if lines else "no gold annotations found"


# One flipped mention moves an F1 over ~300 mentions by ~0.003; floors sit this far below the pinned value.
EPSILON = 0.005


def metric(report: dict[str, Any], path: str) -> float | None:
    """A number in the report by dotted path ("entities.canonical_entities.f1"), or None.

    A dot inside a key (a file name) is written as a backslash and a dot.
    """
    node: Any = report
    for key in (k.replace("\\.", ".") for k in re.split(r"(?<!\\)\.", path)):
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node if isinstance(node, (int, float)) else None


def check_floors(report: dict[str, Any], floors: dict[str, float]) -> list[str]:
    """The metrics below their pinned floor (less EPSILON), one line each; empty when all hold."""
    failures = []
    for path, floor in sorted(floors.items()):
        value = metric(report, path)
        if value is None:
            failures.append(f"{path}: missing from the report (floor {floor})")
        elif value < floor - EPSILON:
            failures.append(f"{path}: {value:.4f} is below its floor {floor:.4f}")
    return failures
