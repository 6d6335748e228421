#include "whosaid/text/document.h"

#include <algorithm>

#include "whosaid/text/utf8.h"

namespace whosaid::text {
namespace {
constexpr uint32_t kCheckpointShift = 8;  // one checkpoint per 256 bytes
constexpr char kSubstitute = '\x1A';
}  // namespace

Result<Document> Document::FromBytes(std::string id, std::string bytes,
                                     const DocumentOptions& options) {
  const size_t ceiling = std::min<size_t>(options.max_bytes, UINT32_MAX - 1);
  if (bytes.size() > ceiling) {
    return LimitExceeded("document " + id + " is larger than the limit of " +
                         std::to_string(ceiling) +
                         " bytes (--max-doc-bytes): " + std::to_string(bytes.size()) + " bytes");
  }
  Document doc;
  doc.id_ = std::move(id);
  doc.text_ = std::move(bytes);
  std::string& t = doc.text_;
  if (t.size() >= 3 && t.compare(0, 3, "\xEF\xBB\xBF") == 0) doc.bom_bytes_ = 3;

  size_t pos = 0;
  while (pos < t.size()) {
    const size_t bad = FindInvalidUtf8(std::string_view(t).substr(pos));
    if (bad == std::string_view::npos) break;
    const size_t at = pos + bad;
    if (!options.lenient) {
      return Status(StatusCode::kInvalidUtf8,
                    "document " + doc.id_ + ": invalid UTF-8 at byte " + std::to_string(at));
    }
    const Decoded d = DecodeAt(t, at);
    // Replace the lead byte; the rest of the subpart are continuation bytes, which the
    // code point count skips, so the subpart counts as one code point, like U+FFFD.
    t[at] = kSubstitute;
    doc.invalid_.push_back(static_cast<uint32_t>(at));
    pos = at + d.len;
  }

  const size_t n = t.size();
  doc.checkpoints_.reserve((n >> kCheckpointShift) + 1);
  uint32_t count = 0;
  for (size_t i = 0; i < n; ++i) {
    if ((i & ((1u << kCheckpointShift) - 1)) == 0) doc.checkpoints_.push_back(count);
    count += !IsContinuationByte(static_cast<unsigned char>(t[i]));
  }
  return doc;
}

uint32_t Document::CodePointOffset(uint32_t byte) const {
  const uint32_t k = byte >> kCheckpointShift;
  if (k >= checkpoints_.size()) {
    // Only byte == size() on a size that is a multiple of 256 (or an empty text) gets here.
    uint32_t count = checkpoints_.empty() ? 0 : checkpoints_.back();
    for (size_t i = checkpoints_.empty() ? 0 : (checkpoints_.size() - 1) << kCheckpointShift;
         i < byte && i < text_.size(); ++i) {
      count += !IsContinuationByte(static_cast<unsigned char>(text_[i]));
    }
    return count;
  }
  uint32_t count = checkpoints_[k];
  for (uint32_t i = k << kCheckpointShift; i < byte; ++i) {
    count += !IsContinuationByte(static_cast<unsigned char>(text_[i]));
  }
  return count;
}

std::string Document::Slice(ByteSpan span) const {
  span.end = std::min<uint32_t>(span.end, static_cast<uint32_t>(text_.size()));
  if (span.begin >= span.end) return {};
  auto first = std::lower_bound(invalid_.begin(), invalid_.end(), span.begin);
  if (first == invalid_.end() || *first >= span.end) {
    return std::string(text_, span.begin, span.size());
  }
  std::string out;
  out.reserve(span.size() + 8);
  uint32_t i = span.begin;
  for (auto it = first; it != invalid_.end() && *it < span.end; ++it) {
    out.append(text_, i, *it - i);
    AppendUtf8(out, kReplacementChar);
    i = *it + 1;
    while (i < span.end && IsContinuationByte(static_cast<unsigned char>(text_[i]))) ++i;
  }
  if (i < span.end) out.append(text_, i, span.end - i);
  return out;
}

std::string Document::Repaired(std::string_view s) const {
  if (invalid_.empty()) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  size_t i = 0;
  while (i < s.size()) {
    const Decoded d = DecodeAt(s, i);
    if (d.valid && s[i] != '\x1A') {
      out.append(s, i, d.len);
      i += d.len;
      continue;
    }
    AppendUtf8(out, kReplacementChar);
    ++i;
    while (i < s.size() && IsContinuationByte(static_cast<unsigned char>(s[i]))) ++i;
  }
  return out;
}

}  // namespace whosaid::text
