#include "whosaid/text/segmenter.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "whosaid/entities/word_list.h"

namespace whosaid::text {
namespace {

// The English pack's abbreviations, as Extractor::Create gives them to the segmenter.
SegmenterOptions EnglishOptions() {
  auto lex = entities::Lexicons::Load(std::string(WHOSAID_SOURCE_DIR) + "/rules/en/lexicon");
  REQUIRE(lex.ok());
  SegmenterOptions options;
  lex->ToSegmenterOptions(&options);
  return options;
}

std::vector<std::string> Sentences(const std::string& t, SegmenterOptions options = EnglishOptions()) {
  auto seg = Segmenter::Create(options);
  REQUIRE(seg.ok());
  const Segmentation s = (*seg)->Segment(t);
  std::vector<std::string> out;
  for (ByteSpan b : s.sentences) out.push_back(t.substr(b.begin, b.size()));
  return out;
}

std::vector<std::string> Paragraphs(const std::string& t, ParagraphMode mode) {
  SegmenterOptions options;
  options.paragraph_mode = mode;
  auto seg = Segmenter::Create(options);
  REQUIRE(seg.ok());
  const Segmentation s = (*seg)->Segment(t);
  std::vector<std::string> out;
  for (ByteSpan b : s.paragraphs) out.push_back(t.substr(b.begin, b.size()));
  return out;
}

TEST_CASE("segmenter: abbreviations do not end sentences") {
  CHECK(Sentences("Mr. Hill met Ms. Ruiz and Dr. Lee. They talked.") ==
        std::vector<std::string>{"Mr. Hill met Ms. Ruiz and Dr. Lee.", "They talked."});
  CHECK(Sentences("The U.S. Senate voted on Jan. 5 with Gen. Moss and Sen. Park present. Done.") ==
        std::vector<std::string>{
            "The U.S. Senate voted on Jan. 5 with Gen. Moss and Sen. Park present.", "Done."});
  CHECK(Sentences("He lives on St. Mark Street. She does not.").size() == 2);
  CHECK(Sentences("John F. Kennedy spoke. Crowds cheered.").size() == 2);
}

TEST_CASE("segmenter: without abbreviations only initials keep a period") {
  // (ICU keeps a few of its own, "Mr." and "Dr.": not these.)
  CHECK(Sentences("Gov. Hill met Cpl. Lee. They talked.", SegmenterOptions{}) ==
        std::vector<std::string>{"Gov.", "Hill met Cpl.", "Lee.", "They talked."});
  CHECK(Sentences("John F. Kennedy spoke. Crowds cheered.", SegmenterOptions{}).size() == 2);
  SegmenterOptions own;
  own.abbreviations = {"Hon.", "Cpl"};
  CHECK(Sentences("Hon. Ann Lee met Cpl. Bo Li. They talked.", own).size() == 2);
  CHECK(Sentences("Gov. Hill left.", own).size() == 2);
}

TEST_CASE("segmenter: soft abbreviations end a sentence before a capital") {
  CHECK(Sentences("Shares of Acme Inc. fell. Analysts shrugged.").size() == 2);
  CHECK(Sentences("Acme Co. said it would expand.").size() == 1);
}

TEST_CASE("segmenter: sentences never cross paragraphs") {
  SegmenterOptions options;
  auto seg = Segmenter::Create(options);
  REQUIRE(seg.ok());
  const std::string t = "First line without a stop\n\nSecond paragraph. Two sentences.";
  const Segmentation s = (*seg)->Segment(t);
  REQUIRE(s.paragraphs.size() == 2);
  REQUIRE(s.sentences.size() == 3);
  CHECK(s.sentence_paragraph == std::vector<uint32_t>{0, 1, 1});
  CHECK(s.paragraph_first_sentence == std::vector<uint32_t>{0, 1});
  CHECK(s.ParagraphAt(static_cast<uint32_t>(t.find("Two"))) == 1);
  CHECK(s.SentenceAt(static_cast<uint32_t>(t.find("Two"))) == 2);
}

TEST_CASE("segmenter: paragraph modes") {
  const std::string wrapped = "A wrapped\nparagraph.\n\nAnother one.";
  CHECK(Paragraphs(wrapped, ParagraphMode::kAuto) ==
        std::vector<std::string>{"A wrapped\nparagraph.", "Another one."});
  CHECK(Paragraphs(wrapped, ParagraphMode::kLineBreak).size() == 3);
  const std::string lines = "One.\nTwo.\nThree.";
  CHECK(Paragraphs(lines, ParagraphMode::kAuto).size() == 3);
  CHECK(Paragraphs(lines, ParagraphMode::kBlankLine).size() == 1);
}

TEST_CASE("segmenter: a file's final newline and trailing blank lines are no paragraph break") {
  // One paragraph per line, as most editors save it: a final newline, maybe blank lines.
  CHECK(Paragraphs("One.\nTwo.\nThree.\n", ParagraphMode::kAuto).size() == 3);
  CHECK(Paragraphs("One.\r\nTwo.\r\n", ParagraphMode::kAuto).size() == 2);
  CHECK(Paragraphs("One.\nTwo.\n\n\n", ParagraphMode::kAuto).size() == 2);
  CHECK(Paragraphs("\n\nOne.\nTwo.\n", ParagraphMode::kAuto).size() == 2);
  // A blank line between two lines of text still switches to blank-line paragraphs.
  CHECK(Paragraphs("A wrapped\nparagraph.\n\nAnother one.\n", ParagraphMode::kAuto) ==
        std::vector<std::string>{"A wrapped\nparagraph.", "Another one."});
}

TEST_CASE("segmenter: CRLF, CR, blank lines with spaces and empty text") {
  CHECK(Paragraphs("One.\r\n\r\nTwo.\r\n", ParagraphMode::kAuto) ==
        std::vector<std::string>{"One.", "Two."});
  CHECK(Paragraphs("One.\r\rTwo.", ParagraphMode::kAuto).size() == 2);
  CHECK(Paragraphs("One.\n  \t\nTwo.", ParagraphMode::kAuto).size() == 2);
  CHECK(Paragraphs("", ParagraphMode::kAuto).empty());
  CHECK(Paragraphs("   \n\n  ", ParagraphMode::kAuto).empty());
  CHECK(Paragraphs("\xEF\xBB\xBFStart.", ParagraphMode::kAuto) == std::vector<std::string>{"Start."});
}

TEST_CASE("segmenter: Unicode spaces count as white space") {
  CHECK(IsSpace(0xA0));
  CHECK(IsSpace(0x2009));
  CHECK(IsSpace(0xFEFF));
  CHECK_FALSE(IsSpace('x'));
}

}  // namespace
}  // namespace whosaid::text
