#!/usr/bin/env bash
# Linear time on worst-case input: seconds per MB at 1, 10 and 100 MB of adversarial text,
# each size one document with no newline (one paragraph), run with -j 1.
#
#   bench/adversarial.sh WHOSAID [SIZES_MB...]     (default sizes: 1 10 100)
#
# Kinds: every character a curly quote mark; every character a straight quote mark; only
# capitalized words (one endless name); only cue verbs; and a dense mix of quotes, names,
# honorifics, cue verbs and indirect speech (every sentence attributed); filler without
# sentence ends with a quote every 74 KB. Start-up (loading
# the rules, measured on an empty document in the same run) is subtracted, so s/MB is the
# cost of the text itself; it should stay flat as the size grows.
set -euo pipefail
bin=${1:?usage: $0 WHOSAID [SIZES_MB...]}
shift
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1 10 100)
work=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-adv.XXXXXX")
trap 'rm -rf "$work"' EXIT

seconds() {  # seconds FILE: wall time of one run; peak RSS (KB) goes to $work/rss
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" -j 1 "$1" >/dev/null 2>"$work/err" || {
    echo "whosaid failed on $1:" >&2
    tail -n 5 "$work/err" >&2
    exit 1
  }
  read -r secs rss <"$work/time"
  echo "$rss" >"$work/rss"
  echo "$secs"
}

: >"$work/empty.txt"
startup=$(seconds "$work/empty.txt")
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "start-up (empty document): ${startup} s, subtracted below"
printf '%-9s %8s %9s %9s %10s\n' kind MB seconds s/MB "peak RSS"
for kind in marks straight caps cues mixed filler; do
  for mb in "${sizes[@]}"; do
    python3 - "$kind" "$mb" "$work/in.txt" <<'PY'
import sys
kind, mb, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
units = {
    "marks": "“”",
    "straight": '"',
    "caps": "Ana Ruiz Del Toro Mark Hill O’Neill ",
    "cues": "said told added warned according to says insisted ",
    "mixed": "“We will win,” Ana Ruiz said. Mr. Hill told reporters: “No.” "
             "She added that it was fine, according to Dr. Lee. ",
    # Long sentence-less filler with a real quote every 74 KB (tests/cli/hostile.sh's 100 MB
    # document): the indirect-speech rules search long pieces that mostly do not match.
    "filler": "the tide came in and went out again; " * 2000 +
              "“The river will rise again before the end of this week,” said Mayor Ann Lee. ",
}
unit = units[kind].encode()
size = mb * 1_000_000
with open(path, "wb") as f:
    f.write(unit * (size // len(unit)))
PY
    secs=$(seconds "$work/in.txt")
    rss=$(cat "$work/rss")
    awk -v k="$kind" -v mb="$mb" -v s="$secs" -v st="$startup" -v rss="$rss" 'BEGIN {
      net = s - st; if (net < 0) net = 0;
      printf "%-9s %8d %9.2f %9.3f %7d MB\n", k, mb, s, net / mb, rss / 1024 }'
  done
done
