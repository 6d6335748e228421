// The extractor the worker threads use: one, shared read-only. The token rules' RE2 programs
// are thread-safe and their DFA caches warm up once for all workers: on PolNeAR train x4 at
// -j 2, one shared extractor took 2.75-3.13 s and 135 MB against 3.36-3.63 s and 230 MB for
// one extractor per worker (the character rules that came before needed one per worker:
// their DFAs were rebuilt constantly, and threads sharing one waited on its lock).
#pragma once

#include <spdlog/logger.h>

#include <memory>
#include <vector>

#include "whosaid/extractor.h"

namespace whosaid::cli {

class WorkerExtractors {
 public:
  // Builds the extractor the `workers` share. Logs rule-file errors; returns null (after
  // logging why) when the configuration is unusable.
  static std::unique_ptr<WorkerExtractors> Create(const ExtractorOptions& options, int workers,
                                                  spdlog::logger& log);

  // The extractor of worker `worker` (0 when jobs run inline): the same for all.
  const Extractor& For(int /*worker*/) const { return *extractor_; }

 private:
  std::unique_ptr<Extractor> extractor_;
};

}  // namespace whosaid::cli
