// Independent work items spread over a few threads: compiling a rule pack's RE2 programs at
// start-up, which is most of it and needs nothing shared but read-only data.
#pragma once

#include <cstddef>
#include <functional>

namespace whosaid {

// Calls fn(i) once for each i in [0, n), on up to `threads` threads (the calling one among
// them; 0: the machine's cores, at most 4), each taking the next index not yet taken. Returns
// when every call has. fn must not throw.
void ParallelFor(size_t n, unsigned threads, const std::function<void(size_t)>& fn);

}  // namespace whosaid
