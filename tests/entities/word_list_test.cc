#include "whosaid/entities/word_list.h"

#include <doctest/doctest.h>

namespace whosaid::entities {
namespace {

TEST_CASE("word lists: a role ends at , . ; : but not at the period of an abbreviation") {
  Lexicons lex;
  lex.abbreviations = WordList::FromString("U.S.\nJan.\n");
  lex.honorifics = WordList::FromString("Sen.\nPresident\n");
  lex.honorifics_male = WordList::FromString("Mr.\nMr\n");
  lex.honorifics_female = WordList::FromString("Mrs.\nMs.\n");
  CHECK(lex.IsAbbreviation("U.S"));
  CHECK(lex.IsAbbreviation("Mr"));
  CHECK(lex.IsAbbreviation("W"));
  CHECK(lex.IsAbbreviation("J.D"));
  CHECK_FALSE(lex.IsAbbreviation("President"));
  CHECK_FALSE(lex.IsAbbreviation("Smith"));
  CHECK_FALSE(lex.IsAbbreviation("JD"));
  auto role = [&](std::string_view t) {
    const size_t e = FindRoleEnd(t, lex);
    return std::string(e == std::string_view::npos ? t : t.substr(0, e));
  };
  CHECK(role("an adviser to Mr. Ruiz, said") == "an adviser to Mr. Ruiz");
  CHECK(role("a spokesman for Mrs. Ruiz. She") == "a spokesman for Mrs. Ruiz");
  CHECK(role("an attaché to the U.S. embassy in Oslo, said") ==
        "an attaché to the U.S. embassy in Oslo");
  CHECK(role("a professor at M.I.T. in Boston; she") == "a professor at M.I.T. in Boston");
  CHECK(role("an aide to George W. Bush. He") == "an aide to George W. Bush");
  CHECK(role("an aide to Sen. Ida Park (D-Md.)") == "an aide to Sen. Ida Park ");
  CHECK(role("a reporter at cnn.com, said") == "a reporter at cnn");
  CHECK(role("the new mayor. She") == "the new mayor");
  CHECK(role("the mayor") == "the mayor");
}

}  // namespace
}  // namespace whosaid::entities
