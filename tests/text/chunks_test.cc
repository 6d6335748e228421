#include "whosaid/text/chunks.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace whosaid::text {
namespace {

struct Cut {
  std::string text;
  Segmentation seg;
  std::vector<ByteSpan> pieces;
};

Cut CutUp(const std::string& t, uint32_t max_bytes) {
  auto segmenter = Segmenter::Create();
  REQUIRE(segmenter.ok());
  Cut c{t, (*segmenter)->Segment(t), {}};
  REQUIRE(c.seg.paragraphs.size() == 1);
  c.pieces = ChunkParagraph(c.text, c.seg, 0, max_bytes);
  return c;
}

// The pieces cover the paragraph in order, without gaps, each within the bound.
void CheckCover(const Cut& c, uint32_t max_bytes) {
  REQUIRE(!c.pieces.empty());
  CHECK(c.pieces.front().begin == c.seg.paragraphs[0].begin);
  CHECK(c.pieces.back().end == c.seg.paragraphs[0].end);
  for (size_t i = 0; i < c.pieces.size(); ++i) {
    CHECK(!c.pieces[i].empty());
    CHECK(c.pieces[i].size() <= max_bytes);
    if (i > 0) CHECK(c.pieces[i].begin == c.pieces[i - 1].end);
  }
}

TEST_CASE("chunks: a paragraph within the bound comes back whole") {
  const Cut c = CutUp("One sentence. Another one, “quoted,” she said.", 1024);
  REQUIRE(c.pieces.size() == 1);
  CHECK(c.pieces[0] == c.seg.paragraphs[0]);
}

TEST_CASE("chunks: a long paragraph is cut at sentence ends") {
  std::string t;
  for (int i = 0; i < 200; ++i) t += "The council met again on Tuesday night. ";
  t.pop_back();
  const Cut c = CutUp(t, 1024);
  CheckCover(c, 1024);
  CHECK(c.pieces.size() >= 8);
  for (size_t i = 0; i + 1 < c.pieces.size(); ++i) {
    CHECK(t[c.pieces[i].end - 1] == '.');  // each piece but the last ends a sentence
  }
}

TEST_CASE("chunks: one sentence longer than the bound is cut after white space") {
  std::string t;
  for (int i = 0; i < 300; ++i) t += "and the tide went out ";
  t += "again.";
  const Cut c = CutUp(t, 1024);
  CheckCover(c, 1024);
  CHECK(c.pieces.size() >= 6);
  for (size_t i = 0; i + 1 < c.pieces.size(); ++i) CHECK(t[c.pieces[i].end - 1] == ' ');
}

TEST_CASE("chunks: text without white space is cut between code points") {
  std::string t;
  for (int i = 0; i < 1000; ++i) t += "“é”";  // 3 + 2 + 3 bytes, no space at all
  const Cut c = CutUp(t, 1024);
  CheckCover(c, 1024);
  for (const ByteSpan p : c.pieces) {
    CHECK((static_cast<unsigned char>(t[p.begin]) & 0xC0) != 0x80);  // starts a code point
  }
}

TEST_CASE("chunks: the bound is at least 1024 bytes") {
  std::string t(3000, 'x');
  const Cut c = CutUp(t, 10);
  CheckCover(c, 1024);
  CHECK(c.pieces.size() == 3);
}

TEST_CASE("chunks: paragraph pieces keep short paragraphs whole and cut long ones") {
  std::string longp;
  for (int i = 0; i < 100; ++i) longp += "The council met again on Tuesday night. ";
  longp.pop_back();
  const std::string t = "A short one.\n\n" + longp + "\n\nAnother short one.";
  auto segmenter = Segmenter::Create();
  REQUIRE(segmenter.ok());
  const Segmentation seg = (*segmenter)->Segment(t);
  REQUIRE(seg.paragraphs.size() == 3);
  const std::vector<ByteSpan> pieces = ParagraphPieces(t, seg, 1024);
  REQUIRE(pieces.size() > 4);
  CHECK(pieces.front() == seg.paragraphs[0]);
  CHECK(pieces.back() == seg.paragraphs[2]);
  CHECK(pieces[1].begin == seg.paragraphs[1].begin);
  CHECK(pieces[pieces.size() - 2].end == seg.paragraphs[1].end);
  for (size_t i = 2; i + 1 < pieces.size(); ++i) CHECK(pieces[i].begin == pieces[i - 1].end);
}

}  // namespace
}  // namespace whosaid::text
