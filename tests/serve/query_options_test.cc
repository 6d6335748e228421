#include "whosaid/serve/query_options.h"

#include <doctest/doctest.h>

namespace whosaid::serve {

TEST_CASE("extract options: booleans, id, unknown and repeated names") {
  auto p = ParseExtractParams({{"all_marks", "1"},
                               {"explain", ""},
                               {"indirect", "false"},
                               {"per_document", "true"},
                               {"id", "a.txt"}});
  REQUIRE(p.ok());
  CHECK(p->all_marks);
  CHECK(p->explain);
  CHECK_FALSE(p->indirect);
  CHECK(p->per_document);
  CHECK(p->id == "a.txt");

  auto defaults = ParseExtractParams({});
  REQUIRE(defaults.ok());
  CHECK_FALSE(defaults->all_marks);
  CHECK(defaults->indirect);
  CHECK(defaults->id == "request");

  auto unknown = ParseExtractParams({{"allmarks", "1"}});
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().message().find("unknown query option \"allmarks\"") != std::string::npos);

  auto bad = ParseExtractParams({{"explain", "maybe"}});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("\"maybe\"") != std::string::npos);

  CHECK_FALSE(ParseExtractParams({{"explain", "1"}, {"explain", "0"}}).ok());
  CHECK_FALSE(ParseExtractParams({{"id", ""}}).ok());
}

TEST_CASE("search options: the db search options, checked") {
  auto s = ParseSearchParams(
      {{"q", "pipe*"}, {"speaker", "Hannah Cole"}, {"since", "2024-01-31"}, {"limit", "5"}});
  REQUIRE(s.ok());
  CHECK(s->words == "pipe*");
  CHECK(*s->speaker == "Hannah Cole");
  CHECK(*s->since == "2024-01-31");
  CHECK(s->limit == 5);

  CHECK_FALSE(ParseSearchParams({}).ok());  // nothing to search for
  CHECK_FALSE(ParseSearchParams({{"q", "  "}}).ok());
  CHECK(ParseSearchParams({{"since", "2024-01-01"}}).ok());
  CHECK_FALSE(ParseSearchParams({{"q", "x"}, {"since", "2024-13-01"}}).ok());
  CHECK_FALSE(ParseSearchParams({{"q", "x"}, {"since", "yesterday"}}).ok());
  CHECK_FALSE(ParseSearchParams({{"q", "x"}, {"limit", "-1"}}).ok());
  CHECK_FALSE(ParseSearchParams({{"q", "x"}, {"limit", "10k"}}).ok());
  auto unknown = ParseSearchParams({{"q", "x"}, {"words", "y"}});
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().message().find("\"words\"") != std::string::npos);
}

TEST_CASE("quotes options: a speaker or a story, not both") {
  CHECK(ParseQuotesParams({{"speaker", "Rosa Delgado"}}).ok());
  CHECK(ParseQuotesParams({{"doc", "a.txt"}}).ok());
  CHECK_FALSE(ParseQuotesParams({}).ok());
  CHECK_FALSE(ParseQuotesParams({{"doc", "a"}, {"speaker", "b"}}).ok());
  CHECK_FALSE(ParseQuotesParams({{"speaker", "b"}, {"limit", "3"}}).ok());
}

TEST_CASE("endpoints without options refuse any") {
  CHECK(CheckNoParams({}).ok());
  CHECK_FALSE(CheckNoParams({{"x", ""}}).ok());
}

}  // namespace whosaid::serve
