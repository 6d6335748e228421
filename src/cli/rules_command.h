#pragma once

#include <spdlog/logger.h>

#include <string>
#include <vector>

#include "whosaid/extractor.h"

namespace whosaid::cli {

// `whosaid rules check [FILE...]`: lints rule files and runs all their examples. With no
// files, checks the built-in pack. Returns the exit code.
int RunRulesCheck(const std::vector<std::string>& paths, const ExtractorOptions& base,
                  spdlog::logger& log);

// `whosaid rules tokens [FILE...]`: prints the token stream that token rules read, one token
// a line: byte span, text, kind, shape, sentence start and the lexicon lists the word is in.
// With no files, reads stdin. Returns the exit code.
int RunRulesTokens(const std::vector<std::string>& paths, const ExtractorOptions& base,
                   spdlog::logger& log);

}  // namespace whosaid::cli
