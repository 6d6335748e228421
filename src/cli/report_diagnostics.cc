#include "cli/report_diagnostics.h"

#include <cstdio>

namespace whosaid::cli {

void ReportDiagnosticErrors(const std::vector<rules::Diagnostic>& diagnostics,
                            spdlog::logger& log) {
  for (const auto& d : diagnostics) {
    if (!d.error) continue;
    if (d.file.empty()) {
      log.error("{}", d.message);
    } else {
      std::fprintf(stderr, "%s\n", d.ToString().c_str());
    }
  }
}

}  // namespace whosaid::cli
