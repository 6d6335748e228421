#!/usr/bin/env python3
"""Differential run of the two rule engines (issue 16): the character rules and the token
rules, over the same JSON Lines corpus, record by record.

  bench/engine_diff.py build/whosaid CORPUS.jsonl [--show N]

Prints, for the quotations both engines report, how many have the same speaker, role and
cue, a different one, or a speaker from one engine only, with the deciding rules of each
side for the differences (the most frequent first), and the records only one engine has.
--show N prints N examples of each kind of difference. Exit code 0; it measures, it does
not judge (score.py does, against the gold records).
"""
import argparse
import collections
import json
import signal
import subprocess
import sys

signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when piped into head


def run(binary, corpus, engine):
    with open(corpus, "rb") as f:
        out = subprocess.run([binary, "--input", "jsonl", "--format", "jsonl", "--engine", engine],
                             stdin=f, capture_output=True, check=False)
    if out.returncode not in (0, 1):
        sys.exit(f"{binary} --engine {engine} failed ({out.returncode}): {out.stderr.decode()[:500]}")
    records = {}
    for line in out.stdout.decode().splitlines():
        r = json.loads(line)
        if r.get("type") == "indirect":
            continue  # indirect speech is the character rules' on both sides for now
        records[(r["doc"], r["start"], r["end"])] = r
    return records


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binary")
    ap.add_argument("corpus")
    ap.add_argument("--show", type=int, default=0)
    a = ap.parse_args()
    chars = run(a.binary, a.corpus, "chars")
    tokens = run(a.binary, a.corpus, "tokens")
    kinds = collections.Counter()
    rules = collections.defaultdict(collections.Counter)
    examples = collections.defaultdict(list)
    for key in sorted(set(chars) | set(tokens)):
        c, t = chars.get(key), tokens.get(key)
        if c is None or t is None:
            kind = "record only with chars" if t is None else "record only with tokens"
            o = c or t
            rules[kind][o.get("rule")] += 1
            r = {"quote": o["quote"][:80], "record": [o.get(f) for f in ("speaker", "role", "cue", "rule")]}
        else:
            fields = ("speaker", "role", "cue")
            if all(c.get(f) == t.get(f) for f in fields):
                kind = "same speaker, role and cue"
            elif c.get("speaker") is None:
                kind = "speaker only with tokens"
            elif t.get("speaker") is None:
                kind = "speaker only with chars"
            elif c.get("speaker") != t.get("speaker"):
                kind = "different speaker"
            else:
                kind = "same speaker, different role or cue"
            rules[kind][f'{c.get("rule")} -> {t.get("rule")}'] += 1
            r = {"quote": c["quote"][:80], "chars": [c.get(f) for f in fields + ("rule",)],
                 "tokens": [t.get(f) for f in fields + ("rule",)]}
        kinds[kind] += 1
        examples[kind].append(r)
    total = sum(kinds.values())
    print(f"{a.corpus}: {len(chars)} records with chars, {len(tokens)} with tokens")
    for kind, n in kinds.most_common():
        print(f"  {kind:38s} {n:6d}  {100.0 * n / max(total, 1):5.1f}%")
    for kind, counter in rules.items():
        if kind.startswith("same speaker, role"):
            continue
        print(f"\n{kind}: deciding rules (chars -> tokens), most frequent")
        for rule, n in counter.most_common(8):
            print(f"  {n:6d}  {rule}")
        for ex in examples[kind][: a.show]:
            print("    " + json.dumps(ex, ensure_ascii=False))


if __name__ == "__main__":
    main()
