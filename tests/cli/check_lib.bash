# Sourced by the CLI test scripts (not a test itself: CTest runs tests/cli/*.sh only): a
# temporary directory $tmp removed on exit, and check(), which records a failure in $fail.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() {  # check DESCRIPTION COMMAND...: the command must succeed
  local what=$1; shift
  if ! "$@"; then echo "FAIL: $what"; fail=1; fi
}
