// Process-wide allocator settings for programs that run the extractor (the CLI, benchmarks).
//
// RE2 runs most attribution rules on its NFA (see HACKING.md), and every NFA search
// allocates thread queues sized to the rule's program: a few hundred KB. With glibc's
// defaults such blocks come from mmap, or grow and trim the top of the main heap, on every
// search; the page faults cost more than the search (one thread, 10 MB of news: 12.4 s of
// which 3.9 s in the kernel, against 3.4 s with the settings below). Keeping blocks up to
// 32 MiB in the heap and trimming it only when 128 MiB are free lets them be reused.
//
// A library should not change a process's allocator behind its back, so this is a call the
// program makes once at start-up, before starting threads. Elsewhere than glibc it does
// nothing.
#pragma once

namespace whosaid {

void ConfigureAllocatorForMatching();

}  // namespace whosaid
