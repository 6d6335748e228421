#include "whosaid/rules/pattern.h"

#include <doctest/doctest.h>

#include <map>

namespace whosaid::rules {
namespace {

// A resolver over fixed expansions.
MacroResolver Fixed(std::map<std::string, std::string, std::less<>> macros,
                    std::vector<std::string>* asked = nullptr) {
  return [macros = std::move(macros), asked](std::string_view name) {
    if (asked != nullptr) asked->emplace_back(name);
    MacroLookup m;
    auto it = macros.find(name);
    if (it == macros.end()) return m;
    if (it->second == "!failed") {
      m.kind = MacroLookup::Kind::kFailed;
    } else {
      m.kind = MacroLookup::Kind::kFound;
      m.regex = it->second;
    }
    return m;
  };
}

std::string Errors(const Expansion& x) {
  std::string out;
  for (const ExpandError& e : x.errors) out += std::to_string(e.offset) + ": " + e.message + "\n";
  return out;
}

TEST_CASE("rules pattern: macros expand to non-capturing groups") {
  std::vector<std::string> asked;
  const auto resolve = Fixed({{"A", "a|b"}, {"B_2", "x"}}, &asked);
  const Expansion x = ExpandPattern("^{A}-{B_2}+{A}$", PatternContext::kMacroBody, resolve);
  CHECK(Errors(x) == "");
  CHECK_FALSE(x.failed);
  CHECK(x.regex == "^(?:a|b)-(?:x)+(?:a|b)$");
  CHECK(asked == std::vector<std::string>{"A", "B_2", "A"});
  CHECK(x.slots == std::array<bool, kSlotCount>{});
}

TEST_CASE("rules pattern: slots become named groups") {
  const auto resolve = Fixed({{"NAME", "N"}, {"CUE", "said|says"}, {"SPEAKER", "S"}});
  const Expansion x = ExpandPattern("{QUOTE}, {CUE} {SPEAKER=NAME}(?:, {ROLE=an? [^,.]+ {NAME}})?",
                                    PatternContext::kRulePattern, resolve);
  CHECK(Errors(x) == "");
  CHECK(x.regex ==
        "(?P<QUOTE>\\x{E000}), (?P<CUE>(?:said|says)) (?P<SPEAKER>(?:N))"
        "(?:, (?P<ROLE>an? [^,.]+ (?:N)))?");
  CHECK(x.slots == std::array<bool, kSlotCount>{true, true, true, true, false});

  const Expansion y =
      ExpandPattern("{SPEAKER} said that {CLAUSE=.+}", PatternContext::kRulePattern, resolve);
  CHECK(Errors(y) == "");
  CHECK(y.regex == "(?P<SPEAKER>(?:S)) said that (?P<CLAUSE>.+)");
  CHECK(y.slots == std::array<bool, kSlotCount>{false, true, false, false, true});
}

TEST_CASE("rules pattern: RE2 braces, escapes and classes pass through") {
  const auto resolve = Fixed({{"A", "a"}});
  for (const char* src :
       {"x{2,3}", "x{2}", "x{,3}", "\\p{Lu}\\P{L}\\x{E000}", "[{A}]", "[]{A}]", "[^]{A}]",
        "[[:alpha:]{A}]", "\\{A}", "\\Q{A}\\E", "{ A}", "{}", "a}", "\\\\"}) {
    CAPTURE(src);
    const Expansion x = ExpandPattern(src, PatternContext::kRulePattern, resolve);
    CHECK(Errors(x) == "");
    CHECK(x.regex == src);
  }
  // Inside a slot's inline pattern, a repetition's '}' does not close the slot.
  const Expansion x =
      ExpandPattern("{ROLE=x{1,2}[}]\\}{A}} y", PatternContext::kRulePattern, resolve);
  CHECK(Errors(x) == "");
  CHECK(x.regex == "(?P<ROLE>x{1,2}[}]\\}(?:a)) y");
}

TEST_CASE("rules pattern: reference errors carry the offset of their brace") {
  const auto resolve = Fixed({{"NAME", "N"}, {"BROKEN", "!failed"}});
  auto errors = [&](std::string_view src, PatternContext ctx = PatternContext::kRulePattern) {
    return Errors(ExpandPattern(src, ctx, resolve));
  };
  CHECK(errors("a {NOPE} b") == "2: unknown macro or slot NOPE\n");
  CHECK(errors("{lower}") == "0: unknown macro or slot lower\n");
  CHECK(errors("{ROLE}") ==
        "0: {ROLE} needs a macro: define ROLE = … (or write {ROLE=MACRO} or {ROLE=inline RE2})\n");
  CHECK(errors("{SPEAKER=NAME} {SPEAKER=x}") == "15: slot SPEAKER used more than once\n");
  CHECK(errors("{QUOTE}{QUOTE}") == "7: slot QUOTE used more than once\n");
  CHECK(errors("{QUOTE=x}") == "0: QUOTE takes no pattern: write {QUOTE}\n");
  CHECK(errors("{WHO=x}") == "0: unknown slot WHO (slots: QUOTE, SPEAKER, ROLE, CUE, CLAUSE)\n");
  CHECK(errors("{ROLE=}") == "0: empty pattern for slot ROLE\n");
  CHECK(errors("{ROLE=MISSING}") == "6: unknown macro MISSING\n");
  CHECK(errors("ab{NAME") == "2: unterminated {NAME: missing '}'\n");
  CHECK(errors("{ROLE=a(b") == "0: unterminated {ROLE=…: missing '}'\n");
  CHECK(errors("{NAME x} {NOPE}") ==
        "5: expected '}' or '=' after {NAME\n9: unknown macro or slot NOPE\n");
  CHECK(errors("{QUOTE}", PatternContext::kMacroBody) ==
        "0: {QUOTE} is only allowed in rule patterns\n");
  CHECK(errors("x{ROLE=y}", PatternContext::kMacroBody) ==
        "1: slot assignment {ROLE=…} is only allowed in rule patterns\n");
  // A macro that failed earlier makes the expansion fail without a new error.
  const Expansion x = ExpandPattern("{BROKEN}", PatternContext::kRulePattern, resolve);
  CHECK(x.errors.empty());
  CHECK(x.failed);
}

TEST_CASE("rules pattern: slot names in macro bodies are plain macros") {
  const auto resolve = Fixed({{"CUE", "said"}});
  const Expansion x = ExpandPattern("{CUE} that", PatternContext::kMacroBody, resolve);
  CHECK(Errors(x) == "");
  CHECK(x.regex == "(?:said) that");
  CHECK(x.slots == std::array<bool, kSlotCount>{});
}

}  // namespace
}  // namespace whosaid::rules
