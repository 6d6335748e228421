// The token stream's sentences against the former ICU segmenter's (SentenceSource::kIcu),
// on the example stories and on sentences of our own: the differential test of the switch.
#include "whosaid/text/token_segmentation.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "whosaid/entities/word_list.h"

namespace whosaid::text {
namespace {

Segmentation SegmentWith(const std::string& t, SentenceSource source) {
  auto lex = entities::Lexicons::Load(std::string(WHOSAID_SOURCE_DIR) + "/rules/en/lexicon");
  REQUIRE(lex.ok());
  SegmenterOptions options;
  lex->ToSegmenterOptions(&options);
  options.sentences = source;
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

// ICU ends a sentence at "?" or "!" (with closing marks) whatever follows; the token stream
// does not before a lower-case word ("“Why?” she asked." is one sentence). That is the one
// difference the switch accepts: is the ICU sentence start at `begin` one of those?
bool IcuBreakBeforeLowerCase(const std::string& t, uint32_t begin) {
  const unsigned char c = static_cast<unsigned char>(t[begin]);
  if (!(c >= 'a' && c <= 'z')) return false;
  size_t i = begin;
  while (i > 0 && (t[i - 1] == ' ')) --i;
  const std::string before = t.substr(i >= 4 ? i - 4 : 0, i >= 4 ? 4 : i);
  return before.find_first_of("?!") != std::string::npos;
}

}  // namespace

TEST_CASE("token segmentation: spans from first to last token, indices consistent") {
  const std::string t = "  Mr. Hill said so. She agreed!\n\n“Yes,” said Ann Lee.  ";
  const Segmentation s = SegmentWith(t, SentenceSource::kTokens);
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
    CHECK(s.paragraphs[tok.paragraph].contains(tok.span));
  }
}

TEST_CASE("token segmentation: a question mark before a lower-case cue ends no sentence") {
  const std::string t = "“Why now?” she asked. Nobody answered.";
  CHECK(Slices(t, SegmentWith(t, SentenceSource::kTokens).sentences) ==
        std::vector<std::string>{"“Why now?” she asked.", "Nobody answered."});
}

TEST_CASE("token segmentation: abbreviations and initials agree with ICU") {
  const std::string t =
      "Gen. Ruiz met U.S. officials on Jan. 5 in St. Louis. John F. Kennedy was cited. "
      "Acme Inc. paid. The firm, Acme Inc., did not. Sen. Lee left at 5 p.m. on Friday.";
  const std::vector<std::string> expected{
      "Gen. Ruiz met U.S. officials on Jan. 5 in St. Louis.", "John F. Kennedy was cited.",
      "Acme Inc. paid.", "The firm, Acme Inc., did not.", "Sen. Lee left at 5 p.m. on Friday."};
  CHECK(Slices(t, SegmentWith(t, SentenceSource::kTokens).sentences) == expected);
  CHECK(Slices(t, SegmentWith(t, SentenceSource::kIcu).sentences) == expected);
}

TEST_CASE("token segmentation: the same paragraphs and sentences as ICU on the examples") {
  int files = 0, sentences = 0;
  for (const auto& entry : std::filesystem::directory_iterator(WHOSAID_SOURCE_DIR "/examples")) {
    if (entry.path().extension() != ".txt") continue;
    const std::string t = ReadFile(entry.path());
    const Segmentation tok = SegmentWith(t, SentenceSource::kTokens);
    const Segmentation icu = SegmentWith(t, SentenceSource::kIcu);
    INFO(entry.path().filename().string());
    CHECK(tok.paragraphs == icu.paragraphs);
    std::set<uint32_t> tok_starts, icu_starts;
    for (ByteSpan b : tok.sentences) tok_starts.insert(b.begin);
    for (ByteSpan b : icu.sentences) {
      if (!IcuBreakBeforeLowerCase(t, b.begin)) icu_starts.insert(b.begin);
    }
    CHECK(tok_starts == icu_starts);
    ++files;
    sentences += static_cast<int>(tok.sentences.size());
  }
  CHECK(files >= 6);
  CHECK(sentences > 50);
}

}  // namespace whosaid::text
