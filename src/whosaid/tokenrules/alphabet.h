// The token alphabet of compiled token patterns (issue 16, first step). Every token becomes
// one symbol, a code point from U+0100, standing for the set of tests it passes: the lists
// of the rules that hold its word, which of the rules' literal words it is, its kind and
// shape, which of the rules' punctuation marks it is. Every set a token can have is known
// when the rules are compiled (a word in a list is an exact entry of the lexicon; any other
// word passes only shape tests), so each token test compiles to a character class of
// symbols and RE2 runs the patterns over one symbol per token: states that do not depend on
// the words' letters.
#pragma once

#include <re2/re2.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "whosaid/lexicon/word_table.h"
#include "whosaid/status.h"
#include "whosaid/text/token.h"
#include "whosaid/tokenrules/pattern.h"

namespace whosaid::tokenrules {

// What a symbol stands for.
struct Signature {
  uint64_t lists = 0;    // the rules' lists holding the word (bits by WordTable list id)
  int32_t literal = -1;  // index of the word, lower-cased, among the rules' literal words
  int16_t punct = -1;    // index of the mark among the rules' punctuation marks
  text::TokenKind kind = text::TokenKind::kWord;
  text::Shape shape = text::Shape::kNone;
  uint8_t regexes = 0;          // the rules' regular-expression tests the text passes (bits)
  bool possessive = false;      // the word ends in ’s, 's, s’ or s' (Poss)
  uint8_t quote = 0;            // 1: the quotation being attributed, 2: another quotation
  bool sentence_start = false;  // the symbol before a sentence's first token (no token)
  friend bool operator==(const Signature&, const Signature&) = default;
};

class Alphabet {
 public:
  // The alphabet for `patterns` over the lexicon `table`; an error names a list the table
  // does not declare.
  static Result<Alphabet> Build(const lexicon::WordTable& table,
                                const std::vector<const PatternNode*>& patterns);

  // The symbol of one token: its text, the token and its lists (TokenStream::lists).
  // `apostrophe_after`: a plural possessive's apostrophe follows ("pilots’"), so Poss passes.
  char32_t Encode(std::string_view token_text, const text::Token& token, uint64_t lists,
                  bool apostrophe_after = false) const;
  char32_t quote() const { return quote_; }
  char32_t other_quote() const { return other_quote_; }
  char32_t sentence_start() const { return sentence_start_; }

  // Which of the rules' regular-expression tests `word` passes, as bits.
  uint8_t RegexBits(std::string_view word) const;

  // An RE2 character class of the symbols whose tokens pass `test`.
  std::string ClassOf(const TokenTest& test) const;
  // The symbols whose tokens pass `test`, as a bit set (bit k: symbol kFirstSymbol + k).
  // For a list test with multi-word entries, also every literal word of those entries (a
  // token that may start or continue one): a superset, as a prefilter needs.
  std::vector<uint64_t> SymbolMask(const TokenTest& test) const;
  // The RE2 text of a list test standing alone (`@cue_verbs`, not inside & | !): one token
  // of the list, or the tokens of one of its multi-word entries ("pointed out", "said in a
  // statement", "Prime Minister"), longest entries first. Else ClassOf().
  std::string RegexOf(const TokenTest& test) const;
  size_t size() const { return signatures_.size(); }
  const lexicon::WordTable* table() const { return table_; }

 private:
  struct SignatureHash {
    size_t operator()(const Signature& s) const;
  };
  char32_t Add(const Signature& s);
  // Orders the symbols so that the classes of `patterns`' tests are few ranges
  // (symbol_order.h), and writes those classes (classes_, literal_classes_).
  void OrderAndWriteClasses(const std::vector<const PatternNode*>& patterns);
  // The symbols whose tokens pass `test`, without the multi-word entries of SymbolMask.
  std::vector<uint64_t> PassingSymbols(const TokenTest& test) const;
  // The symbols of literal word `literal`, in any shape.
  std::vector<uint64_t> LiteralSymbols(int32_t literal) const;
  // Whether a token of signature `s` passes `test`, a test of one token (not & | !), whose
  // literal, list or mark is `key`.
  struct LeafKey {
    int32_t literal = -1;
    lexicon::ListId list = 0;
    int16_t punct = -1;
    int16_t regex = -1;
  };
  bool PassesLeaf(const TokenTest& test, const LeafKey& key, const Signature& s) const;
  static bool Boundary(const Signature& s);

  const lexicon::WordTable* table_ = nullptr;
  uint64_t used_lists_ = 0;
  // The rules' literal words (lower-cased) and marks → index. Looked up by string_view:
  // Encode() asks once per token, without building a string.
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, int32_t, TextHash, std::equal_to<>> literals_;
  std::unordered_map<std::string, int16_t, TextHash, std::equal_to<>> puncts_;
  size_t longest_literal_ = 0;  // in bytes: a longer word is none of them
  // The rules' regular-expression tests (TokenTest::kRegex) by expression → index, and
  // compiled in that order. Shared: an Alphabet is copied with its rule set.
  std::unordered_map<std::string, int16_t> regex_index_;
  std::vector<std::shared_ptr<const RE2>> regexes_;
  // The symbol of a token that is in no list and no literal or mark of the rules, by kind and
  // shape (most tokens of a story): Encode() finds it without hashing a Signature. 0: none.
  static constexpr size_t kKinds = 5, kShapes = 6;
  char32_t plain_[kKinds][kShapes] = {};
  // Per list id: its multi-word entries as literal indices of their words, longest first.
  std::unordered_map<lexicon::ListId, std::vector<std::vector<int32_t>>> phrases_;
  std::vector<Signature> signatures_;  // symbol - kFirstSymbol → signature
  std::unordered_map<Signature, char32_t, SignatureHash> symbols_;
  // The classes of the tests of the patterns the alphabet was built for, by test key (the
  // same tests recur in every rule through the defines: compiling the English pack asks for
  // a few thousand classes of a few hundred tests), and of the words of multi-word entries.
  std::unordered_map<std::string, std::string> classes_;
  std::unordered_map<int32_t, std::string> literal_classes_;
  // The same tests' symbols as bit sets (PassingSymbols), and per list with multi-word
  // entries the symbols of those entries' words: what SymbolMask answers, which the rule set
  // asks of every test of every rule.
  std::unordered_map<std::string, std::vector<uint64_t>> passing_;
  std::unordered_map<lexicon::ListId, std::vector<uint64_t>> phrase_words_;
  char32_t quote_ = 0, other_quote_ = 0, sentence_start_ = 0;
};

inline constexpr char32_t kFirstSymbol = 0x100;
inline constexpr char32_t kLastSymbol = 0x7FF;  // every symbol is two bytes of UTF-8

}  // namespace whosaid::tokenrules
