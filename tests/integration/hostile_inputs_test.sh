#!/usr/bin/env bash
# Hostile articles (issue 15): each input of the issue's table, generated here
# at a size that once crashed or took seconds to minutes, must be briefed
# (exit 0, a JSON briefing) within a time bound, with a note where a work
# bound cut the analysis. Run with the release binary and, under the ctest
# label `asan`, with brief_sanitized (NEWSFUSE_HOSTILE_SCALE shrinks the
# inputs there: ASan+UBSan run several times slower). scripts/bench_hostile
# measures the same inputs' growth at 1k-100k.
set -uo pipefail
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
scale=${NEWSFUSE_HOSTILE_SCALE:-1}
n() { echo $(( $1 / scale )); }

# repeat TEXT COUNT: TEXT written COUNT times, no separator added.
repeat() { yes "$1" | head -n "$2" | tr -d '\n'; }
# An ordinary article (headline, one real paragraph) before the hostile
# paragraph: alone, most of these are dropped at reading as page furniture.
article() {
  printf 'Bridge closes after ship strike\n\nThe harbour bridge closed on Monday after a cargo ship hit it, the mayor said.\n\n'
  cat
  printf '\n'
}

brief() {  # brief NAME SECONDS [GREP_NOTE]
  local name=$1 limit=$2 note=${3:-}
  local start=$SECONDS
  timeout "$limit" "$NEWSFUSE" brief "$dir/$name.txt" --format json > "$dir/$name.json" 2> "$dir/$name.err"
  local rc=$?
  [ $rc -eq 0 ] || fail "$name: exit $rc after $((SECONDS - start)) s (limit $limit s): $(tail -3 "$dir/$name.err")"
  grep -q '"stories"' "$dir/$name.json" || fail "$name: no briefing written"
  if [ -n "$note" ]; then
    grep -q "$note" "$dir/$name.json" || fail "$name: no note matching '$note' in the briefing"
    grep -q "$note" "$dir/$name.err" || fail "$name: no note matching '$note' on standard error"
  fi
  echo "$name: ok in $((SECONDS - start)) s"
}

# Crashes: a 3 MiB word (the NER hash once recursed per 128 bytes) and text
# of only line/paragraph separators and ideographic spaces (UBSan in TagWords).
head -c $((3 << 20)) /dev/zero | tr '\0' 'x' | article > "$dir/longword.txt"
brief longword 120 "bytes of text, analysed the first"
for sep in '\xe2\x80\xa8' '\xe2\x80\xa9' '\xe3\x80\x80'; do
  repeat "$(printf "$sep")" 2000 | article > "$dir/separators.txt"
  brief separators 60
  repeat "$(printf "$sep")" 2000 > "$dir/only.txt"
  timeout 60 "$NEWSFUSE" brief "$dir/only.txt" --format json > "$dir/only.json" 2> "$dir/only.err"
  rc=$?
  # Nothing readable is exit 1 with a clear line; anything else must be 0.
  [ $rc -eq 0 ] || [ $rc -eq 1 ] || fail "only separators ($sep): exit $rc: $(tail -3 "$dir/only.err")"
done
echo "separators: ok"

# Quadratic once: one sentence repeated (fact alignment), "hello 53"
# repeated (numbers), nested parentheses and runs of quote marks (quotes),
# and a soup of date words (time expressions).
repeat 'The transport minister said the harbour bridge would reopen to traffic on Monday after repairs costing 40 million dollars. ' "$(n 20000)" | article > "$dir/sentence.txt"
if [ "$scale" -eq 1 ]; then brief sentence 120 "sentences, analysed the first"; else brief sentence 120; fi
repeat 'hello 53 ' "$(n 16000)" | article > "$dir/hello53.txt"
brief hello53 120
{ repeat '(' "$(n 64000)"; printf x; repeat ')' "$(n 64000)"; } | article > "$dir/parens.txt"
brief parens 120
repeat '"' "$(n 200000)" | article > "$dir/quotes.txt"
brief quotes 120
awk -v n="$(n 50000)" 'BEGIN {
  k = split("Monday Tuesday last next week month year January March 12 2024 1999 yesterday tomorrow noon " \
            "morning ago days two the of on in early late spring decade century tonight Friday", w, " ")
  srand(15); for (i = 0; i < n; ++i) printf "%s ", w[1 + int(rand() * k)]
}' | article > "$dir/datesoup.txt"
brief datesoup 120
echo "hostile inputs ok"
