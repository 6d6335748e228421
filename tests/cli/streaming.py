#!/usr/bin/env python3
"""The streaming contract that pipeline engines (GNU parallel --pipe, Spark RDD.pipe, Hadoop
Streaming) rely on, checked on the real binary:

  * results for a document come out while the input is still open (no buffering until end
    of input): the test writes one story, waits for its records, only then writes the next;
  * one JSON object per output line; the records of one document are contiguous and the
    documents come out in input order, with -j1 and with several workers;
  * a reader that closes the pipe early (`| head -n 1`) ends the run quietly.

Usage: streaming.py WHOSAID
"""
import json
import subprocess
import sys

from pipe_util import LIMIT, check, failures, read_line

WHOSAID = sys.argv[1]


def story(i):
    # Every story has two quotes, so that each document gives two records.
    return {
        "id": f"s{i}",
        "text": f"“Story {i} is out,” Ana Ruiz said. Later she added: “Number {i} is done.”",
    }


def interactive(jobs):
    proc = subprocess.Popen(
        [WHOSAID, "--input", "jsonl", "--format", "jsonl", "-j", str(jobs)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    for i in range(3):
        proc.stdin.write((json.dumps(story(i), ensure_ascii=False) + "\n").encode())
        proc.stdin.flush()
        # The input stays open: the two records of story i must arrive anyway.
        for k in range(2):
            line = read_line(proc, LIMIT)
            check(line is not None,
                  f"-j{jobs}: record {k} of story {i} not written while the input is open")
            if line is None:
                proc.kill()
                return
            rec = json.loads(line)
            check(rec.get("doc") == f"s{i}", f"-j{jobs}: expected a record of s{i}, got {line}")
    proc.stdin.close()
    rest = proc.stdout.read().decode()
    proc.wait(timeout=LIMIT)
    check(rest == "", f"-j{jobs}: unexpected output after the last story: {rest!r}")
    check(proc.returncode == 0, f"-j{jobs}: exit code {proc.returncode}")


def batch(jobs, n=300):
    """Many stories at once: one JSON object per line, documents contiguous and in order."""
    lines = []
    for i in range(n):
        if i % 7 == 3:  # some stories without any quote give no record at all
            lines.append(json.dumps({"id": f"s{i}", "text": "Nothing was said here."}))
        else:
            lines.append(json.dumps(story(i), ensure_ascii=False))
    out = subprocess.run([WHOSAID, "--input", "jsonl", "--format", "jsonl", "-j", str(jobs)],
                         input=("\n".join(lines) + "\n").encode(), capture_output=True,
                         timeout=5 * LIMIT)
    check(out.returncode == 0, f"batch -j{jobs}: exit code {out.returncode}")
    order = []
    for line in out.stdout.decode().split("\n")[:-1]:
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            check(False, f"batch -j{jobs}: not one JSON object per line: {line[:200]!r}")
            return
        check(isinstance(rec, dict), f"batch -j{jobs}: line is not an object")
        if not order or order[-1] != rec["doc"]:
            order.append(rec["doc"])
    expected = [f"s{i}" for i in range(n) if i % 7 != 3]
    check(order == expected,
          f"batch -j{jobs}: documents not contiguous or not in input order: {order[:20]}")


def closed_reader():
    """`whosaid … | head -n 1`: the run stops early and quietly. Stories are written until
    whosaid goes away (the pipe breaks); a run that does not stop would read them all."""
    proc = subprocess.Popen(
        ["bash", "-c",
         f"'{WHOSAID}' --input jsonl --format jsonl -j 2 | head -n 1; exit ${{PIPESTATUS[0]}}"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    chunk = "".join(json.dumps(story(i), ensure_ascii=False) + "\n" for i in range(1000)).encode()
    max_chunks = 2000  # 2 million stories, some 200 MB: far more than a stopped run reads
    written = 0
    try:
        while written < max_chunks:
            proc.stdin.write(chunk)
            written += 1
        proc.stdin.close()
    except BrokenPipeError:
        pass
    out, err = proc.communicate(timeout=LIMIT)
    check(written < max_chunks, "the run did not stop when its reader went away")
    check(out.decode().count("\n") == 1, "head -n 1 should print one line")
    check(proc.returncode == 0, f"a closed stdout should end the run with exit code 0, got {proc.returncode}")
    check(err.decode() == "", f"a closed stdout is not an error: {err[:300]!r}")


for jobs in (1, 2):
    interactive(jobs)
    batch(jobs)
closed_reader()
if failures:
    sys.exit(1)
print("streaming contract: ok")
