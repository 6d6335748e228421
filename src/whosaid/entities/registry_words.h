// What the three parts of the registry (mentions.cc, roles.cc, coref.cc) share: the word
// tokens the registry reads off the token stream, and small word helpers. Internal to the
// registry.
#pragma once

#include <string>
#include <string_view>

#include "whosaid/entities/registry.h"

namespace whosaid::entities {

struct Registry::Token {
  text::ByteSpan span;
  std::string_view word;  // text of the token (possessive ’s removed)
  bool cap = false;
  bool joined = false;       // separated from the previous token by exactly one space
  bool across_mark = false;  // joined to the previous token across a nickname's mark
  bool nickname = false;     // a nickname inside a name: Bob in Robert "Bob" Smith
  bool possessive = false;   // a possessive ’s / 's was cut off `word` ("Kansai Sky's")
  uint64_t lists = 0;        // the lists of the lexicon's word table `word` belongs to
};

namespace registry_words {

// The first space-separated word of `phrase` when another word follows it, else empty:
// "the senator" gives "the", "the" gives "".
inline std::string_view LeadWord(std::string_view phrase) {
  const size_t sp = phrase.find(' ');
  return sp == std::string_view::npos ? std::string_view() : phrase.substr(0, sp);
}

// The text after the last space of `phrase`, all of it when it holds none: "the senator"
// gives "senator", "said" gives "said", "in " gives "".
inline std::string_view LastWord(std::string_view phrase) {
  const size_t sp = phrase.rfind(' ');
  return sp == std::string_view::npos ? phrase : phrase.substr(sp + 1);
}

// True when a word of `phrase` between two spaces (neither its first nor its last word) is
// in `list`.
inline bool HasInnerWordIn(std::string_view phrase, const WordList& list) {
  size_t b = phrase.find(' ');
  while (b != std::string_view::npos) {
    const size_t e = phrase.find(' ', b + 1);
    if (e == std::string_view::npos) break;
    if (list.contains(phrase.substr(b + 1, e - b - 1))) return true;
    b = e;
  }
  return false;
}

}  // namespace registry_words
}  // namespace whosaid::entities
