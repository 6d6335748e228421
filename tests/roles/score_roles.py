#!/usr/bin/env python3
"""Scores whosaid's speakers and roles on the team's own stories (tests/roles/stories).

Each NN_slug.txt has an NN_slug.expect.jsonl: one line per quotation,
{"quote": first words of the quotation, "speaker": canonical name, "role": phrase or null}.
A quotation is found when a record's byte span covers the first byte of its "quote".
Its speaker is right when the record's speaker equals the expected one, and its role is
right when the record's role equals the expected one (or both are empty), each compared
without case, a leading article or final punctuation. A quotation not found counts as
wrong on both.

usage: score_roles.py WHOSAID [--stories DIR] [--min-speaker X] [--min-role Y]
                      [--verbose] [--json]
Exit 1 when a figure is below its floor, 2 when the stories or the tool cannot be read.
"""
import argparse
import json
import pathlib
import re
import subprocess
import sys

ARTICLE = re.compile(r"^(a|an|the)\s+", re.IGNORECASE)


def normalize(text):
    """Case, spacing, a leading article, final punctuation and apostrophe style."""
    if not text:
        return ""
    text = " ".join(text.replace("\u2019", "'").split()).strip(" ,.;:")
    return ARTICLE.sub("", text).lower()


def load_expected(path):
    expected = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"{path}:{number}: {error}") from error
        if set(item) != {"quote", "speaker", "role"}:
            raise ValueError(f"{path}:{number}: keys must be quote, speaker, role")
        expected.append(item)
    return expected


def run_whosaid(binary, story):
    result = subprocess.run([binary, "--format", "jsonl", str(story)],
                            capture_output=True, check=False)
    if result.returncode not in (0,):
        raise ValueError(f"{story}: whosaid exited {result.returncode}: "
                         f"{result.stderr.decode(errors='replace').strip()}")
    return [json.loads(line) for line in result.stdout.decode().splitlines() if line]


def score_story(binary, story):
    """Returns (rows, extra): one row per expected quotation, and the quotation records
    that match no expected one (scare quotes or titles taken as speech)."""
    text = story.read_bytes()
    expected = load_expected(story.with_suffix(".expect.jsonl"))
    records = [r for r in run_whosaid(binary, story) if r.get("type") != "indirect"]
    used = set()
    rows = []
    for item in expected:
        needle = item["quote"].encode()
        if text.count(needle) != 1:
            raise ValueError(f"{story}: quote {item['quote']!r} is not a unique substring")
        at = text.find(needle)
        match = next((i for i, r in enumerate(records)
                      if r["byte_start"] <= at < r["byte_end"]), None)
        record = records[match] if match is not None else None
        if match is not None:
            used.add(match)
        got_speaker = record.get("speaker") if record else None
        got_role = record.get("role") if record else None
        rows.append({
            "story": story.name, "quote": item["quote"],
            "found": record is not None,
            "speaker_ok": record is not None
                          and normalize(got_speaker) == normalize(item["speaker"]),
            "role_ok": record is not None and normalize(got_role) == normalize(item["role"]),
            "want_speaker": item["speaker"], "got_speaker": got_speaker,
            "want_role": item["role"], "got_role": got_role,
        })
    extra = [r["quote"] for i, r in enumerate(records) if i not in used]
    return rows, extra


def main():
    here = pathlib.Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("whosaid")
    parser.add_argument("--stories", default=str(here / "stories"))
    parser.add_argument("--min-speaker", type=float, default=0.0)
    parser.add_argument("--min-role", type=float, default=0.0)
    parser.add_argument("--verbose", action="store_true", help="print every miss")
    parser.add_argument("--json", action="store_true", help="figures as one JSON object")
    args = parser.parse_args()

    stories = sorted(pathlib.Path(args.stories).glob("*.txt"))
    if not stories:
        print(f"score_roles: no stories in {args.stories}", file=sys.stderr)
        return 2
    rows, extra = [], []
    try:
        for story in stories:
            story_rows, story_extra = score_story(args.whosaid, story)
            rows += story_rows
            extra += [(story.name, quote) for quote in story_extra]
    except (OSError, ValueError) as error:
        print(f"score_roles: {error}", file=sys.stderr)
        return 2

    total = len(rows)
    figures = {
        "stories": len(stories), "quotations": total,
        "found": round(sum(r["found"] for r in rows) / total, 3),
        "speaker": round(sum(r["speaker_ok"] for r in rows) / total, 3),
        "role": round(sum(r["role_ok"] for r in rows) / total, 3),
        "extra_records": len(extra),
    }
    if args.verbose:
        for r in rows:
            if not (r["speaker_ok"] and r["role_ok"]):
                what = "missed" if not r["found"] else (
                    "speaker+role" if not (r["speaker_ok"] or r["role_ok"]) else
                    "speaker" if not r["speaker_ok"] else "role")
                print(f"{r['story']}: {what}: “{r['quote']}…”\n"
                      f"    speaker want {r['want_speaker']!r} got {r['got_speaker']!r}\n"
                      f"    role    want {r['want_role']!r} got {r['got_role']!r}")
        for name, quote in extra:
            print(f"{name}: extra record “{quote[:60]}”")
    if args.json:
        print(json.dumps(figures))
    else:
        print(" ".join(f"{k}={v}" for k, v in figures.items()))
    low = [f"{name} {figures[name]} < {floor}"
           for name, floor in (("speaker", args.min_speaker), ("role", args.min_role))
           if figures[name] < floor]
    if low:
        print("score_roles: below the floor: " + "; ".join(low), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
