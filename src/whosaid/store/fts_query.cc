#include "whosaid/store/fts_query.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace whosaid::store {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Length of the quotation mark at `s[i]` (a straight double quote or one of “ ” „ « »), or 0.
size_t QuoteMarkAt(std::string_view s, size_t i) {
  if (s[i] == '"') return 1;
  const std::string_view rest = s.substr(i);
  for (std::string_view mark : {"\u201C", "\u201D", "\u201E", "\u00AB", "\u00BB"}) {
    if (rest.substr(0, mark.size()) == mark) return mark.size();
  }
  return 0;
}

// True when `s` holds a character that FTS5's unicode61 tokenizer keeps in a word.
bool HasWordChar(std::string_view s) {
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) continue;
    if (u_isalnum(c)) return true;
    const int8_t type = u_charType(c);
    if (type == U_PRIVATE_USE_CHAR) return true;
  }
  return false;
}

void AppendTerm(std::string& out, std::string_view text, bool prefix) {
  if (!HasWordChar(text)) return;
  if (!out.empty()) out.push_back(' ');
  out.push_back('"');
  for (char c : text) {
    if (c == '"') out.push_back('"');  // FTS5 escapes a quote inside a string by doubling it
    out.push_back(c);
  }
  out.push_back('"');
  if (prefix) out.push_back('*');
}

}  // namespace

std::string BuildFtsQuery(std::string_view input) {
  std::string out;
  size_t i = 0;
  while (i < input.size()) {
    if (IsSpace(input[i])) {
      ++i;
      continue;
    }
    if (const size_t open = QuoteMarkAt(input, i)) {
      // A phrase: up to the next quotation mark, or the end of the input.
      size_t j = i + open;
      size_t close = 0;
      while (j < input.size() && (close = QuoteMarkAt(input, j)) == 0) ++j;
      const std::string_view phrase = input.substr(i + open, j - (i + open));
      i = j + close;
      bool prefix = false;
      while (i < input.size() && input[i] == '*') {
        prefix = true;
        ++i;
      }
      AppendTerm(out, phrase, prefix);
      continue;
    }
    // A bare token: up to white space or a quotation mark.
    size_t j = i;
    while (j < input.size() && !IsSpace(input[j]) && QuoteMarkAt(input, j) == 0) ++j;
    std::string_view token = input.substr(i, j - i);
    i = j;
    bool prefix = false;
    while (!token.empty() && token.back() == '*') {
      prefix = true;
      token.remove_suffix(1);
    }
    AppendTerm(out, token, prefix);
  }
  return out;
}

}  // namespace whosaid::store
