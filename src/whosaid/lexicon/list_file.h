// The one reader of word-list files (`*.lst`): every list of a pack, whether the registry,
// the segmenter, the scanner or a rule macro reads it, is parsed here.
//
// One entry per line; blank lines and lines whose first non-blank character is `#` are
// skipped. Entries are normalized: outer blanks trimmed, inner runs of blanks folded to one
// space, straight apostrophes ' read as ’ (the form windows and the scanner use). Matching
// is exact (case-sensitive).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "whosaid/rules/diagnostic.h"

namespace whosaid::lexicon {

// Calls fn(line, line_number) for every line of `text` (numbers from 1; a leading byte order
// mark and the line feeds left out): the loop of every line-based file of a lexicon.
template <typename Fn>
void ForEachLine(std::string_view text, Fn fn) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  int line_no = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    fn(text.substr(start, nl - start), ++line_no);
    start = nl + 1;
  }
}

// The normalized form of one entry.
std::string NormalizeEntry(std::string_view entry);

// The entries of list file `path` whose content is `text`, normalized, in file order
// (duplicates kept). A line that is not valid UTF-8 is an error appended to *diagnostics
// (which may be null) as path:line:col, and is skipped.
std::vector<std::string> ParseListFile(std::string_view path, std::string_view text,
                                       std::vector<rules::Diagnostic>* diagnostics);

}  // namespace whosaid::lexicon
