// Words of a quotation's content: how many, and whether they read as a title ("Morning
// Joe", "The Art of the Deal") rather than as something said.
#pragma once

#include <string_view>

#include "whosaid/entities/word_list.h"

namespace whosaid::attrib {

// Runs of non-blank characters.
int CountWords(std::string_view s);

// True for a short run of capitalized words (at most eight): “Morning Joe”, “The Art of the
// Deal”. Lower-case words may be those of title_small_words.lst.
bool IsTitleCase(std::string_view content, const entities::Lexicons& lex);

}  // namespace whosaid::attrib
