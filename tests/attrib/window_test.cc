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

TEST_CASE("window: a span ending on a stand-in ends on a character boundary of the story") {
  // A placeholder stands for its whole quote: a span ending on it ends after the closing
  // mark, a span starting on it starts at the opening mark (never inside the 3-byte “).
  const std::string t = "Bo told me “never” then.";
  const Built b = Build(t, -1);
  const size_t told = b.window.text.find("told");
  const size_t after = b.window.text.find(" then");
  REQUIRE(after != std::string::npos);
  const text::ByteSpan span = b.window.ToDocument(static_cast<int>(told), static_cast<int>(after));
  CHECK(t.substr(span.begin, span.size()) == "told me “never”");
  const size_t mark = b.window.text.find("\xEE\x80\x81");
  const text::ByteSpan quote =
      b.window.ToDocument(static_cast<int>(mark), static_cast<int>(mark + 3));
  CHECK(t.substr(quote.begin, quote.size()) == "“never”");
  // A no-break space (2 bytes) folded to " " maps back whole.
  const std::string nb = "Bo\xC2\xA0Li said.";
  const Built c = Build(nb, -1);
  const text::ByteSpan name = c.window.ToDocument(0, 5);  // "Bo Li"
  CHECK(nb.substr(name.begin, name.size()) == "Bo\xC2\xA0Li");
  const text::ByteSpan space = c.window.ToDocument(0, 3);  // "Bo "
  CHECK(nb.substr(space.begin, space.size()) == "Bo\xC2\xA0");
}

TEST_CASE("window: a quote's window is capped on code point boundaries") {
  // 700 three-byte characters before the quote: a 600-byte cap falls inside one of them.
  std::string t;
  for (int k = 0; k < 700; ++k) t += "\xE2\x82\xAC";  // €
  t += " “Yes,” she said.";
  auto seg = text::Segmenter::Create();
  REQUIRE(seg.ok());
  const text::Segmentation s = (*seg)->Segment(t);
  const auto quotes = quotes::ScanQuotes(t, s);
  REQUIRE(quotes.size() == 1);
  const text::ByteSpan extent = QuoteExtent(t, s, quotes[0], 601);
  CHECK(quotes[0].outer.begin - extent.begin <= 601);
  CHECK((static_cast<unsigned char>(t[extent.begin]) & 0xC0) != 0x80);
}

}  // namespace
}  // namespace whosaid::attrib
