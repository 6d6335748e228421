#include "whosaid/attrib/word_mention.h"

namespace whosaid::attrib {

bool IsPronounMention(std::string_view content, const entities::Lexicons& lex) {
  if (!content.empty() && (content.back() == ',' || content.back() == '.' ||
                           content.back() == '?' || content.back() == '!')) {
    content.remove_suffix(1);
  }
  return !content.empty() && lex.pronouns.contains(content);
}

}  // namespace whosaid::attrib
