#include "whosaid/store/speaker_scope.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>
#include <vector>

#include "whosaid/text/char_class.h"

namespace whosaid::store {
namespace {

// Whether `word` starts with an upper-case letter or a digit.
bool IsCapitalized(std::string_view word) {
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(word.data(), i, static_cast<int32_t>(word.size()), c);
  if (c < 0) return false;
  return u_isupper(c) || u_istitle(c) || u_isdigit(c);
}

std::vector<std::string_view> Words(std::string_view name) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && (name[i] == ' ' || name[i] == '\t' || name[i] == '\n')) ++i;
    size_t j = i;
    while (j < name.size() && name[j] != ' ' && name[j] != '\t' && name[j] != '\n') ++j;
    if (j > i) words.push_back(name.substr(i, j - i));
    i = j;
  }
  return words;
}

}  // namespace

bool IsSharedSpeakerName(std::string_view name, const SpeakerScopeWords& scope) {
  const auto in = [](const SpeakerScopeWords::Words& set, std::string_view word) {
    return set.find(text::AsciiLower(word)) != set.end();
  };
  std::vector<std::string_view> words = Words(name);
  if (words.empty()) return false;
  if (in(scope.generic_openings, text::BeforeApostrophe(words.front()))) return false;  // rule 1
  if (text::AsciiLower(words.front()) == "the") words.erase(words.begin());             // rule 2
  if (words.empty() || in(scope.joining_words, words.front())) return false;
  for (std::string_view w : words) {
    if (!IsCapitalized(w) && !in(scope.joining_words, w)) return false;
  }
  return !(words.size() == 1 && in(scope.group_nouns, words.front()));  // rule 3
}

}  // namespace whosaid::store
