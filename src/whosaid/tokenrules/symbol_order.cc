#include "whosaid/tokenrules/symbol_order.h"

#include <algorithm>
#include <map>

#include "whosaid/parallel_for.h"

namespace whosaid::tokenrules {
namespace {

// The weighted number of classes that hold exactly one of `a` and `b`, by a table of each
// byte's weight: the distances between all symbols are most of the ordering's time.
class ByteWeights {
 public:
  ByteWeights(size_t words, const std::vector<uint32_t>& weights) : table_(words * 8 * 256, 0) {
    for (size_t chunk = 0; chunk < words * 8; ++chunk) {
      for (unsigned byte = 1; byte < 256; ++byte) {
        uint32_t sum = 0;
        for (unsigned bit = 0; bit < 8; ++bit) {
          const size_t k = chunk * 8 + bit;
          if (((byte >> bit) & 1) && k < weights.size()) sum += weights[k];
        }
        table_[chunk * 256 + byte] = sum;
      }
    }
  }
  uint32_t Distance(const uint64_t* a, const uint64_t* b, size_t words) const {
    uint32_t d = 0;
    for (size_t w = 0; w < words; ++w) {
      for (uint64_t x = a[w] ^ b[w]; x != 0;) {
        const unsigned byte = static_cast<unsigned>(__builtin_ctzll(x)) / 8;
        d += table_[(w * 8 + byte) * 256 + ((x >> (byte * 8)) & 0xFF)];
        x &= ~(uint64_t{0xFF} << (byte * 8));
      }
    }
    return d;
  }

 private:
  std::vector<uint32_t> table_;
};

// At most this many passes of 2-opt: each is quadratic in the number of distinct rows, and
// the first take nearly all of the gain (English pack, 921 rows: cost 33,373 ranges after the
// nearest-neighbour path, 31,451 after one pass, 30,979 after two, 30,893 after five).
constexpr int kMaxPasses = 2;

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
  // The distances, row i holding those to j > i (one write per pair, in order).
  const size_t words = members.front().size();
  std::vector<uint64_t> flat(n * words);
  for (size_t i = 0; i < n; ++i)
    std::copy(rows[i]->begin(), rows[i]->end(), flat.data() + i * words);
  std::vector<uint32_t> dist(n * n, 0);
  const ByteWeights byte_weights(words, weights);
  ParallelFor(n, 0, [&](size_t i) {
    for (size_t j = i + 1; j < n; ++j) {
      dist[i * n + j] =
          byte_weights.Distance(flat.data() + i * words, flat.data() + j * words, words);
    }
  });
  auto d = [&](size_t a, size_t b) { return a < b ? dist[a * n + b] : dist[b * n + a]; };
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
  const size_t words = members.front().size();
  const ByteWeights byte_weights(words, weights);
  const auto distance = [&](const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
    return byte_weights.Distance(a.data(), b.data(), words);
  };
  const std::vector<uint64_t> none(words, 0);
  uint64_t boundaries =
      distance(none, members[order.front()]) + distance(members[order.back()], none);
  for (size_t i = 1; i < order.size(); ++i) {
    boundaries += distance(members[order[i - 1]], members[order[i]]);
  }
  return boundaries / 2;
}

}  // namespace whosaid::tokenrules
