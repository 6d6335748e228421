#pragma once

#include <spdlog/logger.h>

#include "cli/extract_options.h"

namespace whosaid::cli {

// Runs extraction over all inputs, writing results in input order. Returns the exit code.
int RunExtract(const ExtractCommandOptions& options, spdlog::logger& log);

}  // namespace whosaid::cli
