// sieve.subject: the subject of the quotation's own sentence. Whole-extraction checks with the
// built-in English pack on short stories of our own.
#include <doctest/doctest.h>

#include "extract_for_test.h"

namespace whosaid::attrib {
namespace {

using testing::Extract;

TEST_CASE(
    "subject sieve: a sentence opening with a body and a role noun has the person as subject") {
  const auto q = Extract(
      "The hearing ran late.\n\nHarbor Trust director Ana Ruiz has long thought the plan “a "
      "waste of public money.”");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Ana Ruiz");  // not "Harbor Trust"
  CHECK(q[0].rule == "sieve.subject");
}

TEST_CASE("subject sieve: a name with a middle initial opening the sentence is whole") {
  // The initial's period ends no name ("Paul D" was the speaker), and the mention has no
  // trailing space.
  const auto q = Extract(
      "The vote was close.\n\nSpeaker Ana M. Ruiz, a Republican, on Tuesday called the plan "
      "“reckless” and left.\n\nHarbor Speaker Tom Reyl later called it “fine” too.");
  REQUIRE(q.size() == 2);
  CHECK(q[0].speaker == "Ana M. Ruiz");
  CHECK(q[0].mention == "Speaker Ana M. Ruiz");
  CHECK(q[1].mention.back() != ' ');
}

TEST_CASE("subject sieve: a sentence adverb and its comma before the subject pronoun") {
  // "However, he …": the pronoun is the subject, not the first name after it.
  const auto q = Extract(
      "Tom Reyl spoke first.\n\nHowever, he saw Ana Ruiz’s offer as “a little "
      "desperate” in the end.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Tom Reyl");
  CHECK(q[0].mention == "he");
}

TEST_CASE("subject sieve: sentence subjects behind titles and contractions") {
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

TEST_CASE("subject sieve: a partial quote takes the subject of its own sentence") {
  const auto q =
      Extract("The auditors were careful. Ellen Brandt framed the report as “proof of neglect.”");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Ellen Brandt");
  CHECK(q[0].rule == "sieve.subject");
}

TEST_CASE("subject sieve: the subject nearest a partial quote is its clause's own") {
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

TEST_CASE("subject sieve: a description opening the sentence is its subject") {
  // A description of an office is the person who holds it: of two senators, the one whose
  // role names Texas, though another was named since.
  auto q = Extract(
      "Tom Reyes, a senator from Texas, spoke first. Ann Lee, a senator from Ohio, spoke "
      "next.\n\nThe Texas senator has long compared the plan to “a giveaway to the builders.”");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Tom Reyes");
  CHECK(q[0].mention == "The Texas senator");
  CHECK(q[0].rule == "sieve.subject");
  // A body: not the person named later in the sentence.
  q = Extract(
      "The transit union has long compared the offer from Mayor Tom Reyes to “an insult to "
      "every driver in the city.”");
  REQUIRE(q.size() == 1);
  CHECK(q[0].mention == "The transit union");
  // A title-case quotation after a description is a name it gives, not its words.
  q = Extract("The council voted to rename the pier “Harbor Walk.”");
  CHECK(q.empty());
}

TEST_CASE("subject sieve: the name after an opening phrase is the subject") {
  // "Preceded" is no name: the subject follows the phrase's comma.
  const auto q = Extract(
      "Ann Lee spoke first. Preceded at the lectern by Ann Lee, the harbor master, Tom Reyes "
      "launched into a lament for the “forgotten families of the port.”");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Tom Reyes");
  CHECK(q[0].rule == "sieve.subject");
}

TEST_CASE("subject sieve: 'The' before capitalized words opens a body's name") {
  const auto q = Extract(
      "Tom Reyes spoke first. The Harbor Trust Foundation did not want to address “that "
      "man,” after the vote on Monday.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].mention == "The Harbor Trust Foundation");
  CHECK(q[0].rule == "sieve.subject");
}

TEST_CASE("subject sieve: a contracted pronoun opening the sentence names no one") {
  // "There’s" is no name: the subject is the person the story named.
  const auto q = Extract(
      "Ana Ruiz spoke at the pier on Monday. There’s no doubt she sees the port as “a lost "
      "cause for the town.”");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Ana Ruiz");
  CHECK(q[0].mention != "There’s");
  // Nor is an adverb in -ly.
  const auto r = Extract(
      "Ana Ruiz spoke at the pier on Monday. Hastily, she called the port “a lost cause "
      "for the town.”");
  REQUIRE(r.size() == 1);
  CHECK(r[0].speaker == "Ana Ruiz");
  const auto a = Extract(
      "Ana Ruiz spoke at the pier on Monday. Hastily assembled crews called the port “a lost "
      "cause for the town.”");
  for (const auto& found : a) CHECK(found.speaker != "Hastily");
}

}  // namespace
}  // namespace whosaid::attrib
