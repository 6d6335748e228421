// Token patterns compiled to RE2 over the token alphabet (issue 16, first step), on
// sentences of our own with the English pack's lexicon.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "whosaid/entities/word_list.h"
#include "whosaid/quotes/scanner.h"
#include "whosaid/tokenrules/compiled_pattern.h"
#include "whosaid/tokenrules/pattern.h"

namespace whosaid::tokenrules {
namespace {

const entities::Lexicons& English() {
  static const entities::Lexicons lex = [] {
    auto l = entities::Lexicons::Load(std::string(WHOSAID_SOURCE_DIR) + "/rules/en/lexicon");
    REQUIRE(l.ok());
    return std::move(l).value();
  }();
  return lex;
}

// The slots of `pattern` matched at the first token of `text` whose symbol is QUOTE (or at
// the first token when the text has no quotation), as slot name → text; "<no match>".
std::map<std::string, std::string> Slots(const std::string& pattern, const std::string& text,
                                         bool at_quote = true) {
  const Parsed parsed = ParsePattern(pattern);
  REQUIRE(parsed.ok());
  auto alphabet = Alphabet::Build(*English().table, {&parsed.root});
  REQUIRE(alphabet.ok());
  auto compiled = CompiledPattern::Compile(parsed.root, *alphabet);
  REQUIRE(compiled.ok());
  text::SegmenterOptions options;
  English().ToSegmenterOptions(&options);
  auto segmenter = text::Segmenter::Create(options);
  REQUIRE(segmenter.ok());
  const text::Segmentation seg = (*segmenter)->Segment(text);
  const std::vector<quotes::QuoteSpan> quotes = quotes::ScanQuotes(text, seg, {});
  const SymbolText symbols =
      EncodeTokens(*alphabet, text, seg, 0, seg.tokens.size(), quotes, quotes.empty() ? -1 : 0);
  size_t from = 0;  // the symbol of the first quotation, or the first symbol
  while (at_quote && from + 1 < symbols.first_token.size() &&
         seg.tokens[symbols.first_token[from]].span.begin < quotes.at(0).outer.begin) {
    ++from;
  }
  std::map<std::string, TokenRange> ranges;
  std::map<std::string, std::string> out;
  if (!compiled->MatchAt(symbols, from, &ranges)) return {{"", "<no match>"}};
  for (const auto& [name, r] : ranges) {
    out[name] = r.end > r.begin
                    ? text.substr(seg.tokens[r.begin].span.begin,
                                  seg.tokens[r.end - 1].span.end - seg.tokens[r.begin].span.begin)
                    : "";
  }
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
  // No capitalized name after the cue: no match.
  CHECK(Slots(pattern, "“We knew,” said the report.").count("") == 1);
  // "The" is in not_names: "Cap & !@not_names" refuses it.
  CHECK(Slots(pattern, "“We knew,” said The Times.").count("") == 1);
}

TEST_CASE("token patterns: literal words ignore case, QUOTE is only the quote attributed") {
  auto s = Slots("\"according to\" SPEAKER:Cap+", "According to Lena Ortiz, it held.", false);
  CHECK(s["SPEAKER"] == "Lena Ortiz");
  // The second quotation is OTHER_QUOTE when the first is attributed.
  auto two = Slots("QUOTE \",\"? said NAME:Cap+ \".\" OTHER_QUOTE", "“Yes,” said Ann Lee. “No.”");
  CHECK(two["NAME"] == "Ann Lee");
  CHECK(Slots("QUOTE QUOTE", "“Yes,” “No.”").count("") == 1);
}

TEST_CASE("token patterns: a document encoded once, each quotation taking the focus in turn") {
  const Parsed parsed = ParsePattern("QUOTE \",\"? said NAME:Cap+");
  REQUIRE(parsed.ok());
  auto alphabet = Alphabet::Build(*English().table, {&parsed.root});
  REQUIRE(alphabet.ok());
  auto compiled = CompiledPattern::Compile(parsed.root, *alphabet);
  REQUIRE(compiled.ok());
  text::SegmenterOptions options;
  English().ToSegmenterOptions(&options);
  auto segmenter = text::Segmenter::Create(options);
  REQUIRE(segmenter.ok());
  const std::string text = "“Yes,” said Ann Lee. “No,” said Bo Tran.";
  const text::Segmentation seg = (*segmenter)->Segment(text);
  const auto quotes = quotes::ScanQuotes(text, seg, {});
  REQUIRE(quotes.size() == 2);
  SymbolText symbols = EncodeTokens(*alphabet, text, seg, 0, seg.tokens.size(), quotes, -1);
  std::map<std::string, TokenRange> slots;
  CHECK_FALSE(compiled->MatchAt(symbols, 0, &slots));  // no quotation has the focus
  std::vector<std::string> names;
  for (size_t at = 0; at < symbols.first_token.size(); ++at) {
    if (symbols.end_token[at] - symbols.first_token[at] < 2) continue;  // not a quotation
    SetFocus(*alphabet, at, true, &symbols);
    if (compiled->MatchAt(symbols, at, &slots)) {
      const TokenRange r = slots.at("NAME");
      names.push_back(text.substr(seg.tokens[r.begin].span.begin,
                                  seg.tokens[r.end - 1].span.end - seg.tokens[r.begin].span.begin));
    }
    SetFocus(*alphabet, at, false, &symbols);
  }
  CHECK(names == std::vector<std::string>{"Ann Lee", "Bo Tran"});
}

}  // namespace whosaid::tokenrules
