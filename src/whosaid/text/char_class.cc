#include "whosaid/text/char_class.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "whosaid/text/utf8.h"

namespace whosaid::text {

bool IsWordCp(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  }
  return u_isalnum(cp) || u_charType(cp) == U_NON_SPACING_MARK;
}

bool IsUpperCp(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}

bool IsLowerCp(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return u_islower(static_cast<UChar32>(cp));
}

bool IsLetterCp(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return u_isalpha(static_cast<UChar32>(cp));
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string AsciiLowerFirst(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z')
    out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

std::string_view BeforeApostrophe(std::string_view word) {
  const size_t straight = word.find('\'');
  const size_t curly = word.find("\xE2\x80\x99");
  return word.substr(0, std::min(straight, curly));
}

size_t LineBreakLength(std::string_view t, size_t i) {
  const unsigned char c = static_cast<unsigned char>(t[i]);
  if (c == '\n') return 1;
  if (c == '\r') return (i + 1 < t.size() && t[i + 1] == '\n') ? 2 : 1;
  if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
      (static_cast<unsigned char>(t[i + 2]) == 0xA8 ||
       static_cast<unsigned char>(t[i + 2]) == 0xA9)) {
    return 3;  // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
  }
  return 0;
}

bool IsCommaOrDash(std::string_view token) {
  if (token == "," || token == "\xE2\x80\x94" || token == "\xE2\x80\x93" ||
      token == "\xE2\x80\x95") {
    return true;
  }
  return !token.empty() && token.find_first_not_of('-') == std::string_view::npos;
}

size_t ParticleJoint(std::string_view word) {
  const size_t joint = word.find_first_of("-'\xE2");
  if (joint == 0 || joint == std::string_view::npos) return std::string_view::npos;
  size_t after = joint + 1;
  if (word[joint] == '\xE2') {
    if (word.substr(joint, 3) != "\xE2\x80\x99") return std::string_view::npos;  // ’
    after = joint + 3;
  }
  if (after >= word.size()) return std::string_view::npos;
  const Decoded d = DecodeAt(word, after);
  return d.valid && IsUpperCp(d.cp) ? joint : std::string_view::npos;
}

}  // namespace whosaid::text
