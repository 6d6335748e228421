#include "whosaid/token_examples.h"

#include <functional>
#include <string>

#include "whosaid/text/document.h"

namespace whosaid {
namespace {

std::string Shown(const std::optional<std::string>& value) {
  return value ? "\"" + *value + "\"" : "nothing";
}

// What is wrong with `result` for positive example `ex` of rule `id`; empty when right. The
// quotation the example is about is the first that the rule decided (the second part of a
// split quotation, say), else the first quotation.
std::string PositiveMismatch(const text::Document& doc, const ExtractResult& result,
                             const rules::Example& ex, const std::string& id) {
  const QuoteRecord* first = nullptr;
  for (const QuoteRecord& r : result.quotes) {
    if (r.attribution.rule == id) {
      first = &r;
      break;
    }
    if (!first && r.span.type != quotes::QuoteType::kIndirect) first = &r;
  }
  if (!first) return "whosaid found no quotation";
  const Attribution& a = first->attribution;
  if (a.rule != id) {
    return "the first quotation was decided by " + (a.rule.empty() ? "nothing" : a.rule) +
           ", not by this rule";
  }
  for (const auto& [slot, expected] : ex.expected) {
    const std::optional<std::string>* got = nullptr;
    const std::optional<std::string> text = doc.Slice(first->span.content);
    switch (slot) {
      case rules::Slot::kClause:
      case rules::Slot::kQuote:
        got = &text;
        break;
      case rules::Slot::kSpeaker:
        got = &a.speaker;
        break;
      case rules::Slot::kRole:
        got = &a.role;
        break;
      case rules::Slot::kCue:
        got = &a.cue;
        break;
      default:
        return std::string(rules::SlotName(slot)) + " is not a record field";
    }
    if (!*got || **got != expected) {
      return std::string(rules::SlotName(slot)) + ": expected \"" + expected + "\", whosaid says " +
             Shown(*got);
    }
  }
  return {};
}

// Extracts example `ex`'s text and asks `judge` what is wrong with the result ("" when
// nothing); counts it in `stats` and reports a failure as an error at the example, after
// `what`.
void RunExample(
    const Extractor& extractor, const rules::Example& ex, const std::string& what,
    const std::function<std::string(const text::Document&, const ExtractResult&)>& judge,
    TokenExampleStats* stats, std::vector<rules::Diagnostic>* diagnostics) {
  ++stats->examples;
  const auto doc = text::Document::FromBytes("example", rules::ExampleDocumentText(ex.text));
  const std::string mismatch =
      doc.ok() ? judge(*doc, extractor.Extract(*doc)) : doc.status().message();
  if (mismatch.empty()) {
    ++stats->passed;
    return;
  }
  ++stats->failed;
  diagnostics->push_back(rules::Diagnostic::Error(ex.file, ex.line, ex.col, what + mismatch));
}

}  // namespace

TokenExampleStats RunTokenRuleExamples(const Extractor& extractor,
                                       std::vector<rules::Diagnostic>* diagnostics) {
  TokenExampleStats stats;
  for (const tokenrules::TokenRule& rule : extractor.rules().rules()) {
    ++stats.rules;
    if (rule.examples.empty()) {
      diagnostics->push_back(rules::Diagnostic::Warning(rule.file, rule.line, rule.col,
                                                        "rule " + rule.id + " has no example"));
    }
    for (const rules::Example& ex : rule.examples) {
      RunExample(
          extractor, ex,
          std::string(ex.positive ? "positive" : "negative") + " example of " + rule.id + ": ",
          [&](const text::Document& doc, const ExtractResult& result) -> std::string {
            if (ex.positive) return PositiveMismatch(doc, result, ex, rule.id);
            for (const QuoteRecord& r : result.quotes) {
              if (r.attribution.rule == rule.id) {
                return "this rule decided the quotation \"" + doc.Slice(r.span.content) +
                       "\" (speaker " + Shown(r.attribution.speaker) + ")";
              }
            }
            return "";
          },
          &stats, diagnostics);
    }
  }
  // The files' `none:` corpus: no record at all, whichever rule or sieve.
  for (const rules::Example& ex : extractor.rules().none_examples()) {
    RunExample(
        extractor, ex, "'none:' sentence: ",
        [](const text::Document& doc, const ExtractResult& result) -> std::string {
          if (result.quotes.empty()) return "";
          const QuoteRecord& r = result.quotes.front();
          return "whosaid gives \"" + doc.Slice(r.span.content) + "\" (speaker " +
                 Shown(r.attribution.speaker) + ", " +
                 (r.attribution.rule.empty() ? std::string("no rule") : r.attribution.rule) + ")";
        },
        &stats, diagnostics);
  }
  return stats;
}

}  // namespace whosaid
