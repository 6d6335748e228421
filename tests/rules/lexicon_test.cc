#include "whosaid/rules/lexicon.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include "test_util.h"

namespace whosaid::rules {
namespace {

TEST_CASE("rules lexicon: entries are normalized, deduplicated, longest first") {
  std::vector<Diagnostic> diags;
  const Lexicon lex = ParseLexicon("l.lst",
                                   "# comment\n"
                                   "said\n"
                                   "  told \t reporters  \r\n"
                                   "\n"
                                   "   # indented comment\n"
                                   "said\n"
                                   "said on\n"
                                   "didn't say\n"
                                   "a.k.a. (so-called)\n"
                                   "ab|c#d",
                                   &diags);
  CHECK(diags.empty());
  CHECK(lex.entries == std::vector<std::string>{"a.k.a. (so-called)", "told reporters",
                                                "didn’t say", "said on", "ab|c#d", "said"});
  CHECK(NormalizeLexiconEntry("  O'Neill  said ") == "O’Neill said");
}

TEST_CASE("rules lexicon: the regex matches entries literally, longer entries first") {
  const Lexicon lex = ParseLexicon("l.lst", "said\nsaid on\nMr.\n", nullptr);
  RE2 re("(?:" + lex.Regex() + ")");
  REQUIRE(re.ok());
  std::string m;
  CHECK(RE2::PartialMatch("he said on Monday", "(" + lex.Regex() + ")", &m));
  CHECK(m == "said on");
  CHECK(RE2::FullMatch("Mr.", re));
  CHECK_FALSE(RE2::FullMatch("MrX", re));
}

TEST_CASE("rules lexicon: invalid UTF-8 lines are errors and are skipped") {
  std::vector<Diagnostic> diags;
  const Lexicon lex = ParseLexicon("l.lst", "ok\nca\xC3\n\xFFzz\nfine\n", &diags);
  CHECK(testing::Lines(diags) ==
        testing::Strings{"l.lst:2:3: error: invalid UTF-8", "l.lst:3:1: error: invalid UTF-8"});
  CHECK(lex.entries == std::vector<std::string>{"fine", "ok"});
}

}  // namespace
}  // namespace whosaid::rules

namespace whosaid::rules {
namespace {

TEST_CASE("rules lexicon: @! is a word that, with a period after it, is no entry") {
  const Lexicon lex =
      ParseLexicon("a.lst", "Mr.\nMrs.\nSen.\nU.S.\nW.\nPresident\nvs.\n", nullptr);
  RE2 re("(?:" + lex.NotWordRegex() + ")");
  REQUIRE(re.ok());
  for (const char* word : {"Mr", "Mrs", "Sen", "W", "vs"}) {
    CAPTURE(word);
    CHECK_FALSE(RE2::FullMatch(word, re));
  }
  for (const char* word : {"M", "Ms", "Mrx", "Mrss", "Se", "Senate", "Wu", "President", "June",
                           "Smith-Jones", "v"}) {
    CAPTURE(word);
    CHECK(RE2::FullMatch(word, re));
  }
  // Not words: inner periods, digits, punctuation, blanks, letters outside ASCII.
  for (const char* text : {"U.S", "F-35", "a b", "x)", "", "O’Neill", "élan", "\xEE\x80\x81"}) {
    CAPTURE(text);
    CHECK_FALSE(RE2::FullMatch(text, re));
  }
  // No entry with a final period: every word.
  const Lexicon words = ParseLexicon("b.lst", "President\nU.S.\n", nullptr);
  RE2 any("(?:" + words.NotWordRegex() + ")");
  CHECK(RE2::FullMatch("President", any));
  CHECK(RE2::FullMatch("Mr", any));
}

}  // namespace
}  // namespace whosaid::rules
