// Formats extraction results as JSON Lines, JSON or CSV. Formatting is a pure function of
// one document's results, so parallel workers can format and a single writer can emit the
// strings in input order.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "whosaid/record.h"
#include "whosaid/status.h"
#include "whosaid/text/document.h"

namespace whosaid::output {

enum class Format { kJsonl, kJson, kCsv };

// Parses "jsonl", "json" or "csv".
Result<Format> ParseFormat(std::string_view name);

struct FormatterOptions {
  bool explain = false;  // add the deciding rule's slot values to each record
  // Format::kJsonl only (ignored by the others): one line per document,
  // {"doc","meta","quotes":[records],"speakers":[...]}, also for a document without quotes
  // and (FormatFailure) for one that failed, so that a stream reader can join outputs to
  // inputs one to one.
  bool per_document = false;
};

class Formatter {
 public:
  static std::unique_ptr<Formatter> Create(Format format, FormatterOptions options = {});
  virtual ~Formatter() = default;

  // Written once before the first document (CSV header row, "[" for JSON).
  virtual std::string Header() const = 0;
  // Everything for one document. `meta` (may be null) is carried under "meta" in every
  // record (JSON: in the document object; CSV: as a JSON string column). `first` tells
  // whether this is the first document written (JSON needs separators).
  virtual std::string FormatDocument(const text::Document& doc, const nlohmann::json* meta,
                                     const ExtractResult& result, bool first) const = 0;
  // What a document that failed (`error`, the message that names it) leaves in the output:
  // nothing, except with FormatterOptions::per_document, where it is its line
  // {"doc","meta","error","quotes":[],"speakers":[]}.
  virtual std::string FormatFailure(std::string_view /*doc_id*/, const nlohmann::json* /*meta*/,
                                    std::string_view /*error*/) const {
    return {};
  }
  // Written once after the last document ("]" for JSON).
  virtual std::string Footer() const = 0;
};

}  // namespace whosaid::output
