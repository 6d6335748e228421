// The token stream (issue 15, first step): one linear pass over a document's bytes gives
// every token with its byte span, kind, shape and the indices of its sentence and paragraph.
// It is built beside the segmenter and the registry's own word splitting, which still drive
// extraction; later steps move every stage onto it (see ../shared/DESIGN.md).
//
// Tokens:
//   - a word is a run of letters, digits and combining marks (all of Unicode's), joined across
//     an inner apostrophe or hyphen ("O’Neill", "al-Assad", "46-year-old") and an inner period
//     ("U.S", "cnn.com"); a final period stays on the word when the word is an initial ("J."),
//     has an inner period ("U.S.", "J.D.") or is an abbreviation the options name ("Mr.");
//   - a number is a word of digits, with inner "," or "." between digits ("1,200", "3.5");
//   - a quote mark is one of " ' ` “ ” ‘ ’ « » ‹ › „ ‚ 「 」 『 』, and `` and '' are one each;
//   - a paragraph break stands for the white space between two paragraphs;
//   - any other character is punctuation; a run of hyphens ("--") or periods ("...") is one.
// White space is no token; each token says whether white space came before it.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "whosaid/text/segmenter.h"
#include "whosaid/text/span.h"

namespace whosaid::text {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct, kQuoteMark, kParagraphBreak };

// What a word looks like; kNone for tokens that are not words or numbers.
enum class Shape : uint8_t {
  kCapitalized,  // first letter upper case, another letter lower case: "Ortiz", "McCain"
  kLower,        // no upper-case letter: "said", "al-Assad"
  kUpper,        // letters, all upper case (or one capital): "NASA", "U.S.", "J."
  kMixed,        // lower case first, upper case later: "iPhone", "eBay"
  kDigits,       // a number
  kNone,
};

struct Token {
  ByteSpan span;
  TokenKind kind = TokenKind::kPunct;
  Shape shape = Shape::kNone;
  bool space_before = false;  // white space (or the start of the text) before the token
  bool sentence_start = false;
  uint32_t sentence = 0;   // index of the token's sentence in the document
  uint32_t paragraph = 0;  // index of the token's paragraph
};

struct TokenizerOptions {
  ParagraphMode paragraph_mode = ParagraphMode::kAuto;
  // True when `word` (without its final period) with a period is an abbreviation whose period
  // ends no sentence: "Mr", "Sen", "Jan". Initials and words with an inner period always are.
  // Unset: only those.
  std::function<bool(std::string_view)> is_abbreviation;
  // True for an abbreviation that still ends a sentence before a capitalized word: "Inc",
  // "Jr" ("… Acme Inc. The next day …").
  std::function<bool(std::string_view)> ends_sentence_before_capital;
};

struct TokenStream {
  std::vector<Token> tokens;
  uint32_t sentences = 0;   // number of sentences (the last token's sentence + 1)
  uint32_t paragraphs = 0;  // number of paragraphs
};

// Tokenizes `text` (UTF-8; an ill-formed byte is punctuation) in one pass.
TokenStream Tokenize(std::string_view text, const TokenizerOptions& options = {});

}  // namespace whosaid::text
