// The whosaid web service without the HTTP server: routes a request to its handler and
// returns the response. Thread-safe: the server calls Handle() from its worker threads.
// Each extracting request runs on one of `workers` slots and uses that slot's extractor; the
// server gives every slot the same Extractor (Extract is thread-safe), a library caller may
// give each its own.
//
//   GET  /                  the quote viewer page (page.h)
//   GET  /v1/health         {"status":"ok","in_flight":…}
//   GET  /v1/version        tool version and the SHA-256 of the rule pack
//   GET  /v1/openapi.json   the API described (OpenAPI 3)
//   POST /v1/extract        stories in, the CLI's records out (JSONL, JSON or CSV by Accept)
//   With a database (--db):
//   GET  /v1/search         `whosaid db search` (q, speaker, since, limit)
//   GET  /v1/speakers       `whosaid db speakers`
//   GET  /v1/quotes         `whosaid db quotes` (speaker, since), or a story's quotes (doc)
//   POST /v1/ingest         `whosaid db ingest` of the body's stories, one transaction
#pragma once

#include <memory>
#include <string>

#include "whosaid/extractor.h"
#include "whosaid/serve/admission.h"
#include "whosaid/serve/http_types.h"
#include "whosaid/serve/store_pool.h"
#include "whosaid/status.h"

namespace whosaid::serve {

struct ServiceConfig {
  std::string version;     // the tool's version
  std::string rules_hash;  // RulePackHash() of the rules the extractor loaded
  std::string db_path;     // the quote database; empty: none (the db endpoints answer 404)
  int busy_timeout_ms = 10000;
  size_t queue = 4;  // requests that may wait for a worker
};

class Service {
 public:
  // Opens the database (when configured), with the speaker-scope words of the first
  // extractor's lexicons. `extractors`: one per worker (the same one may be given for all),
  // at least one; they must outlive the service.
  static Result<std::unique_ptr<Service>> Create(std::vector<const Extractor*> extractors,
                                                 ServiceConfig config);

  HttpResponse Handle(const HttpRequest& request);

  // True for the requests that extract (POST /v1/extract and /v1/ingest): the server takes
  // an admission ticket for them before reading their body.
  static bool Extracts(const std::string& method, const std::string& path);

  Admission& admission() { return admission_; }

 private:
  Service(std::vector<const Extractor*> extractors, ServiceConfig config)
      : extractors_(std::move(extractors)),
        config_(std::move(config)),
        admission_(static_cast<int>(extractors_.size()), config_.queue) {}

  // The handlers, one per route (Handle() has checked the method, the database and, for
  // those taking none, the query options).
  HttpResponse Page(const HttpRequest& request);
  HttpResponse Health(const HttpRequest& request);
  HttpResponse Version(const HttpRequest& request);
  HttpResponse OpenApi(const HttpRequest& request);
  HttpResponse Extract(const HttpRequest& request);
  HttpResponse Ingest(const HttpRequest& request);
  HttpResponse Search(const HttpRequest& request);
  HttpResponse Speakers(const HttpRequest& request);
  HttpResponse Quotes(const HttpRequest& request);

  std::vector<const Extractor*> extractors_;
  ServiceConfig config_;
  Admission admission_;
  std::unique_ptr<StorePool> store_;  // null without a database
};

}  // namespace whosaid::serve
