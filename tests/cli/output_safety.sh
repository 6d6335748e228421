#!/usr/bin/env bash
# CLI test of what a run does to its output and what it says (issue 14): -o never destroys
# an input or an old result, the exit codes (0 all done, 1 some documents failed, 2 usage,
# configuration or output error), a directory or a .jsonl file given as a text document,
# rule errors as file:line:col at the start of the line, and --per-document.
# Usage: output_safety.sh path/to/whosaid (run from the repository root)
set -u
bin=$1
. "$(dirname "${BASH_SOURCE[0]}")/check_lib.bash"
story=examples/council_vote.txt
no_temporaries() { ! ls -A "$1" | grep -q whosaid-; }

# 1. -o an input: refused, the input intact.
cp "$story" "$tmp/same.txt"
"$bin" -o "$tmp/same.txt" "$tmp/same.txt" >/dev/null 2>"$tmp/err"; rc=$?
check "-o an input exits 2 (got $rc)" test $rc = 2
check "-o an input leaves it intact" cmp -s "$story" "$tmp/same.txt"
check "-o an input says so: $(cat "$tmp/err")" grep -q 'also an input' "$tmp/err"
# … also under another name (a symlink, ./ in the path).
ln -s same.txt "$tmp/link.txt"
"$bin" -o "$tmp/link.txt" "$tmp/./same.txt" >/dev/null 2>&1; rc=$?
check "-o an input through a symlink exits 2 (got $rc)" test $rc = 2
check "… and leaves it intact" cmp -s "$story" "$tmp/same.txt"

# A good run replaces the old file in one step and leaves no temporary file.
echo old > "$tmp/out.jsonl"
"$bin" -o "$tmp/out.jsonl" "$story" 2>"$tmp/err"; rc=$?
check "good run exits 0 (got $rc: $(cat "$tmp/err"))" test $rc = 0
"$bin" "$story" > "$tmp/expected.jsonl"
check "-o file holds the records" cmp -s "$tmp/expected.jsonl" "$tmp/out.jsonl"
check "no temporary file left" no_temporaries "$tmp"
chmod 640 "$tmp/out.jsonl"
"$bin" -o "$tmp/out.jsonl" "$story" 2>/dev/null
check "the replaced file keeps its mode" test "$(stat -c %a "$tmp/out.jsonl")" = 640
# -o through a symlink writes the file it points to and keeps the link.
ln -s out.jsonl "$tmp/out-link.jsonl"
"$bin" -o "$tmp/out-link.jsonl" "$story" examples/interview_water.txt 2>/dev/null
check "-o a symlink keeps the link" test -L "$tmp/out-link.jsonl"
check "-o a symlink writes its target" grep -q interview_water "$tmp/out.jsonl"

# A run whose inputs all fail leaves an old -o file as it was, and creates none.
echo old > "$tmp/out.jsonl"
"$bin" -o "$tmp/out.jsonl" "$tmp/missing.txt" 2>"$tmp/err"; rc=$?
check "all inputs failed: exit 1 (got $rc)" test $rc = 1
check "all inputs failed: old -o file intact" test "$(cat "$tmp/out.jsonl")" = old
check "all inputs failed: says the file was kept: $(cat "$tmp/err")" grep -q 'left as it was' "$tmp/err"
"$bin" -o "$tmp/new.jsonl" "$tmp/missing.txt" 2>/dev/null
check "all inputs failed: no -o file created" test ! -e "$tmp/new.jsonl"
check "all inputs failed: no temporary file left" no_temporaries "$tmp"
# Some failed: the others' records are written, exit 1.
"$bin" -o "$tmp/out.jsonl" "$tmp/missing.txt" "$story" 2>/dev/null; rc=$?
check "some inputs failed: exit 1 (got $rc)" test $rc = 1
check "some inputs failed: records written" cmp -s "$tmp/expected.jsonl" "$tmp/out.jsonl"

# -o into a directory that does not exist, or onto a directory: exit 2, named.
"$bin" -o "$tmp/no/such/dir/out.jsonl" "$story" 2>"$tmp/err"; rc=$?
check "-o in a missing directory exits 2 (got $rc)" test $rc = 2
check "-o in a missing directory says so: $(cat "$tmp/err")" \
  grep -q "directory $tmp/no/such/dir does not exist" "$tmp/err"
mkdir "$tmp/adir"
"$bin" -o "$tmp/adir" "$story" 2>"$tmp/err"; rc=$?
check "-o a directory exits 2 (got $rc)" test $rc = 2
check "-o a directory says so: $(cat "$tmp/err")" grep -qi 'is a directory' "$tmp/err"

# 2. A full disk is an output error: exit 2, and the message says so.
"$bin" -o /dev/full "$story" 2>"$tmp/err"; rc=$?
check "-o /dev/full exits 2 (got $rc)" test $rc = 2
check "-o /dev/full says the disk is full: $(cat "$tmp/err")" \
  grep -qiE 'no space|disk is full' "$tmp/err"
"$bin" "$story" >/dev/full 2>"$tmp/err"; rc=$?
check "stdout on /dev/full exits 2 (got $rc)" test $rc = 2
"$bin" -o /dev/null "$story" 2>/dev/null; rc=$?
check "-o /dev/null exits 0 (got $rc)" test $rc = 0

# 3. A directory as input is named as a directory; the other inputs go on; exit 1.
"$bin" "$tmp/adir" "$story" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "directory input: exit 1 (got $rc)" test $rc = 1
check "directory input named as a directory: $(cat "$tmp/err")" \
  grep -q "$tmp/adir: is a directory" "$tmp/err"
check "directory input: other inputs processed" cmp -s "$tmp/expected.jsonl" "$tmp/out"

# 4. JSON Lines given as text: read as text (exit code unchanged) with a warning that names
# the document and the option; a plain story or a JSON-looking story without "text" is not.
printf '{"id": "a", "text": "x"}\n\n“We have won the vote,” Ann Lee said on Monday.\n' \
  > "$tmp/stories.jsonl"
cp "$tmp/stories.jsonl" "$tmp/stories.txt"
for f in stories.jsonl stories.txt; do
  "$bin" "$tmp/$f" >"$tmp/out" 2>"$tmp/err"; rc=$?
  check "$f as text: exit 0 (got $rc)" test $rc = 0
  check "$f as text: warned, naming it and --input jsonl: $(cat "$tmp/err")" \
    grep -q "warning: document $tmp/$f looks like JSON Lines.*--input jsonl" "$tmp/err"
  check "$f as text: still read as text" test -s "$tmp/out"
done
"$bin" --input jsonl "$tmp/stories.jsonl" >/dev/null 2>"$tmp/err"
check "--input jsonl: no JSON Lines warning: $(cat "$tmp/err")" \
  bash -c "! grep -q 'JSON Lines' '$tmp/err'"
printf '{"note": "a config"}\n' > "$tmp/conf.txt"
"$bin" "$story" "$tmp/conf.txt" >/dev/null 2>"$tmp/err"
check "a story, or JSON without \"text\": no warning: $(cat "$tmp/err")" \
  bash -c "! grep -q 'JSON Lines' '$tmp/err'"

# 5. Rule errors start the line with file:line:col.
printf 'rule x.bad prio=50 : QUOTE SPEAKER:(Cap+\n' > "$tmp/broken.tokens"
"$bin" --rules "$tmp/broken.tokens" "$story" >/dev/null 2>"$tmp/err"; rc=$?
check "broken rule file exits 2 (got $rc)" test $rc = 2
check "rule error line starts with file:line:col: error: $(head -c 300 "$tmp/err")" \
  grep -qE "^$tmp/broken\\.tokens:1:[0-9]+: error: " "$tmp/err"


if [ $fail = 0 ]; then echo "output safety: ok"; fi
exit $fail
