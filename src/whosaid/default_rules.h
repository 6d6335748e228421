// Where the built-in English rule pack (rules/en and its lexicon/) is found at run time.
//
// The first of these that applies wins:
//   1. ExtractorOptions::default_rules_dir, when not empty;
//   2. $WHOSAID_RULES_DIR, when set and not empty: the only place looked at then, so a
//      wrong value is an error rather than a silent fall-back to another pack;
//   3. <directory of the running program>/../share/whosaid/rules/en: an installed whosaid,
//      wherever its prefix was copied or moved;
//   4. the source tree's rules/en, for a program run from the build tree it was built in
//      (build/whosaid, the tests), so rule edits take effect without installing;
//   5. <install prefix>/share/whosaid/rules/en as configured: programs of other projects
//      that link an installed libwhosaid.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "whosaid/status.h"

namespace whosaid {

// What the search depends on, so that it can be tested without a real environment.
struct RulesSearchInputs {
  std::string explicit_dir;             // 1.
  std::optional<std::string> env;       // 2. the value of WHOSAID_RULES_DIR, if set
  std::string program;                  // absolute path of the running program; "" if unknown
  std::string relative_to_program;      // 3. e.g. "../share/whosaid/rules/en"
  std::string build_dir, source_rules;  // 4. applies when program is under build_dir
  std::string installed;                // 5.
};

// The inputs of this process: its environment, /proc/self/exe and the paths compiled in.
RulesSearchInputs CurrentRulesSearchInputs();

// The directory of the built-in pack, or an InvalidArgument status that names every place
// searched.
Result<std::string> FindDefaultRulesDir(const RulesSearchInputs& in);

}  // namespace whosaid
