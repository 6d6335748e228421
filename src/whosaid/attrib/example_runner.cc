#include "whosaid/attrib/example_runner.h"

#include "whosaid/attrib/window.h"
#include "whosaid/quotes/scanner.h"
#include "whosaid/text/document.h"

namespace whosaid::attrib {
namespace {

struct Trial {
  bool matched = false;
  std::string mismatch;  // why the slot values differ, when matched
};

// The value of `slot` in match `m` as the document writes it.
std::string SlotValue(const text::Document& doc, const Window& w, const quotes::QuoteSpan* quote,
                      const rules::RuleMatch& m, rules::Slot slot) {
  const auto& s = m.slots[static_cast<int>(slot)];
  if (!s.found()) return "<none>";
  if (slot == rules::Slot::kQuote && quote) return doc.Slice(quote->content);
  return doc.Slice(w.ToDocument(s.begin, s.end));
}

Trial TryExample(const rules::RuleSet& rules, const rules::Rule& rule, const rules::Example& ex,
                 const text::Segmenter& segmenter, const quotes::ScannerOptions& scanner) {
  Trial trial;
  auto doc = text::Document::FromBytes("example", rules::ExampleDocumentText(ex.text));
  if (!doc.ok()) {
    trial.mismatch = doc.status().message();
    return trial;
  }
  const text::Segmentation seg = segmenter.Segment(doc->text());
  const std::vector<quotes::QuoteSpan> quotes = quotes::ScanQuotes(doc->text(), seg, scanner);
  const text::ByteSpan all{0, static_cast<uint32_t>(doc->size())};
  Window w;
  // Each quote in turn is the focus; an indirect rule sees the text with no focus.
  const int foci = rule.indirect ? 1 : static_cast<int>(quotes.size());
  for (int f = 0; f < foci; ++f) {
    BuildWindow(doc->text(), seg, quotes, rule.indirect ? -1 : f, all, scanner.title_small_words,
                &w);
    auto m = rules.MatchRule(rule, w.text);
    if (!m) continue;
    trial.matched = true;
    std::string mismatch;
    for (const auto& [slot, want] : ex.expected) {
      std::string got = SlotValue(*doc, w, rule.indirect ? nullptr : &quotes[f], *m, slot);
      if (got != want) {
        mismatch +=
            std::string(rules::SlotName(slot)) + "=\"" + got + "\" (want \"" + want + "\") ";
      }
    }
    if (mismatch.empty()) {
      trial.mismatch.clear();
      return trial;
    }
    trial.mismatch = mismatch;
  }
  return trial;
}

}  // namespace

ExampleStats RunRuleExamples(const rules::RuleSet& rules, const text::Segmenter& segmenter,
                             std::vector<rules::Diagnostic>* failures,
                             const quotes::ScannerOptions& scanner) {
  ExampleStats stats;
  for (const rules::Rule& rule : rules.rules()) {
    ++stats.rules;
    for (const rules::Example& ex : rule.examples) {
      ++stats.examples;
      Trial t = TryExample(rules, rule, ex, segmenter, scanner);
      std::string problem;
      if (ex.positive && !t.matched)
        problem = "example does not match rule " + rule.id;
      else if (ex.positive && !t.mismatch.empty())
        problem = "rule " + rule.id + " gives " + t.mismatch;
      else if (!ex.positive && t.matched)
        problem = "negative example matches rule " + rule.id;
      if (problem.empty()) {
        ++stats.passed;
      } else {
        ++stats.failed;
        failures->push_back(rules::Diagnostic::Error(ex.file, ex.line, ex.col, problem));
      }
    }
  }
  return stats;
}

}  // namespace whosaid::attrib
