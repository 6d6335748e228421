// A document's symbols cut into sentences, to search a pattern only where it can match. The
// reported-speech rules are searched over the whole document: RE2 scanned every symbol of it
// for every rule, though most sentences hold no cue verb a rule needs.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "whosaid/tokenrules/compiled_pattern.h"

namespace whosaid::tokenrules {

class SentenceWindows {
 public:
  // The windows of `text`: from one SENT symbol (`sentence`) to the next, both included (the
  // text's first and last symbols close the first and last ones), and the symbols each holds.
  SentenceWindows(const SymbolText& text, char32_t sentence, size_t alphabet_size);

  // The leftmost match of `pattern` that starts at symbol `from` or after, with its slots: the
  // match pattern.Match(text, from, end of text, unanchored, slots) finds, provided no match
  // of the pattern holds SENT but as its first or last symbol (!MaySpanSentences). Each such
  // match lies in one window, so only windows that hold a symbol of each of `required`
  // (RequiredSymbols) are searched, each on its own. With `first` (FirstSymbols, not empty),
  // the pattern is tried anchored at each symbol of a window that is in `first`, in order: the
  // first that matches is the leftmost match, and RE2's DFA, anchored, needs far fewer states
  // than for an unanchored search (every start at once).
  bool Match(const CompiledPattern& pattern, const std::vector<std::vector<uint64_t>>& required,
             const std::vector<uint64_t>& first, size_t from,
             std::map<std::string, TokenRange>* slots) const;

 private:
  bool Holds(size_t window, const std::vector<std::vector<uint64_t>>& required) const;

  const SymbolText* text_;
  std::vector<size_t> cuts_;       // window k: symbols cuts_[k] .. cuts_[k + 1], both included
  size_t words_ = 0;               // 64-bit words per window in present_
  std::vector<uint64_t> present_;  // window k's symbols: words_ words from k * words_
};

}  // namespace whosaid::tokenrules
