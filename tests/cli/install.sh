#!/usr/bin/env bash
# Install test: `cmake --install` of the build tree into a temporary prefix, then
#   - the installed tool, run from /, finds the installed rules (also once the prefix is
#     moved) and gives the build tree's output; WHOSAID_RULES_DIR overrides the search and
#     a wrong one is a clear error; without any pack the error names the places searched;
#   - a small program built with find_package(whosaid) and one built with
#     `pkg-config --cflags --libs whosaid` link the installed library and find a speaker.
# Usage: install.sh path/to/build/whosaid (working directory: the source tree).
set -u
unset DESTDIR  # cmake --install would honour it
bin=$(realpath "$1")
build=$(dirname "$bin")
src=$PWD
. "$(dirname "${BASH_SOURCE[0]}")/check_lib.bash"
contains() { grep -qF -- "$2" <<<"$1"; }  # contains TEXT NEEDLE

if [ ! -f "$build/CMakeCache.txt" ]; then
  echo "FAIL: no CMakeCache.txt next to $bin"; exit 1
fi
prefix=$tmp/prefix
if ! cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1; then
  cat "$tmp/install.log"; echo "FAIL: cmake --install"; exit 1
fi
pc=$(find "$prefix" -name whosaid.pc)
config=$(find "$prefix" -name whosaidConfig.cmake)
for f in "$prefix/bin/whosaid" "$prefix/include/whosaid/extractor.h" \
         "$prefix/include/whosaid/text/document.h" "$prefix/share/whosaid/rules/en/lexicon"; do
  check "installed: $f" test -e "$f"
done
check "installed: libwhosaid.a" test -n "$(find "$prefix" -name libwhosaid.a)"
check "installed: whosaid.pc" test -n "$pc"
check "installed: whosaidConfig.cmake" test -n "$config"
check "installed: whosaidConfigVersion.cmake" test -e "$(dirname "$config")/whosaidConfigVersion.cmake"

# The installed tool, from another directory, gives the build tree's output.
story=$src/examples/wire_trade_talks.txt
(cd / && "$bin" -q "$story") >"$tmp/expected.jsonl"
out=$(cd / && "$prefix/bin/whosaid" -q "$story" 2>&1); rc=$?
check "installed tool from / exits 0 (got $rc: $out)" test $rc = 0
check "installed tool finds quotes" contains "$out" '"speaker":"'
check "installed tool = build tree tool" cmp -s "$tmp/expected.jsonl" <(printf '%s\n' "$out")
out=$(cd / && "$prefix/bin/whosaid" rules check 2>&1)
check "installed rules check: $out" contains "$out" ' 0 failed; 0 errors'

# A moved prefix still works: the rules are found relative to the program.
mv "$prefix" "$tmp/moved"
out=$(cd / && "$tmp/moved/bin/whosaid" -q "$story" 2>&1)
check "moved prefix: same output" cmp -s "$tmp/expected.jsonl" <(printf '%s\n' "$out")
mv "$tmp/moved" "$prefix"

# WHOSAID_RULES_DIR overrides the search: with the installed pack gone the tool fails,
# naming where it looked (and not falling back to the source tree), and works again with
# WHOSAID_RULES_DIR pointing at a copy.
mv "$prefix/share/whosaid/rules" "$tmp/rules"
configured=$(sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p' "$build/CMakeCache.txt")
if [ -d "$configured/share/whosaid/rules/en" ]; then
  echo "note: $configured holds an installed pack: the no-pack checks are skipped"
else
  out=$(cd / && "$prefix/bin/whosaid" -q "$story" 2>&1); rc=$?
  check "no pack: exit 2 (got $rc)" test $rc = 2
  check "no pack: names the installed place searched: $out" \
    contains "$out" "searched $prefix/share/whosaid/rules/en"
  check "no pack: mentions WHOSAID_RULES_DIR: $out" contains "$out" "WHOSAID_RULES_DIR"
fi
out=$(cd / && WHOSAID_RULES_DIR=$tmp/rules/en "$prefix/bin/whosaid" -q "$story" 2>&1)
check "WHOSAID_RULES_DIR is used" cmp -s "$tmp/expected.jsonl" <(printf '%s\n' "$out")
out=$(cd / && WHOSAID_RULES_DIR=$tmp/rules/en "$prefix/bin/whosaid" rules check 2>&1)
check "WHOSAID_RULES_DIR rules check: $out" contains "$out" ' 0 failed; 0 errors'
mv "$tmp/rules" "$prefix/share/whosaid/rules"
out=$(cd / && WHOSAID_RULES_DIR=$tmp/nowhere "$prefix/bin/whosaid" -q "$story" 2>&1); rc=$?
check "bad WHOSAID_RULES_DIR: exit 2 (got $rc)" test $rc = 2
check "bad WHOSAID_RULES_DIR: names it: $out" contains "$out" "WHOSAID_RULES_DIR=$tmp/nowhere"
out=$(cd / && WHOSAID_RULES_DIR=$tmp/nowhere "$prefix/bin/whosaid" rules check 2>&1); rc=$?
check "bad WHOSAID_RULES_DIR, rules check: exit 2 (got $rc: $out)" test $rc = 2
check "--help tells where the pack is looked for" \
  contains "$("$prefix/bin/whosaid" --help)" '$WHOSAID_RULES_DIR when set; else'

# A consumer of the library: find_package(whosaid) and pkg-config.
mkdir -p "$tmp/consumer"
# The README's example, word for word. Its rules: $WHOSAID_RULES_DIR (set below, as this
# prefix is not the configured one).
cat >"$tmp/consumer/main.cc" <<'EOF'
#include <cstdio>
#include "whosaid/extractor.h"
int main() {
  auto ex = whosaid::Extractor::Create(whosaid::ExtractorOptions{}, nullptr);
  if (!ex.ok()) return std::fprintf(stderr, "%s\n", ex.status().ToString().c_str()), 1;
  auto doc = whosaid::text::Document::FromBytes("s", "“We will not raise taxes,” Mayor Ana Ruiz said.");
  for (const auto& q : (*ex)->Extract(*doc).quotes)
    std::printf("%s\n", q.attribution.speaker.value_or("?").c_str());
}
EOF
cat >"$tmp/consumer/CMakeLists.txt" <<'EOF'
cmake_minimum_required(VERSION 3.20)
project(consumer CXX)
find_package(whosaid 0.1 REQUIRED)
add_executable(consumer main.cc)
target_link_libraries(consumer PRIVATE whosaid::whosaid)
EOF
export WHOSAID_RULES_DIR=$prefix/share/whosaid/rules/en
# A sanitized build (make test-asan) installs a sanitized library: its consumers need the
# same flags to link.
san=
grep -q '^WHOSAID_SANITIZE:BOOL=ON' "$build/CMakeCache.txt" && san=-fsanitize=address,undefined
if cmake -S "$tmp/consumer" -B "$tmp/consumer/build" -DCMAKE_PREFIX_PATH="$prefix" \
     -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS="$san" >"$tmp/consumer.log" 2>&1 &&
   cmake --build "$tmp/consumer/build" >>"$tmp/consumer.log" 2>&1; then
  out=$("$tmp/consumer/build/consumer" 2>&1)
  check "find_package consumer prints the speaker (got: $out)" test "$out" = "Ana Ruiz"
else
  cat "$tmp/consumer.log"; echo "FAIL: find_package(whosaid) consumer does not build"; fail=1
fi
if flags=$(PKG_CONFIG_PATH=$(dirname "$pc") pkg-config --cflags --libs whosaid 2>&1) &&
   g++ -std=c++20 $san "$tmp/consumer/main.cc" $flags -o "$tmp/consumer/pc" >"$tmp/pc.log" 2>&1; then
  out=$("$tmp/consumer/pc" 2>&1)
  check "pkg-config consumer prints the speaker (got: $out)" test "$out" = "Ana Ruiz"
else
  echo "$flags"; cat "$tmp/pc.log" 2>/dev/null; echo "FAIL: pkg-config consumer"; fail=1
fi
version=$(PKG_CONFIG_PATH=$(dirname "$pc") pkg-config --modversion whosaid)
check "pkg-config version ($version) = the tool's" \
  contains "$("$prefix/bin/whosaid" --version)" "$version"

[ $fail = 0 ] && echo "install: all checks passed"
exit $fail
