#include "whosaid/rules/file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

namespace whosaid::rules {

Result<std::string> ReadWholeFile(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return IoError(std::strerror(errno));
  std::string data;
  char buf[1 << 14];
  for (;;) {
    const size_t n = std::fread(buf, 1, sizeof buf, f);
    data.append(buf, n);
    if (n < sizeof buf) break;
  }
  const bool failed = std::ferror(f) != 0;
  const int err = errno;
  std::fclose(f);
  if (failed) return IoError(std::strerror(err != 0 ? err : EIO));
  return data;
}

}  // namespace whosaid::rules
