// Helpers of the rule-file tests.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/rules/diagnostic.h"

namespace whosaid::rules::testing {

// A directory of the source tree (the tests' own), where files are looked for and not found.
inline std::string DataDir() { return std::string(WHOSAID_SOURCE_DIR) + "/tests/rules"; }

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

}  // namespace whosaid::rules::testing
