#include <csignal>
#include <ios>

#include "cli/app.h"
#include "whosaid/allocator.h"

int main(int argc, char** argv) {
  // A reader that goes away (`| head`) makes writes fail with EPIPE instead of killing the
  // process: the commands then stop reading input and exit 0, as documented.
  std::signal(SIGPIPE, SIG_IGN);
  // Input comes through std::cin, which, kept in step with C's stdio, reads a byte at a time
  // (std::getline was 13% of `--input jsonl` on PolNeAR dev). Nothing here writes through
  // iostreams (output is fwrite, diagnostics fprintf), so nothing can interleave.
  std::ios::sync_with_stdio(false);
  whosaid::ConfigureAllocatorForMatching();
  return whosaid::cli::Main(argc, argv);
}
