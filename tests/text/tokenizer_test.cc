#include "whosaid/text/tokenizer.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace whosaid::text {
namespace {

TokenizerOptions EnglishLike() {
  TokenizerOptions o;
  o.is_abbreviation = [](std::string_view w) {
    static const std::set<std::string, std::less<>> kWords = {"Mr",  "Mrs", "Sen",
                                                              "Gen", "Dr",  "Jan"};
    return kWords.count(w) > 0;
  };
  o.ends_sentence_before_capital = [](std::string_view w) { return w == "Inc" || w == "Jr"; };
  return o;
}

std::vector<std::string> Texts(std::string_view text, const TokenStream& ts) {
  std::vector<std::string> out;
  for (const Token& t : ts.tokens) {
    out.emplace_back(t.kind == TokenKind::kParagraphBreak
                         ? std::string("¶")
                         : std::string(text.substr(t.span.begin, t.span.size())));
  }
  return out;
}

// The text of each sentence's tokens, joined by spaces (paragraph breaks left out).
std::vector<std::string> Sentences(std::string_view text, const TokenStream& ts) {
  std::vector<std::string> out(ts.sentences);
  for (const Token& t : ts.tokens) {
    if (t.kind == TokenKind::kParagraphBreak) continue;
    std::string& s = out[t.sentence];
    if (!s.empty()) s += ' ';
    s += text.substr(t.span.begin, t.span.size());
  }
  return out;
}

TEST_CASE("tokenizer: abbreviations and initials keep their period and end no sentence") {
  const std::string t = "Mr. Ortiz met Sen. J.D. Vance in the U.S. on Jan. 5. He left.";
  const TokenStream ts = Tokenize(t, EnglishLike());
  CHECK(Texts(t, ts) == std::vector<std::string>{"Mr.", "Ortiz", "met", "Sen.", "J.D.", "Vance",
                                                 "in", "the", "U.S.", "on", "Jan.", "5", ".", "He",
                                                 "left", "."});
  CHECK(Sentences(t, ts) ==
        std::vector<std::string>{"Mr. Ortiz met Sen. J.D. Vance in the U.S. on Jan. 5 .",
                                 "He left ."});
  CHECK(ts.tokens[4].shape == Shape::kUpper);
  CHECK(ts.tokens[11].kind == TokenKind::kNumber);
  // An initial: "J. Smith".
  const std::string u = "Then J. Smith spoke.";
  CHECK(Texts(u, Tokenize(u, EnglishLike()))[1] == "J.");
}

TEST_CASE("tokenizer: a soft abbreviation ends a sentence only before a capital") {
  const std::string t = "He joined Acme Inc. The firm grew. Bo Li Jr. and Ann Lee left.";
  const TokenStream ts = Tokenize(t, EnglishLike());
  CHECK(Sentences(t, ts) == std::vector<std::string>{"He joined Acme Inc.", "The firm grew .",
                                                     "Bo Li Jr. and Ann Lee left ."});
}

TEST_CASE("tokenizer: after an abbreviation, a word that only opens a sentence starts one") {
  TokenizerOptions o = EnglishLike();
  o.opens_sentence_after_abbreviation = [](std::string_view w) {
    return w == "He" || w == "The" || w == "While";
  };
  const std::string t =
      "She moved to the U.S. He stayed. The U.S. Senate met Sen. Lee. The vote was set for "
      "Jan. While it lasted, George W. He spoke.";
  CHECK(Sentences(t, Tokenize(t, o)) ==
        std::vector<std::string>{"She moved to the U.S.", "He stayed .",
                                 "The U.S. Senate met Sen. Lee .", "The vote was set for Jan.",
                                 "While it lasted , George W. He spoke ."});
  // Without the option no abbreviation ends a sentence.
  CHECK(Tokenize(t, EnglishLike()).sentences == 3);
}

TEST_CASE("tokenizer: a dateline opening a paragraph is a sentence of its own") {
  const std::string t =
      "LAGOS, March 3 (Harbor Wire) - Rates will hold, the bank said.\n\nNAIROBI, Kenya \u2014 "
      "Taxes rise.\n\nKATHMANDU: Schools reopen.";
  CHECK(Sentences(t, Tokenize(t, EnglishLike())) ==
        std::vector<std::string>{"LAGOS , March 3 ( Harbor Wire ) -",
                                 "Rates will hold , the bank said .", "NAIROBI , Kenya \u2014",
                                 "Taxes rise .", "KATHMANDU :", "Schools reopen ."});
  // Not a dateline: a word in lower case before the dash, a capitalized first word, a dash
  // later than the dateline's tokens, a dash inside a paragraph.
  const std::string u =
      "NASA engineers - all of them - agreed.\n\nLagos - the city - grew.\n\nUN A B C D E F G H I "
      "J K L - M.\n\nIt rained. UN - M.";
  CHECK(Tokenize(u, EnglishLike()).sentences == 5);
}

TEST_CASE("tokenizer: names with particles, hyphens and apostrophes") {
  const std::string t = "Bashar al-Assad, Conan O’Neill, D'Arcy and Ana de la Cruz.";
  const TokenStream ts = Tokenize(t);
  CHECK(Texts(t, ts) == std::vector<std::string>{"Bashar", "al-Assad", ",", "Conan", "O’Neill", ",",
                                                 "D'Arcy", "and", "Ana", "de", "la", "Cruz", "."});
  CHECK(ts.tokens[1].shape == Shape::kMixed);
  CHECK(ts.tokens[4].shape == Shape::kCapitalized);
  CHECK(ts.tokens[9].shape == Shape::kLower);
}

TEST_CASE("tokenizer: a surname opened by a particle of the pack is Capitalized") {
  TokenizerOptions o;
  o.is_name_particle = [](std::string_view w) { return w == "al" || w == "el" || w == "d"; };
  const std::string t = "al-Khatib el’Masri d'Alembert al-qaeda eBay e-Bay anti-Trump";
  const TokenStream ts = Tokenize(t, o);
  REQUIRE(ts.tokens.size() == 7);
  CHECK(ts.tokens[0].shape == Shape::kCapitalized);
  CHECK(ts.tokens[1].shape == Shape::kCapitalized);
  CHECK(ts.tokens[2].shape == Shape::kCapitalized);
  CHECK(ts.tokens[3].shape == Shape::kLower);  // no capital after the hyphen
  CHECK(ts.tokens[4].shape == Shape::kMixed);  // no joint
  CHECK(ts.tokens[5].shape == Shape::kMixed);  // "e" is no particle
  CHECK(ts.tokens[6].shape == Shape::kMixed);
  const Shape without = Tokenize("al-Khatib").tokens[0].shape;
  CHECK(without == Shape::kMixed);  // without the option
}

TEST_CASE("tokenizer: shapes, numbers and punctuation runs") {
  const std::string t = "NASA paid $1,200.50 for 3.5 iPhones -- twice... “Yes,” she said.";
  const TokenStream ts = Tokenize(t);
  CHECK(Texts(t, ts) == std::vector<std::string>{"NASA", "paid", "$", "1,200.50", "for", "3.5",
                                                 "iPhones", "--", "twice", "...", "“", "Yes", ",",
                                                 "”", "she", "said", "."});
  CHECK(ts.tokens[0].shape == Shape::kUpper);
  CHECK(ts.tokens[3].kind == TokenKind::kNumber);
  CHECK(ts.tokens[6].shape == Shape::kMixed);
  CHECK(ts.tokens[10].kind == TokenKind::kQuoteMark);
  CHECK(ts.tokens[13].kind == TokenKind::kQuoteMark);
  CHECK_FALSE(ts.tokens[13].space_before);
  CHECK(ts.tokens[14].space_before);
}

TEST_CASE("tokenizer: `` and '' are one quote mark each") {
  const std::string t = "``We won,'' he said.";
  const TokenStream ts = Tokenize(t);
  CHECK(Texts(t, ts) == std::vector<std::string>{"``", "We", "won", ",", "''", "he", "said", "."});
  CHECK(ts.tokens[0].kind == TokenKind::kQuoteMark);
  CHECK(ts.tokens[4].kind == TokenKind::kQuoteMark);
}

TEST_CASE("tokenizer: accents, CJK and emoji are words or symbols, never split bytes") {
  const std::string t = "Zoë Müller ate 寿司 🍣 in Malmö.";
  const TokenStream ts = Tokenize(t);
  CHECK(Texts(t, ts) ==
        std::vector<std::string>{"Zoë", "Müller", "ate", "寿司", "🍣", "in", "Malmö", "."});
  CHECK(ts.tokens[0].shape == Shape::kCapitalized);
  CHECK(ts.tokens[3].kind == TokenKind::kWord);
  CHECK(ts.tokens[4].kind == TokenKind::kPunct);
}

TEST_CASE("tokenizer: a name in mojibake stays one word") {
  // "François" and "Jesús" encoded twice: "FranÃ§ois", with a C1 control after "Ã" when
  // encoded three times, and the "Ã" decomposed (A and a combining tilde) in some archives.
  const std::string t =
      "Fran\xC3\x83\xC2\x83\xC3\x82\xC2\xA7ois Hollande met "
      "Jes\x41\xCC\x83\xC2\x83\x41\xCC\x82\xC2\xBAs Diaz \xC2\xA7 5.";
  const TokenStream ts = Tokenize(t);
  CHECK(Texts(t, ts) == std::vector<std::string>{"Fran\xC3\x83\xC2\x83\xC3\x82\xC2\xA7ois",
                                                 "Hollande", "met",
                                                 "Jes\x41\xCC\x83\xC2\x83\x41\xCC\x82\xC2\xBAs",
                                                 "Diaz", "\xC2\xA7", "5", "."});
  CHECK(ts.tokens[0].shape == Shape::kCapitalized);
}

TEST_CASE("tokenizer: paragraphs from blank lines or line breaks, CRLF and a final newline") {
  const std::string blank = "One line\nwrapped.\r\n\r\nTwo. Three.\n";
  const TokenStream a = Tokenize(blank);
  CHECK(a.paragraphs == 2);
  CHECK(a.sentences == 3);
  CHECK(Texts(blank, a) ==
        std::vector<std::string>{"One", "line", "wrapped", ".", "¶", "Two", ".", "Three", "."});
  CHECK(a.sentence_paragraph.at(a.tokens[5].sentence) == 1);
  CHECK(a.sentence_paragraph == std::vector<uint32_t>{0, 1, 1});
  CHECK(a.tokens[5].sentence_start);
  // One paragraph per line, as editors save it: the final newline is no blank line.
  const std::string lines = "One.\nTwo.\nThree.\n";
  CHECK(Tokenize(lines).paragraphs == 3);
  TokenizerOptions blank_mode;
  blank_mode.paragraph_mode = ParagraphMode::kBlankLine;
  CHECK(Tokenize(lines, blank_mode).paragraphs == 1);
}

TEST_CASE("tokenizer: NUL, ill-formed bytes and a byte order mark") {
  const std::string t = std::string("\xEF\xBB\xBFHi\0there \xFF ok", 16);
  const TokenStream ts = Tokenize(t);
  CHECK(Texts(t, ts) ==
        std::vector<std::string>{"Hi", std::string(1, '\0'), "there", "\xFF", "ok"});
  CHECK(ts.tokens[0].span.begin == 3);
  CHECK(ts.tokens[3].kind == TokenKind::kPunct);
  CHECK(Tokenize("").tokens.empty());
  CHECK(Tokenize("   \n\n  ").tokens.empty());
}

TEST_CASE("tokenizer: a 100 MB run of letters is one token") {
  const std::string t(100u << 20, 'a');
  const TokenStream ts = Tokenize(t);
  REQUIRE(ts.tokens.size() == 1);
  CHECK(ts.tokens[0].span.size() == t.size());
  CHECK(ts.sentences == 1);
}

TEST_CASE("tokenizer: spans cover the text in order, without overlaps") {
  const std::string t = "“It is late,” said Dr. Ann Lee.\n\nShe left (again). ‘Fine’ — OK?";
  const TokenStream ts = Tokenize(t, EnglishLike());
  uint32_t last = 0, sentence = 0;
  for (const Token& tok : ts.tokens) {
    CHECK(tok.span.begin >= last);
    CHECK(tok.span.end > tok.span.begin);
    CHECK(tok.sentence >= sentence);
    last = tok.span.end;
    sentence = tok.sentence;
  }
  CHECK(Sentences(t, ts) == std::vector<std::string>{"“ It is late , ” said Dr. Ann Lee .",
                                                     "She left ( again ) .", "‘ Fine ’ — OK ?"});
}

}  // namespace
}  // namespace whosaid::text

namespace whosaid::text {

TEST_CASE("tokenizer: with a lexicon, every word carries the lists it belongs to") {
  lexicon::WordTable table;
  const lexicon::ListId titles = *table.AddList("honorifics");
  const lexicon::ListId cues = *table.AddList("cue_verbs");
  table.Add(titles, "Sen.");
  table.Add(cues, "said");
  table.Add(cues, "Sen.");  // a word may be in several lists
  TokenizerOptions options;
  options.lexicon = &table;
  options.is_abbreviation = [](std::string_view w) { return w == "Sen"; };
  const std::string t = "“Go,” said Sen. Ann Lee.\n\nShe said so.";
  const TokenStream ts = Tokenize(t, options);
  std::vector<uint64_t> lists;
  for (size_t i = 0; i < ts.tokens.size(); ++i) {
    const std::string word = t.substr(ts.tokens[i].span.begin, ts.tokens[i].span.size());
    INFO(word);
    const uint64_t expected = ts.tokens[i].kind == TokenKind::kWord ? table.ListsOf(word) : 0;
    CHECK(ts.ListsOf(i) == expected);
    CHECK(ts.ListsOf(i) == table.ListsOfClass(ts.tokens[i].lexicon_class));
    lists.push_back(ts.ListsOf(i));
  }
  const uint64_t both = (uint64_t{1} << titles) | (uint64_t{1} << cues);
  CHECK(std::count(lists.begin(), lists.end(), both) == 1);                 // Sen.
  CHECK(std::count(lists.begin(), lists.end(), uint64_t{1} << cues) == 2);  // said
  const TokenStream bare = Tokenize(t);                                     // no lexicon, no lists
  for (size_t i = 0; i < bare.tokens.size(); ++i) CHECK(bare.ListsOf(i) == 0);
}

}  // namespace whosaid::text
