// The test that decides which speakers are shared across stories (speaker_scope.h), with
// the English pack's words and with a house list.
#include "whosaid/store/speaker_scope.h"

#include <doctest/doctest.h>

#include "../english_pack.h"

namespace whosaid::store {
namespace {

const SpeakerScopeWords& EnglishWords() {
  static const SpeakerScopeWords words = whosaid::testing::EnglishLexicons().ToSpeakerScopeWords();
  return words;
}

TEST_CASE("store: the speaker-scope words come from the English pack's lexicon") {
  const SpeakerScopeWords& words = EnglishWords();
  CHECK(words.generic_openings.count("another") == 1);
  CHECK(words.joining_words.count("&") == 1);
  CHECK(words.group_nouns.count("witnesses") == 1);
  CHECK_FALSE(words.empty());
  CHECK(SpeakerScopeWords{}.empty());
}

TEST_CASE("store: resolved personal names and named bodies are shared across stories") {
  for (const char* name :
       {"Hannah Cole", "Mayor Ellen Brandt", "Smith", "NATO", "Reuters", "the Pentagon",
        "The White House", "the Ministry of Defence", "Bank of Canada", "Procter & Gamble", "3M",
        "Élodie Durand", "O'Brien", "Sen. Ted Cruz", "Jean-Luc Picard", "Ortiz"}) {
    INFO(name);
    CHECK(IsSharedSpeakerName(name, EnglishWords()));
  }
}

TEST_CASE("store: descriptors, groups and pronouns stay inside their story") {
  for (const char* name : {"the company",
                           "The company",
                           "police",
                           "Police",
                           "a spokesman",
                           "A spokesman",
                           "one official",
                           "One official",
                           "officials",
                           "Officials",
                           "the Canadian ambassador",
                           "fisheries ministry",
                           "the mayor's office",
                           "he",
                           "She",
                           "They",
                           "his lawyer",
                           "Two witnesses",
                           "some residents",
                           "the",
                           "",
                           "  ",
                           "of Canada",
                           "a Pentagon spokesman",
                           "Witnesses",
                           "another official",
                           "the police",
                           "He’s",
                           "I'd",
                           "That’s when she"}) {
    INFO(name);
    CHECK_FALSE(IsSharedSpeakerName(name, EnglishWords()));
  }
}

TEST_CASE("store: a house list changes which speakers are shared") {
  SpeakerScopeWords house = EnglishWords();
  // Rule 3: a group noun of the house's own makes that one-word name one story's.
  CHECK(IsSharedSpeakerName("Bystanders", house));
  house.group_nouns.insert("bystanders");
  CHECK_FALSE(IsSharedSpeakerName("Bystanders", house));
  CHECK(IsSharedSpeakerName("Bystanders Union", house));  // only a name of that one word
  // Rule 2: a joining word of its own keeps a name with it in lower case shared.
  CHECK_FALSE(IsSharedSpeakerName("Banco do Brasil", house));
  house.joining_words.insert("do");
  CHECK(IsSharedSpeakerName("Banco do Brasil", house));
  // Rule 1: an opening of its own makes any name starting with it generic.
  CHECK(IsSharedSpeakerName("Numerous Officials", house));
  house.generic_openings.insert("numerous");
  CHECK_FALSE(IsSharedSpeakerName("Numerous Officials", house));
  // Without words, no opening or group noun is generic and no lower-case word joins.
  const SpeakerScopeWords none;
  CHECK(IsSharedSpeakerName("Police", none));
  CHECK(IsSharedSpeakerName("One Official", none));
  CHECK_FALSE(IsSharedSpeakerName("Bank of Canada", none));
}

}  // namespace
}  // namespace whosaid::store
