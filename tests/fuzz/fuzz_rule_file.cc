// libFuzzer target: the rule-file parser and the token rule compiler on arbitrary text.
// ParseRuleFile must never crash and every diagnostic must name a place inside the file;
// TokenRuleSet::LoadFromStrings (over the English lexicon) must return a set or errors, and a
// loaded set must lint and match a few stories without crashing, its slots inside the text.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "whosaid/entities/word_list.h"
#include "whosaid/quotes/scanner.h"
#include "whosaid/rules/rule_file.h"
#include "whosaid/text/segmenter.h"
#include "whosaid/tokenrules/token_rule_set.h"

namespace {

struct English {
  whosaid::entities::Lexicons lexicons;
  std::unique_ptr<whosaid::text::Segmenter> segmenter;
  whosaid::quotes::ScannerOptions scanner;
};

const English& GetEnglish() {
  static const English* english = [] {
    auto* e = new English;
    auto lex = whosaid::entities::Lexicons::Load(std::string(WHOSAID_FUZZ_RULES_DIR) + "/lexicon");
    if (!lex.ok()) {
      std::fprintf(stderr, "lexicon: %s\n", lex.status().message().c_str());
      std::abort();
    }
    e->lexicons = std::move(lex).value();
    whosaid::text::SegmenterOptions options;
    e->lexicons.ToSegmenterOptions(&options);
    e->lexicons.ToScannerOptions(&e->scanner);
    e->segmenter = std::move(whosaid::text::Segmenter::Create(options)).value();
    return e;
  }();
  return *english;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  GetEnglish();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace whosaid;
  if (size > (16u << 10)) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::string path = "fuzz.tokens";

  std::vector<rules::Diagnostic> diags;
  const rules::RuleFile file = rules::ParseRuleFile(path, text, &diags);
  size_t lines = 1;
  for (char c : text) lines += c == '\n';
  for (const auto& d : diags) {
    FUZZ_CHECK(d.line >= 0 && static_cast<size_t>(d.line) <= lines);
    FUZZ_CHECK(d.col >= 0);
    (void)d.ToString();
  }
  for (const auto& r : file.rules) {
    FUZZ_CHECK(r.line >= 1 && static_cast<size_t>(r.line) <= lines);
    FUZZ_CHECK(r.priority >= 0 && r.priority <= 100);
  }

  // Also exercise the `=>` expectation parser on the raw bytes.
  std::vector<std::pair<rules::Slot, std::string>> expected;
  size_t err_off = 0;
  std::string err;
  if (!rules::ParseExpectations(text, &expected, &err_off, &err)) {
    FUZZ_CHECK(err_off <= text.size());
  }

  const English& en = GetEnglish();
  std::vector<rules::Diagnostic> load_diags;
  const auto set =
      tokenrules::TokenRuleSet::LoadFromStrings({{path, text}}, en.lexicons.table, &load_diags);
  if (!set) {
    bool any_error = false;
    for (const auto& d : load_diags) any_error |= d.error;
    FUZZ_CHECK(any_error);
    return 0;
  }
  std::vector<rules::Diagnostic> lint;
  set->Lint(&lint);
  static const char* kStories[] = {
      "“We won,” she said.",
      "Mayor Ann Lee said “the bridge is open” on Monday. Bo said no.",
      "“Yes,” said Bo Tran, the chief.\n\n“No.” Ann Lee said the port was closed.",
      "",
  };
  for (const char* story : kStories) {
    const std::string t(story);
    const text::Segmentation seg = en.segmenter->Segment(t);
    const auto quotes = quotes::ScanQuotes(t, seg, en.scanner);
    tokenrules::SymbolText symbols = set->Encode(t, seg, quotes);
    std::vector<tokenrules::TokenMatch> matches;
    auto inside = [&](const std::optional<text::ByteSpan>& s) {
      FUZZ_CHECK(!s || (s->begin <= s->end && s->end <= t.size()));
    };
    for (size_t q = 0; q < quotes.size(); ++q) {
      set->MatchQuote(seg, quotes, q, &symbols, &matches);
      for (const auto& m : matches) {
        inside(m.speaker);
        inside(m.role);
        inside(m.cue);
      }
    }
    set->MatchIndirect(seg, quotes, symbols, &matches);
    for (const auto& m : matches) {
      inside(m.speaker);
      inside(m.clause);
    }
  }
  return 0;
}
