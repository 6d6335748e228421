// One token of the token stream (text/tokenizer.h): the representation every stage reads.
#pragma once

#include <cstdint>

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
  uint32_t sentence = 0;  // index of the token's sentence in the document (its paragraph:
                          // TokenStream::sentence_paragraph)
};

// A 100 MB document holds tens of millions of tokens: keep them small.
static_assert(sizeof(Token) == 16);

}  // namespace whosaid::text
