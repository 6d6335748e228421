// The whosaid command line: arguments → options → extractor → writer. This is the only
// place that turns Status values into messages and exit codes.
#pragma once

namespace whosaid::cli {

enum ExitCode {
  kExitOk = 0,          // every document done
  kExitSomeFailed = 1,  // some documents failed; each is named on stderr
  kExitUsage = 2,       // usage, configuration or output error (e.g. the disk is full)
};

int Main(int argc, char** argv);

}  // namespace whosaid::cli
