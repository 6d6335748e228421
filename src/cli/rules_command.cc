#include "cli/rules_command.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "cli/app.h"
#include "whosaid/attrib/example_runner.h"
#include "whosaid/entities/word_list.h"
#include "whosaid/token_examples.h"

namespace whosaid::cli {

int RunRulesCheck(const std::vector<std::string>& paths, const ExtractorOptions& base,
                  spdlog::logger& log) {
  std::vector<std::string> files = paths;
  if (files.empty()) {
    auto dir = Extractor::DefaultRulesDir(base);
    if (!dir.ok()) {
      log.error("{}", dir.status().message());
      return kExitUsage;
    }
    files.push_back(std::move(dir).value());
  }
  std::vector<rules::Diagnostic> diagnostics;
  auto rule_set = rules::RuleSet::Load(files, base.rule_load, &diagnostics);
  if (rule_set) rule_set->Lint(&diagnostics);
  // The segmenter's abbreviations come from the first pack's lexicon/, as in Extractor::Create.
  text::SegmenterOptions segmenter_options = base.segmenter;
  quotes::ScannerOptions scanner_options = base.scanner;
  for (const auto& f : files) {
    if (!std::filesystem::is_directory(f + "/lexicon")) continue;
    auto lex = entities::Lexicons::Load(f + "/lexicon");
    if (!lex.ok()) {
      log.error("{}", lex.status().message());
      return kExitUsage;
    }
    lex->ToSegmenterOptions(&segmenter_options);
    lex->ToScannerOptions(&scanner_options);
    break;
  }
  auto segmenter = text::Segmenter::Create(std::move(segmenter_options));
  if (!segmenter.ok()) {
    log.error("{}", segmenter.status().message());
    return kExitUsage;
  }
  attrib::ExampleStats stats;
  if (rule_set)
    stats = attrib::RunRuleExamples(*rule_set, **segmenter, &diagnostics, scanner_options);
  // Token rules (a pack's tokens/, or *.tokens files): their examples through the whole
  // pipeline, by an extractor whose engine they are.
  TokenExampleStats token_stats;
  const bool has_token_rules = std::any_of(files.begin(), files.end(), [](const std::string& f) {
    return std::filesystem::is_directory(f + "/tokens") ||
           std::filesystem::path(f).extension() == ".tokens";
  });
  if (rule_set && has_token_rules) {
    ExtractorOptions options = base;
    options.default_rules = false;
    options.rule_paths = files;
    options.engine = ExtractorOptions::Engine::kTokens;
    auto extractor = Extractor::Create(options, &diagnostics);
    if (extractor.ok()) {
      (*extractor)->token_rules()->Lint(&diagnostics);
      token_stats = RunTokenRuleExamples(**extractor, &diagnostics);
    }
  }
  size_t errors = 0, warnings = 0;
  for (const auto& d : diagnostics) {
    std::fprintf(stderr, "%s\n", d.ToString().c_str());
    (d.error ? errors : warnings)++;
  }
  std::printf("%zu rules, %zu examples: %zu passed, %zu failed; %zu errors, %zu warnings\n",
              stats.rules, stats.examples, stats.passed, stats.failed, errors, warnings);
  if (has_token_rules) {
    std::printf("token rules: %zu rules, %zu examples: %zu passed, %zu failed\n", token_stats.rules,
                token_stats.examples, token_stats.passed, token_stats.failed);
  }
  return errors ? kExitSomeFailed : kExitOk;
}

}  // namespace whosaid::cli
