#!/usr/bin/env bash
# Token rules: quotes decided by the rules of the packs' tokens/ directories, a house rule
# beside them, `rules check` and `rules tokens`, and the errors a user can meet.
# Usage: token_rules.sh path/to/whosaid (working directory: the source tree).
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$(dirname "${BASH_SOURCE[0]}")/check_lib.bash"
printf '%s\n' '“The ferry will run all winter this year,” said Ms. Ana Ortiz, a harbor pilot.' \
  >"$tmp/story.txt"
fields() { python3 -c '
import json, sys
r = json.loads(sys.stdin.readline())
print(r["rule"], "|", r["speaker"], "|", r["role"], "|", r["cue"])'; }

got=$("$bin" "$tmp/story.txt" | fields)
check "the English rule decides (got: $got)" \
  test "$got" = "en.q_cue_speaker_role | Ana Ortiz | a harbor pilot | said"

# A house pack's own token rule, with its own example, wins by its priority.
cp -r rules/en "$tmp/house"
cat >"$tmp/house/tokens/house.tokens" <<'RULES'
rule house.t.pilot  prio=99 : QUOTE ","? CUE:said SPEAKER:([@honorifics | @honorifics_female | @honorifics_male]? Cap Cap) "," ROLE:(a harbor pilot)
  + “The ferry will run all winter this year,” said Ms. Ana Ortiz, a harbor pilot.  => SPEAKER="Ana Ortiz" ROLE="a harbor pilot"
RULES
got=$("$bin" --no-default-rules --rules "$tmp/house" "$tmp/story.txt" | fields)
check "house token rule decides (got: $got)" test "${got%% |*}" = "house.t.pilot"
english=$("$bin" rules check rules/en 2>&1 | sed -n 's/^\([0-9]*\) rules.*/\1/p')
"$bin" rules check "$tmp/house" >"$tmp/out" 2>&1
check "rules check runs the house token examples, one rule more than English's $english ($(tail -1 "$tmp/out"))" \
  grep -q "^$((english + 1)) rules, [0-9]* examples: [0-9]* passed, 0 failed; 0 errors" "$tmp/out"

# The escape hatch: a /regular expression/ on a token's text, in a house rule with its example.
mkdir -p "$tmp/regex/tokens"
cat >"$tmp/regex/tokens/house.tokens" <<'RULES'
rule house.t.specialist  prio=99 : QUOTE {QSEP} SPEAKER:(a ROLE:(lower* /(ist|ian)$/)) CUE:told the Courier
  + “The ice shelf is thinning fast,” a marine biologist told the Courier.  => SPEAKER="a marine biologist" ROLE="marine biologist" CUE="told"
RULES
printf '%s\n' '“The ice shelf is thinning fast,” a glaciologist told the Courier.' \
  '“The ice shelf is thinning fast,” a reader told the Courier.' >"$tmp/ice.txt"
got=$("$bin" --rules "$tmp/regex" "$tmp/ice.txt" | python3 -c '
import json, sys
print(" ".join(json.loads(l)["rule"] or "-" for l in sys.stdin))')
check "regex token test: the glaciologist passes it, the reader does not (got: $got)" \
  test "$got" = "house.t.specialist en.q_speaker_cue"
"$bin" rules check rules/en "$tmp/regex" >"$tmp/out" 2>&1
check "regex token test: its example passes ($(tail -1 "$tmp/out"))" \
  grep -q "^$((english + 1)) rules, [0-9]* examples: [0-9]* passed, 0 failed; 0 errors" "$tmp/out"
sed -i 's/(ist|ian)\$/(ist|ian$/' "$tmp/regex/tokens/house.tokens"
"$bin" rules check rules/en "$tmp/regex" >"$tmp/out" 2>&1
rc=$?
check "bad regex: rules check exits 1 (got $rc)" test $rc = 1
check "bad regex: file:line:col and RE2's reason, once ($(head -c 300 "$tmp/out"))" \
  test "$(grep -c 'house.tokens:1:[0-9]*: error: rule house.t.specialist: bad regular expression: missing )' "$tmp/out")" = 1

# Errors: a broken token pattern names file:line:col; a pack without token rules; a bad value.
printf 'rule house.t.bad prio=5 : QUOTE SPEAKER:(Cap+\n' >>"$tmp/house/tokens/house.tokens"
"$bin" --no-default-rules --rules "$tmp/house" "$tmp/story.txt" >/dev/null 2>"$tmp/err"
rc=$?
check "broken token rule: exit 2 (got $rc)" test $rc = 2
check "broken token rule: file:line:col ($(head -c 300 "$tmp/err"))" \
  grep -q 'house.tokens:3:[0-9]*: error: rule house.t.bad' "$tmp/err"
rm -r "$tmp/house/tokens"
printf 'rule x.old prio=10 : {QUOTE}, {SPEAKER} said\n' >"$tmp/house/old.rules"
"$bin" --no-default-rules --rules "$tmp/house" "$tmp/story.txt" >/dev/null 2>"$tmp/err"
rc=$?
check "a pack of character rules only: exit 2 (got $rc)" test $rc = 2
check "a pack of character rules only: says so ($(head -c 300 "$tmp/err"))" \
  grep -q 'house: character rule files (\*.rules), which whosaid no longer reads' "$tmp/err"
mkdir "$tmp/empty"
"$bin" --no-default-rules --rules "$tmp/empty" "$tmp/story.txt" >/dev/null 2>"$tmp/err"
rc=$?
check "no token rules: exit 2 (got $rc)" test $rc = 2
check "no token rules: says so ($(head -c 300 "$tmp/err"))" \
  grep -q 'no rules: no \*.tokens file' "$tmp/err"

# `rules tokens`: the token stream a rule reads, one token a line.
printf 'Sen. Ann Lee said “Go.”\n' | "$bin" rules tokens >"$tmp/tokens" 2>&1
rc=$?
check "rules tokens: exit 0 (got $rc)" test $rc = 0
check "rules tokens: an honorific keeps its period and opens the sentence ($(head -1 "$tmp/tokens"))" \
  grep -qE '^0-4 +Sen\. +word Cap SENT .*@honorifics' "$tmp/tokens"
check "rules tokens: a cue verb in its list ($(sed -n 4p "$tmp/tokens"))" \
  grep -qE '^13-17 +said +word lower .*@cue_verbs' "$tmp/tokens"
check "rules tokens: quote marks are tokens" grep -qE '^18-21 +“ +quote-mark' "$tmp/tokens"
"$bin" rules tokens "$tmp/missing.txt" >/dev/null 2>"$tmp/err"
rc=$?
check "rules tokens: a missing file is named, exit 1 (got $rc: $(cat "$tmp/err"))" \
  test $rc = 1 -a -n "$(grep missing.txt "$tmp/err")"

[ $fail = 0 ] && echo "token rules: all checks pass"
exit $fail
