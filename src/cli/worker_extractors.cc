#include "cli/worker_extractors.h"

#include <future>

#include "cli/report_diagnostics.h"

namespace whosaid::cli {

std::unique_ptr<WorkerExtractors> WorkerExtractors::Create(const ExtractorOptions& options,
                                                           int workers, spdlog::logger& log) {
  // Loading compiles every rule and its prefilter (a few hundred milliseconds): the workers'
  // extractors are built at the same time, so start-up costs one load, not one per worker.
  const int n = std::max(1, workers);
  std::vector<rules::Diagnostic> diagnostics;  // reported once, from the first load
  std::vector<std::future<Result<std::unique_ptr<Extractor>>>> loads;
  for (int w = 0; w < n; ++w) {
    loads.push_back(std::async(std::launch::async, [&options, &diagnostics, w] {
      return Extractor::Create(options, w == 0 ? &diagnostics : nullptr);
    }));
  }
  std::vector<Result<std::unique_ptr<Extractor>>> results;
  for (auto& l : loads) results.push_back(l.get());
  ReportDiagnosticErrors(diagnostics, log);
  auto out = std::make_unique<WorkerExtractors>();
  for (auto& r : results) {
    if (!r.ok()) {
      log.error("{}", r.status().message());
      return nullptr;
    }
    out->extractors_.push_back(std::move(r).value());
  }
  return out;
}

}  // namespace whosaid::cli
