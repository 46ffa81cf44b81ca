#!/usr/bin/env bash
# Markdown output escapes what comes from the articles: an id with '|' stays
# in its table cell, a title with a link and a tag stays text.
set -uo pipefail
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cat > "$dir/feed.jsonl" <<'JSONL'
{"id":"md|1","outlet":"Harbor Ledger","title":"[click](javascript:alert(1)) <script>","text":"A cargo ship struck the Harbor Bridge on Tuesday, the port authority said.\n\nThe bridge will stay closed for a month while engineers inspect it."}
JSONL
"$NEWSFUSE" brief "$dir/feed.jsonl" --format markdown > "$dir/out" 2> "$dir/err"; rc=$?
[ $rc -eq 0 ] || fail "exit $rc: $(cat "$dir/err")"
row=$(grep '^| md' "$dir/out") || fail "no source row: $(cat "$dir/out")"
# Four cells: five unescaped '|' on the row.
cells=$(sed 's/\\|//g' <<<"$row" | tr -cd '|' | wc -c)
[ "$cells" -eq 5 ] || fail "the id broke the table ($cells bars): $row"
grep -qF '| md\|1 |' <<<"$row" || fail "id not escaped: $row"
grep -qF '\[click\](javascript:alert(1)) \<script\>' "$dir/out" || fail "title not escaped: $(cat "$dir/out")"
grep -qE '(^|[^\\])\[click\]|(^|[^\\])<script>' "$dir/out" && fail "a live link or tag is left: $(cat "$dir/out")"
echo "markdown escape ok"
