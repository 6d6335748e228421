// Word helpers shared by the stages (text/char_class.h).
#include "whosaid/text/char_class.h"

#include <doctest/doctest.h>

namespace whosaid::text {
namespace {

TEST_CASE("char class: a word up to its apostrophe, curly or straight") {
  CHECK(BeforeApostrophe("He\xE2\x80\x99s") == "He");
  CHECK(BeforeApostrophe("I'd") == "I");
  CHECK(BeforeApostrophe("We\xE2\x80\x99ve") == "We");
  CHECK(BeforeApostrophe("Ruiz") == "Ruiz");
  CHECK(BeforeApostrophe("") == "");
}

TEST_CASE("char class: the joint after a name's opening particle") {
  CHECK(ParticleJoint("al-Khatib") == 2);
  CHECK(ParticleJoint("el-Mansouri") == 2);
  CHECK(ParticleJoint("d’Alembert") == 1);
  CHECK(ParticleJoint("d'Alembert") == 1);
  CHECK(ParticleJoint("al-\xC3\x81vila") == 2);  // a capital beyond ASCII: al-Ávila
  CHECK(ParticleJoint("well-known") == std::string_view::npos);  // no capital after it
  CHECK(ParticleJoint("-Khatib") == std::string_view::npos);
  CHECK(ParticleJoint("Khatib") == std::string_view::npos);
}

TEST_CASE("char class: a comma or a dash sets off a phrase") {
  CHECK(IsCommaOrDash(","));
  CHECK(IsCommaOrDash("\xE2\x80\x94"));  // —
  CHECK(IsCommaOrDash("\xE2\x80\x93"));  // –
  CHECK(IsCommaOrDash("-"));
  CHECK(IsCommaOrDash("--"));
  CHECK_FALSE(IsCommaOrDash(""));
  CHECK_FALSE(IsCommaOrDash(";"));
  CHECK_FALSE(IsCommaOrDash("-a"));
}

TEST_CASE("char class: a first capital in lower case, the rest as written") {
  CHECK(AsciiLowerFirst("When") == "when");
  CHECK(AsciiLowerFirst("WHEN") == "wHEN");
  CHECK(AsciiLowerFirst("") == "");
}

}  // namespace
}  // namespace whosaid::text
