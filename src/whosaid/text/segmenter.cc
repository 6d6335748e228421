#include "whosaid/text/segmenter.h"

#include <algorithm>
#include <unordered_set>

#include "whosaid/text/char_class.h"
#include "whosaid/text/token_segmentation.h"
#include "whosaid/text/tokenizer.h"
#include "whosaid/text/utf8.h"

namespace whosaid::text {
bool IsSpace(char32_t cp) {
  switch (cp) {
    case ' ':
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case 0x1A:
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

struct Segmenter::Impl {
  SegmenterOptions options;
  // Abbreviations without their final period, as the tokenizer asks for them.
  std::unordered_set<std::string> always;
  std::unordered_set<std::string> soft;
  std::unordered_set<std::string> particles;
  std::unordered_set<std::string> openers;
  TokenizerOptions tokenizer;  // reads `always`, `soft`, `particles` and `openers`
};

Segmenter::Segmenter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Segmenter::~Segmenter() = default;

Result<std::unique_ptr<Segmenter>> Segmenter::Create(SegmenterOptions options) {
  auto impl = std::make_unique<Impl>();
  // A final period of an entry is optional ("Mr." or "Mr").
  auto add = [](const std::vector<std::string>& words, std::unordered_set<std::string>* set) {
    for (std::string w : words) {
      if (!w.empty() && w.back() == '.') w.pop_back();
      if (!w.empty()) set->insert(std::move(w));
    }
  };
  add(options.abbreviations, &impl->always);
  add(options.soft_abbreviations, &impl->soft);
  add(options.name_particles, &impl->particles);
  impl->openers.insert(options.sentence_openers.begin(), options.sentence_openers.end());
  Impl* raw = impl.get();
  impl->tokenizer.paragraph_mode = options.paragraph_mode;
  impl->tokenizer.lexicon = options.lexicon.get();
  impl->tokenizer.is_abbreviation = [raw](std::string_view w) {
    return raw->always.count(std::string(w)) > 0;
  };
  impl->tokenizer.ends_sentence_before_capital = [raw](std::string_view w) {
    return raw->soft.count(std::string(w)) > 0;
  };
  if (!impl->openers.empty()) {
    impl->tokenizer.opens_sentence_after_abbreviation = [raw](std::string_view w) {
      return raw->openers.count(std::string(w)) > 0;
    };
  }
  if (!impl->particles.empty()) {
    impl->tokenizer.is_name_particle = [raw](std::string_view w) {
      return raw->particles.count(std::string(w)) > 0;
    };
  }
  impl->options = std::move(options);
  return std::unique_ptr<Segmenter>(new Segmenter(std::move(impl)));
}

TokenStream Segmenter::Tokens(std::string_view text) const {
  return Tokenize(text, impl_->tokenizer);
}

Segmentation Segmenter::Segment(std::string_view text) const {
  return SegmentationFromTokens(Tokens(text));
}

size_t Segmentation::ParagraphAt(uint32_t byte) const {
  auto it = std::upper_bound(paragraphs.begin(), paragraphs.end(), byte,
                             [](uint32_t b, const ByteSpan& s) { return b < s.begin; });
  return it == paragraphs.begin() ? 0 : static_cast<size_t>(it - paragraphs.begin()) - 1;
}

size_t Segmentation::TokenAt(uint32_t byte) const {
  return static_cast<size_t>(
      std::partition_point(tokens.begin(), tokens.end(),
                           [&](const Token& tok) { return tok.span.begin < byte; }) -
      tokens.begin());
}

size_t Segmentation::SentenceAt(uint32_t byte) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), byte,
                             [](uint32_t b, const ByteSpan& s) { return b < s.begin; });
  return it == sentences.begin() ? 0 : static_cast<size_t>(it - sentences.begin()) - 1;
}

}  // namespace whosaid::text
