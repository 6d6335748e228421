// Whether a document read as text is really JSON Lines (a .jsonl file given without
// `--input jsonl`), which would otherwise give quotes out of JSON syntax, silently.
#pragma once

#include <string_view>

namespace whosaid::cli {

// True when `path` ends in .jsonl, or the first non-blank line of `bytes` is a JSON object
// with a "text" field (what `--input jsonl` reads).
bool LooksLikeJsonLines(std::string_view path, std::string_view bytes);

}  // namespace whosaid::cli
