#include "cli/speaker_scope_words.h"

#include <vector>

#include "cli/report_diagnostics.h"

namespace whosaid::cli {

std::shared_ptr<const store::SpeakerScopeWords> LoadSpeakerScopeWords(
    const ExtractorOptions& options, spdlog::logger& log) {
  std::vector<rules::Diagnostic> diagnostics;
  auto lexicons = Extractor::LoadLexicons(options, &diagnostics);
  ReportDiagnosticErrors(diagnostics, log);
  if (!lexicons.ok()) {
    log.error("{}", lexicons.status().message());
    return nullptr;
  }
  return std::make_shared<const store::SpeakerScopeWords>(lexicons->ToSpeakerScopeWords());
}

}  // namespace whosaid::cli
