#include "whosaid/text/document.h"

#include <doctest/doctest.h>

#include "whosaid/text/utf8.h"

namespace whosaid::text {
namespace {

TEST_CASE("document: code point offsets of multi-byte text") {
  // é (2 bytes), 寿 (3 bytes), 🍣 (4 bytes).
  const std::string t = "é寿🍣a";
  auto doc = Document::FromBytes("d", t);
  REQUIRE(doc.ok());
  CHECK(doc->CodePointOffset(0) == 0);
  CHECK(doc->CodePointOffset(2) == 1);
  CHECK(doc->CodePointOffset(5) == 2);
  CHECK(doc->CodePointOffset(9) == 3);
  CHECK(doc->CodePointOffset(10) == 4);
  CHECK(doc->CodePointLength() == 4);
}

TEST_CASE("document: offsets past checkpoints and at the very end") {
  std::string t;
  for (int i = 0; i < 300; ++i) t += "ü";  // 600 bytes, 300 code points
  auto doc = Document::FromBytes("d", t);
  REQUIRE(doc.ok());
  CHECK(doc->CodePointOffset(512) == 256);
  CHECK(doc->CodePointOffset(600) == 300);
  std::string exact(512, 'a');  // size a multiple of the checkpoint interval
  auto doc2 = Document::FromBytes("d", exact);
  REQUIRE(doc2.ok());
  CHECK(doc2->CodePointOffset(512) == 512);
  auto empty = Document::FromBytes("d", "");
  REQUIRE(empty.ok());
  CHECK(empty->CodePointOffset(0) == 0);
}

TEST_CASE("document: invalid UTF-8 is rejected with its byte offset") {
  auto doc = Document::FromBytes("story.txt", std::string("ok \xFF rest"));
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().code() == StatusCode::kInvalidUtf8);
  CHECK(doc.status().message() == "document story.txt: invalid UTF-8 at byte 3");
  // Overlong encodings and surrogates are invalid too.
  CHECK_FALSE(Document::FromBytes("d", std::string("\xC0\x80")).ok());
  CHECK_FALSE(Document::FromBytes("d", std::string("\xED\xA0\x80")).ok());
  CHECK_FALSE(Document::FromBytes("d", std::string("\xF4\x90\x80\x80")).ok());
}

TEST_CASE("document: lenient decoding counts each ill-formed subpart as one code point") {
  DocumentOptions lenient;
  lenient.lenient = true;
  // "\xE2\x80" is one truncated sequence (one U+FFFD in Python), "\xFF" another.
  auto doc = Document::FromBytes("d", std::string("a\xE2\x80z\xFFq"), lenient);
  REQUIRE(doc.ok());
  CHECK(doc->had_invalid_bytes());
  CHECK(doc->size() == 6);
  CHECK(doc->CodePointOffset(3) == 2);  // 'z'
  CHECK(doc->CodePointOffset(5) == 4);  // 'q'
  CHECK(doc->Slice({0, 6}) == "a\xEF\xBF\xBDz\xEF\xBF\xBDq");
  CHECK(FindInvalidUtf8(doc->Slice({0, 6})) == std::string_view::npos);
}

TEST_CASE("document: text joined from pieces of a lenient document is repaired as Slice is") {
  DocumentOptions lenient;
  lenient.lenient = true;
  auto doc = Document::FromBytes("d", std::string("Ann Le\x9C\x96e and Bo Park\xE2\x80"), lenient);
  REQUIRE(doc.ok());
  const std::string_view t = doc->text();
  // A name joined from two places of the text, as the registry builds canonical names.
  const std::string joined = std::string(t.substr(0, 9)) + " " + std::string(t.substr(17));
  const std::string repaired = doc->Repaired(joined);
  CHECK(FindInvalidUtf8(repaired) == std::string_view::npos);
  CHECK(repaired == doc->Slice({0, 9}) + " " + doc->Slice({17, 26}));
  // A document without invalid bytes is left as it is.
  auto clean = Document::FromBytes("c", "Zoë Ngata");
  REQUIRE(clean.ok());
  CHECK(clean->Repaired(clean->text()) == "Zoë Ngata");
}

TEST_CASE("document: a byte order mark stays one code point") {
  auto doc = Document::FromBytes("d", "\xEF\xBB\xBFHi");
  REQUIRE(doc.ok());
  CHECK(doc->bom_bytes() == 3);
  CHECK(doc->CodePointOffset(3) == 1);
}

TEST_CASE("document: the size limit is an error value") {
  DocumentOptions small;
  small.max_bytes = 4;
  auto doc = Document::FromBytes("big", "12345", small);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().code() == StatusCode::kLimitExceeded);
  CHECK(doc.status().message() ==
        "document big is larger than the limit of 4 bytes (--max-doc-bytes): 5 bytes");
}

TEST_CASE("utf8: decoding before an offset") {
  const std::string t = "a€";
  size_t start = 0;
  CHECK(DecodeBefore(t, t.size(), &start) == U'€');
  CHECK(start == 1);
  std::string out;
  AppendUtf8(out, U'🍣');
  CHECK(out == "🍣");
  CHECK(CountCodePoints("a€🍣") == 3);
}

}  // namespace
}  // namespace whosaid::text
