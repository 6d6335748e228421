// Cuts a paragraph into pieces of bounded size, so that work done per paragraph (word
// tokens, indirect-speech windows) stays bounded on a document with no paragraph breaks.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "whosaid/text/segmenter.h"
#include "whosaid/text/span.h"

namespace whosaid::text {

// The default bound: far above any real paragraph, so ordinary text is never cut.
inline constexpr uint32_t kMaxChunkBytes = 64 * 1024;

// Splits paragraph `para` of `text` into consecutive pieces of at most `max_bytes` (at least
// 1024): whole sentences of `seg` are grouped while they fit; a longer sentence is cut after
// the last white space before the bound, or at a code point boundary when it has none. A
// paragraph that fits comes back whole. The pieces cover `para` without gaps.
std::vector<ByteSpan> ChunkParagraph(std::string_view text, const Segmentation& seg,
                                     size_t paragraph_index, uint32_t max_bytes = kMaxChunkBytes);

// Every paragraph of `seg` in order, those over `max_bytes` cut by ChunkParagraph.
std::vector<ByteSpan> ParagraphPieces(std::string_view text, const Segmentation& seg,
                                      uint32_t max_bytes = kMaxChunkBytes);

}  // namespace whosaid::text
