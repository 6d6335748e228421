// Helpers shared by the rule-engine tests.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/rules/diagnostic.h"

namespace whosaid::rules::testing {

inline constexpr std::string_view kQ = "\xEE\x80\x80";      // U+E000, the focus quote
inline constexpr std::string_view kOther = "\xEE\x80\x81";  // U+E001, another quote

inline std::string DataDir() { return std::string(WHOSAID_SOURCE_DIR) + "/tests/rules/data"; }

// A list of strings that doctest prints one per line when a comparison fails.
struct Strings : std::vector<std::string> {
  using std::vector<std::string>::vector;
};
inline std::ostream& operator<<(std::ostream& os, const Strings& s) {
  os << "{\n";
  for (const std::string& line : s) os << "  " << line << "\n";
  return os << "}";
}

// Diagnostics as their ToString() lines, for exact comparisons.
inline Strings Lines(const std::vector<Diagnostic>& diags) {
  Strings out;
  for (const Diagnostic& d : diags) out.push_back(d.ToString());
  return out;
}

// Joins `parts`, for building windows around kQ.
inline std::string Cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view p : parts) out += p;
  return out;
}

}  // namespace whosaid::rules::testing
