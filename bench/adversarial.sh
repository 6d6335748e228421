#!/usr/bin/env bash
# Linear time on worst-case input: seconds per MB at 1, 10 and 100 MB of adversarial text,
# each size one document with no newline (one paragraph), run with -j 1.
#
#   bench/adversarial.sh WHOSAID [SIZES_MB...]     (default sizes: 1 10 100)
#   KINDS="rolecomma roster" bench/adversarial.sh WHOSAID 1 4 16   (only the kinds named)
#
# Kinds: every character a curly quote mark; every character a straight quote mark; only
# capitalized words (one endless name); only cue verbs; and a dense mix of quotes, names,
# honorifics, cue verbs and indirect speech (every sentence attributed); filler without
# sentence ends with a quote every 74 KB; a name, a comma and a short non-role ("Bo Li, a. ",
# the registry's appositive-role search); news-like text with straight quotes, -- dashes and
# names followed by commas; a roster of distinct titled names (the registry's person
# lookup); paragraphs whose quotations only the sieves attribute. Start-up (loading
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
printf '%-12s %8s %9s %9s %10s\n' kind MB seconds s/MB "peak RSS"
kinds=${KINDS:-marks straight caps cues mixed filler rolecomma straightdash roster sieves}
for kind in $kinds; do
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
    "rolecomma": "Bo Li, a. ",
}
size = mb * 1_000_000


def syllables(n, parts):
    # The n-th distinct word made of the syllables `parts`, capitalized: Ka, Lo, ..., KaLo, ...
    word = ""
    while True:
        word += parts[n % len(parts)]
        n //= len(parts)
        if n == 0:
            return word.capitalize()
        n -= 1


def straightdash():
    # News-like paragraphs with straight quotes, -- dashes and names followed by commas. The
    # speakers get roles from appositives; the bystanders never do, so every "Name, " of
    # theirs has the registry look for a role again.
    firsts = ["Ana", "Tom", "Lena", "Mark", "Rosa", "Ivan", "Jo", "Sam"]
    lasts = ["Ortiz", "Hill", "Becker", "Nakamura", "Haddad", "Lindqvist", "Moreau", "Okafor"]
    others = ["Quist", "Varga", "Ferro", "Dunmore", "Achebe", "Sato", "Lund", "Pryce"]
    roles = ["a spokeswoman for the council", "the deputy mayor", "who runs the port authority",
             "an economist at the university", "a former negotiator"]
    i = 0
    while True:
        speaker = f"{firsts[i % 8]} {lasts[(i // 8) % 8]}"
        bystander = others[(i // 8 + i) % 8]
        yield (f'"We expected the water to rise -- but not this fast," {speaker}, '
               f'{roles[i % 5]}, said on Tuesday. {firsts[(i + 3) % 8]} {bystander}, standing '
               f'near the docks, disagreed -- "It was always coming," {bystander} said, and '
               f'{bystander}, nodding, left.\n\n')
        i += 1


def sieves():
    # Paragraphs whose quotations only the sieves attribute (a pronoun or a description as
    # subject, a quotation paragraph after reported speech), each with a new person: the
    # sieves' look-ups of mentions and reported speech must not walk the whole document.
    i = 0
    while True:
        name = f"{syllables(i, ['ka', 'lo', 'mi', 're', 'su'])} {syllables(i * 3 + 1, ['ba', 'di', 'go', 'le'])}"
        yield (f"{name} said the ferry would run again on Friday. Later in the evening, she "
               f"compared the plan to “a giveaway to the builders.” The council has long "
               f"called the port “a hole in the budget.”\n\n“Nobody asked the town about any "
               f"of it, and nobody will,” {name} said.\n\n")
        i += 1


def roster():
    # Distinct titled names, each a new person: "Dr. Kamo Lita, Sen. Rofi Tena, ..."
    titles = ["Dr.", "Sen.", "Gov.", "Mr.", "Ms.", "Prof."]
    i = 0
    while True:
        first = syllables(i, ["ka", "lo", "mi", "re", "su", "ta", "vo", "ne"])
        last = syllables(i * 7 + 3, ["ba", "di", "go", "le", "nu", "pe", "ri", "so", "tu"])
        yield f"{titles[i % len(titles)]} {first} {last}, "
        i += 1


with open(path, "wb") as f:
    if kind in units:
        unit = units[kind].encode()
        f.write(unit * (size // len(unit)))
    else:
        written = 0
        for piece in {"straightdash": straightdash, "roster": roster, "sieves": sieves}[kind]():
            piece = piece.encode()
            if written + len(piece) > size:
                break
            f.write(piece)
            written += len(piece)
PY
    secs=$(seconds "$work/in.txt")
    rss=$(cat "$work/rss")
    awk -v k="$kind" -v mb="$mb" -v s="$secs" -v st="$startup" -v rss="$rss" 'BEGIN {
      net = s - st; if (net < 0) net = 0;
      printf "%-12s %8d %9.2f %9.3f %7d MB\n", k, mb, s, net / mb, rss / 1024 }'
  done
done
