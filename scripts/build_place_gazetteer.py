#!/usr/bin/env python3
"""Builds models/places-en.txt, the LOCATION gazetteer the entity resolution
stage reads (src/synthesize/place_gazetteer.h), from GeoNames data
(CC BY 4.0, "GeoNames (geonames.org)"; see models/README.md).

Usage: scripts/build_place_gazetteer.py [GEONAMES_DIR] > models/places-en.txt
GEONAMES_DIR defaults to ../shared/data/gazetteers/geonames.

Kept small on purpose: the towns of the English-language news countries (US,
GB, CA, AU, IE, NZ), every first-level division in the world (states,
provinces) and the second-level divisions (counties) of those countries.
Names only, ASCII letters, spaces, dots, hyphens and apostrophes, 3 to 40
bytes, one a line, sorted and deduplicated."""
import gzip
import json
import os
import re
import sys

COUNTRIES = {"US", "GB", "CA", "AU", "IE", "NZ"}
NAME = re.compile(r"^[A-Za-z][A-Za-z .'\-]{2,39}$")


def load(d, f):
    with gzip.open(os.path.join(d, f), "rt", encoding="utf-8") as fh:
        return json.load(fh)


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/gazetteers/geonames"
    names = set()
    for c in load(d, "cities.json.gz"):
        if c["country"] in COUNTRIES:
            names.add(c["name"])
    for a in load(d, "admin1.json.gz"):
        names.add(a["name"])
    for a in load(d, "admin2.json.gz"):
        if a["code"][:2] in COUNTRIES:
            names.add(a["name"])
    out = sorted(n for n in names if NAME.match(n))
    sys.stdout.write("# GeoNames (geonames.org), CC BY 4.0; built by scripts/build_place_gazetteer.py\n")
    sys.stdout.write("".join(n + "\n" for n in out))


if __name__ == "__main__":
    main()
