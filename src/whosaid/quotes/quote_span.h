#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "whosaid/text/span.h"

namespace whosaid::quotes {

enum class QuoteType {
  kDirect,    // stands as a sentence or more, set off by a comma, colon or sentence boundary
  kPartial,   // a fragment inside a running sentence: …what he called “reckless claims”…
  kIndirect,  // reported speech without marks (produced by attribution, never by the scanner)
};

std::string_view QuoteTypeName(QuoteType type);  // "direct", "partial", "indirect"

// One top-level quotation found by the scanner. Nested quotes (“He said ‘no’ twice.”) are
// inside their outer span and are not reported separately.
struct QuoteSpan {
  text::ByteSpan content;  // between the marks (excludes them)
  text::ByteSpan outer;    // from the opening mark to the end of the closing mark
                           // (to content.end when unclosed)
  char32_t open_mark = 0;
  char32_t close_mark = 0;  // 0 when unclosed
  QuoteType type = QuoteType::kDirect;
  bool unclosed = false;         // the paragraph ended with no closing mark and no continuation
  bool multi_paragraph = false;  // continued over one or more paragraph breaks
  bool single = false;  // delimited by single marks (‘ ’ ' ‹ › ‚) at the top level
};

// True when `span` overlaps one of `quotes` (the scanner's: in text order, none inside
// another). A binary search: stages that ask it for every statement or token of a document
// must not walk every quotation.
bool OverlapsAnyQuote(const std::vector<QuoteSpan>& quotes, text::ByteSpan span);

}  // namespace whosaid::quotes
