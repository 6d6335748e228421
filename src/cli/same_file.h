// Whether an output path names one of the inputs, so that `whosaid -o story.txt story.txt`
// is refused instead of replacing the story with its quotes.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace whosaid::cli {

// The first of `inputs` ("-" is stdin and never matches) that is the file `output` names:
// the same device and inode when both exist, else the same canonical path. nullopt when
// none is, or when `output` is empty (stdout).
std::optional<std::string> InputThatIsOutput(const std::vector<std::string>& inputs,
                                             const std::string& output);

}  // namespace whosaid::cli
