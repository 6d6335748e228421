// Streaming reader of JSON Lines input: one document per line, {"id": ..., "text": ...,
// other fields...}. It holds one line at a time, so a stream of any size can be read, and a
// bad line costs only that line: the reader reports it and moves on.
#pragma once

#include <cstddef>
#include <istream>
#include <nlohmann/json.hpp>
#include <string>

namespace whosaid::io {

// One document read from a JSONL line.
struct InputDocument {
  std::string id;       // the "id" field; a number as its JSON text; "<source>:<line>" if absent
  std::string text;     // the "text" field (valid UTF-8: the JSON parser checks it)
  nlohmann::json meta;  // an object of every field other than id and text, or null if none
  size_t line = 0;      // 1-based line number in the stream
};

// A line that could not be read as a document.
struct InputError {
  size_t line = 0;      // 1-based line number (for a read error: the line that failed)
  std::string message;  // "line 7: no string field \"text\"" (starts with "line N: ")
};

class JsonlReader {
 public:
  enum class Kind {
    kDocument,  // *doc holds the next document
    kError,     // *error describes a bad line; the next call continues with the next line
    kEnd,       // the stream is exhausted; every later call returns kEnd too
  };

  // Reads from `in`, which must outlive the reader. `source_name` ("-" for stdin, or a path)
  // names the stream in default ids.
  JsonlReader(std::istream& in, std::string source_name);

  // Reads lines until one yields a document or an error, skipping blank lines (empty or
  // only spaces and tabs; a trailing "\r" is dropped first). A final line without "\n" is
  // read too. Lines may be of any length. A line fails when it is not valid JSON (including
  // ill-formed UTF-8), is not an object, has no string "text", or has an "id" that is
  // neither a string, a number nor null. When the stream itself fails (badbit) the reader
  // reports one kError ("read error") and then kEnd. Only the output named by the returned
  // Kind is written; both pointers must be non-null. Never throws.
  Kind Next(InputDocument* doc, InputError* error);

  // Number of the last line read (0 before the first).
  size_t line() const { return line_; }
  const std::string& source_name() const { return source_name_; }

 private:
  // Parses line_buf_ (line number line_). Returns kDocument or kError.
  Kind ParseLine(InputDocument* doc, InputError* error);

  std::istream& in_;
  std::string source_name_;
  std::string line_buf_;
  size_t line_ = 0;
  bool done_ = false;
};

}  // namespace whosaid::io
