// Whole-extraction checks of the sieves and filters that run after the rules, on short
// stories of our own, with the built-in English pack.
#include "whosaid/attrib/attributor.h"

#include <doctest/doctest.h>

#include "whosaid/extractor.h"

namespace whosaid::attrib {
namespace {

struct Found {
  std::string quote, speaker, rule, mention;
};

std::vector<Found> Extract(const std::string& text, bool all_marks = false, bool indirect = false) {
  ExtractorOptions options;
  options.default_rules_dir = std::string(WHOSAID_SOURCE_DIR) + "/rules/en";
  options.attribution.all_marks = all_marks;
  options.attribution.indirect = indirect;
  auto ex = Extractor::Create(options, nullptr);
  REQUIRE(ex.ok());
  auto doc = text::Document::FromBytes("t", text);
  REQUIRE(doc.ok());
  std::vector<Found> out;
  for (const auto& r : (*ex)->Extract(*doc).quotes) {
    if (r.span.type == quotes::QuoteType::kIndirect) continue;  // reported speech: not checked here
    out.push_back({doc->Slice(r.span.content), r.attribution.speaker.value_or("<none>"),
                   r.attribution.rule, r.attribution.mention.value_or("<none>")});
  }
  return out;
}

TEST_CASE("attributor: a second quote in the sentence, after the first one's cue, is theirs") {
  const auto q = Extract(
      "Lena Ortiz said the plan was late. Ruiz “had the numbers all along,” Ortiz said, and "
      "still “would not share them with the committee.”");
  REQUIRE(q.size() == 2);
  CHECK(q[0].speaker == "Lena Ortiz");
  CHECK(q[1].speaker == "Lena Ortiz");
  CHECK(q[1].rule == "en.inner_speaker_cue_partial");  // "Ortiz said, and still “…”"
}

TEST_CASE("attributor: a quotation paragraph after a quoted speaker continues them") {
  const auto q = Extract(
      "“We will rebuild the bridge by spring,” said Mayor Ellen Brandt.\n\n“Every crew in the "
      "county will work on it until the last beam is in place.”");
  REQUIRE(q.size() == 2);
  CHECK(q[1].speaker == "Ellen Brandt");
  CHECK(q[1].rule == "sieve.continuation");
}

TEST_CASE("attributor: a quotation paragraph continues a partial quote that closed the last") {
  const auto q = Extract(
      "Ruth Ellis said the plan was “a good start for the county.”\n\n“We will need twice "
      "the money next year, and the year after that.”");
  REQUIRE(q.size() == 2);
  CHECK(q[0].speaker == "Ruth Ellis");
  CHECK(q[1].speaker == "Ruth Ellis");
  CHECK(q[1].rule == "sieve.continuation");
}

TEST_CASE("attributor: a speaker slot that ends in a form of 'be' is a clause, not a speaker") {
  // "telling" is a cue verb, but "Ortiz’s metaphor is telling" is no speech.
  const auto q = Extract(
      "“We are ready for the vote,” Lena Ortiz said. “And the others are not!”\nOrtiz’s "
      "metaphor is telling in its own way.");
  REQUIRE(q.size() == 2);
  CHECK(q[1].speaker == "Lena Ortiz");
}

TEST_CASE("attributor: a quotation paragraph after a paragraph about someone is theirs") {
  const auto q = Extract(
      "Omar Haddad is sure the line will open on time. He sees no reason for delay.\n\n“The "
      "steel is here and the crews are ready.”");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Omar Haddad");
  CHECK(q[0].rule == "sieve.previous_subject");
}

TEST_CASE("attributor: a sentence opening with a body and a role noun has the person as subject") {
  const auto q = Extract(
      "The hearing ran late.\n\nHarbor Trust director Ana Ruiz has long thought the plan “a "
      "waste of public money.”");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Ana Ruiz");  // not "Harbor Trust"
  CHECK(q[0].rule == "sieve.subject");
}

TEST_CASE("attributor: reported speech between two quotes takes the second one") {
  const std::string story =
      "“The bridge will open in May,” Ellen Brandt said on Monday. Then Omar Haddad argued "
      "that the crews were far behind. “Nobody has seen the steel yet.”";
  const auto with_indirect = Extract(story, /*all_marks=*/false, /*indirect=*/true);
  REQUIRE(with_indirect.size() == 2);
  CHECK(with_indirect[0].speaker == "Ellen Brandt");
  CHECK(with_indirect[1].speaker == "Omar Haddad");
  CHECK(with_indirect[1].rule == "sieve.adjacent");
  // Without the reported speech in between, the quote continues the previous speaker.
  const auto q = Extract(
      "“The bridge will open in May,” Ellen Brandt said on Monday. The crews were far "
      "behind. “Nobody has seen the steel yet.”",
      /*all_marks=*/false, /*indirect=*/true);
  REQUIRE(q.size() == 2);
  CHECK(q[1].speaker == "Ellen Brandt");
  CHECK(q[1].rule == "sieve.continuation");
}

TEST_CASE("attributor: sentence subjects behind titles and contractions") {
  // An abbreviated title opening the sentence is not the subject; the name after it is.
  auto q = Extract("The vote was close. Gov. Ruth Ellis has called the plan “a fraud.”");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Ruth Ellis");
  // Nor is a capitalized run that ends in one ("Ohio Sen.").
  q = Extract(
      "The debate ran long.\n\nOhio Sen. Ruth Ellis has long called the plan “a giveaway.”");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Ruth Ellis");
  // "He’s" is the pronoun He.
  q = Extract("Mr. Tom Becker spoke first. He’s long called the plan “a fraud.”");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Tom Becker");
  CHECK(q[0].rule == "sieve.subject");
}

TEST_CASE("attributor: a partial quote takes the subject of its own sentence") {
  const auto q =
      Extract("The auditors were careful. Ellen Brandt framed the report as “proof of neglect.”");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Ellen Brandt");
  CHECK(q[0].rule == "sieve.subject");
}

TEST_CASE("attributor: the subject nearest a partial quote is its clause's own") {
  // No name opens the sentence: the pronoun before the quote is the subject.
  auto q = Extract(
      "Ana Ruiz spoke for an hour at the depot. Late in the evening, she compared the plan to "
      "“a giveaway to the builders.”");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Ana Ruiz");
  CHECK(q[0].mention == "she");
  CHECK(q[0].rule == "sieve.subject");
  // A name that does not open the sentence is no subject, but the "who" after it is.
  q = Extract(
      "The board met on Monday. The chair thanked Lena Ortiz, who had pinned her hopes on “a "
      "fair start for a poor county.”");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Lena Ortiz");
  CHECK(q[0].mention == "who");
  // A name that opens the sentence and a pronoun for the same person: the pronoun is the
  // mention.
  q = Extract("Omar Haddad drew applause as he kept talking about “the power of a small town.”");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Omar Haddad");
  CHECK(q[0].mention == "he");
  // A pronoun opening the sentence stays the subject.
  q = Extract(
      "Omar Haddad spoke first. He said nothing of the tweets in which he called the mayor "
      "“a fraud.”");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Omar Haddad");
  CHECK(q[0].mention == "He");
}

TEST_CASE("attributor: transcript turns name their speakers") {
  const auto q = Extract(
      "Lena Ortiz spoke with the host.\n\n\"HOST: Where were you on the night of the vote?\n\n"
      "\"ORTIZ: At home, with the radio on, like everyone else in town.");
  REQUIRE(q.size() == 2);
  CHECK(q[0].rule == "sieve.transcript");
  CHECK(q[1].speaker == "Lena Ortiz");
}

TEST_CASE("attributor: scare quotes and titles are left out unless --all-marks") {
  const std::string t =
      "The council met on Monday. Critics call the plan “creative accounting” at best. "
      "Brandt appeared on “Meet the Voters” to defend it.";
  CHECK(Extract(t).empty() == false);  // "creative accounting" has a subject: Critics
  bool title_found = false;
  for (const auto& f : Extract(t)) title_found |= f.quote == "Meet the Voters";
  CHECK_FALSE(title_found);
  bool title_with_all_marks = false;
  for (const auto& f : Extract(t, true)) title_with_all_marks |= f.quote == "Meet the Voters";
  CHECK(title_with_all_marks);
  CHECK(Extract("It was a “soft” launch.").empty());
  // A title-case fragment that only a sieve would attribute is a title even without a title
  // context before it.
  const std::string song = "Lena Ortiz loved “Harbor Lights Forever” more than any other song.";
  CHECK(Extract(song).empty());
  CHECK(Extract(song, true).size() == 1);
}

TEST_CASE("attributor: single-quoted spans are quotations only in single-quote stories") {
  const std::string american =
      "Mayor says bridge ‘will be ready by spring.’\n\n“The bridge will be ready by spring,” "
      "Mayor Ellen Brandt said on Monday.";
  const auto a = Extract(american);
  REQUIRE(a.size() == 1);
  CHECK(a[0].quote == "The bridge will be ready by spring,");
  const std::string british =
      "‘The bridge will be ready by spring,’ Mayor Ellen Brandt said on Monday. ‘We have the "
      "money and the crews,’ she added.";
  CHECK(Extract(british).size() == 2);
}

TEST_CASE("attributor: a nickname inside a name is no quote, and the name is the speaker") {
  SUBCASE("first name, nickname, surname") {
    const auto q = Extract(
        "Robert \"Bob\" Smith, the mayor, said the city would open \"a park for everyone\" "
        "next spring.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].quote == "a park for everyone");
    CHECK(q[0].speaker == "Robert Smith");
  }
  SUBCASE("a capitalized opener before the nickname is no first name") {
    const auto q = Extract("“The fire is out,” Sometimes “Mike” Christian said.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].quote == "The fire is out,");
    CHECK(q[0].speaker == "Mike Christian");
  }
}

TEST_CASE("attributor: a dash between a quote and its cue") {
  for (const std::string dash : {" — ", "--", " -- ", " – ", " - "}) {
    CAPTURE(dash);
    const auto q = Extract("\"The pier is gone\"" + dash + "said Ivo Lind, who owns the shop.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].speaker == "Ivo Lind");
    CHECK(q[0].rule == "en.q_cue_speaker_role");
  }
}

TEST_CASE("attributor: ``…'' quotes are found and attributed") {
  const auto q = Extract("``The pier is gone,'' said Ivo Lind. ``We will build another.''");
  REQUIRE(q.size() == 2);
  CHECK(q[0].speaker == "Ivo Lind");
  CHECK(q[1].speaker == "Ivo Lind");
}

TEST_CASE("attributor: a British quotation over paragraphs is one quote") {
  const auto q = Extract(
      "‘The gate was shut at dusk,’ said Agnes Murrow. ‘I checked the lamp at ten.\n\n‘After "
      "midnight the tower shook.\n\n‘Then the lamp went out.’");
  REQUIRE(q.size() == 2);
  CHECK(q[1].quote ==
        "I checked the lamp at ten.\n\n‘After midnight the tower shook.\n\n‘Then "
        "the lamp went out.");
  CHECK(q[1].speaker == "Agnes Murrow");
}

TEST_CASE("attributor: consecutive reported statements in one paragraph are all found") {
  // Each statement's lead needs the sentence end before it; one match must not use it up.
  ExtractorOptions options;
  options.default_rules_dir = std::string(WHOSAID_SOURCE_DIR) + "/rules/en";
  options.attribution.indirect = true;
  auto ex = Extractor::Create(options, nullptr);
  REQUIRE(ex.ok());
  auto doc = text::Document::FromBytes(
      "t",
      "Ann Lee said the mill would close. Bo Park said the town would fight it. The plan "
      "would fail, Cy Dunn said. Dee Marsh told reporters the vote was close.\n");
  REQUIRE(doc.ok());
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& r : (*ex)->Extract(*doc).quotes) {
    if (r.span.type != quotes::QuoteType::kIndirect) continue;
    got.emplace_back(doc->Slice(r.span.content), r.attribution.speaker.value_or("<none>"));
  }
  CHECK(got ==
        std::vector<std::pair<std::string, std::string>>{{"the mill would close", "Ann Lee"},
                                                         {"the town would fight it", "Bo Park"},
                                                         {"The plan would fail", "Cy Dunn"},
                                                         {"the vote was close", "Dee Marsh"}});
}

}  // namespace
}  // namespace whosaid::attrib
