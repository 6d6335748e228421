// A pack's lexicon manifest (`lexicon/lexicon.manifest`): which lists the pack has and which
// files fill each. A house pack declares its own lists here, the built-in names (those that
// entities::Lexicons reads) and names of its own for its rules alike.
//
//   # NAME = FILE...   (files relative to the manifest; a list may join several)
//   honorifics = titles.lst title_abbreviations.lst
//   cue_verbs = cue_verbs.lst
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/lexicon/word_table.h"
#include "whosaid/rules/diagnostic.h"
#include "whosaid/status.h"

namespace whosaid::lexicon {

inline constexpr std::string_view kManifestFile = "lexicon.manifest";

struct ManifestList {
  std::string name;                // [a-z0-9_]+
  std::vector<std::string> files;  // as written
  int line = 0;
  int files_col = 0;  // column of the first file name (for diagnostics)
};

// Parses manifest `path` whose content is `text`; a malformed line is an error appended to
// *diagnostics (path:line:col) and is skipped.
std::vector<ManifestList> ParseManifest(std::string_view path, std::string_view text,
                                        std::vector<rules::Diagnostic>* diagnostics);

// Loads the lexicon of directory `dir` into one word table: the lists its manifest declares,
// each from its files. A directory without a manifest is read with the built-in English
// pack's manifest, and a file it names that does not exist leaves that list empty; with a
// manifest of its own, a missing file is an error. Every problem is appended to
// *diagnostics (which may be null); the status is an error when any is.
Result<std::shared_ptr<const WordTable>> LoadLexicon(const std::string& dir,
                                                     std::vector<rules::Diagnostic>* diagnostics);

}  // namespace whosaid::lexicon
