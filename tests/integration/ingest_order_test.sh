#!/usr/bin/env bash
# `ingest` splits its input among two threads, yet the store's stories must
# not depend on which thread ran faster: batches commit in input order. Three
# ingests of one synthetic day in small batches (many interleaved stories,
# so every batch's grouping depends on the batches before it) must give the
# same `stories --members`. Before batches committed in order, three runs
# of this gave three different groupings.
set -uo pipefail
: "${NEWSFUSE_BENCH:?NEWSFUSE_BENCH must name the newsfuse-bench binary}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
"$NEWSFUSE_BENCH" gen-corpus --articles 3000 --seed 7 -o "$dir/day.jsonl" > /dev/null 2>&1 || fail "gen-corpus failed"
for run in 1 2 3; do
  "$NEWSFUSE" ingest "$dir/day.jsonl" --db "$dir/run$run.db" --batch 8 --threads 2 --no-progress > /dev/null 2> "$dir/err" \
    || fail "ingest run $run: $(cat "$dir/err")"
  "$NEWSFUSE" stories --db "$dir/run$run.db" --members > "$dir/members$run.jsonl" 2> "$dir/err" \
    || fail "stories run $run: $(cat "$dir/err")"
done
lines=$(grep -c '"type":"article"' "$dir/members1.jsonl")
[ "$lines" -ge 2900 ] || fail "expected about 3000 stored articles, got $lines"
cmp -s "$dir/members1.jsonl" "$dir/members2.jsonl" && cmp -s "$dir/members1.jsonl" "$dir/members3.jsonl" \
  || fail "three ingests of the same file gave different stories: $(diff "$dir/members1.jsonl" "$dir/members2.jsonl" | head -4; diff "$dir/members1.jsonl" "$dir/members3.jsonl" | head -4)"
echo "ingest order ok: 3 runs, $lines articles, $(grep -c '"type":"story"' "$dir/members1.jsonl") stories, identical"
