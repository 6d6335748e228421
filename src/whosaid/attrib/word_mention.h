// A quotation that only mentions a word: "why vote for him, unless “she” is a “he”?" quotes
// the pronoun as a word; nobody said it.
#pragma once

#include <string_view>

#include "whosaid/entities/word_list.h"

namespace whosaid::attrib {

// True when `content`, less a final comma, full stop, question or exclamation mark, is one
// pronoun (pronouns.lst).
bool IsPronounMention(std::string_view content, const entities::Lexicons& lex);

}  // namespace whosaid::attrib
