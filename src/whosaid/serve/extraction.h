// Extraction with per-request options. The rule set, word lists and segmenter of one
// Extractor are shared (read-only, thread-safe); what a request may change (all_marks,
// indirect, explain) lives in the attributor's options, and an Attributor is a few
// references and flags, so each request gets its own.
#pragma once

#include "whosaid/extractor.h"
#include "whosaid/serve/query_options.h"

namespace whosaid::serve {

// What extractor.Extract(doc) gives with the request's options instead of the extractor's.
ExtractResult ExtractWith(const Extractor& extractor, const text::Document& doc,
                          const ExtractParams& params);

}  // namespace whosaid::serve
