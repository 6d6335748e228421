// sieve.adjacent: a quotation near reported speech is the speaker's. Whole-extraction checks with
// the built-in English pack on short stories of our own.
#include <doctest/doctest.h>

#include "extract_for_test.h"

namespace whosaid::attrib {
namespace {

using testing::Extract;

TEST_CASE("adjacent sieve: reported speech between two quotes takes the second one") {
  const std::string story =
      "“The bridge will open in May,” Ellen Brandt said on Monday. Then Omar Haddad argued "
      "that the crews were far behind. “Nobody has seen the steel yet.”";
  const auto with_indirect = Extract(story, /*all_marks=*/false, /*indirect=*/true);
  REQUIRE(with_indirect.size() == 2);
  CHECK(with_indirect[0].speaker == "Ellen Brandt");
  CHECK(with_indirect[1].speaker == "Omar Haddad");
  CHECK(with_indirect[1].rule == "sieve.adjacent");
  // Without the reported speech in between, the quote continues the previous speaker.
  const auto q = Extract(
      "“The bridge will open in May,” Ellen Brandt said on Monday. The crews were far "
      "behind. “Nobody has seen the steel yet.”",
      /*all_marks=*/false, /*indirect=*/true);
  REQUIRE(q.size() == 2);
  CHECK(q[1].speaker == "Ellen Brandt");
  CHECK(q[1].rule == "sieve.continuation");
}

TEST_CASE("adjacent sieve: a reported question with no asker named lends no speaker") {
  const std::string story =
      "“The bridge will open in May,” Ellen Brandt said on Monday. Asked whether the crews were "
      "behind, the engineers shrugged. “Nobody has seen the steel yet.”";
  ExtractorOptions options;
  options.default_rules_dir = std::string(WHOSAID_SOURCE_DIR) + "/rules/en";
  options.attribution.indirect = true;
  auto ex = Extractor::Create(options, nullptr);
  REQUIRE(ex.ok());
  auto doc = text::Document::FromBytes("t", story);
  REQUIRE(doc.ok());
  const auto records = (*ex)->Extract(*doc).quotes;
  REQUIRE(records.size() == 3);
  // The question is reported speech with a cue and no speaker, mention or offsets of one.
  const Attribution& question = records[1].attribution;
  CHECK(records[1].span.type == quotes::QuoteType::kIndirect);
  CHECK(doc->Slice(records[1].span.content) == "whether the crews were behind");
  CHECK(question.rule == "en.ind_asked_question");
  CHECK(question.cue == "Asked");
  CHECK_FALSE(question.speaker.has_value());
  CHECK_FALSE(question.mention.has_value());
  CHECK_FALSE(question.mention_span.has_value());
  // The quote after it is not given the question's (missing) speaker.
  CHECK(records[2].attribution.rule != "sieve.adjacent");
  CHECK(records[2].attribution.speaker == "Ellen Brandt");
}

}  // namespace
}  // namespace whosaid::attrib
