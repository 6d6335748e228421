// The service's errors: an HTTP status and a JSON body that names the problem,
//   {"error": "invalid_utf8", "message": "…", "status": 400, "byte_offset": 41}
// with "line" (malformed JSON) or "byte_offset" (invalid UTF-8) when known.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "whosaid/serve/http_types.h"
#include "whosaid/status.h"

namespace whosaid::serve {

struct ApiError {
  int status = 400;
  std::string error;    // a stable code: "invalid_utf8", "malformed_json", "unknown_option", …
  std::string message;  // for people
  std::optional<size_t> line;         // 1-based line of the body
  std::optional<size_t> byte_offset;  // 0-based byte of the body

  // {"error","message","status"[,"line"][,"byte_offset"]}
  std::string ToJson() const;
  HttpResponse ToResponse() const;
};

// A library Status as the service reports it: invalid arguments 400, limits 413, database
// and internal errors 500.
ApiError FromStatus(const Status& status, std::string error_code);

}  // namespace whosaid::serve
