#include "cli/worker_extractors.h"

#include "cli/report_diagnostics.h"

namespace whosaid::cli {

std::unique_ptr<WorkerExtractors> WorkerExtractors::Create(const ExtractorOptions& options,
                                                           int /*workers*/, spdlog::logger& log) {
  std::vector<rules::Diagnostic> diagnostics;
  Result<std::unique_ptr<Extractor>> made = Extractor::Create(options, &diagnostics);
  ReportDiagnosticErrors(diagnostics, log);
  if (!made.ok()) {
    log.error("{}", made.status().message());
    return nullptr;
  }
  auto out = std::make_unique<WorkerExtractors>();
  out->extractor_ = std::move(made).value();
  return out;
}

}  // namespace whosaid::cli
