// A document: its id, its original bytes and the offset maps between UTF-8 bytes and
// Unicode code points. Every later stage works on byte offsets into text(); output
// converts them to code points with CodePointOffset().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/status.h"
#include "whosaid/text/span.h"

namespace whosaid::text {

struct DocumentOptions {
  // When false (the default) a document with ill-formed UTF-8 is rejected with
  // StatusCode::kInvalidUtf8 naming the byte offset. When true each maximal ill-formed
  // subpart reads as one U+FFFD, as Python's errors="replace" decodes it, and all offsets
  // still point into the original bytes.
  bool lenient = false;
  // Documents larger than this are rejected with kLimitExceeded. Offsets are 32-bit, so
  // the hard ceiling is 4 GiB.
  size_t max_bytes = size_t{256} << 20;
};

class Document {
 public:
  // Validates `bytes` and builds the offset index. A leading UTF-8 byte order mark stays in
  // the text (it is one code point, as Python reads it) and every stage skips it.
  static Result<Document> FromBytes(std::string id, std::string bytes,
                                    const DocumentOptions& options = {});

  const std::string& id() const { return id_; }
  // The working text: the original bytes, except that in lenient mode the first byte of
  // each ill-formed subpart is replaced by U+001A (same length, so offsets are unchanged).
  std::string_view text() const { return text_; }
  size_t size() const { return text_.size(); }
  // Number of bytes of the leading byte order mark (0 or 3).
  uint32_t bom_bytes() const { return bom_bytes_; }
  // True when lenient decoding replaced something.
  bool had_invalid_bytes() const { return !invalid_.empty(); }

  // The code point offset of byte offset `byte` (which must lie on a code point boundary,
  // or equal size()). O(1) amortized: a checkpoint every 256 bytes, then a short count.
  uint32_t CodePointOffset(uint32_t byte) const;
  uint32_t CodePointLength() const { return CodePointOffset(static_cast<uint32_t>(size())); }

  // Valid UTF-8 for text()[span]: replaced subparts read as U+FFFD.
  std::string Slice(ByteSpan span) const;
  // Text assembled from pieces of text() (a registry name joined from two places, say) as
  // Slice would give it: in a lenient document each ill-formed subpart (U+001A and the
  // continuation bytes after it, or a stray continuation byte) becomes U+FFFD.
  std::string Repaired(std::string_view s) const;
  std::string_view View(ByteSpan span) const {
    return std::string_view(text_).substr(span.begin, span.size());
  }

 private:
  std::string id_;
  std::string text_;
  uint32_t bom_bytes_ = 0;
  std::vector<uint32_t> invalid_;      // sorted offsets of replaced lead bytes
  std::vector<uint32_t> checkpoints_;  // code points before byte 256*k
};

}  // namespace whosaid::text
