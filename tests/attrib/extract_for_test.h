// Whole-extraction helper of the attributor's and the sieves' tests: the quotations the
// built-in English pack finds in a short story of our own, with speaker, rule and mention.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "whosaid/extractor.h"

namespace whosaid::attrib::testing {

struct Found {
  std::string quote, speaker, rule, mention;
  std::string role = "<none>";
};

inline std::vector<Found> Extract(const std::string& text, bool all_marks = false,
                                  bool indirect = false) {
  ExtractorOptions options;
  options.default_rules_dir = std::string(WHOSAID_SOURCE_DIR) + "/rules/en";
  options.attribution.all_marks = all_marks;
  options.attribution.indirect = indirect;
  auto ex = Extractor::Create(options, nullptr);
  REQUIRE(ex.ok());
  auto doc = text::Document::FromBytes("t", text);
  REQUIRE(doc.ok());
  std::vector<Found> out;
  for (const auto& r : (*ex)->Extract(*doc).quotes) {
    if (r.span.type == quotes::QuoteType::kIndirect) continue;  // reported speech: not checked here
    out.push_back({doc->Slice(r.span.content), r.attribution.speaker.value_or("<none>"),
                   r.attribution.rule, r.attribution.mention.value_or("<none>"),
                   r.attribution.role.value_or("<none>")});
  }
  return out;
}

}  // namespace whosaid::attrib::testing
