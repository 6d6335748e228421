#include "whosaid/tokenrules/pattern_facts.h"

#include <algorithm>

namespace whosaid::tokenrules {
namespace {

using Mask = std::vector<uint64_t>;

size_t Count(const Mask& m) {
  size_t n = 0;
  for (uint64_t w : m) n += static_cast<size_t>(__builtin_popcountll(w));
  return n;
}

void Required(const PatternNode& node, const Alphabet& alphabet, std::vector<Mask>* out) {
  switch (node.kind) {
    case PatternNode::Kind::kTest:
      if (node.test.kind != TokenTest::Kind::kQuote && node.test.kind != TokenTest::Kind::kAny &&
          node.test.kind != TokenTest::Kind::kNot) {
        out->push_back(alphabet.SymbolMask(node.test));
      }
      return;
    case PatternNode::Kind::kSequence:
      for (const PatternNode& c : node.children) Required(c, alphabet, out);
      return;
    case PatternNode::Kind::kRepeat:
      if (node.min > 0) Required(node.children.front(), alphabet, out);
      return;
    case PatternNode::Kind::kSlot:
      Required(node.children.front(), alphabet, out);
      return;
    case PatternNode::Kind::kAlternation: {
      if (node.children.size() == 1) {
        Required(node.children.front(), alphabet, out);
        return;
      }
      if (node.children.empty()) return;
      // Every match takes a branch, and holds a symbol of each of its sets: of the union of
      // the branches' smallest sets.
      Mask any;
      for (const PatternNode& c : node.children) {
        std::vector<Mask> sets;
        Required(c, alphabet, &sets);
        if (sets.empty()) return;
        const Mask& smallest =
            *std::min_element(sets.begin(), sets.end(),
                              [](const Mask& a, const Mask& b) { return Count(a) < Count(b); });
        any.resize(std::max(any.size(), smallest.size()), 0);
        for (size_t w = 0; w < smallest.size(); ++w) any[w] |= smallest[w];
      }
      out->push_back(std::move(any));
      return;
    }
  }
}

// The positions (test nodes) of a pattern as Glushkov's construction numbers them, with
// whether some position may come right before (has_before) or right after (has_after) each.
class Positions {
 public:
  explicit Positions(const Alphabet& alphabet)
      : alphabet_(alphabet), sent_bit_(alphabet.sentence_start() - kFirstSymbol) {}

  struct Ends {
    bool nullable = true;
    std::vector<size_t> first, last;
  };

  Ends Visit(const PatternNode& node) {
    switch (node.kind) {
      case PatternNode::Kind::kTest: {
        const size_t p = passes_sent_.size();
        Mask mask = alphabet_.SymbolMask(node.test);
        passes_sent_.push_back(sent_bit_ / 64 < mask.size() &&
                               ((mask[sent_bit_ / 64] >> (sent_bit_ % 64)) & 1));
        masks_.push_back(std::move(mask));
        has_before_.push_back(false);
        has_after_.push_back(false);
        return Ends{false, {p}, {p}};
      }
      case PatternNode::Kind::kSlot:
        return Visit(node.children.front());
      case PatternNode::Kind::kRepeat: {
        Ends c = Visit(node.children.front());
        if (node.max == 0) return Ends{};
        if (node.max != 1) Link(c.last, c.first);  // {2,3} as +: too careful at worst
        c.nullable |= node.min == 0;
        return c;
      }
      case PatternNode::Kind::kAlternation: {
        Ends out;
        out.nullable = node.children.empty();
        for (const PatternNode& child : node.children) {
          Ends c = Visit(child);
          out.nullable |= c.nullable;
          out.first.insert(out.first.end(), c.first.begin(), c.first.end());
          out.last.insert(out.last.end(), c.last.begin(), c.last.end());
        }
        return out;
      }
      case PatternNode::Kind::kSequence: {
        std::vector<Ends> parts;
        for (const PatternNode& child : node.children) parts.push_back(Visit(child));
        Ends out;
        for (size_t i = 0; i < parts.size(); ++i) {
          // What may follow part i: the next parts up to the first that cannot be empty.
          for (size_t j = i + 1; j < parts.size(); ++j) {
            Link(parts[i].last, parts[j].first);
            if (!parts[j].nullable) break;
          }
        }
        for (const Ends& p : parts) {
          out.first.insert(out.first.end(), p.first.begin(), p.first.end());
          if (!p.nullable) break;
        }
        for (size_t i = parts.size(); i-- > 0;) {
          out.last.insert(out.last.end(), parts[i].last.begin(), parts[i].last.end());
          if (!parts[i].nullable) break;
        }
        out.nullable =
            std::all_of(parts.begin(), parts.end(), [](const Ends& p) { return p.nullable; });
        return out;
      }
    }
    return Ends{};
  }

  // The symbols of positions `of` may start with.
  Mask SymbolsOf(const std::vector<size_t>& of) const {
    Mask out;
    for (size_t p : of) {
      out.resize(std::max(out.size(), masks_[p].size()), 0);
      for (size_t w = 0; w < masks_[p].size(); ++w) out[w] |= masks_[p][w];
    }
    return out;
  }

  // Whether a position that passes SENT may stand between two others.
  bool InnerSentence() const {
    for (size_t p = 0; p < passes_sent_.size(); ++p) {
      if (passes_sent_[p] && has_before_[p] && has_after_[p]) return true;
    }
    return false;
  }

 private:
  void Link(const std::vector<size_t>& from, const std::vector<size_t>& to) {
    if (from.empty() || to.empty()) return;
    for (size_t x : from) has_after_[x] = true;
    for (size_t y : to) has_before_[y] = true;
  }

  const Alphabet& alphabet_;
  size_t sent_bit_;
  std::vector<bool> passes_sent_, has_before_, has_after_;
  std::vector<Mask> masks_;  // per position: the symbols that pass its test (SymbolMask)
};

// FirstSymbols of the pattern whose positions are `positions` (`ends`: its root's).
Mask FirstOf(const Positions& positions, const Positions::Ends& ends, const Alphabet& alphabet) {
  if (ends.nullable) return {};
  Mask first = positions.SymbolsOf(ends.first);
  if (Count(first) * 2 >= alphabet.size()) return {};
  return first;
}

}  // namespace

std::vector<std::vector<uint64_t>> RequiredSymbols(const PatternNode& node,
                                                   const Alphabet& alphabet) {
  std::vector<Mask> sets;
  Required(node, alphabet, &sets);
  std::vector<Mask> out;
  for (Mask& m : sets) {
    if (Count(m) * 2 < alphabet.size()) out.push_back(std::move(m));
  }
  return out;
}

std::vector<uint64_t> FirstSymbols(const PatternNode& node, const Alphabet& alphabet) {
  Positions positions(alphabet);
  const Positions::Ends ends = positions.Visit(node);
  return FirstOf(positions, ends, alphabet);
}

RuleFacts FactsOf(const PatternNode& node, const Alphabet& alphabet) {
  RuleFacts facts;
  facts.required = RequiredSymbols(node, alphabet);
  Positions positions(alphabet);
  const Positions::Ends ends = positions.Visit(node);
  facts.within_sentence = !positions.InnerSentence();
  facts.first = FirstOf(positions, ends, alphabet);
  return facts;
}

bool MaySpanSentences(const PatternNode& node, const Alphabet& alphabet) {
  Positions positions(alphabet);
  positions.Visit(node);
  return positions.InnerSentence();
}

}  // namespace whosaid::tokenrules
