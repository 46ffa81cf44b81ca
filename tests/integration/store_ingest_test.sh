#!/usr/bin/env bash
# The store from the command line: ingest (summary, idempotence, a bad line
# skipped and counted, a progress bar on a terminal and nothing in a pipe),
# a correction recorded, the stored briefing equal to what `brief` prints,
# listing and search, and a clear error for a file that is not a store.
set -uo pipefail
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
examples="$NEWSFUSE_SOURCE_DIR/examples/harbor-bridge"
db="$dir/news.db"

# Ingest a folder in a pipe: a summary on stdout, nothing on stderr.
"$NEWSFUSE" ingest "$examples" --db "$db" > "$dir/out" 2> "$dir/err" || fail "ingest: $(cat "$dir/err")"
grep -q "ingested 4 article(s) .*: 4 inserted, 0 updated, 0 unchanged, 0 duplicate(s), 0 skipped" "$dir/out" ||
  fail "first summary: $(cat "$dir/out")"
[ -s "$dir/err" ] && fail "progress written to a pipe: $(cat -A "$dir/err" | head -3)"
"$NEWSFUSE" ingest "$examples" --db "$db" > "$dir/out" 2>&1 || fail "re-ingest"
grep -q ": 0 inserted, 0 updated, 4 unchanged" "$dir/out" || fail "re-ingest not idempotent: $(cat "$dir/out")"

# One story; its briefing is what `brief` prints for the same files.
"$NEWSFUSE" stories --db "$db" --json > "$dir/stories.json" || fail "stories"
story=$(grep -o '"id": "[0-9]*"' "$dir/stories.json" | head -1 | grep -o '[0-9]*')
[ -n "$story" ] || fail "no story listed: $(cat "$dir/stories.json")"
if [ "$(grep -c '"id":' "$dir/stories.json")" -eq 1 ]; then
  "$NEWSFUSE" briefing --db "$db" "$story" > "$dir/stored.json" 2> /dev/null || fail "briefing"
  "$NEWSFUSE" brief "$examples" --format json 2> /dev/null | sed "0,/\"id\": \"story-1\"/s//\"id\": \"$story\"/" > "$dir/brief.json"
  cmp -s "$dir/stored.json" "$dir/brief.json" || fail "stored briefing differs from brief: $(diff "$dir/stored.json" "$dir/brief.json" | head -10)"
else
  echo "note: the example articles fell into several stories; briefing comparison left out"
fi
"$NEWSFUSE" stories --db "$db" --text "bridge" | grep -q "^$story " || fail "text search"
"$NEWSFUSE" stories --db "$db" --text "zzzunheardof" | grep -q . && fail "text search matched nonsense"

# JSONL: a bad line is skipped and counted; a correction is recorded.
cat > "$dir/feed.jsonl" <<'JSONL'
{"id":"quay-1","outlet":"Test Wire","published":"2026-05-02","title":"Quay wall collapse closes Port Anselm","text":"A section of the quay wall at Port Anselm collapsed on Saturday, and 37 workers were evacuated from the container terminal.\n\n\"We heard a long rumble and then the crane tilted,\" said dock foreman Ilse Marchetti."}
this line is not JSON
JSONL
"$NEWSFUSE" ingest "$dir/feed.jsonl" --db "$db" > "$dir/out" 2> "$dir/err" || fail "JSONL ingest"
grep -q "1 inserted.* 1 skipped" "$dir/out" || fail "bad line not counted: $(cat "$dir/out")"
grep -q "feed.jsonl:2: not valid JSON" "$dir/err" || fail "bad line not named: $(cat "$dir/err")"
cat > "$dir/fix.jsonl" <<'JSONL'
{"id":"quay-1","outlet":"Test Wire","published":"2026-05-02","title":"Quay wall collapse closes Port Anselm","text":"A section of the quay wall at Port Anselm collapsed on Saturday, and 73 workers were evacuated from the container terminal.\n\n\"We heard a long rumble and then the crane tilted,\" said dock foreman Ilse Marchetti."}
JSONL
"$NEWSFUSE" ingest "$dir/fix.jsonl" --db "$db" > "$dir/out" 2>&1 || fail "correction ingest"
grep -q "1 updated" "$dir/out" || fail "correction not an update: $(cat "$dir/out")"
"$NEWSFUSE" article --db "$db" quay-1 --json > "$dir/article.json" || fail "article"
grep -q '"field": "figure"' "$dir/article.json" || fail "figure change not recorded: $(cat "$dir/article.json")"
grep -q '"before": "37 workers"' "$dir/article.json" || fail "figure before: $(cat "$dir/article.json")"
grep -q '"after": "73 workers"' "$dir/article.json" || fail "figure after"
"$NEWSFUSE" stories --db "$db" --entity "Ilse Marchetti" | grep -q "Quay wall" || fail "entity search"
"$NEWSFUSE" store-check --db "$db" > "$dir/check" || fail "store-check: $(cat "$dir/check")"
grep -q "^ok: .*5 articles, 2 stories, 1 changes" "$dir/check" || fail "store-check counts: $(cat "$dir/check")"

# On a terminal (a pseudo-terminal from script(1)), a progress bar.
if command -v script > /dev/null; then
  "${NEWSFUSE_BENCH:?NEWSFUSE_BENCH must name the newsfuse-bench binary}" gen-corpus --articles 3000 -o "$dir/many.jsonl" > /dev/null || fail "gen-corpus"
  script -qec "'$NEWSFUSE' ingest '$dir/many.jsonl' --db '$dir/tty.db' --batch 100" /dev/null > "$dir/tty" 2>&1 ||
    fail "ingest on a terminal: $(tail -c 300 "$dir/tty")"
  grep -q "articles/s  ETA" "$dir/tty" || fail "no progress bar on a terminal: $(tail -c 300 "$dir/tty" | cat -A)"
  grep -q "%" "$dir/tty" || fail "no percentage on the progress bar"
fi

# Not a store: one clear line, exit 1.
echo "id,title" > "$dir/table.csv"
"$NEWSFUSE" stories --db "$dir/table.csv" > /dev/null 2> "$dir/err" && fail "a CSV file opened as a store"
grep -q "table.csv: not a newsfuse store" "$dir/err" || fail "unclear error: $(cat "$dir/err")"
"$NEWSFUSE" stories --db "$dir/absent.db" > /dev/null 2> "$dir/err" && fail "an absent store listed"
grep -q "absent.db: no such store" "$dir/err" || fail "absent store: $(cat "$dir/err")"
[ -e "$dir/absent.db" ] && fail "reading created a store"
echo "store ingest ok"
