// Token rule files (issue 16, second step): loading, defines, diagnostics at file:line:col
// and each rule's match for a quotation, on sentences of our own with the English lexicon.
#include "whosaid/tokenrules/token_rule_set.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "../english_pack.h"
#include "whosaid/quotes/scanner.h"

namespace whosaid::tokenrules {
namespace {

// A directory holding one token rule file with `content`, removed at the end.
struct RuleDir {
  explicit RuleDir(const std::string& content) {
    path = std::filesystem::temp_directory_path() /
           ("whosaid-token-rules-" + std::to_string(reinterpret_cast<uintptr_t>(this)));
    std::filesystem::create_directories(path);
    std::ofstream(path / "test.tokens") << content;
  }
  ~RuleDir() { std::filesystem::remove_all(path); }
  std::string file() const { return (path / "test.tokens").string(); }
  std::filesystem::path path;
};

std::shared_ptr<const TokenRuleSet> Load(const RuleDir& dir,
                                         std::vector<rules::Diagnostic>* diagnostics) {
  return TokenRuleSet::Load({dir.path.string()}, testing::EnglishLexicons().table, diagnostics);
}

// The text of each rule's speaker for the first quotation of `text`, "rule=speaker".
std::vector<std::string> SpeakersOfFirstQuote(
    const TokenRuleSet& set, const std::string& text,
    const std::function<bool(const TokenMatch&)>& accept = nullptr) {
  auto segmenter = text::Segmenter::Create([] {
    text::SegmenterOptions o;
    testing::EnglishLexicons().ToSegmenterOptions(&o);
    return o;
  }());
  REQUIRE(segmenter.ok());
  const text::Segmentation seg = (*segmenter)->Segment(text);
  const auto quotes = quotes::ScanQuotes(text, seg, testing::EnglishScannerOptions());
  REQUIRE(!quotes.empty());
  SymbolText symbols = set.Encode(text, seg, quotes);
  const std::string before = symbols.symbols;
  std::vector<TokenMatch> matches;
  set.MatchQuote(seg, quotes, 0, &symbols, &matches, accept);
  CHECK(symbols.symbols == before);  // the focus is given back
  std::vector<std::string> out;
  for (const TokenMatch& m : matches) {
    out.push_back(m.rule->id + "=" +
                  (m.speaker ? text.substr(m.speaker->begin, m.speaker->size()) : "-"));
  }
  return out;
}

const char* kRules = R"(# Two rules and a define whose body starts with a list.
define NAME = @honorifics* (Cap & !@not_names){1,3}

rule t.low  prio=10 : QUOTE "," CUE:@cue_verbs SPEAKER:Cap+
  + “Go,” said Ann Lee.  => SPEAKER="Ann Lee"

rule t.high  prio=90 : QUOTE "," CUE:@cue_verbs SPEAKER:({NAME}) ROLE:("," @articles lower+)?
  + “Go,” said Dr. Ann Lee.  => SPEAKER="Ann Lee"

rule t.lead  prio=50 : SPEAKER:({NAME}) CUE:@cue_verbs ","? QUOTE
  + Ann Lee said, “Go.”  => SPEAKER="Ann Lee"
)";

TEST_CASE("token rules: defines, priorities and each rule's match for a quotation") {
  RuleDir dir(kRules);
  std::vector<rules::Diagnostic> diagnostics;
  const auto set = Load(dir, &diagnostics);
  REQUIRE(set);
  CHECK(diagnostics.empty());
  REQUIRE(set->rules().size() == 3);
  CHECK(set->rules()[0].id == "t.high");  // highest priority first
  CHECK(set->rules()[1].id == "t.lead");
  CHECK(set->rules()[2].id == "t.low");
  CHECK(set->rules()[0].starts_with_quote);
  CHECK_FALSE(set->rules()[1].starts_with_quote);
  CHECK(set->rules()[0].confidence == doctest::Approx(0.9));
  CHECK(set->rules()[0].examples.size() == 1);
  CHECK(set->rules()[2].line == 4);

  // Rules below the first accepted match's priority do not run.
  const std::string story = "“We are ready,” said Dr. Ann Lee, a surgeon.";
  CHECK(SpeakersOfFirstQuote(*set, story) == std::vector<std::string>{"t.high=Dr. Ann Lee"});
  // Refused (an implausible speaker, say), a match lets the rules below it run.
  CHECK(SpeakersOfFirstQuote(*set, story, [](const TokenMatch& m) {
          return m.rule->id != "t.high";
        }) == std::vector<std::string>{"t.low=Dr. Ann Lee"});
  CHECK(SpeakersOfFirstQuote(*set, "Ann Lee said, “We are ready.”") ==
        std::vector<std::string>{"t.lead=Ann Lee"});
  // A lead-in two sentences back is out of reach; the quotation after is no match.
  CHECK(SpeakersOfFirstQuote(*set, "Ann Lee said so. Then rain fell. Rain fell. “We are ready.”")
            .empty());
}

TEST_CASE("token rules: problems are diagnostics at the rule's file, line and column") {
  RuleDir dir(
      "rule t.a prio=10 : QUOTE CUE:@cue_verbz SPEAKER:Cap+\n"
      "rule t.b prio=10 : QUOTE SPEAKER:(Cap+\n"
      "rule t.c prio=10 : QUOTE SPEAKER:{MISSING}\n");
  std::vector<rules::Diagnostic> diagnostics;
  CHECK_FALSE(Load(dir, &diagnostics));
  REQUIRE(diagnostics.size() >= 2);
  CHECK(diagnostics[0].ToString() ==
        dir.file() +
            ":1:20: error: rule t.a: unknown lexicon list '@cue_verbz' (the lists are "
            "those of the pack's lexicon/lexicon.manifest)");
  CHECK(diagnostics[1].ToString().find(dir.file() + ":2:") == 0);
  CHECK(diagnostics[1].ToString().find("rule t.b") != std::string::npos);
}

TEST_CASE("token rules: a problem inside a define is reported once, at the rule, naming it") {
  // A define used inside [ ] (a test of one token) that holds an alternation: the parser
  // fails inside the expanded body of STOPS, reached through WORD.
  RuleDir dir(
      "define STOPS = [which | that]\n"
      "define WORD = [lower | Cap] & ![{STOPS} | and]\n"
      "rule t.a prio=10 : QUOTE , said SPEAKER:({WORD}+)\n");
  std::vector<rules::Diagnostic> diagnostics;
  CHECK_FALSE(Load(dir, &diagnostics));
  REQUIRE(diagnostics.size() == 1);
  const std::string d = diagnostics[0].ToString();
  // Line 3, at the column of `{WORD}` in the rule; the define named is STOPS, line 1.
  CHECK(d.find(dir.file() + ":3:42: error: rule t.a: ") == 0);
  CHECK(d.find("(in define STOPS, " + dir.file() + ":1)") != std::string::npos);
}

TEST_CASE("token rules: no file is an empty set") {
  std::vector<rules::Diagnostic> diagnostics;
  const auto set = TokenRuleSet::Load({"/nonexistent-whosaid-dir"},
                                      testing::EnglishLexicons().table, &diagnostics);
  REQUIRE(set);
  CHECK(set->empty());
  CHECK(diagnostics.empty());
}

}  // namespace
}  // namespace whosaid::tokenrules

namespace whosaid::tokenrules {
namespace {

TEST_CASE("token rules: a duplicate rule id is an error at its file:line:col") {
  RuleDir dir(
      "rule t.same  prio=10 : QUOTE \",\" said SPEAKER:Cap+\n"
      "rule t.same  prio=20 : QUOTE \",\" says SPEAKER:Cap+\n");
  std::vector<rules::Diagnostic> diagnostics;
  CHECK(Load(dir, &diagnostics) == nullptr);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].error);
  CHECK(diagnostics[0].ToString().find("test.tokens:2:6: error: duplicate rule id t.same") !=
        std::string::npos);
}

TEST_CASE("token rules: the lint warns of an unused define and of a long rule line") {
  const std::string long_words(TokenRuleSet::kMaxLineChars, 'x');
  RuleDir dir(
      "none: The port was quiet.\ndefine USED = Cap+\ndefine SPARE = lower+\n"
      "rule t.one  prio=10 : QUOTE \",\" said SPEAKER:({USED})\n"
      "rule t.two  prio=10 : QUOTE \",\" [said | " +
      long_words + "] SPEAKER:Cap+\n");
  std::vector<rules::Diagnostic> diagnostics;
  const auto set = Load(dir, &diagnostics);
  REQUIRE(set);
  CHECK(diagnostics.empty());  // lint findings are not load diagnostics
  set->Lint(&diagnostics);
  REQUIRE(diagnostics.size() == 2);
  CHECK_FALSE(diagnostics[0].error);
  std::string all;
  for (const auto& d : diagnostics) all += d.ToString() + "\n";
  CHECK(all.find("test.tokens:5:201: warning: line is") != std::string::npos);
  CHECK(all.find("test.tokens:3:8: warning: define SPARE is never used") != std::string::npos);
  CHECK(all.find("USED") == std::string::npos);
}

}  // namespace
}  // namespace whosaid::tokenrules

namespace whosaid::tokenrules {
namespace {

TEST_CASE("token rules: a rule without a SPEAKER slot, or without QUOTE or CLAUSE, is an error") {
  RuleDir dir(
      "rule t.nospeaker  prio=10 : QUOTE \",\" said Cap+\n"
      "rule t.nowhere  prio=10 : SPEAKER:Cap+ said\n"
      "rule t.fine  prio=10 : SENT SPEAKER:Cap+ said CLAUSE:(lower+) .\n");
  std::vector<rules::Diagnostic> diagnostics;
  CHECK(Load(dir, &diagnostics) == nullptr);
  std::string all;
  for (const auto& d : diagnostics) all += d.ToString() + "\n";
  CHECK(diagnostics.size() == 2);
  CHECK(all.find("test.tokens:1:29: error: rule t.nospeaker has no SPEAKER slot") !=
        std::string::npos);
  CHECK(all.find("test.tokens:2:27: error: rule t.nowhere needs QUOTE") != std::string::npos);
}

}  // namespace
}  // namespace whosaid::tokenrules

namespace whosaid::tokenrules {
namespace {

TEST_CASE("token rules: the prefilter keeps a rule whose required tokens are there") {
  // "per" and "according to" are required tokens; a multi-word list entry counts by its words.
  RuleDir dir(
      "rule t.per  prio=20 : QUOTE \",\" per SPEAKER:(Cap Cap)\n"
      "rule t.pointed  prio=10 : SPEAKER:(Cap Cap) CUE:@cue_verbs that? ANY* QUOTE\n");
  std::vector<rules::Diagnostic> diagnostics;
  const auto set = Load(dir, &diagnostics);
  REQUIRE(set);
  REQUIRE(set->rules().size() == 2);
  CHECK_FALSE(set->rules()[0].required.empty());  // "," and "per"
  CHECK(SpeakersOfFirstQuote(*set, "“We sail,” per Ann Lee.") ==
        std::vector<std::string>{"t.per=Ann Lee"});
  CHECK(SpeakersOfFirstQuote(*set, "“We sail,” said Ann Lee.").empty());
  // "pointed out" is a cue_verbs entry of two words, and neither word alone is in the list.
  CHECK(SpeakersOfFirstQuote(*set, "Ann Lee pointed out that “we sail.”") ==
        std::vector<std::string>{"t.pointed=Ann Lee"});
}

}  // namespace
}  // namespace whosaid::tokenrules

namespace whosaid::tokenrules {
namespace {

TEST_CASE("token rules: a file of rules without a 'none:' corpus gets a warning") {
  RuleDir dir("rule t.one  prio=10 : QUOTE \",\" said SPEAKER:Cap+\n");
  std::vector<rules::Diagnostic> diagnostics;
  const auto set = Load(dir, &diagnostics);
  REQUIRE(set);
  set->Lint(&diagnostics);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].ToString().find("test.tokens: warning: no 'none:' lines") !=
        std::string::npos);
  RuleDir with("none: The port was quiet.\nrule t.one  prio=10 : QUOTE \",\" said SPEAKER:Cap+\n");
  std::vector<rules::Diagnostic> none;
  const auto set2 = Load(with, &none);
  REQUIRE(set2);
  set2->Lint(&none);
  CHECK(none.empty());
  REQUIRE(set2->none_examples().size() == 1);
  CHECK(set2->none_examples()[0].text == "The port was quiet.");
}

}  // namespace
}  // namespace whosaid::tokenrules

namespace whosaid::tokenrules {
namespace {

TEST_CASE("token rules: the English pack writes no code point, letter range or private symbol") {
  // Issue 16: rules read token tests and lists; the character rules' hand-written ranges
  // and private-use code points (U+E000, U+E001) are gone and must not come back.
  const std::filesystem::path dir = std::string(WHOSAID_SOURCE_DIR) + "/rules/en/tokens";
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".tokens") continue;
    ++files;
    std::ifstream in(entry.path());
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      line.erase(0, line.find_first_not_of(" \t") == std::string::npos
                        ? line.size()
                        : line.find_first_not_of(" \t"));
      const std::string place = entry.path().filename().string() + ":" + std::to_string(number);
      if (line.empty() || line[0] == '+' || line[0] == '-' || line[0] == '#' ||
          line.rfind("none:", 0) == 0) {
        continue;  // examples and comments are prose
      }
      INFO(place);
      CHECK(line.find("\xEE\x80") == std::string::npos);  // U+E000–U+E03F
      CHECK(line.find("\\x{") == std::string::npos);
      CHECK(line.find("\\p{") == std::string::npos);
      for (const char* range : {"a-z", "A-Z", "\\x"}) CHECK(line.find(range) == std::string::npos);
    }
  }
  CHECK(files >= 3);
}

}  // namespace
}  // namespace whosaid::tokenrules
