#include "cli/worker_extractors.h"

namespace whosaid::cli {

std::unique_ptr<WorkerExtractors> WorkerExtractors::Create(const ExtractorOptions& options,
                                                          int workers, spdlog::logger& log) {
  auto out = std::make_unique<WorkerExtractors>();
  for (int w = 0; w < std::max(1, workers); ++w) {
    std::vector<rules::Diagnostic> diagnostics;
    auto extractor = Extractor::Create(options, w == 0 ? &diagnostics : nullptr);
    for (const auto& d : diagnostics) {
      if (d.error) log.error("{}", d.ToString());
    }
    if (!extractor.ok()) {
      log.error("{}", extractor.status().message());
      return nullptr;
    }
    out->extractors_.push_back(std::move(extractor).value());
  }
  return out;
}

}  // namespace whosaid::cli
