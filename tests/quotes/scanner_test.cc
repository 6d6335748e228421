// Tests for the quote scanner. Every story here was written for these tests.
#include "whosaid/quotes/scanner.h"

#include <doctest/doctest.h>

#include <initializer_list>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "../english_pack.h"
#include "whosaid/entities/word_list.h"
#include "whosaid/quotes/quote_span.h"
#include "whosaid/text/segmenter.h"

namespace whosaid::quotes {
namespace {

using text::ByteSpan;

// The English pack's elisions and small words, as Extractor::Create gives them to the
// scanner.
const ScannerOptions& EnglishOptions() { return testing::EnglishScannerOptions(); }

const text::Segmenter& TestSegmenter() {
  static const std::unique_ptr<text::Segmenter> segmenter = [] {
    auto created = text::Segmenter::Create();
    REQUIRE(created.ok());
    return std::move(created.value());
  }();
  return *segmenter;
}

// A list of quote contents that doctest can print when a check fails.
struct Strings {
  std::vector<std::string> items;
  Strings(std::initializer_list<std::string> list) : items(list) {}
  explicit Strings(std::vector<std::string> list) : items(std::move(list)) {}
  friend bool operator==(const Strings& a, const Strings& b) { return a.items == b.items; }
  friend std::ostream& operator<<(std::ostream& os, const Strings& s) {
    os << "{";
    for (size_t k = 0; k < s.items.size(); ++k) os << (k ? ", " : "") << '"' << s.items[k] << '"';
    return os << "}";
  }
};

struct Scanned {
  std::string text;
  std::vector<QuoteSpan> quotes;

  std::string Content(size_t k) const {
    return text.substr(quotes.at(k).content.begin, quotes.at(k).content.size());
  }
  std::string Outer(size_t k) const {
    return text.substr(quotes.at(k).outer.begin, quotes.at(k).outer.size());
  }
  Strings Contents() const {
    std::vector<std::string> out;
    for (size_t k = 0; k < quotes.size(); ++k) out.push_back(Content(k));
    return Strings(std::move(out));
  }
};

Scanned ScanText(std::string text, const ScannerOptions& options = EnglishOptions()) {
  Scanned s;
  s.text = std::move(text);
  const text::Segmentation seg = TestSegmenter().Segment(s.text);
  s.quotes = ScanQuotes(s.text, seg, options);
  return s;
}

// One paragraph covering the whole text, no sentences: for inputs too big or too odd to
// send through the segmenter in a unit test.
Scanned ScanOneParagraph(std::string text) {
  Scanned s;
  s.text = std::move(text);
  text::Segmentation seg;
  if (!s.text.empty()) seg.paragraphs.push_back({0, static_cast<uint32_t>(s.text.size())});
  s.quotes = ScanQuotes(s.text, seg, EnglishOptions());
  return s;
}

// Checks the invariants every result must hold, whatever the input.
void CheckWellFormed(const Scanned& s) {
  uint32_t prev_end = 0;
  for (const QuoteSpan& q : s.quotes) {
    CHECK(q.outer.begin <= q.content.begin);
    CHECK(q.content.begin < q.content.end);
    CHECK(q.content.end <= q.outer.end);
    CHECK(q.outer.end <= s.text.size());
    CHECK(q.outer.begin >= prev_end);
    prev_end = q.outer.end;
  }
}

TEST_CASE("scanner: QuoteTypeName") {
  CHECK(QuoteTypeName(QuoteType::kDirect) == "direct");
  CHECK(QuoteTypeName(QuoteType::kPartial) == "partial");
  CHECK(QuoteTypeName(QuoteType::kIndirect) == "indirect");
}

TEST_CASE("scanner: a curly double quote, its spans and marks") {
  const Scanned s = ScanText("The mayor paused. “We fixed the bridge,” she said.");
  REQUIRE(s.quotes.size() == 1);
  const QuoteSpan& q = s.quotes[0];
  CHECK(s.Content(0) == "We fixed the bridge,");
  CHECK(s.Outer(0) == "“We fixed the bridge,”");
  CHECK(q.open_mark == U'“');
  CHECK(q.close_mark == U'”');
  CHECK(q.outer.begin == 18);
  CHECK(q.content.begin == 21);
  CHECK(q.content.end == 41);
  CHECK(q.outer.end == 44);
  CHECK_FALSE(q.unclosed);
  CHECK_FALSE(q.multi_paragraph);
  CHECK_FALSE(q.single);
  CHECK(q.type == QuoteType::kDirect);
}

TEST_CASE("scanner: several quotes in one paragraph come in document order") {
  const Scanned s = ScanText("“First,” said Ada. “Second.” Then Bo said “third” and left.");
  CHECK(s.Contents() == Strings{"First,", "Second.", "third"});
  CheckWellFormed(s);
}

TEST_CASE("scanner: nesting") {
  SUBCASE("single inside double is one top-level quote") {
    const Scanned s = ScanText("“He said ‘no’ twice.”");
    REQUIRE(s.quotes.size() == 1);
    CHECK(s.Content(0) == "He said ‘no’ twice.");
    CHECK_FALSE(s.quotes[0].single);
  }
  SUBCASE("double inside a top-level single nests") {
    const Scanned s = ScanText("‘The sign said “closed” all week,’ the baker wrote.");
    REQUIRE(s.quotes.size() == 1);
    CHECK(s.Content(0) == "The sign said “closed” all week,");
    CHECK(s.quotes[0].single);
  }
  SUBCASE("straight single inside straight double, closing mark after a space") {
    const Scanned s = ScanText("\"I never liked the name 'harbor district,' \" the owner said.");
    REQUIRE(s.quotes.size() == 1);
    CHECK(s.Content(0) == "I never liked the name 'harbor district,'");
  }
  SUBCASE("straight double inside curly double") {
    const Scanned s = ScanText("“They called it \"the long winter\" for a reason,” he said.");
    CHECK(s.Contents() == Strings{"They called it \"the long winter\" for a reason,"});
  }
  SUBCASE("curly inside single inside curly: three levels") {
    const Scanned s = ScanText("“She told me ‘the sign read “open” at noon’ that day.”");
    CHECK(s.Contents() == Strings{"She told me ‘the sign read “open” at noon’ that day."});
  }
  SUBCASE("a single opening right after a double opening") {
    const Scanned s = ScanText("“‘Go home,’ she told me,” Ruth recalled.");
    CHECK(s.Contents() == Strings{"‘Go home,’ she told me,"});
  }
  SUBCASE("a closing double drops an unclosed inner single") {
    const Scanned s = ScanText("“He kept saying ‘wait for me,” Lin recalled.");
    CHECK(s.Contents() == Strings{"He kept saying ‘wait for me,"});
  }
  SUBCASE("depth beyond the cap is ignored without harm") {
    std::string t = "Start ";
    for (int k = 0; k < 20; ++k) t += k % 2 ? "‘x " : "“x ";
    t += "end.";
    const Scanned s = ScanText(t);
    REQUIRE(s.quotes.size() == 1);
    CHECK(s.quotes[0].unclosed);
    CheckWellFormed(s);
  }
}

TEST_CASE("scanner: apostrophes and elisions are not quotes") {
  SUBCASE("possessive: Canada’s") {
    const Scanned s = ScanText("Canada’s lakes froze early, and ‘nobody’ expected it.");
    CHECK(s.Contents() == Strings{"nobody"});
  }
  SUBCASE("contractions: don’t, it's") {
    const Scanned s = ScanText("I don’t know why it's late, but it's here now.");
    CHECK(s.quotes.empty());
  }
  SUBCASE("contraction inside a single quote does not close it") {
    const Scanned s = ScanText("The card read ‘don’t forget the keys’ in red ink.");
    CHECK(s.Contents() == Strings{"don’t forget the keys"});
  }
  SUBCASE("names: O’Neill, D'Arcy") {
    const Scanned s = ScanText("O’Neill met D'Arcy at the pier.");
    CHECK(s.quotes.empty());
  }
  SUBCASE("rock ’n’ roll and rock 'n' roll") {
    const Scanned s = ScanText("The band played rock ’n’ roll, then rock 'n' roll, then ‘jazz’.");
    CHECK(s.Contents() == Strings{"jazz"});
  }
  SUBCASE("decades: the ’90s and the '90s") {
    const Scanned s = ScanText("Fashion from the ’90s and the '80s came back in ’04.");
    CHECK(s.quotes.empty());
  }
  SUBCASE("plural possessive with no single quote open") {
    const Scanned s = ScanText("It was the voters’ choice and the farmers' market.");
    CHECK(s.quotes.empty());
  }
  SUBCASE("plural possessive while a single quote is open closes it") {
    const Scanned s = ScanText("The poster said ‘the voters’ choice matters.");
    CHECK(s.Contents() == Strings{"the voters"});
    CHECK(s.quotes[0].single);
  }
  SUBCASE("’em, ‘til, 'tis, 'cause") {
    const Scanned s = ScanText("Grab ’em now, wait ‘til noon, 'tis late, 'cause we said so.");
    CHECK(s.quotes.empty());
  }
  SUBCASE("without a list of elisions only digits are elided") {
    CHECK(ScanText("In the ’70s and ’80s it rained.", ScannerOptions{}).quotes.empty());
    ScannerOptions own;
    own.elisions = {"til"};
    CHECK(ScanText("Wait ‘til noon, Bo said.", own).quotes.empty());
  }
  SUBCASE("elisions inside a double quote leave it whole") {
    const Scanned s = ScanText("“We played ’em ‘til dawn in the ’70s,” Ray said.");
    CHECK(s.Contents() == Strings{"We played ’em ‘til dawn in the ’70s,"});
  }
  SUBCASE("between a digit and a letter: the 1990’s") {
    const Scanned s = ScanText("In the 1990’s and 2000's the ‘boom’ years came.");
    CHECK(s.Contents() == Strings{"boom"});
  }
  SUBCASE("dropped g: a trailing apostrophe with no quote open") {
    const Scanned s = ScanText("They were goin' home and singin’ loud.");
    CHECK(s.quotes.empty());
  }
}

TEST_CASE("scanner: straight quotes take their direction from context") {
  SUBCASE("open after space, close before punctuation") {
    const Scanned s = ScanText("\"We start Monday,\" the coach said. \"Be ready.\"");
    CHECK(s.Contents() == Strings{"We start Monday,", "Be ready."});
  }
  SUBCASE("open after brackets, dashes and slashes") {
    const Scanned s =
        ScanText("Notes (\"one\") and [\"two\"] and —\"three\" and /\"four\" were filed.");
    CHECK(s.Contents() == Strings{"one", "two", "three", "four"});
  }
  SUBCASE("open at paragraph start, close at paragraph end") {
    const Scanned s = ScanText("\"Nothing moved all night\"");
    REQUIRE(s.quotes.size() == 1);
    CHECK(s.Content(0) == "Nothing moved all night");
    CHECK_FALSE(s.quotes[0].unclosed);
  }
  SUBCASE("a lone mark between spaces closes an open quote and is ignored otherwise") {
    const Scanned s = ScanText("\"Keep the lights on \" she said, then drew a \" on the wall.");
    CHECK(s.Contents() == Strings{"Keep the lights on"});
  }
  SUBCASE("straight singles") {
    const Scanned s = ScanText("The sign said 'closed for repairs' all summer.");
    REQUIRE(s.quotes.size() == 1);
    CHECK(s.Content(0) == "closed for repairs");
    CHECK(s.quotes[0].single);
  }
  SUBCASE("inch marks after a digit are not quotes") {
    const Scanned s = ScanText("The guard is 6'2\" tall and the board 10\" wide.");
    CHECK(s.quotes.empty());
  }
  SUBCASE("two apostrophes stand for a double mark") {
    const Scanned s = ScanText("''The ferry is late,'' Ms. Park said. ''Again.''");
    CHECK(s.Contents() == Strings{"The ferry is late,", "Again."});
    CHECK_FALSE(s.quotes[0].single);
    CHECK(s.quotes[0].open_mark == U'"');
    CHECK(s.Outer(0) == "''The ferry is late,''");
  }
}

TEST_CASE("scanner: mismatched pairs") {
  SUBCASE("curly open, straight close") {
    const Scanned s = ScanText("“The crew was ready,\" the captain said.");
    CHECK(s.Contents() == Strings{"The crew was ready,"});
    CHECK(s.quotes[0].close_mark == U'"');
  }
  SUBCASE("straight open, curly close") {
    const Scanned s = ScanText("\"The crew was tired” the mate added.");
    CHECK(s.Contents() == Strings{"The crew was tired"});
  }
  SUBCASE("a left mark used to close") {
    const Scanned s = ScanText("He called it “a fair deal.“\n\nThen he left.");
    CHECK(s.Contents() == Strings{"a fair deal."});
    CHECK_FALSE(s.quotes[0].unclosed);
  }
  SUBCASE("reversed right mark as an opener") {
    const Scanned s = ScanText("”Hello” she said to the clerk.");
    CHECK(s.Contents() == Strings{"Hello"});
    CHECK(s.quotes[0].open_mark == U'”');
  }
  SUBCASE("single pairs: ‘…' and '…’") {
    const Scanned s = ScanText("Signs read ‘keep out' and 'no dogs’ by the gate.");
    CHECK(s.Contents() == Strings{"keep out", "no dogs"});
  }
  SUBCASE("a new opener of the same style ends a quote that was never closed") {
    const Scanned s = ScanText("\"We waited an hour, Mo said. \"Then the bus came,\" he added.");
    CHECK(s.Contents() == Strings{"We waited an hour, Mo said.", "Then the bus came,"});
    CHECK(s.quotes[0].unclosed);
    CHECK_FALSE(s.quotes[1].unclosed);
  }
}

TEST_CASE("scanner: multi-paragraph quotes") {
  SUBCASE("two paragraphs") {
    const std::string t =
        "Ms. Vale spoke first.\n\n“The dam held this year.\n\n“Next year it may not,” she "
        "said.\n\nThe crowd left.";
    const Scanned s = ScanText(t);
    REQUIRE(s.quotes.size() == 1);
    const QuoteSpan& q = s.quotes[0];
    CHECK(s.Content(0) == "The dam held this year.\n\n“Next year it may not,");
    CHECK(q.multi_paragraph);
    CHECK_FALSE(q.unclosed);
    CHECK(q.open_mark == U'“');
    CHECK(q.close_mark == U'”');
    CHECK(q.type == QuoteType::kDirect);
  }
  SUBCASE("three paragraphs, straight marks") {
    const std::string t =
        "\"One fence fell.\n\n\"Two barns burned.\n\n\"Three cows ran off,\" the farmer said.";
    const Scanned s = ScanText(t);
    REQUIRE(s.quotes.size() == 1);
    CHECK(s.Content(0) == "One fence fell.\n\n\"Two barns burned.\n\n\"Three cows ran off,");
    CHECK(s.quotes[0].multi_paragraph);
    CHECK(s.Outer(0).front() == '"');
  }
  SUBCASE("last paragraph never closes: unclosed and multi-paragraph") {
    const Scanned s = ScanText("“First part.\n\n“Second part.\n\nThe end.");
    REQUIRE(s.quotes.size() == 1);
    CHECK(s.Content(0) == "First part.\n\n“Second part.");
    CHECK(s.quotes[0].multi_paragraph);
    CHECK(s.quotes[0].unclosed);
    CHECK(s.quotes[0].close_mark == 0);
  }
  SUBCASE("inner quotes of a continued paragraph do not break it") {
    const Scanned s = ScanText("“Wait.\n\n“She said ‘go’ and we went.”");
    CHECK(s.Contents() == Strings{"Wait.\n\n“She said ‘go’ and we went."});
  }
  SUBCASE("max_quote_bytes stops a continuation") {
    std::string t;
    for (int k = 0; k < 6; ++k) t += "“Paragraph number " + std::to_string(k) + " goes on.\n\n";
    ScannerOptions options = EnglishOptions();
    options.max_quote_bytes = 40;
    const Scanned s = ScanText(t, options);
    REQUIRE(s.quotes.size() == 3);
    CHECK(s.Content(0) == "Paragraph number 0 goes on.\n\n“Paragraph number 1 goes on.");
    CHECK(s.quotes[0].unclosed);
    CHECK(s.quotes[0].multi_paragraph);
    const Scanned all = ScanText(t);
    REQUIRE(all.quotes.size() == 1);
    CHECK(all.quotes[0].multi_paragraph);
  }
}

TEST_CASE("scanner: unclosed quotes and stray marks") {
  SUBCASE("unclosed with no continuation ends at its paragraph") {
    const Scanned s = ScanText("The note said “back at noon   \n\nNobody came back.");
    REQUIRE(s.quotes.size() == 1);
    const QuoteSpan& q = s.quotes[0];
    CHECK(s.Content(0) == "back at noon");
    CHECK(q.unclosed);
    CHECK_FALSE(q.multi_paragraph);
    CHECK(q.close_mark == 0);
    CHECK(q.outer.end == q.content.end);
  }
  SUBCASE("a stray mark never swallows later paragraphs") {
    const Scanned s = ScanText(
        "The label read \"fragile.\n\nThe driver said \"no problem\" twice.\n\n“Fine,” I said.");
    CHECK(s.Contents() == Strings{"fragile.", "no problem", "Fine,"});
    CHECK(s.quotes[0].unclosed);
    CHECK_FALSE(s.quotes[1].unclosed);
  }
  SUBCASE("an unclosed top-level single was an apostrophe: doubles after it survive") {
    const Scanned s = ScanText("The 'Bama fans chanted \"roll on\" all night.");
    CHECK(s.Contents() == Strings{"roll on"});
    CHECK_FALSE(s.quotes[0].single);
  }
  SUBCASE("a stray closer with nothing open is ignored") {
    const Scanned s = ScanText("The word” slipped in. Then “a real one” came.");
    CHECK(s.Contents() == Strings{"a real one"});
  }
}

TEST_CASE("scanner: mark families") {
  SUBCASE("« » with French spacing") {
    const Scanned s = ScanText("Il a dit : « Nous partons demain. » Puis il est parti.");
    REQUIRE(s.quotes.size() == 1);
    CHECK(s.Content(0) == "Nous partons demain.");
    CHECK(s.Outer(0) == "« Nous partons demain. »");
    CHECK(s.quotes[0].open_mark == U'«');
    CHECK(s.quotes[0].close_mark == U'»');
  }
  SUBCASE("» « in German order") {
    const Scanned s = ScanText("Er sagte »Wir kommen morgen« und ging.");
    CHECK(s.Contents() == Strings{"Wir kommen morgen"});
  }
  SUBCASE("„ “ and „ ”") {
    const Scanned s = ScanText("Sie sagte „Ja“ und er sagte „Nein” dazu.");
    CHECK(s.Contents() == Strings{"Ja", "Nein"});
    CHECK(s.quotes[0].open_mark == U'„');
    CHECK(s.quotes[0].close_mark == U'“');
  }
  SUBCASE("「 」 and 『 』") {
    const Scanned s = ScanText("彼は「明日『東京』に行く」と言った。「はい」");
    CHECK(s.Contents() == Strings{"明日『東京』に行く", "はい"});
    const Scanned w = ScanText("書名は『雪国』です。");
    CHECK(w.Contents() == Strings{"雪国"});
  }
  SUBCASE("‹ › singles") {
    const Scanned s = ScanText("Il a écrit ‹ oui › puis ‹non›.");
    CHECK(s.Contents() == Strings{"oui", "non"});
    CHECK(s.quotes[0].single);
  }
  SUBCASE("‚ ‘ low single") {
    const Scanned s = ScanText("Er sagte ‚vielleicht‘ und lachte.");
    CHECK(s.Contents() == Strings{"vielleicht"});
    CHECK(s.quotes[0].open_mark == U'‚');
  }
  SUBCASE("‘ ’ headline style") {
    const Scanned s = ScanText("Voters Have Doubts ‘in Their Heads’, Poll Finds.");
    REQUIRE(s.quotes.size() == 1);
    CHECK(s.Content(0) == "in Their Heads");
    CHECK(s.quotes[0].single);
  }
  SUBCASE("British style single quotes") {
    const Scanned s = ScanText("‘We shall see,’ the minister said.");
    REQUIRE(s.quotes.size() == 1);
    CHECK(s.Content(0) == "We shall see,");
    CHECK(s.quotes[0].single);
    CHECK(s.quotes[0].type == QuoteType::kDirect);
  }
}

TEST_CASE("scanner: direct and partial quotes") {
  auto type_of = [](const std::string& t) {
    const Scanned s = ScanText(t);
    REQUIRE(s.quotes.size() == 1);
    return s.quotes[0].type;
  };
  SUBCASE("at paragraph start") {
    CHECK(type_of("“We will rebuild,” Tao said.") == QuoteType::kDirect);
  }
  SUBCASE("after a colon") {
    CHECK(type_of("Tao was blunt: “we will rebuild.”") == QuoteType::kDirect);
  }
  SUBCASE("after a comma") {
    CHECK(type_of("Tao said, “we will rebuild the school.”") == QuoteType::kDirect);
  }
  SUBCASE("after a sentence") {
    CHECK(type_of("Tao sighed. “we rebuild now.”") == QuoteType::kDirect);
  }
  SUBCASE("after a dash") {
    CHECK(type_of("The answer — “not this year” — came fast.") == QuoteType::kDirect);
  }
  SUBCASE("shaped as a sentence inside a running one") {
    CHECK(type_of("Tao said “We will rebuild.” and sat down.") == QuoteType::kDirect);
  }
  SUBCASE("a fragment after a verb") {
    CHECK(type_of("He dismissed what he called “reckless claims” in court.") ==
          QuoteType::kPartial);
  }
  SUBCASE("a fragment after that") {
    CHECK(type_of("She said that “we will win” and left.") == QuoteType::kPartial);
  }
  SUBCASE("a capitalized fragment without final punctuation") {
    CHECK(type_of("They watched “Harbor Nights” on Sunday.") == QuoteType::kPartial);
  }
}

TEST_CASE("scanner: white space variants") {
  SUBCASE("CRLF paragraphs") {
    const Scanned s = ScanText("“One.\r\n\r\n“Two,” Kim said.\r\n\r\nShe said \"three\"\r\n");
    CHECK(s.Contents() == Strings{"One.\r\n\r\n“Two,", "three"});
    CHECK(s.quotes[0].multi_paragraph);
  }
  SUBCASE("CR before a straight closing mark's line end") {
    const Scanned s = ScanOneParagraph("He said \"go home\"\r");
    CHECK(s.Contents() == Strings{"go home"});
  }
  SUBCASE("byte order mark before an opening straight quote") {
    const Scanned s = ScanText("\xEF\xBB\xBF\"Fresh bread,\" the sign said.");
    REQUIRE(s.quotes.size() == 1);
    CHECK(s.Content(0) == "Fresh bread,");
    CHECK(s.quotes[0].outer.begin == 3);
    CHECK(s.quotes[0].type == QuoteType::kDirect);
  }
  SUBCASE("byte order mark inside a paragraph counts as a space") {
    const Scanned s = ScanOneParagraph("\xEF\xBB\xBF\"Bread\" and\xEF\xBB\xBF'jam' today");
    CHECK(s.Contents() == Strings{"Bread", "jam"});
  }
  SUBCASE("U+001A substitute counts as a space") {
    const Scanned s = ScanOneParagraph(
        "He said\x1A\"go now\"\x1A"
        "and left.");
    CHECK(s.Contents() == Strings{"go now"});
  }
  SUBCASE("content is trimmed of inner white space") {
    const Scanned s = ScanText("He said “  wait here  ” and left.");
    CHECK(s.Contents() == Strings{"wait here"});
  }
}

TEST_CASE("scanner: empty quotes are not reported") {
  SUBCASE("curly") { CHECK(ScanText("He wrote “” on the form.").quotes.empty()); }
  SUBCASE("whitespace only") { CHECK(ScanText("He wrote “   ” on the form.").quotes.empty()); }
  SUBCASE("straight") { CHECK(ScanText("He wrote \"\" on the form.").quotes.empty()); }
  SUBCASE("only marks") { CHECK(ScanText("He wrote “‘’” on the form.").quotes.empty()); }
}

TEST_CASE("scanner: offsets on multi-byte text") {
  const std::string t = "Zoë Müller: «Très bien» — “Ça va ‘déjà’?” demanda-t-elle.";
  const Scanned s = ScanText(t);
  REQUIRE(s.quotes.size() == 2);
  CHECK(s.Content(0) == "Très bien");
  CHECK(s.Content(1) == "Ça va ‘déjà’?");
  // "Zoë Müller: " is 14 bytes; « is 2 bytes.
  CHECK(s.quotes[0].outer.begin == 14);
  CHECK(s.quotes[0].content.begin == 16);
  CHECK(s.quotes[0].content.end == 16 + 10);
  CHECK(s.quotes[0].outer.end == 16 + 10 + 2);
  const size_t open2 = t.find("“");
  CHECK(s.quotes[1].outer.begin == open2);
  CHECK(s.quotes[1].content.begin == open2 + 3);
  CHECK(s.quotes[1].outer.end == t.find("” demanda") + 3);
  CheckWellFormed(s);
}

// Linear time on adversarial input is measured in bench/ (never asserted by a timed test);
// here these inputs must complete and give well-formed, non-overlapping spans.
TEST_CASE("scanner: pathological input gives well-formed spans") {
  auto scan = [](const std::string& t) {
    const Scanned s = ScanOneParagraph(t);
    CheckWellFormed(s);
    return s;
  };
  SUBCASE("1 million straight double marks") {
    CHECK(scan(std::string(1000000, '"')).quotes.empty());
  }
  SUBCASE("1 million straight single marks") {
    CHECK(scan(std::string(1000000, '\'')).quotes.empty());
  }
  SUBCASE("1 million curly marks, alternating deep nesting") {
    std::string t;
    t.reserve(3000000);
    for (int k = 0; k < 1000000; ++k) t += k % 2 ? "‘" : "“";
    CHECK(scan(t).quotes.size() <= 1);
  }
  SUBCASE("1 million marks separated by words") {
    std::string t;
    for (int k = 0; k < 250000; ++k) t += k % 3 ? "'a \"b " : "’c “d ";
    CHECK(scan(t).quotes.size() <= 500000);
  }
  SUBCASE("unclosed single openers do not hide a later double quote") {
    std::string t;
    for (int k = 0; k < 200000; ++k) t += " 'x";
    t += " \"kept\" ";
    CHECK(scan(t).Contents() == Strings{"kept"});
  }
}

TEST_CASE("scanner: invalid bytes, NUL bytes and truncated marks") {
  SUBCASE("invalid bytes around quotes") {
    const std::string t = "\xFF\xFE \"ok\xC0\" \xE2\x80 \x80\x80 “fine\xE2\x80” \xC2";
    const Scanned s = ScanOneParagraph(t);
    CheckWellFormed(s);
    CHECK(s.Contents() == Strings{"ok\xC0", "fine\xE2\x80"});
  }
  SUBCASE("NUL bytes") {
    const char raw[] = "A\0“b\0c” \0'd'\0";
    const std::string t(raw, sizeof(raw) - 1);
    const Scanned s = ScanOneParagraph(t);
    CheckWellFormed(s);
    REQUIRE(s.quotes.size() >= 1);
    CHECK(s.Content(0) == std::string("b\0c", 3));
  }
  SUBCASE("truncated mark at the end of the text") {
    for (const char* t : {"\"a \xE2", "\"a \xE2\x80", "x \xC2", "\xE3\x80", "\xE3"}) {
      CheckWellFormed(ScanOneParagraph(t));
    }
  }
  SUBCASE("every byte value in every position of a short text") {
    std::string t = "A “b” 'c' «d» e";
    for (size_t pos = 0; pos < t.size(); ++pos) {
      for (int b = 0; b < 256; ++b) {
        std::string u = t;
        u[pos] = static_cast<char>(b);
        CheckWellFormed(ScanOneParagraph(u));
      }
    }
  }
}

TEST_CASE("scanner: segmentation edge cases") {
  SUBCASE("empty segmentation scans the whole text as one paragraph") {
    const std::string t = "  He said “yes” twice.  ";
    const std::vector<QuoteSpan> q = ScanQuotes(t, text::Segmentation{});
    REQUIRE(q.size() == 1);
    CHECK(t.substr(q[0].content.begin, q[0].content.size()) == "yes");
  }
  SUBCASE("empty text") { CHECK(ScanQuotes("", text::Segmentation{}).empty()); }
  SUBCASE("paragraphs out of range or overlapping do not crash") {
    const std::string t = "“Yes,” she said. “No.”";
    text::Segmentation seg;
    seg.paragraphs = {{0, 12}, {5, 9}, {3, 1000}, {2000, 3000}};
    seg.sentences = {{500, 400}, {0, 3}};
    const std::vector<QuoteSpan> q = ScanQuotes(t, seg);
    for (const QuoteSpan& span : q) CHECK(span.outer.end <= t.size());
  }
  SUBCASE("a quote does not cross a paragraph boundary set by the segmentation") {
    const std::string t = "A “b c d” e";
    text::Segmentation seg;
    seg.paragraphs = {{0, 6}, {7, static_cast<uint32_t>(t.size())}};
    const std::vector<QuoteSpan> q = ScanQuotes(t, seg);
    REQUIRE(q.size() == 1);
    CHECK(t.substr(q[0].content.begin, q[0].content.size()) == "b");
    CHECK(q[0].unclosed);
  }
}

TEST_CASE("scanner: a transcript turn does not continue the previous paragraph's quote") {
  const Scanned s = ScanText(
      "\"HOST: Where were you on the night of the vote?\n\n\"GUEST: At home, with the radio on.");
  CheckWellFormed(s);
  REQUIRE(s.quotes.size() == 2);
  CHECK(s.Content(0) == "HOST: Where were you on the night of the vote?");
  CHECK(s.quotes[0].unclosed);
  CHECK(s.Content(1) == "GUEST: At home, with the radio on.");
  CHECK_FALSE(s.quotes[0].multi_paragraph);
}

TEST_CASE("scanner: a change of mark style at a paragraph start begins a new quote") {
  const Scanned s = ScanText("\"The crowd went quiet.\n\n“Here we go,” she said.");
  CheckWellFormed(s);
  REQUIRE(s.quotes.size() == 2);
  CHECK(s.Content(0) == "The crowd went quiet.");
  CHECK(s.quotes[0].unclosed);
  CHECK(s.Content(1) == "Here we go,");
}

TEST_CASE("scanner: ``…'' marks (old archives, LaTeX) are a double quote") {
  SUBCASE("one quote, straight apostrophes closing") {
    const Scanned s = ScanText("``The ferry is late,'' Ms. Park said. ``Again.''");
    CheckWellFormed(s);
    REQUIRE(s.Contents() == Strings{"The ferry is late,", "Again."});
    CHECK_FALSE(s.quotes[0].single);
    CHECK_FALSE(s.quotes[0].unclosed);
    CHECK(s.quotes[0].open_mark == U'"');
    CHECK(s.quotes[0].close_mark == U'"');
    CHECK(s.Outer(0) == "``The ferry is late,''");
    CHECK(s.quotes[0].type == QuoteType::kDirect);
  }
  SUBCASE("a fragment inside a sentence") {
    const Scanned s = ScanText("She called the plan ``a mess'' and left.");
    REQUIRE(s.Contents() == Strings{"a mess"});
    CHECK(s.quotes[0].type == QuoteType::kPartial);
  }
  SUBCASE("continued over paragraphs") {
    const Scanned s = ScanText("``The dam held.\n\n``It may not next year,'' she said.");
    REQUIRE(s.quotes.size() == 1);
    CHECK(s.Content(0) == "The dam held.\n\n``It may not next year,");
    CHECK(s.quotes[0].multi_paragraph);
  }
  SUBCASE("a lone backtick is no mark") {
    CHECK(ScanText("Type `ls` and press enter.").quotes.empty());
  }
  SUBCASE("code between backtick pairs is no quote and hides none") {
    const Scanned s = ScanText("Type ``ls -la`` first. \"It works,\" she said.");
    CheckWellFormed(s);
    CHECK(s.Contents() == Strings{"It works,"});
    CHECK(ScanText("He wrote ``x`` and ``y`` down.").quotes.empty());
  }
}

TEST_CASE("scanner: British multi-paragraph quotes in single marks") {
  SUBCASE("curly singles over three paragraphs") {
    const std::string t =
        "The keeper spoke first.\n\n‘The gate was shut at dusk.\n\n‘Nobody came back for the "
        "keys.\n\n‘Then the lights went out,’ she said.\n\nThe inquiry resumes today.";
    const Scanned s = ScanText(t);
    CheckWellFormed(s);
    REQUIRE(s.quotes.size() == 1);
    const QuoteSpan& q = s.quotes[0];
    CHECK(s.Content(0) ==
          "The gate was shut at dusk.\n\n‘Nobody came back for the keys.\n\n‘Then the lights "
          "went out,");
    CHECK(q.multi_paragraph);
    CHECK(q.single);
    CHECK_FALSE(q.unclosed);
    CHECK(q.close_mark == U'’');
  }
  SUBCASE("straight singles over two paragraphs") {
    const Scanned s = ScanText("'The gate was shut.\n\n'Then the lights went out,' she said.");
    REQUIRE(s.quotes.size() == 1);
    CHECK(s.Content(0) == "The gate was shut.\n\n'Then the lights went out,");
    CHECK(s.quotes[0].multi_paragraph);
  }
  SUBCASE("last paragraph never closes: unclosed, no rescan into the earlier paragraph") {
    const Scanned s = ScanText("‘First part.\n\n‘Second part.\n\nThe end, said Ann's aide.");
    CheckWellFormed(s);
    REQUIRE(s.quotes.size() == 1);
    CHECK(s.Content(0) == "First part.\n\n‘Second part.");
    CHECK(s.quotes[0].multi_paragraph);
    CHECK(s.quotes[0].unclosed);
  }
  SUBCASE("a closed single quote does not continue") {
    const Scanned s = ScanText("‘Stop,’ she said.\n\n‘Now,’ he said.");
    REQUIRE(s.Contents() == Strings{"Stop,", "Now,"});
    CHECK_FALSE(s.quotes[0].multi_paragraph);
  }
  SUBCASE("an apostrophe left open does not pull in the next paragraph") {
    const Scanned s = ScanText("The 'Bama fans chanted all night.\n\n‘Roll on,’ they said.");
    REQUIRE(s.Contents() == Strings{"Roll on,"});
    CHECK_FALSE(s.quotes[0].multi_paragraph);
  }
}

TEST_CASE("scanner: a nickname inside a name is no quote") {
  SUBCASE("straight, curly and archive marks") {
    CHECK(ScanText("Robert \"Bob\" Smith, the mayor, said the park would open.").quotes.empty());
    CHECK(ScanText("The chief, Daniel “Mike” Christian, said the fire was out.").quotes.empty());
    CHECK(ScanText("Captain Walter ``Wally'' Brenner said the crew was ready.").quotes.empty());
    CHECK(ScanText("The keeper, John ‘Jack’ Hale, said the lamp failed.").quotes.empty());
    CHECK(ScanText("A pilot named Rosa \"Big Red\" Alvarez flew the mail run.").quotes.empty());
  }
  SUBCASE("the quotes around it are still found") {
    const Scanned s =
        ScanText("“We are ready,” said Walter “Wally” Brenner, the captain. “Board now.”");
    CheckWellFormed(s);
    CHECK(s.Contents() == Strings{"We are ready,", "Board now."});
  }
  SUBCASE("a quoted word between names in a headline stays a quote") {
    const Scanned s = ScanText("Governor Calls Rival “Reckless” Over Storm Response");
    CHECK(s.Contents() == Strings{"Reckless"});
  }
  SUBCASE("a quotation after a name stays a quote") {
    CHECK(ScanText("Smith said \"Bob\" was late.").Contents() == Strings{"Bob"});
  }
}

}  // namespace
}  // namespace whosaid::quotes
