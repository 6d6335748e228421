// sieve.previous_subject: a quotation opening its sentence after a sentence about someone.
// Whole-extraction checks with the built-in English pack on short stories of our own.
#include <doctest/doctest.h>

#include "extract_for_test.h"

namespace whosaid::attrib {
namespace {

using testing::Extract;

TEST_CASE(
    "previous subject sieve: a quotation paragraph after a paragraph about someone is theirs") {
  const auto q = Extract(
      "Omar Haddad is sure the line will open on time. He sees no reason for delay.\n\n“The "
      "steel is here and the crews are ready.”");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Omar Haddad");
  CHECK(q[0].rule == "sieve.previous_subject");
}

TEST_CASE("previous subject sieve: a description opening the sentence before is its subject") {
  const auto q = Extract(
      "The storm hit at dawn. The harbor spokesman stayed on the pier all night.\n\n“We moved "
      "forty boats before midnight.”");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "harbor spokesman");
  CHECK(q[0].rule == "sieve.previous_subject");
}

}  // namespace
}  // namespace whosaid::attrib
