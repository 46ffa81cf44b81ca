#!/usr/bin/env bash
# One event told by many outlets is one story: `cluster` on each
# hand-annotated briefing set (../shared/data/briefs/*/articles.jsonl, one
# real event each) puts all its articles in one story but at most one
# (1_ecbplus has a report that names the celebrity only by a nickname).
# Before the protagonist merge pass (cluster/protagonist_merge.h) 1_ecbplus
# came out as 10/8/2/1, 21_ecbplus as 12/2, 34_ecbplus as 11/1.
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
  total=$(grep -c . "$set")
  largest=${sizes%% *}
  echo "$name: $total articles, stories $sizes"
  if [ -z "$largest" ] || [ "$largest" -lt $((total - 1)) ]; then
    echo "FAIL: $name is split: $sizes"
    status=1
  fi
done
exit $status
