# whosaid: `make run` and `make test` set everything up on a fresh Debian 12 machine.
# `make install` (PREFIX, default /usr/local; DESTDIR for staging) installs the tool, the
# rule packs, the library, its headers, a CMake package and a pkg-config file.
JOBS      ?= $(shell nproc 2>/dev/null || echo 2)
BUILD     ?= build
ASAN_BUILD ?= build-asan
STORY     ?= examples/wire_trade_talks.txt
PREFIX    ?= /usr/local
PACKAGES  := cmake g++ make pkg-config python3 libre2-dev libicu-dev libspdlog-dev doctest-dev \
             nlohmann-json3-dev libcli11-dev libsqlite3-dev libcpp-httplib-dev
# Only the test suite needs a browser (serve.browser): `make run` does not install it.
TEST_PACKAGES := chromium
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps test-deps build tool run install test test-asan bench bench-adversarial fuzz fuzz-smoke format clean

all: build

# Installs whatever Debian packages of $(1) are missing (nothing is downloaded at build time).
define INSTALL_MISSING
missing=""; for p in $(1); do \
  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
done; \
if [ -n "$$missing" ]; then \
  echo "installing:$$missing"; \
  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
fi
endef

deps:
	@$(call INSTALL_MISSING,$(PACKAGES))

test-deps:
	@$(call INSTALL_MISSING,$(PACKAGES) $(TEST_PACKAGES))

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# The library and the tool only: not the test suite and the benchmark.
tool: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS) --target whosaid_cli

run: tool
	$(BUILD)/whosaid $(STORY)

# Configured with the prefix so that programs linking the installed library find its rules
# there (the tool finds them relative to itself wherever the prefix is moved).
install: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=$(abspath $(PREFIX))
	cmake --build $(BUILD) -j $(JOBS) --target whosaid_cli
	@mkdir -p "$(DESTDIR)$(abspath $(PREFIX))" 2>/dev/null; \
	if [ -w "$(DESTDIR)$(abspath $(PREFIX))" ]; then sudo=; else sudo="$(SUDO)"; fi; \
	echo "$$sudo cmake --install $(BUILD) --prefix $(abspath $(PREFIX))"; \
	$$sudo cmake --install $(BUILD) --prefix $(abspath $(PREFIX))

# No test has a time limit a busy machine can reach; --timeout only stops a hung test.
HANG_TIMEOUT ?= 3600
test: test-deps build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS) --timeout $(HANG_TIMEOUT)

# The whole suite under AddressSanitizer and UBSan (Debug build).
test-asan: test-deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DWHOSAID_SANITIZE=ON -DWHOSAID_BUILD_BENCH=OFF
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1 ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS) --timeout $(HANG_TIMEOUT)

# Throughput (MB/s, documents/s, per stage, against an RE2 reference pass) on >= 50 MB of news.
BENCH_MB ?= 50
bench: build
	$(BUILD)/bench/whosaid_throughput --mb $(BENCH_MB)

# Seconds per MB on worst-case text (all quote marks, all capitalized words, all cue verbs, a
# dense mix) at 1, 10 and 100 MB, one document each: linear time means a flat column.
ADV_SIZES ?= 1 10 100
bench-adversarial: build
	bench/adversarial.sh $(BUILD)/whosaid $(ADV_SIZES)

# libFuzzer targets (clang, ASan + UBSan) over tests/fuzz/corpus, FUZZ_SECONDS each.
FUZZ_BUILD   ?= build-fuzz
FUZZ_SECONDS ?= 300
fuzz: deps
	@dpkg-query -W -f='$${Status}' clang-14 2>/dev/null | grep -q "install ok installed" && \
	 dpkg-query -W -f='$${Status}' libclang-rt-14-dev 2>/dev/null | grep -q "install ok installed" || \
	 ($(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq clang-14 libclang-rt-14-dev)
	CC=clang-14 CXX=clang++-14 cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DWHOSAID_BUILD_FUZZ=ON -DWHOSAID_BUILD_TESTS=OFF -DWHOSAID_BUILD_BENCH=OFF
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_scanner fuzz_rule_file fuzz_jsonl fuzz_extract
	tests/fuzz/run.sh $(FUZZ_BUILD)/tests/fuzz $(FUZZ_SECONDS)

fuzz-smoke:
	$(MAKE) fuzz FUZZ_SECONDS=20

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
