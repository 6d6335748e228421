// Token rules: rule files whose patterns are token patterns (pattern.h), compiled together
// over one alphabet and run by the attributor.
//
// A token rule file (`*.tokens`, in a pack's tokens/ directory) has the grammar of
// rules/rule_file.h: `define`, `rule ID prio=N [conf=X] : PATTERN`, `+`/`-` examples,
// `none:` lines. What is particular to token rules:
//   - the pattern is a token pattern; `{NAME}` stands for the body of `define NAME = …`
//     (itself a token pattern, in any file of the pack), in parentheses; lexicon lists are
//     `@name` of the manifest;
//   - a quote rule holds QUOTE (the quotation being attributed); its slots SPEAKER, ROLE and
//     CUE give the speaker phrase, the role and the cue;
//   - an example states what whosaid finally says about the example's first quotation:
//     SPEAKER, ROLE and CUE are the record's speaker (canonical), role and cue, and the
//     record's rule must be this rule (whosaid/token_examples.h runs them).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "whosaid/lexicon/word_table.h"
#include "whosaid/quotes/quote_span.h"
#include "whosaid/rules/diagnostic.h"
#include "whosaid/rules/rule_file.h"
#include "whosaid/text/segmenter.h"
#include "whosaid/tokenrules/alphabet.h"
#include "whosaid/tokenrules/compiled_pattern.h"

namespace whosaid::tokenrules {

struct TokenRule {
  std::string id;
  int priority = 0;
  double confidence = 0;  // conf=X, or priority / 100
  std::string pattern_source;
  std::vector<rules::Example> examples;
  std::string file;
  int line = 0, col = 0;
  // Where QUOTE stands: a rule that starts with it is tried anchored at the quotation; any
  // other is searched in the stretch of text around it.
  bool starts_with_quote = false;
  // A rule that ends with QUOTE is matched backwards from the quotation (compiled_at_end).
  bool ends_with_quote = false;
  // A rule with a CLAUSE slot is an indirect-speech rule ("X said that …"): it is searched
  // over the whole document, not at quotations.
  bool indirect = false;
  // The pattern unanchored: not compiled for a quote rule that ends with QUOTE, which runs
  // only compiled_at_end (RE2 compiling a pattern is most of the start-up).
  CompiledPattern compiled;
  CompiledPattern compiled_at_end;  // when ends_with_quote
  // Symbol sets of which every match holds a token (a cue verb, "according to", ":"): a
  // rule runs only where the stretch it searches has one of each (a prefilter,
  // pattern_facts.h RequiredSymbols).
  std::vector<std::vector<uint64_t>> required;
  // No match holds SENT but at its ends: an indirect rule is searched sentence by sentence,
  // in the sentences that hold its required symbols (sentence_windows.h).
  bool within_sentence = false;
  // The symbols a match may start with (pattern_facts.h FirstSymbols; empty: any).
  std::vector<uint64_t> first;
};

// One rule's match for one quotation: the slots as byte spans of the document.
struct TokenMatch {
  const TokenRule* rule = nullptr;
  std::optional<text::ByteSpan> speaker, role, cue, clause;
};

class TokenRuleSet {
 public:
  // Reads every `*.tokens` file of `paths` (files, or directories read in name order) and
  // compiles their quote rules over the lists of `table`. Problems are diagnostics at
  // file:line:col; null when any is an error. No file at all is an empty set.
  static std::shared_ptr<const TokenRuleSet> Load(const std::vector<std::string>& paths,
                                                  std::shared_ptr<const lexicon::WordTable> table,
                                                  std::vector<rules::Diagnostic>* diagnostics);
  // The same from rule files' texts (`path` only names them in diagnostics).
  struct RuleSource {
    std::string path, text;
  };
  static std::shared_ptr<const TokenRuleSet> LoadFromStrings(
      const std::vector<RuleSource>& sources, std::shared_ptr<const lexicon::WordTable> table,
      std::vector<rules::Diagnostic>* diagnostics);

  // What `whosaid rules check` warns about beyond errors: a define no rule uses, a rule or
  // define line longer than kMaxLineChars characters, a file of rules without a `none:`
  // corpus.
  void Lint(std::vector<rules::Diagnostic>* out) const {
    out->insert(out->end(), lint_.begin(), lint_.end());
  }
  static constexpr size_t kMaxLineChars = 200;

  const std::vector<TokenRule>& rules() const { return rules_; }
  // The files' `none:` sentences: whosaid must give none of them a quotation or a speaker.
  const std::vector<rules::Example>& none_examples() const { return none_; }
  bool empty() const { return rules_.empty(); }

  // A document's symbols (EncodeTokens over all its tokens, no quotation in focus yet).
  SymbolText Encode(std::string_view text, const text::Segmentation& seg,
                    const std::vector<quotes::QuoteSpan>& quotes) const;

  // The rules' matches for quotation `quote` (index into `quotes`) that `accept` takes (all,
  // without it), in rule order, down to the priority of the first accepted one: rules below
  // it cannot win. The quotation takes the focus in `symbols` while they run and gives it
  // back after.
  void MatchQuote(const text::Segmentation& seg, const std::vector<quotes::QuoteSpan>& quotes,
                  size_t quote, SymbolText* symbols, std::vector<TokenMatch>* out,
                  const std::function<bool(const TokenMatch&)>& accept = nullptr) const;

  // The indirect-speech matches of the document, left to right: at each point the leftmost
  // match of any indirect rule (the higher priority at the same start), then on from its
  // end. A clause that holds a quotation is left out. A match whose SPEAKER slot took no
  // part has no speaker: a reported question whose asker the text does not name.
  void MatchIndirect(const text::Segmentation& seg, const std::vector<quotes::QuoteSpan>& quotes,
                     const SymbolText& symbols, std::vector<TokenMatch>* out) const;
  bool has_indirect() const { return has_indirect_; }

 private:
  std::shared_ptr<const lexicon::WordTable> table_;
  std::unique_ptr<Alphabet> alphabet_;
  // The lexicon's title_small_words: a title-case headline has no nicknames (NicknameAt).
  std::vector<std::string> small_words_;
  std::vector<TokenRule> rules_;  // by priority, highest first (stable: file order)
  bool has_indirect_ = false;
  std::vector<rules::Diagnostic> lint_;
  std::vector<rules::Example> none_;
};

}  // namespace whosaid::tokenrules
