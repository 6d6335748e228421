// Small UTF-8 helpers shared by every stage. They never read past the end of their input
// and treat malformed bytes the way Python's "replace" error handler does: each maximal
// ill-formed subpart is one replacement character.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace whosaid::text {

inline constexpr char32_t kReplacementChar = 0xFFFD;

struct Decoded {
  char32_t cp;  // the code point, or kReplacementChar when the bytes are ill-formed
  uint8_t len;  // bytes consumed, at least 1 (the maximal ill-formed subpart when invalid)
  bool valid;
};

// Decodes the code point starting at byte `i` of `s` (i < s.size()).
Decoded DecodeAt(std::string_view s, size_t i);

// Decodes the code point that ends just before byte `i` (0 < i <= s.size()).
// Returns the code point and sets *start to its first byte.
char32_t DecodeBefore(std::string_view s, size_t i, size_t* start);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(std::string& out, char32_t cp);

// Byte offset of the first ill-formed sequence in `s`, or std::string_view::npos.
size_t FindInvalidUtf8(std::string_view s);

inline bool IsContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

// Number of code points in a valid UTF-8 string.
size_t CountCodePoints(std::string_view s);

}  // namespace whosaid::text
