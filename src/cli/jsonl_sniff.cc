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
  const std::string_view first = bytes.substr(begin, end - begin);
  // Parsed only when it may be a record: a huge first line (a 100 MB story that happens to
  // open with a brace) is not worth a JSON tree.
  constexpr size_t kMaxLine = size_t{16} << 20;
  if (first.size() > kMaxLine || first.find("\"text\"") == std::string_view::npos) return false;
  const auto line = nlohmann::json::parse(first, nullptr, /*allow_exceptions=*/false);
  return line.is_object() && line.contains("text");
}

}  // namespace whosaid::cli
