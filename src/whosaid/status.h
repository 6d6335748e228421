// Errors are values across the whosaid API, as in RE2 and simdjson: a function that can
// fail returns a Status, or a Result<T> that holds either a value or a Status. Nothing
// in the library throws to its caller.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace whosaid {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // a caller's argument or option is wrong
  kInvalidUtf8,      // a document is not valid UTF-8 (message names the byte offset)
  kParseError,       // a rule file, JSON line or other structured input is malformed
  kIoError,          // a file cannot be read or written
  kLimitExceeded,    // a configured limit (document size, …) was reached
  kDatabaseError,    // the quote database refused an operation
  kInternal,         // a bug: please report it
};

// Name of a status code ("invalid_utf8"), for messages and logs.
const char* StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  // Human-readable message; empty when ok().
  const std::string& message() const { return message_; }
  // "code: message", for logs.
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
inline Status ParseError(std::string m) { return {StatusCode::kParseError, std::move(m)}; }
inline Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
inline Status LimitExceeded(std::string m) { return {StatusCode::kLimitExceeded, std::move(m)}; }
inline Status DatabaseError(std::string m) { return {StatusCode::kDatabaseError, std::move(m)}; }
inline Status InternalError(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

// Either a T or a non-OK Status. Accessing value() of an error Result is a bug (asserted).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {}  // NOLINT: must not be OK

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(data_);
  }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace whosaid
