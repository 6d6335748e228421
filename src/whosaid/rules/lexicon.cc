#include "whosaid/rules/lexicon.h"

#include <re2/re2.h>

#include <algorithm>

#include "whosaid/text/utf8.h"

namespace whosaid::rules {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'; }

}  // namespace

std::string NormalizeLexiconEntry(std::string_view entry) {
  std::string out;
  bool pending_space = false;
  for (char c : entry) {
    if (IsSpace(c)) {
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

std::string Lexicon::Regex() const {
  std::string out;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (i > 0) out += '|';
    out += RE2::QuoteMeta(entries[i]);
  }
  return out;
}

Lexicon ParseLexicon(std::string_view path, std::string_view text,
                     std::vector<Diagnostic>* diagnostics) {
  Lexicon lex;
  lex.path = std::string(path);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  int line_no = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(start, nl - start);
    start = nl + 1;
    ++line_no;
    const size_t bad = text::FindInvalidUtf8(line);
    if (bad != std::string_view::npos) {
      if (diagnostics != nullptr) {
        diagnostics->push_back(
            Diagnostic::Error(lex.path, line_no, ColumnAt(line, bad), "invalid UTF-8"));
      }
      continue;
    }
    std::string entry = NormalizeLexiconEntry(line);
    if (entry.empty() || entry[0] == '#') continue;
    lex.entries.push_back(std::move(entry));
  }
  std::sort(lex.entries.begin(), lex.entries.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  lex.entries.erase(std::unique(lex.entries.begin(), lex.entries.end()), lex.entries.end());
  return lex;
}

}  // namespace whosaid::rules
