#include "whosaid/text/nickname.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "whosaid/text/char_class.h"
#include "whosaid/text/utf8.h"

namespace whosaid::text {
namespace {

struct MarkPair {
  std::string_view open, close;
};

// Pairs a nickname can stand in. `''` before `'`, so that the longer mark wins.
constexpr MarkPair kPairs[] = {
    {"\"", "\""},
    {"\xE2\x80\x9C", "\xE2\x80\x9D"},
    {"\xE2\x80\x98", "\xE2\x80\x99"},
    {"``", "''"},
    {"''", "''"},
    {"'", "'"},
};

// Characters inside a name word besides letters: "O’Neill", "Jean-Luc", "J.R.".
bool IsNameInner(char32_t cp) { return cp == '.' || cp == '-' || cp == '\'' || cp == 0x2019; }

// Whether [b, e) is one capitalized name word: a capital letter, then letters and inner
// marks, ending in a letter; or initials ("C.", "J.R."), where a period follows each
// letter. A word that ends a sentence ("Ada.") is neither.
bool IsNameWord(std::string_view t, uint32_t b, uint32_t e) {
  if (b >= e) return false;
  const Decoded first = DecodeAt(t, b);
  if (!IsUpperCp(first.cp)) return false;
  if (t[e - 1] == '.') {
    for (uint32_t i = b; i < e;) {
      const Decoded d = DecodeAt(t, i);
      if (!IsUpperCp(d.cp) || i + d.len >= e || t[i + d.len] != '.') return false;
      i += d.len + 1;
    }
    return true;
  }
  char32_t last = first.cp;
  for (uint32_t i = b + first.len; i < e;) {
    const Decoded d = DecodeAt(t, i);
    if (!IsLetterCp(d.cp) && !IsNameInner(d.cp)) return false;
    last = d.cp;
    i += d.len;
  }
  return IsLetterCp(last);
}

// Whether some word within `words` words of [b, e) on its line, before or after it, starts
// with a lower-case letter and is not a small word: the text runs on as prose, not as a
// title-case headline.
bool InRunningText(std::string_view t, uint32_t b, uint32_t e,
                   const std::vector<std::string>& small_words) {
  constexpr int kWords = 6;
  constexpr uint32_t kReach = 200;
  auto lower_word = [&](uint32_t ws, uint32_t we) {
    while (ws < we && !IsLetterCp(DecodeAt(t, ws).cp)) ws += DecodeAt(t, ws).len;
    if (ws >= we || !IsLowerCp(DecodeAt(t, ws).cp)) return false;
    std::string_view w = t.substr(ws, we - ws);
    while (!w.empty() && (w.back() == ',' || w.back() == ';' || w.back() == ':')) {
      w.remove_suffix(1);
    }
    return std::find(small_words.begin(), small_words.end(), w) == small_words.end();
  };
  // Backwards.
  uint32_t i = b;
  const uint32_t floor = b > kReach ? b - kReach : 0;
  for (int n = 0; n < kWords && i > floor;) {
    while (i > floor && t[i - 1] == ' ') --i;
    if (i == floor || t[i - 1] == '\n' || t[i - 1] == '\r') break;
    const uint32_t we = i;
    while (i > floor && t[i - 1] != ' ' && t[i - 1] != '\n' && t[i - 1] != '\r') --i;
    if (lower_word(i, we)) return true;
    ++n;
  }
  // Forwards.
  i = e;
  const uint32_t ceil = static_cast<uint32_t>(std::min<size_t>(t.size(), size_t{e} + kReach));
  for (int n = 0; n < kWords && i < ceil;) {
    while (i < ceil && t[i] == ' ') ++i;
    if (i == ceil || t[i] == '\n' || t[i] == '\r') break;
    const uint32_t ws = i;
    while (i < ceil && t[i] != ' ' && t[i] != '\n' && t[i] != '\r') ++i;
    if (lower_word(ws, i)) return true;
    ++n;
  }
  return false;
}

}  // namespace

std::optional<Nickname> NicknameAt(std::string_view t, uint32_t open,
                                   const std::vector<std::string>& small_words) {
  if (open < 3 || open >= t.size() || t[open - 1] != ' ' || t[open - 2] == ' ') {
    return std::nullopt;
  }
  const MarkPair* pair = nullptr;
  for (const MarkPair& p : kPairs) {
    if (t.substr(open, p.open.size()) == p.open) {
      pair = &p;
      break;
    }
  }
  if (!pair) return std::nullopt;
  // The first name before: one word, after a space or the start of its line.
  const uint32_t first_end = open - 1;
  uint32_t first_begin = first_end;
  while (first_begin > 0 && first_end - first_begin < kMaxNicknameBytes) {
    const char c = t[first_begin - 1];
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '(') break;
    --first_begin;
  }
  if (!IsNameWord(t, first_begin, first_end)) return std::nullopt;
  // The nickname: one or two name words, right inside the marks.
  const uint32_t cb = open + static_cast<uint32_t>(pair->open.size());
  const size_t limit = std::min<size_t>(t.size(), size_t{cb} + kMaxNicknameBytes);
  const size_t close = t.substr(0, limit).find(pair->close, cb);
  if (close == std::string_view::npos || close == cb) return std::nullopt;
  const uint32_t ce = static_cast<uint32_t>(close);
  int words = 0;
  for (uint32_t wb = cb; wb < ce;) {
    uint32_t we = wb;
    while (we < ce && t[we] != ' ') ++we;
    if (++words > 2 || !IsNameWord(t, wb, we)) return std::nullopt;
    if (we < ce && (we + 1 >= ce || t[we + 1] == ' ')) return std::nullopt;  // "Bo  " / "Bo "
    wb = we + 1;
  }
  // The surname after: one space, then a name word.
  const uint32_t oe = ce + static_cast<uint32_t>(pair->close.size());
  if (oe + 1 >= t.size() || t[oe] != ' ') return std::nullopt;
  uint32_t se = oe + 1;
  while (se < t.size() && se - oe <= kMaxNicknameBytes) {
    const Decoded d = DecodeAt(t, se);
    if (!IsLetterCp(d.cp) && !IsNameInner(d.cp)) break;
    se += d.len;
  }
  // A sentence's final period or a plural possessive's mark is not part of the surname:
  // "said Ana Ruiz.", "the Smiths’ house".
  while (se > oe + 1 && (t[se - 1] == '\'' || t[se - 1] == '.')) --se;
  if (se - (oe + 1) >= 3 && t.substr(se - 3, 3) == "\xE2\x80\x99") se -= 3;
  if (!IsNameWord(t, oe + 1, se)) return std::nullopt;
  if (!InRunningText(t, first_begin, se, small_words)) return std::nullopt;
  return Nickname{{open, oe}, {cb, ce}};
}

}  // namespace whosaid::text
