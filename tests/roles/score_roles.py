#!/usr/bin/env python3
"""Scores whosaid's speakers and roles on the team's own stories (tests/roles/stories).

Each NN_slug.txt has an NN_slug.expect.jsonl: one line per quotation,
{"quote": first words of the quotation, "speaker": canonical name, "role": phrase or null}.
A quotation is found when a record's byte span covers the first byte of its "quote".
Its speaker is right when the record's speaker equals the expected one, and its role is
right when the record's role equals the expected one (or both are empty), each compared
without case, a leading article or final punctuation. A quotation not found counts as
wrong on both.

A line may also carry "type": "indirect" (the only allowed value): it names a piece of
reported speech, its "quote" being the first words of the reported clause. Such lines
are scored apart from the quotations and never enter the quotation figures: one is
found when a record of type "indirect" covers the first byte of its "quote", and its
speaker is right when that record's speaker matches, compared as above. When a set has
such lines a second line "reported speech: found X/N (R=...), speaker right Y/N (...)"
is printed, and --json adds "indirect" (N), "indirect_found" and "indirect_speaker".
--min-indirect is a floor on the found rate; it is ignored, with a warning, for a set
without indirect lines.

usage: score_roles.py WHOSAID [--stories DIR] [--min-speaker X] [--min-role Y]
                      [--min-indirect R] [--verbose] [--json]
Exit 1 when a figure is below its floor, 2 when the stories or the tool cannot be read.
"""
import argparse
import json
import pathlib
import re
import subprocess
import sys

ARTICLE = re.compile(r"^(a|an|the)\s+", re.IGNORECASE)
KEYS = {"quote", "speaker", "role"}
INDIRECT = "indirect"


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
        if not isinstance(item, dict) or set(item) not in (KEYS, KEYS | {"type"}):
            raise ValueError(f"{path}:{number}: keys must be quote, speaker, role "
                             f"and optionally type")
        if "type" in item and item["type"] != INDIRECT:
            raise ValueError(f"{path}:{number}: type must be {INDIRECT!r}, "
                             f"not {item['type']!r}")
        expected.append(item)
    return expected


def run_whosaid(binary, story):
    result = subprocess.run([binary, "--format", "jsonl", str(story)],
                            capture_output=True, check=False)
    if result.returncode not in (0,):
        raise ValueError(f"{story}: whosaid exited {result.returncode}: "
                         f"{result.stderr.decode(errors='replace').strip()}")
    return [json.loads(line) for line in result.stdout.decode().splitlines() if line]


def locate(text, story, item):
    """Byte offset of an expected line's "quote", which must occur exactly once."""
    needle = item["quote"].encode()
    if text.count(needle) != 1:
        raise ValueError(f"{story}: quote {item['quote']!r} is not a unique substring")
    return text.find(needle)


def covering(records, at):
    """Index of the first record whose byte span covers byte `at`, or None."""
    return next((i for i, r in enumerate(records) if r["byte_start"] <= at < r["byte_end"]),
                None)


def score_story(binary, story):
    """Returns (rows, extra, indirect_rows): one row per expected quotation, the
    quotation records that match no expected one (scare quotes or titles taken as
    speech), and one row per expected piece of reported speech ("type": "indirect")."""
    text = story.read_bytes()
    expected = load_expected(story.with_suffix(".expect.jsonl"))
    output = run_whosaid(binary, story)
    records = [r for r in output if r.get("type") != INDIRECT]
    reported = [r for r in output if r.get("type") == INDIRECT]
    used = set()
    rows = []
    indirect_rows = []
    for item in expected:
        at = locate(text, story, item)
        if item.get("type") == INDIRECT:
            match = covering(reported, at)
            record = reported[match] if match is not None else None
            got_speaker = record.get("speaker") if record else None
            indirect_rows.append({
                "story": story.name, "quote": item["quote"],
                "found": record is not None,
                "speaker_ok": record is not None
                              and normalize(got_speaker) == normalize(item["speaker"]),
                "want_speaker": item["speaker"], "got_speaker": got_speaker,
            })
            continue
        match = covering(records, at)
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
    return rows, extra, indirect_rows


def main():
    here = pathlib.Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("whosaid")
    parser.add_argument("--stories", default=str(here / "stories"))
    parser.add_argument("--min-speaker", type=float, default=0.0)
    parser.add_argument("--min-role", type=float, default=0.0)
    parser.add_argument("--min-indirect", type=float, default=None, metavar="R",
                        help="floor on the found rate of reported speech")
    parser.add_argument("--verbose", action="store_true", help="print every miss")
    parser.add_argument("--json", action="store_true", help="figures as one JSON object")
    args = parser.parse_args()

    stories = sorted(pathlib.Path(args.stories).glob("*.txt"))
    if not stories:
        print(f"score_roles: no stories in {args.stories}", file=sys.stderr)
        return 2
    rows, extra, indirect_rows = [], [], []
    try:
        for story in stories:
            story_rows, story_extra, story_indirect = score_story(args.whosaid, story)
            rows += story_rows
            extra += [(story.name, quote) for quote in story_extra]
            indirect_rows += story_indirect
    except (OSError, ValueError) as error:
        print(f"score_roles: {error}", file=sys.stderr)
        return 2

    total = len(rows)

    def rate(count, of):
        return round(count / of, 3) if of else 0.0

    figures = {
        "stories": len(stories), "quotations": total,
        "found": rate(sum(r["found"] for r in rows), total),
        "speaker": rate(sum(r["speaker_ok"] for r in rows), total),
        "role": rate(sum(r["role_ok"] for r in rows), total),
        "extra_records": len(extra),
    }
    indirect_total = len(indirect_rows)
    indirect_found = sum(r["found"] for r in indirect_rows)
    indirect_speaker = sum(r["speaker_ok"] for r in indirect_rows)
    if indirect_total:
        figures["indirect"] = indirect_total
        figures["indirect_found"] = rate(indirect_found, indirect_total)
        figures["indirect_speaker"] = rate(indirect_speaker, indirect_total)
    if args.verbose:
        for r in rows:
            if not (r["speaker_ok"] and r["role_ok"]):
                what = "missed" if not r["found"] else (
                    "speaker+role" if not (r["speaker_ok"] or r["role_ok"]) else
                    "speaker" if not r["speaker_ok"] else "role")
                print(f"{r['story']}: {what}: “{r['quote']}…”\n"
                      f"    speaker want {r['want_speaker']!r} got {r['got_speaker']!r}\n"
                      f"    role    want {r['want_role']!r} got {r['got_role']!r}")
        for r in indirect_rows:
            if not r["speaker_ok"]:
                what = "missed" if not r["found"] else "speaker"
                print(f"{r['story']}: reported speech {what}: “{r['quote']}…”\n"
                      f"    speaker want {r['want_speaker']!r} got {r['got_speaker']!r}")
        for name, quote in extra:
            print(f"{name}: extra record “{quote[:60]}”")
    if args.json:
        print(json.dumps(figures))
    else:
        print(" ".join(f"{k}={v}" for k, v in figures.items()
                       if not k.startswith("indirect")))
        if indirect_total:
            print(f"reported speech: found {indirect_found}/{indirect_total} "
                  f"(R={indirect_found / indirect_total:.2f}), speaker right "
                  f"{indirect_speaker}/{indirect_total} "
                  f"({indirect_speaker / indirect_total:.2f})")
    floors = [("speaker", args.min_speaker), ("role", args.min_role)]
    if args.min_indirect is not None:
        if indirect_total:
            floors.append(("indirect_found", args.min_indirect))
        else:
            print("score_roles: --min-indirect ignored: no indirect lines in "
                  f"{args.stories}", file=sys.stderr)
    low = [f"{name} {figures[name]} < {floor}"
           for name, floor in floors
           if figures[name] < floor]
    if low:
        print("score_roles: below the floor: " + "; ".join(low), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
