#include "whosaid/lexicon/word_table.h"

#include <doctest/doctest.h>

#include "whosaid/lexicon/list_file.h"

namespace whosaid::lexicon {

TEST_CASE("word table: one lookup gives every list of a word, phrases whole") {
  WordTable t;
  const ListId titles = *t.AddList("honorifics");
  const ListId abbr = *t.AddList("abbreviations");
  const ListId cues = *t.AddList("cue_verbs");
  CHECK(*t.AddList("abbreviations") == abbr);  // adding a known name finds it
  t.Add(titles, "Sen.");
  t.Add(abbr, "Sen.");
  t.Add(abbr, "U.S.");
  t.Add(cues, "according to");
  t.Add(cues, "according to");  // a duplicate is one entry
  CHECK(t.ListsOf("Sen.") == ((uint64_t{1} << titles) | (uint64_t{1} << abbr)));
  CHECK(t.Contains(abbr, "U.S."));
  CHECK_FALSE(t.Contains(titles, "U.S."));
  CHECK(t.Contains(cues, "according to"));
  CHECK_FALSE(t.Contains(cues, "according"));
  CHECK(t.ListsOf("sen.") == 0);  // exact, case-sensitive
  CHECK(t.Entries(cues) == std::vector<std::string>{"according to"});
  CHECK(t.Name(titles) == "honorifics");
  CHECK_FALSE(t.FindList("nope").has_value());
}

TEST_CASE("word table: a straight apostrophe in the text finds an entry written either way") {
  WordTable t;
  const ListId modals = *t.AddList("not_subject_words");
  t.Add(modals, NormalizeEntry("can't"));  // stored as can’t
  t.Add(modals, NormalizeEntry("won\u2019t"));
  CHECK(t.Contains(modals, "can't"));
  CHECK(t.Contains(modals, "can\u2019t"));
  CHECK(t.Contains(modals, "won't"));
  CHECK(t.ClassOf("won't") == t.ClassOf("won\u2019t"));
  CHECK_FALSE(t.Contains(modals, "can'"));
  CHECK(t.ListsOf("don't") == 0);
}

TEST_CASE("word table: at most 64 lists") {
  WordTable t;
  for (size_t i = 0; i < WordTable::kMaxLists; ++i) {
    REQUIRE(t.AddList("l" + std::to_string(i)).has_value());
  }
  CHECK_FALSE(t.AddList("one_too_many").has_value());
  t.Add(63, "last");
  CHECK(t.Contains(63, "last"));
}

TEST_CASE("word table: every length, near misses and growth past thousands of entries") {
  // The lookup compares words of up to 16 bytes by two overlapping loads and longer ones
  // byte by byte: words of every length around those bounds, words that differ in one
  // byte only (first, middle, last), prefixes, and a table grown many times over.
  WordTable t;
  const ListId a = *t.AddList("a");
  const ListId b = *t.AddList("b");
  std::vector<std::string> words;
  for (size_t n = 1; n <= 40; ++n) {
    std::string w;
    for (size_t i = 0; i < n; ++i) w += static_cast<char>('a' + (i * 7 + n) % 26);
    words.push_back(w);
  }
  for (size_t k = 0; k < 5000; ++k) words.push_back("w" + std::to_string(k));
  words.push_back(std::string("nul\0byte", 8));
  words.push_back("\xC3\xA9t\xC3\xA9");
  for (size_t k = 0; k < words.size(); ++k) t.Add(k % 2 ? a : b, words[k]);
  for (size_t k = 0; k < words.size(); ++k) {
    const std::string& w = words[k];
    CAPTURE(w);
    REQUIRE(t.ListsOf(w) == (uint64_t{1} << (k % 2 ? a : b)));
    if (k >= 40) continue;
    for (size_t at : {size_t{0}, w.size() / 2, w.size() - 1}) {
      std::string near = w;
      near[at] = near[at] == 'Z' ? 'Y' : 'Z';
      CHECK(t.ListsOf(near) == 0);
    }
    CHECK(t.ListsOf(w + "\x01") == 0);  // one byte longer
    CHECK(t.ListsOf(std::string_view(w).substr(1)) == 0);
  }
  CHECK(t.ListsOf("") == 0);
  CHECK(t.ListsOf(std::string(100, 'x')) == 0);  // longer than every entry
  CHECK(t.ListsOf(std::string("nul\0bytf", 8)) == 0);
  CHECK(t.Entries(a).size() + t.Entries(b).size() == words.size());
}

TEST_CASE("word table: classes name sets of lists; more than 65,536 sets is refused") {
  WordTable t;
  std::vector<ListId> ids;
  for (int k = 0; k < 17; ++k) ids.push_back(*t.AddList("l" + std::to_string(k)));
  t.Add(ids[0], "alpha");
  t.Add(ids[1], "alpha");
  t.Add(ids[0], "beta");
  t.Add(ids[1], "beta");
  CHECK(t.ClassOf("alpha") == t.ClassOf("beta"));  // the same lists, the same class
  CHECK(t.ClassOf("alpha") != 0);
  CHECK(t.ClassOf("gamma") == 0);
  CHECK(t.ListsOfClass(t.ClassOf("alpha")) == t.ListsOf("alpha"));
  CHECK(t.ListsOfClass(0) == 0);
  // Word w's lists are the bits of w: every set is a new class, until none is left.
  bool refused = false;
  uint32_t w = 1;
  for (; w < (1u << 17) && !refused; ++w) {
    for (int k = 0; k < 17 && !refused; ++k) {
      if ((w >> k) & 1) refused = !t.Add(ids[k], "w" + std::to_string(w));
    }
  }
  CHECK(refused);
  CHECK(w > 60000);  // refused only when the classes ran out
  CHECK(t.ListsOf("alpha") == ((uint64_t{1} << ids[0]) | (uint64_t{1} << ids[1])));
}

TEST_CASE("list files: comments, blanks, apostrophes and invalid UTF-8") {
  std::vector<rules::Diagnostic> d;
  const std::string text = "# a comment\n\n  O'Neill  \nde  la\r\n\xFF bad\nlast";
  const std::vector<std::string> entries = ParseListFile("x.lst", text, &d);
  CHECK(entries == std::vector<std::string>{"O\xE2\x80\x99Neill", "de la", "last"});
  REQUIRE(d.size() == 1);
  CHECK(d[0].ToString() == "x.lst:5:1: error: invalid UTF-8");
}

}  // namespace whosaid::lexicon
