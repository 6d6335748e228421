#!/usr/bin/env bash
# The Makefile's set-up targets, dry-run (make -n: nothing is built or installed):
# `make run` builds only the library and the tool, `make test` everything, `make install`
# configures with PREFIX and installs there, `make deps` installs no unused package.
# Usage: makefile.sh path/to/whosaid (unused; working directory: the source tree).
set -u
. "$(dirname "${BASH_SOURCE[0]}")/check_lib.bash"
builds() { grep -E '^cmake --build' <<<"$1"; }  # the build commands of a dry run
only() { test "$(wc -l <<<"$1")" = 1 && grep -Eqx -- "$2" <<<"$1"; }  # only LINES REGEX

run=$(make -n run BUILD="$tmp/b" 2>&1)
check "make run configures $tmp/b: $run" grep -q -- "-B $tmp/b" <<<"$run"
check "make run builds only the tool: $(builds "$run")" \
  only "$(builds "$run")" "cmake --build $tmp/b -j [0-9]+ --target whosaid_cli"
check "make run runs the example" grep -q "^$tmp/b/whosaid examples/" <<<"$run"

test_=$(make -n test BUILD="$tmp/b" 2>&1)
check "make test builds everything: $(builds "$test_")" \
  only "$(builds "$test_")" "cmake --build $tmp/b -j [0-9]+"
check "make test runs ctest" grep -q "^ctest --test-dir $tmp/b" <<<"$test_"

install=$(make -n install BUILD="$tmp/b" PREFIX="$tmp/p" 2>&1)
check "make install configures the prefix: $install" \
  grep -q -- "-DCMAKE_INSTALL_PREFIX=$tmp/p" <<<"$install"
check "make install builds only the tool" \
  only "$(builds "$install")" "cmake --build $tmp/b -j [0-9]+ --target whosaid_cli"
check "make install installs into PREFIX" \
  grep -q "cmake --install $tmp/b --prefix $tmp/p" <<<"$install"
default=$(make -n install BUILD="$tmp/b" 2>&1)
check "PREFIX defaults to /usr/local" grep -q -- "-DCMAKE_INSTALL_PREFIX=/usr/local$" <<<"$default"

# Nothing uses Google Benchmark (bench/ times itself): make deps does not install it.
check "bench/ does not use Google Benchmark" \
  test -z "$(grep -rl --include='*.cc' --include='*.h' 'benchmark/benchmark.h' bench src tests)"
deps=$(make -n deps 2>&1)
check "make deps leaves out libbenchmark-dev" test -z "$(grep libbenchmark <<<"$deps")"
check "make deps installs pkg-config" grep -q ' pkg-config ' <<<"$deps"
# The browser of the web service's test is for the test suite only.
check "make run installs no browser" test -z "$(grep chromium <<<"$run")"
check "make test installs the browser" grep -q chromium <<<"$test_"

[ $fail = 0 ] && echo "makefile: all checks passed"
exit $fail
