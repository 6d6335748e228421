// The order of the alphabet's symbols: a permutation that keeps classes in few ranges.
#include "whosaid/tokenrules/symbol_order.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <vector>

#include "../english_pack.h"
#include "whosaid/tokenrules/alphabet.h"
#include "whosaid/tokenrules/pattern.h"

namespace whosaid::tokenrules {
namespace {

std::vector<size_t> Identity(size_t n) {
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  return order;
}

bool IsPermutation(std::vector<size_t> order, size_t n) {
  std::sort(order.begin(), order.end());
  return order == Identity(n);
}

TEST_CASE("symbol order: interleaved classes become one range each") {
  // Symbols alternate between class 0 and class 1: 2 × 4 ranges as given, 2 once ordered.
  std::vector<std::vector<uint64_t>> members;
  for (int i = 0; i < 8; ++i) members.push_back({i % 2 == 0 ? uint64_t{1} : uint64_t{2}});
  const std::vector<uint32_t> weights = {1, 1};
  CHECK(OrderCost(members, weights, Identity(8)) == 8);
  const std::vector<size_t> order = OrderSymbols(members, weights);
  CHECK(IsPermutation(order, 8));
  CHECK(OrderCost(members, weights, order) == 2);
}

TEST_CASE("symbol order: never worse than the order given, on random classes") {
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    const size_t n = 1 + rng() % 200, classes = 1 + rng() % 100;
    std::vector<std::vector<uint64_t>> members(n, std::vector<uint64_t>((classes + 63) / 64));
    for (auto& row : members) {
      for (size_t k = 0; k < classes; ++k) {
        if (rng() % 5 == 0) row[k / 64] |= uint64_t{1} << (k % 64);
      }
    }
    std::vector<uint32_t> weights(classes);
    for (auto& w : weights) w = 1 + rng() % 10;
    const std::vector<size_t> order = OrderSymbols(members, weights);
    REQUIRE(IsPermutation(order, n));
    // Identical rows stand together and the tour starts from the empty row, so the greedy
    // path is at most the given order's cost on these inputs in practice; check it is sane.
    CHECK(OrderCost(members, weights, order) <= OrderCost(members, weights, Identity(n)));
  }
}

// The ranges of an RE2 class as Alphabet writes it: [\x{A}-\x{B}\x{C}] is two.
size_t Ranges(const std::string& cls) {
  size_t code_points = 0;
  for (size_t at = cls.find("\\x{"); at != std::string::npos; at = cls.find("\\x{", at + 1)) {
    ++code_points;
  }
  return code_points - static_cast<size_t>(std::count(cls.begin(), cls.end(), '-'));
}

TEST_CASE("symbol order: the English pack's shape tests are a few ranges") {
  Parsed p = ParsePattern("SPEAKER:(Cap+ | lower | UPPER) said QUOTE");
  REQUIRE(p.ok());
  auto a = Alphabet::Build(*testing::EnglishLexicons().table, {&p.root});
  REQUIRE(a.ok());
  size_t ranges = 0;
  for (const char* shape : {"Cap", "lower", "UPPER"}) {
    Parsed t = ParsePattern(shape);
    REQUIRE(t.ok());
    const std::string cls =
        a->ClassOf(t.root.children.empty() ? t.root.test : t.root.children.front().test);
    CAPTURE(shape);
    CAPTURE(cls);
    CHECK(Ranges(cls) >= 1);
    ranges += Ranges(cls);
  }
  // "said" in three shapes is one range with its "sAid": one shape test is cut in two at most
  // (in the order the symbols are found, each was tens of ranges).
  CHECK(ranges <= 4);
}

}  // namespace
}  // namespace whosaid::tokenrules
