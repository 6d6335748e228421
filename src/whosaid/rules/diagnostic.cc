#include "whosaid/rules/diagnostic.h"

#include <algorithm>
#include <utility>

#include "whosaid/text/utf8.h"

namespace whosaid::rules {

std::string Diagnostic::ToString() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) {
      out += ':' + std::to_string(line);
      if (col > 0) out += ':' + std::to_string(col);
    }
    out += ": ";
  }
  out += error ? "error: " : "warning: ";
  out += message;
  return out;
}

Diagnostic Diagnostic::Error(std::string file, int line, int col, std::string message) {
  return Diagnostic{std::move(file), line, col, true, std::move(message)};
}

Diagnostic Diagnostic::Warning(std::string file, int line, int col, std::string message) {
  return Diagnostic{std::move(file), line, col, false, std::move(message)};
}

bool HasErrors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.error; });
}

int ColumnAt(std::string_view line, size_t byte_offset) {
  byte_offset = std::min(byte_offset, line.size());
  return 1 + static_cast<int>(text::CountCodePoints(line.substr(0, byte_offset)));
}

}  // namespace whosaid::rules
