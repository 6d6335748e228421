// The order of an alphabet's symbols (alphabet.h). A token test compiles to a character class
// of symbols, written as ranges of consecutive code points, and RE2 compiles each range of
// two-byte UTF-8 to a few byte ranges: the fewer ranges the rules' classes have, the smaller
// the regexes, the faster RE2 compiles them and the smaller its programs (and DFA states).
// In the order the symbols are found (lexicon entries, then literal words, then marks), a
// class such as `Cap & !@not_names` was 200 ranges; ordered here, a few.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace whosaid::tokenrules {

// An order of the symbols that keeps each class in few ranges. `members[i]` is the bit set
// of the classes symbol i belongs to (bit k of word k / 64: class k); `weights[k]` is how
// often class k is written in the rules (a class written often counts more). Returns a
// permutation of 0 .. members.size() - 1: position → symbol. Deterministic.
//
// A class has as many ranges as it has runs in the order, that is half the number of places
// where it starts or stops; so the cost of an order is the weighted count of classes that
// differ between neighbours (plus its ends): a shortest path through the symbols under a
// weighted Hamming distance. Symbols of the same classes stand together; the rest is a
// greedy nearest-neighbour path improved by 2-opt moves.
std::vector<size_t> OrderSymbols(const std::vector<std::vector<uint64_t>>& members,
                                 const std::vector<uint32_t>& weights);

// The weighted number of ranges the classes have in `order` (for tests and measurements).
uint64_t OrderCost(const std::vector<std::vector<uint64_t>>& members,
                   const std::vector<uint32_t>& weights, const std::vector<size_t>& order);

}  // namespace whosaid::tokenrules
