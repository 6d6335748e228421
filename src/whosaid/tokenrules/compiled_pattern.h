// A token pattern compiled to RE2 over the token alphabet (issue 16, first step; beside the
// character rules, not yet used by extraction), and the symbol string it runs over.
#pragma once

#include <re2/re2.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/quotes/quote_span.h"
#include "whosaid/status.h"
#include "whosaid/text/segmenter.h"
#include "whosaid/tokenrules/alphabet.h"

namespace whosaid::tokenrules {

// A document (or part of one) as symbols: one per token, a whole quotation as one QUOTE or
// OTHER_QUOTE symbol, and a SENT symbol before each sentence's first token (outside
// quotations) and at the end of the text (it holds no token: first_token == end_token). Every
// symbol is two bytes of UTF-8.
struct SymbolText {
  std::string symbols;
  std::vector<uint32_t> first_token;  // per symbol: its first token (a quotation's: its first)
  std::vector<uint32_t> end_token;    // per symbol: one past its last token
};

// Encodes tokens [begin, end) of `seg` (text `text`); the tokens inside each of `quotes`
// become one symbol, QUOTE for the quote at index `focus` (or none, when -1), else
// OTHER_QUOTE. With `nickname_small_words` (the lexicon's title_small_words), a nickname in
// a name (Robert "Bob" Smith, text/nickname.h) gives no symbol: rules read Robert Smith, and
// a slot over the name still spans the nickname.
SymbolText EncodeTokens(const Alphabet& alphabet, std::string_view text,
                        const text::Segmentation& seg, size_t begin, size_t end,
                        const std::vector<quotes::QuoteSpan>& quotes, int focus,
                        const std::vector<std::string>* nickname_small_words = nullptr);

// Makes the quotation at symbol `symbol` the one attributed (QUOTE), or another one again
// (OTHER_QUOTE) with focus = false: a document is encoded once, and each quotation takes the
// focus in turn while the rules that attribute it run.
void SetFocus(const Alphabet& alphabet, size_t symbol, bool focus, SymbolText* text);

// A slot's tokens: [begin, end) token indices.
struct TokenRange {
  uint32_t begin = 0, end = 0;
};

class CompiledPattern {
 public:
  // Compiles `node` over `alphabet`; an error says what RE2 could not compile.
  static Result<CompiledPattern> Compile(const PatternNode& node, const Alphabet& alphabet);
  // The same pattern, anchored at the end of the text a Match() sees: RE2 then runs it
  // backwards from there (its reverse program), which turns most non-matches away within a
  // few symbols. For rules that end at the quotation.
  Result<CompiledPattern> AnchoredAtEnd() const;
  // Compile(node, alphabet).AnchoredAtEnd() without compiling the unanchored program.
  static Result<CompiledPattern> CompileAtEnd(const PatternNode& node, const Alphabet& alphabet);

  // Matches the pattern starting at symbol `from` of `text` (anchored there); fills the
  // token range of every slot that took part. False when it does not match there.
  bool MatchAt(const SymbolText& text, size_t from, std::map<std::string, TokenRange>* slots) const;

  // Matches within symbols [from, to) of `text`: anchored at `from`, or the leftmost match
  // anywhere in the range (`anchored` false). Slots as MatchAt; with slots, `start` (when
  // given) receives the symbol where the match starts.
  bool Match(const SymbolText& text, size_t from, size_t to, bool anchored,
             std::map<std::string, TokenRange>* slots, size_t* start = nullptr) const;

  // For a pattern anchored at the end (AnchoredAtEnd()): of its matches within symbols
  // [from, to), all ending at `to`, the symbol where the last one starts (the speaker nearest
  // the quotation: "X said …, and Y said the “…”" is Y's), or of the run of starts one
  // symbol apart that it ends ("Ann Lee said" and "Lee said": "Ann"). None when no match.
  // RE2 gives the leftmost start; each further call looks for a later one, without captures.
  std::optional<size_t> LastStart(const SymbolText& text, size_t from, size_t to) const;

  const std::string& regex() const { return regex_; }

 private:
  static Result<CompiledPattern> FromRegex(std::string regex);
  std::string regex_;
  std::shared_ptr<const RE2> re_;
};

// The RE2 text of `node`'s pattern over `alphabet`.
std::string PatternRegex(const PatternNode& node, const Alphabet& alphabet);

}  // namespace whosaid::tokenrules
