#include "whosaid/text/token_segmentation.h"

namespace whosaid::text {

Segmentation SegmentationFromTokens(TokenStream stream) {
  Segmentation seg;
  seg.paragraphs.reserve(stream.paragraphs);
  seg.paragraph_first_sentence.reserve(stream.paragraphs);
  seg.sentences.reserve(stream.sentences);
  seg.sentence_paragraph.reserve(stream.sentences);
  for (const Token& tok : stream.tokens) {
    if (tok.kind == TokenKind::kParagraphBreak) continue;
    // Indices grow by one from token to token: a new index opens a span, else it widens.
    const uint32_t paragraph = stream.sentence_paragraph[tok.sentence];
    if (paragraph == seg.paragraphs.size()) {
      seg.paragraphs.push_back(tok.span);
      seg.paragraph_first_sentence.push_back(static_cast<uint32_t>(seg.sentences.size()));
    } else {
      seg.paragraphs.back().end = tok.span.end;
    }
    if (tok.sentence == seg.sentences.size()) {
      seg.sentences.push_back(tok.span);
      seg.sentence_paragraph.push_back(paragraph);
    } else {
      seg.sentences.back().end = tok.span.end;
    }
  }
  seg.tokens = std::move(stream.tokens);
  seg.lexicon = stream.lexicon;
  return seg;
}

}  // namespace whosaid::text
