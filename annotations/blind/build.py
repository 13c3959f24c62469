"""Assemble the blind gold into annotations/*.jsonl. Offsets come from strings chosen by hand."""
import json, sys, unicodedata
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent))
from ann_lib import source_text, place_claims, place_entities, place_boilerplate
import ann_seed, ann_101, ann_102, ann_103, ann_104, ann_105, ann_wn

ART = [vars(m) for m in (ann_seed, ann_101, ann_102, ann_103, ann_104, ann_105)] + [ann_wn.A201, ann_wn.A202, ann_wn.A203, ann_wn.A204]
OUT = Path(__file__).resolve().parents[1]
rows = {"boilerplate": [], "entities": [], "claims": []}
for a in ART:
    name = a["NAME"]
    text = source_text(name)
    bp = place_boilerplate(text, a["BOILERPLATE"])
    removed = [(b["start"], b["end"]) for b in bp]
    ents = place_entities(text, a["ENTITIES"], removed)
    claims = place_claims(text, a["CLAIMS"])
    for c in claims:
        assert not any(s < c["end"] and c["start"] < e for s, e in removed), c["text"]
    for x, y in zip(claims, claims[1:]):
        assert x["end"] <= y["start"], (x["text"], y["text"])
    rows["boilerplate"].append({"source": name, "text": text, "boilerplate": bp, "meta": a["META"]})
    rows["entities"].append({"source": name, "text": text, "spans": ents})
    rows["claims"].append({"source": name, "text": text, "claims": claims})
    print(f"{name:45s} claims {len(claims):3d}  mentions {len(ents):3d}  entities {len({(e['label'], e['canonical']) for e in ents}):3d}  boilerplate {len(bp):2d} ({sum(b['end']-b['start'] for b in bp)} chars)")
for layer, recs in rows.items():
    with open(OUT / f"{layer}.jsonl", "w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
print("total claims", sum(len(r["claims"]) for r in rows["claims"]), "mentions", sum(len(r["spans"]) for r in rows["entities"]))
