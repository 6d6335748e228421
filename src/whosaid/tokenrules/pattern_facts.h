// What a compiled token pattern's matches must hold, read off the pattern tree: the facts
// that let the rule set skip stretches of a document where a rule cannot match.
#pragma once

#include <cstdint>
#include <vector>

#include "whosaid/tokenrules/alphabet.h"
#include "whosaid/tokenrules/pattern.h"

namespace whosaid::tokenrules {

// Symbol sets (bit sets as Alphabet::SymbolMask) of which every match of `node` holds at least
// one symbol each: a cue verb, "according to", ":". A sequence needs its children's sets, a
// repetition (at least once), a slot its child's; an alternation needs the union of one set
// of each branch (when every branch has one). QUOTE, ANY, negations and sets that half the
// symbols or more are in are left out: they filter nothing. A prefilter: a stretch without a
// symbol of each set holds no match.
std::vector<std::vector<uint64_t>> RequiredSymbols(const PatternNode& node,
                                                   const Alphabet& alphabet);

// The symbols a match of `node` may start with (a bit set as Alphabet::SymbolMask, a superset),
// or an empty vector when a match may be empty or may start with half the symbols or more:
// a search need only try the positions that hold one of them.
std::vector<uint64_t> FirstSymbols(const PatternNode& node, const Alphabet& alphabet);

// What the rule set keeps of a rule's pattern to skip where it cannot match, read off the
// pattern once (the positions are most of the work, and each reads every test's symbols):
// RequiredSymbols, !MaySpanSentences and FirstSymbols.
struct RuleFacts {
  std::vector<std::vector<uint64_t>> required;
  bool within_sentence = false;
  std::vector<uint64_t> first;
};
RuleFacts FactsOf(const PatternNode& node, const Alphabet& alphabet);

// Whether some match of `node` may hold SENT other than as its first or last symbol. When not,
// every match lies between two sentence boundaries (both included), and a search may go
// sentence by sentence (sentence_windows.h). Read off the pattern's positions (Glushkov): a
// test that passes SENT and that some test may precede and some may follow, in a repetition
// treated as unbounded; so "true" may be too careful, never "false".
bool MaySpanSentences(const PatternNode& node, const Alphabet& alphabet);

}  // namespace whosaid::tokenrules
