// The token stream: one linear pass over a document's bytes gives every token with its byte
// span, kind, shape and the indices of its sentence and paragraph. The segmenter reads its
// paragraphs and sentences off it (text/token_segmentation.h) and keeps it in the
// Segmentation that later stages read (see ../shared/DESIGN.md).
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

#include <functional>
#include <string_view>
#include <vector>

#include "whosaid/lexicon/word_table.h"
#include "whosaid/text/paragraph_mode.h"
#include "whosaid/text/token.h"

namespace whosaid::text {

struct TokenizerOptions {
  ParagraphMode paragraph_mode = ParagraphMode::kAuto;
  // The pack's word table: when set, every word gets the lists it belongs to (as its
  // lexicon_class), looked up once here for every later stage.
  const lexicon::WordTable* lexicon = nullptr;
  // True when `word` (without its final period) with a period is an abbreviation whose period
  // ends no sentence: "Mr", "Sen", "Jan". Initials and words with an inner period always are.
  // Unset: only those.
  std::function<bool(std::string_view)> is_abbreviation;
  // True for an abbreviation that still ends a sentence before a capitalized word: "Inc",
  // "Jr" ("… Acme Inc. The next day …").
  std::function<bool(std::string_view)> ends_sentence_before_capital;
  // True for a word that opens a sentence even after an abbreviation whose period ends none
  // ("… in the U.S. He said …"): "He", "The", "But". Unset: no word does.
  std::function<bool(std::string_view)> opens_sentence_after_abbreviation;
  // True for a particle that opens a surname before a hyphen or apostrophe ("al", "el",
  // "d"): "al-Khatib" is then Capitalized, not mixed. Unset: no such word is.
  std::function<bool(std::string_view)> is_name_particle;
};

struct TokenStream {
  std::vector<Token> tokens;
  uint32_t sentences = 0;                    // number of sentences (the last token's sentence + 1)
  std::vector<uint32_t> sentence_paragraph;  // paragraph index of each sentence
  // The table of the tokens' lexicon classes (null without one).
  const lexicon::WordTable* lexicon = nullptr;
  uint32_t paragraphs = 0;  // number of paragraphs

  // The lists token `i` belongs to (WordTable::ListsOf of its text; 0 for punctuation, marks,
  // words of no list and without a lexicon).
  uint64_t ListsOf(size_t i) const {
    return lexicon ? lexicon->ListsOfClass(tokens[i].lexicon_class) : 0;
  }
};

// The shape of a word's text, as the tokenizer gives it (kDigits for digits only).
Shape WordShape(std::string_view word);

// Tokenizes `text` (UTF-8; an ill-formed byte is punctuation) in one pass.
TokenStream Tokenize(std::string_view text, const TokenizerOptions& options = {});

}  // namespace whosaid::text
