// Query parameters of the service's endpoints, checked: an unknown name or a value that is
// not of its kind is an InvalidArgument naming it (the service answers 400).
//
//   POST /v1/extract?all_marks=1&explain=true&indirect=0&per_document=1&id=story.txt
//   GET  /v1/search?q=pipe*&speaker=Hannah%20Cole&since=2024-01-01&limit=20
//   GET  /v1/quotes?speaker=Rosa%20Delgado   or   ?doc=examples/council_vote.txt
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "whosaid/serve/http_types.h"
#include "whosaid/status.h"
#include "whosaid/store/quote_store.h"

namespace whosaid::serve {

// The CLI's extraction options, per request. Booleans: 1/true/yes/on, 0/false/no/off, or
// empty (the name alone) for true.
struct ExtractParams {
  bool all_marks = false;      // --all-marks
  bool explain = false;        // --explain
  bool indirect = true;        // the opposite of --no-indirect
  bool per_document = false;   // --per-document (JSON Lines only)
  bool lenient = false;        // --lenient
  std::string id = "request";  // the document id of a text/plain body
};

Result<ExtractParams> ParseExtractParams(const QueryParams& params);

// /v1/search: q (words), speaker, since (YYYY-MM-DD), limit (default 50; 0: all). Something
// to search for is required, as for `whosaid db search`.
Result<store::SearchOptions> ParseSearchParams(const QueryParams& params);

// /v1/quotes: the quotes of one speaker (speaker, since), or every quote of one story (doc).
struct QuotesParams {
  std::optional<std::string> speaker;
  std::optional<std::string> since;
  std::optional<std::string> doc;
};
Result<QuotesParams> ParseQuotesParams(const QueryParams& params);

// Endpoints without parameters: any parameter is unknown.
Status CheckNoParams(const QueryParams& params);

// "YYYY-MM-DD" with a plausible month and day.
bool IsIsoDate(const std::string& s);

}  // namespace whosaid::serve
