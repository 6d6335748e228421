// What the quote store keeps of one document: its id, content hash, metadata and its quotes
// as whosaid reports them (code point and byte offsets, speaker, role, cue, rule,
// confidence). Built either from a fresh extraction or from records whosaid wrote earlier
// with --format jsonl, so `db ingest` and `db import` of the same stories store the same.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/record.h"
#include "whosaid/status.h"
#include "whosaid/text/document.h"

namespace whosaid::store {

// One quote at one place in one document: the fields of a whosaid JSONL record.
struct StoredQuote {
  std::string text;                       // the quote as it reads in this document
  uint32_t start = 0, end = 0;            // code point offsets
  uint32_t byte_start = 0, byte_end = 0;  // UTF-8 byte offsets
  std::string type = "direct";            // direct, partial or indirect
  std::optional<std::string> speaker;     // canonical name; nullopt when unknown
  std::optional<std::string> mention;
  std::optional<uint32_t> speaker_start, speaker_end;  // code points
  std::optional<std::string> role;
  std::optional<std::string> cue;
  std::string rule;  // empty when nothing decided
  double confidence = 0;
  bool unclosed = false, multi_paragraph = false;
};

struct StoredDocument {
  std::string id;                           // the document id (file path or JSONL id)
  std::optional<std::string> content_hash;  // SHA-256 of the text; nullopt for imports
  nlohmann::json meta;                      // object (url, published, outlet, title, …) or null
  std::vector<StoredQuote> quotes;          // document order
};

// The document's quotes as the JSONL formatter would write them (same offsets, text and
// confidence rounded to three decimals), with the SHA-256 of its text. `meta` may be null.
StoredDocument FromExtraction(const text::Document& doc, const nlohmann::json* meta,
                              const ExtractResult& result);

// One line of whosaid's JSONL output: the document it belongs to and the quote.
struct ResultRecord {
  std::string doc;
  nlohmann::json meta;  // the record's "meta", or null
  StoredQuote quote;
};

// Parses one JSONL output record. Needs string "doc" and "quote", integer "start" and "end"
// and a known "type"; every other field is optional and unknown fields are ignored. Returns
// a kParseError naming the first problem.
Result<ResultRecord> ParseResultRecord(std::string_view line);

// The metadata fields the store keeps in their own columns: string values of "url",
// "published", "outlet" and "title" in `meta` (nullopt when absent or not a string).
std::optional<std::string> MetaString(const nlohmann::json& meta, const char* key);

// `meta` as the documents table keeps it: compact JSON of a non-empty object, else nullopt.
std::optional<std::string> MetaJson(const nlohmann::json& meta);

}  // namespace whosaid::store
