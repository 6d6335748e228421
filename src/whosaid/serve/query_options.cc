#include "whosaid/serve/query_options.h"

#include <charconv>
#include <set>
#include <string_view>
#include <utility>

namespace whosaid::serve {
namespace {

Status Unknown(const std::string& name, const char* known) {
  return InvalidArgument("unknown query option \"" + name + "\" (known: " + known + ")");
}

Status Repeated(const std::string& name) {
  return InvalidArgument("query option \"" + name + "\" given more than once");
}

// Sets *out from a boolean parameter value: 1/true/yes/on, 0/false/no/off, or empty (the
// name alone) for true.
Status ParseBool(const std::string& name, const std::string& value, bool* out) {
  static constexpr std::pair<std::string_view, bool> kValues[] = {
      {"", true},   {"1", true},      {"true", true}, {"yes", true},  {"on", true},
      {"0", false}, {"false", false}, {"no", false},  {"off", false},
  };
  for (const auto& [text, meaning] : kValues) {
    if (value == text) {
      *out = meaning;
      return Status::Ok();
    }
  }
  return InvalidArgument("query option \"" + name + "\" takes true or false, not \"" + value +
                         "\"");
}

// Checks that no name repeats.
Status CheckUnique(const QueryParams& params) {
  std::set<std::string> seen;
  for (const auto& [name, value] : params) {
    if (!seen.insert(name).second) return Repeated(name);
  }
  return Status::Ok();
}

}  // namespace

bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  const int day = (s[8] - '0') * 10 + (s[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

Result<ExtractParams> ParseExtractParams(const QueryParams& params) {
  if (Status s = CheckUnique(params); !s.ok()) return s;
  ExtractParams p;
  for (const auto& [name, value] : params) {
    Status s;
    if (name == "all_marks") {
      s = ParseBool(name, value, &p.all_marks);
    } else if (name == "explain") {
      s = ParseBool(name, value, &p.explain);
    } else if (name == "indirect") {
      s = ParseBool(name, value, &p.indirect);
    } else if (name == "per_document") {
      s = ParseBool(name, value, &p.per_document);
    } else if (name == "lenient") {
      s = ParseBool(name, value, &p.lenient);
    } else if (name == "id") {
      if (value.empty()) return InvalidArgument("query option \"id\" is empty");
      p.id = value;
    } else {
      return Unknown(name, "all_marks, explain, indirect, per_document, lenient, id");
    }
    if (!s.ok()) return s;
  }
  return p;
}

Result<store::SearchOptions> ParseSearchParams(const QueryParams& params) {
  if (Status s = CheckUnique(params); !s.ok()) return s;
  store::SearchOptions o;
  for (const auto& [name, value] : params) {
    if (name == "q") {
      o.words = value;
    } else if (name == "speaker") {
      if (!value.empty()) o.speaker = value;
    } else if (name == "since") {
      if (!IsIsoDate(value)) {
        return InvalidArgument("query option \"since\" takes a day as YYYY-MM-DD, not \"" + value +
                               "\"");
      }
      o.since = value;
    } else if (name == "limit") {
      size_t n = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (value.empty() || ec != std::errc() || end != value.data() + value.size()) {
        return InvalidArgument("query option \"limit\" takes a whole number, not \"" + value +
                               "\"");
      }
      o.limit = n;
    } else {
      return Unknown(name, "q, speaker, since, limit");
    }
  }
  if (o.words.find_first_not_of(" \t") == std::string::npos && !o.speaker && !o.since) {
    return InvalidArgument("nothing to search for: give q, speaker or since");
  }
  return o;
}

Result<QuotesParams> ParseQuotesParams(const QueryParams& params) {
  if (Status s = CheckUnique(params); !s.ok()) return s;
  QuotesParams p;
  for (const auto& [name, value] : params) {
    if (name == "speaker") {
      p.speaker = value;
    } else if (name == "doc") {
      p.doc = value;
    } else if (name == "since") {
      if (!IsIsoDate(value)) {
        return InvalidArgument("query option \"since\" takes a day as YYYY-MM-DD, not \"" + value +
                               "\"");
      }
      p.since = value;
    } else {
      return Unknown(name, "speaker, doc, since");
    }
  }
  if (p.speaker.has_value() == p.doc.has_value()) {
    return InvalidArgument("give either speaker (a speaker's quotes) or doc (a story's quotes)");
  }
  return p;
}

Status CheckNoParams(const QueryParams& params) {
  if (!params.empty())
    return InvalidArgument("unknown query option \"" + params[0].first +
                           "\" (this endpoint takes none)");
  return Status::Ok();
}

}  // namespace whosaid::serve
