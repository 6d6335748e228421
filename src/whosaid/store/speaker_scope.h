// Which speakers the quote store shares across stories. A resolved personal name ("Hannah
// Cole", "Mayor Ellen Brandt", "Smith") or a named body ("NATO", "the Pentagon", "The
// Ministry of Defence") is the same speaker in every story that names it. Anything else --
// a descriptor ("the company", "a spokesman", "one official", "the Canadian ambassador"), a
// group ("police", "officials", "Witnesses") or a pronoun -- means someone else in each
// story, so the store keys it by name *and* story.
//
// The test, on the speaker's canonical name with white space folded:
//   1. A first word that is an article other than "the", a pronoun, a quantifier or a
//      number word ("a", "an", "one", "some", "several", "another", "he", "they", "his", …;
//      any case) makes the name generic.
//   2. A leading "the" (any case) is dropped; what is left must be title case: every word
//      starts with an upper-case letter or a digit, except the joining words "of", "and",
//      "for", "on", "in", "at", "de", "the" and "&" (which must not come first). Any other
//      lower-case word ("the company", "police", "fisheries ministry") makes it generic.
//   3. A single word that is a common noun for a group or an anonymous source when
//      capitalized at the start of a sentence ("Police", "Officials", "Spokesman",
//      "Witnesses", …) is generic.
//   Everything else is shared.
// Namesakes (two John Smiths) are one speaker; the role each story gave stays with its
// occurrence and `db speakers` lists the distinct roles with their stories.
#pragma once

#include <string_view>

namespace whosaid::store {

// True when `name` is a resolved personal name or a named body (see above).
bool IsSharedSpeakerName(std::string_view name);

}  // namespace whosaid::store
