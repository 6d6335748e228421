// What the quote store's queries return.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "whosaid/store/records.h"

namespace whosaid::store {

struct Counts {
  int64_t documents = 0, speakers = 0, quotes = 0, occurrences = 0;
  friend bool operator==(const Counts&, const Counts&) = default;
};

// The document a quote occurrence was found in.
struct DocumentInfo {
  std::string id;  // the document id (file path or JSONL id)
  std::optional<std::string> url, published, outlet, title;
};

// One place a quote was found: the document and the quote as it was reported there.
struct Occurrence {
  DocumentInfo document;
  StoredQuote quote;
};

// One quote (the same words from one speaker) with the places it was found.
struct QuoteHit {
  int64_t quote_id = 0;
  std::string text;                    // as first stored
  std::optional<std::string> speaker;  // canonical name; nullopt when unknown
  std::string type;                    // of its most confident occurrence, as are cue, rule
  std::optional<std::string> cue;
  std::string rule;
  double confidence = 0;
  double score = 0;  // search relevance (FTS5 bm25, higher is better); 0 in listings
  std::vector<Occurrence> occurrences;  // oldest publication first, undated last
};

struct SpeakerRole {
  std::string role;
  std::vector<std::string> documents;  // ids of the documents that gave this role
};

struct SpeakerInfo {
  int64_t speaker_id = 0;
  std::string name;
  int64_t quotes = 0;       // distinct quotes
  int64_t occurrences = 0;  // times quoted
  int64_t documents = 0;    // documents quoting them
  // For a speaker that is not shared across stories ("the company", "police"): the id of
  // the document it belongs to. nullopt for personal names and named bodies.
  std::optional<std::string> story;
  std::vector<SpeakerRole> roles;
};

// One occurrence as `db export` writes it: a whosaid JSONL record plus the quote's id.
struct ExportRow {
  int64_t quote_id = 0;
  std::string doc;
  const nlohmann::json* meta = nullptr;  // the document's metadata object, or null
  StoredQuote quote;
};

}  // namespace whosaid::store
