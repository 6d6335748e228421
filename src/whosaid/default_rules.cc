#include "whosaid/default_rules.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <system_error>

namespace whosaid {
namespace fs = std::filesystem;
namespace {

bool IsDir(const std::string& path) {
  std::error_code ec;
  return !path.empty() && fs::is_directory(path, ec);
}

// Whether `path` lies inside directory `dir` (both compared canonically, so a symlinked
// build directory still counts).
bool IsUnder(const std::string& path, const std::string& dir) {
  if (path.empty() || dir.empty()) return false;
  std::error_code ec;
  const fs::path p = fs::weakly_canonical(path, ec);
  if (ec) return false;
  const fs::path d = fs::weakly_canonical(dir, ec);
  if (ec) return false;
  auto [d_end, p_it] = std::mismatch(d.begin(), d.end(), p.begin(), p.end());
  return d_end == d.end() || (std::next(d_end) == d.end() && d_end->empty());  // "dir/"
}

}  // namespace

RulesSearchInputs CurrentRulesSearchInputs() {
  RulesSearchInputs in;
  if (const char* env = std::getenv("WHOSAID_RULES_DIR")) in.env = env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);  // Linux; absolute
  if (!ec) in.program = exe.string();
  // Set by CMakeLists.txt on this file only, so changing the prefix recompiles one file.
  in.relative_to_program = WHOSAID_RULES_DIR_FROM_BINDIR;
  in.build_dir = WHOSAID_BUILD_DIR;
  in.source_rules = WHOSAID_SOURCE_RULES_DIR;
  in.installed = WHOSAID_INSTALLED_RULES_DIR;
  return in;
}

Result<std::string> FindDefaultRulesDir(const RulesSearchInputs& in) {
  if (!in.explicit_dir.empty()) {
    if (IsDir(in.explicit_dir)) return in.explicit_dir;
    return InvalidArgument("built-in rule pack not found at " + in.explicit_dir +
                           " (ExtractorOptions::default_rules_dir)");
  }
  if (in.env && !in.env->empty()) {
    if (IsDir(*in.env)) return *in.env;
    return InvalidArgument("WHOSAID_RULES_DIR=" + *in.env +
                           " is not a directory; point it at the built-in rule pack (a copy "
                           "of rules/en), or unset it");
  }
  std::vector<std::string> searched;
  auto candidate = [&searched](const std::string& dir) {
    searched.push_back(dir);
    return IsDir(dir);
  };
  if (!in.program.empty() && !in.relative_to_program.empty()) {
    const std::string dir =
        (fs::path(in.program).parent_path() / in.relative_to_program).lexically_normal().string();
    if (candidate(dir)) return dir;
  }
  if (IsUnder(in.program, in.build_dir) && candidate(in.source_rules)) return in.source_rules;
  if (!in.installed.empty() && candidate(in.installed)) return in.installed;
  std::string list;
  for (const auto& s : searched) list += (list.empty() ? "" : ", ") + s;
  return InvalidArgument("built-in rule pack not found (searched " +
                         (list.empty() ? std::string("nowhere") : list) +
                         "); set WHOSAID_RULES_DIR to a copy of rules/en, or use "
                         "--no-default-rules --rules DIR");
}

}  // namespace whosaid
