#include "whosaid/lexicon/list_file.h"

#include "whosaid/text/utf8.h"

namespace whosaid::lexicon {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'; }

}  // namespace

std::string NormalizeEntry(std::string_view entry) {
  std::string out;
  bool pending_space = false;
  for (char c : entry) {
    if (IsBlank(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    if (c == '\'') {
      out += "\xE2\x80\x99";  // ’
    } else {
      out += c;
    }
  }
  return out;
}

std::vector<std::string> ParseListFile(std::string_view path, std::string_view text,
                                       std::vector<rules::Diagnostic>* diagnostics) {
  std::vector<std::string> entries;
  ForEachLine(text, [&](std::string_view line, int line_no) {
    const size_t bad = text::FindInvalidUtf8(line);
    if (bad != std::string_view::npos) {
      if (diagnostics != nullptr) {
        diagnostics->push_back(rules::Diagnostic::Error(
            std::string(path), line_no, rules::ColumnAt(line, bad), "invalid UTF-8"));
      }
      return;
    }
    std::string entry = NormalizeEntry(line);
    if (entry.empty() || entry[0] == '#') return;
    entries.push_back(std::move(entry));
  });
  return entries;
}

}  // namespace whosaid::lexicon
