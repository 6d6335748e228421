// Per-stage timings of an extraction, filled when a caller asks for them (benchmarks).
#pragma once

namespace whosaid {

struct StageTimes {
  double tokenize = 0;   // the token stream (text/tokenizer.h)
  double sentences = 0;  // paragraphs and sentences read off the tokens
  double scan = 0;       // quote spans
  double registry = 0;   // names, roles and mentions of the document (entities::Registry::Scan)
  double match = 0;      // rule matching
  double attribute = 0;  // everything after the scan, registry and matching included
};                       // seconds

}  // namespace whosaid
