// A quotation that only mentions a pronoun (attrib/word_mention.h) gets no speaker. Whole-
// extraction checks with the built-in English pack on short stories of our own.
#include <doctest/doctest.h>

#include "extract_for_test.h"

namespace whosaid::attrib {
namespace {

using testing::Extract;

TEST_CASE("word mention: a quoted pronoun is a word, not speech") {
  const auto q = Extract(
      "Ana Ruiz runs the ferry. The letters page asked why readers back Tom Reyl, unless "
      "“she” is a “he.” Ruiz called the debate “a circus” on Monday.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].quote == "a circus");
  CHECK(q[0].speaker == "Ana Ruiz");
}

}  // namespace
}  // namespace whosaid::attrib
