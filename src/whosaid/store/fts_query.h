// Turns what a user typed into a search box into an FTS5 query that cannot have a syntax
// error. FTS5 gives meaning to " * ( ) : ^ + - and to the words AND, OR, NOT and NEAR, and
// news text is full of them ("U.S.", "(R-Texas)"). Here plain words are only ever words:
//
//   trade talks        → "trade" "talks"          both words, anywhere in the quote
//   "trade talks"      → "trade talks"            the phrase (“curly” quotes work too)
//   negotiat*          → "negotiat"*              words starting with negotiat
//   U.S. (R-Texas) OR  → "U.S." "(R-Texas)" "OR"  each token quoted; FTS5's tokenizer
//                                                 then splits it into words as in the index
//
// A token with no letter or digit ("—", "*", "()") is dropped; an unclosed quote runs to
// the end of the input.
#pragma once

#include <string>
#include <string_view>

namespace whosaid::store {

// The FTS5 MATCH expression for `input`: its terms joined by spaces (FTS5's implicit AND).
// Empty when nothing searchable is left.
std::string BuildFtsQuery(std::string_view input);

}  // namespace whosaid::store
