#!/usr/bin/env bash
# Briefs the repo's own example story: metadata read off the text, boilerplate
# kept out, every citation pointing at a known source.
set -euo pipefail
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$NEWSFUSE" brief "$NEWSFUSE_SOURCE_DIR/examples/harbor-bridge" --format json > "$out/brief.json"
python3 - "$out/brief.json" <<'PY'
import json, sys
brief = json.load(open(sys.argv[1]))
(story,) = brief["stories"]
src = {s["id"]: s for s in story["sources"]}
def check(cond, what):
    if not cond:
        sys.exit(f"FAIL: {what}")
check(src["01_ledger"]["outlet"] == "The Marrow Point Ledger", "outlet from the newsletter sign-off")
check(src["01_ledger"]["published"].startswith("2025-03-11"), "dateline under the standfirst")
check(src["02_wire"]["outlet"] == "Coastline Wire", "outlet from 'told Coastline Wire.'")
check(src["02_wire"]["published"] == "2025-03-11", "dateline with a section tag")
check(src["03_harbor_daily"]["title"] is None, "no headline when the first line is body text")
check(src["03_harbor_daily"]["published"] is None, "a caption's date is not the publication date")
check(src["03_harbor_daily"]["outlet"] is None, "a photo credit does not name the outlet")
check(src["04_public_radio"]["published"].startswith("2025-03-12"), "'Updated:' dateline at the end")
for key in ("summary", "facts", "entities", "quotes", "timeline", "discrepancies"):
    check(key in story and isinstance(story[key], list), f"field {key}")
check(len(story["summary"]) >= 3, "at least three summary sentences")
bad = ["PHOTO:", "Getty", "credit:", "Subscribe", "Live updates", "Go deeper", "Stay updated"]
for s in story["summary"] + story["facts"]:
    check(set(s["sources"]) <= set(src), "citations name known sources")
    check(s["sources"], "every sentence cites a source")
    for b in bad:
        check(b.lower() not in s["text"].lower(), f"boilerplate {b!r} in {s['text']!r}")
print("example brief ok:", len(story["summary"]), "summary sentences,", len(story["facts"]), "facts")
PY
