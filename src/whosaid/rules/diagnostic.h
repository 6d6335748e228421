// Diagnostics: the problems found in rule files and lexicons, each with its place.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace whosaid::rules {

// One problem in a rule file or lexicon. `line` and `col` are 1-based; `col` counts code
// points of the line (a tab is one column). line == 0 means the problem concerns the whole
// file (it cannot be opened, a directory holds no rule files, …).
struct Diagnostic {
  std::string file;
  int line = 0;
  int col = 0;
  bool error = true;  // false: a warning
  std::string message;

  // "file:line:col: error: message" ("warning:" for warnings); "file: error: message" when
  // line == 0; "error: message" when file is empty too.
  std::string ToString() const;

  static Diagnostic Error(std::string file, int line, int col, std::string message);
  static Diagnostic Warning(std::string file, int line, int col, std::string message);

  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

// True when any of `diagnostics` is an error.
bool HasErrors(const std::vector<Diagnostic>& diagnostics);

// The 1-based column of byte `byte_offset` of `line`: one plus the number of code points
// that start before it.
int ColumnAt(std::string_view line, size_t byte_offset);

}  // namespace whosaid::rules
