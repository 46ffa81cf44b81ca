#!/usr/bin/env bash
# A small, bounded run of the load test (`newsfuse-bench serve`): synthetic
# articles posted over loopback HTTP by four clients, then briefing GETs.
# It asserts behaviour, not speed (CI machines differ): every article is
# acknowledged, every GET answered, zero errors. The figures for the issue
# come from a full run of the same command (README, "Service").
set -euo pipefail
: "${NEWSFUSE_BENCH:?NEWSFUSE_BENCH must name the newsfuse-bench binary}"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
if ! "$NEWSFUSE_BENCH" serve --articles 3000 --batch 250 --clients 4 --seconds 2 --stories 20 >"$out" 2>&1; then
  echo "FAIL: newsfuse-bench serve exited non-zero"; cat "$out"; exit 1
fi
cat "$out"
grep -q '^ingest: 3000 articles acknowledged' "$out" || { echo "FAIL: not every article was acknowledged"; exit 1; }
grep -Eq '^briefing GETs: [1-9][0-9]* in .*errors 0$' "$out" || { echo "FAIL: no briefing GETs, or GET errors"; exit 1; }
grep -q '^errors: 0$' "$out" || { echo "FAIL: errors reported"; exit 1; }
echo "serve load test: ok"
