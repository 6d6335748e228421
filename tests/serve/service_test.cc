#include "whosaid/serve/service.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "whosaid/output/formatter.h"
#include "whosaid/serve/html_formatter.h"
#include "whosaid/serve/page.h"

namespace whosaid::serve {
namespace {

const Extractor& SharedExtractor() {
  static const std::unique_ptr<Extractor> ex = [] {
    auto e = Extractor::Create(ExtractorOptions{}, nullptr);
    REQUIRE(e.ok());
    return std::move(e).value();
  }();
  return *ex;
}

HttpRequest Req(std::string method, std::string path, QueryParams params = {},
                std::string body = {}, std::string content_type = {}, std::string accept = {}) {
  HttpRequest r;
  r.method = std::move(method);
  r.path = std::move(path);
  r.params = std::move(params);
  r.body = std::move(body);
  if (!content_type.empty()) r.headers["content-type"] = content_type;
  if (!accept.empty()) r.headers["accept"] = accept;
  return r;
}

const char* kStory = "“We will not raise taxes,” Mayor Ana Ruiz said.";

}  // namespace

TEST_CASE("extract gives the CLI formatter's records") {
  ServiceConfig config;
  auto service = Service::Create({&SharedExtractor()}, config);
  REQUIRE(service.ok());
  HttpResponse r = (*service)->Handle(Req("POST", "/v1/extract", {{"id", "s"}}, kStory));
  CHECK(r.status == 200);
  CHECK(r.content_type == "application/x-ndjson");
  auto doc = text::Document::FromBytes("s", kStory);
  REQUIRE(doc.ok());
  auto formatter = output::Formatter::Create(output::Format::kJsonl);
  CHECK(r.body == formatter->FormatDocument(*doc, nullptr, SharedExtractor().Extract(*doc), true));
  CHECK(r.body.find("\"speaker\":\"Ana Ruiz\"") != std::string::npos);

  HttpResponse csv =
      (*service)->Handle(Req("POST", "/v1/extract", {}, kStory, "text/plain", "text/csv"));
  CHECK(csv.status == 200);
  CHECK(csv.body.rfind("doc,quote,start", 0) == 0);

  HttpResponse json = (*service)->Handle(Req("POST", "/v1/extract", {{"explain", "1"}},
                                             "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\","
                                             "\"text\":\"“We will not raise taxes,” Mayor Ana "
                                             "Ruiz said.\"}\n",
                                             "application/x-ndjson", "application/json"));
  CHECK(json.status == 200);
  auto parsed = nlohmann::json::parse(json.body);
  REQUIRE(parsed.size() == 2);
  CHECK(parsed[1]["quotes"][0]["explain"].is_object());
}

TEST_CASE("errors are 4xx with a JSON body naming the problem") {
  auto service = Service::Create({&SharedExtractor()}, ServiceConfig{});
  REQUIRE(service.ok());
  Service& s = **service;
  auto code = [](const HttpResponse& r) { return nlohmann::json::parse(r.body)["error"]; };
  CHECK(s.Handle(Req("POST", "/v1/extract", {{"bogus", "1"}}, kStory)).status == 400);
  CHECK(code(s.Handle(Req("POST", "/v1/extract", {}, kStory, "image/png"))) ==
        "unsupported_media_type");
  CHECK(s.Handle(Req("POST", "/v1/extract", {}, kStory, "", "text/html")).status == 406);
  CHECK(s.Handle(Req("POST", "/v1/extract", {{"per_document", "1"}}, kStory, "", "text/csv"))
            .status == 400);
  HttpResponse lenient = s.Handle(
      Req("POST", "/v1/extract", {{"lenient", "1"}, {"id", "l"}}, std::string("a\xc3", 2)));
  CHECK(lenient.status == 200);
  REQUIRE(lenient.headers.size() == 1);
  CHECK(lenient.headers[0].first == "X-Whosaid-Warning");
  CHECK(lenient.headers[0].second.find("document l") != std::string::npos);
  HttpResponse bad = s.Handle(Req("POST", "/v1/extract", {}, std::string("a\xc3", 2)));
  CHECK(bad.status == 400);
  CHECK(nlohmann::json::parse(bad.body)["byte_offset"] == 1);
  CHECK(s.Handle(Req("GET", "/v1/extract")).status == 405);
  CHECK(s.Handle(Req("GET", "/v1/nothing")).status == 404);
  CHECK(code(s.Handle(Req("GET", "/v1/search", {{"q", "x"}}))) == "no_database");
  CHECK(s.Handle(Req("GET", "/v1/health", {{"x", "1"}})).status == 400);
}

TEST_CASE("health, version, the OpenAPI document and the page") {
  ServiceConfig config;
  config.version = "9.9";
  config.rules_hash = "abc";
  auto service = Service::Create({&SharedExtractor()}, config);
  REQUIRE(service.ok());
  Service& s = **service;
  auto health = nlohmann::json::parse(s.Handle(Req("GET", "/v1/health")).body);
  CHECK(health["status"] == "ok");
  CHECK(health["in_flight"] == 0);
  auto version = nlohmann::json::parse(s.Handle(Req("GET", "/v1/version")).body);
  CHECK(version["version"] == "9.9");
  CHECK(version["rules_sha256"] == "abc");
  auto api = nlohmann::json::parse(s.Handle(Req("GET", "/v1/openapi.json")).body);
  CHECK(api["paths"].contains("/v1/extract"));
  HttpResponse page = s.Handle(Req("GET", "/"));
  CHECK(page.status == 200);
  CHECK(page.body.find("<!doctype html>") == 0);
  CHECK(page.body.find("/*whosaid:") == std::string::npos);  // the assets went in
  CHECK(page.body.find("\"mode\":\"server\"") != std::string::npos);
}

TEST_CASE("with a database: ingest, then search, speakers and quotes") {
  const auto dir = std::filesystem::temp_directory_path() / "whosaid_serve_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  ServiceConfig config;
  config.db_path = (dir / "q.sqlite").string();
  auto service = Service::Create({&SharedExtractor()}, config);
  REQUIRE(service.ok());
  Service& s = **service;
  HttpResponse in = s.Handle(Req("POST", "/v1/ingest", {},
                                 "{\"id\":\"w1\",\"text\":\"“We will not raise taxes,” Mayor Ana "
                                 "Ruiz said.\",\"published\":\"2024-05-02\"}",
                                 "application/json"));
  CHECK(in.status == 200);
  CHECK(nlohmann::json::parse(in.body)["new"] == 1);
  HttpResponse hits =
      s.Handle(Req("GET", "/v1/search", {{"q", "taxes"}}, {}, {}, "application/json"));
  CHECK(hits.status == 200);
  CHECK(nlohmann::json::parse(hits.body)[0]["speaker"] == "Ana Ruiz");
  CHECK(s.Handle(Req("GET", "/v1/speakers")).body.find("Ana Ruiz") != std::string::npos);
  CHECK(s.Handle(Req("GET", "/v1/quotes", {{"speaker", "ana ruiz"}})).body.find("taxes") !=
        std::string::npos);
  CHECK(s.Handle(Req("GET", "/v1/quotes", {{"doc", "w1"}})).body.find("\"doc\":\"w1\"") !=
        std::string::npos);
  CHECK(s.Handle(Req("GET", "/v1/search", {{"since", "May"}})).status == 400);
  std::filesystem::remove_all(dir);
}

TEST_CASE("admission: a ticket per extracting request up to the capacity") {
  Admission a(1, 1);
  auto t1 = a.TryEnter();
  auto t2 = a.TryEnter();
  CHECK(t1.has_value());
  CHECK(t2.has_value());
  CHECK_FALSE(a.TryEnter().has_value());
  CHECK(a.admitted() == 2);
  t1.reset();
  CHECK(a.admitted() == 1);
  CHECK(a.TryEnter().has_value());
}

TEST_CASE("--format html: the page with the stories and --format json's records") {
  auto f = CreateHtmlFormatter({});
  auto doc = text::Document::FromBytes("s</script>", kStory);
  REQUIRE(doc.ok());
  const std::string html = f->Header() +
                           f->FormatDocument(*doc, nullptr, SharedExtractor().Extract(*doc), true) +
                           f->Footer();
  CHECK(html.find("<!doctype html>") == 0);
  CHECK(html.find("s</script>") == std::string::npos);  // escaped inside the data
  CHECK(html.find("s\\u003c/script>") != std::string::npos);
  CHECK(html.find("\"mode\":\"static\"") != std::string::npos);
  CHECK(html.find("Ana Ruiz") != std::string::npos);
  CHECK(EscapeJsonForScript("<a>") == "\\u003ca>");
}

}  // namespace whosaid::serve
