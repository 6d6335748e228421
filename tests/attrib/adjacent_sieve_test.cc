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

}  // namespace
}  // namespace whosaid::attrib
