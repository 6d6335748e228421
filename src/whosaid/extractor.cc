#include "whosaid/extractor.h"

#include <chrono>
#include <filesystem>

#include "whosaid/default_rules.h"
#include "whosaid/rules/file_io.h"
#include "whosaid/text/token_segmentation.h"

namespace whosaid {

Result<std::string> Extractor::DefaultRulesDir(const ExtractorOptions& options) {
  RulesSearchInputs in = CurrentRulesSearchInputs();
  in.explicit_dir = options.default_rules_dir;
  return FindDefaultRulesDir(in);
}

namespace {

// Rules are *.tokens files: a character rule file of the earlier engine, or a pack of them
// without a tokens/ directory, is an error rather than rules silently left out.
Status CheckTokenRulePath(const std::filesystem::path& path) {
  const std::string name = path.string();
  if (!std::filesystem::exists(path)) return IoError(name + ": no such rule file or directory");
  if (std::filesystem::is_directory(path)) {
    if (std::filesystem::is_directory(path / "tokens")) return Status::Ok();
    for (const auto& entry : std::filesystem::directory_iterator(path)) {
      if (entry.path().extension() == ".rules") {
        return InvalidArgument(name +
                               ": character rule files (*.rules), which whosaid no longer "
                               "reads, and no tokens/ directory: rules are tokens/*.tokens "
                               "files now (rules/README.md)");
      }
    }
    return Status::Ok();
  }
  if (path.extension() != ".tokens") {
    return InvalidArgument(name +
                           ": not a token rule file (*.tokens); character rule files "
                           "(*.rules) are no longer read (rules/README.md)");
  }
  return Status::Ok();
}

}  // namespace

Result<Extractor::PackPaths> Extractor::FindPack(const ExtractorOptions& options) {
  PackPaths pack_paths;
  // The sieve list of the last pack that has one.
  auto note_sieve_list = [&](const std::filesystem::path& pack) {
    if (std::filesystem::is_regular_file(pack / attrib::kSieveListFile)) {
      pack_paths.sieve_list = (pack / attrib::kSieveListFile).string();
    }
  };
  if (options.default_rules) {
    auto found = DefaultRulesDir(options);
    if (!found.ok()) return found.status();
    const std::string dir = std::move(found).value();
    pack_paths.rule_paths.push_back(dir);
    pack_paths.lexicon_dir = dir + "/lexicon";
    note_sieve_list(dir);
  }
  for (const auto& p : options.rule_paths) {
    pack_paths.rule_paths.push_back(p);
    // A pack given as a directory, or as rule files inside one, brings the lists of its
    // lexicon/ (without the built-in pack, name finding would otherwise run on none).
    // A token rule file sits in the pack's tokens/: its lexicon/ is one level up.
    const std::filesystem::path path(p);
    std::filesystem::path pack =
        std::filesystem::is_directory(path) ? path : std::filesystem::absolute(path).parent_path();
    if (!std::filesystem::is_directory(pack / "lexicon") && pack.filename() == "tokens") {
      pack = pack.parent_path();
    }
    if (pack_paths.lexicon_dir.empty() && std::filesystem::is_directory(pack / "lexicon")) {
      pack_paths.lexicon_dir = (pack / "lexicon").string();
    }
    note_sieve_list(pack);
  }
  return pack_paths;
}

Result<entities::Lexicons> Extractor::LoadLexicons(const ExtractorOptions& options,
                                                   std::vector<rules::Diagnostic>* diagnostics) {
  auto pack = FindPack(options);
  if (!pack.ok()) return pack.status();
  if (pack->lexicon_dir.empty()) return entities::Lexicons();
  return entities::Lexicons::Load(pack->lexicon_dir, diagnostics);
}

Result<std::unique_ptr<Extractor>> Extractor::Create(ExtractorOptions options,
                                                     std::vector<rules::Diagnostic>* diagnostics) {
  std::unique_ptr<Extractor> ex(new Extractor());
  auto pack = FindPack(options);
  if (!pack.ok()) return pack.status();
  const std::vector<std::string>& paths = pack->rule_paths;
  const std::string& lexicon_dir = pack->lexicon_dir;
  if (paths.empty()) return InvalidArgument("no rules: give --rules FILE_OR_DIR");
  std::vector<rules::Diagnostic> local;
  if (!diagnostics) diagnostics = &local;
  if (!lexicon_dir.empty()) {
    auto lex = entities::Lexicons::Load(lexicon_dir, diagnostics);
    if (!lex.ok()) return lex.status();
    ex->lexicons_ = std::move(lex).value();
  }
  // Each pack's token rules: a directory's tokens/, or *.tokens files given by name.
  std::vector<std::string> token_paths;
  for (const std::string& p : paths) {
    const std::filesystem::path path(p);
    if (Status s = CheckTokenRulePath(path); !s.ok()) return s;
    token_paths.push_back(std::filesystem::is_directory(path) ? (path / "tokens").string() : p);
  }
  ex->rules_ = tokenrules::TokenRuleSet::Load(token_paths, ex->lexicons_.table, diagnostics);
  if (!ex->rules_) {
    size_t errors = 0;
    for (const auto& d : *diagnostics) errors += d.error;
    return ParseError(std::to_string(errors) + " error(s) in rule files");
  }
  if (ex->rules_->empty()) {
    return InvalidArgument("no rules: no *.tokens file in the packs' tokens/ directories");
  }
  if (pack->sieve_list.empty()) {
    ex->sieves_ = attrib::DefaultSieveSteps();
  } else {
    Result<std::string> list = rules::ReadWholeFile(pack->sieve_list);
    if (!list.ok()) {
      diagnostics->push_back(rules::Diagnostic::Error(
          pack->sieve_list, 0, 0, "cannot open the sieve list: " + list.status().message()));
      return IoError(pack->sieve_list + ": cannot open the sieve list");
    }
    std::optional<std::vector<attrib::SieveStep>> steps =
        attrib::ParseSieveList(pack->sieve_list, *list, diagnostics);
    if (!steps) return ParseError("error(s) in the sieve list " + pack->sieve_list);
    ex->sieves_ = std::move(*steps);
  }
  text::SegmenterOptions segmenter_options = options.segmenter;
  ex->lexicons_.ToSegmenterOptions(&segmenter_options);
  ex->lexicons_.ToScannerOptions(&options.scanner);
  auto seg = text::Segmenter::Create(std::move(segmenter_options));
  if (!seg.ok()) return seg.status();
  ex->segmenter_ = std::move(seg).value();
  ex->attributor_ = std::make_unique<attrib::Attributor>(*ex->rules_, ex->lexicons_, ex->sieves_,
                                                         options.attribution);
  ex->options_ = std::move(options);
  return ex;
}

ExtractResult Extractor::Extract(const text::Document& doc, StageTimes* times) const {
  return Run(doc, *attributor_, times);
}

ExtractResult Extractor::Extract(const text::Document& doc,
                                 const attrib::AttributorOptions& attribution,
                                 StageTimes* times) const {
  // An Attributor is a few references and flags: one per call costs nothing.
  const attrib::Attributor attributor(*rules_, lexicons_, sieves_, attribution);
  return Run(doc, attributor, times);
}

ExtractResult Extractor::Run(const text::Document& doc, const attrib::Attributor& attributor,
                             StageTimes* times) const {
  using Clock = std::chrono::steady_clock;
  auto seconds = [](Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
  };
  const auto t0 = Clock::now();
  text::TokenStream tokens = segmenter_->Tokens(doc.text());
  const auto t_tokens = Clock::now();
  text::Segmentation seg = text::SegmentationFromTokens(std::move(tokens));
  const auto t1 = Clock::now();
  std::vector<quotes::QuoteSpan> spans = quotes::ScanQuotes(doc.text(), seg, options_.scanner);
  const auto t2 = Clock::now();
  ExtractResult result = attributor.Attribute(doc, seg, std::move(spans), times);
  if (times) {
    times->tokenize += seconds(t0, t_tokens);
    times->sentences += seconds(t_tokens, t1);
    times->scan += seconds(t1, t2);
    times->attribute += seconds(t2, Clock::now());
  }
  return result;
}

}  // namespace whosaid
