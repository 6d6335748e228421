#include "cli/same_file.h"

#include <sys/stat.h>

#include <filesystem>
#include <system_error>

namespace whosaid::cli {

std::optional<std::string> InputThatIsOutput(const std::vector<std::string>& inputs,
                                             const std::string& output) {
  if (output.empty()) return std::nullopt;
  struct stat out_st {};
  const bool out_exists = ::stat(output.c_str(), &out_st) == 0;
  std::error_code ec;
  const std::filesystem::path out_path = std::filesystem::weakly_canonical(output, ec);
  const bool out_canonical = !ec;
  for (const std::string& input : inputs) {
    if (input == "-") continue;
    struct stat in_st {};
    if (out_exists && ::stat(input.c_str(), &in_st) == 0) {
      if (in_st.st_dev == out_st.st_dev && in_st.st_ino == out_st.st_ino) return input;
      continue;
    }
    if (!out_canonical) continue;
    const std::filesystem::path in_path = std::filesystem::weakly_canonical(input, ec);
    if (!ec && in_path == out_path) return input;
  }
  return std::nullopt;
}

}  // namespace whosaid::cli
