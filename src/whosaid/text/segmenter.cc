#include "whosaid/text/segmenter.h"

#include "whosaid/text/char_class.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <mutex>
#include <unordered_set>

#include "whosaid/text/token_segmentation.h"
#include "whosaid/text/tokenizer.h"
#include "whosaid/text/utf8.h"

namespace whosaid::text {
namespace {

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace

bool IsSpace(char32_t cp) {
  switch (cp) {
    case ' ': case '\t': case '\n': case '\v': case '\f': case '\r': case 0x1A: case 0x85:
    case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
    case 0xFEFF:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

struct Segmenter::Impl {
  SegmenterOptions options;
  std::unique_ptr<icu::BreakIterator> prototype;
  std::unordered_set<std::string> always;
  std::unordered_set<std::string> soft;
  TokenizerOptions tokenizer;  // reads `always` and `soft`
  mutable std::mutex mu;
  mutable std::vector<std::unique_ptr<icu::BreakIterator>> pool;

  std::unique_ptr<icu::BreakIterator> Acquire() const {
    std::lock_guard<std::mutex> lock(mu);
    if (!pool.empty()) {
      auto it = std::move(pool.back());
      pool.pop_back();
      return it;
    }
    return std::unique_ptr<icu::BreakIterator>(prototype->clone());
  }
  void Release(std::unique_ptr<icu::BreakIterator> it) const {
    std::lock_guard<std::mutex> lock(mu);
    pool.push_back(std::move(it));
  }

  // True when the period ending at `end` (exclusive, text[end-1] == '.') belongs to an
  // abbreviation that should not end a sentence before the word at `next`.
  bool SuppressBreak(std::string_view t, uint32_t para_begin, uint32_t end, uint32_t next) const;
};

bool Segmenter::Impl::SuppressBreak(std::string_view t, uint32_t para_begin, uint32_t end,
                                    uint32_t next) const {
  // Trim back over spaces and closing quotes ICU may have attached.
  uint32_t e = end;
  while (e > para_begin && (t[e - 1] == ' ' || t[e - 1] == '\t')) --e;
  if (e <= para_begin || t[e - 1] != '.') return false;
  uint32_t b = e - 1;
  while (b > para_begin) {
    const char c = t[b - 1];
    if (c == ' ' || c == '\t' || c == '(' || c == '"' || c == '\n') break;
    if (static_cast<unsigned char>(c) >= 0x80) break;
    --b;
  }
  std::string word(t.substr(b, e - 1 - b));
  if (word.empty()) return false;
  // A single capital initial ("John F. Kennedy") never ends a sentence.
  if (word.size() == 1 && IsAsciiUpper(word[0])) return true;
  if (always.count(word)) return true;
  if (soft.count(word)) {
    if (next >= t.size()) return false;
    const char c = t[next];
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
  return false;
}

Segmenter::Segmenter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Segmenter::~Segmenter() = default;

Result<std::unique_ptr<Segmenter>> Segmenter::Create(SegmenterOptions options) {
  auto impl = std::make_unique<Impl>();
  UErrorCode status = U_ZERO_ERROR;
  // "ss=standard" turns on ICU's own list of abbreviations that suppress a break.
  impl->prototype.reset(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
  if (U_FAILURE(status) || !impl->prototype) {
    status = U_ZERO_ERROR;
    impl->prototype.reset(icu::BreakIterator::createSentenceInstance(icu::Locale("en"), status));
  }
  if (U_FAILURE(status) || !impl->prototype) {
    return InternalError(std::string("ICU sentence break iterator: ") + u_errorName(status));
  }
  // A final period of an entry is optional ("Mr." or "Mr").
  auto add = [](const std::vector<std::string>& words, std::unordered_set<std::string>* set) {
    for (std::string w : words) {
      if (!w.empty() && w.back() == '.') w.pop_back();
      if (!w.empty()) set->insert(std::move(w));
    }
  };
  add(options.abbreviations, &impl->always);
  add(options.soft_abbreviations, &impl->soft);
  Impl* raw = impl.get();
  impl->tokenizer.paragraph_mode = options.paragraph_mode;
  impl->tokenizer.is_abbreviation = [raw](std::string_view w) {
    return raw->always.count(std::string(w)) > 0;
  };
  impl->tokenizer.ends_sentence_before_capital = [raw](std::string_view w) {
    return raw->soft.count(std::string(w)) > 0;
  };
  impl->options = std::move(options);
  return std::unique_ptr<Segmenter>(new Segmenter(std::move(impl)));
}

namespace {

bool IsLineBreakAt(std::string_view t, size_t i, size_t* len) {
  *len = LineBreakLength(t, i);
  return *len > 0;
}

// Trims white space (as IsSpace) from both ends of [b, e).
ByteSpan Trim(std::string_view t, uint32_t b, uint32_t e) {
  while (b < e) {
    Decoded d = DecodeAt(t, b);
    if (!IsSpace(d.cp) && !(d.cp == kReplacementChar && static_cast<unsigned char>(t[b]) == 0x1A)) break;
    b += d.len;
  }
  while (e > b) {
    size_t start;
    char32_t cp = DecodeBefore(t, e, &start);
    if (!IsSpace(cp)) break;
    e = static_cast<uint32_t>(start);
  }
  return {b, e};
}

// Lines of `t` as [begin, end) without their terminators, plus whether each is blank.
struct Line {
  uint32_t begin, end;
  bool blank;
};

std::vector<Line> SplitLines(std::string_view t) {
  std::vector<Line> lines;
  size_t i = 0, start = 0;
  const size_t n = t.size();
  while (i < n) {
    // Fast skip to the next byte that can start a line break.
    const char* p = static_cast<const char*>(
        std::find_if(t.data() + i, t.data() + n, [](char c) {
          return c == '\n' || c == '\r' || static_cast<unsigned char>(c) == 0xE2;
        }));
    i = p - t.data();
    if (i >= n) break;
    size_t len;
    if (IsLineBreakAt(t, i, &len)) {
      ByteSpan s = Trim(t, static_cast<uint32_t>(start), static_cast<uint32_t>(i));
      lines.push_back({s.begin, s.end, s.empty()});
      i += len;
      start = i;
    } else {
      ++i;
    }
  }
  ByteSpan s = Trim(t, static_cast<uint32_t>(start), static_cast<uint32_t>(n));
  lines.push_back({s.begin, s.end, s.empty()});
  return lines;
}

}  // namespace

TokenStream Segmenter::Tokens(std::string_view text) const {
  return Tokenize(text, impl_->tokenizer);
}

Segmentation Segmenter::Segment(std::string_view t) const {
  Segmentation seg;
  if (t.empty()) return seg;
  if (impl_->options.sentences == SentenceSource::kTokens) {
    return SegmentationFromTokens(Tokens(t));
  }
  const std::vector<Line> lines = SplitLines(t);
  ParagraphMode mode = impl_->options.paragraph_mode;
  if (mode == ParagraphMode::kAuto) {
    // Only a blank line with text on both sides separates paragraphs: the empty line after
    // a file's final newline (or trailing blank lines) does not.
    bool any_blank_between = false;
    bool seen_text = false;
    bool blank_after_text = false;
    for (const Line& l : lines) {
      if (l.blank) {
        blank_after_text = seen_text;
      } else if (blank_after_text) {
        any_blank_between = true;
        break;
      } else {
        seen_text = true;
      }
    }
    mode = any_blank_between ? ParagraphMode::kBlankLine : ParagraphMode::kLineBreak;
  }
  // In blank-line mode a line joins the paragraph before it unless a blank line came between.
  bool blank_before = true;
  for (const Line& l : lines) {
    if (l.blank) {
      blank_before = true;
      continue;
    }
    if (mode == ParagraphMode::kBlankLine && !blank_before && !seg.paragraphs.empty()) {
      seg.paragraphs.back().end = l.end;
    } else {
      seg.paragraphs.push_back({l.begin, l.end});
    }
    blank_before = false;
  }

  auto it = impl_->Acquire();
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = nullptr;
  for (uint32_t p = 0; p < seg.paragraphs.size(); ++p) {
    const ByteSpan para = seg.paragraphs[p];
    seg.paragraph_first_sentence.push_back(static_cast<uint32_t>(seg.sentences.size()));
    status = U_ZERO_ERROR;
    ut = utext_openUTF8(ut, t.data() + para.begin, para.size(), &status);
    if (U_FAILURE(status)) {
      seg.sentences.push_back(para);
      seg.sentence_paragraph.push_back(p);
      continue;
    }
    it->setText(ut, status);
    uint32_t sentence_begin = para.begin;
    for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
      const uint32_t end = para.begin + static_cast<uint32_t>(b);
      if (end < para.end) {
        ByteSpan rest = Trim(t, end, para.end);
        if (impl_->SuppressBreak(t, para.begin, end, rest.begin)) continue;
      }
      ByteSpan s = Trim(t, sentence_begin, end);
      if (!s.empty()) {
        seg.sentences.push_back(s);
        seg.sentence_paragraph.push_back(p);
      }
      sentence_begin = end;
    }
    if (sentence_begin < para.end) {
      ByteSpan s = Trim(t, sentence_begin, para.end);
      if (!s.empty()) {
        seg.sentences.push_back(s);
        seg.sentence_paragraph.push_back(p);
      }
    }
  }
  if (ut) utext_close(ut);
  impl_->Release(std::move(it));
  return seg;
}

size_t Segmentation::ParagraphAt(uint32_t byte) const {
  auto it = std::upper_bound(paragraphs.begin(), paragraphs.end(), byte,
                             [](uint32_t b, const ByteSpan& s) { return b < s.begin; });
  return it == paragraphs.begin() ? 0 : static_cast<size_t>(it - paragraphs.begin()) - 1;
}

size_t Segmentation::SentenceAt(uint32_t byte) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), byte,
                             [](uint32_t b, const ByteSpan& s) { return b < s.begin; });
  return it == sentences.begin() ? 0 : static_cast<size_t>(it - sentences.begin()) - 1;
}

}  // namespace whosaid::text
