// The text that rules match against, built around one quote: a few sentences of context
// with white space folded, paragraph breaks as " ¶ ", apostrophes as ’, the quote being
// attributed replaced by U+E000 and every other quote by U+E001 (each followed by the
// quote's trailing punctuation), a nickname inside a name left out (Robert "Bob" Smith reads
// Robert Smith). Every window byte remembers its offset in the document.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/quotes/quote_span.h"
#include "whosaid/text/segmenter.h"
#include "whosaid/text/span.h"

namespace whosaid::attrib {

inline constexpr std::string_view kFocusPlaceholder = "\xEE\x80\x80";  // U+E000
inline constexpr std::string_view kOtherPlaceholder = "\xEE\x80\x81";  // U+E001
inline constexpr std::string_view kParagraphMark = " \xC2\xB6 ";       // " ¶ "

struct Window {
  std::string text;
  std::vector<uint32_t> origin;  // document byte offset of each window byte, plus one past
  uint32_t focus = UINT32_MAX;   // window offset of the focus placeholder (or UINT32_MAX)

  // Document span of window bytes [begin, end).
  text::ByteSpan ToDocument(int begin, int end) const;
  void Clear() {
    text.clear();
    origin.clear();
    focus = UINT32_MAX;
  }
};

// Builds the window for `extent` of `text`. `quotes` are all quotes of the document (sorted);
// the one at index `focus` (or none when focus < 0) becomes U+E000. Quotes overlapping the
// extent are widened into it whole. A nickname in a name reads as the name alone;
// `title_small_words` (the pack's list) tell a title-case headline (text/nickname.h).
void BuildWindow(std::string_view text, const text::Segmentation& seg,
                 const std::vector<quotes::QuoteSpan>& quotes, int focus, text::ByteSpan extent,
                 const std::vector<std::string>& title_small_words, Window* out);

// The default extent for a quote: from the sentence before the quote's first sentence to the
// sentence after its last one (crossing at most one paragraph break on each side), capped
// at max_bytes of context on each side (on code point boundaries of `text`).
text::ByteSpan QuoteExtent(std::string_view text, const text::Segmentation& seg,
                           const quotes::QuoteSpan& quote, uint32_t max_context_bytes);

}  // namespace whosaid::attrib
