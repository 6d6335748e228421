// What extraction produces for one document: its quotes with their attribution, and the
// speakers it found. Offsets are byte spans into the document's text; writers convert them.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "whosaid/quotes/quote_span.h"
#include "whosaid/text/span.h"

namespace whosaid {

struct Attribution {
  std::optional<std::string> speaker;        // canonical name of the speaker entity
  std::optional<std::string> mention;        // the words naming the speaker at this quote
  std::optional<text::ByteSpan> mention_span;
  std::optional<std::string> role;           // role, title or affiliation
  std::optional<std::string> cue;            // reporting verb or phrase
  std::string rule;                          // rule id or sieve name; empty when none decided
  double confidence = 0.0;                   // 0..1
  // For --explain: the slot values of the deciding rule, in rule order ("SPEAKER" → "she").
  std::vector<std::pair<std::string, std::string>> slots;
};

struct QuoteRecord {
  quotes::QuoteSpan span;  // span.content is the quote; span.type its type
  Attribution attribution;
};

struct SpeakerSummary {
  std::string name;
  std::optional<std::string> role;
  std::vector<std::string> mentions;  // distinct mention strings, in order of first use
  size_t quotes = 0;                  // number of quotes attributed
};

struct ExtractResult {
  std::vector<QuoteRecord> quotes;      // document order
  std::vector<SpeakerSummary> speakers; // order of first quote
};

}  // namespace whosaid
