"""Check the gold files against corpus/ (plain Python, no claimpipe): python annotations/check_gold.py

- `text` is the article file decoded as UTF-8, newlines "\\n", NFC;
- every span lies inside the text and a claim's / mention's `text` is exactly its slice;
- the keys the scorer (src/claimpipe/evaluate.py) reads are present with the right types;
- no claim or mention lies in a removed (boilerplate) range; claims do not overlap.
"""
from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
ATTRIBUTIONS = {"none", "direct", "indirect", "mixed", "according_to"}
CLAIM_KEYS = {"start", "end", "text", "attribution", "speaker", "cue", "subject", "negated", "hedged",
              "standalone_contains"}


def source_text(path: Path) -> str:
    raw = path.read_bytes().decode("utf-8")
    return unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))


def load(layer: str) -> dict[str, dict]:
    recs = [json.loads(line) for line in (ROOT / "annotations" / f"{layer}.jsonl").read_text("utf-8").splitlines() if line.strip()]
    return {r["source"]: r for r in recs}


def check() -> list[str]:
    errors: list[str] = []
    layers = {name: load(name) for name in ("boilerplate", "entities", "claims")}
    articles = sorted(p.relative_to(ROOT / "corpus").as_posix() for p in (ROOT / "corpus").rglob("*.txt"))
    for name, recs in layers.items():
        if sorted(recs) != articles:
            errors.append(f"{name}: sources {sorted(recs)} differ from corpus articles {articles}")
    for source in articles:
        text = source_text(ROOT / "corpus" / source)
        removed = []
        for name, recs in layers.items():
            rec = recs.get(source)
            if rec is None:
                continue
            if rec["text"] != text:
                errors.append(f"{name}/{source}: text differs from the article file")
        bp = layers["boilerplate"].get(source, {})
        for b in bp.get("boilerplate", []):
            if not (0 <= b["start"] < b["end"] <= len(text)) or not b.get("reason"):
                errors.append(f"boilerplate/{source}: bad range {b}")
            removed.append((b["start"], b["end"]))
        if set(bp.get("meta", {})) != {"title", "subtitle", "author", "headings"}:
            errors.append(f"boilerplate/{source}: meta keys {sorted(bp.get('meta', {}))}")
        inside = lambda s, e: any(a < e and s < b for a, b in removed)
        for m in layers["entities"].get(source, {}).get("spans", []):
            if m["label"] not in LABELS or not m.get("canonical"):
                errors.append(f"entities/{source}: bad label or canonical {m}")
            if text[m["start"]:m["end"]] != m.get("text", text[m["start"]:m["end"]]) or m["start"] >= m["end"]:
                errors.append(f"entities/{source}: span does not slice its text {m}")
            if inside(m["start"], m["end"]):
                errors.append(f"entities/{source}: mention inside removed text {m}")
        claims = layers["claims"].get(source, {}).get("claims", [])
        for c in claims:
            if set(c) != CLAIM_KEYS:
                errors.append(f"claims/{source}: keys {sorted(set(c) ^ CLAIM_KEYS)} {c['text'][:40]}")
            if text[c["start"]:c["end"]] != c["text"]:
                errors.append(f"claims/{source}: span does not slice its text: {c['text'][:50]}")
            if c["attribution"] not in ATTRIBUTIONS:
                errors.append(f"claims/{source}: attribution {c['attribution']}")
            if (c["attribution"] == "none") != (c["speaker"] is None) or (c["speaker"] is None) != (c["cue"] is None):
                errors.append(f"claims/{source}: speaker/cue vs attribution: {c['text'][:50]}")
            if not isinstance(c["negated"], bool) or not isinstance(c["hedged"], bool):
                errors.append(f"claims/{source}: negated/hedged not bool: {c['text'][:50]}")
            if inside(c["start"], c["end"]):
                errors.append(f"claims/{source}: claim inside removed text: {c['text'][:50]}")
        for a, b in zip(claims, claims[1:]):
            if a["end"] > b["start"]:
                errors.append(f"claims/{source}: claims overlap or out of order: {b['text'][:50]}")
    return errors


if __name__ == "__main__":
    problems = check()
    print("\n".join(problems) if problems else "gold valid: every span slices its article's source text")
    sys.exit(1 if problems else 0)
