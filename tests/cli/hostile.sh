#!/usr/bin/env bash
# CLI test of hostile and odd input (issue 6): every bad document gets a message naming it
# (and the byte offset, or file:line:col for rule files), the other documents are still
# processed and written, and the exit code says so (0 all done, 1 some failed, 2 config).
# Every record written is checked against its document: Python text[start:end] == quote and
# bytes[byte_start:byte_end] decodes to it. Usage: hostile.sh path/to/whosaid
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
fail=0
pass=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=1; }

# run NAME ARGS...: runs whosaid; sets $rc, output in NAME.out/NAME.err. No time limit: how
# fast the large inputs go depends on the machine and belongs in `make bench-adversarial`;
# CTest's per-test timeout (tests/CMakeLists.txt) only catches a hang.
run() {
  local name=$1; shift
  "$bin" "$@" >"$name.out" 2>"$name.err"
  rc=$?
}
expect_rc() {  # expect_rc NAME WANT
  if [ "$rc" = "$2" ]; then ok; else bad "$1: exit code $rc, expected $2; stderr: $(head -c 600 "$1.err")"; fi
}
expect_err() {  # expect_err NAME REGEX: stderr must have a line matching REGEX (grep -E)
  if grep -Eq -- "$2" "$1.err"; then ok; else bad "$1: stderr lacks /$2/; got: $(head -c 600 "$1.err")"; fi
}
expect_no_err() {  # expect_no_err NAME REGEX
  if grep -Eq -- "$2" "$1.err"; then bad "$1: stderr should not match /$2/: $(head -c 600 "$1.err")"; else ok; fi
}
# check_records NAME [--lenient] [DOC=MIN_RECORDS...]: every record is valid JSON with
# offsets that match its document file; each DOC named has at least MIN records.
check_records() {
  local name=$1; shift
  if python3 - "$name.out" "$@" <<'PY'; then ok; else bad "$name: records check (see above)"; fi
import json, os, sys
out, args = sys.argv[1], sys.argv[2:]
lenient = "--lenient" in args
want = dict(a.split("=", 1) for a in args if "=" in a)
counts, problems, cache = {}, [], {}
with open(out, "rb") as f:
    for n, raw in enumerate(f, 1):
        try:
            r = json.loads(raw)
        except ValueError as e:
            problems.append(f"line {n}: not JSON: {e}"); continue
        doc = r["doc"]
        counts[doc] = counts.get(doc, 0) + 1
        if not os.path.isfile(doc):
            continue  # a JSONL id
        if doc not in cache:
            b = open(doc, "rb").read()
            cache[doc] = (b, b.decode("utf-8", "replace" if lenient else "strict"))
        b, text = cache[doc]
        if text[r["start"]:r["end"]] != r["quote"]:
            problems.append(f"line {n}: {doc}: text[{r['start']}:{r['end']}] != quote")
        if b[r["byte_start"]:r["byte_end"]].decode("utf-8", "replace") != r["quote"]:
            problems.append(f"line {n}: {doc}: bytes[{r['byte_start']}:{r['byte_end']}] != quote")
for doc, m in want.items():
    if counts.get(doc, 0) < int(m):
        problems.append(f"{doc}: {counts.get(doc, 0)} records, expected at least {m}")
for p in problems[:10]:
    print("   ", p)
sys.exit(1 if problems else 0)
PY
}

# A good story, processed next to every hostile one.
printf '%s\n' '“We will rebuild the mill before the winter comes,” said Mayor Ann Lee.' >good.txt

python3 - <<'PY'
open("empty.txt", "wb").write(b"")
# 100 MB, no newline (one paragraph): filler with a real quote every 74 KB.
unit = "the tide came in and went out again; "
quote = "“The river will rise again before the end of this week,” said Mayor Ann Lee. "
body = unit * 2000 + quote
n = 100 * 1024 * 1024 // len(body.encode())
open("huge.txt", "w", encoding="utf-8").write(body * n)
open("marks.txt", "w").write('"' * 1_000_000)
# Deeply nested, then alternating marks, then an unclosed run.
nested = "“‘" * 5000 + "deep" + "’”" * 5000
alt = "“”‘’«»„“‚‘「」『』\"'" * 3000
open("nested.txt", "w", encoding="utf-8").write(
    nested + "\n\n" + alt + "\n\n" + "“‘“‘“‘ never closed" * 2000 +
    "\n\n“Now a real one with six words,” said Bo Park.\n")
open("nul.txt", "wb").write(
    b"\x00\x00Lead.\x00 \xe2\x80\x9cThe vote was \x00 close to a tie today,\xe2\x80\x9d said Ann Lee.\x00\n")
open("bom.txt", "wb").write(
    "\ufeff“The bridge stays shut until the inspectors are done,” said Bo Park.\n".encode())
open("latin1.txt", "wb").write("Caf\u00e9 owner said: “Nothing changes here,” Ann Lee said.".encode("latin-1", "replace"))
open("utf16.txt", "wb").write("\ufeff“We are ready to sign the deal today,” said Ann Lee.".encode("utf-16-le"))
open("overlong.txt", "wb").write(b"Slash \xc0\xaf here. \xe2\x80\x9cQuote text of the story,\xe2\x80\x9d said Bo Park.")
open("surrogate.txt", "wb").write(b"Half a pair: \xed\xa0\x80 here, and more.")
PY
# Byte offsets of the first bad byte in each.
lat_off=$(python3 -c 'print(open("latin1.txt","rb").read().index(b"\xe9"))')

# 1. Empty document: no records, not an error; the good story is written.
run empty empty.txt good.txt
expect_rc empty 0
check_records empty good.txt=1
grep -q '"doc":"empty.txt"' empty.out && bad "empty: records for an empty document"

# 2. 100 MB without a newline: every quote found, the others still written.
run huge huge.txt good.txt
expect_rc huge 0
check_records huge good.txt=1 huge.txt=1415

# 3. One million straight quote marks.
run marks marks.txt good.txt
expect_rc marks 0
check_records marks good.txt=1

# 4. Deeply nested, alternating and unclosed marks.
run nested nested.txt good.txt
expect_rc nested 0
check_records nested good.txt=1 nested.txt=1
run nested_all --all-marks nested.txt
expect_rc nested_all 0
check_records nested_all nested.txt=1

# 5. NUL bytes are text: the quote is found and NUL is escaped in JSON.
run nul nul.txt good.txt
expect_rc nul 0
check_records nul nul.txt=1 good.txt=1

# 6. A UTF-8 BOM is skipped but counts as one code point (as Python reads the file).
run bom bom.txt good.txt
expect_rc bom 0
check_records bom bom.txt=1 good.txt=1
# BOM (1 code point, 3 bytes) + “ (1 code point, 3 bytes): the quote starts at 2, byte 6.
grep -q '"doc":"bom.txt".*"start":2,.*"byte_start":6,' bom.out && ok ||
  bad "bom: quote should start at code point 2, byte 6: $(head -c 300 bom.out)"

# 7. Latin-1, UTF-16, overlong and surrogate bytes: rejected with the byte offset; the
# good story (named between them) is still written; exit 1.
run enc latin1.txt good.txt utf16.txt overlong.txt surrogate.txt
expect_rc enc 1
expect_err enc "document latin1\.txt: invalid UTF-8 at byte $lat_off\b"
expect_err enc 'document utf16\.txt: invalid UTF-8 at byte 0\b'
expect_err enc 'document overlong\.txt: invalid UTF-8 at byte 6\b'
expect_err enc 'document surrogate\.txt: invalid UTF-8 at byte 13\b'
check_records enc good.txt=1
# ... and read with U+FFFD under --lenient: a warning names each, exit 0.
run enc_lenient --lenient latin1.txt utf16.txt overlong.txt surrogate.txt good.txt
expect_rc enc_lenient 0
expect_err enc_lenient 'document latin1\.txt: .*U\+FFFD'
expect_err enc_lenient 'document overlong\.txt: .*U\+FFFD'
check_records enc_lenient --lenient good.txt=1 overlong.txt=1

# 8. JSONL: broken lines, missing and non-string text, a 50 MB line, duplicate ids.
python3 - <<'PY'
import json
q = "“We will rebuild the mill before the winter comes,” said Mayor Ann Lee."
lines = [
    json.dumps({"id": "d1", "text": q}),
    '{"id": "d2", "text": "unterminated',
    json.dumps({"id": "d3"}),
    json.dumps({"id": "d4", "text": 42}),
    json.dumps({"id": "d5", "text": None}),
    "[1, 2, 3]",
    json.dumps({"id": "big", "text": "filler words here. " * (50 * 1024 * 1024 // 19) + q}),
    json.dumps({"id": "d1", "text": q.replace("mill", "dam")}),
    '{"id": "d7", "text": "bad \xff byte"}',
    json.dumps({"id": "d8", "text": q}),
]
with open("stream.jsonl", "wb") as f:
    for l in lines:
        f.write((l if isinstance(l, bytes) else l.encode("utf-8", "surrogateescape")) + b"\n")
PY
# line 9 has a raw 0xFF byte
python3 -c '
b=open("stream.jsonl","rb").read().replace(b"bad \xc3\xbf byte", b"bad \xff byte")
open("stream.jsonl","wb").write(b)'
run jsonl --input jsonl stream.jsonl
expect_rc jsonl 1
expect_err jsonl 'stream\.jsonl: line 2: '
expect_err jsonl 'stream\.jsonl: line 3: no string field "text"'
expect_err jsonl 'stream\.jsonl: line 4: no string field "text"'
expect_err jsonl 'stream\.jsonl: line 5: no string field "text"'
expect_err jsonl 'stream\.jsonl: line 6: '
expect_err jsonl 'stream\.jsonl: line 9: '
expect_no_err jsonl 'line (1|7|8|10):'
check_records jsonl d1=2 big=1 d8=1
n=$(grep -c '"doc":"d1"' jsonl.out)
[ "$n" = 2 ] && ok || bad "jsonl: both documents with the duplicate id d1 should be written (got $n)"
# The same stream from stdin.
"$bin" --input jsonl - <stream.jsonl >stdin.out 2>stdin.err; rc=$?
expect_rc stdin 1
expect_err stdin '(-|stdin).*line 3: no string field "text"'

# 9. --max-doc-bytes: the large document is named with the limit, the small one written.
run limit --max-doc-bytes 1000 huge.txt good.txt
expect_rc limit 1
expect_err limit 'document huge\.txt\b.*limit of 1000\b'
check_records limit good.txt=1
run limit_jsonl --max-doc-bytes 1000 --input jsonl stream.jsonl
expect_rc limit_jsonl 1
expect_err limit_jsonl 'stream\.jsonl: line [0-9]+: document big is larger than the limit of 1000 bytes'
check_records limit_jsonl d8=1

# 10. Broken rule files: file:line:col and exit 2, nothing extracted.
printf '# a pattern that does not close\nrule t.open prio=10 : QUOTE "," SPEAKER:(Cap+ said\n' >open.tokens
printf 'rule t.list prio=10 : QUOTE "," CUE:@no_such_list SPEAKER:Cap+\n' >list.tokens
printf 'define AA = a {BB}\ndefine BB = b {AA}\nrule t.cyc prio=10 : QUOTE "," said SPEAKER:({AA})\n' >cyc.tokens
printf 'rule t.big prio=10 : QUOTE "," said SPEAKER:((Cap{1000}){1000})\n' >big.tokens
for r in open list cyc big; do
  run "tokens_$r" good.txt --rules "$r.tokens"
  expect_rc "tokens_$r" 2
  [ -s "tokens_$r.out" ] && bad "tokens_$r: output written despite a broken rule file"
done
expect_err tokens_open '^open\.tokens:2:[0-9]+: error: '
expect_err tokens_list '^list\.tokens:1:[0-9]+: error: .*no_such_list'
expect_err tokens_cyc '^cyc\.tokens:[1-3]:[0-9]+: error: .*(cycle|itself)'
expect_err tokens_big '^big\.tokens:1:[0-9]+: error: '
# A character rule file of the earlier engine is named, not skipped.
printf 'rule t.old prio=10 : {QUOTE}, {SPEAKER} said\n' >old.rules
run tokens_chars_file good.txt --rules old.rules
expect_rc tokens_chars_file 2
expect_err tokens_chars_file 'old\.rules: not a token rule file'

echo "hostile.sh: $pass checks passed"
if [ $fail != 0 ]; then echo "hostile.sh: FAILED"; exit 1; fi
