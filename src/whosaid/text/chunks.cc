#include "whosaid/text/chunks.h"

#include <algorithm>

namespace whosaid::text {
namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Where to end a piece that starts at `begin` and may not pass `limit` (< end of text):
// after the last space or newline in (begin, limit], else at the code point boundary
// at or before `limit`.
uint32_t CutPoint(std::string_view text, uint32_t begin, uint32_t limit) {
  for (uint32_t i = limit; i > begin + 1; --i) {
    const char c = text[i - 1];
    if (c == ' ' || c == '\n' || c == '\t') return i;
  }
  uint32_t i = limit;
  while (i > begin + 1 && i < text.size() && IsContinuationByte(text[i])) --i;
  return i;
}

}  // namespace

std::vector<ByteSpan> ChunkParagraph(std::string_view text, const Segmentation& seg,
                                     size_t paragraph_index, uint32_t max_bytes) {
  max_bytes = std::max<uint32_t>(max_bytes, 1024);
  const ByteSpan para = seg.paragraphs[paragraph_index];
  if (para.size() <= max_bytes) return {para};
  // Sentence ends inside the paragraph, as candidate cut points.
  std::vector<uint32_t> ends;
  if (paragraph_index < seg.paragraph_first_sentence.size()) {
    for (size_t s = seg.paragraph_first_sentence[paragraph_index];
         s < seg.sentences.size() && seg.sentences[s].begin < para.end; ++s) {
      ends.push_back(seg.sentences[s].end);
    }
  }
  std::vector<ByteSpan> out;
  uint32_t begin = para.begin;
  auto next_end = ends.begin();
  while (begin < para.end) {
    const uint32_t limit = begin + max_bytes;
    if (limit >= para.end) {
      out.push_back({begin, para.end});
      break;
    }
    // The last sentence end that fits.
    uint32_t cut = 0;
    while (next_end != ends.end() && *next_end <= limit) {
      if (*next_end > begin) cut = *next_end;
      ++next_end;
    }
    if (cut == 0) cut = CutPoint(text, begin, limit);
    out.push_back({begin, cut});
    begin = cut;
  }
  return out;
}

std::vector<ByteSpan> ParagraphPieces(std::string_view text, const Segmentation& seg,
                                      uint32_t max_bytes) {
  std::vector<ByteSpan> out;
  out.reserve(seg.paragraphs.size());
  for (size_t p = 0; p < seg.paragraphs.size(); ++p) {
    if (seg.paragraphs[p].size() <= std::max<uint32_t>(max_bytes, 1024)) {
      out.push_back(seg.paragraphs[p]);
      continue;
    }
    const std::vector<ByteSpan> pieces = ChunkParagraph(text, seg, p, max_bytes);
    out.insert(out.end(), pieces.begin(), pieces.end());
  }
  return out;
}

}  // namespace whosaid::text
