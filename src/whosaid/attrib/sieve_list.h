// The pack's sieves: which run, in which order and with which confidence (sieve.h). A pack
// gives them in `sieves.list` at its top (beside tokens/ and lexicon/): one sieve a line,
// its name and the confidence its records get (0 to 1), `#` comments:
//
//   transcript        0.8
//   subject           0.4
//   continuation      0.6
//
// A sieve left out does not run; an empty list leaves every quotation no rule decided
// without a speaker. A record's confidence is the sieve's, times 0.9 for a pronoun and
// times 0.5 when the speaker resolves to nobody.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/attrib/sieve.h"
#include "whosaid/rules/diagnostic.h"

namespace whosaid::attrib {

struct SieveStep {
  std::string name;  // "subject": the records' rule is "sieve.subject"
  SieveFn run = nullptr;
  double confidence = 0;
};

// The steps of list `text` (file `path`, for diagnostics at path:line:col): an unknown
// sieve, a sieve listed twice, a missing or out-of-range confidence are errors. None when
// any is.
std::optional<std::vector<SieveStep>> ParseSieveList(std::string_view path, std::string_view text,
                                                     std::vector<rules::Diagnostic>* diagnostics);

// The steps of a pack that has no sieves.list: every sieve, in the English pack's order.
std::vector<SieveStep> DefaultSieveSteps();

// The file name a pack gives its list in.
inline constexpr std::string_view kSieveListFile = "sieves.list";

}  // namespace whosaid::attrib
