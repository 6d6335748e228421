// libFuzzer target: the rule-file parser and the rule compiler on arbitrary text.
// ParseRuleFile must never crash and every diagnostic must name a place inside the file;
// RuleSet::LoadFromStrings must return a set or errors, and a loaded set must lint and
// match a few windows without crashing. RE2 budgets are kept small so a hostile pattern
// costs little time.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "whosaid/rules/rule_file.h"
#include "whosaid/rules/rule_set.h"
#include "fuzz_check.h"


extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace whosaid::rules;
  if (size > (64u << 10)) return 0;
  std::string text(reinterpret_cast<const char*>(data), size);
  // A path inside the built-in pack's directory, so `@lexicon/…` references can resolve.
  const std::string path = std::string(WHOSAID_FUZZ_RULES_DIR) + "/fuzz.rules";

  std::vector<Diagnostic> diags;
  RuleFile file = ParseRuleFile(path, text, &diags);
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
  std::vector<std::pair<Slot, std::string>> expected;
  size_t err_off = 0;
  std::string err;
  if (!ParseExpectations(text, &expected, &err_off, &err)) FUZZ_CHECK(err_off <= text.size());

  LoadOptions opt;
  opt.max_mem_per_rule = 1 << 20;
  opt.max_mem_per_set = 8 << 20;
  std::vector<Diagnostic> load_diags;
  auto set = RuleSet::LoadFromStrings({RuleSource{path, text}}, opt, &load_diags);
  if (!set) {
    FUZZ_CHECK(HasErrors(load_diags));
    return 0;
  }
  std::vector<Diagnostic> lint;
  set->Lint(&lint);
  static const char* kWindows[] = {
      "\xEE\x80\x80, she said.",
      "Mayor Ann Lee said \xEE\x80\x80",
      "\xEE\x80\x81 \xC2\xB6 \xEE\x80\x80 said Bo, the chief.",
      "",
  };
  for (const char* w : kWindows) {
    std::vector<RuleMatch> matches;
    set->MatchQuote(w, &matches);
    std::string_view window(w);
    size_t focus = window.find("\xEE\x80\x80");
    if (focus != std::string_view::npos) set->MatchQuote(window, focus, &matches);
    set->MatchIndirect(window, &matches);
    for (const auto& m : matches) {
      FUZZ_CHECK(m.begin >= 0 && m.begin <= m.end && static_cast<size_t>(m.end) <= window.size());
    }
  }
  return 0;
}
