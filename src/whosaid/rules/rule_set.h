// A compiled set of attribution rules, and the matcher that runs them over windows.
//
// Rule files (`*.rules`, see rule_file.h and rules/README.md) are parsed, their macros
// expanded, and each rule compiled once into an RE2. Quote rules and indirect-speech rules
// each get an RE2::Set that finds, in one pass over a window, which rules can match; only
// those rules then run their own RE2 to locate the match and its slots.
//
// The text rules match against is a "window" built by the attribution stage (attrib/
// window.h): white space folded to single spaces, paragraph breaks as " ¶ ", straight
// apostrophes as ’, the quote being attributed replaced by U+E000 and any other quote by
// U+E001 (each followed by the quote's trailing punctuation: “They knew,” said Ortiz reads
// "\uE000, said Ortiz"). For indirect rules the window is one paragraph with every quote as
// U+E001.
//
// Usage:
//   std::vector<whosaid::rules::Diagnostic> diags;
//   auto set = whosaid::rules::RuleSet::Load({"rules/en"}, {}, &diags);
//   for (const auto& d : diags) log(d.ToString());
//   if (!set) return;                       // at least one error
//   std::vector<whosaid::rules::RuleMatch> matches;
//   set->MatchQuote(window, &matches);      // best rule first
//
// A loaded RuleSet is immutable; every const method may be called from many threads at once.
// Nothing here throws or prints.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/rules/diagnostic.h"
#include "whosaid/rules/rule_file.h"
#include "whosaid/rules/slot.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace whosaid::rules {

// One compiled rule.
struct Rule {
  std::string id;              // "en.q_cue_name"
  int priority = 0;            // prio=N, 0..100: higher runs (and wins) first
  double confidence = 0;       // conf=X, or priority / 100 when not given
  bool indirect = false;       // true: an indirect-speech rule ({CLAUSE}); false: a quote rule
  std::string pattern_source;  // the pattern as written in the rule file
  std::string regex;           // the pattern expanded to plain RE2 text
  std::vector<Example> examples;
  std::string file;     // rule file path, as loaded
  int line = 0;         // line of the `rule` keyword
  int col = 0;          // column of the rule id
  int pattern_col = 0;  // column where the pattern starts

  // True when the pattern captures `slot`.
  bool HasSlot(Slot slot) const { return group_[static_cast<int>(slot)] > 0; }

 private:
  friend class RuleSet;
  std::shared_ptr<const re2::RE2> re_;
  // For a rule that ends with {QUOTE}: the pattern anchored at the end of the text. RE2 runs
  // such a pattern backwards from the end (its reverse program, anchored), which visits far
  // fewer DFA states than an unanchored forward search of the window.
  std::shared_ptr<const re2::RE2> end_re_;
  // For an indirect-speech rule: the same pattern with no captures and a budget large enough
  // for RE2's DFA. Paragraphs are long and mostly do not match; the DFA finds where the next
  // match lies at DFA speed, and re_ (NFA) captures the slots inside that span only.
  std::shared_ptr<const re2::RE2> locate_re_;
  std::array<int, kSlotCount> group_{};  // RE2 capture group of each slot; 0 when absent
  int index_ = 0;                        // position in RuleSet::rules()
  // Where {QUOTE} stands in the pattern: at its start, at its end, or elsewhere. Lets the
  // matcher anchor a rule at the quote instead of searching the whole window.
  enum class QuoteAt { kInside, kStart, kEnd } quote_at_ = QuoteAt::kInside;
};

// Where a slot matched: byte offsets [begin, end) into the window, or -1 when the slot did
// not take part in the match (an optional part that was skipped, or a slot the rule lacks).
struct SlotSpan {
  int begin = -1;
  int end = -1;
  bool found() const { return begin >= 0; }
};

// One match of one rule in a window.
struct RuleMatch {
  const Rule* rule = nullptr;  // points into the RuleSet, which must outlive the match
  int begin = 0;               // byte offsets of the whole match in the window
  int end = 0;
  std::array<SlotSpan, kSlotCount> slots;

  const SlotSpan& span(Slot slot) const { return slots[static_cast<int>(slot)]; }
  // The text of `slot` in `window` (the window that was matched), or "" when not found.
  std::string_view SlotText(std::string_view window, Slot slot) const;
};

struct LoadOptions {
  // RE2 memory budget (RE2::Options::max_mem) of each rule and each macro. A pattern that
  // needs more is an error: "pattern exceeds RE2 memory budget". A rule is compiled with the
  // smallest power-of-two budget from 128 KiB up that holds its program, so large rule
  // programs run on RE2's NFA rather than a DFA that would bail out (HACKING.md).
  int64_t max_mem_per_rule = int64_t{2} << 20;
  // RE2 memory budget of each of the two prefilter sets (the literal strings that the quote
  // rules, and the indirect rules, need). When a set does not fit, Load adds a warning and
  // matching tries every rule of that kind instead (same results, slower).
  int64_t max_mem_per_set = int64_t{8} << 20;
};

// An in-memory rule file, for LoadFromStrings.
struct RuleSource {
  std::string path;  // names the file in diagnostics; lexicon paths resolve next to it
  std::string text;
};

class RuleSet {
 public:
  // Parses and compiles the rule files at `paths`, in order. A directory stands for every
  // `*.rules` file under it, recursively, sorted by path; any other path is read as a rule
  // file whatever its name. A file named twice is loaded once.
  //
  // Every problem found, not just the first, is appended to *diagnostics (which may be
  // null), in file order, then line, then column. Returns null when any of them is an
  // error; warnings alone do not stop the load. An empty `paths` gives an empty set.
  static std::unique_ptr<RuleSet> Load(const std::vector<std::string>& paths,
                                       const LoadOptions& options,
                                       std::vector<Diagnostic>* diagnostics);

  // As Load, for rule files held in memory (tests, embedded packs). Lexicons are still read
  // from disk, relative to each source's `path`.
  static std::unique_ptr<RuleSet> LoadFromStrings(const std::vector<RuleSource>& sources,
                                                  const LoadOptions& options,
                                                  std::vector<Diagnostic>* diagnostics);

  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;
  ~RuleSet();

  // Appends lint findings to *out, sorted like Load's diagnostics:
  //   warning  rule ID has no '+' example
  //   error    duplicate rule id ID (first defined at FILE:LINE)        [across all files]
  //   warning  macro NAME is not used by any rule                       [shadowed defines
  //            and macros reached only through used macros or slots count as used]
  //   error    example expects slot S but rule ID has no {S} slot
  // Lint does not run examples: that needs the quote scanner and window builder.
  void Lint(std::vector<Diagnostic>* out) const;

  // Appends to *out the match of every quote rule that matches `window` (which should
  // contain the focus placeholder U+E000 once): at most one match per rule, its leftmost
  // one. Sorted by priority, highest first, then by rule order. An RE2::Set picks the
  // candidate rules in one pass; only those run their own RE2.
  void MatchQuote(std::string_view window, std::vector<RuleMatch>* out) const;

  // As above, with the byte offset of the focus placeholder in `window` (window.substr(focus)
  // starts with U+E000), found faster and nearer the quote: a rule whose pattern starts with
  // {QUOTE} is matched anchored at the focus (the same match as above); one that ends with
  // {QUOTE} only over the text up to it, and of its matches the one that starts last (the
  // speaker nearest the quote; the same rules match as above); the others as above.
  //
  // With `accept`, rules run in priority order and matching stops below the priority of the
  // first match that `accept` takes: lower rules could not win. The matches appended are
  // then those of the rules tried.
  void MatchQuote(std::string_view window, size_t focus, std::vector<RuleMatch>* out,
                  const std::function<bool(const RuleMatch&)>& accept = nullptr) const;

  // Appends to *out non-overlapping matches of the indirect rules in `window`, left to
  // right: from the current position, the match that starts first wins; among matches
  // starting at the same byte, the highest priority, then the earliest rule. Scanning
  // resumes at the end of the winning match.
  void MatchIndirect(std::string_view window, std::vector<RuleMatch>* out) const;

  // The leftmost match of `rule` (one of rules()) in `window`, or nullopt. For running a
  // rule's examples.
  std::optional<RuleMatch> MatchRule(const Rule& rule, std::string_view window) const;

  // Every rule, in load order (file order, then line).
  const std::vector<Rule>& rules() const { return rules_; }

  // The first rule with `id`, or null.
  const Rule* FindRule(std::string_view id) const;

  // The rule files loaded, in load order.
  const std::vector<std::string>& files() const { return files_; }

 private:
  struct Impl;
  RuleSet();

  static std::unique_ptr<RuleSet> Build(std::vector<RuleFile> files, const LoadOptions& options,
                                        std::vector<Diagnostic>* diagnostics);
  std::optional<RuleMatch> MatchFrom(const Rule& rule, std::string_view window, size_t pos,
                                     bool anchor_start = false, bool anchor_end = false) const;
  // The match of a kEnd rule in `before` (the window up to and including the focus
  // placeholder) that starts last, or nullopt.
  std::optional<RuleMatch> MatchEndingAtFocus(const Rule& rule, std::string_view before) const;

  std::vector<Rule> rules_;
  std::vector<std::string> files_;
  std::vector<MacroDef> unused_macros_;
  std::unique_ptr<Impl> impl_;  // the RE2::Sets
};

}  // namespace whosaid::rules
