#include "whosaid/store/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace whosaid::store {
namespace {

bool IsApostrophe(UChar32 c) { return c == 0x27 || c == 0x2019 || c == 0x02BC || c == 0x2018; }

// Characters that belong to a word: letters, digits, combining marks (so a decomposed
// accent stays with its letter) and private-use characters, as FTS5's unicode61 tokenizer
// treats them.
bool IsWordChar(UChar32 c) {
  if (u_isalnum(c)) return true;
  const int8_t type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
         type == U_ENCLOSING_MARK || type == U_PRIVATE_USE_CHAR;
}

bool IsDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

}  // namespace

std::string NormalizeQuote(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString input = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString folded;
  if (U_SUCCESS(status)) folded = nfkc_cf->normalize(input, status);
  if (U_FAILURE(status)) folded = input.foldCase();  // ICU data missing: fold case at least

  icu::UnicodeString out;
  bool pending_space = false;
  for (int32_t i = 0; i < folded.length();) {
    const UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (IsApostrophe(c)) continue;
    if (!IsWordChar(c)) {
      pending_space = !out.isEmpty();
      continue;
    }
    if (pending_space) out.append(static_cast<UChar>(' '));
    pending_space = false;
    out.append(c);
  }
  std::string result;
  out.toUTF8String(result);
  return result;
}

std::string NormalizeName(std::string_view name) {
  std::string out;
  bool pending_space = false;
  for (char c : name) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

std::optional<std::string> PublishedDay(std::string_view published) {
  while (!published.empty() && published.front() == ' ') published.remove_prefix(1);
  if (published.size() < 10) return std::nullopt;
  const std::string_view year = published.substr(0, 4), month = published.substr(5, 2),
                         day = published.substr(8, 2);
  const char sep = published[4];
  if ((sep != '-' && sep != '/') || published[7] != sep) return std::nullopt;
  if (!IsDigits(year) || !IsDigits(month) || !IsDigits(day)) return std::nullopt;
  // What follows the date must start a time or end the value: "2016-03-011" is no date.
  if (published.size() > 10) {
    const char next = published[10];
    if (next != 'T' && next != 't' && next != ' ' && next != 'Z' && next != '+') {
      return std::nullopt;
    }
  }
  const int m = (month[0] - '0') * 10 + (month[1] - '0');
  const int d = (day[0] - '0') * 10 + (day[1] - '0');
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  std::string out(published.substr(0, 10));
  out[4] = out[7] = '-';
  return out;
}

}  // namespace whosaid::store
