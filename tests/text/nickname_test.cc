// Tests for nickname detection. Every sentence here was written for these tests.
#include "whosaid/text/nickname.h"

#include <doctest/doctest.h>

#include <string>

#include "../english_pack.h"

namespace whosaid::text {
namespace {

// The nickname (between its marks) opening at the first `mark` of `t`, or "" when none.
std::string NicknameIn(const std::string& t, const std::string& mark) {
  const size_t at = t.find(mark);
  REQUIRE(at != std::string::npos);
  const auto n = NicknameAt(t, static_cast<uint32_t>(at),
                            testing::EnglishLexicons().title_small_words.entries());
  if (!n) return "";
  CHECK(n->outer.begin == at);
  CHECK(n->outer.begin < n->content.begin);
  CHECK(n->content.end < n->outer.end);
  return t.substr(n->content.begin, n->content.size());
}

TEST_CASE("nickname: a short capitalized word in marks between two names") {
  CHECK(NicknameIn("Robert \"Bob\" Smith, the mayor, said the park would open.", "\"") == "Bob");
  CHECK(NicknameIn("The chief, Daniel “Mike” Christian, said it was over.", "“") == "Mike");
  CHECK(NicknameIn("Captain Walter ``Wally'' Brenner said the crew was ready.", "``") == "Wally");
  CHECK(NicknameIn("Walter ''Wally'' Brenner said the crew was ready.", "''") == "Wally");
  CHECK(NicknameIn("The keeper, John ‘Jack’ Hale, said the lamp failed.", "‘") == "Jack");
  CHECK(NicknameIn("The keeper, John 'Jack' Hale, said the lamp failed.", "'") == "Jack");
  CHECK(NicknameIn("A pilot named Rosa \"Big Red\" Alvarez flew the mail run.", "\"") == "Big Red");
  CHECK(NicknameIn("Rep. Ann C. \"Nan\" Kirby opened her farm to the press.", "\"") == "Nan");
  CHECK(NicknameIn("The late C.J. \"Buck\" Ortega coached here for years.", "\"") == "Buck");
  CHECK(NicknameIn("We met Ana \"Nena\" Ruiz’s brother at the fair.", "\"") == "Nena");
  CHECK(NicknameIn("The crews were slow, said Daniel \"Mike\" Christian.", "\"") == "Mike");
}

TEST_CASE("nickname: quotations and titles are not nicknames") {
  // A quotation after a name, a fragment, or a title between capitalized words.
  CHECK(NicknameIn("Smith said \"Bob\" was late.", "\"") == "");
  CHECK(NicknameIn("The mayor \"Bob\" Smith", "\"") == "");
  CHECK(NicknameIn("Robert \"bob\" Smith said it was over.", "\"") == "");
  CHECK(NicknameIn("Robert \"Bob\" smith said it was over.", "\"") == "");
  CHECK(NicknameIn("Robert \"Bob Is Back Again\" Smith said it was over.", "\"") == "");
  CHECK(NicknameIn("Robert \"Bob,\" Smith said it was over.", "\"") == "");
  CHECK(NicknameIn("Robert  \"Bob\" Smith said it was over.", "\"") == "");
  CHECK(NicknameIn("Robert \"Bob\"  Smith said it was over.", "\"") == "");
  CHECK(NicknameIn("Robert \"Bob\"", "\"") == "");
  CHECK(NicknameIn("She called Smith, \"Bob\" Jones and the others.", "\"") == "");
  // A title-case headline: nothing around it runs on as prose.
  CHECK(NicknameIn("Governor Calls Rival ‘Reckless’ Over Storm Response", "‘") == "");
  CHECK(NicknameIn("Mayor Was ‘Mocking’ Council Members\n\nThe mayor said no.", "‘") == "");
  // A sentence end before it, or a sentence in the marks.
  CHECK(NicknameIn("“First,” said Ada. “Second.” Then Bo left.", "“Second") == "");
  CHECK(NicknameIn("He said Ada \"Stop.\" Then Bo left.", "\"") == "");
  // An unclosed mark.
  CHECK(NicknameIn("Robert \"Bob Smith said it was over.", "\"") == "");
}

}  // namespace
}  // namespace whosaid::text
