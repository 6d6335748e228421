// Where a command writes its results: a file, or stdout when no path is given. Every write
// is flushed (a pipeline reader sees each document as it is done); the first failure stops
// later writes, and a closed pipe (| head) is not an error.
//
// A regular file (or one that does not exist yet) is never written in place: the results go
// to a temporary file beside it (".NAME.whosaid-PID-N"), which Finish renames over the
// target, so that a failed run, Discard or a run that dies leaves the old file as it was.
// Special files (/dev/null, /dev/full, a FIFO) and paths under /dev and /proc are written
// directly.
#pragma once

#include <spdlog/logger.h>

#include <cstdio>
#include <memory>
#include <string>

namespace whosaid::cli {

class OutputFile {
 public:
  // Opens `path` (stdout when empty); null, after logging why, when it cannot be written
  // (its directory does not exist, it is a directory, no permission, …).
  static std::unique_ptr<OutputFile> Open(const std::string& path, spdlog::logger& log);

  // Removes the temporary file unless Finish has put it in place.
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  void Write(const std::string& s);

  // True once a write has failed (the output is gone: stop producing).
  bool failed() const { return failed_; }

  // Ends the output: flushes and closes it and renames the temporary file over the target.
  // kExitOk when every write succeeded (or the pipe was closed: | head); kExitUsage, after
  // logging the error ("cannot write out.jsonl: No space left on device (the disk is
  // full)"), when a write, the close or the rename failed — the target is then left as it
  // was.
  int Finish(spdlog::logger& log);

  // Throws away what was written: the target is left as it was (not created when it did
  // not exist). Nothing to undo for stdout or a special file.
  void Discard();

  // The path given to Open ("stdout" for stdout), for messages.
  const std::string& name() const { return name_; }

 private:
  OutputFile() = default;
  void Close();
  void RemoveTemporary();

  std::string name_ = "stdout";
  std::string target_;     // what the temporary file is renamed to (empty: none)
  std::string temporary_;  // the temporary file (empty: writes go to file_ directly)
  FILE* file_ = nullptr;   // null: stdout
  bool failed_ = false;
  bool finished_ = false;
  int errno_ = 0;
};

}  // namespace whosaid::cli
