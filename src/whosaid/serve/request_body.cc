#include "whosaid/serve/request_body.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include "whosaid/text/utf8.h"

namespace whosaid::serve {
namespace {

ApiError BadRequest(std::string code, std::string message) {
  ApiError e;
  e.status = 400;
  e.error = std::move(code);
  e.message = std::move(message);
  return e;
}

size_t LineOf(const std::string& body, size_t byte) {
  return 1 + static_cast<size_t>(std::count(body.begin(), body.begin() + byte, '\n'));
}

// The JsonlReader's documents, or its first error as a 400 with the line.
std::variant<std::vector<io::InputDocument>, ApiError> ReadLines(const std::string& body) {
  std::istringstream in(body);
  io::JsonlReader reader(in, "request");
  std::vector<io::InputDocument> docs;
  for (;;) {
    io::InputDocument doc;
    io::InputError error;
    const auto kind = reader.Next(&doc, &error);
    if (kind == io::JsonlReader::Kind::kEnd) break;
    if (kind == io::JsonlReader::Kind::kError) {
      const bool syntax = error.message.find("invalid JSON") != std::string::npos;
      // "line 3: invalid JSON: [json.exception.parse_error.101] parse error at line 1,
      // column 9: …": the parser's own position is within the line, so only its column stays.
      std::string message = error.message;
      const size_t tag = message.find("[json.exception.");
      const size_t tag_end = message.find("] ", tag);
      if (tag != std::string::npos && tag_end != std::string::npos) {
        message.erase(tag, tag_end + 2 - tag);
      }
      const size_t at_line = message.find("at line 1, column");
      if (at_line != std::string::npos) message.erase(at_line + 3, 8);
      ApiError e = BadRequest(syntax ? "malformed_json" : "invalid_document",
                              "body: " + message);  // "body: line 3: …"
      e.line = error.line;
      return e;
    }
    docs.push_back(std::move(doc));
  }
  return docs;
}

}  // namespace

std::variant<std::vector<io::InputDocument>, ApiError> ReadBody(BodyKind kind, std::string body,
                                                                const BodyOptions& options) {
  const bool lenient_text = kind == BodyKind::kText && options.lenient;
  if (!lenient_text) {
    const size_t bad = text::FindInvalidUtf8(body);
    if (bad != std::string::npos) {
      ApiError e =
          BadRequest("invalid_utf8",
                     "body: invalid UTF-8 at byte " + std::to_string(bad) + " (line " +
                         std::to_string(LineOf(body, bad)) + ")" +
                         (kind == BodyKind::kText ? "; lenient=1 reads such bytes as U+FFFD" : ""));
      e.byte_offset = bad;
      e.line = LineOf(body, bad);
      return e;
    }
  }
  switch (kind) {
    case BodyKind::kText: {
      std::vector<io::InputDocument> docs(1);
      docs[0].id = options.text_id;
      docs[0].text = std::move(body);
      docs[0].meta = nullptr;
      docs[0].line = 1;
      return docs;
    }
    case BodyKind::kJsonObject: {
      // Parsed here (it may span lines), then read as one JSON line, so that its fields
      // are taken exactly as a JSONL line's.
      nlohmann::json j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded()) {
        // Find where: parse again with exceptions for the position.
        size_t byte = 0;
        std::string what = "invalid JSON";
        try {
          const nlohmann::json again = nlohmann::json::parse(body);
          (void)again;
        } catch (const nlohmann::json::parse_error& pe) {
          byte = std::min(pe.byte > 0 ? pe.byte - 1 : 0, body.size());
          what = pe.what();
          const size_t cut = what.find("] ");
          if (cut != std::string::npos) what = what.substr(cut + 2);
        } catch (const std::exception& ex) {
          what = ex.what();
        }
        ApiError e =
            BadRequest("malformed_json", "body: line " + std::to_string(LineOf(body, byte)) +
                                             ": invalid JSON: " + what);
        e.line = LineOf(body, byte);
        return e;
      }
      if (!j.is_object()) {
        return BadRequest("invalid_document",
                          "body: expected one JSON object {\"id\", \"text\", ...}; send several "
                          "as application/x-ndjson, one per line");
      }
      auto read = ReadLines(j.dump());
      if (auto* e = std::get_if<ApiError>(&read)) {  // "body: line 1: …" of one object
        e->message = "body: " + e->message.substr(e->message.find(": ", 6) + 2);
        e->line.reset();
      }
      return read;
    }
    case BodyKind::kJsonLines: {
      auto read = ReadLines(body);
      if (auto* docs = std::get_if<std::vector<io::InputDocument>>(&read); docs && docs->empty()) {
        return BadRequest("empty_body", "body: no JSON line with a document");
      }
      return read;
    }
  }
  return BadRequest("internal", "unknown body kind");
}

}  // namespace whosaid::serve
