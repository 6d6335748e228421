#include "whosaid/parallel_for.h"

#include <doctest/doctest.h>

#include <atomic>
#include <vector>

namespace whosaid {
namespace {

TEST_CASE("ParallelFor calls each index once, whatever the number of threads") {
  for (unsigned threads : {0u, 1u, 2u, 3u, 16u}) {
    CAPTURE(threads);
    for (size_t n : {size_t{0}, size_t{1}, size_t{7}, size_t{1000}}) {
      CAPTURE(n);
      std::vector<std::atomic<int>> calls(n);
      ParallelFor(n, threads, [&](size_t i) { calls[i].fetch_add(1); });
      for (size_t i = 0; i < n; ++i) CHECK(calls[i].load() == 1);
    }
  }
}

}  // namespace
}  // namespace whosaid
