#!/usr/bin/env bash
# `stories --db DB --members` prints a store's grouping as `cluster` prints
# its own: one {"type":"article","id","story","duplicate_of"} line per stored
# article, then one {"type":"story"} line per story; so the two can be
# compared (scripts/b3_score.py scores either against the other).
set -uo pipefail
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v python3 > /dev/null || { echo "SKIP: python3 not found"; exit 77; }
# Invented reports: two events, each told by a wire and reprinted with a line added.
depot="The council of Harlow Vale voted on Tuesday to close the old tram depot on Mill Street and to move its forty workers to the new yard at Fenwick by the end of the year, mayor Ines Darrow said. The depot opened in 1911 and has housed the city's trams for more than a century."
storm="A storm brought down power lines across the northern valley overnight, leaving about three thousand homes without electricity and closing two schools in Brackwater, the utility said. Crews expect to restore power to most homes by Thursday evening."
cat > "$dir/feed.jsonl" <<JSONL
{"id":"depot-wire","outlet":"Vale Wire","title":"Council votes to close Mill Street tram depot","published":"2025-03-11T09:00","text":"$depot"}
{"id":"storm-wire","outlet":"Valley News","title":"Storm cuts power to 3,000 homes","published":"2025-03-11T10:00","text":"$storm"}
{"id":"depot-reprint","outlet":"Fenwick Post","title":"Tram depot to close","published":"2025-03-11T15:00","text":"$depot Union leaders said they would appeal."}
{"id":"storm-reprint","outlet":"Brackwater Echo","title":"Thousands without power after storm","published":"2025-03-11T16:00","text":"$storm Schools reopen on Friday."}
JSONL
"$NEWSFUSE" ingest "$dir/feed.jsonl" --db "$dir/news.db" --no-progress > /dev/null 2> "$dir/err" || fail "ingest: $(cat "$dir/err")"
"$NEWSFUSE" stories --db "$dir/news.db" --members > "$dir/stored.jsonl" 2> "$dir/err"; rc=$?
[ $rc -eq 0 ] || fail "stories --members exits $rc: $(cat "$dir/err")"
"$NEWSFUSE" cluster "$dir/feed.jsonl" > "$dir/clustered.jsonl" 2> /dev/null || fail "cluster failed"

python3 - "$dir/stored.jsonl" "$dir/clustered.jsonl" <<'PY' || fail "stories --members output: $(cat "$dir/stored.jsonl")"
import json, sys
def read(path):
    rows = [json.loads(line) for line in open(path)]
    articles = [r for r in rows if r["type"] == "article"]
    stories = [r for r in rows if r["type"] == "story"]
    assert [r["type"] for r in rows] == ["article"] * len(articles) + ["story"] * len(stories), "article lines first"
    return articles, stories
stored, stored_stories = read(sys.argv[1])
clustered, _ = read(sys.argv[2])
assert sorted(r["id"] for r in stored) == sorted(["depot-wire", "depot-reprint", "storm-wire", "storm-reprint"]), stored
assert all(set(r) == {"type", "id", "story", "duplicate_of"} for r in stored), stored
for s in stored_stories:
    assert s["articles"] == [r["id"] for r in stored if r["story"] == s["story"]], (s, stored)
    assert set(s) >= {"story", "headline", "articles", "outlets", "first_published", "last_published"}, s
assert len(stored_stories) == len({r["story"] for r in stored}) == 2, stored_stories
partition = lambda rows: sorted(sorted(r["id"] for r in rows if r["story"] == s) for s in {r["story"] for r in rows})
assert partition(stored) == partition(clustered), (partition(stored), partition(clustered))
PY
score=$(python3 "$NEWSFUSE_SOURCE_DIR/scripts/b3_score.py" "$dir/stored.jsonl" <(sed 's/"story"/"cluster"/' "$dir/clustered.jsonl" | grep '"type":"article"')) \
  || fail "b3_score.py failed"
grep -q "F1 1.0000; 4 articles" <<<"$score" || fail "the store and cluster should agree: $score"

err=$("$NEWSFUSE" stories --db "$dir/news.db" --members --json 2>&1 >/dev/null); rc=$?
[ $rc -ne 0 ] && grep -q "excludes" <<<"$err" || fail "--members with --json must be refused ($rc): $err"
echo "stories --members ok: $score"
