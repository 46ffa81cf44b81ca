#!/usr/bin/env bash
# Web input end to end: `brief`, `cluster` and `extract` read HTML pages and
# WARC files (the wget-made fixtures in tests/data/html) wherever they read
# text, and damaged input (a truncated WARC, a 100 MB page) is skipped with
# one clear line each while the rest is read. Everything big is made at test
# time and stays small on disk (the 100 MB page is about 100 KB of gzip).
set -uo pipefail
data="$NEWSFUSE_SOURCE_DIR/tests/data/html"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# brief: pages and WARC files side by side (crawl-plain.warc repeats two
# pages of crawl.warc.gz: counted as duplicates, not read twice).
timeout 120 "$NEWSFUSE" brief "$data/harbor-ferry.html" "$data/jsonld-council.html" \
  "$data/crawl.warc.gz" "$data/crawl-plain.warc" > "$dir/out" 2> "$dir/err"
rc=$?
[ $rc -eq 0 ] || fail "brief on .html/.warc/.warc.gz exited $rc: $(cat "$dir/err")"
grep -q "^# " "$dir/out" || fail "brief printed no story"
grep -q "Council votes to extend library hours" "$dir/out" || fail "the JSON-LD page's story is missing"
grep -q "read 5 article(s)" "$dir/err" || fail "brief did not read the 5 distinct pages: $(cat "$dir/err")"

# cluster: a folder holding a page and a WARC file.
mkdir "$dir/mixed"
cp "$data/harbor-ferry.html" "$data/crawl.warc.gz" "$dir/mixed/"
timeout 120 "$NEWSFUSE" cluster "$dir/mixed" > "$dir/out" 2> "$dir/err" ||
  fail "cluster on a folder of .html and .warc.gz failed: $(cat "$dir/err")"
grep -q '"id":"harbor-ferry"' "$dir/out" || fail "cluster did not read the .html page"
grep -q '"id":"http://127.0.0.1:18731/jsonld-council.html"' "$dir/out" ||
  fail "cluster did not read the WARC records"
grep -q '"type":"story"' "$dir/out" || fail "cluster printed no story"

# extract: a WARC cut inside its second page, and a 100 MB page, among good
# input: one line for each, the rest read, exit 0.
head -c 5000 "$data/crawl.warc.gz" > "$dir/cut.warc.gz"
{ printf '<html><body><p>'; head -c 104857600 /dev/zero | tr '\0' 'a'; printf '</p></body></html>'; } |
  gzip -1 > "$dir/huge.html.gz"
timeout 120 "$NEWSFUSE" extract "$dir/cut.warc.gz" "$dir/huge.html.gz" "$data/jsonld-council.html" \
  > "$dir/out" 2> "$dir/err"
rc=$?
[ $rc -eq 0 ] || fail "extract with damaged input exited $rc: $(cat "$dir/err")"
grep -q "cut.warc.gz: record at offset 4033.*cut short" "$dir/err" ||
  fail "truncated WARC record not reported: $(cat "$dir/err")"
grep -q "huge.html.gz: inflates to more than 33554432 bytes" "$dir/err" || fail "100 MB page not reported: $(cat "$dir/err")"
grep -q "extract: read 2 article(s); skipped 2" "$dir/err" || fail "skip count not reported: $(cat "$dir/err")"
[ "$(wc -l < "$dir/out")" -eq 2 ] || fail "expected 2 articles (the WARC's first page, the JSON-LD page)"
grep -q '"title": *"Council votes to extend library hours"' "$dir/out" || fail "good page not extracted"
echo "web inputs ok"
