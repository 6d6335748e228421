#include "whosaid/attrib/window.h"

#include <doctest/doctest.h>

#include "../english_pack.h"
#include "whosaid/quotes/scanner.h"

namespace whosaid::attrib {
namespace {

struct Built {
  std::string text;
  Window window;
};

Built Build(const std::string& t, int focus) {
  auto seg = text::Segmenter::Create();
  REQUIRE(seg.ok());
  const text::Segmentation s = (*seg)->Segment(t);
  const auto quotes = quotes::ScanQuotes(t, s);
  Built b{t, {}};
  BuildWindow(t, s, quotes, focus, {0, static_cast<uint32_t>(t.size())},
              testing::EnglishScannerOptions().title_small_words, &b.window);
  return b;
}

TEST_CASE("window: the focus quote and others become placeholders, punctuation moved out") {
  const Built b = Build("“We won,” she said. “It was close.” Next.", 0);
  CHECK(b.window.text == "\xEE\x80\x80, she said. \xEE\x80\x81. Next.");
  CHECK(b.window.focus == 0);
  // British punctuation reads the same.
  CHECK(Build("“We won”, she said.", 0).window.text == "\xEE\x80\x80, she said.");
}

TEST_CASE("window: white space folds, paragraph breaks read ¶, apostrophes read ’") {
  const Built b = Build("Hill\n  continued:\n\n“Two numbers.”\n\nIt's over.", 0);
  CHECK(b.window.text == "Hill continued: ¶ \xEE\x80\x80. ¶ It’s over.");
}

TEST_CASE("window: every byte maps back to the document") {
  const std::string t = "Ms.  Ruiz said:\n\n“Fine.”";
  const Built b = Build(t, 0);
  const size_t at = b.window.text.find("Ruiz");
  REQUIRE(at != std::string::npos);
  const text::ByteSpan span = b.window.ToDocument(static_cast<int>(at), static_cast<int>(at + 4));
  CHECK(t.substr(span.begin, span.size()) == "Ruiz");
  const size_t ms = b.window.text.find("Ms. Ruiz");
  const text::ByteSpan both = b.window.ToDocument(static_cast<int>(ms), static_cast<int>(ms + 8));
  CHECK(t.substr(both.begin, both.size()) == "Ms.  Ruiz");
}

TEST_CASE("window: a nickname inside a name reads as the name alone") {
  const std::string t = "“Board now,” said Walter ``Wally'' Brenner, the captain.";
  const Built b = Build(t, 0);
  CHECK(b.window.text == "\xEE\x80\x80, said Walter Brenner, the captain.");
  // The name maps back to the whole name in the story, nickname included.
  const size_t at = b.window.text.find("Walter Brenner");
  REQUIRE(at != std::string::npos);
  const text::ByteSpan span = b.window.ToDocument(static_cast<int>(at), static_cast<int>(at + 14));
  CHECK(t.substr(span.begin, span.size()) == "Walter ``Wally'' Brenner");
}

TEST_CASE("window: no focus for indirect-speech windows") {
  const Built b = Build("She said “no” twice.", -1);
  CHECK(b.window.text == "She said \xEE\x80\x81 twice.");
  CHECK(b.window.focus == UINT32_MAX);
}

}  // namespace
}  // namespace whosaid::attrib
