#include "whosaid/serve/api_error.h"

#include <nlohmann/json.hpp>

namespace whosaid::serve {

std::string ApiError::ToJson() const {
  nlohmann::ordered_json j;
  j["error"] = error;
  j["message"] = message;
  j["status"] = status;
  if (line) j["line"] = *line;
  if (byte_offset) j["byte_offset"] = *byte_offset;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

HttpResponse ApiError::ToResponse() const {
  HttpResponse r;
  r.status = status;
  r.content_type = "application/json";
  r.body = ToJson();
  return r;
}

ApiError FromStatus(const Status& status, std::string error_code) {
  ApiError e;
  e.error = std::move(error_code);
  e.message = status.message();
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kInvalidUtf8:
    case StatusCode::kParseError:
      e.status = 400;
      break;
    case StatusCode::kLimitExceeded:
      e.status = 413;
      break;
    default:
      e.status = 500;
  }
  return e;
}

}  // namespace whosaid::serve
