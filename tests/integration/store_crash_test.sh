#!/usr/bin/env bash
# Crash test of the store: kill -9 `newsfuse ingest` partway through a large
# file, several times, and check after each kill that the database opens,
# passes its integrity check (no half story: every article in a story, every
# story with its articles), and holds every acknowledged id (ids whose batch
# was committed, from --ack-log) exactly once. Then ingest the file to the
# end, twice: the totals must equal the file's distinct ids, and the second
# run must store nothing new (idempotent).
set -uo pipefail
dir=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }

articles=${STORE_CRASH_ARTICLES:-6000}
"${NEWSFUSE_BENCH:?NEWSFUSE_BENCH must name the newsfuse-bench binary}" gen-corpus --articles "$articles" --seed 5 -o "$dir/big.jsonl" > /dev/null || fail "gen-corpus"
lines=$(wc -l < "$dir/big.jsonl")
distinct=$(grep -o '^{"id":"[^"]*"' "$dir/big.jsonl" | sort -u | wc -l)
[ "$distinct" -gt 0 ] || fail "no ids in the generated corpus"
echo "corpus: $lines lines, $distinct distinct ids, $(du -m "$dir/big.jsonl" | cut -f1) MB"

db="$dir/news.db"
acks="$dir/acks.txt"
: > "$acks"
killed=0
for round in 1 2 3 4; do
  before=$(wc -l < "$acks")
  "$NEWSFUSE" ingest "$dir/big.jsonl" --db "$db" --batch 200 --ack-log "$acks" > "$dir/out.$round" 2> "$dir/err.$round" &
  pid=$!
  # Wait for this run to acknowledge a few batches past where the last one
  # stopped (a re-run first passes over what is stored, quickly), then kill
  # at a moment that varies from round to round.
  target=$((before + 400 * round))
  for _ in $(seq 1 600); do
    kill -0 "$pid" 2>/dev/null || break
    [ "$(wc -l < "$acks")" -ge "$target" ] && break
    sleep 0.05
  done
  sleep "0.0$((RANDOM % 10))"
  if kill -9 "$pid" 2>/dev/null; then
    killed=$((killed + 1))
    wait "$pid" 2>/dev/null
    pid=""
    echo "round $round: killed after $(wc -l < "$acks") acknowledged lines"
  else
    wait "$pid"
    rc=$?
    pid=""
    [ $rc -eq 0 ] || fail "round $round: ingest failed (exit $rc): $(cat "$dir/err.$round")"
    echo "round $round: ingest finished before the kill"
  fi
  "$NEWSFUSE" store-check --db "$db" --expect-ids "$acks" > "$dir/check.$round" 2>&1 ||
    fail "round $round: store check failed: $(cat "$dir/check.$round")"
  sed "s/^/  /" "$dir/check.$round"
done
[ "$killed" -ge 1 ] || fail "no run was killed mid-ingest (the machine is too fast for $articles articles?)"

# To the end: everything stored once, what was stored before reported unchanged.
"$NEWSFUSE" ingest "$dir/big.jsonl" --db "$db" --batch 200 > "$dir/final" 2> "$dir/final.err" ||
  fail "final ingest: $(cat "$dir/final.err")"
cat "$dir/final"
[ -s "$dir/final.err" ] && fail "ingest in a pipe wrote to stderr: $(head -c 300 "$dir/final.err")"
dups=$(sed -n 's/.* \([0-9]*\) duplicate(s).*/\1/p' "$dir/final")
stored=$(sed -n 's/.*store .*: \([0-9]*\) articles.*/\1/p' "$dir/final")
copies=$(sed -n 's/.*stories, \([0-9]*\) copies.*/\1/p' "$dir/final")
unchanged=$(sed -n 's/.* \([0-9]*\) unchanged.*/\1/p' "$dir/final")
[ -n "$stored" ] && [ -n "$dups" ] && [ -n "$copies" ] || fail "summary not understood: $(cat "$dir/final")"
# Every id once: as an article, or as a byte-identical copy of one (kept
# since the run that first saw it, so this run's duplicates are only new ones).
[ "$((stored + copies))" -eq "$distinct" ] || fail "store holds $stored articles and $copies copies; expected $distinct ids"
[ "$copies" -ge "$dups" ] || fail "$dups duplicate(s) this run but only $copies copies kept"
acked=$(cut -f1 "$acks" | sort -u | wc -l)
[ "$unchanged" -ge $((acked - dups)) ] || fail "re-run found only $unchanged unchanged of $acked acknowledged"
"$NEWSFUSE" store-check --db "$db" --expect-ids "$acks" || fail "final store check"

"$NEWSFUSE" ingest "$dir/big.jsonl" --db "$db" --batch 500 > "$dir/again" 2>&1 || fail "second full ingest"
grep -q " 0 inserted, 0 updated, $((stored + copies)) unchanged, 0 duplicate(s)" "$dir/again" || fail "second full run not idempotent: $(cat "$dir/again")"
echo "store crash test ok ($killed kill(s))"
