#include "whosaid/attrib/title_case.h"

namespace whosaid::attrib {

int CountWords(std::string_view s) {
  int words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool IsTitleCase(std::string_view content, const entities::Lexicons& lex) {
  int words = 0, capitalized = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t sp = content.find(' ', pos);
    if (sp == std::string_view::npos) sp = content.size();
    std::string_view w = content.substr(pos, sp - pos);
    pos = sp + 1;
    while (!w.empty() &&
           (w.back() == ',' || w.back() == '.' || w.back() == '?' || w.back() == '!')) {
      w.remove_suffix(1);
    }
    if (w.empty()) continue;
    ++words;
    const unsigned char c = static_cast<unsigned char>(w[0]);
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      ++capitalized;
    } else if (!lex.title_small_words.contains(w)) {
      return false;
    }
  }
  return words > 0 && words <= 8 && capitalized > 0;
}

}  // namespace whosaid::attrib
