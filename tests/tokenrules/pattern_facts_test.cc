// What a pattern's matches must hold (pattern_facts.h), and the sentence-by-sentence search
// that uses it (sentence_windows.h): the same matches as a search over the whole text.
#include "whosaid/tokenrules/pattern_facts.h"

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "../english_pack.h"
#include "whosaid/quotes/scanner.h"
#include "whosaid/tokenrules/compiled_pattern.h"
#include "whosaid/tokenrules/sentence_windows.h"

namespace whosaid::tokenrules {
namespace {

// A pattern and an alphabet of the English lexicon built for it.
struct Built {
  explicit Built(const std::string& source) : parsed(ParsePattern(source)) {
    REQUIRE(parsed.ok());
    auto a = Alphabet::Build(*testing::EnglishLexicons().table, {&parsed.root});
    REQUIRE(a.ok());
    alphabet = std::move(a).value();
  }
  std::vector<uint64_t> Mask(const std::string& test) const {
    const Parsed t = ParsePattern(test);
    REQUIRE(t.ok());
    return alphabet.SymbolMask(t.root.children.empty() ? t.root.test
                                                       : t.root.children.front().test);
  }
  Parsed parsed;
  Alphabet alphabet;
};

std::vector<uint64_t> Or(std::vector<uint64_t> a, const std::vector<uint64_t>& b) {
  for (size_t w = 0; w < a.size(); ++w) a[w] |= b[w];
  return a;
}

TEST_CASE("pattern facts: an alternation requires one of its branches' symbols") {
  // (@speaker_nouns gives the alphabet enough symbols that three verbs are a small set.)
  const Built b("SPEAKER:(Cap+ | @speaker_nouns) ([said | says] | told UPPER) QUOTE");
  const auto required = RequiredSymbols(b.parsed.root, b.alphabet);
  const auto verbs = Or(Or(b.Mask("said"), b.Mask("says")), b.Mask("told"));
  bool found = false;
  for (const auto& r : required) found |= r == verbs;
  CHECK(found);
  // A branch that may be empty requires nothing.
  const Built optional("SPEAKER:(Cap+ | @speaker_nouns) (said | told?) QUOTE");
  for (const auto& r : RequiredSymbols(optional.parsed.root, optional.alphabet)) {
    CHECK(r != Or(optional.Mask("said"), optional.Mask("told")));
  }
}

TEST_CASE("pattern facts: the symbols a match starts with") {
  const Built b("(said | SENT? told) SPEAKER:Cap");
  CHECK(FirstSymbols(b.parsed.root, b.alphabet) ==
        Or(Or(b.Mask("said"), b.Mask("told")), b.Mask("SENT")));
  const Built nullable("said? SPEAKER:Cap?");
  CHECK(FirstSymbols(nullable.parsed.root, nullable.alphabet).empty());
}

TEST_CASE("pattern facts: FactsOf reads what the three functions do, in one pass") {
  for (const char* source : {"(said | SENT? told) SPEAKER:Cap", "said? SPEAKER:Cap?",
                             "SPEAKER:Cap said . SENT QUOTE", "SENT SPEAKER:Cap+ CUE:said that?"}) {
    CAPTURE(source);
    const Built b(source);
    const RuleFacts facts = FactsOf(b.parsed.root, b.alphabet);
    CHECK(facts.required == RequiredSymbols(b.parsed.root, b.alphabet));
    CHECK(facts.within_sentence == !MaySpanSentences(b.parsed.root, b.alphabet));
    CHECK(facts.first == FirstSymbols(b.parsed.root, b.alphabet));
  }
}

TEST_CASE("pattern facts: SENT inside a match") {
  auto spans = [](const std::string& source) {
    const Built b(source);
    return MaySpanSentences(b.parsed.root, b.alphabet);
  };
  CHECK_FALSE(spans("SENT SPEAKER:Cap said"));
  CHECK_FALSE(spans("SPEAKER:Cap said . SENT?"));
  CHECK_FALSE(spans("(SENT | ;) SPEAKER:Cap said [SENT | PARA]"));
  CHECK(spans("SPEAKER:Cap said . SENT QUOTE"));
  CHECK(spans("(SPEAKER:Cap SENT)+"));
  CHECK_FALSE(spans("SENT? SPEAKER:Cap (said SENT)?"));  // at the ends only
  CHECK(spans("SPEAKER:Cap said (SENT Cap)?"));
  CHECK_FALSE(spans("SPEAKER:Cap ANY* said"));  // ANY does not pass SENT
}

// A story's symbols over the alphabet of `pattern`.
struct Story {
  Story(const Built& b, std::string t) : text(std::move(t)) {
    text::SegmenterOptions options;
    testing::EnglishLexicons().ToSegmenterOptions(&options);
    auto segmenter = text::Segmenter::Create(options);
    REQUIRE(segmenter.ok());
    seg = (*segmenter)->Segment(text);
    quotes = quotes::ScanQuotes(text, seg, {});
    symbols = EncodeTokens(b.alphabet, text, seg, 0, seg.tokens.size(), quotes, -1);
  }
  std::string text;
  text::Segmentation seg;
  std::vector<quotes::QuoteSpan> quotes;
  SymbolText symbols;
};

TEST_CASE("sentence windows: the matches of a search over the whole text") {
  const std::string story =
      "Ana Ruiz said the plan would fail. Later, Bo Li said that it was fine; Ruiz said it "
      "was not. \"We will see,\" Li said.\n\nThe mayor, who said nothing, left. Li said so. "
      "Ruiz told reporters that the plan was dead; Li said. Said Li: fine.";
  for (const char* source :
       {"SENT SPEAKER:Cap+ CUE:said that? CLAUSE:(lower+)", "SPEAKER:Cap+ CUE:[said | told] ANY*",
        "(SENT | ;) SPEAKER:(Cap+ | the lower) \",\"? CUE:said CLAUSE:(![. | ;])* [. | ;]? SENT?",
        "SPEAKER:Cap? CUE:said?"}) {
    CAPTURE(source);
    const Built b(source);
    REQUIRE_FALSE(MaySpanSentences(b.parsed.root, b.alphabet));
    auto compiled = CompiledPattern::Compile(b.parsed.root, b.alphabet);
    REQUIRE(compiled.ok());
    const Story s(b, story);
    const SentenceWindows windows(s.symbols, b.alphabet.sentence_start(), b.alphabet.size());
    const auto required = RequiredSymbols(b.parsed.root, b.alphabet);
    const auto first = FirstSymbols(b.parsed.root, b.alphabet);
    const size_t n = s.symbols.symbols.size() / 2;
    for (size_t from = 0; from <= n; ++from) {
      CAPTURE(from);
      std::map<std::string, TokenRange> whole, windowed;
      const bool a = compiled->Match(s.symbols, from, n, /*anchored=*/false, &whole);
      const bool w = windows.Match(*compiled, required, first, from, &windowed);
      CHECK(a == w);
      if (a && w) {
        CHECK(whole.size() == windowed.size());
        for (const auto& [name, r] : whole) {
          CAPTURE(name);
          CHECK(windowed[name].begin == r.begin);
          CHECK(windowed[name].end == r.end);
        }
      }
    }
  }
}

}  // namespace
}  // namespace whosaid::tokenrules
