// The possessive test the registry and the token rules share (text/possessive.h).
#include "whosaid/text/possessive.h"

#include <doctest/doctest.h>

namespace whosaid::text {
namespace {

TEST_CASE("possessive: ’s and 's after a word") {
  CHECK(HasPossessiveS("Ruiz\xE2\x80\x99s"));
  CHECK(HasPossessiveS("Thursday's"));
  CHECK_FALSE(HasPossessiveS("pilots\xE2\x80\x99"));
  CHECK_FALSE(HasPossessiveS("Ruiz"));
  // The bare ending is no word's possessive.
  CHECK_FALSE(HasPossessiveS("'s"));
  CHECK_FALSE(HasPossessiveS("\xE2\x80\x99s"));
}

TEST_CASE("possessive: Poss also takes a plural's bare apostrophe") {
  CHECK(IsPossessiveWord("Ruiz\xE2\x80\x99s"));
  CHECK(IsPossessiveWord("pilots\xE2\x80\x99"));
  CHECK(IsPossessiveWord("pilots'"));
  CHECK_FALSE(IsPossessiveWord("rock'n"));
  CHECK_FALSE(IsPossessiveWord("s'"));
  CHECK_FALSE(IsPossessiveWord("pilots"));
}

}  // namespace
}  // namespace whosaid::text
