// The macro namespace of a rule set (internal to the rule engine): every `define` of every
// file, expanded once, with lexicons loaded once and usage tracked for lint.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/rules/diagnostic.h"
#include "whosaid/rules/pattern.h"
#include "whosaid/rules/rule_file.h"

namespace whosaid::rules {

class MacroTable {
 public:
  // `max_mem` is the RE2 budget each macro's expansion is checked against. Problems are
  // appended to *diagnostics (which may be null).
  MacroTable(int64_t max_mem, std::vector<Diagnostic>* diagnostics);

  // Adds the defines of `file`. Call once per file, in load order. A name defined twice in
  // one file is an error; a name defined again in a later file replaces the earlier
  // definition everywhere (the earlier one is "shadowed").
  void AddFile(const RuleFile& file);

  // Expands every active (non-shadowed) macro in definition order, loading lexicons and
  // checking each expansion with RE2; reports each problem once, at its define.
  void ResolveAll();

  // The expansion of macro `name` (expanding it first when needed). Usable as the
  // MacroResolver of a rule pattern once every file has been added.
  MacroLookup Resolve(std::string_view name);

  // Marks `name` and every macro its expansion references, transitively, as used.
  void MarkUsed(std::string_view name);

  // Active defines that no MarkUsed call reached, in definition order.
  std::vector<MacroDef> UnusedDefines() const;

 private:
  enum class State { kPending, kInProgress, kDone, kFailed };
  struct Entry {
    MacroDef def;
    int order = 0;
    State state = State::kPending;
    std::string regex;
    std::vector<std::string> refs;  // macros the body references directly
    bool used = false;
  };
  struct CachedLexicon {
    bool ok = false;
    std::string error;  // when !ok: the reason
    std::vector<std::string> entries;  // normalized, as Lexicon::entries
  };

  void Expand(Entry& entry);
  bool LoadLexicon(Entry& entry);
  void Report(const MacroDef& def, int col, std::string message);

  int64_t max_mem_;
  std::vector<Diagnostic>* diagnostics_;
  std::map<std::string, Entry, std::less<>> entries_;
  std::vector<std::string> stack_;                 // macros being expanded, outermost first
  std::map<std::string, CachedLexicon> lexicons_;  // by resolved path
  int next_order_ = 0;
};

}  // namespace whosaid::rules
