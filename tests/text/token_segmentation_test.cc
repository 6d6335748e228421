// Paragraphs and sentences read off the token stream. When they replaced ICU's sentence
// iterator, a differential test found the same paragraphs and sentence starts on the example
// stories, but for ICU's break after "?" or "!" before a lower-case word; the cases below
// keep what that comparison showed.
#include "whosaid/text/token_segmentation.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "whosaid/entities/word_list.h"

namespace whosaid::text {
namespace {

Segmentation SegmentText(const std::string& t) {
  auto lex = entities::Lexicons::Load(std::string(WHOSAID_SOURCE_DIR) + "/rules/en/lexicon");
  REQUIRE(lex.ok());
  SegmenterOptions options;
  lex->ToSegmenterOptions(&options);
  auto seg = Segmenter::Create(options);
  REQUIRE(seg.ok());
  return (*seg)->Segment(t);
}

std::vector<std::string> Slices(const std::string& t, const std::vector<ByteSpan>& spans) {
  std::vector<std::string> out;
  for (ByteSpan b : spans) out.push_back(t.substr(b.begin, b.size()));
  return out;
}

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Paragraphs of a text whose paragraphs are separated by blank lines, found without the
// tokenizer: blocks of non-blank lines, trimmed.
std::vector<std::string> BlankLineParagraphs(const std::string& t) {
  std::vector<std::string> out;
  std::istringstream in(t);
  std::string line, para;
  auto flush = [&] {
    const size_t b = para.find_first_not_of(" \t\r\n");
    if (b != std::string::npos) {
      out.push_back(para.substr(b, para.find_last_not_of(" \t\r\n") + 1 - b));
    }
    para.clear();
  };
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      flush();
    } else {
      para += line + "\n";
    }
  }
  flush();
  return out;
}

}  // namespace

TEST_CASE("token segmentation: spans from first to last token, indices consistent") {
  const std::string t = "  Mr. Hill said so. She agreed!\n\n“Yes,” said Ann Lee.  ";
  const Segmentation s = SegmentText(t);
  CHECK(Slices(t, s.paragraphs) ==
        std::vector<std::string>{"Mr. Hill said so. She agreed!", "“Yes,” said Ann Lee."});
  CHECK(Slices(t, s.sentences) ==
        std::vector<std::string>{"Mr. Hill said so.", "She agreed!", "“Yes,” said Ann Lee."});
  CHECK(s.sentence_paragraph == std::vector<uint32_t>{0, 0, 1});
  CHECK(s.paragraph_first_sentence == std::vector<uint32_t>{0, 2});
  REQUIRE(!s.tokens.empty());
  for (const Token& tok : s.tokens) {
    if (tok.kind == TokenKind::kParagraphBreak) continue;
    CHECK(s.sentences[tok.sentence].contains(tok.span));
    CHECK(s.paragraphs[s.sentence_paragraph[tok.sentence]].contains(tok.span));
  }
}

TEST_CASE("token segmentation: a question mark before a lower-case cue ends no sentence") {
  const std::string t = "“Why now?” she asked. Nobody answered.";
  CHECK(Slices(t, SegmentText(t).sentences) ==
        std::vector<std::string>{"“Why now?” she asked.", "Nobody answered."});
}

TEST_CASE("token segmentation: abbreviations and initials end no sentence") {
  const std::string t =
      "Gen. Ruiz met U.S. officials on Jan. 5 in St. Louis. John F. Kennedy was cited. "
      "Acme Inc. paid. The firm, Acme Inc., did not. Sen. Lee left at 5 p.m. on Friday.";
  const std::vector<std::string> expected{
      "Gen. Ruiz met U.S. officials on Jan. 5 in St. Louis.", "John F. Kennedy was cited.",
      "Acme Inc. paid.", "The firm, Acme Inc., did not.", "Sen. Lee left at 5 p.m. on Friday."};
  CHECK(Slices(t, SegmentText(t).sentences) == expected);
}

TEST_CASE("token segmentation: the example stories") {
  int files = 0;
  size_t sentences = 0;
  for (const auto& entry : std::filesystem::directory_iterator(WHOSAID_SOURCE_DIR "/examples")) {
    if (entry.path().extension() != ".txt") continue;
    const std::string t = ReadFile(entry.path());
    const Segmentation seg = SegmentText(t);
    INFO(entry.path().filename().string());
    CHECK(Slices(t, seg.paragraphs) == BlankLineParagraphs(t));
    // Each sentence lies in its paragraph, starts with a token that starts a sentence, and
    // the sentences of a paragraph cover it from its first to its last token.
    for (size_t i = 0; i < seg.sentences.size(); ++i) {
      const uint32_t p = seg.sentence_paragraph[i];
      CHECK(seg.paragraphs[p].contains(seg.sentences[i]));
      if (i + 1 == seg.sentences.size() || seg.sentence_paragraph[i + 1] != p) {
        CHECK(seg.sentences[i].end == seg.paragraphs[p].end);
      }
    }
    for (const Token& tok : seg.tokens) {
      if (tok.kind == TokenKind::kParagraphBreak) continue;
      CHECK(tok.sentence_start == (seg.sentences[tok.sentence].begin == tok.span.begin));
    }
    ++files;
    sentences += seg.sentences.size();
  }
  CHECK(files >= 6);
  CHECK(sentences > 50);
}

}  // namespace whosaid::text
