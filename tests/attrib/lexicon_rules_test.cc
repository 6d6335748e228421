// Whole-extraction checks that the rule macros and the registry read the same word lists:
// an honorific of titles.lst is a title before the name, never the speaker, and a period of
// an abbreviation or an initial does not end a reported clause or a role.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "whosaid/extractor.h"

namespace whosaid {
namespace {

struct Got {
  std::string type, quote, speaker, mention, role;
};

std::vector<Got> Run(const std::string& text) {
  ExtractorOptions options;
  options.default_rules_dir = std::string(WHOSAID_SOURCE_DIR) + "/rules/en";
  auto ex = Extractor::Create(options, nullptr);
  REQUIRE(ex.ok());
  auto doc = text::Document::FromBytes("t", text);
  REQUIRE(doc.ok());
  std::vector<Got> out;
  for (const auto& r : (*ex)->Extract(*doc).quotes) {
    const Attribution& a = r.attribution;
    out.push_back({r.span.type == quotes::QuoteType::kIndirect ? "indirect" : "quote",
                   doc->Slice(r.span.content), a.speaker.value_or(""), a.mention.value_or(""),
                   a.role.value_or("")});
  }
  return out;
}

TEST_CASE("lexicon: every abbreviated title of titles.lst is a title, the name the speaker") {
  for (const std::string title : {"Cpl.", "Supt.", "Fr.", "Hon.", "Sgt.", "Insp."}) {
    CAPTURE(title);
    const auto q = Run("“We held the line,” said " + title + " Ann Lee.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].speaker == "Ann Lee");
    CHECK(q[0].mention == title + " Ann Lee");
    CHECK(q[0].role == title);
  }
}

}  // namespace
}  // namespace whosaid
