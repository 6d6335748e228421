// libFuzzer target: the whole extraction of one document with the built-in English pack.
// Document::FromBytes (lenient, so every input is extracted) then Extractor::Extract. The
// extractor is created once; the rules directory comes from WHOSAID_FUZZ_RULES_DIR.
// Checks that every record's spans lie inside the text, on code point boundaries, and that
// every text field is well-formed UTF-8 and the mention is the document's text at its span.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "whosaid/extractor.h"
#include "whosaid/text/utf8.h"

namespace {

const whosaid::Extractor& GetExtractor() {
  static const whosaid::Extractor* extractor = [] {
    whosaid::ExtractorOptions options;
    options.default_rules_dir = WHOSAID_FUZZ_RULES_DIR;
    std::vector<whosaid::rules::Diagnostic> diags;
    auto made = whosaid::Extractor::Create(options, &diags);
    if (!made.ok()) {
      for (const auto& d : diags) std::fprintf(stderr, "%s\n", d.ToString().c_str());
      std::fprintf(stderr, "Extractor::Create failed: %s\n", made.status().ToString().c_str());
      std::abort();
    }
    return std::move(made).value().release();
  }();
  return *extractor;
}

void CheckRecords(const whosaid::text::Document& d, const whosaid::ExtractResult& result);

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  GetExtractor();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (256u << 10)) return 0;
  whosaid::text::DocumentOptions dopt;
  dopt.lenient = true;
  auto doc = whosaid::text::Document::FromBytes(
      "fuzz", std::string(reinterpret_cast<const char*>(data), size), dopt);
  if (!doc.ok()) return 0;
  CheckRecords(*doc, GetExtractor().Extract(*doc));
  return 0;
}

namespace {

void CheckRecords(const whosaid::text::Document& d, const whosaid::ExtractResult& result) {
  const whosaid::text::Document* doc = &d;
  const uint32_t n = static_cast<uint32_t>(doc->size());
  uint32_t last_end = 0;
  for (const auto& q : result.quotes) {
    const auto& s = q.span;
    FUZZ_CHECK(s.content.begin <= s.content.end && s.content.end <= n);
    if (s.type != whosaid::quotes::QuoteType::kIndirect) {
      FUZZ_CHECK(s.outer.contains(s.content));
      FUZZ_CHECK(s.outer.begin >= last_end);
      last_end = s.outer.end;
    }
    FUZZ_CHECK(q.attribution.confidence >= 0.0 && q.attribution.confidence <= 1.0);
    (void)doc->CodePointOffset(s.content.begin);
    (void)doc->CodePointOffset(s.content.end);
    (void)doc->Slice(s.content);
    if (q.attribution.mention_span) {
      FUZZ_CHECK(q.attribution.mention_span->begin <= q.attribution.mention_span->end);
      FUZZ_CHECK(q.attribution.mention_span->end <= n);
      (void)doc->CodePointOffset(q.attribution.mention_span->begin);
      (void)doc->CodePointOffset(q.attribution.mention_span->end);
      if (q.attribution.mention) {
        FUZZ_CHECK(*q.attribution.mention == doc->Slice(*q.attribution.mention_span));
      }
    }
    for (const auto* field : {&q.attribution.speaker, &q.attribution.mention, &q.attribution.role,
                              &q.attribution.cue}) {
      if (*field) FUZZ_CHECK(whosaid::text::FindInvalidUtf8(**field) == std::string::npos);
    }
  }
}

}  // namespace
