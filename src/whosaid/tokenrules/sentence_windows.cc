#include "whosaid/tokenrules/sentence_windows.h"

#include <algorithm>

namespace whosaid::tokenrules {
namespace {

// Symbol k of `text` (two bytes of UTF-8, alphabet.h).
char32_t SymbolAt(const std::string& symbols, size_t k) {
  const auto b0 = static_cast<unsigned char>(symbols[2 * k]);
  const auto b1 = static_cast<unsigned char>(symbols[2 * k + 1]);
  return (static_cast<char32_t>(b0 & 0x1F) << 6) | (b1 & 0x3F);
}

}  // namespace

SentenceWindows::SentenceWindows(const SymbolText& text, char32_t sentence, size_t alphabet_size)
    : text_(&text), words_((alphabet_size + 63) / 64) {
  const size_t n = text.symbols.size() / 2;
  if (n == 0) return;
  cuts_.push_back(0);
  for (size_t k = 1; k + 1 < n; ++k) {
    if (SymbolAt(text.symbols, k) == sentence) cuts_.push_back(k);
  }
  cuts_.push_back(n - 1);
  const size_t windows = cuts_.size() - 1;
  present_.assign(std::max<size_t>(windows, 1) * words_, 0);
  size_t window = 0;
  for (size_t k = 0; k < n; ++k) {
    const size_t bit = SymbolAt(text.symbols, k) - kFirstSymbol;
    if (bit / 64 >= words_) continue;
    const uint64_t b = uint64_t{1} << (bit % 64);
    // A cut belongs to the window it closes and to the one it opens.
    while (window + 1 < windows && k > cuts_[window + 1]) ++window;
    present_[window * words_ + bit / 64] |= b;
    if (window + 1 < windows && k == cuts_[window + 1])
      present_[(window + 1) * words_ + bit / 64] |= b;
  }
}

bool SentenceWindows::Holds(size_t window,
                            const std::vector<std::vector<uint64_t>>& required) const {
  const uint64_t* present = &present_[window * words_];
  for (const std::vector<uint64_t>& need : required) {
    bool any = false;
    for (size_t w = 0; w < words_ && w < need.size() && !any; ++w)
      any = (need[w] & present[w]) != 0;
    if (!any) return false;
  }
  return true;
}

bool SentenceWindows::Match(const CompiledPattern& pattern,
                            const std::vector<std::vector<uint64_t>>& required,
                            const std::vector<uint64_t>& first, size_t from,
                            std::map<std::string, TokenRange>* slots) const {
  const size_t n = text_->symbols.size() / 2;
  const size_t windows = cuts_.empty() ? 0 : cuts_.size() - 1;
  if (windows == 0 || from >= n) {  // no window to search: an empty match at the end at most
    return pattern.Match(*text_, from, n, /*anchored=*/false, slots);
  }
  // The window `from` is in (a cut: the window it opens).
  size_t k =
      static_cast<size_t>(std::upper_bound(cuts_.begin(), cuts_.end(), from) - cuts_.begin());
  k = k == 0 ? 0 : std::min(k - 1, windows - 1);
  for (; k < windows; ++k) {
    if (!Holds(k, required)) continue;
    const size_t begin = std::max(from, cuts_[k]);
    const size_t end = cuts_[k + 1] + 1;
    if (begin >= end) continue;
    if (!first.empty()) {
      // A match that starts at the closing cut is the next window's.
      const size_t last = k + 1 < windows ? end - 1 : end;
      for (size_t at = begin; at < last; ++at) {
        const size_t bit = SymbolAt(text_->symbols, at) - kFirstSymbol;
        if (bit / 64 >= first.size() || !((first[bit / 64] >> (bit % 64)) & 1)) continue;
        if (pattern.Match(*text_, at, end, /*anchored=*/true, nullptr) &&
            pattern.Match(*text_, at, end, /*anchored=*/true, slots)) {
          return true;
        }
      }
      continue;
    }
    size_t start = 0;
    if (!pattern.Match(*text_, begin, end, /*anchored=*/false, slots, &start)) continue;
    // A match that starts at the closing cut may go on past it: the next window has it whole.
    if (start == cuts_[k + 1] && k + 1 < windows) continue;
    return true;
  }
  return false;
}

}  // namespace whosaid::tokenrules
