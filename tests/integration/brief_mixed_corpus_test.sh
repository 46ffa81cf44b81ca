#!/usr/bin/env bash
# Briefs a corpus that holds two events: the repo's example story (a ship
# strikes a bridge, four outlets) and an invented wildfire (three outlets,
# tests/integration/fixtures/orchard-valley-fire). `brief` must cluster them
# into two stories, largest first, each citing only its own articles; and
# each event alone must stay one story.
set -euo pipefail
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mkdir "$out/corpus"
cp "$NEWSFUSE_SOURCE_DIR"/examples/harbor-bridge/*.txt "$out/corpus/"
cp "$NEWSFUSE_SOURCE_DIR"/tests/integration/fixtures/orchard-valley-fire/*.txt "$out/corpus/"
"$NEWSFUSE" brief "$out/corpus" --format json > "$out/mixed.json"
"$NEWSFUSE" brief "$NEWSFUSE_SOURCE_DIR/tests/integration/fixtures/orchard-valley-fire" --format json > "$out/fire.json"
"$NEWSFUSE" brief "$out/corpus" --format markdown > "$out/mixed.md"
python3 - "$out/mixed.json" "$out/fire.json" "$out/mixed.md" <<'PY'
import json, sys
def check(cond, what):
    if not cond:
        sys.exit(f"FAIL: {what}")
mixed = json.load(open(sys.argv[1]))
stories = mixed["stories"]
check(len(stories) == 2, f"two stories in the mixed corpus, got {len(stories)}")
bridge = {"01_ledger", "02_wire", "03_harbor_daily", "04_public_radio"}
fire = {"01_valley_courier", "02_mountain_wire", "03_ridge_radio"}
first = {s["id"] for s in stories[0]["sources"]}
second = {s["id"] for s in stories[1]["sources"]}
check(first == bridge, f"largest story first: the bridge story, got {sorted(first)}")
check(second == fire, f"second story: the wildfire, got {sorted(second)}")
check(stories[0]["id"] != stories[1]["id"], "distinct story ids")
for story in stories:
    ids = {s["id"] for s in story["sources"]}
    for s in story["summary"] + story["facts"]:
        check(set(s["sources"]) <= ids, "citations stay inside their story")
    check(len(story["summary"]) >= 2, "each story has a summary")
alone = json.load(open(sys.argv[2]))
check(len(alone["stories"]) == 1, "the wildfire alone is one story")
md = open(sys.argv[3]).read()
check("Kestrel Bay" in md and "Dunmore Ridge" in md, "markdown holds both stories")
print("mixed corpus brief ok:", [len(s["sources"]) for s in stories], "articles per story")
PY
