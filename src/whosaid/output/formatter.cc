#include "whosaid/output/formatter.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "whosaid/output/json_escape.h"

namespace whosaid::output {
namespace {

// Rough output bytes per record beyond the quote text, to size buffers once.
constexpr size_t kRecordOverhead = 400;

// The CSV columns, in order. `explain` is appended only when FormatterOptions::explain.
constexpr std::string_view kCsvHeader =
    "doc,quote,start,end,byte_start,byte_end,type,speaker,mention,speaker_start,speaker_end,"
    "role,cue,rule,confidence,unclosed,multi_paragraph,meta";

// Clamps a span to the text so that offset conversion never reads past its end.
text::ByteSpan Clamp(text::ByteSpan span, size_t size) {
  const auto n = static_cast<uint32_t>(std::min<size_t>(size, UINT32_MAX));
  span.end = std::min(span.end, n);
  span.begin = std::min(span.begin, span.end);
  return span;
}

bool HasMeta(const nlohmann::json* meta) {
  if (meta == nullptr || meta->is_null() || meta->is_discarded()) return false;
  return !(meta->is_object() && meta->empty());
}

std::string DumpMeta(const nlohmann::json& meta) {
  return meta.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Everything a record needs, in the order the formats write it.
struct RecordView {
  std::string_view quote;  // points into the text, or into `repaired`
  std::string repaired;    // the quote with U+FFFD, only for lenient documents
  uint32_t start, end, byte_start, byte_end;
  bool has_speaker_span;
  uint32_t speaker_start, speaker_end;

  RecordView() = default;
  RecordView(const RecordView&) = delete;
  RecordView& operator=(const RecordView&) = delete;
};

// Fills `v` in place (its `quote` may point into its own `repaired`, so it is never copied).
void FillView(const text::Document& doc, const QuoteRecord& rec, RecordView& v) {
  const text::ByteSpan content = Clamp(rec.span.content, doc.size());
  if (doc.had_invalid_bytes()) {
    v.repaired = doc.Slice(content);
    v.quote = v.repaired;
  } else {
    v.quote = doc.View(content);
  }
  v.byte_start = content.begin;
  v.byte_end = content.end;
  v.start = doc.CodePointOffset(content.begin);
  v.end = doc.CodePointOffset(content.end);
  v.has_speaker_span = rec.attribution.mention_span.has_value();
  v.speaker_start = v.speaker_end = 0;
  if (v.has_speaker_span) {
    const text::ByteSpan m = Clamp(*rec.attribution.mention_span, doc.size());
    v.speaker_start = doc.CodePointOffset(m.begin);
    v.speaker_end = doc.CodePointOffset(m.end);
  }
}

void AppendOptionalJson(std::string& out, const std::optional<std::string>& s) {
  if (s) {
    AppendJsonString(out, *s);
  } else {
    out.append("null", 4);
  }
}

void AppendBool(std::string& out, bool b) {
  if (b) {
    out.append("true", 4);
  } else {
    out.append("false", 5);
  }
}

void AppendExplainJson(std::string& out, const Attribution& a) {
  out.append("{\"rule\":");
  if (a.rule.empty()) {
    out.append("null");
  } else {
    AppendJsonString(out, a.rule);
  }
  out.append(",\"slots\":{");
  bool first = true;
  for (const auto& [name, value] : a.slots) {
    if (!first) out.push_back(',');
    first = false;
    AppendJsonString(out, name);
    out.push_back(':');
    AppendJsonString(out, value);
  }
  out.append("}}");
}

// One record as a JSON object. `doc_id_json` is the already escaped "doc" value;
// `meta_suffix` is either empty or `,"meta":<json>`.
void AppendRecordJson(std::string& out, const text::Document& doc, std::string_view doc_id_json,
                      const QuoteRecord& rec, const FormatterOptions& options,
                      std::string_view meta_suffix) {
  RecordView v;
  FillView(doc, rec, v);
  const Attribution& a = rec.attribution;
  out.append("{\"doc\":");
  out.append(doc_id_json);
  out.append(",\"quote\":");
  AppendJsonString(out, v.quote);
  out.append(",\"start\":");
  AppendUint(out, v.start);
  out.append(",\"end\":");
  AppendUint(out, v.end);
  out.append(",\"byte_start\":");
  AppendUint(out, v.byte_start);
  out.append(",\"byte_end\":");
  AppendUint(out, v.byte_end);
  out.append(",\"type\":");
  AppendJsonString(out, quotes::QuoteTypeName(rec.span.type));
  out.append(",\"speaker\":");
  AppendOptionalJson(out, a.speaker);
  out.append(",\"mention\":");
  AppendOptionalJson(out, a.mention);
  out.append(",\"speaker_start\":");
  if (v.has_speaker_span) {
    AppendUint(out, v.speaker_start);
    out.append(",\"speaker_end\":");
    AppendUint(out, v.speaker_end);
  } else {
    out.append("null,\"speaker_end\":null");
  }
  out.append(",\"role\":");
  AppendOptionalJson(out, a.role);
  out.append(",\"cue\":");
  AppendOptionalJson(out, a.cue);
  out.append(",\"rule\":");
  if (a.rule.empty()) {
    out.append("null");
  } else {
    AppendJsonString(out, a.rule);
  }
  out.append(",\"confidence\":");
  AppendJsonNumber3(out, a.confidence);
  out.append(",\"unclosed\":");
  AppendBool(out, rec.span.unclosed);
  out.append(",\"multi_paragraph\":");
  AppendBool(out, rec.span.multi_paragraph);
  if (options.explain) {
    out.append(",\"explain\":");
    AppendExplainJson(out, a);
  }
  out.append(meta_suffix);
  out.push_back('}');
}

// The speaker summaries as comma-separated JSON objects, each after `before` (a line break
// for --format json's layout), and a line break at the end when there are any.
void AppendSpeakersJson(std::string& out, const std::vector<SpeakerSummary>& speakers,
                        std::string_view before) {
  for (size_t i = 0; i < speakers.size(); ++i) {
    const SpeakerSummary& s = speakers[i];
    if (i > 0) out.push_back(',');
    out.append(before);
    out.append("{\"name\":");
    AppendJsonString(out, s.name);
    out.append(",\"role\":");
    AppendOptionalJson(out, s.role);
    out.append(",\"mentions\":[");
    for (size_t j = 0; j < s.mentions.size(); ++j) {
      if (j > 0) out.push_back(',');
      AppendJsonString(out, s.mentions[j]);
    }
    out.append("],\"quotes\":");
    AppendUint(out, s.quotes);
    out.push_back('}');
  }
  if (!speakers.empty()) out.append(before);
}

size_t EstimateSize(const ExtractResult& result) {
  size_t n = 64;
  for (const QuoteRecord& rec : result.quotes) n += rec.span.content.size() + kRecordOverhead;
  return n;
}

class JsonlFormatter final : public Formatter {
 public:
  explicit JsonlFormatter(FormatterOptions options) : options_(options) {}

  std::string Header() const override { return {}; }
  std::string Footer() const override { return {}; }

  std::string FormatDocument(const text::Document& doc, const nlohmann::json* meta,
                             const ExtractResult& result, bool /*first*/) const override {
    std::string out;
    if (result.quotes.empty()) return out;
    std::string doc_id;
    AppendJsonString(doc_id, doc.id());
    std::string meta_suffix;
    if (HasMeta(meta)) meta_suffix = ",\"meta\":" + DumpMeta(*meta);
    out.reserve(EstimateSize(result) + result.quotes.size() * (doc_id.size() + meta_suffix.size()));
    for (const QuoteRecord& rec : result.quotes) {
      AppendRecordJson(out, doc, doc_id, rec, options_, meta_suffix);
      out.push_back('\n');
    }
    return out;
  }

 private:
  FormatterOptions options_;
};

// One line per document: {"doc":…,"meta":…,"quotes":[records],"speakers":[…]} (records
// without their own "meta"), or with "error" for a document that failed.
class PerDocumentFormatter final : public Formatter {
 public:
  explicit PerDocumentFormatter(FormatterOptions options) : options_(options) {}

  std::string Header() const override { return {}; }
  std::string Footer() const override { return {}; }

  std::string FormatDocument(const text::Document& doc, const nlohmann::json* meta,
                             const ExtractResult& result, bool /*first*/) const override {
    std::string out;
    out.reserve(EstimateSize(result) + result.quotes.size() * doc.id().size() +
                result.speakers.size() * 96);
    std::string doc_id;
    AppendJsonString(doc_id, doc.id());
    AppendStart(out, doc_id, meta);
    out.append(",\"quotes\":[");
    for (size_t i = 0; i < result.quotes.size(); ++i) {
      if (i > 0) out.push_back(',');
      AppendRecordJson(out, doc, doc_id, result.quotes[i], options_, {});
    }
    out.append("],\"speakers\":[");
    AppendSpeakersJson(out, result.speakers, "");
    out.append("]}\n");
    return out;
  }

  std::string FormatFailure(std::string_view doc_id, const nlohmann::json* meta,
                            std::string_view error) const override {
    std::string out, id;
    AppendJsonString(id, doc_id);
    AppendStart(out, id, meta);
    out.append(",\"error\":");
    AppendJsonString(out, error);
    out.append(",\"quotes\":[],\"speakers\":[]}\n");
    return out;
  }

 private:
  static void AppendStart(std::string& out, std::string_view doc_id_json,
                          const nlohmann::json* meta) {
    out.append("{\"doc\":");
    out.append(doc_id_json);
    out.append(",\"meta\":");
    out.append(HasMeta(meta) ? DumpMeta(*meta) : "null");
  }

  FormatterOptions options_;
};

// Layout of one document (valid JSON; one quote or speaker per line for readability):
//   {"doc":"a","quotes":[
//   {...},
//   {...}
//   ],"speakers":[
//   {...}
//   ],"meta":{...}}
class JsonFormatter final : public Formatter {
 public:
  explicit JsonFormatter(FormatterOptions options) : options_(options) {}

  std::string Header() const override { return "[\n"; }
  std::string Footer() const override { return "\n]\n"; }

  std::string FormatDocument(const text::Document& doc, const nlohmann::json* meta,
                             const ExtractResult& result, bool first) const override {
    std::string out;
    out.reserve(EstimateSize(result) + result.quotes.size() * doc.id().size() +
                result.speakers.size() * 96);
    if (!first) out.append(",\n");
    std::string doc_id;
    AppendJsonString(doc_id, doc.id());
    out.append("{\"doc\":");
    out.append(doc_id);
    out.append(",\"quotes\":[");
    for (size_t i = 0; i < result.quotes.size(); ++i) {
      out.append(i == 0 ? "\n" : ",\n");
      AppendRecordJson(out, doc, doc_id, result.quotes[i], options_, {});
    }
    if (!result.quotes.empty()) out.push_back('\n');
    out.append("],\"speakers\":[");
    AppendSpeakersJson(out, result.speakers, "\n");
    out.push_back(']');
    if (HasMeta(meta)) {
      out.append(",\"meta\":");
      out.append(DumpMeta(*meta));
    }
    out.push_back('}');
    return out;
  }

 private:
  FormatterOptions options_;
};

class CsvFormatter final : public Formatter {
 public:
  explicit CsvFormatter(FormatterOptions options) : options_(options) {}

  std::string Header() const override {
    std::string h(kCsvHeader);
    if (options_.explain) h.append(",explain");
    h.append("\r\n");
    return h;
  }
  std::string Footer() const override { return {}; }

  std::string FormatDocument(const text::Document& doc, const nlohmann::json* meta,
                             const ExtractResult& result, bool /*first*/) const override {
    std::string out;
    if (result.quotes.empty()) return out;
    std::string doc_id;
    AppendCsvField(doc_id, doc.id());
    std::string meta_field;
    if (HasMeta(meta)) AppendCsvField(meta_field, DumpMeta(*meta));
    out.reserve(EstimateSize(result) + result.quotes.size() * (doc_id.size() + meta_field.size()));
    std::string scratch;
    for (const QuoteRecord& rec : result.quotes) {
      RecordView v;
      FillView(doc, rec, v);
      const Attribution& a = rec.attribution;
      out.append(doc_id);
      out.push_back(',');
      AppendCsvField(out, v.quote);
      out.push_back(',');
      AppendUint(out, v.start);
      out.push_back(',');
      AppendUint(out, v.end);
      out.push_back(',');
      AppendUint(out, v.byte_start);
      out.push_back(',');
      AppendUint(out, v.byte_end);
      out.push_back(',');
      out.append(quotes::QuoteTypeName(rec.span.type));
      out.push_back(',');
      if (a.speaker) AppendCsvField(out, *a.speaker);
      out.push_back(',');
      if (a.mention) AppendCsvField(out, *a.mention);
      out.push_back(',');
      if (v.has_speaker_span) AppendUint(out, v.speaker_start);
      out.push_back(',');
      if (v.has_speaker_span) AppendUint(out, v.speaker_end);
      out.push_back(',');
      if (a.role) AppendCsvField(out, *a.role);
      out.push_back(',');
      if (a.cue) AppendCsvField(out, *a.cue);
      out.push_back(',');
      AppendCsvField(out, a.rule);
      out.push_back(',');
      AppendJsonNumber3(scratch, a.confidence);
      if (scratch != "null") out.append(scratch);
      scratch.clear();
      out.push_back(',');
      AppendBool(out, rec.span.unclosed);
      out.push_back(',');
      AppendBool(out, rec.span.multi_paragraph);
      out.push_back(',');
      out.append(meta_field);
      if (options_.explain) {
        out.push_back(',');
        AppendExplainJson(scratch, a);
        AppendCsvField(out, scratch);
        scratch.clear();
      }
      out.append("\r\n");
    }
    return out;
  }

 private:
  FormatterOptions options_;
};

}  // namespace

Result<Format> ParseFormat(std::string_view name) {
  if (name == "jsonl") return Format::kJsonl;
  if (name == "json") return Format::kJson;
  if (name == "csv") return Format::kCsv;
  return InvalidArgument("unknown output format \"" + std::string(name) +
                         "\": expected one of jsonl, json, csv");
}

std::unique_ptr<Formatter> Formatter::Create(Format format, FormatterOptions options) {
  switch (format) {
    case Format::kJsonl:
      if (options.per_document) return std::make_unique<PerDocumentFormatter>(options);
      return std::make_unique<JsonlFormatter>(options);
    case Format::kJson:
      return std::make_unique<JsonFormatter>(options);
    case Format::kCsv:
      return std::make_unique<CsvFormatter>(options);
  }
  return std::make_unique<JsonlFormatter>(options);
}

}  // namespace whosaid::output
