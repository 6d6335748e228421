// The quote scanner: finds top-level quotation spans from quote marks in one linear pass.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "whosaid/quotes/quote_span.h"
#include "whosaid/text/segmenter.h"

namespace whosaid::quotes {

struct ScannerOptions {
  // Quotes longer than this many bytes are cut at the end of their paragraph and flagged
  // unclosed: a stray mark never swallows the rest of the document.
  uint32_t max_quote_bytes = 1u << 16;
  // Lower-case words (at most six ASCII letters) that a single mark before them elides: the
  // mark is an apostrophe, not a quote ("’em", "‘til", "'cause", rock ’n’ roll). The
  // language's list comes from the pack's lexicon (elisions.lst); empty means none, and
  // then only a mark before two digits ("’90s") is an elision.
  std::vector<std::string> elisions;
  // Words that stay lower case in a title-case headline (title_small_words.lst): marks
  // around a word between two names there set off no nickname (text/nickname.h).
  std::vector<std::string> title_small_words;
};

// Scans `text` (whose paragraphs and sentences are in `seg`) and returns its top-level
// quote spans in document order. Linear in the size of the text.
std::vector<QuoteSpan> ScanQuotes(std::string_view text, const text::Segmentation& seg,
                                  const ScannerOptions& options = {});

}  // namespace whosaid::quotes
