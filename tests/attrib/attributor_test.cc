// Whole-extraction checks of the filters that run after the rules and sieves, on short
// stories of our own, with the built-in English pack (each sieve's own checks are in its
// *_sieve_test.cc).
#include "whosaid/attrib/attributor.h"

#include <doctest/doctest.h>

#include "extract_for_test.h"

namespace whosaid::attrib {
namespace {

using testing::Extract;

TEST_CASE("attributor: a second quote in the sentence, after the first one's cue, is theirs") {
  const auto q = Extract(
      "Lena Ortiz said the plan was late. Ruiz “had the numbers all along,” Ortiz said, and "
      "still “would not share them with the committee.”");
  REQUIRE(q.size() == 2);
  CHECK(q[0].speaker == "Lena Ortiz");
  CHECK(q[1].speaker == "Lena Ortiz");
  CHECK(q[1].rule == "en.inner_speaker_cue_partial");  // "Ortiz said, and still “…”"
}

TEST_CASE("attributor: a speaker slot that ends in a form of 'be' is a clause, not a speaker") {
  // "telling" is a cue verb, but "Ortiz’s metaphor is telling" is no speech.
  const auto q = Extract(
      "“We are ready for the vote,” Lena Ortiz said. “And the others are not!”\nOrtiz’s "
      "metaphor is telling in its own way.");
  REQUIRE(q.size() == 2);
  CHECK(q[1].speaker == "Lena Ortiz");
}

TEST_CASE("attributor: the state after a city is no speaker") {
  // "in Portsmouth, N.H.," : "N.H." is the place's second part, not who speaks.
  const auto q = Extract(
      "At a rally in Portsmouth, N.H., on Tuesday, Senator Ana Ruiz endorsed the plan, saying "
      "it would “make the harbor whole.”");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Ana Ruiz");
}

TEST_CASE("attributor: the subject of what a verb of saying reports is not the speaker") {
  // "she did say he found …": the quoted words are hers, not his.
  const auto q = Extract(
      "Ana Ruiz met Tom Reyl on Monday. She did say he found the plan “very costly” in the "
      "end.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Ana Ruiz");
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

TEST_CASE("attributor: a title-case quote after 'his' is a title when it has two words or more") {
  // "his 1994 “…”": a year between the possessive and the title.
  const std::string pledge =
      "Speaker of the House Tom Vik made his 1994 “Pledge to the Harbor.” It passed.";
  for (const auto& f : Extract(pledge)) CHECK(f.quote.find("Pledge") == std::string::npos);
  // One word is a quotation: "his “Mexican” lunch".
  const auto one = Extract("Lena Ortiz mocked his “Mexican” lunch, and the crowd laughed.");
  REQUIRE(one.size() == 1);
  CHECK(one[0].speaker == "Lena Ortiz");
}

TEST_CASE("attributor: an office ending with a body before a name is that person's role") {
  // The name after the office's last organisation word ("State", "House") is a person's.
  const auto q = Extract(
      "Secretary of State Lena Ortiz said the talks were “frank and useful for both sides.” "
      "Leader of Opposition in the House Ravi Deshpande called it “a licence to loot.” "
      "“It is theatre,” Mr. Deshpande said.");
  REQUIRE(q.size() == 3);
  CHECK(q[0].speaker == "Lena Ortiz");
  CHECK(q[0].role == "Secretary of State");
  CHECK(q[1].speaker == "Ravi Deshpande");
  CHECK(q[1].role == "Leader of Opposition in the House");
  CHECK(q[2].speaker == "Ravi Deshpande");
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

TEST_CASE("attributor: in a single-quote story, a quotation only a sieve attributes is kept") {
  // A quotation of two paragraphs after a sentence about its speaker: sieve.continuation
  // gives it to her. Single marks are this story's quotation marks, so it is no scare quote.
  const std::string british =
      "‘We will keep the ferry,’ said Cllr Maria Olsen, who chairs the transport board.\n\n"
      "‘I grew up on the island. My father sailed that ferry for thirty years, and so did his "
      "father before him.\n\n‘Nobody will take it away while I sit on this board.’\n";
  const auto q = Extract(british);
  REQUIRE(q.size() == 2);
  CHECK(q[0].speaker == "Maria Olsen");  // "Cllr": a British title without its period
  CHECK(q[1].speaker == "Maria Olsen");
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

TEST_CASE("attributor: a subordinate clause's subject speaks only inside the clause") {
  // The clause ends before the quotation: the main clause's subject speaks.
  auto q = Extract(
      "When Lena Ortiz suggested that the port could close, Omar Haddad fired back: “The port "
      "will stay open as long as I am mayor.”");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Omar Haddad");
  // The quotation inside the clause is its subject's.
  q = Extract(
      "The vote was close. When Lena Ortiz called the plan “a giveaway,” the room fell silent.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Lena Ortiz");
  // A clause of only the speaker and the cue attributes what follows.
  q = Extract(
      "The ferry is late again. As Lena Ortiz has pointed out, that is “the third time this "
      "week.”");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Lena Ortiz");
}

TEST_CASE("attributor: a speaker slot that opens with a verb of saying is a clause") {
  // "saying Reyes’s comments" is no speaker: the council's statement is.
  const auto q = Extract(
      "Mayor Tom Reyes spoke on Monday.\n\nThe port council released a statement on Friday "
      "evening, saying Reyes’s comments are “another example of a costly delay.”");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "port council");
  CHECK(q[0].mention == "The port council");
}

TEST_CASE("attributor: a rule's ROLE slot cuts a role the registry read past its end") {
  // No comma closes the appositive: the registry's role runs to the sentence end ("… since
  // 2019 said on Monday"); the rule found where it ends, and her later quotes keep that.
  const auto q = Extract(
      "“We have waited six years,” Mara Quint, the ferry captain who has led the campaign "
      "since 2019 said on Monday.\n\nQuint did not stop there. “I am not done,” she said.");
  REQUIRE(q.size() == 2);
  CHECK(q[0].rule == "en.q_speaker_role_clause_cue");
  for (const auto& r : q) {
    CHECK(r.speaker == "Mara Quint");
    CHECK(r.role == "the ferry captain who has led the campaign since 2019");
  }
}

TEST_CASE("attributor: a speaker slot that opens with 'Like' is a comparison, not a speaker") {
  // "Like Ortiz, Tomas Greer also voted for it, arguing …": Greer argues, not "Like Ortiz".
  const auto q = Extract(
      "Lena Ortiz backed the plan. Like Ortiz, Tomas Greer also voted for it, arguing that "
      "there is “no money left” for dredging.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Tomas Greer");
}

TEST_CASE("attributor: a headline with title case's small words names no one") {
  // "as" is a small word of title case: the headline is no sentence, and "Talvik Mebel"
  // opening the story is not "Talvik Mebel Cuts Forecast".
  const auto q = Extract(
      "Talvik Mebel Cuts Forecast as Orders Dry Up\n\n“Orders have fallen sharply,” Talvik "
      "Mebel said on Thursday.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Talvik Mebel");
}

TEST_CASE("attributor: roles of family and of two nouns; 'her daughter' is the one so named") {
  const auto q = Extract(
      "Ana Vint, a poet, has died.\n\nHer daughter, Mia Lunt, said she died “with the window "
      "open”.\n\nPoet and critic Tom Reyl said she gave the valley “a voice it lacked”.\n\n"
      "“She was sharp to the end,” her daughter said.\n\nTom Reyl met Ivo Sand, a lawyer for "
      "the port. “We will appeal,” his lawyer said.");
  REQUIRE(q.size() == 4);
  CHECK(q[0].speaker == "Mia Lunt");
  CHECK(q[0].role == "Her daughter");
  CHECK(q[1].speaker == "Tom Reyl");
  CHECK(q[1].role == "Poet and critic");
  CHECK(q[2].speaker == "Mia Lunt");
  // "his lawyer" is no phrase the story introduced anyone with ("a lawyer for the port"):
  // not Ivo Sand by guess.
  CHECK(q[3].speaker != "Ivo Sand");
}

TEST_CASE(
    "attributor: a legislator's initials before the name are a title; 'and he' ends a clause") {
  auto q = Extract("Labour MP Jo Vint said the plan was “a disgrace” for the town.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Jo Vint");
  CHECK(q[0].role == "Labour MP");
  // "X said A, and he dismissed what he called “…”": the clause ends before "and he", and
  // "he" is the one who said A.
  q = Extract(
      "Ivo Sand, a prosecutor, spoke first. Tom Reyl, a barrister, spoke next.\n\nThe "
      "prosecutor said the money came late, and he dismissed what he called “a timed act”.",
      /*all_marks=*/false, /*indirect=*/true);
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Ivo Sand");
}

TEST_CASE("attributor: 'the veteran administrator' is the one named before; 'by saying'") {
  auto q = Extract(
      "Pia Lund, 61, has run the port since 2018. “Nobody wins a strike,” the veteran "
      "administrator said.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Pia Lund");
  // A speaker slot that ends with a preposition ("The mayor ended the meeting by") is a
  // clause: the sentence's subject speaks.
  q = Extract("The mayor ended the meeting by saying the city would “not pay a cent more.”");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "mayor");
}

TEST_CASE("attributor: 'BODY of PLACE chairman NAME' is the person, not the body's first word") {
  const auto q = Extract(
      "Friends of Brindle Cross Library chairman Colin Pryce said the closure was “a betrayal "
      "of every child”.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Colin Pryce");
}

TEST_CASE("attributor: a possessive opens the role before a name: 'and her challenger, NAME,'") {
  const auto q = Extract(
      "Mayor Ruth Ellis and her challenger, Joan Pritchard, clashed on Tuesday.\n\n“The numbers "
      "are invented,” Pritchard said.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Joan Pritchard");
  CHECK(q[0].role == "her challenger");
}

}  // namespace
}  // namespace whosaid::attrib
