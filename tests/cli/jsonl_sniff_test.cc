#include "cli/jsonl_sniff.h"

#include <doctest/doctest.h>

namespace whosaid::cli {
namespace {

TEST_CASE("jsonl sniff: a .jsonl name or a first line that is a record with \"text\"") {
  CHECK(LooksLikeJsonLines("stories.jsonl", "anything"));
  CHECK(LooksLikeJsonLines("a.txt", "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\"}\n"));
  CHECK(LooksLikeJsonLines("-", "\xEF\xBB\xBF\n  \n {\"text\": \"x\"}"));  // BOM, blank lines
  CHECK(LooksLikeJsonLines("a.txt", "{\"text\": \"x\"}\r\nmore"));
}

TEST_CASE("jsonl sniff: stories, JSON without \"text\" and broken JSON are not") {
  CHECK_FALSE(LooksLikeJsonLines("a.txt", "\xE2\x80\x9CWe won,\xE2\x80\x9D she said."));
  CHECK_FALSE(LooksLikeJsonLines("a.txt", ""));
  CHECK_FALSE(LooksLikeJsonLines("a.txt", "{\"note\": \"a config\"}\n"));
  CHECK_FALSE(LooksLikeJsonLines("a.txt", "{\"text\": \"unclosed\n"));
  CHECK_FALSE(LooksLikeJsonLines("a.txt", "{braces} and \"text\" in a story\n"));
  CHECK_FALSE(LooksLikeJsonLines("a.txt", "[{\"text\": \"x\"}]\n"));
  CHECK_FALSE(LooksLikeJsonLines("jsonl.txt", "plain"));
}

}  // namespace
}  // namespace whosaid::cli
