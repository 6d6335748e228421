// The examples of token rules (tokenrules/token_rule_set.h), run through the whole pipeline:
// each example text is extracted by the extractor whose rules they are, and what
// whosaid finally says about the example's first quotation is compared with the example.
//   + TEXT => SPEAKER="…" ROLE="…" CUE="…"   a quotation of the text was decided by this
//                                             rule, and the record of the first such has
//                                             these values (the speaker's canonical name,
//                                             role and cue)
//   - TEXT                                    no record of the text was decided by this rule
//   none: TEXT (a line of its own)             no record of the text at all
#pragma once

#include <cstddef>
#include <vector>

#include "whosaid/extractor.h"
#include "whosaid/rules/diagnostic.h"

namespace whosaid {

struct TokenExampleStats {
  size_t rules = 0, examples = 0, passed = 0, failed = 0;
};

// Runs every example of `extractor`'s token rules; each failure is an error diagnostic at
// the example's file:line:col saying what whosaid said instead.
TokenExampleStats RunTokenRuleExamples(const Extractor& extractor,
                                       std::vector<rules::Diagnostic>* diagnostics);

}  // namespace whosaid
