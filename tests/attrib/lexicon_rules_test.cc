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

TEST_CASE("lexicon: a period of an abbreviation or an initial ends no reported clause") {
  const auto q =
      Run("Officials said the U.S. would leave the base by June.\n\nAnn Lee said she had voted for "
          "Mr. Smith in May.\n\nThe mayor said the pact was signed by George W. Bush in 2002.");
  REQUIRE(q.size() == 3);
  CHECK(q[0].type == "indirect");
  CHECK(q[0].quote == "the U.S. would leave the base by June");
  CHECK(q[1].quote == "she had voted for Mr. Smith in May");
  CHECK(q[1].speaker == "Ann Lee");
  CHECK(q[2].quote == "the pact was signed by George W. Bush in 2002");
}

TEST_CASE("lexicon: a period of an abbreviation or an initial ends no role") {
  const auto q =
      Run("“We knew,” said Ann Lee, a former military attaché to the U.S. embassy in Oslo.\n\n"
          "“It is late,” said Bo Tran, an adviser to Mr. Ruiz.");
  REQUIRE(q.size() == 2);
  CHECK(q[0].speaker == "Ann Lee");
  CHECK(q[0].role == "a former military attaché to the U.S. embassy in Oslo");
  CHECK(q[1].speaker == "Bo Tran");
  CHECK(q[1].role == "an adviser to Mr. Ruiz");
}

}  // namespace
}  // namespace whosaid
