// How the command line reports the errors among rule-pack diagnostics (rule files, lexicon
// lists): one line each on stderr.
#pragma once

#include <spdlog/logger.h>

#include <vector>

#include "whosaid/rules/diagnostic.h"

namespace whosaid::cli {

// Reports every error of `diagnostics` (warnings are left to `whosaid rules check`). One
// with a place goes out as "file:line:col: error: …" at the start of the line, the form
// editors and CI annotators parse; one without is an ordinary logged error.
void ReportDiagnosticErrors(const std::vector<rules::Diagnostic>& diagnostics, spdlog::logger& log);

}  // namespace whosaid::cli
