#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS each over a copy of its seed corpus (the repo
# corpus is never modified) and replays its regression inputs first.
# Usage: tests/fuzz/run.sh TARGET_DIR SECONDS [TARGET...]
#   TARGET_DIR  the directory holding the fuzz_* binaries (build-fuzz/tests/fuzz)
#   SECONDS     how long to fuzz each target
# Exits 1 when any target crashes, leaks, times out or fails its regressions; 2 on usage.
# Crash inputs are kept in $FUZZ_ARTIFACTS (default: a temp dir, printed at the end).
set -u
if [ $# -lt 2 ]; then
  echo "usage: $0 TARGET_DIR SECONDS [TARGET...]" >&2
  exit 2
fi
bindir=$1
seconds=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz_scanner fuzz_rule_file fuzz_jsonl fuzz_extract)

work=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-fuzz.XXXXXX")
artifacts=${FUZZ_ARTIFACTS:-$work/artifacts}
mkdir -p "$artifacts"
keep=0
cleanup() { [ $keep = 1 ] || rm -rf "$work"; }
trap cleanup EXIT

# Inputs up to these sizes (libFuzzer's default is 4 KB, too small to reach the slow and
# quadratic paths: long paragraphs, many quotes, long rule lines). The targets take larger
# inputs; these are what the mutator may grow to.
max_len() {
  case $1 in
    fuzz_extract) echo 131072 ;;
    fuzz_scanner) echo 262144 ;;
    fuzz_jsonl) echo 65536 ;;
    fuzz_rule_file) echo 16384 ;;
    *) echo 65536 ;;
  esac
}
# A hang guard, not a speed limit: one input of max_len bytes takes well under a second
# even under ASan on a busy 2-core machine; 120 s per input means a hang or a blow-up.
unit_timeout=${FUZZ_UNIT_TIMEOUT:-120}

failed=()
for t in "${targets[@]}"; do
  bin=$bindir/$t
  if [ ! -x "$bin" ]; then
    echo "FAIL $t: no binary $bin" >&2
    failed+=("$t")
    continue
  fi
  # Known crashers first: every file under regressions/<target>/ must now run clean.
  reg=$here/regressions/$t
  if [ ! -d "$reg" ] || [ -z "$(ls -A "$reg")" ]; then
    echo "FAIL $t: no regression inputs in $reg (every target keeps at least one)" >&2
    failed+=("$t")
    continue
  fi
  echo "== $t: replaying $(ls "$reg" | wc -l) regression inputs" >&2
  if ! "$bin" -rss_limit_mb=2048 -timeout="$unit_timeout" "$reg"/* >"$work/$t.reg.log" 2>&1; then
    echo "FAIL $t: a regression input fails again:" >&2
    tail -n 40 "$work/$t.reg.log" >&2
      failed+=("$t")
      keep=1
      continue
  fi
  corpus=$work/corpus/$t
  mkdir -p "$corpus"
  [ -d "$here/corpus/$t" ] && cp -r "$here/corpus/$t/." "$corpus/"
  mkdir -p "$artifacts/$t"
  echo "== $t: ${seconds}s over $(ls "$corpus" | wc -l) seed inputs" >&2
  "$bin" "$corpus" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout="$unit_timeout" \
    -max_len="$(max_len "$t")" \
    -print_final_stats=1 -artifact_prefix="$artifacts/$t/" >"$work/$t.log" 2>&1
  rc=$?
  grep -E '^stat::number_of_executed_units|^stat::average_exec_per_sec|^stat::peak_rss_mb' \
    "$work/$t.log" | sed "s/^/   $t /" >&2
  if [ $rc -ne 0 ]; then
    echo "FAIL $t (exit $rc); last lines of its log:" >&2
    tail -n 60 "$work/$t.log" >&2
    ls -l "$artifacts/$t" >&2
    failed+=("$t")
    keep=1
  fi
done

if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzzing failed: ${failed[*]} (artifacts and logs in $work)" >&2
  exit 1
fi
echo "fuzzing passed: ${targets[*]}, ${seconds}s each" >&2
