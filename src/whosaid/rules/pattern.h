// Pattern expansion (internal to the rule engine): turns a rule pattern or macro body —
// RE2 syntax plus `{…}` references — into plain RE2 text.
//
//   {NAME}          macro NAME as a non-capturing group (?:…)
//   {SLOT}          in a rule pattern, for SLOT in SPEAKER ROLE CUE CLAUSE: the macro of the
//                   same name captured as slot SLOT, (?P<SLOT>(?:…))
//   {QUOTE}         in a rule pattern: (?P<QUOTE>\x{E000}), the focus-quote placeholder
//   {SLOT=NAME}     in a rule pattern: macro NAME captured as SLOT
//   {SLOT=inline}   in a rule pattern: inline RE2 (itself expanded) captured as SLOT
//
// A `{` followed by a digit or ',' is RE2 repetition (x{2,3}); a `{` followed by anything
// other than a letter or '_' is left to RE2 (which reads it as a literal). Escapes (\{,
// \p{Lu}, \x{E000}, \Q…\E) and character classes ([{}]) are copied unchanged.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/rules/slot.h"

namespace whosaid::rules {

// What a macro name resolves to.
struct MacroLookup {
  enum class Kind {
    kFound,    // regex holds the macro's expansion
    kUnknown,  // no such macro
    kFailed,   // the macro is broken and was already reported: fail quietly
    kCycle,    // the macro is being expanded: message names the cycle
  };
  Kind kind = Kind::kUnknown;
  std::string_view regex;  // kFound: plain RE2 text, not wrapped in a group
  std::string message;     // kCycle: "macro cycle: A -> B -> A"
};

using MacroResolver = std::function<MacroLookup(std::string_view name)>;

enum class PatternContext {
  kMacroBody,    // no slots: {SPEAKER} is the macro SPEAKER, {X=…} and {QUOTE} are errors
  kRulePattern,  // slots allowed, each at most once
};

struct ExpandError {
  size_t offset;  // byte offset in the source of the offending `{` (or other character)
  std::string message;
};

struct Expansion {
  std::string regex;                     // the RE2 text
  std::array<bool, kSlotCount> slots{};  // slots the pattern captures
  std::vector<ExpandError> errors;       // every problem found, in source order
  bool failed = false;                   // errors, or a kFailed macro was referenced
};

// Expands `source`. Every macro reference calls `resolve` with the macro's name (slots call
// it with the slot's name, except QUOTE).
Expansion ExpandPattern(std::string_view source, PatternContext context,
                        const MacroResolver& resolve);

// True for a valid macro name: [A-Z][A-Z0-9_]*.
bool IsMacroName(std::string_view name);

// The RE2 capture-group name used for `slot` in expanded rule patterns (the slot name).
std::string_view SlotGroupName(Slot slot);

}  // namespace whosaid::rules
