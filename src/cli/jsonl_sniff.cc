#include "cli/jsonl_sniff.h"

#include <nlohmann/json.hpp>

namespace whosaid::cli {

bool LooksLikeJsonLines(std::string_view path, std::string_view bytes) {
  if (path.ends_with(".jsonl") || path.ends_with(".JSONL")) return true;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);  // a BOM
  const size_t begin = bytes.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos || bytes[begin] != '{') return false;
  size_t end = bytes.find('\n', begin);
  if (end == std::string_view::npos) end = bytes.size();
  const auto line = nlohmann::json::parse(bytes.substr(begin, end - begin), nullptr,
                                          /*allow_exceptions=*/false);
  return line.is_object() && line.contains("text");
}

}  // namespace whosaid::cli
