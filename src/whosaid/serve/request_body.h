// A request body as the documents it holds: one story (text/plain), one {"id","text",...}
// object (application/json) or one per line (JSON Lines), read as `whosaid` and
// `whosaid --input jsonl` read them. The whole body is checked before anything is
// extracted, so a bad line fails the request (400) instead of giving partial results.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "whosaid/io/jsonl_reader.h"
#include "whosaid/serve/api_error.h"
#include "whosaid/serve/content_negotiation.h"

namespace whosaid::serve {

struct BodyOptions {
  std::string text_id = "request";  // the id of a text/plain story
  bool lenient = false;             // text/plain: invalid UTF-8 read as U+FFFD
};

// The documents, or the error that names the problem: invalid UTF-8 with its byte offset
// and line, malformed JSON or a line without "text" with its line, an empty body.
std::variant<std::vector<io::InputDocument>, ApiError> ReadBody(BodyKind kind, std::string body,
                                                                const BodyOptions& options);

}  // namespace whosaid::serve
