#!/usr/bin/env bash
# A feed item whose text is only its headline (or that has only a title) is
# news: kept, not dropped as "article body is empty".
set -uo pipefail
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cat > "$dir/feed.jsonl" <<'JSONL'
{"id":"t1","outlet":"Harbor Ledger","title":"Ship strikes Harbor Bridge, closing it for a month","text":"Ship strikes Harbor Bridge, closing it for a month"}
{"id":"t2","outlet":"Coast Wire","title":"Harbor Bridge shut after cargo ship strike"}
JSONL
"$NEWSFUSE" brief "$dir/feed.jsonl" --one-story --format json > "$dir/out" 2> "$dir/err"; rc=$?
[ $rc -eq 0 ] || fail "exit $rc: $(cat "$dir/err")"
grep -q "body is empty" "$dir/err" && fail "a title-only item was dropped: $(cat "$dir/err")"
[ "$(grep -c '"id": "t[12]"' "$dir/out")" -ge 2 ] || fail "both items must be sources: $(head -c 600 "$dir/out")"
grep -q "skipped" "$dir/err" && fail "something was skipped: $(cat "$dir/err")"
echo "title-only ok"
