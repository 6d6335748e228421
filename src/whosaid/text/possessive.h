// Whether a word ends in a possessive: the one test the registry and the token rules share.
#pragma once

#include <string_view>

namespace whosaid::text {

// ’s or 's after at least one character: "Ruiz’s", "Thursday's".
bool HasPossessiveS(std::string_view word);

// HasPossessiveS, or a plural's bare apostrophe after an "s": "pilots’", "pilots'". The
// token test Poss.
bool IsPossessiveWord(std::string_view word);

}  // namespace whosaid::text
