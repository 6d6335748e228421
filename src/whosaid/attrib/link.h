// A speaker link: what the rules or a sieve found for one quotation or reported-speech
// clause, before it becomes a record.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "whosaid/text/span.h"

namespace whosaid::attrib {

// The rule that decided a link.
struct DecidingRule {
  std::string_view id;  // the rule's, which outlives the link
  double confidence = 0;
};

struct Link {
  bool found = false;
  std::optional<DecidingRule> rule;  // none when a sieve decided
  std::string sieve;                 // "sieve.NAME" when a sieve decided
  double sieve_confidence = 0;       // the pack's confidence of that sieve
  // The words naming the speaker; empty when the text names none (a reported question whose
  // asker is not given: "Asked why the port closed, …").
  text::ByteSpan speaker;
  bool named() const { return speaker.size() > 0; }
  std::optional<text::ByteSpan> cue;
  std::optional<text::ByteSpan> role;
  std::vector<std::pair<std::string, std::string>> slots;
  int entity = -1;
  bool pronoun = false;
};

// A reported-speech statement and its speaker.
struct IndirectClause {
  text::ByteSpan clause;
  Link link;
};

// A sieve's link from another one: the same speaker, decided by a sieve rather than a rule
// (the runner names the sieve). The role slot stays with the quote it was written beside.
inline Link InheritLink(const Link& from) {
  Link link = from;
  link.rule.reset();
  link.role.reset();
  return link;
}

}  // namespace whosaid::attrib
