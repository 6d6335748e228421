#include "whosaid/serve/content_negotiation.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "whosaid/text/char_class.h"

namespace whosaid::serve {
namespace {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return text::AsciiLower(s.substr(b, e - b));
}

struct Range {
  std::string type;  // "application/json", "*/*"
  double q = 1;
  size_t order = 0;
};

// The media ranges of an Accept header, best first (q, then the client's order); q=0 left out.
std::vector<Range> ParseAccept(std::string_view accept) {
  std::vector<Range> ranges;
  size_t pos = 0;
  while (pos <= accept.size()) {
    size_t comma = accept.find(',', pos);
    if (comma == std::string_view::npos) comma = accept.size();
    std::string_view item = accept.substr(pos, comma - pos);
    pos = comma + 1;
    Range r;
    r.order = ranges.size();
    size_t semi = item.find(';');
    r.type = Trim(item.substr(0, semi));
    while (semi != std::string_view::npos) {
      size_t next = item.find(';', semi + 1);
      std::string param = Trim(item.substr(
          semi + 1, next == std::string_view::npos ? std::string_view::npos : next - semi - 1));
      if (param.rfind("q=", 0) == 0) r.q = std::strtod(param.c_str() + 2, nullptr);
      semi = next;
    }
    if (!r.type.empty() && r.q > 0) ranges.push_back(std::move(r));
  }
  std::stable_sort(ranges.begin(), ranges.end(),
                   [](const Range& a, const Range& b) { return a.q > b.q; });
  return ranges;
}

// The first offered format a range of the header takes, in the header's preference.
template <typename F>
Result<F> Negotiate(std::string_view accept, const std::vector<std::pair<const char*, F>>& offers,
                    F fallback, const char* offered) {
  if (Trim(accept).empty()) return fallback;
  for (const Range& r : ParseAccept(accept)) {
    if (r.type == "*/*" || r.type == "application/*") return fallback;
    for (const auto& [type, format] : offers) {
      if (r.type == type) return format;
    }
    if (r.type == "text/*") {
      for (const auto& [type, format] : offers) {
        if (std::string_view(type).rfind("text/", 0) == 0) return format;
      }
    }
  }
  return InvalidArgument("cannot answer in any type the Accept header names (\"" +
                         std::string(accept) + "\"); offered: " + offered);
}

}  // namespace

Result<output::Format> NegotiateRecordFormat(std::string_view accept) {
  static const std::vector<std::pair<const char*, output::Format>> kOffers = {
      {"application/x-ndjson", output::Format::kJsonl},
      {"application/jsonl", output::Format::kJsonl},
      {"application/json-lines", output::Format::kJsonl},
      {"application/json", output::Format::kJson},
      {"text/csv", output::Format::kCsv},
  };
  return Negotiate(accept, kOffers, output::Format::kJsonl,
                   "application/x-ndjson, application/json, text/csv");
}

Result<store::RowFormat> NegotiateRowFormat(std::string_view accept) {
  static const std::vector<std::pair<const char*, store::RowFormat>> kOffers = {
      {"application/x-ndjson", store::RowFormat::kJsonl},
      {"application/jsonl", store::RowFormat::kJsonl},
      {"application/json-lines", store::RowFormat::kJsonl},
      {"application/json", store::RowFormat::kJson},
      {"text/csv", store::RowFormat::kCsv},
      {"text/plain", store::RowFormat::kText},
  };
  return Negotiate(accept, kOffers, store::RowFormat::kJsonl,
                   "application/x-ndjson, application/json, text/csv, text/plain");
}

const char* ContentTypeOf(output::Format format) {
  switch (format) {
    case output::Format::kJson:
      return "application/json";
    case output::Format::kCsv:
      return "text/csv; charset=utf-8";
    default:
      return "application/x-ndjson";
  }
}

const char* ContentTypeOf(store::RowFormat format) {
  switch (format) {
    case store::RowFormat::kJson:
      return "application/json";
    case store::RowFormat::kCsv:
      return "text/csv; charset=utf-8";
    case store::RowFormat::kText:
      return "text/plain; charset=utf-8";
    default:
      return "application/x-ndjson";
  }
}

Result<BodyKind> BodyKindOf(std::string_view content_type) {
  const std::string type = Trim(content_type.substr(0, content_type.find(';')));
  // curl --data-binary sends application/x-www-form-urlencoded unless told otherwise.
  if (type.empty() || type == "text/plain" || type == "application/x-www-form-urlencoded") {
    return BodyKind::kText;
  }
  if (type == "application/json") return BodyKind::kJsonObject;
  if (type == "application/x-ndjson" || type == "application/jsonl" ||
      type == "application/json-lines") {
    return BodyKind::kJsonLines;
  }
  return InvalidArgument("cannot read a body of type \"" + std::string(content_type) +
                         "\"; send text/plain (one story), application/json (one {\"id\", "
                         "\"text\"} object) or application/x-ndjson (one object per line)");
}

}  // namespace whosaid::serve
