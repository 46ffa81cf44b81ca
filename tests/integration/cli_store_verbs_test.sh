#!/usr/bin/env bash
# The store's verbs: `briefing --format markdown`, `stories` with a header
# and a line when nothing matches, `serve` requires --db like every other
# store verb, and --threads means analysis threads in brief, ingest and serve.
set -uo pipefail
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
"$NEWSFUSE" ingest "$NEWSFUSE_SOURCE_DIR/examples/harbor-bridge" --db "$dir/news.db" --no-progress > /dev/null 2>&1 \
  || fail "ingest of the example failed"

out=$("$NEWSFUSE" stories --db "$dir/news.db"); rc=$?
[ $rc -eq 0 ] || fail "stories exits $rc"
head -1 <<<"$out" | grep -qE '^STORY +ARTS +LAST PUBLISHED +HEADLINE$' || fail "no header: $out"
story=$(sed -n 2p <<<"$out" | awk '{print $1}')
[ -n "$story" ] || fail "no story listed: $out"

err=$("$NEWSFUSE" stories --db "$dir/news.db" --text zzyzx-nothing 2>&1 >"$dir/out"); rc=$?
[ $rc -eq 0 ] || fail "stories with no match exits $rc"
[ ! -s "$dir/out" ] || fail "stories with no match printed on standard output: $(cat "$dir/out")"
[ "$err" = "newsfuse: stories: no story matches --text \"zzyzx-nothing\" in $dir/news.db" ] || fail "no-match line: '$err'"

md=$("$NEWSFUSE" briefing "$story" --db "$dir/news.db" --format markdown); rc=$?
[ $rc -eq 0 ] || fail "briefing --format markdown exits $rc"
head -1 <<<"$md" | grep -q '^# ' || fail "no Markdown headline: $(head -3 <<<"$md")"
grep -q '^## Sources' <<<"$md" || fail "no Sources section"
json=$("$NEWSFUSE" briefing "$story" --db "$dir/news.db")
grep -q "\"stories\": \[" <<<"$json" || fail "JSON is not the default any more: ${json:0:40}"

err=$("$NEWSFUSE" serve --port 0 2>&1 >/dev/null); rc=$?
[ $rc -ne 0 ] || fail "serve without --db must fail"
grep -q -- "--db is required" <<<"$err" || fail "serve without --db: $err"

for v in brief ingest serve; do
  line=$("$NEWSFUSE" $v --help | grep -E '^ +--threads') || fail "$v has no --threads"
  grep -q "analysis threads (0: all cores)" <<<"$line" || fail "$v --threads means something else: $line"
done
"$NEWSFUSE" serve --help | grep -qE '^ +--workers' || fail "serve has no --workers"
echo "store verbs ok"
