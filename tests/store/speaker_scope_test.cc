// The test that decides which speakers are shared across stories (speaker_scope.h).
#include "whosaid/store/speaker_scope.h"

#include <doctest/doctest.h>

namespace whosaid::store {
namespace {

TEST_CASE("store: resolved personal names and named bodies are shared across stories") {
  for (const char* name :
       {"Hannah Cole", "Mayor Ellen Brandt", "Smith", "NATO", "Reuters", "the Pentagon",
        "The White House", "the Ministry of Defence", "Bank of Canada", "Procter & Gamble", "3M",
        "Élodie Durand", "O'Brien", "Sen. Ted Cruz", "Jean-Luc Picard", "Ortiz"}) {
    INFO(name);
    CHECK(IsSharedSpeakerName(name));
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
    CHECK_FALSE(IsSharedSpeakerName(name));
  }
}

}  // namespace
}  // namespace whosaid::store
