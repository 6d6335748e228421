// MatchQuote(window, focus, out) anchors rules at the quote for speed and, for rules that end
// with the quote, prefers the match that starts last. On real windows from the example
// stories the same rules must match, with the same slots where the match starts at the quote,
// and never an earlier start where it ends there.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../english_pack.h"
#include "whosaid/attrib/window.h"
#include "whosaid/quotes/scanner.h"
#include "whosaid/rules/rule_set.h"

namespace whosaid::attrib {
namespace {

// The English pack, and every quote window of the example stories.
struct ExampleWindows {
  std::unique_ptr<rules::RuleSet> set;
  std::vector<Window> windows;
};

ExampleWindows LoadExampleWindows() {
  ExampleWindows out;
  std::vector<rules::Diagnostic> diags;
  out.set = rules::RuleSet::Load({std::string(WHOSAID_SOURCE_DIR) + "/rules/en"}, {}, &diags);
  REQUIRE(out.set != nullptr);
  auto seg = text::Segmenter::Create();
  REQUIRE(seg.ok());
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(WHOSAID_SOURCE_DIR) + "/examples")) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string t = ss.str();
    const text::Segmentation s = (*seg)->Segment(t);
    const auto quotes = quotes::ScanQuotes(t, s);
    for (size_t i = 0; i < quotes.size(); ++i) {
      Window w;
      BuildWindow(t, s, quotes, static_cast<int>(i), QuoteExtent(t, s, quotes[i], 600),
                  testing::EnglishScannerOptions().title_small_words, &w);
      out.windows.push_back(std::move(w));
    }
  }
  return out;
}

TEST_CASE("focused quote matching agrees with the whole-window search") {
  const ExampleWindows ex = LoadExampleWindows();
  const rules::RuleSet* set = ex.set.get();
  size_t windows = 0, matched = 0;
  for (const Window& w : ex.windows) {
    std::vector<rules::RuleMatch> plain, focused;
    set->MatchQuote(w.text, &plain);
    set->MatchQuote(w.text, w.focus, &focused);
    ++windows;
    matched += !plain.empty();
    REQUIRE(plain.size() == focused.size());
    for (size_t k = 0; k < plain.size(); ++k) {
      CHECK(plain[k].rule == focused[k].rule);
      CHECK(plain[k].end == focused[k].end);
      if (plain[k].begin == static_cast<int>(w.focus)) {
        CHECK(focused[k].begin == plain[k].begin);
        for (int slot = 0; slot < rules::kSlotCount; ++slot) {
          CHECK(plain[k].slots[slot].begin == focused[k].slots[slot].begin);
          CHECK(plain[k].slots[slot].end == focused[k].slots[slot].end);
        }
      } else {
        CHECK(focused[k].begin >= plain[k].begin);
      }
    }
  }
  CHECK(windows >= 15);
  CHECK(matched >= 10);
}

}  // namespace
TEST_CASE("focused quote matching with `accept` stops below the first accepted priority") {
  const ExampleWindows ex = LoadExampleWindows();
  const rules::RuleSet* set = ex.set.get();
  size_t cut = 0;
  for (const Window& w : ex.windows) {
    std::vector<rules::RuleMatch> all, early;
    set->MatchQuote(w.text, w.focus, &all);
    set->MatchQuote(w.text, w.focus, &early, [](const rules::RuleMatch&) { return true; });
    // `early` is the part of `all` at or above the first match's priority.
    size_t expected = 0;
    while (expected < all.size() && all[expected].rule->priority == all[0].rule->priority) {
      ++expected;
    }
    REQUIRE(early.size() == expected);
    for (size_t k = 0; k < early.size(); ++k) CHECK(early[k].rule == all[k].rule);
    cut += all.size() - early.size();
  }
  CHECK(cut > 0);  // the examples do have windows where lower rules were skipped
}

}  // namespace whosaid::attrib
