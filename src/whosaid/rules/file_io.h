// Reading rule files and lexicons from disk (internal to the rule engine).
#pragma once

#include <string>

#include "whosaid/status.h"

namespace whosaid::rules {

// The whole content of the file at `path`, or an IoError whose message is the system's
// reason ("No such file or directory", "Is a directory", …) without the path.
Result<std::string> ReadWholeFile(const std::string& path);

}  // namespace whosaid::rules
