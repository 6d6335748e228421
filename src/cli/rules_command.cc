#include "cli/rules_command.h"

#include <cstdio>

#include "cli/app.h"
#include "whosaid/token_examples.h"

namespace whosaid::cli {

int RunRulesCheck(const std::vector<std::string>& paths, const ExtractorOptions& base,
                  spdlog::logger& log) {
  // The files' rules alone (their pack's lexicon; not the built-in pack unless named), as an
  // extractor loads them: every error at file:line:col, then the lint and every example
  // through the whole pipeline.
  ExtractorOptions options = base;
  if (!paths.empty()) {
    options.default_rules = false;
    options.rule_paths = paths;
  }
  std::vector<rules::Diagnostic> diagnostics;
  auto extractor = Extractor::Create(options, &diagnostics);
  TokenExampleStats stats;
  if (extractor.ok()) {
    (*extractor)->rules().Lint(&diagnostics);
    stats = RunTokenRuleExamples(**extractor, &diagnostics);
  }
  size_t errors = 0, warnings = 0;
  for (const auto& d : diagnostics) {
    std::fprintf(stderr, "%s\n", d.ToString().c_str());
    (d.error ? errors : warnings)++;
  }
  if (!extractor.ok()) {
    log.error("{}", extractor.status().message());
    // Errors in the rule files are what a check reports (exit 1); a pack that cannot be
    // found or a path that is no rule file is a usage error.
    if (extractor.status().code() != StatusCode::kParseError) return kExitUsage;
  }
  std::printf("%zu rules, %zu examples: %zu passed, %zu failed; %zu errors, %zu warnings\n",
              stats.rules, stats.examples, stats.passed, stats.failed, errors, warnings);
  return errors ? kExitSomeFailed : kExitOk;
}

}  // namespace whosaid::cli
