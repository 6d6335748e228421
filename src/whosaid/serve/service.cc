#include "whosaid/serve/service.h"

#include <nlohmann/json.hpp>

#include "whosaid/output/formatter.h"
#include "whosaid/serve/api_error.h"
#include "whosaid/serve/content_negotiation.h"
#include "whosaid/serve/extraction.h"
#include "whosaid/serve/page.h"
#include "whosaid/serve/query_options.h"
#include "whosaid/serve/request_body.h"
#include "whosaid/store/records.h"
#include "whosaid/store/row_format.h"

namespace whosaid::serve {
namespace {

ApiError Error(int status, std::string code, std::string message) {
  ApiError e;
  e.status = status;
  e.error = std::move(code);
  e.message = std::move(message);
  return e;
}

HttpResponse Json(const nlohmann::ordered_json& j) {
  HttpResponse r;
  r.content_type = "application/json";
  r.body = j.dump() + "\n";
  return r;
}

HttpResponse Ok(std::string content_type, std::string body) {
  HttpResponse r;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  return r;
}

// An unknown query option or a bad value: 400 "invalid_option".
HttpResponse BadOption(const Status& s) { return FromStatus(s, "invalid_option").ToResponse(); }

HttpResponse NotAcceptable(const Status& s) {
  return Error(406, "not_acceptable", s.message()).ToResponse();
}

// The documents of an extract or ingest body, or the response that refuses it.
std::variant<std::vector<io::InputDocument>, HttpResponse> ReadDocuments(
    const HttpRequest& request, const ExtractParams& params) {
  auto kind = BodyKindOf(request.Header("content-type"));
  if (!kind.ok()) return Error(415, "unsupported_media_type", kind.status().message()).ToResponse();
  BodyOptions options;
  options.text_id = params.id;
  options.lenient = params.lenient;
  auto read = ReadBody(*kind, request.body, options);
  if (auto* e = std::get_if<ApiError>(&read)) return e->ToResponse();
  return std::get<std::vector<io::InputDocument>>(std::move(read));
}

}  // namespace

Result<std::unique_ptr<Service>> Service::Create(std::vector<const Extractor*> extractors,
                                                 ServiceConfig config) {
  if (extractors.empty()) return InvalidArgument("the service needs an extractor");
  std::unique_ptr<Service> s(new Service(std::move(extractors), std::move(config)));
  if (!s->config_.db_path.empty()) {
    // Ingests store what the extractors found, so the store decides speakers' scopes with
    // the words of their rule pack.
    auto words = std::make_shared<const store::SpeakerScopeWords>(
        s->extractors_.front()->lexicons().ToSpeakerScopeWords());
    auto pool = StorePool::Open(s->config_.db_path, s->config_.busy_timeout_ms, std::move(words));
    if (!pool.ok()) return pool.status();
    s->store_ = std::move(pool).value();
  }
  return s;
}

bool Service::Extracts(const std::string& method, const std::string& path) {
  return method == "POST" && (path == "/v1/extract" || path == "/v1/ingest");
}

HttpResponse Service::Handle(const HttpRequest& request) {
  using Handler = HttpResponse (Service::*)(const HttpRequest&);
  struct Route {
    const char* path;
    const char* method;  // GET routes answer HEAD too
    bool database;       // needs --db
    bool no_params;      // takes no query option
    Handler handler;
  };
  static const Route kRoutes[] = {
      {"/", "GET", false, true, &Service::Page},
      {"/index.html", "GET", false, true, &Service::Page},
      {"/v1/health", "GET", false, true, &Service::Health},
      {"/v1/version", "GET", false, true, &Service::Version},
      {"/v1/openapi.json", "GET", false, true, &Service::OpenApi},
      {"/v1/extract", "POST", false, false, &Service::Extract},
      {"/v1/search", "GET", true, false, &Service::Search},
      {"/v1/speakers", "GET", true, true, &Service::Speakers},
      {"/v1/quotes", "GET", true, false, &Service::Quotes},
      {"/v1/ingest", "POST", true, false, &Service::Ingest},
  };
  const std::string& m = request.method;
  const std::string& p = request.path;
  for (const Route& r : kRoutes) {
    if (p != r.path) continue;
    const bool get = std::string_view(r.method) == "GET";
    if (m != r.method && !(get && m == "HEAD")) {
      HttpResponse out =
          Error(405, "method_not_allowed", m + " " + p + ": use " + r.method).ToResponse();
      out.headers.emplace_back("Allow", get ? "GET, HEAD" : r.method);
      return out;
    }
    if (r.database && !store_) {
      return Error(404, "no_database",
                   p + " needs a quote database: start the server with --db FILE")
          .ToResponse();
    }
    if (r.no_params) {
      if (Status s = CheckNoParams(request.params); !s.ok()) return BadOption(s);
    }
    return (this->*r.handler)(request);
  }
  return Error(404, "not_found", "no such endpoint: " + p + " (see /v1/openapi.json)").ToResponse();
}

HttpResponse Service::OpenApi(const HttpRequest&) {
  return Ok("application/json", std::string(AssetBytes("openapi.json")));
}

HttpResponse Service::Page(const HttpRequest&) {
  nlohmann::ordered_json config;
  config["mode"] = "server";
  config["database"] = store_ != nullptr;
  config["version"] = config_.version;
  PageParts parts = PageAround(config.dump());
  HttpResponse r = Ok("text/html; charset=utf-8", parts.before + "[]" + parts.after);
  return r;
}

HttpResponse Service::Health(const HttpRequest&) {
  nlohmann::ordered_json j;
  j["status"] = "ok";
  j["in_flight"] = admission_.admitted();
  j["capacity"] = admission_.capacity();
  j["workers"] = admission_.workers();
  j["database"] = store_ != nullptr;
  return Json(j);
}

HttpResponse Service::Version(const HttpRequest&) {
  nlohmann::ordered_json j;
  j["name"] = "whosaid";
  j["version"] = config_.version;
  j["rules_sha256"] = config_.rules_hash;
  j["rules"] = extractors_[0]->rules().rules().size();
  return Json(j);
}

HttpResponse Service::Extract(const HttpRequest& request) {
  auto params = ParseExtractParams(request.params);
  if (!params.ok()) return BadOption(params.status());
  auto format = NegotiateRecordFormat(request.Header("accept"));
  if (!format.ok()) return NotAcceptable(format.status());
  if (params->per_document && *format != output::Format::kJsonl) {
    return Error(400, "invalid_option",
                 "per_document writes JSON Lines: ask for application/x-ndjson (Accept)")
        .ToResponse();
  }
  auto read = ReadDocuments(request, *params);
  if (auto* r = std::get_if<HttpResponse>(&read)) return std::move(*r);
  auto& docs = std::get<std::vector<io::InputDocument>>(read);

  output::FormatterOptions fo;
  fo.explain = params->explain;
  fo.per_document = params->per_document;
  auto formatter = output::Formatter::Create(*format, fo);
  text::DocumentOptions doc_options;
  doc_options.lenient = params->lenient;
  std::string body = formatter->Header();
  Admission::WorkSlot slot(admission_);
  bool first = true;
  std::string lenient_ids;  // documents whose invalid bytes were read as U+FFFD
  for (io::InputDocument& in : docs) {
    auto doc = text::Document::FromBytes(in.id, std::move(in.text), doc_options);
    if (!doc.ok()) {
      ApiError e = FromStatus(doc.status(), doc.status().code() == StatusCode::kInvalidUtf8
                                                ? "invalid_utf8"
                                                : "invalid_document");
      e.message = "document " + in.id + ": " + e.message;
      return e.ToResponse();
    }
    if (doc->had_invalid_bytes()) lenient_ids += (lenient_ids.empty() ? "" : ", ") + in.id;
    const ExtractResult result = ExtractWith(*extractors_[slot.worker()], *doc, *params);
    const nlohmann::json* meta = in.meta.is_null() ? nullptr : &in.meta;
    if (*format == output::Format::kJson && !first) body.append(",\n");
    body.append(formatter->FormatDocument(*doc, meta, result, /*first=*/true));
    first = false;
  }
  body.append(formatter->Footer());
  HttpResponse r = Ok(ContentTypeOf(*format), std::move(body));
  if (!lenient_ids.empty()) {
    // As the CLI warns on stderr; header values must stay printable ASCII.
    std::string warning = "invalid UTF-8 read as U+FFFD in document " + lenient_ids;
    for (char& c : warning) {
      if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) c = '?';
    }
    r.headers.emplace_back("X-Whosaid-Warning", std::move(warning));
  }
  return r;
}

HttpResponse Service::Ingest(const HttpRequest& request) {
  auto params = ParseExtractParams(request.params);
  if (!params.ok()) return BadOption(params.status());
  if (params->explain || params->per_document) {
    return Error(400, "invalid_option",
                 "ingest takes all_marks, indirect, lenient and id (not explain or "
                 "per_document)")
        .ToResponse();
  }
  auto read = ReadDocuments(request, *params);
  if (auto* r = std::get_if<HttpResponse>(&read)) return std::move(*r);
  auto& docs = std::get<std::vector<io::InputDocument>>(read);
  text::DocumentOptions doc_options;
  doc_options.lenient = params->lenient;
  std::vector<store::StoredDocument> stored;
  {
    Admission::WorkSlot slot(admission_);
    for (io::InputDocument& in : docs) {
      auto doc = text::Document::FromBytes(in.id, std::move(in.text), doc_options);
      if (!doc.ok()) {
        ApiError e = FromStatus(doc.status(), "invalid_document");
        e.message = "document " + in.id + ": " + e.message;
        return e.ToResponse();
      }
      const ExtractResult result = ExtractWith(*extractors_[slot.worker()], *doc, *params);
      stored.push_back(store::FromExtraction(*doc, in.meta.is_null() ? nullptr : &in.meta, result));
    }
  }
  auto writer = store_->Write();
  auto written = writer->Write(stored);
  if (!written.ok()) return FromStatus(written.status(), "database_error").ToResponse();
  auto counts = writer->Count();
  nlohmann::ordered_json j;
  j["stored"] = written->added + written->changed + written->unchanged;
  j["new"] = written->added;
  j["changed"] = written->changed;
  j["unchanged"] = written->unchanged;
  j["occurrences"] = written->occurrences;
  if (counts.ok()) {
    j["database"] = {{"documents", counts->documents},
                     {"speakers", counts->speakers},
                     {"quotes", counts->quotes},
                     {"occurrences", counts->occurrences}};
  }
  return Json(j);
}

HttpResponse Service::Search(const HttpRequest& request) {
  auto options = ParseSearchParams(request.params);
  if (!options.ok()) return BadOption(options.status());
  auto format = NegotiateRowFormat(request.Header("accept"));
  if (!format.ok()) return NotAcceptable(format.status());
  auto reader = store_->Read();
  if (!reader.ok()) return FromStatus(reader.status(), "database_error").ToResponse();
  auto hits = (*reader)->Search(*options);
  if (!hits.ok()) return FromStatus(hits.status(), "database_error").ToResponse();
  return Ok(ContentTypeOf(*format), store::FormatHits(*hits, *format));
}

HttpResponse Service::Speakers(const HttpRequest& request) {
  auto format = NegotiateRowFormat(request.Header("accept"));
  if (!format.ok()) return NotAcceptable(format.status());
  auto reader = store_->Read();
  if (!reader.ok()) return FromStatus(reader.status(), "database_error").ToResponse();
  auto speakers = (*reader)->Speakers();
  if (!speakers.ok()) return FromStatus(speakers.status(), "database_error").ToResponse();
  return Ok(ContentTypeOf(*format), store::FormatSpeakers(*speakers, *format));
}

HttpResponse Service::Quotes(const HttpRequest& request) {
  auto params = ParseQuotesParams(request.params);
  if (!params.ok()) return BadOption(params.status());
  auto format = NegotiateRowFormat(request.Header("accept"));
  if (!format.ok()) return NotAcceptable(format.status());
  auto reader = store_->Read();
  if (!reader.ok()) return FromStatus(reader.status(), "database_error").ToResponse();
  if (params->speaker) {
    store::SearchOptions search;
    search.speaker = params->speaker;
    search.since = params->since;
    search.limit = 0;
    auto hits = (*reader)->Search(search);
    if (!hits.ok()) return FromStatus(hits.status(), "database_error").ToResponse();
    return Ok(ContentTypeOf(*format), store::FormatHits(*hits, *format));
  }
  // A story's quotes, as `db export` writes them (JSON Lines or CSV).
  const store::RowFormat rows =
      *format == store::RowFormat::kCsv ? store::RowFormat::kCsv : store::RowFormat::kJsonl;
  std::string body = store::ExportHeader(rows);
  bool seen = false;
  Status s = (*reader)->Export([&](const store::ExportRow& row) {
    if (row.doc == *params->doc) {
      seen = true;
      store::AppendExportRow(body, row, rows);
    } else if (seen) {
      return false;  // a document's rows are contiguous
    }
    return true;
  });
  if (!s.ok()) return FromStatus(s, "database_error").ToResponse();
  return Ok(ContentTypeOf(rows), std::move(body));
}

}  // namespace whosaid::serve
