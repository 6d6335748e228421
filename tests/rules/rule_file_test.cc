#include "whosaid/rules/rule_file.h"

#include <doctest/doctest.h>

#include "test_util.h"

namespace whosaid::rules {
namespace {

using testing::Lines;

TEST_CASE("rules parser: a define can join lists, and @! negates them") {
  std::vector<Diagnostic> diags;
  const RuleFile f = ParseRuleFile("t.rules",
                                   "define A = @lexicon/a.lst @lexicon/b c.lst\n"
                                   "define B = @!x.lst @!/abs/y.lst\n"
                                   "define C = @x.lst @!y.lst\n"
                                   "define D = @!x.lst @y.lst\n",
                                   &diags);
  REQUIRE(f.defines.size() == 2);
  CHECK(f.defines[0].lexicon);
  CHECK_FALSE(f.defines[0].lexicon_not);
  CHECK(f.defines[0].lexicon_paths == std::vector<std::string>{"lexicon/a.lst", "lexicon/b c.lst"});
  CHECK(f.defines[0].lexicon_path == "lexicon/a.lst");
  CHECK(f.defines[1].lexicon_not);
  CHECK(f.defines[1].lexicon_paths == std::vector<std::string>{"x.lst", "/abs/y.lst"});
  REQUIRE(diags.size() == 2);
  CHECK(diags[0].line == 3);
  CHECK(diags[0].message == "every list of one define starts with @");
  CHECK(diags[1].line == 4);
  CHECK(diags[1].message == "every list of one define starts with @!");
}

TEST_CASE("rules parser: defines, rules and examples") {
  std::vector<Diagnostic> diags;
  const RuleFile f =
      ParseRuleFile("t.rules",
                    "# header comment\n"
                    "define NAME  = \\p{Lu}\\p{L}+\n"
                    "define CUE = @lexicon/cue verbs.lst  # trailing comment\n"
                    "\n"
                    "rule en.q_one  prio=90 conf=0.8 : {QUOTE}, {CUE} {SPEAKER=NAME}.\n"
                    "  + “We won,” said Tom.  => SPEAKER=\"Tom\" CUE=\"said\"\n"
                    "  + “We won,” said Ann.\n"
                    "\t- “We won,” said the report.\n"
                    "rule en.i_two prio=0: {SPEAKER} said {CLAUSE=.+}\n",
                    &diags);
  CHECK(Lines(diags) == testing::Strings{});
  CHECK(f.path == "t.rules");
  REQUIRE(f.defines.size() == 2);
  CHECK(f.defines[0].name == "NAME");
  CHECK(f.defines[0].body == "\\p{Lu}\\p{L}+");
  CHECK_FALSE(f.defines[0].lexicon);
  CHECK(f.defines[0].line == 2);
  CHECK(f.defines[0].name_col == 8);
  CHECK(f.defines[0].body_col == 16);
  CHECK(f.defines[1].lexicon);
  CHECK(f.defines[1].lexicon_path == "lexicon/cue verbs.lst");
  CHECK(f.defines[1].body_col == 14);

  REQUIRE(f.rules.size() == 2);
  const RuleDef& r = f.rules[0];
  CHECK(r.id == "en.q_one");
  CHECK(r.priority == 90);
  REQUIRE(r.confidence.has_value());
  CHECK(*r.confidence == doctest::Approx(0.8));
  CHECK(r.pattern == "{QUOTE}, {CUE} {SPEAKER=NAME}.");
  CHECK(r.line == 5);
  CHECK(r.col == 1);
  CHECK(r.id_col == 6);
  CHECK(r.pattern_col == 35);
  REQUIRE(r.examples.size() == 3);
  CHECK(r.examples[0].positive);
  CHECK(r.examples[0].text == "“We won,” said Tom.");
  CHECK(r.examples[0].expected ==
        std::vector<std::pair<Slot, std::string>>{{Slot::kSpeaker, "Tom"}, {Slot::kCue, "said"}});
  CHECK(r.examples[0].line == 6);
  CHECK(r.examples[0].col == 3);
  CHECK(r.examples[0].file == "t.rules");
  CHECK(r.examples[1].text == "“We won,” said Ann.");
  CHECK(r.examples[1].expected.empty());
  CHECK_FALSE(r.examples[2].positive);
  CHECK(r.examples[2].text == "“We won,” said the report.");
  CHECK(r.examples[2].col == 2);  // a tab is one column

  const RuleDef& r2 = f.rules[1];
  CHECK(r2.id == "en.i_two");
  CHECK(r2.priority == 0);
  CHECK_FALSE(r2.confidence.has_value());
  CHECK(r2.pattern == "{SPEAKER} said {CLAUSE=.+}");
  CHECK(r2.examples.empty());
}

TEST_CASE("rules parser: slot values with escapes and comments") {
  std::vector<Diagnostic> diags;
  const RuleFile f = ParseRuleFile(
      "t.rules",
      "rule a prio=1 : {QUOTE} {SPEAKER=x}\n"
      "  + He said “no” => SPEAKER=\"a \\\"b\\\" c\\\\d\" ROLE=\"\"   # why this one\n"
      "  + a => b  => QUOTE=\"ü #1\"\n",
      &diags);
  CHECK(Lines(diags) == testing::Strings{});
  REQUIRE(f.rules.size() == 1);
  REQUIRE(f.rules[0].examples.size() == 2);
  const Example& e = f.rules[0].examples[0];
  CHECK(e.text == "He said “no”");
  CHECK(e.expected == std::vector<std::pair<Slot, std::string>>{{Slot::kSpeaker, "a \"b\" c\\d"},
                                                                {Slot::kRole, ""}});
  // The last "=>" splits text from slot values.
  CHECK(f.rules[0].examples[1].text == "a => b");
  CHECK(f.rules[0].examples[1].expected ==
        std::vector<std::pair<Slot, std::string>>{{Slot::kQuote, "ü #1"}});
}

TEST_CASE("rules parser: comments") {
  std::vector<Diagnostic> diags;
  const RuleFile f =
      ParseRuleFile("t.rules",
                    "# whole line\n"
                    "   # indented\n"
                    "define A = a#b  # comment after two blanks\n"
                    "define B = a\\#b\t\t# tabs count as blanks\n"
                    "define C = x  \\# not a comment\n"
                    "rule r prio=5 : {QUOTE} # one blank: still pattern  # comment\n",
                    &diags);
  CHECK(Lines(diags) == testing::Strings{});
  REQUIRE(f.defines.size() == 3);
  CHECK(f.defines[0].body == "a#b");
  CHECK(f.defines[1].body == "a\\#b");
  CHECK(f.defines[2].body == "x  \\# not a comment");
  REQUIRE(f.rules.size() == 1);
  CHECK(f.rules[0].pattern == "{QUOTE} # one blank: still pattern");
}

TEST_CASE("rules parser: CRLF line ends, byte-order mark, no final newline") {
  std::vector<Diagnostic> diags;
  const RuleFile f = ParseRuleFile("t.rules",
                                   "\xEF\xBB\xBF"
                                   "define A = x\r\nrule r prio=1 : {QUOTE}\r\n  - no",
                                   &diags);
  CHECK(Lines(diags) == testing::Strings{});
  REQUIRE(f.defines.size() == 1);
  CHECK(f.defines[0].body == "x");
  CHECK(f.defines[0].name_col == 8);
  REQUIRE(f.rules.size() == 1);
  CHECK(f.rules[0].pattern == "{QUOTE}");
  REQUIRE(f.rules[0].examples.size() == 1);
  CHECK(f.rules[0].examples[0].text == "no");
}

TEST_CASE("rules parser: every syntax error, with file:line:col, all in one pass") {
  std::vector<Diagnostic> diags;
  const RuleFile f = ParseRuleFile("bad.rules",
                                   "  + orphan example\n"                // 1
                                   "defin X = y\n"                       // 2
                                   "define lower = y\n"                  // 3
                                   "define X y\n"                        // 4
                                   "define X =   \n"                     // 5
                                   "define QUOTE = x\n"                  // 6
                                   "define\n"                            // 7
                                   "define L = @  \n"                    // 8
                                   "rule 9bad prio=1 : x\n"              // 9
                                   "rule r prio=101 conf=2 : x\n"        // 10
                                   "rule r prio=1 weight=3 : x\n"        // 11
                                   "rule r prio=1 prio=2 : x\n"          // 12
                                   "rule r conf=0.5 : x\n"               // 13
                                   "rule r prio=1 x\n"                   // 14
                                   "rule r prio=1 :   \n"                // 15
                                   "rule\n"                              // 16
                                   "rule ok prio=1 : {QUOTE}\n"          // 17
                                   "  - “x” => SPEAKER=\"y\"\n"          // 18
                                   "  + “x” => SPEAKER=\"a\\nb\"\n"      // 19
                                   "  + “x” => SPEAKER=\"open\n"         // 20
                                   "  + “x” => SPOKESMAN=\"y\"\n"        // 21
                                   "  + “x” => ROLE=\"a\" ROLE=\"b\"\n"  // 22
                                   "  + => CUE=\"said\"\n"               // 23
                                   "  +\n"                               // 24
                                   "  + “x” =>\n"                        // 25
                                   "  + “x” => CUE = \"said\"\n"         // 26
                                   "  + “x” => CUE=\"said\"x\n"          // 27
                                   "  + caf\xC3 bad\n"                   // 28
                                   "define D = z\n"                      // 29
                                   "  + after a define\n",               // 30
                                   &diags);
  CHECK(Lines(diags) ==
        testing::Strings{
            "bad.rules:1:3: error: example line '+' has no rule above it",
            "bad.rules:2:1: error: expected 'rule', 'define', an example line (+ or -), 'none:' "
            "or a # comment",
            "bad.rules:3:8: error: macro name 'lower' must be upper-case letters, digits and '_', "
            "starting with a letter",
            "bad.rules:4:10: error: expected '=' after macro name X",
            "bad.rules:5:11: error: empty definition of macro X",
            "bad.rules:6:8: error: QUOTE is a built-in slot and cannot be defined",
            "bad.rules:7:7: error: expected a macro name after 'define'",
            "bad.rules:8:12: error: expected a lexicon path after '@'",
            "bad.rules:9:6: error: rule id '9bad' must be letters, digits, '_', '.' and '-', "
            "starting "
            "with a letter",
            "bad.rules:10:13: error: prio must be an integer from 0 to 100 (got '101')",
            "bad.rules:10:22: error: conf must be a number from 0 to 1 (got '2')",
            "bad.rules:11:15: error: unknown rule attribute 'weight=3' (expected prio=N, conf=X or "
            "':' "
            "before the pattern)",
            "bad.rules:12:15: error: prio given twice",
            "bad.rules:13:6: error: rule r has no prio=N (0..100)",
            "bad.rules:14:15: error: expected ':' before the pattern (or an attribute prio=N or "
            "conf=X), found 'x'",
            "bad.rules:15:16: error: empty pattern",
            "bad.rules:16:5: error: expected a rule id after 'rule'",
            "bad.rules:18:9: error: a '-' example cannot expect slot values (it must not match at "
            "all)",
            "bad.rules:19:22: error: unknown escape in slot value (only \\\" and \\\\ are allowed)",
            "bad.rules:20:20: error: unterminated slot value",
            "bad.rules:21:12: error: unknown slot 'SPOKESMAN' (slots: QUOTE, SPEAKER, ROLE, CUE, "
            "CLAUSE)",
            "bad.rules:22:21: error: slot ROLE given twice",
            "bad.rules:23:3: error: empty example",
            "bad.rules:24:3: error: empty example",
            "bad.rules:25:11: error: expected SLOT=\"value\" after '=>'",
            "bad.rules:26:15: error: expected '=' after CUE",
            "bad.rules:27:22: error: expected a blank after the closing '\"'",
            "bad.rules:28:8: error: invalid UTF-8",
            "bad.rules:30:3: error: example line '+' has no rule above it",
        });
  // Only the well-formed lines survive.
  REQUIRE(f.rules.size() == 1);
  CHECK(f.rules[0].id == "ok");
  CHECK(f.rules[0].examples.empty());
  REQUIRE(f.defines.size() == 1);
  CHECK(f.defines[0].name == "D");
}

TEST_CASE("rules parser: examples of a malformed rule are dropped without more errors") {
  std::vector<Diagnostic> diags;
  const RuleFile f = ParseRuleFile("t.rules",
                                   "rule r prio=x : {QUOTE}\n"
                                   "  + one\n"
                                   "  - two\n",
                                   &diags);
  CHECK(Lines(diags) ==
        testing::Strings{"t.rules:1:13: error: prio must be an integer from 0 to 100 (got 'x')"});
  CHECK(f.rules.empty());
}

TEST_CASE("rules parser: ReadRuleFile names an unreadable file") {
  std::vector<Diagnostic> diags;
  const std::string missing = testing::DataDir() + "/no_such.rules";
  CHECK_FALSE(ReadRuleFile(missing, &diags).has_value());
  CHECK(Lines(diags) ==
        testing::Strings{missing + ": error: cannot open rule file: No such file or directory"});
  diags.clear();
  CHECK_FALSE(ReadRuleFile(testing::DataDir(), &diags).has_value());
  CHECK(Lines(diags) ==
        testing::Strings{testing::DataDir() + ": error: cannot open rule file: Is a directory"});
}

TEST_CASE("rules parser: ParseExpectations") {
  std::vector<std::pair<Slot, std::string>> out;
  size_t offset = 0;
  std::string error;
  CHECK(ParseExpectations("  SPEAKER=\"Ana Ruiz\"\tCUE=\"told\"  ", &out, &offset, &error));
  CHECK(out == std::vector<std::pair<Slot, std::string>>{{Slot::kSpeaker, "Ana Ruiz"},
                                                         {Slot::kCue, "told"}});
  out.clear();
  CHECK(ParseExpectations("", &out, &offset, &error));
  CHECK(out.empty());
  CHECK_FALSE(ParseExpectations("CLAUSE=\"x\" =", &out, &offset, &error));
  CHECK(offset == 11);
  CHECK(error == "expected SLOT=\"value\"");
}

TEST_CASE("rule file: 'none:' lines are the file's corpus of sentences that give nothing") {
  std::vector<Diagnostic> diags;
  const RuleFile f = ParseRuleFile("c.tokens",
                                   "none: The bridge opened in May.\n"
                                   "rule t.a prio=5 : QUOTE SPEAKER:Cap\n"
                                   "  none:   It was “a small miracle” for the town.  \n"
                                   "none:\n",
                                   &diags);
  REQUIRE(f.none.size() == 2);
  CHECK(f.none[0].text == "The bridge opened in May.");
  CHECK(f.none[0].line == 1);
  CHECK(f.none[1].text == "It was “a small miracle” for the town.");
  CHECK(f.none[1].col == 3);
  CHECK(f.rules.size() == 1);
  CHECK(f.rules[0].examples.empty());  // a corpus line belongs to the file, not the rule
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].ToString() == "c.tokens:4:1: error: empty 'none:' line");
}

}  // namespace
}  // namespace whosaid::rules
