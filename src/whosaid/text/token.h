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
  TokenKind kind : 3 = TokenKind::kPunct;
  Shape shape : 3 = Shape::kNone;
  bool space_before : 1 = false;  // white space (or the start of the text) before the token
  bool sentence_start : 1 = false;
  // The lists of the stream's lexicon the word is in, as the word table's class of that set
  // (lexicon::WordTable::ListsOfClass; TokenStream::ListsOf); 0 for no list, for a token
  // that is not a word and without a lexicon.
  uint16_t lexicon_class = 0;
  uint32_t sentence = 0;  // index of the token's sentence in the document (its paragraph:
                          // TokenStream::sentence_paragraph)
};

// A 100 MB document holds tens of millions of tokens: keep them small (the lists travel as
// a 16-bit class, not a 64-bit set beside each token).
static_assert(sizeof(Token) == 16);

}  // namespace whosaid::text
