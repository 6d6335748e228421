#include "whosaid/attrib/window.h"

#include <algorithm>

#include "whosaid/text/nickname.h"
#include "whosaid/text/utf8.h"

namespace whosaid::attrib {
namespace {

bool IsTrailingPunct(char c) {
  return c == ',' || c == '.' || c == '?' || c == '!' || c == ':' || c == ';';
}

// Appends `s` standing in for document bytes [begin, end): a slot that starts on it starts at
// `begin`, one that ends on it ends at `end`, so both stay on character boundaries even
// when the stand-in replaces a multi-byte character or a whole quote.
void AppendStandIn(Window* w, std::string_view s, uint32_t begin, uint32_t end) {
  if (s.empty()) return;
  w->text.append(s);
  w->origin.insert(w->origin.end(), s.size() - 1, begin);
  w->origin.push_back(std::max(begin, end - 1));
}

// The document span of the character at `i` (a space or paragraph break a stand-in replaces).
text::ByteSpan CharacterAt(std::string_view t, uint32_t i) {
  if (i >= t.size()) return {i, i + 1};
  return {i, i + static_cast<uint32_t>(text::DecodeAt(t, i).len)};
}

// Copies document bytes [begin, begin + len) with one origin per byte, so that a slot ending
// in a multi-byte character maps back to the character's last byte (ToDocument adds one).
void AppendVerbatim(Window* w, std::string_view t, uint32_t begin, uint32_t len) {
  w->text.append(t.substr(begin, len));
  for (uint32_t k = 0; k < len; ++k) w->origin.push_back(begin + k);
}

}  // namespace

text::ByteSpan Window::ToDocument(int begin, int end) const {
  if (begin < 0 || end < begin || origin.empty()) return {};
  const size_t b = std::min<size_t>(begin, origin.size() - 1);
  const size_t e = std::min<size_t>(end, origin.size() - 1);
  if (e == b) return {origin[b], origin[b]};
  // The end maps to one past the last byte's origin (placeholders map to their quote).
  return {origin[b], origin[e - 1] + 1};
}

text::ByteSpan QuoteExtent(std::string_view t, const text::Segmentation& seg,
                           const quotes::QuoteSpan& quote, uint32_t max_context_bytes) {
  if (seg.sentences.empty()) return quote.outer;
  size_t first = seg.SentenceAt(quote.outer.begin);
  size_t last = seg.SentenceAt(quote.outer.end > 0 ? quote.outer.end - 1 : 0);
  if (first > 0) --first;
  if (last + 1 < seg.sentences.size()) ++last;
  uint32_t begin = std::min(seg.sentences[first].begin, quote.outer.begin);
  uint32_t end = std::max(seg.sentences[last].end, quote.outer.end);
  // A cap lands on a character's first byte: a window cut inside a character would let a
  // rule's slot end inside it, and the record would carry invalid UTF-8.
  if (quote.outer.begin - begin > max_context_bytes) {
    begin = quote.outer.begin - max_context_bytes;
    while (begin < quote.outer.begin && text::IsContinuationByte(t[begin])) ++begin;
  }
  if (end - quote.outer.end > max_context_bytes) {
    end = quote.outer.end + max_context_bytes;
    while (end > quote.outer.end && end < t.size() && text::IsContinuationByte(t[end])) --end;
  }
  return {begin, end};
}

void BuildWindow(std::string_view t, const text::Segmentation& seg,
                 const std::vector<quotes::QuoteSpan>& quotes, int focus, text::ByteSpan extent,
                 const std::vector<std::string>& title_small_words, Window* w) {
  w->Clear();
  // Widen the extent over quotes that it cuts.
  auto first_q =
      std::lower_bound(quotes.begin(), quotes.end(), extent.begin,
                       [](const quotes::QuoteSpan& q, uint32_t b) { return q.outer.end <= b; });
  for (auto q = first_q; q != quotes.end() && q->outer.begin < extent.end; ++q) {
    extent.begin = std::min(extent.begin, q->outer.begin);
    extent.end = std::max(extent.end, q->outer.end);
  }
  extent.end = std::min<uint32_t>(extent.end, static_cast<uint32_t>(t.size()));
  w->text.reserve(extent.size() + 16);
  w->origin.reserve(extent.size() + 17);

  auto q = first_q;
  size_t para = seg.paragraphs.empty() ? 0 : seg.ParagraphAt(extent.begin);
  uint32_t i = extent.begin;
  bool pending_space = false;
  uint32_t space_origin = i;
  bool pending_paragraph = false;
  uint32_t covered_until = 0;  // end of the last quote replaced by a placeholder
  auto flush_space = [&]() {
    const text::ByteSpan c = CharacterAt(t, space_origin);
    if (pending_paragraph && !w->text.empty()) {
      AppendStandIn(w, kParagraphMark, c.begin, c.end);
    } else if (pending_space && !w->text.empty()) {
      AppendStandIn(w, " ", c.begin, c.end);
    }
    pending_space = pending_paragraph = false;
  };
  while (i < extent.end) {
    // Paragraph boundary crossed?
    while (para + 1 < seg.paragraphs.size() && seg.paragraphs[para + 1].begin <= i) {
      ++para;
      if (seg.paragraphs[para].begin >= covered_until) {
        pending_paragraph = true;
        space_origin = seg.paragraphs[para].begin;
      }
    }
    if (q != quotes.end() && i == q->outer.begin) {
      flush_space();
      const bool is_focus =
          focus >= 0 && static_cast<size_t>(focus) == static_cast<size_t>(q - quotes.begin());
      if (is_focus) w->focus = static_cast<uint32_t>(w->text.size());
      AppendStandIn(w, is_focus ? kFocusPlaceholder : kOtherPlaceholder, q->outer.begin,
                    q->outer.end);
      // Move the quote's final punctuation mark out, after the placeholder ("!," keeps "!").
      uint32_t pe = q->content.end;
      if (pe > q->content.begin && IsTrailingPunct(t[pe - 1])) --pe;
      AppendVerbatim(w, t, pe, q->content.end - pe);
      i = std::max(q->outer.end, i + 1);
      covered_until = i;
      ++q;
      continue;
    }
    const text::Decoded d = text::DecodeAt(t, i);
    if (text::IsSpace(d.cp)) {
      if (!pending_space) space_origin = i;
      pending_space = true;
      i += d.len;
      continue;
    }
    // A nickname inside a name (Robert "Bob" Smith) reads as the name alone, Robert Smith,
    // so that rules see one name; its bytes stay in the speaker's document span.
    if (d.cp == '"' || d.cp == '\'' || d.cp == '`' || d.cp == 0x201C || d.cp == 0x2018) {
      if (const std::optional<text::Nickname> nick = text::NicknameAt(t, i, title_small_words);
          nick && nick->outer.end <= extent.end) {
        i = nick->outer.end;
        continue;
      }
    }
    flush_space();
    if (d.cp == '\'') {
      AppendStandIn(w, "\xE2\x80\x99", i, i + 1);  // ’ for '
    } else {
      AppendVerbatim(w, t, i, d.len);
    }
    i += d.len;
  }
  w->origin.push_back(extent.end);
}

}  // namespace whosaid::attrib
