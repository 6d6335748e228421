#include "whosaid/output/json_escape.h"

#include <array>
#include <charconv>
#include <cmath>

#include "whosaid/text/utf8.h"

namespace whosaid::output {
namespace {

// 0: copy as is; 1: ASCII that needs an escape; 2: a byte >= 0x80 (decode and check).
constexpr std::array<uint8_t, 256> MakeJsonClass() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = 1;
  t['"'] = 1;
  t['\\'] = 1;
  for (int c = 0x80; c < 0x100; ++c) t[c] = 2;
  return t;
}
constexpr std::array<uint8_t, 256> kJsonClass = MakeJsonClass();

constexpr char kHex[] = "0123456789abcdef";

void AppendUnicodeEscape(std::string& out, uint32_t cp) {
  char buf[6] = {
      '\\',          'u', kHex[(cp >> 12) & 0xF], kHex[(cp >> 8) & 0xF], kHex[(cp >> 4) & 0xF],
      kHex[cp & 0xF]};
  out.append(buf, 6);
}

void AppendAsciiEscape(std::string& out, unsigned char c) {
  switch (c) {
    case '"':
      out.append("\\\"", 2);
      break;
    case '\\':
      out.append("\\\\", 2);
      break;
    case '\n':
      out.append("\\n", 2);
      break;
    case '\r':
      out.append("\\r", 2);
      break;
    case '\t':
      out.append("\\t", 2);
      break;
    case '\b':
      out.append("\\b", 2);
      break;
    case '\f':
      out.append("\\f", 2);
      break;
    default:
      AppendUnicodeEscape(out, c);
      break;
  }
}

}  // namespace

void AppendJsonEscaped(std::string& out, std::string_view s) {
  const char* const base = s.data();
  const size_t n = s.size();
  size_t run = 0;  // start of the pending run of bytes copied as is
  size_t i = 0;
  while (i < n) {
    const auto c = static_cast<unsigned char>(base[i]);
    const uint8_t cls = kJsonClass[c];
    if (cls == 0) {
      ++i;
      continue;
    }
    if (cls == 1) {
      out.append(base + run, i - run);
      AppendAsciiEscape(out, c);
      run = ++i;
      continue;
    }
    const text::Decoded d = text::DecodeAt(s, i);
    if (!d.valid) {
      out.append(base + run, i - run);
      out.append("\\ufffd", 6);
      i += d.len;
      run = i;
    } else if (d.cp == 0x85 || d.cp == 0x2028 || d.cp == 0x2029) {
      out.append(base + run, i - run);
      AppendUnicodeEscape(out, d.cp);
      i += d.len;
      run = i;
    } else {
      i += d.len;
    }
  }
  out.append(base + run, n - run);
}

void AppendJsonString(std::string& out, std::string_view s) {
  out.push_back('"');
  AppendJsonEscaped(out, s);
  out.push_back('"');
}

void AppendUint(std::string& out, uint64_t value) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, value);
  out.append(buf, r.ptr);
}

void AppendJsonNumber3(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out.append("null", 4);
    return;
  }
  char buf[400];  // fixed notation of the largest double with three decimals fits
  const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, 3);
  if (r.ec != std::errc()) {
    out.append("null", 4);
    return;
  }
  const char* end = r.ptr;
  const char* dot = end;
  for (const char* p = buf; p < end; ++p) {
    if (*p == '.') {
      dot = p;
      break;
    }
  }
  if (dot != end) {
    while (end > dot + 1 && end[-1] == '0') --end;
    if (end == dot + 1) end = dot;
  }
  std::string_view text(buf, static_cast<size_t>(end - buf));
  if (text == "-0") text = "0";
  out.append(text);
}

void AppendCsvField(std::string& out, std::string_view s) {
  bool quote = false;
  bool valid = true;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ',' || c == '"' || c == '\r' || c == '\n') {
      quote = true;
    } else if (c >= 0x80 && valid) {
      const text::Decoded d = text::DecodeAt(s, i);
      if (!d.valid) valid = false;
      i += d.len - 1;
    }
  }
  std::string repaired;
  if (!valid) {
    repaired.reserve(s.size() + 8);
    for (size_t i = 0; i < s.size();) {
      const text::Decoded d = text::DecodeAt(s, i);
      if (d.valid) {
        repaired.append(s.data() + i, d.len);
      } else {
        text::AppendUtf8(repaired, text::kReplacementChar);
      }
      i += d.len;
    }
    s = repaired;
  }
  if (!quote) {
    out.append(s);
    return;
  }
  out.push_back('"');
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"') {
      out.append(s.data() + run, i + 1 - run);  // includes this quote
      out.push_back('"');                       // and doubles it
      run = i + 1;
    }
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

}  // namespace whosaid::output
