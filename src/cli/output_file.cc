#include "cli/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>
#include <system_error>

#include "cli/app.h"

namespace whosaid::cli {
namespace {

namespace fs = std::filesystem;

std::string ErrorText(int err) {
  std::string s = std::strerror(err);
  if (err == ENOSPC || err == EDQUOT) s += " (the disk is full)";
  return s;
}

bool WrittenInPlace(const std::string& path, const struct stat& st) {
  if (!S_ISREG(st.st_mode)) return true;  // a device, FIFO or socket
  // /dev/stdout may resolve to the file the shell opened with >>: replacing it would lose
  // what is in it.
  return path.starts_with("/dev/") || path.starts_with("/proc/");
}

// Creates a new file in `dir` named after `base` with mode 0666 less the umask; returns its
// descriptor (-1 with errno set on failure) and its path in `*path`.
int CreateTemporary(const fs::path& dir, const std::string& base, std::string* path) {
  std::random_device random;
  for (int attempt = 0; attempt < 100; ++attempt) {
    *path = (dir / ("." + base + ".whosaid-" + std::to_string(::getpid()) + "-" +
                    std::to_string(random() % 1000000)))
                .string();
    const int fd = ::open(path->c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  return -1;
}

}  // namespace

std::unique_ptr<OutputFile> OutputFile::Open(const std::string& path, spdlog::logger& log) {
  std::unique_ptr<OutputFile> out(new OutputFile());
  if (path.empty()) return out;
  out->name_ = path;
  auto fail = [&](const std::string& why) {
    log.error("cannot write {}: {}", path, why);
    return nullptr;
  };
  struct stat st {};
  fs::path target = path;
  if (::stat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return fail("it is a directory");
    if (WrittenInPlace(path, st)) {
      out->file_ = std::fopen(path.c_str(), "wb");
      if (out->file_ == nullptr) return fail(ErrorText(errno));
      return out;
    }
    std::error_code ec;
    target = fs::canonical(path, ec);  // through symlinks: the link stays a link
    if (ec) return fail(ec.message());
  } else if (errno != ENOENT) {
    return fail(ErrorText(errno));
  }
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  struct stat dir_st {};
  if (::stat(dir.c_str(), &dir_st) != 0) {
    if (errno == ENOENT) return fail("directory " + dir.string() + " does not exist");
    return fail(dir.string() + ": " + ErrorText(errno));
  }
  if (!S_ISDIR(dir_st.st_mode)) return fail(dir.string() + " is not a directory");

  std::string temporary;
  const int fd = CreateTemporary(dir, target.filename().string(), &temporary);
  if (fd < 0) {
    return fail("cannot create a file in " + dir.string() + ": " + ErrorText(errno) +
                " (results go to a temporary file beside the output, renamed over it at the end)");
  }
  out->temporary_ = temporary;
  out->target_ = target.string();
  // An existing file keeps its permissions.
  if (S_ISREG(st.st_mode)) ::fchmod(fd, st.st_mode & 07777);
  out->file_ = ::fdopen(fd, "wb");
  if (out->file_ == nullptr) {
    const int err = errno;
    ::close(fd);
    return fail(ErrorText(err));
  }
  return out;
}

OutputFile::~OutputFile() {
  if (!finished_) Discard();
}

void OutputFile::Write(const std::string& s) {
  FILE* f = file_ != nullptr ? file_ : stdout;
  if (failed_ || finished_ || s.empty()) return;
  if (std::fwrite(s.data(), 1, s.size(), f) != s.size() || std::fflush(f) != 0) {
    failed_ = true;
    errno_ = errno;
  }
}

void OutputFile::Close() {
  if (file_ == nullptr) {
    if (!failed_ && std::fflush(stdout) != 0) {
      failed_ = true;
      errno_ = errno;
    }
    return;
  }
  if (!failed_ && !temporary_.empty() && ::fsync(::fileno(file_)) != 0) {
    failed_ = true;
    errno_ = errno;
  }
  if (std::fclose(file_) != 0 && !failed_) {
    failed_ = true;
    errno_ = errno;
  }
  file_ = nullptr;
}

void OutputFile::RemoveTemporary() {
  if (!temporary_.empty()) ::unlink(temporary_.c_str());
  temporary_.clear();
}

int OutputFile::Finish(spdlog::logger& log) {
  if (finished_) return failed_ && errno_ != EPIPE ? kExitUsage : kExitOk;
  finished_ = true;
  Close();
  if (!failed_ && !temporary_.empty()) {
    if (::rename(temporary_.c_str(), target_.c_str()) == 0) {
      temporary_.clear();
    } else {
      failed_ = true;
      errno_ = errno;
    }
  }
  RemoveTemporary();
  if (!failed_ || errno_ == EPIPE) return kExitOk;
  log.error("cannot write {}: {}", name_, ErrorText(errno_));
  return kExitUsage;
}

void OutputFile::Discard() {
  finished_ = true;
  if (file_ != nullptr) std::fclose(file_);
  file_ = nullptr;
  RemoveTemporary();
}

}  // namespace whosaid::cli
