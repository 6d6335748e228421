// sieve.continuation: a quotation goes on with the speaker of the one before. Whole-extraction
// checks with the built-in English pack on short stories of our own.
#include <doctest/doctest.h>

#include "extract_for_test.h"

namespace whosaid::attrib {
namespace {

using testing::Extract;

TEST_CASE("continuation sieve: a quotation paragraph after a quoted speaker continues them") {
  const auto q = Extract(
      "“We will rebuild the bridge by spring,” said Mayor Ellen Brandt.\n\n“Every crew in the "
      "county will work on it until the last beam is in place.”");
  REQUIRE(q.size() == 2);
  CHECK(q[1].speaker == "Ellen Brandt");
  CHECK(q[1].rule == "sieve.continuation");
}

TEST_CASE(
    "continuation sieve: a quotation paragraph continues a partial quote that closed the last") {
  const auto q = Extract(
      "Ruth Ellis said the plan was “a good start for the county.”\n\n“We will need twice "
      "the money next year, and the year after that.”");
  REQUIRE(q.size() == 2);
  CHECK(q[0].speaker == "Ruth Ellis");
  CHECK(q[1].speaker == "Ruth Ellis");
  CHECK(q[1].rule == "sieve.continuation");
}

}  // namespace
}  // namespace whosaid::attrib
