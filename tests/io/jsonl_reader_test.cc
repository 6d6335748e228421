#include "whosaid/io/jsonl_reader.h"

#include <doctest/doctest.h>

#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <variant>
#include <vector>

namespace whosaid::io {
namespace {

using Item = std::variant<InputDocument, InputError>;

// Reads everything from `input`, in order.
std::vector<Item> ReadAll(const std::string& input, const std::string& source = "in.jsonl") {
  std::istringstream in(input);
  JsonlReader reader(in, source);
  std::vector<Item> items;
  for (int guard = 0; guard < 100000; ++guard) {
    InputDocument doc;
    InputError error;
    const auto kind = reader.Next(&doc, &error);
    if (kind == JsonlReader::Kind::kEnd) {
      // End is sticky.
      CHECK(reader.Next(&doc, &error) == JsonlReader::Kind::kEnd);
      return items;
    }
    if (kind == JsonlReader::Kind::kDocument) {
      items.emplace_back(std::move(doc));
    } else {
      items.emplace_back(std::move(error));
    }
  }
  FAIL("reader did not end");
  return items;
}

const InputDocument& Doc(const Item& item) {
  REQUIRE(std::holds_alternative<InputDocument>(item));
  return std::get<InputDocument>(item);
}
const InputError& Err(const Item& item) {
  REQUIRE(std::holds_alternative<InputError>(item));
  return std::get<InputError>(item);
}

bool Contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("jsonl reader: good lines") {
  const auto items = ReadAll(
      "{\"id\": \"a\", \"text\": \"Hello \\u201cworld\\u201d\"}\n"
      "{\"text\": \"Caf\xC3\xA9 \xF0\x9F\x98\x80\", \"id\": \"b\"}\n");
  REQUIRE(items.size() == 2);
  CHECK(Doc(items[0]).id == "a");
  CHECK(Doc(items[0]).text == "Hello \xE2\x80\x9Cworld\xE2\x80\x9D");
  CHECK(Doc(items[0]).meta.is_null());
  CHECK(Doc(items[0]).line == 1);
  CHECK(Doc(items[1]).id == "b");
  CHECK(Doc(items[1]).text == "Caf\xC3\xA9 \xF0\x9F\x98\x80");
  CHECK(Doc(items[1]).line == 2);
}

TEST_CASE("jsonl reader: empty input") {
  CHECK(ReadAll("").empty());
  CHECK(ReadAll("\n\n  \n").empty());
}

TEST_CASE("jsonl reader: CRLF line ends and blank lines") {
  const auto items = ReadAll(
      "\r\n{\"id\":\"a\",\"text\":\"x\"}\r\n\r\n   "
      "\n\t\r\n{\"id\":\"b\",\"text\":\"y\\r\\n\"}\r\n\n");
  REQUIRE(items.size() == 2);
  CHECK(Doc(items[0]).id == "a");
  CHECK(Doc(items[0]).line == 2);
  CHECK(Doc(items[1]).id == "b");
  CHECK(Doc(items[1]).text == "y\r\n");  // escaped CR LF inside the text are kept
  CHECK(Doc(items[1]).line == 6);
}

TEST_CASE("jsonl reader: last line without newline") {
  const auto items = ReadAll("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}");
  REQUIRE(items.size() == 2);
  CHECK(Doc(items[1]).id == "b");
  CHECK(Doc(items[1]).line == 2);
  const auto crlf = ReadAll("{\"id\":\"c\",\"text\":\"z\"}\r");
  REQUIRE(crlf.size() == 1);
  CHECK(Doc(crlf[0]).id == "c");
}

TEST_CASE("jsonl reader: broken JSON is an error and reading continues") {
  const auto items = ReadAll(
      "{\"id\":\"a\",\"text\":\"x\"}\n"
      "{\"id\":\"b\",\"text\":\"unterminated}\n"
      "{\"id\":\"c\",\"text\":\"z\"}\n"
      "{\"id\":\"d\",\"text\":\"z\"} trailing\n"
      "{\"id\":\"e\",\"text\":\"w\"}\n");
  REQUIRE(items.size() == 5);
  CHECK(Doc(items[0]).id == "a");
  CHECK(Err(items[1]).line == 2);
  CHECK(Err(items[1]).message.rfind("line 2: invalid JSON: ", 0) == 0);
  CHECK(Contains(Err(items[1]).message, "parse error"));
  CHECK(Doc(items[2]).id == "c");
  CHECK(Err(items[3]).line == 4);
  CHECK(Err(items[3]).message.rfind("line 4: invalid JSON: ", 0) == 0);
  CHECK(Doc(items[4]).id == "e");
}

TEST_CASE("jsonl reader: a line that is not an object") {
  const auto items = ReadAll("[1,2]\n\"text\"\n42\nnull\n{\"text\":\"ok\"}\n");
  REQUIRE(items.size() == 5);
  CHECK(Err(items[0]).message == "line 1: expected a JSON object, got array");
  CHECK(Err(items[1]).message == "line 2: expected a JSON object, got string");
  CHECK(Err(items[2]).message == "line 3: expected a JSON object, got number");
  CHECK(Err(items[3]).message == "line 4: expected a JSON object, got null");
  CHECK(Doc(items[4]).text == "ok");
}

TEST_CASE("jsonl reader: missing or non-string text") {
  const auto items = ReadAll(
      "{\"id\":\"a\"}\n"
      "{\"id\":\"b\",\"text\":42}\n"
      "{\"id\":\"c\",\"text\":null}\n"
      "{\"id\":\"d\",\"text\":[\"x\"]}\n"
      "{\"id\":\"e\",\"Text\":\"x\"}\n"
      "{\"id\":\"f\",\"text\":\"\"}\n");
  REQUIRE(items.size() == 6);
  CHECK(Err(items[0]).message == "line 1: no string field \"text\"");
  CHECK(Err(items[0]).line == 1);
  CHECK(Err(items[1]).message.rfind("line 2: no string field \"text\"", 0) == 0);
  CHECK(Contains(Err(items[1]).message, "number"));
  CHECK(Contains(Err(items[2]).message, "null"));
  CHECK(Contains(Err(items[3]).message, "array"));
  CHECK(Err(items[4]).message == "line 5: no string field \"text\"");
  CHECK(Doc(items[5]).text.empty());  // an empty text is a document
}

TEST_CASE("jsonl reader: ids") {
  const auto items = ReadAll(
      "{\"id\":17,\"text\":\"x\"}\n"
      "{\"id\":-3,\"text\":\"x\"}\n"
      "{\"id\":2.5,\"text\":\"x\"}\n"
      "{\"text\":\"x\"}\n"
      "\n"
      "{\"id\":null,\"text\":\"x\"}\n"
      "{\"id\":true,\"text\":\"x\"}\n"
      "{\"id\":{\"a\":1},\"text\":\"x\"}\n"
      "{\"id\":\"\",\"text\":\"x\"}\n",
      "-");
  REQUIRE(items.size() == 8);
  CHECK(Doc(items[0]).id == "17");
  CHECK(Doc(items[1]).id == "-3");
  CHECK(Doc(items[2]).id == "2.5");
  CHECK(Doc(items[3]).id == "-:4");
  CHECK(Doc(items[4]).id == "-:6");
  CHECK(Doc(items[4]).meta.is_null());  // a null id is not meta
  CHECK(Err(items[5]).message == "line 7: field \"id\" must be a string or a number, not boolean");
  CHECK(Err(items[6]).message == "line 8: field \"id\" must be a string or a number, not object");
  CHECK(Doc(items[7]).id.empty());  // a string id is taken as is
}

TEST_CASE("jsonl reader: default id names the source") {
  const auto items = ReadAll("\n{\"text\":\"x\"}\n", "data/news.jsonl");
  REQUIRE(items.size() == 1);
  CHECK(Doc(items[0]).id == "data/news.jsonl:2");
}

TEST_CASE("jsonl reader: extra fields become meta") {
  const auto items = ReadAll(
      "{\"id\":\"a\",\"text\":\"x\",\"source\":\"wire\",\"tags\":[1,\"b\"],\"n\":{\"k\":null}}\n");
  REQUIRE(items.size() == 1);
  const nlohmann::json& meta = Doc(items[0]).meta;
  REQUIRE(meta.is_object());
  CHECK(meta.size() == 3);
  CHECK(meta.at("source") == "wire");
  CHECK(meta.at("tags") == nlohmann::json::array({1, "b"}));
  CHECK(meta.at("n").at("k").is_null());
  CHECK_FALSE(meta.contains("id"));
  CHECK_FALSE(meta.contains("text"));
}

TEST_CASE("jsonl reader: invalid UTF-8 in a line is an error for that line") {
  const auto items = ReadAll(
      "{\"id\":\"a\",\"text\":\"bad \xFF\xFE byte\"}\n"
      "{\"id\":\"b\",\"text\":\"lone \\ud800 surrogate\"}\n"
      "{\"id\":\"c\",\"text\":\"good\"}\n");
  REQUIRE(items.size() == 3);
  CHECK(Err(items[0]).line == 1);
  CHECK(Err(items[0]).message.rfind("line 1: invalid JSON: ", 0) == 0);
  CHECK(Contains(Err(items[0]).message, "UTF-8"));
  // The message quotes the input: it must itself stay valid UTF-8.
  CHECK_FALSE(Contains(Err(items[0]).message, "\xFF"));
  CHECK(Err(items[1]).message.rfind("line 2: invalid JSON: ", 0) == 0);
  CHECK(Doc(items[2]).id == "c");
}

TEST_CASE("jsonl reader: a byte order mark before the first line is skipped") {
  const auto items = ReadAll("\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"x\"}\n");
  REQUIRE(items.size() == 1);
  CHECK(Doc(items[0]).id == "a");
}

TEST_CASE("jsonl reader: a 5 MB line") {
  std::string big;
  big.reserve(5 << 20);
  const std::string piece = "\xE2\x80\x9CQuote,\xE2\x80\x9D she said. \xC3\xA9\xE6\x9D\xB1 ";
  while (big.size() < (size_t{5} << 20)) big += piece;
  const std::string input = "{\"id\":\"small\",\"text\":\"s\"}\n{\"id\":\"big\",\"text\":\"" + big +
                            "\",\"k\":1}\r\n{\"id\":\"after\",\"text\":\"t\"}";
  const auto items = ReadAll(input);
  REQUIRE(items.size() == 3);
  CHECK(Doc(items[1]).id == "big");
  CHECK(Doc(items[1]).text.size() == big.size());
  CHECK(Doc(items[1]).text == big);
  CHECK(Doc(items[1]).meta == nlohmann::json{{"k", 1}});
  CHECK(Doc(items[2]).id == "after");
  CHECK(Doc(items[2]).line == 3);

  // A huge broken line gets a short message.
  const auto broken = ReadAll("{\"text\":\"" + big + "\xFF\"}\n");
  REQUIRE(broken.size() == 1);
  CHECK(Err(broken[0]).message.size() < 400);
}

TEST_CASE("jsonl reader: line numbers and accessors") {
  std::istringstream in("{\"text\":\"a\"}\n\n{\"text\":\"b\"}\n");
  JsonlReader reader(in, "src");
  CHECK(reader.source_name() == "src");
  CHECK(reader.line() == 0);
  InputDocument doc;
  InputError error;
  REQUIRE(reader.Next(&doc, &error) == JsonlReader::Kind::kDocument);
  CHECK(reader.line() == 1);
  REQUIRE(reader.Next(&doc, &error) == JsonlReader::Kind::kDocument);
  CHECK(reader.line() == 3);
  CHECK(doc.id == "src:3");
  CHECK(reader.Next(&doc, &error) == JsonlReader::Kind::kEnd);
}

TEST_CASE("jsonl reader: a stream read error is reported once, then end") {
  // A stream buffer that yields one good line, then fails (as a disk error would).
  struct FailingBuf : std::streambuf {
    std::string data = "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":";
    bool served = false;
    int_type underflow() override {
      if (served) throw std::runtime_error("disk on fire");
      served = true;
      setg(data.data(), data.data(), data.data() + data.size());
      return traits_type::to_int_type(data[0]);
    }
  } buf;
  std::istream in(&buf);
  JsonlReader reader(in, "f");
  InputDocument doc;
  InputError error;
  REQUIRE(reader.Next(&doc, &error) == JsonlReader::Kind::kDocument);
  CHECK(doc.id == "a");
  REQUIRE(reader.Next(&doc, &error) == JsonlReader::Kind::kError);
  CHECK(error.line == 2);
  CHECK(error.message == "line 2: read error");
  CHECK(reader.Next(&doc, &error) == JsonlReader::Kind::kEnd);
}

}  // namespace whosaid::io
