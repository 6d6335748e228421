// No English word list in C++ (issue 15, "One lexicon"): every word class lives in a
// `.lst` file of the pack's lexicon/ and reaches the code through entities::Lexicons. This
// test reads the C++ sources under src/ and fails on a braced list of three or more string
// literals that are words or phrases ({"the", "a", "an"}, {"when ", "of "}, {" on", " host of"}):
// the shape every moved array had. Literals that are not words (punctuation, "\xE2\x80\x99s",
// format strings, SQL) do not count, nor do lists given to CLI11's IsMember (option values).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace {

struct Token {
  enum Kind { kPunct, kLiteral, kOther } kind;
  std::string text;  // a literal without its quotes, as written (escapes not decoded)
  int line;
};

bool IsIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// C++ tokens, enough to find braced lists: comments skipped, string literals (raw ones too)
// whole, character literals skipped, identifiers and numbers as one kOther each.
std::vector<Token> Tokenize(const std::string& s) {
  std::vector<Token> out;
  int line = 1;
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '\n') {
      ++line;
      ++i;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    if (s.compare(i, 2, "//") == 0) {
      while (i < s.size() && s[i] != '\n') ++i;
      continue;
    }
    if (s.compare(i, 2, "/*") == 0) {
      const size_t e = s.find("*/", i + 2);
      const size_t end = e == std::string::npos ? s.size() : e + 2;
      for (size_t k = i; k < end; ++k) line += s[k] == '\n';
      i = end;
      continue;
    }
    if (c == 'R' && i + 1 < s.size() && s[i + 1] == '"' && (i == 0 || !IsIdentChar(s[i - 1]))) {
      const size_t open = s.find('(', i + 2);
      std::string delim = ")";
      delim.append(s, i + 2, open - i - 2);
      delim += '"';
      const size_t close = s.find(delim, open);
      const size_t end = close == std::string::npos ? s.size() : close + delim.size();
      out.push_back({Token::kLiteral, s.substr(open + 1, close - open - 1), line});
      for (size_t k = i; k < end; ++k) line += s[k] == '\n';
      i = end;
      continue;
    }
    if (c == '"') {
      size_t k = i + 1;
      while (k < s.size() && s[k] != '"' && s[k] != '\n') k += s[k] == '\\' ? 2 : 1;
      out.push_back({Token::kLiteral, s.substr(i + 1, k - i - 1), line});
      i = k + 1;
      continue;
    }
    if (c == '\'') {  // a character literal ('x', U'"', '\'')
      size_t k = i + 1;
      while (k < s.size() && s[k] != '\'' && s[k] != '\n') k += s[k] == '\\' ? 2 : 1;
      out.push_back({Token::kOther, "'", line});
      i = k + 1;
      continue;
    }
    if (c >= '0' && c <= '9') {  // a number, digit separators included (1'000)
      size_t k = i;
      while (k < s.size() && (IsIdentChar(s[k]) || s[k] == '\'' || s[k] == '.')) ++k;
      out.push_back({Token::kOther, s.substr(i, k - i), line});
      i = k;
      continue;
    }
    if (IsIdentChar(c)) {
      size_t k = i;
      while (k < s.size() && IsIdentChar(s[k])) ++k;
      out.push_back({Token::kOther, s.substr(i, k - i), line});
      i = k;
      continue;
    }
    out.push_back({Token::kPunct, std::string(1, c), line});
    ++i;
  }
  return out;
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A word or a phrase of words, with blanks at its ends allowed: "the", "When ", " host of",
// "vs.", "U.S", "said.", "e.g". A word is ASCII letters with inner periods, hyphens or
// apostrophes and an optional final period.
bool IsWords(std::string t) {
  while (!t.empty() && t.front() == ' ') t.erase(0, 1);
  while (!t.empty() && t.back() == ' ') t.pop_back();
  if (t.empty()) return false;
  bool prev_letter = false;
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (IsAsciiLetter(c)) {
      prev_letter = true;
    } else if (c == '.' || c == '-' || c == '\'' || c == ' ') {
      const bool last = i + 1 == t.size();
      if (!prev_letter) return false;
      if (c != '.' && last) return false;
      if (c == ' ' && last) return false;
      prev_letter = false;
      if (c == '.' && !last && t[i + 1] == ' ') continue;  // "vs. Smith"
    } else {
      return false;
    }
  }
  return true;
}

struct Found {
  int line;
  std::string first;  // the first word literal of the list
  int words;
};

// Braced lists of string literals only ({"a", "b", "c"}, a trailing comma allowed) with at
// least `min_words` word literals, not given to IsMember(…).
std::vector<Found> FindWordLists(const std::string& source, int min_words = 3) {
  const std::vector<Token> toks = Tokenize(source);
  std::vector<Found> out;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].kind != Token::kPunct || toks[i].text != "{") continue;
    if (i >= 2 && toks[i - 1].text == "(" && toks[i - 2].text == "IsMember") continue;
    size_t k = i + 1;
    int words = 0;
    std::string first;
    bool pure = false;
    while (k < toks.size()) {
      if (toks[k].kind != Token::kLiteral) break;
      std::string lit;
      while (k < toks.size() && toks[k].kind == Token::kLiteral) lit += toks[k++].text;
      if (IsWords(lit)) {
        if (words++ == 0) first = lit;
      }
      if (k < toks.size() && toks[k].text == ",") ++k;
      if (k < toks.size() && toks[k].text == "}") {
        pure = true;
        break;
      }
    }
    if (pure && words >= min_words) out.push_back({toks[i].line, first, words});
  }
  return out;
}

// Statements (cut at ; { }) that compare a word with three or more word literals, the other
// shape an inline word list takes: `w == "he" || w == "He" || w == "him"`,
// `starts("a ") || starts("the ")`, `s.rfind("The ", 0) == 0 || …`.
std::vector<Found> FindWordComparisons(const std::string& source) {
  const std::vector<Token> toks = Tokenize(source);
  std::vector<Found> out;
  int words = 0, line = 0;
  std::string first;
  auto is = [&](size_t k, const char* text) { return k < toks.size() && toks[k].text == text; };
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    if (t.kind == Token::kPunct && (t.text == ";" || t.text == "{" || t.text == "}")) {
      if (words >= 3) out.push_back({line, first, words});
      words = 0;
      continue;
    }
    if (t.kind != Token::kLiteral || !IsWords(t.text)) continue;
    const bool compared = (i >= 2 && is(i - 1, "=") && (is(i - 2, "=") || is(i - 2, "!"))) ||
                          (is(i + 1, "=") && is(i + 2, "=")) || (is(i + 1, "!") && is(i + 2, "="));
    const bool probed = i >= 2 && is(i - 1, "(") &&
                        (is(i - 2, "starts") || is(i - 2, "rfind") || is(i - 2, "find"));
    if (!compared && !probed) continue;
    if (words++ == 0) {
      first = t.text;
      line = t.line;
    }
  }
  if (words >= 3) out.push_back({line, first, words});
  return out;
}

TEST_CASE("lexicon in C++: the check finds word comparisons and passes others") {
  CHECK(FindWordComparisons(R"(if (w == "he" || w == "He" || w == "him") g = 1;)").size() == 1);
  CHECK(FindWordComparisons(R"(ok = starts("a ") || starts("an ") || starts("the ");)").size() ==
        1);
  CHECK(
      FindWordComparisons(
          R"(if (p.rfind("The ", 0) == 0 || p.rfind("the ", 0) == 0 || p.rfind("A ", 0) == 0) {})")
          .size() == 1);
  CHECK(FindWordComparisons(R"(if (w == "he") a(); if (w == "she") b(); c = x != "it";)").empty());
  CHECK(FindWordComparisons(R"(if (name == "jsonl" || name == ",") f("a", "b", "c");)").empty());
}

TEST_CASE("lexicon in C++: the check finds word arrays and passes other lists") {
  // The shapes of arrays that moved to rules/en/lexicon/.
  CHECK(FindWordLists(R"(static constexpr std::string_view kStops[] = {
      "the", "a", "an", "said.", "according"};)")
            .size() == 1);
  CHECK(FindWordLists(R"(constexpr const char* kAbbr[] = {"Mr", "U.S", "e.g", "Ph.D",};)").size() ==
        1);
  CHECK(FindWordLists(R"(kSub[] = {"As ", "After ", "When "};)").size() == 1);
  CHECK(FindWordLists(R"(kCues[] = {"\xE2\x80\x99s", "'s", " on", " episode of", " host of"};)")
            .size() == 1);
  CHECK(FindWordLists(R"(for (std::string_view p : {"He ", "She ", "They "}) {})").size() == 1);
  CHECK(FindWordLists(R"(return In(lower, {"of", "and", "for", "&"});)").size() == 1);
  // Not word lists.
  CHECK(FindWordLists(R"(x->check(CLI::IsMember({"jsonl", "json", "csv", "text"}));)").empty());
  CHECK(FindWordLists(R"(f({"DELETE FROM a WHERE id = ?1", "DELETE FROM b", "x = ?"});)").empty());
  CHECK(FindWordLists(R"(v = {{"role", r.role}, {"documents", n}, {"x", y}};)").empty());
  CHECK(FindWordLists(R"(for (auto s : {",", ";", ":", "--"}) {})").empty());
  CHECK(FindWordLists(R"(// {"the", "a", "an"} in a comment
      /* {"the", "a", "an"} */ f({"he", "she"});)")
            .empty());
  CHECK(FindWordLists(R"(s = "{\"the\", \"a\", \"an\"}"; t = R"x({"the", "a", "an"})x";)").empty());
  CHECK(FindWordLists(R"(c = U'"'; n = 1'000; v = {"the", "a", "an"};)").size() == 1);
  CHECK(FindWordLists("x\n\"a\"\n{\"the\", \"a\", \"an\"}").at(0).line == 3);
}

TEST_CASE("lexicon in C++: no English word list in src/") {
  // Lists that still wait for their move (issue 15), by file and first word: none left.
  const std::set<std::pair<std::string, std::string>> pending = {};
  // Literals that look like words but are values of whosaid's own formats, not English.
  const std::set<std::pair<std::string, std::string>> not_words = {
      {"whosaid/store/records.cc", "direct"},  // the record types of the output contract
  };
  const char* override_dir = std::getenv("WHOSAID_LEXICON_CHECK_SRC");  // to try other trees
  const std::filesystem::path src = override_dir
                                        ? std::filesystem::path(override_dir)
                                        : std::filesystem::path(WHOSAID_SOURCE_DIR) / "src";
  REQUIRE(std::filesystem::is_directory(src));
  int files = 0;
  std::set<std::pair<std::string, std::string>> seen_pending;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(src)) {
    const std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() || (ext != ".cc" && ext != ".h")) continue;
    ++files;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string rel = std::filesystem::relative(entry.path(), src).generic_string();
    std::vector<Found> found = FindWordLists(ss.str());
    for (const Found& f : FindWordComparisons(ss.str())) found.push_back(f);
    for (const Found& f : found) {
      if (not_words.count({rel, f.first})) continue;
      if (pending.count({rel, f.first})) {
        seen_pending.insert({rel, f.first});
        continue;
      }
      FAIL_CHECK(rel << ":" << f.line << ": a list of " << f.words << " English words starting \""
                     << f.first << "\": move it to a .lst file of rules/en/lexicon/");
    }
  }
  CHECK(files > 50);
  // A pending list that has moved leaves this test: take it off `pending`.
  for (const auto& p : pending) {
    if (!override_dir) CHECK_MESSAGE(seen_pending.count(p), p.first << " \"" << p.second << "\"");
  }
}

}  // namespace
