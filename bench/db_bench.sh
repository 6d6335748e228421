#!/usr/bin/env bash
# Quote database benchmark: builds a corpus of at least 10,000 stories (the shared PolNeAR
# training texts repeated with distinct ids and their metadata; the project's examples when
# ../shared is absent), then measures
#   1. `whosaid db ingest` end to end (extraction + store), documents per second;
#   2. `whosaid db import` of the same results (the store alone), documents per second;
#   3. search latency p50/p95 on the resulting database (bench/db_bench.cc, in process).
# Usage: bench/db_bench.sh [BUILD_DIR] [STORIES]   (default: build, 10080)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
stories=${2:-10080}
bin=$build/whosaid
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The search benchmark links the library the build made; it is not part of the CMake build.
g++ -O2 -std=c++20 -Isrc bench/db_bench.cc "$build/libwhosaid.a" \
  $(pkg-config --libs re2 icu-i18n icu-uc sqlite3) -lspdlog -lfmt -o "$work/db_bench"

python3 - "$work/stories.jsonl" "$stories" <<'PY'
import glob, json, os, sys
out, n = sys.argv[1], int(sys.argv[2])
shared = '../shared/data/polnear-train.jsonl'
if os.path.exists(shared):
    base = [json.loads(l) for l in open(shared, encoding='utf-8')]
    base = [{'text': d['text'], 'published': d.get('publication_date'),
             'outlet': d.get('publisher'), 'title': d.get('title'), 'id': d['id']} for d in base]
else:
    base = [{'text': open(p, encoding='utf-8').read(), 'id': p, 'published': '2024-01-01',
             'outlet': 'examples', 'title': os.path.basename(p)} for p in sorted(glob.glob('examples/*.txt'))]
with open(out, 'w', encoding='utf-8') as f:
    for i in range(n):
        d = dict(base[i % len(base)])
        copy = i // len(base)
        d['url'] = 'https://example.org/%s/%d' % (d['id'], copy)
        d['id'] = '%s#%d' % (d['id'], copy)
        f.write(json.dumps({k: v for k, v in d.items() if v is not None}) + '\n')
print('corpus: %d stories, %.1f MB of JSONL' % (n, os.path.getsize(out) / 1e6))
PY

now() { date +%s.%N; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"

t0=$(now)
"$bin" -q db ingest --db "$work/ingest.sqlite" --input jsonl "$work/stories.jsonl"
t1=$(now)
python3 -c "import sys; print('ingest (extract + store, -j$(nproc)): %.1f s, %.0f documents/s' % ($t1 - $t0, $stories / ($t1 - $t0)))"
echo "database size: $(du -h "$work/ingest.sqlite" | cut -f1)"

"$bin" -q --input jsonl --format jsonl "$work/stories.jsonl" >"$work/results.jsonl"
t0=$(now)
summary=$("$bin" -q db import --db "$work/import.sqlite" "$work/results.jsonl")
t1=$(now)
echo "$summary"
imported=${summary%% *}  # stories without quotes have no records to import
python3 -c "import sys; print('import (store only): %.1f s, %.0f documents/s' % ($t1 - $t0, $imported / ($t1 - $t0)))"

t0=$(now)
"$bin" -q db ingest --db "$work/ingest.sqlite" --input jsonl "$work/stories.jsonl" >/dev/null
t1=$(now)
python3 -c "import sys; print('re-ingest of the same stories: %.1f s, %.0f documents/s' % ($t1 - $t0, $stories / ($t1 - $t0)))"

"$work/db_bench" "$work/ingest.sqlite" 20
