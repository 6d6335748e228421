// Where a command writes its results: a file, or stdout when no path is given. Every write
// is flushed (a pipeline reader sees each document as it is done); the first failure stops
// later writes, and a closed pipe (| head) is not an error.
#pragma once

#include <spdlog/logger.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "cli/app.h"

namespace whosaid::cli {

class OutputFile {
 public:
  // Opens `path` (stdout when empty); null, after logging why, when it cannot be written.
  static std::unique_ptr<OutputFile> Open(const std::string& path, spdlog::logger& log) {
    std::unique_ptr<OutputFile> out(new OutputFile());
    if (!path.empty()) {
      out->file_ = std::fopen(path.c_str(), "wb");
      if (out->file_ == nullptr) {
        log.error("cannot write {}: {}", path, std::strerror(errno));
        return nullptr;
      }
    }
    return out;
  }

  ~OutputFile() {
    if (file_ != nullptr) std::fclose(file_);
  }
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  void Write(const std::string& s) {
    FILE* f = file_ != nullptr ? file_ : stdout;
    if (failed_ || s.empty()) return;
    if (std::fwrite(s.data(), 1, s.size(), f) != s.size() || std::fflush(f) != 0) {
      failed_ = true;
      errno_ = errno;
    }
  }

  // True once a write has failed (the output is gone: stop producing).
  bool failed() const { return failed_; }

  // The exit code after a write error, logged unless the pipe was closed; kExitOk when
  // every write succeeded.
  int Finish(spdlog::logger& log) const {
    if (!failed_ || errno_ == EPIPE) return kExitOk;
    log.error("write error: {}", std::strerror(errno_));
    return kExitSomeFailed;
  }

 private:
  OutputFile() = default;
  FILE* file_ = nullptr;
  bool failed_ = false;
  int errno_ = 0;
};

}  // namespace whosaid::cli
