#include "whosaid/store/records.h"

#include <algorithm>
#include <cmath>

#include "whosaid/quotes/quote_span.h"
#include "whosaid/store/sha256.h"

namespace whosaid::store {
namespace {

text::ByteSpan Clamp(text::ByteSpan span, size_t size) {
  const auto n = static_cast<uint32_t>(std::min<size_t>(size, UINT32_MAX));
  span.end = std::min(span.end, n);
  span.begin = std::min(span.begin, span.end);
  return span;
}

// As the output formatters print it, so a stored quote equals its JSONL record.
double Round3(double x) { return std::isfinite(x) ? std::round(x * 1000.0) / 1000.0 : 0.0; }

std::optional<std::string> OptionalString(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

std::optional<uint32_t> OptionalOffset(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number_unsigned()) return std::nullopt;
  const auto v = it->get<uint64_t>();
  if (v > UINT32_MAX) return std::nullopt;
  return static_cast<uint32_t>(v);
}

}  // namespace

StoredDocument FromExtraction(const text::Document& doc, const nlohmann::json* meta,
                              const ExtractResult& result) {
  StoredDocument out;
  out.id = doc.id();
  out.content_hash = Sha256Hex(doc.text());
  if (meta != nullptr && meta->is_object() && !meta->empty()) out.meta = *meta;
  out.quotes.reserve(result.quotes.size());
  for (const QuoteRecord& rec : result.quotes) {
    StoredQuote q;
    const text::ByteSpan content = Clamp(rec.span.content, doc.size());
    q.text = doc.had_invalid_bytes() ? doc.Slice(content) : std::string(doc.View(content));
    q.byte_start = content.begin;
    q.byte_end = content.end;
    q.start = doc.CodePointOffset(content.begin);
    q.end = doc.CodePointOffset(content.end);
    q.type = std::string(quotes::QuoteTypeName(rec.span.type));
    const Attribution& a = rec.attribution;
    q.speaker = a.speaker;
    q.mention = a.mention;
    if (a.mention_span) {
      const text::ByteSpan m = Clamp(*a.mention_span, doc.size());
      q.speaker_start = doc.CodePointOffset(m.begin);
      q.speaker_end = doc.CodePointOffset(m.end);
    }
    q.role = a.role;
    q.cue = a.cue;
    q.rule = a.rule;
    q.confidence = Round3(a.confidence);
    q.unclosed = rec.span.unclosed;
    q.multi_paragraph = rec.span.multi_paragraph;
    out.quotes.push_back(std::move(q));
  }
  return out;
}

Result<ResultRecord> ParseResultRecord(std::string_view line) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return ParseError("invalid JSON");
  if (!j.is_object()) return ParseError("not a JSON object");
  ResultRecord r;
  auto doc = OptionalString(j, "doc");
  if (!doc) return ParseError("no string field \"doc\"");
  r.doc = std::move(*doc);
  auto text = OptionalString(j, "quote");
  if (!text) return ParseError("no string field \"quote\"");
  StoredQuote& q = r.quote;
  q.text = std::move(*text);
  auto start = OptionalOffset(j, "start"), end = OptionalOffset(j, "end");
  if (!start || !end) return ParseError("no integer fields \"start\" and \"end\"");
  q.start = *start;
  q.end = *end;
  q.byte_start = OptionalOffset(j, "byte_start").value_or(0);
  q.byte_end = OptionalOffset(j, "byte_end").value_or(0);
  auto type = OptionalString(j, "type");
  if (!type || (*type != "direct" && *type != "partial" && *type != "indirect")) {
    return ParseError("field \"type\" must be direct, partial or indirect");
  }
  q.type = std::move(*type);
  q.speaker = OptionalString(j, "speaker");
  q.mention = OptionalString(j, "mention");
  q.speaker_start = OptionalOffset(j, "speaker_start");
  q.speaker_end = OptionalOffset(j, "speaker_end");
  q.role = OptionalString(j, "role");
  q.cue = OptionalString(j, "cue");
  q.rule = OptionalString(j, "rule").value_or("");
  if (auto it = j.find("confidence"); it != j.end() && it->is_number()) {
    q.confidence = Round3(it->get<double>());
  }
  if (auto it = j.find("unclosed"); it != j.end() && it->is_boolean()) q.unclosed = *it;
  if (auto it = j.find("multi_paragraph"); it != j.end() && it->is_boolean()) {
    q.multi_paragraph = *it;
  }
  if (auto it = j.find("meta"); it != j.end() && it->is_object() && !it->empty()) {
    r.meta = std::move(*it);
  }
  return r;
}

std::optional<std::string> MetaString(const nlohmann::json& meta, const char* key) {
  if (!meta.is_object()) return std::nullopt;
  return OptionalString(meta, key);
}

std::optional<std::string> MetaJson(const nlohmann::json& meta) {
  if (!meta.is_object() || meta.empty()) return std::nullopt;
  return meta.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace whosaid::store
