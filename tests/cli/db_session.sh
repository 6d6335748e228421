#!/usr/bin/env bash
# CLI test of `whosaid db`: ingest the examples, ingest again (nothing changes), search,
# speakers, quotes, export (= the extractor's own records), import round trip, and the exit
# codes for bad input and database errors. Usage: db_session.sh path/to/whosaid
set -u
bin=$1
tmp=$(mktemp -d)
trap 'umount "$tmp/full" 2>/dev/null; rm -rf "$tmp"' EXIT
db=$tmp/quotes.sqlite
fail=0
check() {  # check DESCRIPTION COMMAND...: the command must succeed
  local what=$1; shift
  if ! "$@"; then echo "FAIL: $what"; fail=1; fi
}

stories=$(ls examples/*.txt | wc -l)  # the golden stories; more are added over time
out=$("$bin" db ingest --db "$db" examples/*.txt 2>"$tmp/err"); rc=$?
check "ingest exits 0 (got $rc: $(cat "$tmp/err"))" test $rc = 0
check "ingest summary: $out" grep -q "^$stories documents stored ($stories new, 0 changed, 0 unchanged)" <<<"$out"
again=$("$bin" db ingest --db "$db" examples/*.txt)
check "re-ingest: $again" grep -q "(0 new, 0 changed, $stories unchanged)" <<<"$again"
check "re-ingest keeps the counts" test "${out#*;}" = "${again#*;}"
# Unchanged stories are not extracted again: -v says so for each, and extraction options
# given now (--no-indirect) change nothing, until --reextract extracts them again.
again=$("$bin" db ingest --db "$db" examples/*.txt --no-indirect -v 2>"$tmp/err")
check "re-ingest skips the $stories stories: $(grep -c 'not extracted again' "$tmp/err")" test "$(grep -c 'not extracted again' "$tmp/err")" = "$stories"
check "a skipped story keeps its summary counts: $again" test "${out#*;}" = "${again#*;}"
check "skipped stories were not extracted (their indirect quotes stay)" test -n "$("$bin" db export --db "$db" | grep '"type":"indirect"')"
again=$("$bin" db ingest --db "$db" examples/*.txt --no-indirect --reextract -v 2>"$tmp/err")
check "--reextract extracts them: $again" test "$(grep -c 'not extracted again' "$tmp/err")" = 0 -a -n "$(grep "(0 new, 0 changed, $stories unchanged)" <<<"$again")"
check "--reextract with --no-indirect drops the indirect quotes" test -z "$("$bin" db export --db "$db" | grep '"type":"indirect"')"
"$bin" db ingest --db "$db" examples/*.txt --reextract >/dev/null
# A story whose text changed is extracted again.
cp examples/council_vote.txt "$tmp/story.txt"
"$bin" db ingest --db "$tmp/changed.sqlite" "$tmp/story.txt" >/dev/null
printf '\n“We changed the text of this story,” said Ivo Brannigan, an editor.\n' >>"$tmp/story.txt"
changed=$("$bin" db ingest --db "$tmp/changed.sqlite" "$tmp/story.txt" -v 2>"$tmp/err")
check "changed text is extracted again: $changed" grep -q '(0 new, 1 changed, 0 unchanged)' <<<"$changed"
check "and its new quote is stored" grep -q '"speaker":"Ivo Brannigan"' <<<"$("$bin" db search --db "$tmp/changed.sqlite" '"changed the text"')"

# Export is exactly what the extractor writes, plus quote ids.
"$bin" examples/*.txt >"$tmp/extract.jsonl"
"$bin" db export --db "$db" | sed 's/,"quote_id":[0-9]*}$/}/' >"$tmp/export.jsonl"
check "export equals extract output" cmp -s "$tmp/extract.jsonl" "$tmp/export.jsonl"
"$bin" db export --db "$db" --format csv >"$tmp/export.csv"
check "csv export has a header" grep -q '^doc,quote,start,end,.*,quote_id' "$tmp/export.csv"

# Import of those records builds the same database.
out=$("$bin" db import --db "$tmp/imported.sqlite" "$tmp/extract.jsonl"); rc=$?
check "import exits 0 ($out)" test $rc = 0
"$bin" db export --db "$tmp/imported.sqlite" | sed 's/,"quote_id":[0-9]*}$/}/' >"$tmp/reexport.jsonl"
check "import round trip" cmp -s "$tmp/extract.jsonl" "$tmp/reexport.jsonl"

# The import summary's failure count and the exit code agree: a line that names no
# document, a document with a bad record and a missing file are 3 failures, exit 1.
{ cat "$tmp/extract.jsonl"; echo 'not json'; echo '{"doc":"half","quote":7}'; } >"$tmp/mixed.jsonl"
out=$("$bin" db import --db "$tmp/mixed.sqlite" "$tmp/mixed.jsonl" "$tmp/none.jsonl" 2>"$tmp/err"); rc=$?
check "import of bad records exits 1 (got $rc)" test $rc = 1
check "and counts them: $out" grep -q ', 3 failed;' <<<"$out"
out=$("$bin" db import --db "$tmp/mixed.sqlite" "$tmp/extract.jsonl" 2>"$tmp/err"); rc=$?
check "a clean import says 0 failed and exits 0 (got $rc: $out)" test $rc = 0 -a -n "$(grep ', 0 failed;' <<<"$out")"

# Search: phrase, prefix, speaker, syntax characters.
out=$("$bin" db search --db "$db" '"two numbers"')
check "phrase search finds Mark Hill" grep -q '"speaker":"Mark Hill"' <<<"$out"
out=$("$bin" db search --db "$db" 'pipe*' --speaker 'hannah cole' --format csv)
check "prefix search with speaker, csv" test "$(grep -c 'Hannah Cole' <<<"$out")" = 2
for q in 'U.S.' '"' '(' 'a OR' 'NEAR(x' '*' 'col:umn' "it's"; do
  "$bin" db search --db "$db" "$q" >/dev/null 2>"$tmp/err"; rc=$?
  check "search '$q' exits 0 (got $rc: $(cat "$tmp/err"))" test $rc = 0
done
"$bin" db search --db "$db" petition --format json | python3 -c 'import json,sys; assert json.load(sys.stdin)[0]["speaker"] == "Rosa Delgado"'
check "json search output parses" test $? = 0

out=$("$bin" db speakers --db "$db" --format text)
check "speakers list Lena Ortiz with her role" grep -q 'Lena Ortiz: 4 quotes' <<<"$out"
out=$("$bin" db quotes --db "$db" --speaker 'Rosa Delgado')
check "quotes of a speaker" test "$(wc -l <<<"$out")" = 4

# JSONL input: metadata is stored, --since filters by it; extraction options fall through.
python3 - "$tmp/stories.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], 'w') as f:
    for i, (name, day) in enumerate([('council_vote', '2024-01-05'), ('interview_water', '2024-03-09T10:00:00Z')]):
        f.write(json.dumps({'id': 'web-%d' % i, 'text': open('examples/%s.txt' % name).read(),
                            'url': 'https://example.org/%s' % name, 'published': day,
                            'outlet': 'Example Daily', 'title': name}) + '\n')
PY
out=$("$bin" db ingest --db "$tmp/web.sqlite" --input jsonl "$tmp/stories.jsonl" -j 2 --no-indirect); rc=$?
check "jsonl ingest with extraction options ($rc: $out)" test $rc = 0
out=$("$bin" db search --db "$tmp/web.sqlite" the --since 2024-02-01 --limit 0)
check "--since keeps the March story" grep -q '"published":"2024-03-09T10:00:00Z","outlet":"Example Daily","title":"interview_water","url":"https://example.org/interview_water"' <<<"$out"
check "--since drops the January story" test -z "$(grep 'web-0' <<<"$out")"
check "--no-indirect fell through" test -z "$("$bin" db export --db "$tmp/web.sqlite" | grep '"type":"indirect"')"

# Many writers creating the same new file at once: every one succeeds (the schema is
# created and checked in one transaction, a busy database is waited out). 8 imports at a
# time into each of 20 new files; the outcome does not depend on how fast the machine is.
conc_fail=0
for round in $(seq 1 20); do
  pids=()
  for i in 1 2 3 4 5 6 7 8; do
    "$bin" db import --db "$tmp/conc$round.sqlite" "$tmp/extract.jsonl" >"$tmp/conc.$round.$i" 2>&1 &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || conc_fail=$((conc_fail + 1)); done
done
check "160 concurrent imports into 20 new files all succeed ($conc_fail failed: $(cat "$tmp"/conc.* | grep -m1 error))" test $conc_fail = 0
check "each file holds the $stories documents once" test "$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM documents").fetchone()[0])' "$tmp/conc7.sqlite")" = "$stories"
# The same with db ingest (which also compiles the rules): 2 rounds of 4 at once.
for round in 1 2; do
  pids=()
  for i in 1 2 3 4; do
    "$bin" db ingest --db "$tmp/conc-ingest$round.sqlite" examples/*.txt >"$tmp/conc.i$round.$i" 2>&1 &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || conc_fail=$((conc_fail + 1)); done
done
check "8 concurrent ingests into 2 new files all succeed ($conc_fail failed: $(cat "$tmp"/conc.i* | grep -m1 error))" test $conc_fail = 0
rm -f "$tmp"/conc*

# db delete: a retracted story goes, with the quotes and speakers only it had.
cp "$db" "$tmp/del.sqlite"
out=$("$bin" db delete --db "$tmp/del.sqlite" --doc examples/council_vote.txt 2>"$tmp/err"); rc=$?
check "delete exits 0 (got $rc: $(cat "$tmp/err"))" test $rc = 0
check "delete summary: $out" grep -q "^1 document deleted (7 quote occurrences; 7 quotes and 3 speakers that no other story has went with them), 0 not found; the database holds $((stories - 1)) documents" <<<"$out"
check "its quotes are no longer found" test -z "$("$bin" db search --db "$tmp/del.sqlite" petition)"
check "its speakers are gone" test -z "$("$bin" db speakers --db "$tmp/del.sqlite" --format text | grep 'Rosa Delgado')"
check "the other stories stay" test "$("$bin" db export --db "$tmp/del.sqlite" | grep -c '"doc":"examples/council_vote.txt"')" = 0 -a "$("$bin" db export --db "$tmp/del.sqlite" | wc -l)" = "$(($(wc -l <"$tmp/extract.jsonl") - 7))"
out=$("$bin" db delete --db "$tmp/del.sqlite" --doc examples/council_vote.txt examples/feature_clinic.txt 2>"$tmp/err"); rc=$?
check "deleting an id that is not stored exits 1 (got $rc)" test $rc = 1
check "and names it: $(cat "$tmp/err")" grep -q 'document examples/council_vote.txt is not in' "$tmp/err"
check "the other id is deleted: $out" grep -q '^1 document deleted .*, 1 not found' <<<"$out"
"$bin" db delete --db "$tmp/del.sqlite" >/dev/null 2>&1; rc=$?
check "delete without --doc exits 2 (got $rc)" test $rc = 2
"$bin" db delete --db "$tmp/missing-dir/x.sqlite" --doc a >/dev/null 2>&1; rc=$?
check "delete on a database that cannot be opened exits 2 (got $rc)" test $rc = 2

# Generic speakers stay inside their story: "police", "a spokesman" and "one official" of a
# story about a boatyard and of one about a bakery are six speakers, each quoted once; "the
# company" is each story's firm (its lead's subject); John Smith of both stories is one
# speaker whose two roles tell them apart.
cat >"$tmp/firm_boats.txt" <<'STORY'
Harbor Marine Works laid off forty welders on Monday, the second cut this year.

"We do not comment on rumors about a sale," the company said in a statement.

"Nobody was hurt and the road will reopen tonight," police said.

"The yard is quieter than it has been in a decade," a spokesman said.

"The permits were signed last week," one official said.

"Orders for the spring are still coming in," said John Smith, a welder at the yard.
STORY
sed -e 's/^Harbor Marine Works laid off forty welders on Monday, the second cut this year.$/Golden Crust Bakeries will close two shops in the old town next month./' \
    -e 's/"Orders for the spring are still coming in," said John Smith, a welder at the yard/"My customers have come here for thirty years," said John Smith, a senator who owns one of the shops/' \
    "$tmp/firm_boats.txt" >"$tmp/firm_bakery.txt"
"$bin" db ingest --db "$tmp/firms.sqlite" "$tmp/firm_boats.txt" "$tmp/firm_bakery.txt" >/dev/null 2>&1
out=$("$bin" db speakers --db "$tmp/firms.sqlite" --format text)
check "generic speakers are one per story: $out" test "$(grep -c '^\(police\|a spokesman\|one official\) \[of .*\]: 1 quote, quoted once in 1 document$' <<<"$out")" = 6
check "'the company' is each story's firm: $out" test "$(grep -c '^\(Harbor Marine Works\|Golden Crust Bakeries\): 1 quote, quoted once in 1 document$' <<<"$out")" = 2
check "nobody generic is quoted 2 times" test -z "$(grep 'quoted 2 times' <<<"$out" | grep -v '^John Smith')"
check "John Smith is one speaker, in both stories" grep -q '^John Smith: 2 quotes, quoted 2 times in 2 documents$' <<<"$out"
check "with both roles, each with its story" test "$(grep -c '^    a welder at the yard (.*firm_boats.txt)$\|^    a senator who owns one of the shops (.*firm_bakery.txt)$' <<<"$out")" = 2
out=$("$bin" db quotes --db "$tmp/firms.sqlite" --speaker police --format csv)
check "--speaker police finds the police of both stories" test "$(grep -c ',police,' <<<"$out")" = 2
out=$("$bin" db speakers --db "$tmp/firms.sqlite" --format json)
check "json speakers name the story of a generic speaker" python3 -c '
import json, sys
s = json.loads(sys.argv[1])
assert sorted(x["story"] is None for x in s) == [False] * 6 + [True] * 3, s' "$out"

# Exit codes: 1 when a document fails, 2 for usage and database errors.
printf 'bad \xff byte\n' >"$tmp/bad.txt"
"$bin" db ingest --db "$db" "$tmp/bad.txt" examples/council_vote.txt >/dev/null 2>"$tmp/err"; rc=$?
check "a bad document exits 1 (got $rc)" test $rc = 1
check "the bad document is named" grep -q 'bad.txt' "$tmp/err"
"$bin" db search --db "$tmp/missing.sqlite" x >/dev/null 2>&1; rc=$?
check "missing database exits 2 (got $rc)" test $rc = 2
"$bin" db search --db "$db" >/dev/null 2>&1; rc=$?
check "empty search exits 2 (got $rc)" test $rc = 2
"$bin" db search --db "$db" x --since yesterday >/dev/null 2>&1; rc=$?
check "bad --since exits 2 (got $rc)" test $rc = 2
echo 'not a database' >"$tmp/text.sqlite"
"$bin" db ingest --db "$tmp/text.sqlite" examples/council_vote.txt >/dev/null 2>"$tmp/err"; rc=$?
check "a non-database file exits 2 (got $rc)" test $rc = 2
check "and says so" grep -q 'not a SQLite database' "$tmp/err"
"$bin" db speakers --db "$db" stray >/dev/null 2>&1; rc=$?
check "a stray argument exits 2 (got $rc)" test $rc = 2
for sub in ingest import search speakers quotes export migrate delete; do
  "$bin" db $sub --help >/dev/null 2>&1 || { echo "FAIL: db $sub --help"; fail=1; }
done

# A damaged file: writers refuse it (exit 2) and say so; migrate does not report success.
cp "$db" "$tmp/damaged.sqlite"
python3 - "$tmp/damaged.sqlite" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
size = c.execute('PRAGMA page_size').fetchone()[0]
root = c.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'quotes'").fetchone()[0]
c.close()
with open(sys.argv[1], 'r+b') as f:  # the root page's cell count, made impossible
    f.seek((root - 1) * size + 3)
    f.write(b'\xff\xff')
PY
for sub in "ingest examples/council_vote.txt" "migrate" "import $tmp/extract.jsonl"; do
  "$bin" db $sub --db "$tmp/damaged.sqlite" >"$tmp/out" 2>"$tmp/err"; rc=$?
  check "db $sub refuses a damaged file with exit 2 (got $rc: $(cat "$tmp/out"))" test $rc = 2
  check "db ${sub%% *} says it is damaged: $(cat "$tmp/err")" grep -q 'damaged.sqlite: the database file is damaged (PRAGMA quick_check: ' "$tmp/err"
done

# A full disk (a tiny tmpfs, when this user may mount one): "the disk is full", exit 2, for
# the database and for -o output.
mkdir -p "$tmp/full"
if mount -t tmpfs -o size=64k tmpfs "$tmp/full" 2>/dev/null; then
  for filler in 40 64; do  # the file cannot grow; its WAL index cannot be created
    rm -f "$tmp/full"/*
    head -c $((filler * 1024)) /dev/zero >"$tmp/full/filler" 2>/dev/null
    "$bin" db ingest --db "$tmp/full/q.sqlite" examples/*.txt >/dev/null 2>"$tmp/err"; rc=$?
    check "ingest on a full disk ($filler KiB used) exits 2 (got $rc)" test $rc = 2
    check "and says the disk is full: $(cat "$tmp/err")" grep -q 'the disk is full' "$tmp/err"
  done
  "$bin" db export --db "$db" -o "$tmp/full/export.jsonl" >/dev/null 2>"$tmp/err"; rc=$?
  check "export -o onto a full disk exits 2 (got $rc: $(cat "$tmp/err"))" test $rc = 2
  "$bin" db search --db "$db" the --limit 0 -o "$tmp/full/search.jsonl" >/dev/null 2>"$tmp/err"; rc=$?
  check "search -o onto a full disk exits 2 (got $rc: $(cat "$tmp/err"))" test $rc = 2
  umount "$tmp/full"
else
  echo "skip: full-disk checks (cannot mount a tmpfs here)"
fi

# A reader without write access that finds a -wal file with committed transactions but no
# -shm: it must not silently read the file without them (it would see stale data).
wal_dir=$(mktemp -d)
chmod 755 "$wal_dir"
"$bin" db import --db "$wal_dir/w.sqlite" "$tmp/extract.jsonl" >/dev/null
python3 - "$wal_dir/w.sqlite" <<'PY'
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute('PRAGMA wal_autocheckpoint = 0')
c.execute('DELETE FROM occurrences WHERE document_id = (SELECT max(id) FROM documents)')
c.commit()
os._exit(0)  # a writer that never closed: its transaction is in w.sqlite-wal only
PY
rm -f "$wal_dir/w.sqlite-shm"
if [ "$(id -u)" = 0 ]; then
  as_reader=(setpriv --reuid=65534 --regid=65534 --clear-groups)
else
  as_reader=()
  chmod 555 "$wal_dir"
fi
"${as_reader[@]}" "$bin" db export --db "$wal_dir/w.sqlite" >"$tmp/out" 2>"$tmp/err"; rc=$?
rows=$(wc -l <"$tmp/out")
check "a reader that cannot read the WAL fails (exit 2, got $rc with $rows rows)" test $rc = 2
check "and says why: $(cat "$tmp/err")" grep -q 'w.sqlite-wal holds transactions not yet copied' "$tmp/err"
chmod 755 "$wal_dir"
"$bin" db migrate --db "$wal_dir/w.sqlite" >/dev/null 2>&1
rows=$("${as_reader[@]}" "$bin" db export --db "$wal_dir/w.sqlite" | wc -l)
expected=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM occurrences").fetchone()[0])' "$wal_dir/w.sqlite")
all_rows=$(wc -l <"$tmp/extract.jsonl")
check "after a writer opened it, the reader sees the change ($rows rows, $expected expected, $all_rows before)" test "$rows" = "$expected" -a "$rows" -lt "$all_rows"
rm -rf "$wal_dir"

[ $fail = 0 ] && echo "db session: all checks pass"
exit $fail
