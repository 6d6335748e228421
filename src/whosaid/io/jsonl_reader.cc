#include "whosaid/io/jsonl_reader.h"

#include <algorithm>
#include <exception>
#include <string_view>
#include <utility>

#include "whosaid/text/utf8.h"

namespace whosaid::io {
namespace {

// A line buffer larger than this is released after use, so that one huge line does not
// pin its memory for the rest of the stream.
constexpr size_t kKeepBufferBytes = size_t{4} << 20;
// Parser messages quote the token read so far, which can be megabytes long: cut them.
constexpr size_t kMaxMessageBytes = 300;

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

// The parser's message, cut to kMaxMessageBytes at a code point boundary, with ill-formed
// UTF-8 and control characters (which it quotes from the input) replaced, so it is safe to
// print or to put into JSON.
std::string CleanMessage(std::string_view m) {
  std::string out;
  out.reserve(std::min(m.size(), kMaxMessageBytes) + 4);
  size_t i = 0;
  while (i < m.size()) {
    if (out.size() >= kMaxMessageBytes) {
      out.append("...");
      break;
    }
    const auto c = static_cast<unsigned char>(m[i]);
    if (c < 0x20 || c == 0x7F) {
      out.push_back('?');
      ++i;
      continue;
    }
    const text::Decoded d = text::DecodeAt(m, i);
    if (d.valid) {
      out.append(m.data() + i, d.len);
    } else {
      text::AppendUtf8(out, text::kReplacementChar);
    }
    i += d.len;
  }
  return out;
}

const char* TypeName(const nlohmann::json& j) { return j.type_name(); }

}  // namespace

JsonlReader::JsonlReader(std::istream& in, std::string source_name)
    : in_(in), source_name_(std::move(source_name)) {}

JsonlReader::Kind JsonlReader::Next(InputDocument* doc, InputError* error) {
  while (!done_) {
    if (line_buf_.capacity() > kKeepBufferBytes) std::string().swap(line_buf_);
    bool got = false;
    bool failed = false;
    try {
      got = static_cast<bool>(std::getline(in_, line_buf_));
    } catch (const std::exception&) {  // a stream with exceptions() set, or bad_alloc
      failed = true;
    }
    if (!got) {
      done_ = true;
      if (failed || in_.bad()) {
        error->line = line_ + 1;
        error->message = "line " + std::to_string(line_ + 1) + ": read error";
        return Kind::kError;
      }
      break;
    }
    ++line_;
    if (!line_buf_.empty() && line_buf_.back() == '\r') line_buf_.pop_back();
    if (line_ == 1 && line_buf_.compare(0, 3, "\xEF\xBB\xBF") == 0) line_buf_.erase(0, 3);
    if (IsBlank(line_buf_)) continue;
    return ParseLine(doc, error);
  }
  return Kind::kEnd;
}

JsonlReader::Kind JsonlReader::ParseLine(InputDocument* doc, InputError* error) {
  const std::string where = "line " + std::to_string(line_) + ": ";
  auto fail = [&](std::string message) {
    error->line = line_;
    error->message = where + message;
    return Kind::kError;
  };

  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line_buf_);
  } catch (const nlohmann::json::exception& e) {
    return fail("invalid JSON: " + CleanMessage(e.what()));
  } catch (const std::exception& e) {  // std::bad_alloc on a huge line
    return fail(std::string("cannot parse: ") + CleanMessage(e.what()));
  }
  if (!j.is_object()) {
    return fail(std::string("expected a JSON object, got ") + TypeName(j));
  }

  auto text_it = j.find("text");
  if (text_it == j.end()) return fail("no string field \"text\"");
  if (!text_it->is_string()) {
    return fail(std::string("no string field \"text\" (\"text\" is ") + TypeName(*text_it) + ")");
  }

  std::string id;
  auto id_it = j.find("id");
  if (id_it == j.end() || id_it->is_null()) {
    id = source_name_ + ":" + std::to_string(line_);
  } else if (id_it->is_string()) {
    id = std::move(id_it->get_ref<std::string&>());
  } else if (id_it->is_number()) {
    id = id_it->dump();
  } else {
    return fail(std::string("field \"id\" must be a string or a number, not ") + TypeName(*id_it));
  }

  doc->id = std::move(id);
  doc->text = std::move(text_it->get_ref<std::string&>());
  doc->line = line_;
  j.erase("text");
  j.erase("id");
  if (j.empty()) {
    doc->meta = nullptr;
  } else {
    doc->meta = std::move(j);
  }
  return Kind::kDocument;
}

}  // namespace whosaid::io
