// Token patterns compiled to RE2 over the token alphabet (issue 16, first step), on
// sentences of our own with the English pack's lexicon.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "../english_pack.h"
#include "whosaid/entities/word_list.h"
#include "whosaid/quotes/scanner.h"
#include "whosaid/tokenrules/compiled_pattern.h"
#include "whosaid/tokenrules/pattern.h"

namespace whosaid::tokenrules {
namespace {

const entities::Lexicons& English() { return testing::EnglishLexicons(); }

// A pattern compiled over an alphabet of the English lexicon.
struct Compiled {
  explicit Compiled(const std::string& source) : parsed(ParsePattern(source)) {
    REQUIRE(parsed.ok());
    auto a = Alphabet::Build(*English().table, {&parsed.root});
    REQUIRE(a.ok());
    alphabet = std::move(a).value();
    auto c = CompiledPattern::Compile(parsed.root, alphabet);
    REQUIRE(c.ok());
    pattern = std::move(c).value();
  }
  Parsed parsed;
  Alphabet alphabet;
  CompiledPattern pattern;
};

// A story segmented with the English lexicon, and its quotations.
struct Story {
  explicit Story(std::string t) : text(std::move(t)) {
    text::SegmenterOptions options;
    English().ToSegmenterOptions(&options);
    auto segmenter = text::Segmenter::Create(options);
    REQUIRE(segmenter.ok());
    seg = (*segmenter)->Segment(text);
    quotes = quotes::ScanQuotes(text, seg, {});
  }
  // The text of tokens `r` ("" when empty).
  std::string Slice(TokenRange r) const {
    if (r.end <= r.begin) return "";
    const uint32_t b = seg.tokens[r.begin].span.begin;
    return text.substr(b, seg.tokens[r.end - 1].span.end - b);
  }
  std::string text;
  text::Segmentation seg;
  std::vector<quotes::QuoteSpan> quotes;
};

// The slots of `pattern` matched at the first quotation of `text`, which has the focus (or
// at the first token when `at_quote` is false), as slot name → text; "<no match>".
std::map<std::string, std::string> Slots(const std::string& pattern, const std::string& text,
                                         bool at_quote = true) {
  const Compiled c(pattern);
  const Story story(text);
  const SymbolText symbols =
      EncodeTokens(c.alphabet, story.text, story.seg, 0, story.seg.tokens.size(), story.quotes,
                   story.quotes.empty() ? -1 : 0);
  size_t from = 0;  // the symbol of the first quotation, or the first token's symbol
  auto is_sentence_start = [&](size_t k) {  // SENT holds no token
    return symbols.first_token[k] == symbols.end_token[k];
  };
  while (from + 1 < symbols.first_token.size() &&
         ((at_quote && story.seg.tokens[symbols.first_token[from]].span.begin <
                           story.quotes.at(0).outer.begin) ||
          is_sentence_start(from))) {
    ++from;
  }
  std::map<std::string, TokenRange> ranges;
  std::map<std::string, std::string> out;
  if (!c.pattern.MatchAt(symbols, from, &ranges)) return {{"", "<no match>"}};
  for (const auto& [name, r] : ranges) out[name] = story.Slice(r);
  return out;
}

}  // namespace

TEST_CASE("token patterns: parsing, with the place of each error") {
  const Parsed p =
      ParsePattern("QUOTE \",\"? CUE:@cue_verbs SPEAKER:(TITLE:@honorifics* NAME:Cap+)");
  REQUIRE(p.ok());
  CHECK(p.root.kind == PatternNode::Kind::kSequence);
  CHECK(p.root.children.size() == 4);
  CHECK(p.root.children[3].kind == PatternNode::Kind::kSlot);
  CHECK(p.root.children[3].slot == "SPEAKER");
  CHECK(p.root.children[3].children[0].children[0].slot == "TITLE");

  const Parsed missing = ParsePattern("SPEAKER:(Cap+");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.errors[0].message == "missing ')'");
  CHECK(missing.errors[0].offset == 13);
  CHECK(ParsePattern("@ said").errors.at(0).message == "a list name must follow '@'");
  CHECK(ParsePattern("said }").errors.at(0).message == "unexpected '}'");
  CHECK_FALSE(ParsePattern("Cap{3,1}").ok());
  CHECK(ParsePattern("Cap{2,3} said{1,}").ok());
  CHECK(ParsePattern("[said | \"according to\"]").errors.at(0).message.rfind("a phrase", 0) ==
        0);  // not bounds: the "{" is unexpected
  CHECK(ParsePattern("\"according to").errors.at(0).message == "missing closing '\"'");
  const Parsed lazy = ParsePattern("Cap{0,3}? said Cap*?");
  REQUIRE(lazy.ok());
  CHECK(lazy.root.children[0].lazy);
  CHECK(lazy.root.children[2].lazy);
  CHECK_FALSE(ParsePattern("Cap{0,3} said").root.children[0].lazy);
}

TEST_CASE("token patterns: an unknown list is an error naming it") {
  const Parsed p = ParsePattern("@no_such_list Cap");
  auto a = Alphabet::Build(*English().table, {&p.root});
  REQUIRE_FALSE(a.ok());
  CHECK(a.status().message() == "unknown lexicon list '@no_such_list'");
}

TEST_CASE("token patterns: the English lexicon's alphabet fits two-byte symbols") {
  // Every list of the pack at once: the largest alphabet a rule set over it can need.
  std::string pattern = "[";
  for (size_t id = 0; id < English().table->list_count(); ++id) {
    pattern += (id ? " | @" : "@") + English().table->Name(static_cast<lexicon::ListId>(id));
  }
  pattern += "] said according to \",\" \".\"";
  const Parsed p = ParsePattern(pattern);
  REQUIRE(p.ok());
  auto a = Alphabet::Build(*English().table, {&p.root});
  REQUIRE(a.ok());
  CHECK(a->size() > 50);
  CHECK(a->size() <= kLastSymbol - kFirstSymbol + 1);
}

TEST_CASE("token patterns: slots nest, and a title, a name and a role come apart") {
  const std::string pattern =
      "QUOTE \",\"? CUE:@cue_verbs SPEAKER:(TITLE:@honorifics* NAME:(Cap & !@not_names)+) "
      "(\",\" ROLE:(@articles lower+))?";
  auto s = Slots(pattern, "“We knew,” said Sen. Ann Lee, a former negotiator.");
  CHECK(s["CUE"] == "said");
  CHECK(s["SPEAKER"] == "Sen. Ann Lee");
  CHECK(s["TITLE"] == "Sen.");
  CHECK(s["NAME"] == "Ann Lee");
  CHECK(s["ROLE"] == "a former negotiator");
  // As few words as will do: a lazy run leaves the rest to the next slot.
  CHECK(Slots("QUOTE \",\" said A:Cap+? B:Cap+", "“Go,” said Ann Bo Lee.")["A"] == "Ann");
  CHECK(Slots("QUOTE \",\" said A:Cap+ B:Cap+", "“Go,” said Ann Bo Lee.")["A"] == "Ann Bo");
  // No capitalized name after the cue: no match.
  CHECK(Slots(pattern, "“We knew,” said the report.").count("") == 1);
  // "The" is in not_names: "Cap & !@not_names" refuses it.
  CHECK(Slots(pattern, "“We knew,” said The Times.").count("") == 1);
}

TEST_CASE("token patterns: literal words ignore case, QUOTE is only the quote attributed") {
  auto s = Slots("\"according to\" SPEAKER:Cap+", "According to Lena Ortiz, it held.", false);
  CHECK(s["SPEAKER"] == "Lena Ortiz");
  // The second quotation is OTHER_QUOTE when the first is attributed.
  auto two =
      Slots("QUOTE \",\"? said NAME:Cap+ \".\" SENT OTHER_QUOTE", "“Yes,” said Ann Lee. “No.”");
  CHECK(two["NAME"] == "Ann Lee");
  // SENT stands between two sentences: ANY does not pass it, SENT does.
  CHECK(Slots("QUOTE ANY* OTHER_QUOTE", "“Yes,” said Ann Lee. “No.”").count("") == 1);
  CHECK(Slots("QUOTE ANY* [SENT | PARA] OTHER_QUOTE", "“Yes,” said Ann Lee. “No.”").count("") == 0);
  CHECK(Slots("QUOTE QUOTE", "“Yes,” “No.”").count("") == 1);
}

TEST_CASE("token patterns: mixed passes a word in lower case with a capital later") {
  // "anti-Trump" and "iPhone" pass no other shape test.
  CHECK(Slots("N:Cap+ said W:mixed lower", "Ann Lee said anti-Trump voters", false)["W"] ==
        "anti-Trump");
  CHECK(Slots("N:Cap+ said W:[lower | mixed]+", "Ann Lee said iPhone sales", false)["W"] ==
        "iPhone sales");
  CHECK(Slots("N:Cap+ said W:lower lower", "Ann Lee said anti-Trump voters", false).count("") == 1);
  CHECK(Slots("N:mixed", "Ann Lee", false).count("") == 1);
}

TEST_CASE("token patterns: a list test matches its multi-word entries as runs of tokens") {
  // cue_verbs holds "pointed out" and "said in a statement"; the longest entry wins.
  CHECK(Slots("N:Cap+ CUE:@cue_verbs ANY*", "Ann Lee pointed out a flaw.", false)["CUE"] ==
        "pointed out");
  CHECK(Slots("N:Cap+ CUE:@cue_verbs ANY*", "Ann Lee said in a statement it was over.",
              false)["CUE"] == "said in a statement");
  // Case-insensitive, as a literal word: "Pointed Out".
  CHECK(Slots("N:Cap+ CUE:@cue_verbs", "Ann Lee Pointed Out", false)["CUE"] == "Pointed Out");
  // Inside a combination a list test reads one token: "pointed" alone is no cue verb.
  CHECK(Slots("N:Cap+ CUE:(@cue_verbs & lower)", "Ann Lee pointed out", false).count("") == 1);
}

TEST_CASE("token patterns: /regular expressions/ test a word's text, the escape hatch") {
  // Parsed with the place of a problem; "\/" is a slash inside the expression.
  const Parsed p = ParsePattern("said R:/ist$/ /a\\/b/");
  REQUIRE(p.ok());
  CHECK(p.root.children[1].children[0].test.kind == TokenTest::Kind::kRegex);
  CHECK(p.root.children[1].children[0].test.text == "ist$");
  CHECK(p.root.children[2].test.text == "a/b");
  CHECK(ParsePattern("said /ist$").errors.at(0).message ==
        "missing closing '/' of a regular expression");
  CHECK(ParsePattern("said //").errors.at(0).message == "an empty regular expression");
  const Parsed bad = ParsePattern("said /(ist/");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.errors[0].message.rfind("bad regular expression: missing )", 0) == 0);
  CHECK(bad.errors[0].offset == 5);  // where the expression opens

  // Any word whose text the expression finds, in a list or not, and nothing else.
  const std::string role = "QUOTE \",\" said ROLE:(the /(?i)(ist|ian)$/) N:Cap*";
  CHECK(Slots(role, "“Rates will rise,” said the economist.")["ROLE"] == "the economist");
  CHECK(Slots(role, "“Rates will rise,” said the historian.")["ROLE"] == "the historian");
  CHECK(Slots(role, "“Rates will rise,” said the banker.").count("") == 1);
  // Case-sensitive unless (?i): "ECONOMIST" passes the first, not the second.
  CHECK(Slots(role, "“Rates will rise,” said the ECONOMIST.")["ROLE"] == "the ECONOMIST");
  CHECK(
      Slots("QUOTE \",\" said the R:/ist$/", "“Rates will rise,” said the ECONOMIST.").count("") ==
      1);
  // Combined with a list: a cue verb of the past tense, not the present.
  const std::string past = "QUOTE \",\" CUE:(@cue_verbs & /ed$/) N:Cap+";
  CHECK(Slots(past, "“No,” added Kim Roe.")["CUE"] == "added");
  CHECK(Slots(past, "“No,” says Kim Roe.").count("") == 1);
  // A number's text too; punctuation passes no expression.
  CHECK(Slots("N:Cap+ said Y:/^(19|20)[0-9][0-9]$/", "Ann Lee said 1999", false)["Y"] == "1999");
  CHECK(Slots("N:Cap+ said Y:/^(19|20)[0-9][0-9]$/", "Ann Lee said 1899", false).count("") == 1);
  CHECK(Slots("N:Cap+ Y:/,/", "Ann Lee, said", false).count("") == 1);
}

TEST_CASE("token patterns: Poss passes a word with a possessive ending") {
  CHECK(Slots("N:(Cap & Poss) W:lower", "Ruiz’s campaign", false)["N"] == "Ruiz’s");
  CHECK(Slots("N:(Cap & Poss) W:lower", "Ruiz's campaign", false)["N"] == "Ruiz's");
  CHECK(Slots("N:Poss W:lower", "the pilots’ union", false).count("") == 1);  // "the" is none
  // A plural possessive's apostrophe gives no symbol of its own; the word before is Poss.
  CHECK(Slots("the N:Poss W:lower", "the pilots’ union", false)["N"] == "pilots");
  CHECK(Slots("N:(Cap & !Poss) W:lower", "Ruiz’s campaign", false).count("") == 1);
  CHECK(Slots("N:(Cap & !Poss) W:lower", "Ruiz campaign", false)["N"] == "Ruiz");
}

TEST_CASE("token patterns: more distinct regular expressions than a signature holds is an error") {
  std::string pattern = "said";
  for (size_t i = 0; i <= kMaxRegexTests; ++i) pattern += " /x" + std::to_string(i) + "/";
  const Parsed p = ParsePattern(pattern);
  REQUIRE(p.ok());
  auto a = Alphabet::Build(*English().table, {&p.root});
  REQUIRE_FALSE(a.ok());
  CHECK(a.status().message().find("more than 4") != std::string::npos);
  // The same expression written twice is one test.
  const Parsed same = ParsePattern("said /x/ /x/ /x/ /x/ /x/ /y/");
  auto b = Alphabet::Build(*English().table, {&same.root});
  CHECK(b.ok());
}

TEST_CASE("token patterns: the mark that ends a quotation reads after it") {
  // Inside or outside the closing mark, a comma reads QUOTE "," (as the character rules'
  // windows move it out); a full stop inside ends the sentence, so "She" opens a new one.
  CHECK(Slots("QUOTE \",\" said N:Cap+", "“Go,” said Ann Lee.")["N"] == "Ann Lee");
  CHECK(Slots("QUOTE \",\" said N:Cap+", "“Go”, said Ann Lee.")["N"] == "Ann Lee");
  CHECK(Slots("QUOTE \"?\" asked N:Cap+", "“Go?” asked Ann Lee.")["N"] == "Ann Lee");
  CHECK(Slots("QUOTE \",\"? N:Cap+ said", "“Go.” She said no.").count("") == 1);
  CHECK(Slots("QUOTE . SENT N:Cap+ said", "“Go.” She said no.")["N"] == "She");
  // The mark stays inside the quotation's own span: a slot ending on it ends after it.
  CHECK(Slots("Q:(QUOTE \",\") said", "“Go,” said Ann Lee.")["Q"] == "“Go,”");
}

TEST_CASE("token patterns: a document encoded once, each quotation taking the focus in turn") {
  const Compiled c("QUOTE \",\"? said NAME:Cap+");
  const Story story("“Yes,” said Ann Lee. “No,” said Bo Tran.");
  REQUIRE(story.quotes.size() == 2);
  SymbolText symbols =
      EncodeTokens(c.alphabet, story.text, story.seg, 0, story.seg.tokens.size(), story.quotes, -1);
  std::map<std::string, TokenRange> slots;
  CHECK_FALSE(c.pattern.MatchAt(symbols, 0, &slots));  // no quotation has the focus
  std::vector<std::string> names;
  for (size_t at = 0; at < symbols.first_token.size(); ++at) {
    if (symbols.end_token[at] - symbols.first_token[at] < 2) continue;  // not a quotation
    SetFocus(c.alphabet, at, true, &symbols);
    if (c.pattern.MatchAt(symbols, at, &slots)) names.push_back(story.Slice(slots.at("NAME")));
    SetFocus(c.alphabet, at, false, &symbols);
  }
  CHECK(names == std::vector<std::string>{"Ann Lee", "Bo Tran"});
}

}  // namespace whosaid::tokenrules
