#include "whosaid/serve/rules_hash.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "whosaid/store/sha256.h"

namespace whosaid::serve {

Result<std::string> RulePackHash(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::string all;
  for (const std::string& p : paths) {
    std::vector<fs::path> files;
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::end(it);
           it.increment(ec)) {
        if (it->is_regular_file(ec)) files.push_back(it->path());
      }
      if (ec) return IoError(p + ": cannot list: " + ec.message());
    } else {
      files.push_back(p);
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      std::ifstream in(f, std::ios::binary);
      if (!in) return IoError(f.string() + ": cannot open");
      std::ostringstream bytes;
      bytes << in.rdbuf();
      const std::string content = bytes.str();
      all += fs::path(f)
                 .lexically_relative(fs::is_directory(p) ? fs::path(p) : fs::path(p).parent_path())
                 .string();
      all.push_back('\0');
      all += std::to_string(content.size());
      all.push_back('\0');
      all += content;
    }
  }
  return store::Sha256Hex(all);
}

}  // namespace whosaid::serve
