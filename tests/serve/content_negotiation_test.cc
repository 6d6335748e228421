#include "whosaid/serve/content_negotiation.h"

#include <doctest/doctest.h>

namespace whosaid::serve {

using output::Format;

TEST_CASE("Accept picks JSON Lines, JSON or CSV; JSON Lines by default") {
  CHECK(*NegotiateRecordFormat("") == Format::kJsonl);
  CHECK(*NegotiateRecordFormat("*/*") == Format::kJsonl);
  CHECK(*NegotiateRecordFormat("application/json") == Format::kJson);
  CHECK(*NegotiateRecordFormat("text/csv") == Format::kCsv);
  CHECK(*NegotiateRecordFormat("application/x-ndjson") == Format::kJsonl);
  CHECK(*NegotiateRecordFormat("Application/JSON; charset=utf-8") == Format::kJson);
  // q-values, then the client's order; q=0 is refused.
  CHECK(*NegotiateRecordFormat("text/csv;q=0.5, application/json") == Format::kJson);
  CHECK(*NegotiateRecordFormat("text/html, text/csv;q=0.9, */*;q=0.1") == Format::kCsv);
  CHECK(*NegotiateRecordFormat("text/*") == Format::kCsv);
  CHECK_FALSE(NegotiateRecordFormat("text/html").ok());
  CHECK_FALSE(NegotiateRecordFormat("application/json;q=0").ok());
}

TEST_CASE("the database listings also offer text") {
  CHECK(*NegotiateRowFormat("text/plain") == store::RowFormat::kText);
  CHECK(*NegotiateRowFormat("") == store::RowFormat::kJsonl);
  CHECK_FALSE(NegotiateRowFormat("image/png").ok());
}

TEST_CASE("Content-Type says what the body holds") {
  CHECK(*BodyKindOf("") == BodyKind::kText);
  CHECK(*BodyKindOf("text/plain; charset=utf-8") == BodyKind::kText);
  CHECK(*BodyKindOf("application/x-www-form-urlencoded") == BodyKind::kText);
  CHECK(*BodyKindOf("application/json") == BodyKind::kJsonObject);
  CHECK(*BodyKindOf("application/x-ndjson") == BodyKind::kJsonLines);
  CHECK(*BodyKindOf("application/jsonl") == BodyKind::kJsonLines);
  CHECK_FALSE(BodyKindOf("multipart/form-data; boundary=x").ok());
}

TEST_CASE("content types of the responses") {
  CHECK(std::string(ContentTypeOf(Format::kJsonl)) == "application/x-ndjson");
  CHECK(std::string(ContentTypeOf(Format::kCsv)).rfind("text/csv", 0) == 0);
  CHECK(std::string(ContentTypeOf(store::RowFormat::kText)).rfind("text/plain", 0) == 0);
}

}  // namespace whosaid::serve
