// Token patterns (issue 16, first step; beside the character rules, not yet used by
// extraction): the rule language of ../shared/DESIGN.md, parsed into a tree. A pattern is a
// sequence of token tests with operators:
//
//   said  "according to"     literal words, case-insensitive (a quoted phrase is a sequence)
//   @cue_verbs               a token whose word is in that list of the pack's manifest
//   Cap lower UPPER Num      shapes (Capitalized, lower case, all capitals, a number)
//   Poss                     a word ending in a possessive ’s, 's, s’ or s' ("Ruiz’s")
//   , . : ; ( ) — –          a punctuation mark (write ":" "?" "!" quoted: they are operators;
//                            "--" and "..." are the tokens of those runs)
//   QUOTE  OTHER_QUOTE       the quotation being attributed, any other quotation
//   PARA                     a paragraph break
//   SENT                     a sentence boundary: stands before the first token of every
//                            sentence (not inside a quotation) and at the end of the text;
//                            no other test passes it, so ANY* does not run past it
//   ANY                      any one token
//   A & B   !A   [A | B]     a token passing both, not A, either (inside [...]: tests)
//   x?  x*  x+  x{m,n}       repetition (with a ? right after it, as few as the rest of the
//                            pattern allows: x*? x{0,2}?); ( ... ) groups; a | b alternation
//   NAME:x                   slot NAME (capitals) capturing x; slots nest
//   /ist$|ian$/              escape hatch: a word or number whose text RE2 finds the
//                            expression in (case-sensitive unless it opens with (?i); anchor
//                            with ^ $; \/ is a slash; write "/" for the slash mark); at
//                            most kMaxRegexTests distinct ones per pack
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/status.h"
#include "whosaid/text/token.h"

namespace whosaid::tokenrules {

// A test on one token.
struct TokenTest {
  enum class Kind {
    kWord,
    kList,
    kShape,
    kPunct,
    kQuote,
    kOtherQuote,
    kParagraph,
    kSentence,
    kAny,
    kRegex,
    kPossessive,
    kAnd,
    kOr,
    kNot
  };
  Kind kind = Kind::kAny;
  // kWord: the word in lower case; kList: the list's name; kPunct: the mark; kRegex: the
  // expression
  std::string text;
  text::Shape shape = text::Shape::kNone;  // kShape
  std::vector<TokenTest> args;             // kAnd, kOr, kNot
};

// A node of a pattern.
struct PatternNode {
  enum class Kind { kTest, kSequence, kAlternation, kRepeat, kSlot };
  Kind kind = Kind::kSequence;
  TokenTest test;                     // kTest
  std::vector<PatternNode> children;  // kSequence, kAlternation; kRepeat and kSlot: one
  int min = 0, max = -1;              // kRepeat (max -1: unbounded)
  bool lazy = false;                  // kRepeat: as few repetitions as the rest allows
  std::string slot;                   // kSlot
};

// Distinct regular-expression tests a rule set may hold: each is a bit of a token's
// signature, and a word that is in no list may pass any subset of them, so the alphabet
// holds every shape × subset.
inline constexpr size_t kMaxRegexTests = 4;

// Parses a pattern. An error names the byte offset of the problem in `source`.
struct ParseFailure {
  size_t offset = 0;
  std::string message;
};
struct Parsed {
  PatternNode root;
  std::vector<ParseFailure> errors;
  bool ok() const { return errors.empty(); }
};
Parsed ParsePattern(std::string_view source);

}  // namespace whosaid::tokenrules
