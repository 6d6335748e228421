// The rule-file parser: turns the text of one `*.rules` file into its defines, rules and
// examples, exactly as written (no macro expansion, no regex compilation: see rule_set.h).
//
// Grammar, one construct per line (rules/README.md is the user manual):
//
//   # comment                                   whole line, after optional indentation
//   define NAME = RE2 TEXT                      a macro; NAME is [A-Z][A-Z0-9_]*
//   define NAME = @path/to/list.lst             a macro backed by a lexicon (word list)
//   define NAME = @!path/to/list.lst            a word that is not an entry of the list
//   rule ID prio=N [conf=X] : PATTERN           a rule; ID is [A-Za-z][A-Za-z0-9_.-]*
//     + EXAMPLE TEXT => SLOT="value" …          must match (slot values optional)
//     - EXAMPLE TEXT                            must not match
//
// `define` and `rule` lines may end with a comment introduced by two or more blanks and `#`
// ("  # why"); write `\#` for a `#` that follows two blanks inside a pattern. Example lines
// have no trailing comments except after the `=>` slot values. Lines may end in CRLF; a
// UTF-8 byte-order mark at the start of the file is skipped; the file must be valid UTF-8.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "whosaid/rules/diagnostic.h"
#include "whosaid/rules/slot.h"

namespace whosaid::rules {

// A `+` or `-` line: a piece of raw news text (with real quote marks) that its rule must, or
// must not, match once the attribution stage has turned it into a window.
struct Example {
  bool positive = true;  // `+`: must match; `-`: must not match
  std::string text;      // the text, trimmed of surrounding blanks
  // `SLOT="value"` pairs after `=>`, in the order written (positive examples only).
  std::vector<std::pair<Slot, std::string>> expected;
  std::string file;
  int line = 0;
  int col = 0;  // column of the `+` or `-`
};

// A `define NAME = …` line.
struct MacroDef {
  std::string name;
  std::string body;          // the RE2 text after `=`, trimmed (empty for a lexicon)
  bool lexicon = false;      // true for `define NAME = @path` and `define NAME = @!path`
  bool lexicon_not = false;  // true for `@!path`: a word that is no entry of the list
  std::string lexicon_path;  // the path after `@`, as written (relative to the rule file)
  // Every path, for a union of lists: `@a.lst @b.lst` (each item starts with `@`, or each
  // with `@!`, after a blank). lexicon_paths[0] == lexicon_path.
  std::vector<std::string> lexicon_paths;
  std::string file;
  int line = 0;
  int name_col = 0;  // column of NAME
  int body_col = 0;  // column of the body's first character (the `@` for a lexicon)
};

// A `rule ID prio=N [conf=X] : PATTERN` line and the examples that follow it.
struct RuleDef {
  std::string id;
  int priority = 0;                  // prio=N, 0..100
  std::optional<double> confidence;  // conf=X, 0..1, when given
  std::string pattern;               // the pattern as written, trimmed
  std::vector<Example> examples;
  std::string file;
  int line = 0;
  int col = 0;          // column of the `rule` keyword
  int id_col = 0;       // column of ID
  int pattern_col = 0;  // column of the pattern's first character
};

// The parsed content of one rule file, in file order.
struct RuleFile {
  std::string path;
  std::vector<MacroDef> defines;
  std::vector<RuleDef> rules;
  // `none: TEXT` lines, anywhere in the file: sentences that must give no quotation and no
  // speaker at all with the whole pack (the file's corpus of near misses). `positive` false.
  std::vector<Example> none;
};

// Parses `text`, the content of the rule file `path` (used only to name it). Appends a
// diagnostic for every malformed line to *diagnostics (which may be null) and keeps going:
// a malformed line is left out of the result, the rest is parsed normally. A `+`/`-` line
// with no rule above it (or with a `define` between it and its rule) is an error.
RuleFile ParseRuleFile(std::string_view path, std::string_view text,
                       std::vector<Diagnostic>* diagnostics);

// Reads the file at `path` and parses it as ParseRuleFile does (the file's text goes to
// *text when given: token rule files take define bodies from it). When the file cannot be
// read, appends "cannot open rule file: <reason>" for `path` and returns nullopt.
std::optional<RuleFile> ReadRuleFile(const std::string& path, std::vector<Diagnostic>* diagnostics,
                                     std::string* text = nullptr);

// The text of an example as a document: example lines are one line each, so "\n" in them
// stands for a line break (and "\n\n" for a paragraph break).
std::string ExampleDocumentText(std::string_view written);

// Parses the `SLOT="value" SLOT="value"` list that follows `=>` in a positive example.
// `\"` and `\\` are the only escapes inside values; a `#` after the last value starts a
// comment. On error returns false and sets *error_offset (a byte offset into `text`) and
// *error.
bool ParseExpectations(std::string_view text, std::vector<std::pair<Slot, std::string>>* out,
                       size_t* error_offset, std::string* error);

}  // namespace whosaid::rules
