#pragma once

#include <cstdint>

namespace whosaid::text {

// A half-open range [begin, end) of UTF-8 byte offsets into a document's text.
struct ByteSpan {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool contains(uint32_t offset) const { return offset >= begin && offset < end; }
  bool contains(ByteSpan other) const { return other.begin >= begin && other.end <= end; }
  bool overlaps(ByteSpan other) const { return other.begin < end && begin < other.end; }
  friend bool operator==(ByteSpan a, ByteSpan b) = default;
};

}  // namespace whosaid::text
