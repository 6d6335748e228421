#!/usr/bin/env bash
# Whole-story golden tests: each story in examples/ gives exactly its pinned JSONL.
# To re-pin after an intended change: for f in examples/*.txt; do
#   build/whosaid "$f" > tests/golden/$(basename "$f" .txt).jsonl; done   (and review the diff)
set -u
bin=$1
fail=0
for story in examples/*.txt; do
  name=$(basename "$story" .txt)
  golden=tests/golden/$name.jsonl
  if [ ! -f "$golden" ]; then echo "no golden file for $story"; fail=1; continue; fi
  if ! diff -u "$golden" <("$bin" "$story"); then
    echo "FAIL: $story differs from $golden"
    fail=1
  fi
done
[ $fail = 0 ] && echo "golden: all stories match"
exit $fail
