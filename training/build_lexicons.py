"""Rebuild the lexicons shipped in src/claimpipe/data/checkworthiness/lexicons/.

    .venv/bin/python training/build_lexicons.py

Fetches one wheel with `pip download --no-deps` (nothing is installed) and extracts:
- subjectivity.tsv: word, subjectivity (0..1, mean over senses), from the English adjective
  lexicon of Pattern (De Smedt & Daelemans, 2012) as shipped in TextBlob 0.20.1; PDDL.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "claimpipe" / "data" / "checkworthiness" / "lexicons"
WHEELS = {"textblob": "0.20.1"}


def fetch(tmp: Path) -> dict[str, Path]:
    found = {}
    for name, version in WHEELS.items():
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(tmp), f"{name}=={version}"], check=True)
        wheel = next(tmp.glob(f"{name}-{version}-*.whl"))
        with zipfile.ZipFile(wheel) as z:
            z.extractall(tmp / name)
        found[name] = tmp / name
    return found


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as d:
        src = fetch(Path(d))
        senses: dict[str, list[float]] = defaultdict(list)
        root = ET.parse(src["textblob"] / "textblob" / "en" / "en-sentiment.xml").getroot()
        for w in root.iter("word"):
            form = w.get("form", "").lower()
            if form and " " not in form:
                senses[form].append(float(w.get("subjectivity", 0)))
        rows = sorted((f, sum(v) / len(v)) for f, v in senses.items())
        (OUT / "subjectivity.tsv").write_text("".join(f"{f}\t{s:.3f}\n" for f, s in rows), encoding="utf-8")
    print(f"wrote {OUT}: {len(rows)} subjectivity words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
