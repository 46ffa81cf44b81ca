#!/usr/bin/env bash
# One event told by many outlets is one story: `cluster` on each
# hand-annotated briefing set (../shared/data/briefs/*/articles.jsonl, one
# real event each) puts all its articles in one story, and `brief` on it
# reports one story citing every article.
# Before the protagonist merge pass (cluster/protagonist_merge.h) 1_ecbplus
# came out as 10/8/2/1, 21_ecbplus as 12/2, 34_ecbplus as 11/1; before
# Title Case headlines were read for names (fingerprint/headline_names.h)
# 1_ecbplus was 20/1: its dlisted.com report names the celebrity only in
# its headline, "LiLo" in the body.
set -uo pipefail
briefs="${NEWSFUSE_SHARED_DIR:-}/data/briefs"
[ -d "$briefs" ] || { echo "SKIP: $briefs not found (the shared data sets)"; exit 77; }
command -v python3 > /dev/null || { echo "SKIP: python3 not found"; exit 77; }
status=0
for set in "$briefs"/*/articles.jsonl; do
  name=$(basename "$(dirname "$set")")
  sizes=$("$NEWSFUSE" cluster "$set" 2> /dev/null | python3 -c '
import collections, json, sys
sizes = collections.Counter(r["story"] for r in map(json.loads, sys.stdin) if r["type"] == "article")
print(" ".join(str(n) for n in sorted(sizes.values(), reverse=True)))')
  briefed=$("$NEWSFUSE" brief "$set" --format json 2> /dev/null | python3 -c '
import json, sys
print(" ".join(str(len(s["sources"])) for s in json.load(sys.stdin)["stories"]))')
  total=$(grep -c . "$set")
  echo "$name: $total articles, stories $sizes; brief: stories citing $briefed"
  if [ "$sizes" != "$total" ]; then
    echo "FAIL: cluster splits $name: $sizes"
    status=1
  fi
  if [ "$briefed" != "$total" ]; then
    echo "FAIL: brief splits $name: $briefed"
    status=1
  fi
done
exit $status
