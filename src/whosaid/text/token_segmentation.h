// Paragraphs and sentences read off the token stream: each is the span from its first token
// to its last (paragraph breaks excluded), so they are trimmed and never cross a paragraph.
#pragma once

#include "whosaid/text/segmenter.h"
#include "whosaid/text/tokenizer.h"

namespace whosaid::text {

// Builds the Segmentation of a tokenized text; the tokens and their lists move into it.
Segmentation SegmentationFromTokens(TokenStream stream);

}  // namespace whosaid::text
