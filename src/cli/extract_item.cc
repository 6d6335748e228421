#include "cli/extract_item.h"

namespace whosaid::cli {

ExtractedItem ExtractItem(const Extractor& extractor, const text::DocumentOptions& doc_options,
                          InputItem item) {
  ExtractedItem out;
  if (item.error) {
    out.error = *item.error;
    return out;
  }
  // A JSONL record's messages also name its line: "stories.jsonl: line 7: document d7 …".
  const std::string prefix = item.where.empty() ? "" : item.where + ": ";
  auto doc = text::Document::FromBytes(item.id, std::move(item.bytes), doc_options);
  if (!doc.ok()) {
    out.error = prefix + doc.status().message();
    out.meta = std::move(item.meta);
    return out;
  }
  out.warning = std::move(item.warning);
  if (doc->had_invalid_bytes()) {
    out.warning += (out.warning.empty() ? "" : "; ") + prefix + "document " + item.id +
                   ": invalid UTF-8 bytes read as U+FFFD (--lenient)";
  } else if (out.warning.empty() &&
             doc->text().find_first_not_of(" \t\r\n") == std::string_view::npos) {
    out.warning = prefix + "document " + item.id + ": empty";
  }
  out.result = extractor.Extract(*doc);
  out.meta = std::move(item.meta);
  out.doc = std::move(doc).value();
  return out;
}

}  // namespace whosaid::cli
