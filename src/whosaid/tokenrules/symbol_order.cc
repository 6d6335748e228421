#include "whosaid/tokenrules/symbol_order.h"

#include <algorithm>
#include <map>

namespace whosaid::tokenrules {
namespace {

// The weighted number of classes that hold exactly one of `a` and `b`.
uint32_t Distance(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b,
                  const std::vector<uint32_t>& weights) {
  uint32_t d = 0;
  for (size_t w = 0; w < a.size(); ++w) {
    for (uint64_t x = a[w] ^ b[w]; x != 0; x &= x - 1) {
      const size_t k = w * 64 + static_cast<size_t>(__builtin_ctzll(x));
      if (k < weights.size()) d += weights[k];
    }
  }
  return d;
}

// At most this many passes of 2-opt: each is quadratic in the number of distinct rows, and
// the first few take nearly all of the gain.
constexpr int kMaxPasses = 8;

}  // namespace

std::vector<size_t> OrderSymbols(const std::vector<std::vector<uint64_t>>& members,
                                 const std::vector<uint32_t>& weights) {
  if (members.empty()) return {};
  // Symbols of the same classes stand together: one node each. Node 0 is "no class", the
  // outside of the order, so that the path's two ends count as boundaries: a tour.
  std::map<std::vector<uint64_t>, std::vector<size_t>> by_row;
  for (size_t i = 0; i < members.size(); ++i) by_row[members[i]].push_back(i);
  std::vector<const std::vector<uint64_t>*> rows;
  std::vector<const std::vector<size_t>*> symbols;
  const std::vector<uint64_t> none(members.front().size(), 0);
  const std::vector<size_t> no_symbols;
  rows.push_back(&none);
  symbols.push_back(&no_symbols);
  for (const auto& [row, of] : by_row) {
    if (row == none) {
      symbols.front() = &of;  // symbols of no class stand at the start
      continue;
    }
    rows.push_back(&row);
    symbols.push_back(&of);
  }
  const size_t n = rows.size();
  std::vector<uint32_t> dist(n * n, 0);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      dist[i * n + j] = dist[j * n + i] = Distance(*rows[i], *rows[j], weights);
    }
  }
  auto d = [&](size_t a, size_t b) { return dist[a * n + b]; };
  // Nearest neighbour from the outside.
  std::vector<size_t> tour = {0};
  std::vector<bool> used(n, false);
  used[0] = true;
  for (size_t step = 1; step < n; ++step) {
    const size_t at = tour.back();
    size_t best = n;
    for (size_t j = 0; j < n; ++j) {
      if (!used[j] && (best == n || d(at, j) < d(at, best))) best = j;
    }
    used[best] = true;
    tour.push_back(best);
  }
  // 2-opt: reverse a stretch of the tour when that shortens it.
  for (int pass = 0; pass < kMaxPasses; ++pass) {
    bool improved = false;
    for (size_t i = 0; i + 2 < n; ++i) {
      for (size_t j = i + 2; j < n; ++j) {
        const size_t a = tour[i], b = tour[i + 1], c = tour[j], e = tour[(j + 1) % n];
        if (e == a) continue;
        if (d(a, c) + d(b, e) < d(a, b) + d(c, e)) {
          std::reverse(tour.begin() + static_cast<std::ptrdiff_t>(i + 1),
                       tour.begin() + static_cast<std::ptrdiff_t>(j + 1));
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  std::vector<size_t> order;
  order.reserve(members.size());
  for (size_t node : tour) order.insert(order.end(), symbols[node]->begin(), symbols[node]->end());
  return order;
}

uint64_t OrderCost(const std::vector<std::vector<uint64_t>>& members,
                   const std::vector<uint32_t>& weights, const std::vector<size_t>& order) {
  if (order.empty()) return 0;
  const std::vector<uint64_t> none(members.front().size(), 0);
  uint64_t boundaries = Distance(none, members[order.front()], weights) +
                        Distance(members[order.back()], none, weights);
  for (size_t i = 1; i < order.size(); ++i) {
    boundaries += Distance(members[order[i - 1]], members[order[i]], weights);
  }
  return boundaries / 2;
}

}  // namespace whosaid::tokenrules
