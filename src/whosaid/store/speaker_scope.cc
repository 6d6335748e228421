#include "whosaid/store/speaker_scope.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "whosaid/text/char_class.h"

namespace whosaid::store {
namespace {

// The word up to an apostrophe: "He’s" → "He", "I'd" → "I".
std::string_view Stem(std::string_view word) {
  const size_t straight = word.find('\'');
  const size_t curly = word.find("\xE2\x80\x99");
  return word.substr(0, std::min(straight, curly));
}

bool In(std::string_view lower, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), lower) != words.end();
}

// Rule 1: words that, first, make any name generic.
bool IsGenericOpening(std::string_view lower) {
  return In(lower, {"a",        "an",    "one",  "two",  "three",   "four",     "five",   "some",
                    "several",  "many",  "most", "few",  "another", "other",    "others", "any",
                    "each",     "every", "no",   "both", "all",     "this",     "that",   "these",
                    "those",    "such",  "he",   "she",  "it",      "they",     "we",     "i",
                    "you",      "him",   "her",  "them", "us",      "his",      "hers",   "its",
                    "their",    "our",   "my",   "your", "someone", "somebody", "anyone", "nobody",
                    "everyone", "who",   "which"});
}

// Rule 2: joining words a title-case name may contain in lower case.
bool IsJoiningWord(std::string_view lower) {
  return In(lower, {"of", "and", "for", "on", "in", "at", "de", "the", "&"});
}

// Rule 3: group nouns and anonymous sources, as one capitalized word.
bool IsGroupNoun(std::string_view lower) {
  return In(lower, {"police",      "officials",    "official",     "authorities",   "spokesman",
                    "spokeswoman", "spokesperson", "spokespeople", "witnesses",     "witness",
                    "residents",   "sources",      "source",       "analysts",      "experts",
                    "critics",     "officers",     "prosecutors",  "investigators", "lawyers",
                    "doctors",     "researchers",  "scientists",   "protesters",    "organizers",
                    "organisers",  "lawmakers",    "democrats",    "republicans",   "staff",
                    "aides",       "advisers",     "observers",    "economists",    "parents",
                    "students",    "workers",      "voters",       "neighbors",     "neighbours",
                    "villagers",   "locals",       "fans",         "supporters",    "opponents",
                    "diplomats",   "negotiators",  "investors",    "traders"});
}

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

bool IsSharedSpeakerName(std::string_view name) {
  std::vector<std::string_view> words = Words(name);
  if (words.empty()) return false;
  if (IsGenericOpening(text::AsciiLower(Stem(words.front())))) return false;  // rule 1
  if (text::AsciiLower(words.front()) == "the") words.erase(words.begin());   // rule 2
  if (words.empty() || IsJoiningWord(text::AsciiLower(words.front()))) return false;
  for (std::string_view w : words) {
    if (!IsCapitalized(w) && !IsJoiningWord(text::AsciiLower(w))) return false;
  }
  return !(words.size() == 1 && IsGroupNoun(text::AsciiLower(words.front())));  // rule 3
}

}  // namespace whosaid::store
