#!/usr/bin/env bash
# `newsfuse help`, an unknown verb, and the examples at the end of every
# verb's --help.
set -uo pipefail
fail() { echo "FAIL: $*"; exit 1; }

out=$("$NEWSFUSE" help 2>&1); rc=$?
[ $rc -eq 0 ] || fail "'newsfuse help' exits $rc, not 0"
grep -q "^Usage:" <<<"$out" || fail "'newsfuse help' prints no usage: $out"
grep -qE '^ +brief ' <<<"$out" || fail "'newsfuse help' lists no verbs"

out=$("$NEWSFUSE" help ingest 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q -- "--db" <<<"$out" || fail "'newsfuse help ingest' ($rc) does not show ingest's options"

err=$("$NEWSFUSE" foo 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] || fail "an unknown verb exits $rc, not 2"
[ "$(wc -l <<<"$err")" -eq 1 ] || fail "an unknown verb gets more than one line: $err"
grep -q "unknown verb 'foo'; the verbs are: brief, extract," <<<"$err" || fail "unknown verb not named or verbs not listed: $err"

err=$("$NEWSFUSE" eval nre 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] && grep -q "unknown verb 'nre'; the verbs of 'eval' are: sbd, summary," <<<"$err" || fail "eval nre ($rc): $err"

err=$("$NEWSFUSE" 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] && grep -q "^Usage: newsfuse" <<<"$err" || fail "no verb at all ($rc): $err"

# Every verb, nested ones too: its --help ends with "Example(s):" and lines
# that start with "newsfuse <the verb>".
# The verbs listed under "Subcommands:" (up to the blank line before the examples).
list_verbs() { awk '/^Subcommands:/{on=1; next} on && /^$/{on=0} on && /^  [a-z]/{print $1}'; }
verbs=$("$NEWSFUSE" help | list_verbs)
all=()
for v in $verbs; do
  all+=("$v")
  subs=$("$NEWSFUSE" $v --help | list_verbs)
  for s in $subs; do all+=("$v $s"); done
done
[ ${#all[@]} -ge 20 ] || fail "only ${#all[@]} verbs found: ${all[*]}"
for v in "${all[@]}"; do
  help=$("$NEWSFUSE" $v --help) || fail "newsfuse $v --help failed"
  tail_lines=$(awk '/^Examples?:$/{on=1; next} on' <<<"$help")
  [ -n "$tail_lines" ] || fail "newsfuse $v --help has no example"
  first=$(head -1 <<<"$tail_lines")
  [[ "$first" == "  newsfuse $v"* ]] || fail "newsfuse $v --help: example '$first' is not of this verb"
  [ "$(wc -l <<<"$tail_lines")" -le 2 ] || fail "newsfuse $v --help: more than two examples, or text after them"
done
echo "help ok: ${#all[@]} verbs, each with an example"
