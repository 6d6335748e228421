#!/usr/bin/env bash
# A house pack with its own lexicon, used without the built-in pack: its word lists reach
# the rules' macros and the registry, whether the pack is given as a directory or as rule
# files inside it. The pack adds the title "Elder", which the English pack does not know.
# Usage: house_pack.sh path/to/whosaid (working directory: the source tree).
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$(dirname "${BASH_SOURCE[0]}")/check_lib.bash"
cp -r rules/en "$tmp/house"
printf 'Elder\n' >>"$tmp/house/lexicon/titles.lst"
printf '%s\n' '“We sail at dawn,” said Elder Ann Lee. Lee left early.' >"$tmp/story.txt"

speaker_role() { python3 -c '
import json, sys
r = json.loads(sys.stdin.readline())
print(r["speaker"], "|", r["role"])'; }

got=$("$bin" --no-default-rules --rules "$tmp/house" "$tmp/story.txt" | speaker_role)
check "pack directory: speaker Ann Lee with the title Elder (got: $got)" test "$got" = "Ann Lee | Elder"
got=$("$bin" --no-default-rules --rules "$tmp/house/tokens/00_defines.tokens" \
  --rules "$tmp/house/tokens/quotes.tokens" "$tmp/story.txt" | speaker_role)
check "pack token rule files: the pack's lexicon is used (got: $got)" test "$got" = "Ann Lee | Elder"
got=$(cd "$tmp/house/tokens" && "$bin" --no-default-rules --rules 00_defines.tokens \
  --rules quotes.tokens "$tmp/story.txt" | speaker_role)
check "pack token rule files by relative path (got: $got)" test "$got" = "Ann Lee | Elder"

# The built-in pack does not know the title: the name takes it in.
got=$("$bin" "$tmp/story.txt" | speaker_role)
check "built-in pack: Elder is no title there (got: $got)" test "$got" != "Ann Lee | Elder"

# A pack declares its lists in lexicon/lexicon.manifest: a list joining a file of the house's
# own reaches the registry; a file the manifest names that is missing is named with its place.
cp -r rules/en "$tmp/manifest"
printf 'Elder\n' >"$tmp/manifest/lexicon/house_titles.lst"
sed -i 's/^honorifics = .*/honorifics = titles.lst title_abbreviations.lst house_titles.lst/' \
  "$tmp/manifest/lexicon/lexicon.manifest"
got=$("$bin" --no-default-rules --rules "$tmp/manifest" "$tmp/story.txt" | speaker_role)
check "manifest: a house list joins the titles (got: $got)" test "$got" = "Ann Lee | Elder"
sed -i 's/house_titles.lst/missing.lst/' "$tmp/manifest/lexicon/lexicon.manifest"
"$bin" --no-default-rules --rules "$tmp/manifest" "$tmp/story.txt" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "manifest: a missing list file fails with exit 2 (got $rc)" test "$rc" = 2
check "manifest: the message names manifest:line:col ($(head -c 300 "$tmp/err"))" \
  grep -q 'lexicon.manifest:[0-9]*:[0-9]*: error: cannot read .missing.lst' "$tmp/err"
n=$(grep -c "cannot read .missing.lst" "$tmp/err")
check "manifest: the error is printed once (got $n times)" test "$n" = 1

# A pack's sieves.list sets which sieves run: a house pack given after the built-in one,
# with only the transcript sieve, leaves a quotation paragraph that only the continuation
# sieve attributes without a speaker (kept with --all-marks).
mkdir -p "$tmp/sieves/tokens"
printf 'transcript 0.8\n' >"$tmp/sieves/sieves.list"
printf '%s\n\n%s\n' '“We sail at dawn,” said Ann Lee, the harbor master.' \
  '“And we will be back before the storm, if the wind holds for us.”' >"$tmp/run.txt"
rules_of() { python3 -c '
import json, sys
print(" ".join(json.loads(l)["rule"] or "-" for l in sys.stdin))'; }
got=$("$bin" --all-marks "$tmp/run.txt" | rules_of)
check "built-in sieves: the second quotation continues the first (got: $got)" \
  test "$got" = "en.q_cue_speaker_role sieve.continuation"
got=$("$bin" --all-marks --rules "$tmp/sieves" "$tmp/run.txt" | rules_of)
check "house sieves.list: no continuation sieve (got: $got)" test "$got" = "en.q_cue_speaker_role -"
printf 'transcript 0.8\ncontinuaton 0.6\n' >"$tmp/sieves/sieves.list"
"$bin" --rules "$tmp/sieves" "$tmp/run.txt" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "sieves.list: an unknown sieve fails with exit 2 (got $rc)" test "$rc" = 2
check "sieves.list: the message names file:line:col ($(head -c 300 "$tmp/err"))" \
  grep -q "sieves.list:2:1: error: unknown sieve 'continuaton'" "$tmp/err"

[ $fail = 0 ] && echo "house pack: all checks pass"
exit $fail
