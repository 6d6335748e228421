// Character classes shared by every stage that looks at letters and line ends (the
// segmenter, the nickname test, the registry's word splitting and the tokenizer), so that
// they agree on what a letter, a capital or a line break is.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace whosaid::text {

// A letter, digit or non-spacing mark of any script (what words are made of).
bool IsWordCp(char32_t cp);
// Upper or title case, of any script.
bool IsUpperCp(char32_t cp);
bool IsLowerCp(char32_t cp);
bool IsLetterCp(char32_t cp);

// `s` with ASCII capitals in lower case (other bytes unchanged): case-folding for keys
// written in ASCII (list entries, literal words, header names).
std::string AsciiLower(std::string_view s);
// `s` with an ASCII capital first letter in lower case, the rest unchanged: a sentence's
// first word as a list writes it ("When" is "when", "WHEN" stays a heading's).
std::string AsciiLowerFirst(std::string_view s);

// `word` up to its first apostrophe (’ or '): "He’s" → "He", "I'd" → "I"; all of it when
// it has none.
std::string_view BeforeApostrophe(std::string_view word);

// Where a word that opens with a particle joins its capitalized rest: the byte of the
// hyphen or apostrophe (' or ’) in "al-Khatib", "d’Alembert", "el-Mansouri", when a capital
// letter follows it; npos otherwise. Whether word.substr(0, joint) is a particle is the
// caller's lexicon's to say.
size_t ParticleJoint(std::string_view word);

// True for a punctuation token that sets off a phrase: a comma, or a dash (— – ― and a run
// of hyphens).
bool IsCommaOrDash(std::string_view token);

// Length in bytes of the line break at byte i of `t` (\n, \r\n, \r, U+2028, U+2029), or 0.
size_t LineBreakLength(std::string_view t, size_t i);

}  // namespace whosaid::text
