// Which speakers the quote store shares across stories. A resolved personal name ("Hannah
// Cole", "Mayor Ellen Brandt", "Smith") or a named body ("NATO", "the Pentagon", "The
// Ministry of Defence") is the same speaker in every story that names it. Anything else --
// a descriptor ("the company", "a spokesman", "one official", "the Canadian ambassador"), a
// group ("police", "officials", "Witnesses") or a pronoun -- means someone else in each
// story, so the store keys it by name *and* story.
//
// The words come from the rule pack's lexicon (rules/en/lexicon/, declared in its
// lexicon.manifest), not from this code: entities::Lexicons::ToSpeakerScopeWords() builds
// a SpeakerScopeWords from them, and whoever opens a store for writing passes it in
// OpenOptions. The test, on the speaker's canonical name with white space folded and words
// compared with ASCII case folded:
//   1. A first word (up to an apostrophe: "He’s" is "he") in generic_speaker_openings.lst
//      -- an article other than "the", a pronoun, a quantifier or a number word ("a", "an",
//      "one", "some", "he", "they", "his", …) -- makes the name generic.
//   2. A leading "the" is dropped; what is left must be title case: every word starts with
//      an upper-case letter or a digit, except the joining words of
//      speaker_name_joining_words.lst ("of", "and", "for", "de", "&", …), which must not
//      come first. Any other lower-case word ("the company", "police", "fisheries
//      ministry") makes it generic.
//   3. A single word of group_speaker_nouns.lst -- a common noun for a group or an
//      anonymous source, capitalized at the start of a sentence ("Police", "Officials",
//      "Spokesman", "Witnesses", …) -- is generic.
//   Everything else is shared.
// Namesakes (two John Smiths) are one speaker; the role each story gave stays with its
// occurrence and `db speakers` lists the distinct roles with their stories.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <string_view>

namespace whosaid::store {

// The pack's words for IsSharedSpeakerName, one set per rule above, in lower case.
struct SpeakerScopeWords {
  using Words = std::set<std::string, std::less<>>;
  Words generic_openings;  // generic_speaker_openings.lst (rule 1)
  Words joining_words;     // speaker_name_joining_words.lst (rule 2)
  Words group_nouns;       // group_speaker_nouns.lst (rule 3)

  // True when the pack gave none of the three lists: the store cannot tell a named speaker
  // from a generic one.
  bool empty() const {
    return generic_openings.empty() && joining_words.empty() && group_nouns.empty();
  }
};

// True when `name` is a resolved personal name or a named body (see above).
bool IsSharedSpeakerName(std::string_view name, const SpeakerScopeWords& words);

}  // namespace whosaid::store
