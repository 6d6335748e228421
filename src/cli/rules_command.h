#pragma once

#include <string>
#include <vector>

#include <spdlog/logger.h>

#include "whosaid/extractor.h"

namespace whosaid::cli {

// `whosaid rules check [FILE...]`: lints rule files and runs all their examples. With no
// files, checks the built-in pack. Returns the exit code.
int RunRulesCheck(const std::vector<std::string>& paths, const ExtractorOptions& base,
                  spdlog::logger& log);

}  // namespace whosaid::cli
