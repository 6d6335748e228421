#!/usr/bin/env python3
"""--per-document: one JSON line per input story, in input order (also with -j), also for a
story without quotes and for one that failed, so that a pipeline can join outputs to inputs
one to one and knows when a story is done.

Usage: per_document.py WHOSAID
"""
import json
import subprocess
import sys

from pipe_util import LIMIT, check, failures, read_line

WHOSAID = sys.argv[1]


def story(i):
    return {"id": f"s{i}", "n": i,
            "text": f"“Story {i} is out,” Ana Ruiz said. Later she added: “Number {i} is done.”"}


def quiet_story(i):
    return {"id": f"s{i}", "n": i, "text": "Nothing was said here."}


def batch(jobs, n=200):
    lines, expected = [], []
    for i in range(n):
        if i % 7 == 3:
            lines.append(json.dumps(quiet_story(i)))
            expected.append(("s%d" % i, 0, None))
        elif i % 11 == 5:
            lines.append("{not json")
            expected.append((None, 0, "error"))
        else:
            lines.append(json.dumps(story(i), ensure_ascii=False))
            expected.append(("s%d" % i, 2, None))
    out = subprocess.run([WHOSAID, "--input", "jsonl", "--per-document", "-j", str(jobs)],
                         input=("\n".join(lines) + "\n").encode(), capture_output=True,
                         timeout=5 * LIMIT)
    check(out.returncode == 1, f"-j{jobs}: bad lines give exit 1, got {out.returncode}")
    got = [json.loads(l) for l in out.stdout.decode().splitlines()]
    check(len(got) == n, f"-j{jobs}: {len(got)} lines for {n} stories")
    for i, (rec, (doc, quotes, error)) in enumerate(zip(got, expected)):
        check(list(rec)[:2] == ["doc", "meta"], f"-j{jobs}: line {i} starts with doc, meta: {rec}")
        check(isinstance(rec.get("quotes"), list) and isinstance(rec.get("speakers"), list),
              f"-j{jobs}: line {i} has quotes and speakers lists")
        if error:
            check("error" in rec and rec["doc"] == f"-:{i + 1}" and rec["quotes"] == [],
                  f"-j{jobs}: a bad line is a line with error: {rec}")
            check(f"line {i + 1}" in rec.get("error", ""), f"-j{jobs}: error names the line")
            continue
        check(rec["doc"] == doc and "error" not in rec, f"-j{jobs}: line {i} is {doc}: {rec}")
        check(rec["meta"] == {"n": i}, f"-j{jobs}: meta carried: {rec['meta']}")
        check(len(rec["quotes"]) == quotes, f"-j{jobs}: {doc} has {quotes} quotes")
        check(all(q["doc"] == doc for q in rec["quotes"]), f"-j{jobs}: quotes are {doc}'s")
        if quotes:
            check(rec["speakers"] and rec["speakers"][0]["name"] == "Ana Ruiz",
                  f"-j{jobs}: speakers as in --format json: {rec['speakers']}")
        else:
            check(rec["speakers"] == [], f"-j{jobs}: no speakers for a quiet story")


def interactive(jobs):
    """A story without quotes gets its line while the input is still open."""
    proc = subprocess.Popen([WHOSAID, "--input", "jsonl", "--per-document", "-j", str(jobs)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    for i, s in enumerate([quiet_story(0), story(1), quiet_story(2)]):
        proc.stdin.write((json.dumps(s, ensure_ascii=False) + "\n").encode())
        proc.stdin.flush()
        line = read_line(proc, LIMIT)
        check(line is not None, f"-j{jobs}: story {i} not answered while the input is open")
        if line is None:
            proc.kill()
            return
        check(json.loads(line)["doc"] == s["id"], f"-j{jobs}: expected {s['id']}: {line}")
    proc.stdin.close()
    check(proc.stdout.read() == b"", f"-j{jobs}: nothing after the last story")
    proc.wait(timeout=LIMIT)
    check(proc.returncode == 0, f"-j{jobs}: exit code {proc.returncode}")


def text_files():
    """Text inputs: one line per file, a missing one a line with error."""
    story_path = "examples/council_vote.txt"
    out = subprocess.run([WHOSAID, "--per-document", story_path, "no/such/file.txt", story_path],
                         capture_output=True, timeout=LIMIT)
    got = [json.loads(l) for l in out.stdout.decode().splitlines()]
    check(out.returncode == 1, f"text files: exit 1, got {out.returncode}")
    check([g["doc"] for g in got] == [story_path, "no/such/file.txt", story_path],
          f"text files: one line each, in order: {[g['doc'] for g in got]}")
    check(got and got[0]["meta"] is None and got[0]["quotes"], "text files: meta null, quotes")
    check(len(got) == 3 and "cannot open" in got[1].get("error", ""), "missing file: error line")
    plain = subprocess.run([WHOSAID, story_path], capture_output=True, timeout=LIMIT)
    records = [json.loads(l) for l in plain.stdout.decode().splitlines()]
    check(got and got[0]["quotes"] == records, "quotes are the usual records")


def formats():
    for fmt in ("csv", "json"):
        out = subprocess.run([WHOSAID, "--per-document", "--format", fmt,
                              "examples/council_vote.txt"], capture_output=True, timeout=LIMIT)
        check(out.returncode == 2 and b"--per-document" in out.stderr,
              f"--per-document --format {fmt}: exit 2 with a message, got {out.returncode}")
    out = subprocess.run([WHOSAID, "--help"], capture_output=True, timeout=LIMIT)
    check(b"--per-document" in out.stdout, "--help mentions --per-document")


for jobs in (1, 3):
    batch(jobs)
    interactive(jobs)
text_files()
formats()
if failures:
    sys.exit(1)
print("per-document: ok")
