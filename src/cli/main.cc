#include <csignal>

#include "cli/app.h"
#include "whosaid/allocator.h"

int main(int argc, char** argv) {
  // A reader that goes away (`| head`) makes writes fail with EPIPE instead of killing the
  // process: the commands then stop reading input and exit 0, as documented.
  std::signal(SIGPIPE, SIG_IGN);
  whosaid::ConfigureAllocatorForMatching();
  return whosaid::cli::Main(argc, argv);
}
