#!/usr/bin/env bash
# Bad input: one clear line per bad file, the rest read, non-zero only when
# nothing could be read, and no crash or hang on a 50 MB line.
set -uo pipefail
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
printf '' > "$dir/empty.txt"
head -c 4096 /dev/urandom > "$dir/binary.txt"; printf '\0' >> "$dir/binary.txt"
printf 'Headline here\n\nBody \xff\xfe text.\n' > "$dir/invalid.txt"
cp "$NEWSFUSE_SOURCE_DIR/examples/harbor-bridge/01_ledger.txt" "$dir/good.txt"

# Nothing readable: exit 1, one line per input.
timeout 60 "$NEWSFUSE" brief "$dir/empty.txt" "$dir/binary.txt" "$dir/missing.txt" \
  > "$dir/out" 2> "$dir/err"
rc=$?
[ $rc -eq 1 ] || fail "expected exit 1 when nothing can be read, got $rc"
grep -q "empty.txt: empty article" "$dir/err" || fail "empty file not named"
grep -q "binary.txt: binary data" "$dir/err" || fail "binary file not named"
grep -q "missing.txt: no such file" "$dir/err" || fail "missing path not named"

# Text that is not UTF-8 is read as Windows-1252 (as the HTML reader reads an
# undeclared page), and a warning says so.
timeout 60 "$NEWSFUSE" brief "$dir/invalid.txt" > "$dir/out" 2> "$dir/err" || fail "invalid UTF-8 text must be read"
grep -q "warning: .*invalid.txt: not UTF-8: read as Windows-1252" "$dir/err" || fail "conversion not said: $(cat "$dir/err")"

# One good article among bad ones: exit 0, the briefing printed, the bad counted.
timeout 60 "$NEWSFUSE" brief "$dir/empty.txt" "$dir/good.txt" > "$dir/out" 2> "$dir/err" || fail "one good file must be enough"
grep -q "skipped 1" "$dir/err" || fail "skip count not reported"
grep -q "^# " "$dir/out" || fail "no briefing printed"

# JSONL with a 50 MB line, malformed lines and a good one.
{
  printf '{"id":"huge","text":"'; head -c 52428800 /dev/zero | tr '\0' 'a'; printf '"}\n'
  printf 'this is not json\n'
  printf '{"id":"ok","title":"Bridge shut","text":"The bridge closed on Tuesday after a ship hit it."}\n'
} > "$dir/feed.jsonl"
timeout 120 "$NEWSFUSE" brief "$dir/feed.jsonl" --format json > "$dir/out" 2> "$dir/err"
rc=$?
[ $rc -eq 0 ] || fail "JSONL with one good line must succeed, got $rc: $(cat "$dir/err")"
grep -q "feed.jsonl:1: line is 52428823 bytes" "$dir/err" || fail "50 MB line not reported: $(cat "$dir/err")"
grep -q "feed.jsonl:2: not valid JSON" "$dir/err" || fail "malformed line not reported"
grep -q '"id": "ok"' "$dir/out" || fail "good line not briefed"
echo "bad input ok"
