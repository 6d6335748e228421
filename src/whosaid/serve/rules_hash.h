// A fingerprint of the rules a server runs, for /v1/version: the SHA-256 over every file of
// the given rule files and directories (recursively, lexicons included) in path order, each
// as its path relative to the argument, a NUL, its size, a NUL and its bytes. Two servers
// with the same hash extract with the same rules.
#pragma once

#include <string>
#include <vector>

#include "whosaid/status.h"

namespace whosaid::serve {

Result<std::string> RulePackHash(const std::vector<std::string>& paths);

}  // namespace whosaid::serve
