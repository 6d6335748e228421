// Paragraphs and sentences of a document, as byte spans, and the token stream they are read
// off. Sentences come from the tokens and a list of abbreviations (Mr., U.S., Gen., Jan., …)
// whose period ends no sentence, and never cross a paragraph boundary.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/status.h"
#include "whosaid/text/paragraph_mode.h"
#include "whosaid/text/span.h"
#include "whosaid/text/token.h"
#include "whosaid/text/tokenizer.h"

namespace whosaid::text {

struct SegmenterOptions {
  ParagraphMode paragraph_mode = ParagraphMode::kAuto;
  // Words after which a period never ends a sentence ("Mr.", "U.S."; the final period is
  // optional). The language's list comes from the pack's lexicon
  // (sentence_abbreviations.lst); empty means none, and then only a single capital initial
  // ("John F. Kennedy") keeps a period from ending a sentence.
  std::vector<std::string> abbreviations;
  // Words after which a period ends a sentence only before a capital letter ("Inc.",
  // "Jr."; sentence_soft_abbreviations.lst).
  std::vector<std::string> soft_abbreviations;
  // Words that open a sentence after an abbreviation of `abbreviations` all the same ("… to
  // the U.S. He said …", not "the U.S. Senate"; sentence_openers.lst): capitalized function
  // words, never the first word of a name.
  std::vector<std::string> sentence_openers;
  // Particles that open a surname joined by a hyphen or apostrophe ("al" in "al-Assad", "d"
  // in "d'Alembert"): such a word is Capitalized though it starts in lower case.
  std::vector<std::string> name_particles;
  // The pack's word table, whose lists every word token gets (TokenizerOptions::lexicon).
  std::shared_ptr<const lexicon::WordTable> lexicon;
};

struct Segmentation {
  std::vector<ByteSpan> paragraphs;          // trimmed of surrounding white space, never empty
  std::vector<ByteSpan> sentences;           // trimmed, inside one paragraph, in order
  std::vector<uint32_t> sentence_paragraph;  // paragraph index of each sentence
  std::vector<uint32_t> paragraph_first_sentence;  // first sentence index of each paragraph
  // The token stream of the text, which every later stage reads. Every token's sentence
  // index points into `sentences`.
  std::vector<Token> tokens;
  // The table of the tokens' lexicon classes; null without one.
  const lexicon::WordTable* lexicon = nullptr;

  // The lists token `i` belongs to (TokenStream::ListsOf).
  uint64_t TokenLists(size_t i) const {
    return lexicon ? lexicon->ListsOfClass(tokens[i].lexicon_class) : 0;
  }

  // Index of the paragraph / sentence containing `byte`, or of the nearest one before it
  // (0 when none is before). Requires a non-empty segmentation.
  size_t ParagraphAt(uint32_t byte) const;
  size_t SentenceAt(uint32_t byte) const;
  // Index of the first token that starts at `byte` or after (tokens.size() when none does).
  size_t TokenAt(uint32_t byte) const;
};

class Segmenter {
 public:
  // Reads the options once; does not fail today (the Result leaves room for options that
  // can be wrong).
  static Result<std::unique_ptr<Segmenter>> Create(SegmenterOptions options = {});
  ~Segmenter();

  // Segments `text` (valid UTF-8, or text with U+001A substitutes). Thread-safe.
  Segmentation Segment(std::string_view text) const;

  // The first of Segment()'s two steps, for callers that time them: the token stream of
  // `text` with this segmenter's paragraph mode and abbreviations. The second is
  // SegmentationFromTokens (text/token_segmentation.h).
  TokenStream Tokens(std::string_view text) const;

 private:
  struct Impl;
  explicit Segmenter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// True for the characters whosaid treats as white space (ASCII and Unicode spaces, the
// byte order mark, line and paragraph separators).
bool IsSpace(char32_t cp);

}  // namespace whosaid::text
