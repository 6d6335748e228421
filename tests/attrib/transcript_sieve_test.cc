// sieve.transcript: a quoted transcript turn names its speaker. Whole-extraction checks with the
// built-in English pack on short stories of our own.
#include <doctest/doctest.h>

#include "extract_for_test.h"

namespace whosaid::attrib {
namespace {

using testing::Extract;

TEST_CASE("transcript sieve: transcript turns name their speakers") {
  const auto q = Extract(
      "Lena Ortiz spoke with the host.\n\n\"HOST: Where were you on the night of the vote?\n\n"
      "\"ORTIZ: At home, with the radio on, like everyone else in town.");
  REQUIRE(q.size() == 2);
  CHECK(q[0].rule == "sieve.transcript");
  CHECK(q[1].speaker == "Lena Ortiz");
}

// A lead-in before the turn ("… as follows:") is no speaker: the turn's label is.
TEST_CASE("transcript sieve: a turn after a lead-in with a colon is the label's") {
  const auto q = Extract(
      "Lena Ortiz spoke with the host on Sunday.\n\nPartial transcript as follows:\n\n"
      "\"HOST: Where were you on the night of the vote?\n\n"
      "\"ORTIZ: At home, with the radio on, like everyone else in town.");
  REQUIRE(q.size() == 2);
  CHECK(q[0].rule == "sieve.transcript");
  CHECK(q[0].speaker == "HOST");
  CHECK(q[1].speaker == "Lena Ortiz");
}

}  // namespace
}  // namespace whosaid::attrib
