"""Write `src/claimpipe/data/entities/first_names.tsv`: first names whose gender is clear, from nomquamgender.

    .venv/bin/pip install nomquamgender==0.1.4   # MIT; name-gender data from 36 countries' records
    .venv/bin/python scripts/build_first_names.py

The resolver lets "she" reach a person only when nothing says that person is a man, and a lone "he"
reach a person only when something says he is one; a title ("Mr") or a describing noun ("spokesman")
says so first, and this table then gives the gender of a clear first name. Only names seen at least
MIN_COUNT times with a share of women at or above FEMALE (or at or below MALE) are kept: the 22 MB
table loads in 3 s per process, this one in milliseconds, and an unclear name ("Kim", "Jo") gives no
gender at all.
"""

from __future__ import annotations

import importlib.resources
import json
from pathlib import Path

MIN_COUNT = 500
FEMALE, MALE = 0.92, 0.08
# rarer names need a clearer share: 100 records at 2% or less of one gender ("Barack": 359, 0.3% women)
RARE_MIN_COUNT = 100
RARE_FEMALE, RARE_MALE = 0.98, 0.02
OUT = Path(__file__).resolve().parent.parent / "src" / "claimpipe" / "data" / "entities" / "first_names.tsv"


def main() -> None:
    with importlib.resources.files("nomquamgender").joinpath("name_data.json").open(encoding="utf-8") as f:
        data = json.load(f)
    rows = []
    for name, (_, count, share_female, *_rest) in sorted(data.items()):
        if not (name.isalpha() and name.isascii()) or count < RARE_MIN_COUNT:
            continue
        female, male = (FEMALE, MALE) if count >= MIN_COUNT else (RARE_FEMALE, RARE_MALE)
        if share_female >= female:
            rows.append(f"{name}\tf")
        elif share_female <= male:
            rows.append(f"{name}\tm")
    header = (f"# first name -> gender (m/f), from nomquamgender 0.1.4 (MIT, (c) 2022 Ian Van Buskirk): names seen "
              f">= {MIN_COUNT} times with a female share >= {FEMALE} or <= {MALE}, or >= {RARE_MIN_COUNT} times with a share "
              f">= {RARE_FEMALE} or <= {RARE_MALE}; scripts/build_first_names.py\n")
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main()
