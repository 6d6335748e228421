// One input item through validation and extraction: the step that `whosaid` (which formats
// the result) and `whosaid db ingest` (which stores it) share.
#pragma once

#include <optional>
#include <string>

#include "cli/input_source.h"
#include "whosaid/extractor.h"

namespace whosaid::cli {

struct ExtractedItem {
  std::optional<text::Document> doc;  // set unless the item failed
  ExtractResult result;
  nlohmann::json meta;                // the item's JSONL fields (null when none), also on error
  std::string error;                  // non-empty when the item failed (names the document)
  std::string warning;                // e.g. invalid bytes read leniently
  const nlohmann::json* meta_or_null() const { return meta.is_null() ? nullptr : &meta; }
};

// Reads `item` as a document (failing it on invalid UTF-8 unless lenient) and extracts it.
ExtractedItem ExtractItem(const Extractor& extractor, const text::DocumentOptions& doc_options,
                          InputItem item);

}  // namespace whosaid::cli
