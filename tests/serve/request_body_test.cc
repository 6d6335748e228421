#include "whosaid/serve/request_body.h"

#include <doctest/doctest.h>

namespace whosaid::serve {
namespace {

std::vector<io::InputDocument> Docs(BodyKind kind, std::string body, BodyOptions o = {}) {
  auto r = ReadBody(kind, std::move(body), o);
  REQUIRE(std::holds_alternative<std::vector<io::InputDocument>>(r));
  return std::get<std::vector<io::InputDocument>>(std::move(r));
}

ApiError Err(BodyKind kind, std::string body, BodyOptions o = {}) {
  auto r = ReadBody(kind, std::move(body), o);
  REQUIRE(std::holds_alternative<ApiError>(r));
  return std::get<ApiError>(std::move(r));
}

}  // namespace

TEST_CASE("a text body is one story under the id asked for") {
  BodyOptions o;
  o.text_id = "s.txt";
  auto docs = Docs(BodyKind::kText, "“Yes,” she said.", o);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].id == "s.txt");
  CHECK(docs[0].text == "“Yes,” she said.");
  CHECK(docs[0].meta.is_null());
}

TEST_CASE("invalid UTF-8 is named with its byte offset and line, unless lenient text") {
  ApiError e = Err(BodyKind::kText, std::string("ab\ncd\xff", 6));
  CHECK(e.status == 400);
  CHECK(e.error == "invalid_utf8");
  CHECK(*e.byte_offset == 5);
  CHECK(*e.line == 2);
  CHECK(e.message.find("byte 5") != std::string::npos);
  BodyOptions lenient;
  lenient.lenient = true;
  CHECK(Docs(BodyKind::kText, std::string("ab\xff", 3), lenient).size() == 1);
  CHECK(Err(BodyKind::kJsonLines, std::string("{\"text\":\"\xff\"}", 12), lenient).error ==
        "invalid_utf8");
}

TEST_CASE("one JSON object, possibly over several lines; meta rides along") {
  auto docs = Docs(BodyKind::kJsonObject, "{\"id\": 7,\n \"text\": \"x\",\n \"outlet\": \"G\"}");
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].id == "7");
  CHECK(docs[0].meta["outlet"] == "G");
  ApiError e = Err(BodyKind::kJsonObject, "{\"id\": 7,\n \"text\": }");
  CHECK(e.error == "malformed_json");
  CHECK(*e.line == 2);
  CHECK(Err(BodyKind::kJsonObject, "[1]").error == "invalid_document");
  CHECK(Err(BodyKind::kJsonObject, "{\"id\": \"a\"}").message.find("\"text\"") !=
        std::string::npos);
}

TEST_CASE("JSON Lines: every line a story; the first bad line fails the body with its line") {
  auto docs = Docs(BodyKind::kJsonLines, "{\"id\":\"a\",\"text\":\"x\"}\n\n{\"text\":\"y\"}\n");
  REQUIRE(docs.size() == 2);
  CHECK(docs[1].id == "request:3");
  ApiError e = Err(BodyKind::kJsonLines, "{\"text\":\"x\"}\n{\"text\":\n");
  CHECK(e.error == "malformed_json");
  CHECK(*e.line == 2);
  CHECK(e.message.rfind("body: line 2: invalid JSON", 0) == 0);
  CHECK(e.message.find("at line 1") == std::string::npos);
  CHECK(Err(BodyKind::kJsonLines, "{\"id\":\"a\"}\n").error == "invalid_document");
  CHECK(Err(BodyKind::kJsonLines, "\n  \n").error == "empty_body");
}

}  // namespace whosaid::serve
