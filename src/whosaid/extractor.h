// whosaid's entry point: build an Extractor once (rules compiled once), then call Extract()
// on each document, from any number of threads.
//
//   whosaid::ExtractorOptions options;
//   std::vector<whosaid::rules::Diagnostic> diagnostics;
//   auto extractor = whosaid::Extractor::Create(options, &diagnostics);
//   if (!extractor.ok()) { /* print diagnostics and extractor.status() */ }
//   auto doc = whosaid::text::Document::FromBytes("story.txt", bytes);
//   whosaid::ExtractResult result = (*extractor)->Extract(*doc);
#pragma once

#include <spdlog/logger.h>

#include <memory>
#include <string>
#include <vector>

#include "whosaid/attrib/attributor.h"
#include "whosaid/entities/word_list.h"
#include "whosaid/quotes/scanner.h"
#include "whosaid/record.h"
#include "whosaid/rules/diagnostic.h"
#include "whosaid/stage_times.h"
#include "whosaid/status.h"
#include "whosaid/text/document.h"
#include "whosaid/text/segmenter.h"

namespace whosaid {

struct ExtractorOptions {
  // Rule files or directories added to (or, with default_rules = false, replacing) the
  // built-in English pack.
  std::vector<std::string> rule_paths;
  bool default_rules = true;
  // Where the built-in pack lives. Empty: $WHOSAID_RULES_DIR, else next to the installed
  // program, else the source tree or the install prefix (whosaid/default_rules.h).
  std::string default_rules_dir;
  text::SegmenterOptions segmenter;
  quotes::ScannerOptions scanner;
  attrib::AttributorOptions attribution;
  // Library logging goes here; null means silent.
  std::shared_ptr<spdlog::logger> logger;
};

class Extractor {
 public:
  // Loads and compiles the rules and word lists. Every rule-file problem is appended to
  // *diagnostics (as file:line:col); returns an error status when any is an error.
  static Result<std::unique_ptr<Extractor>> Create(ExtractorOptions options,
                                                   std::vector<rules::Diagnostic>* diagnostics);

  // Extracts the quotes of one document. Thread-safe; never fails on well-formed input
  // (a Document is always valid UTF-8 or lenient-decoded).
  ExtractResult Extract(const text::Document& doc, StageTimes* times = nullptr) const;
  // The same with attribution options of the caller's (all_marks, indirect, keep_slots per
  // request, as the web service takes them) instead of the extractor's; the rules, lists
  // and segmenter are the extractor's.
  ExtractResult Extract(const text::Document& doc, const attrib::AttributorOptions& attribution,
                        StageTimes* times = nullptr) const;

  // The compiled rules (the token rules of every pack), shared by all threads.
  const tokenrules::TokenRuleSet& rules() const { return *rules_; }
  const entities::Lexicons& lexicons() const { return lexicons_; }
  // The sieves that run, in order (the pack's sieves.list).
  const std::vector<attrib::SieveStep>& sieves() const { return sieves_; }
  const text::Segmenter& segmenter() const { return *segmenter_; }
  const ExtractorOptions& options() const { return options_; }

  // The directory of the built-in English pack that options resolve to, or an error that
  // names the places searched.
  static Result<std::string> DefaultRulesDir(const ExtractorOptions& options);

  // The word lists that Create() gives an extractor of these options, without compiling the
  // rules: the lexicon/ of the built-in pack, else of the first pack in rule_paths that has
  // one; empty lists when there is none. For callers that need the pack's words but not an
  // extractor (the quote store's `db` commands). Problems go to *diagnostics (may be null).
  static Result<entities::Lexicons> LoadLexicons(const ExtractorOptions& options,
                                                 std::vector<rules::Diagnostic>* diagnostics);

 private:
  // Where options find their rules: the built-in pack (unless default_rules is false) and
  // rule_paths, the lexicon/ directory of the first of them that has one ("" if none), and
  // the sieves.list of the last of them that has one ("" if none: every sieve runs, in the
  // English pack's order), so a house pack given after the built-in one sets the sieves.
  struct PackPaths {
    std::vector<std::string> rule_paths;
    std::string lexicon_dir;
    std::string sieve_list;
  };
  static Result<PackPaths> FindPack(const ExtractorOptions& options);

  ExtractResult Run(const text::Document& doc, const attrib::Attributor& attributor,
                    StageTimes* times) const;
  Extractor() = default;
  ExtractorOptions options_;
  std::shared_ptr<const tokenrules::TokenRuleSet> rules_;
  entities::Lexicons lexicons_;
  std::unique_ptr<text::Segmenter> segmenter_;
  std::vector<attrib::SieveStep> sieves_;
  std::unique_ptr<attrib::Attributor> attributor_;
};

}  // namespace whosaid
