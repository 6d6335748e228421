#include "whosaid/store/row_format.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "whosaid/output/json_escape.h"

namespace whosaid::store {
namespace {

using output::AppendCsvField;
using output::AppendJsonNumber3;
using output::AppendJsonString;
using output::AppendUint;
using Json = nlohmann::ordered_json;

Json OptionalJson(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

double Round3(double x) { return std::isfinite(x) ? std::round(x * 1000.0) / 1000.0 : 0.0; }

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Json HitJson(const QuoteHit& h) {
  Json j;
  j["quote_id"] = h.quote_id;
  j["quote"] = h.text;
  j["speaker"] = OptionalJson(h.speaker);
  j["type"] = h.type;
  j["cue"] = OptionalJson(h.cue);
  j["rule"] = h.rule.empty() ? Json(nullptr) : Json(h.rule);
  j["confidence"] = Round3(h.confidence);
  j["score"] = Round3(h.score);
  Json occurrences = Json::array();
  for (const Occurrence& o : h.occurrences) {
    Json oj;
    oj["doc"] = o.document.id;
    if (o.quote.text != h.text) oj["quote"] = o.quote.text;
    oj["start"] = o.quote.start;
    oj["end"] = o.quote.end;
    oj["mention"] = OptionalJson(o.quote.mention);
    oj["role"] = OptionalJson(o.quote.role);
    oj["cue"] = OptionalJson(o.quote.cue);
    oj["confidence"] = o.quote.confidence;
    if (o.document.published) oj["published"] = *o.document.published;
    if (o.document.outlet) oj["outlet"] = *o.document.outlet;
    if (o.document.title) oj["title"] = *o.document.title;
    if (o.document.url) oj["url"] = *o.document.url;
    occurrences.push_back(std::move(oj));
  }
  j["occurrences"] = std::move(occurrences);
  return j;
}

Json SpeakerJson(const SpeakerInfo& s) {
  Json j;
  j["speaker_id"] = s.speaker_id;
  j["name"] = s.name;
  j["quotes"] = s.quotes;
  j["occurrences"] = s.occurrences;
  j["documents"] = s.documents;
  j["story"] = s.story ? Json(*s.story) : Json();
  Json roles = Json::array();
  for (const SpeakerRole& r : s.roles)
    roles.push_back({{"role", r.role}, {"documents", r.documents}});
  j["roles"] = std::move(roles);
  return j;
}

template <typename T, typename ToJson>
std::string JsonRows(const std::vector<T>& rows, RowFormat format, ToJson to_json) {
  std::string out;
  if (format == RowFormat::kJson) out += "[";
  for (size_t i = 0; i < rows.size(); ++i) {
    if (format == RowFormat::kJson) out += i == 0 ? "\n" : ",\n";
    out += Dump(to_json(rows[i]));
    if (format == RowFormat::kJsonl) out += "\n";
  }
  if (format == RowFormat::kJson) out += rows.empty() ? "]\n" : "\n]\n";
  return out;
}

void AppendCsvOptional(std::string& out, const std::optional<std::string>& s) {
  if (s) AppendCsvField(out, *s);
}

void AppendCsvNumber(std::string& out, double x) {
  std::string n;
  AppendJsonNumber3(n, x);
  if (n != "null") out += n;
}

std::string HitsCsv(const std::vector<QuoteHit>& hits) {
  std::string out =
      "quote_id,score,quote,speaker,type,cue,rule,confidence,doc,start,end,mention,role,"
      "published,outlet,title,url\r\n";
  for (const QuoteHit& h : hits) {
    for (const Occurrence& o : h.occurrences) {
      AppendUint(out, static_cast<uint64_t>(h.quote_id));
      out += ',';
      AppendCsvNumber(out, h.score);
      out += ',';
      AppendCsvField(out, o.quote.text);
      out += ',';
      AppendCsvOptional(out, h.speaker);
      out += ',';
      out += o.quote.type;
      out += ',';
      AppendCsvOptional(out, o.quote.cue);
      out += ',';
      AppendCsvField(out, o.quote.rule);
      out += ',';
      AppendCsvNumber(out, o.quote.confidence);
      out += ',';
      AppendCsvField(out, o.document.id);
      out += ',';
      AppendUint(out, o.quote.start);
      out += ',';
      AppendUint(out, o.quote.end);
      out += ',';
      AppendCsvOptional(out, o.quote.mention);
      out += ',';
      AppendCsvOptional(out, o.quote.role);
      out += ',';
      AppendCsvOptional(out, o.document.published);
      out += ',';
      AppendCsvOptional(out, o.document.outlet);
      out += ',';
      AppendCsvOptional(out, o.document.title);
      out += ',';
      AppendCsvOptional(out, o.document.url);
      out += "\r\n";
    }
  }
  return out;
}

// For reading in a terminal:
//   [3] Lena Ortiz: “We came here ready to sign, and we leave with nothing,”
//       examples/wire_trade_talks.txt 191-245 · said · a former trade negotiator …
std::string HitsText(const std::vector<QuoteHit>& hits) {
  std::string out;
  for (const QuoteHit& h : hits) {
    out += '[';
    out += std::to_string(h.quote_id);
    out += "] ";
    out += h.speaker.value_or("(unknown speaker)");
    out += ": \u201C";
    out += h.text;
    out += "\u201D\n";
    for (const Occurrence& o : h.occurrences) {
      out += "    ";
      out += o.document.id;
      out += ' ';
      out += std::to_string(o.quote.start);
      out += '-';
      out += std::to_string(o.quote.end);
      if (o.document.published) out += " · " + *o.document.published;
      if (o.document.outlet) out += " · " + *o.document.outlet;
      if (o.quote.cue) out += " · " + *o.quote.cue;
      if (o.quote.role) out += " · " + *o.quote.role;
      out += "\n";
    }
  }
  return out;
}

std::string SpeakersCsv(const std::vector<SpeakerInfo>& speakers) {
  std::string out = "speaker_id,name,quotes,occurrences,documents,roles,story\r\n";
  for (const SpeakerInfo& s : speakers) {
    AppendUint(out, static_cast<uint64_t>(s.speaker_id));
    out += ',';
    AppendCsvField(out, s.name);
    out += ',';
    AppendUint(out, static_cast<uint64_t>(s.quotes));
    out += ',';
    AppendUint(out, static_cast<uint64_t>(s.occurrences));
    out += ',';
    AppendUint(out, static_cast<uint64_t>(s.documents));
    out += ',';
    std::string roles;
    for (const SpeakerRole& r : s.roles) roles += (roles.empty() ? "" : "; ") + r.role;
    AppendCsvField(out, roles);
    out += ',';
    AppendCsvOptional(out, s.story);
    out += "\r\n";
  }
  return out;
}

//   Lena Ortiz: 4 quotes, quoted 4 times in 1 document
//       a former trade negotiator at the Canadian embassy … (examples/wire_trade_talks.txt)
//   the company [of examples/x.txt]: 1 quote, quoted once in 1 document
std::string SpeakersText(const std::vector<SpeakerInfo>& speakers) {
  std::string out;
  auto plural = [](int64_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
  };
  for (const SpeakerInfo& s : speakers) {
    out += s.name + (s.story ? " [of " + *s.story + "]" : std::string()) + ": " +
           plural(s.quotes, "quote") + ", quoted " +
           (s.occurrences == 1 ? std::string("once") : std::to_string(s.occurrences) + " times") +
           " in " + plural(s.documents, "document") + "\n";
    for (const SpeakerRole& r : s.roles) {
      out += "    " + r.role + " (";
      for (size_t i = 0; i < r.documents.size(); ++i) out += (i ? ", " : "") + r.documents[i];
      out += ")\n";
    }
  }
  return out;
}

}  // namespace

Result<RowFormat> ParseRowFormat(std::string_view name) {
  if (name == "jsonl") return RowFormat::kJsonl;
  if (name == "json") return RowFormat::kJson;
  if (name == "csv") return RowFormat::kCsv;
  if (name == "text") return RowFormat::kText;
  return InvalidArgument("unknown format \"" + std::string(name) +
                         "\": expected one of jsonl, json, csv, text");
}

std::string FormatHits(const std::vector<QuoteHit>& hits, RowFormat format) {
  switch (format) {
    case RowFormat::kCsv:
      return HitsCsv(hits);
    case RowFormat::kText:
      return HitsText(hits);
    default:
      return JsonRows(hits, format, HitJson);
  }
}

std::string FormatSpeakers(const std::vector<SpeakerInfo>& speakers, RowFormat format) {
  switch (format) {
    case RowFormat::kCsv:
      return SpeakersCsv(speakers);
    case RowFormat::kText:
      return SpeakersText(speakers);
    default:
      return JsonRows(speakers, format, SpeakerJson);
  }
}

std::string ExportHeader(RowFormat format) {
  if (format != RowFormat::kCsv) return {};
  return "doc,quote,start,end,byte_start,byte_end,type,speaker,mention,speaker_start,"
         "speaker_end,role,cue,rule,confidence,unclosed,multi_paragraph,meta,quote_id\r\n";
}

void AppendExportRow(std::string& out, const ExportRow& row, RowFormat format) {
  const StoredQuote& q = row.quote;
  const bool has_span = q.speaker_start && q.speaker_end;
  std::string meta;
  if (row.meta != nullptr && row.meta->is_object() && !row.meta->empty()) {
    meta = row.meta->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  if (format == RowFormat::kCsv) {
    auto field = [&](const std::optional<std::string>& s) {
      AppendCsvOptional(out, s);
      out += ',';
    };
    AppendCsvField(out, row.doc);
    out += ',';
    AppendCsvField(out, q.text);
    for (uint32_t n : {q.start, q.end, q.byte_start, q.byte_end}) {
      out += ',';
      AppendUint(out, n);
    }
    out += ',' + q.type + ',';
    field(q.speaker);
    field(q.mention);
    if (has_span) AppendUint(out, *q.speaker_start);
    out += ',';
    if (has_span) AppendUint(out, *q.speaker_end);
    out += ',';
    field(q.role);
    field(q.cue);
    AppendCsvField(out, q.rule);
    out += ',';
    AppendCsvNumber(out, q.confidence);
    out += q.unclosed ? ",true" : ",false";
    out += q.multi_paragraph ? ",true," : ",false,";
    if (!meta.empty()) AppendCsvField(out, meta);
    out += ',';
    AppendUint(out, static_cast<uint64_t>(row.quote_id));
    out += "\r\n";
    return;
  }
  // The field order and number formats of whosaid's JSONL records.
  auto optional = [&](const std::optional<std::string>& s) {
    if (s) {
      AppendJsonString(out, *s);
    } else {
      out += "null";
    }
  };
  out += "{\"doc\":";
  AppendJsonString(out, row.doc);
  out += ",\"quote\":";
  AppendJsonString(out, q.text);
  out += ",\"start\":";
  AppendUint(out, q.start);
  out += ",\"end\":";
  AppendUint(out, q.end);
  out += ",\"byte_start\":";
  AppendUint(out, q.byte_start);
  out += ",\"byte_end\":";
  AppendUint(out, q.byte_end);
  out += ",\"type\":";
  AppendJsonString(out, q.type);
  out += ",\"speaker\":";
  optional(q.speaker);
  out += ",\"mention\":";
  optional(q.mention);
  out += ",\"speaker_start\":";
  if (has_span) {
    AppendUint(out, *q.speaker_start);
    out += ",\"speaker_end\":";
    AppendUint(out, *q.speaker_end);
  } else {
    out += "null,\"speaker_end\":null";
  }
  out += ",\"role\":";
  optional(q.role);
  out += ",\"cue\":";
  optional(q.cue);
  out += ",\"rule\":";
  optional(q.rule.empty() ? std::nullopt : std::optional<std::string>(q.rule));
  out += ",\"confidence\":";
  AppendJsonNumber3(out, q.confidence);
  out += q.unclosed ? ",\"unclosed\":true" : ",\"unclosed\":false";
  out += q.multi_paragraph ? ",\"multi_paragraph\":true" : ",\"multi_paragraph\":false";
  if (!meta.empty()) out += ",\"meta\":" + meta;
  out += ",\"quote_id\":";
  AppendUint(out, static_cast<uint64_t>(row.quote_id));
  out += "}\n";
}

}  // namespace whosaid::store
