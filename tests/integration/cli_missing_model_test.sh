#!/usr/bin/env bash
# A missing or damaged entity model is an error naming the file, with a
# non-zero exit, in every verb that loads it (brief, serve, briefing): a
# briefing without its entities must not pass for a complete one.
set -uo pipefail
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cat > "$dir/feed.jsonl" <<'JSONL'
{"id":"m1","outlet":"Harbor Ledger","title":"Ship strikes Harbor Bridge","text":"A cargo ship struck the Harbor Bridge on Monday, closing it for a month."}
{"id":"m2","outlet":"Coast Wire","title":"Harbor Bridge shut after ship strike","text":"The Harbor Bridge was shut on Monday after a cargo ship struck it."}
JSONL
missing="$dir/no-such-model.bin"
head -c 100 "$NEWSFUSE_SOURCE_DIR/models/ner-conll2003.bin" > "$dir/damaged.bin"

# expect_model_error NAME MODEL_FILE COMMAND...: exit 1, nothing on standard
# output, one line on standard error naming the model file.
expect_model_error() {
  local name=$1 model=$2
  shift 2
  "$@" > "$dir/out" 2> "$dir/err"; local rc=$?
  [ $rc -eq 1 ] || fail "$name: exit $rc, expected 1: $(cat "$dir/err")"
  [ -s "$dir/out" ] && fail "$name: printed output: $(head -c 300 "$dir/out")"
  [ "$(wc -l < "$dir/err")" -eq 1 ] || fail "$name: expected one line on stderr: $(cat "$dir/err")"
  grep -q "^newsfuse: .*$model" "$dir/err" || fail "$name: the message must name $model: $(cat "$dir/err")"
  echo "$name ok: $(cat "$dir/err")"
}

expect_model_error "brief, missing model" "$missing" "$NEWSFUSE" brief "$dir/feed.jsonl" --ner-model "$missing"
expect_model_error "brief, damaged model" "$dir/damaged.bin" \
  "$NEWSFUSE" brief "$dir/feed.jsonl" --format json --ner-model "$dir/damaged.bin"
expect_model_error "serve, missing model" "$missing" \
  timeout 30 "$NEWSFUSE" serve --db "$dir/s.db" --port 0 --ner-model "$missing"

# The default model still works: the same corpus briefs with exit 0.
"$NEWSFUSE" brief "$dir/feed.jsonl" --format json > "$dir/out" 2> "$dir/err" || fail "brief with the default model: $(cat "$dir/err")"
grep -q '"entities"' "$dir/out" || fail "no entities with the default model: $(head -c 300 "$dir/out")"
echo "missing-model ok"
