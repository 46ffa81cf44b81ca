#!/usr/bin/env bash
# `eval briefs` scores the sample story as ../shared/tools/score_brief.py does
# (the same K/N for every section on the same briefing) and reports both
# citation checks.
set -euo pipefail
sample="$NEWSFUSE_SHARED_DIR/seeds/rafah-2024-04-01"
if [ ! -d "$sample" ]; then
  echo "SKIP: $sample is absent (a clone without ../shared)"; exit 77
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$NEWSFUSE" eval briefs "$sample" --save "$out" | tee "$out/table.txt"
grep -q "^rafah-2024-04-01 " "$out/table.txt"
grep -q "cite(shared)" "$out/table.txt"
python3 "$NEWSFUSE_SHARED_DIR/tools/score_brief.py" "$out/rafah-2024-04-01.json" "$sample/expected.json" > "$out/py.txt"
# Every section's K/N from the script stands in the table's row, in order.
row=$(grep "^rafah-2024-04-01 " "$out/table.txt")
want=$(sed -n 's/^[a-z]*: \([0-9]*\/[0-9]*\)$/\1/p' "$out/py.txt" | tr '\n' ' ')
got=$(echo "$row" | awk '{for (i = 2; i <= 8; i++) printf "%s ", $i}')
[ "$want" = "$got" ] || { echo "FAIL: script says '$want', eval briefs says '$got'"; exit 1; }
total=$(sed -n 's/^brief score: \([0-9]*\/[0-9]*\).*/\1/p' "$out/py.txt")
echo "$row" | grep -q " $total " || { echo "FAIL: total $total not in: $row"; exit 1; }
shared=$(python3 "$NEWSFUSE_SHARED_DIR/tools/citation_support.py" "$out/rafah-2024-04-01.json" "$sample" | sed -n 's/.*(\(.*%\))/\1/p')
echo "$row" | grep -q " $shared " || { echo "FAIL: shared citation $shared not in: $row"; exit 1; }
# A folder without expected.json is an error, named.
if "$NEWSFUSE" eval briefs "$out/none" 2> "$out/err.txt"; then echo "FAIL: no story folder accepted"; exit 1; fi
grep -q "no story folder" "$out/err.txt"
