// The pack's list of sieves (sieve_list.h): what runs, in which order, with which
// confidence, and the diagnostics of a broken list.
#include "whosaid/attrib/sieve_list.h"

#include <doctest/doctest.h>

#include "whosaid/rules/file_io.h"

namespace whosaid::attrib {
namespace {

std::vector<std::string> Names(const std::vector<SieveStep>& steps) {
  std::vector<std::string> names;
  for (const SieveStep& s : steps) names.push_back(s.name);
  return names;
}

TEST_CASE("sieve list: names and confidences in the order given; comments and blanks") {
  std::vector<rules::Diagnostic> d;
  const auto steps = ParseSieveList("house/sieves.list",
                                    "# house order\n\ncontinuation 0.7   # first\n"
                                    "\tsubject\t0.25\n",
                                    &d);
  REQUIRE(steps.has_value());
  CHECK(d.empty());
  CHECK(Names(*steps) == std::vector<std::string>{"continuation", "subject"});
  CHECK((*steps)[0].confidence == doctest::Approx(0.7));
  CHECK((*steps)[1].confidence == doctest::Approx(0.25));
  CHECK(((*steps)[0].run == FindSieve("continuation")));
}

TEST_CASE("sieve list: an empty list runs no sieve") {
  std::vector<rules::Diagnostic> d;
  const auto steps = ParseSieveList("s.list", "# none\n", &d);
  REQUIRE(steps.has_value());
  CHECK(steps->empty());
}

TEST_CASE("sieve list: each problem is an error at file:line:col") {
  std::vector<rules::Diagnostic> d;
  const auto steps = ParseSieveList("s.list",
                                    "subject 0.4\n"
                                    "  continuaton 0.6\n"  // unknown
                                    "subject 0.3\n"        // twice
                                    "adjacent\n"           // no confidence
                                    "transcript 1.5\n"     // out of range
                                    "previous_subject 0.3 extra\n",
                                    &d);
  CHECK_FALSE(steps.has_value());
  REQUIRE(d.size() == 5);
  CHECK(d[0].ToString() ==
        "s.list:2:3: error: unknown sieve 'continuaton' (the sieves are transcript, subject, "
        "continuation, adjacent, previous_subject)");
  CHECK(d[1].ToString() == "s.list:3:1: error: sieve 'subject' is listed twice");
  CHECK(d[2].ToString() ==
        "s.list:4:9: error: sieve 'adjacent' needs a confidence (0 to 1) after it");
  CHECK(d[3].ToString() == "s.list:5:12: error: confidence '1.5' is not a number from 0 to 1");
  CHECK(d[4].ToString() ==
        "s.list:6:22: error: a line holds a sieve's name and its confidence, nothing more");
}

TEST_CASE("sieve list: the built-in order is the English pack's sieves.list") {
  const auto text = rules::ReadWholeFile(std::string(WHOSAID_SOURCE_DIR) + "/rules/en/sieves.list");
  REQUIRE(text.ok());
  std::vector<rules::Diagnostic> d;
  const auto steps = ParseSieveList("sieves.list", *text, &d);
  REQUIRE(steps.has_value());
  const std::vector<SieveStep> builtin = DefaultSieveSteps();
  REQUIRE(steps->size() == builtin.size());
  for (size_t i = 0; i < builtin.size(); ++i) {
    CHECK((*steps)[i].name == builtin[i].name);
    CHECK((*steps)[i].confidence == builtin[i].confidence);
  }
  // Every sieve runs in the English pack.
  CHECK(builtin.size() == SieveNames().size());
}

}  // namespace
}  // namespace whosaid::attrib
