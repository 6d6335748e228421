// libFuzzer target: segmentation and the quote scanner on arbitrary bytes.
// The bytes go through Document::FromBytes (lenient, so every input reaches the scanner),
// then Segmenter::Segment and ScanQuotes, with a small max_quote_bytes to exercise cutting.
// Checks the scanner's invariants: spans inside the text, content inside outer, sorted and
// non-overlapping; segmentation spans inside the text and in order.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "whosaid/quotes/scanner.h"
#include "whosaid/text/document.h"
#include "whosaid/text/segmenter.h"
#include "fuzz_check.h"

namespace {


const whosaid::text::Segmenter& GetSegmenter() {
  static auto* seg = [] {
    auto s = whosaid::text::Segmenter::Create();
    if (!s.ok()) {
      std::fprintf(stderr, "Segmenter::Create failed: %s\n", s.status().ToString().c_str());
      std::abort();
    }
    return std::move(s).value().release();
  }();
  return *seg;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace whosaid;
  if (size > (1u << 20)) return 0;
  // First byte picks options, the rest is the text.
  uint8_t flags = size > 0 ? data[0] : 0;
  std::string bytes(reinterpret_cast<const char*>(data), size);

  text::DocumentOptions dopt;
  dopt.lenient = true;
  auto doc = text::Document::FromBytes("fuzz", bytes, dopt);
  if (!doc.ok()) return 0;
  std::string_view t = doc->text();

  text::Segmentation seg = GetSegmenter().Segment(t);
  uint32_t prev = 0;
  for (const auto& p : seg.paragraphs) {
    FUZZ_CHECK(p.begin < p.end);
    FUZZ_CHECK(p.end <= t.size());
    FUZZ_CHECK(p.begin >= prev);
    prev = p.end;
  }
  prev = 0;
  for (const auto& s : seg.sentences) {
    FUZZ_CHECK(s.begin <= s.end);
    FUZZ_CHECK(s.end <= t.size());
    FUZZ_CHECK(s.begin >= prev);
    prev = s.end;
  }
  FUZZ_CHECK(seg.sentence_paragraph.size() == seg.sentences.size());

  quotes::ScannerOptions sopt;
  if (flags & 1) sopt.max_quote_bytes = 16 + (flags >> 1);
  auto spans = quotes::ScanQuotes(t, seg, sopt);
  uint32_t last_end = 0;
  for (const auto& q : spans) {
    FUZZ_CHECK(q.outer.begin <= q.outer.end);
    FUZZ_CHECK(q.outer.end <= t.size());
    FUZZ_CHECK(q.content.begin <= q.content.end);
    FUZZ_CHECK(q.outer.contains(q.content));
    FUZZ_CHECK(q.outer.begin >= last_end);  // sorted, non-overlapping
    last_end = q.outer.end;
    FUZZ_CHECK(q.unclosed == (q.close_mark == 0));
    // Offsets must lie on code point boundaries (formatter converts them).
    doc->CodePointOffset(q.content.begin);
    doc->CodePointOffset(q.content.end);
    (void)doc->Slice(q.content);
  }
  return 0;
}
