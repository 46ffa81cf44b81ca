#!/usr/bin/env bash
# Briefs the real sample story in ../shared and scores it with the project's
# scorer: the sources and summary sections must be complete.
set -euo pipefail
sample="$NEWSFUSE_SHARED_DIR/seeds/rafah-2024-04-01"
if [ ! -d "$sample" ]; then
  echo "SKIP: $sample is absent (a clone without ../shared)"; exit 77
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$NEWSFUSE" brief "$sample" --format json > "$out/brief.json"
python3 "$NEWSFUSE_SHARED_DIR/tools/score_brief.py" "$out/brief.json" "$sample/expected.json" --verbose | tee "$out/score.txt"
grep -qx "sources: 15/15" "$out/score.txt"
grep -qx "summary: 3/3" "$out/score.txt"
# The whole briefing: a floor under today's 58/60 so that a regression in any
# section (entities, quotes, timeline, discrepancies, facts) fails here.
score=$(sed -n 's/^brief score: \([0-9]*\)\/60.*/\1/p' "$out/score.txt")
[ "${score:-0}" -ge 56 ] || { echo "FAIL: brief score ${score:-?}/60 is under 56"; exit 1; }
