// Runs the `+` and `-` examples of rules through the real pipeline (segmenter, quote
// scanner, window builder) and the rule's own pattern: a `+` example must match with the
// slot values it names, a `-` example must not match.
#pragma once

#include <vector>

#include "whosaid/quotes/scanner.h"
#include "whosaid/rules/diagnostic.h"
#include "whosaid/rules/rule_set.h"
#include "whosaid/text/segmenter.h"

namespace whosaid::attrib {

struct ExampleStats {
  size_t rules = 0;
  size_t examples = 0;
  size_t passed = 0;
  size_t failed = 0;
};

// Runs every example of every rule of `rules`; appends one diagnostic (file:line:col of the
// example) per failure to *failures.
// `scanner` finds the quotes of each example (its elisions come from the pack's lexicon).
ExampleStats RunRuleExamples(const rules::RuleSet& rules, const text::Segmenter& segmenter,
                             std::vector<rules::Diagnostic>* failures,
                             const quotes::ScannerOptions& scanner = {});

}  // namespace whosaid::attrib
