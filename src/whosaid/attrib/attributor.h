// Attribution: links each quote to its speaker, role and cue. Rules are tried first (the
// token rules matched around the quotation); quotes no rule decides go through the pack's
// sieves (sieve.h, sieve_list.h), from precise to loose, each leaving its name on the
// result ("sieve.continuation"). Quotes left with no speaker that look like scare quotes or
// titles are dropped unless options.all_marks.
#pragma once

#include <vector>

#include "whosaid/attrib/sieve_list.h"
#include "whosaid/entities/word_list.h"
#include "whosaid/quotes/quote_span.h"
#include "whosaid/record.h"
#include "whosaid/stage_times.h"
#include "whosaid/text/document.h"
#include "whosaid/text/segmenter.h"
#include "whosaid/tokenrules/token_rule_set.h"

namespace whosaid::attrib {

struct AttributorOptions {
  bool all_marks = false;  // keep unattributed scare quotes and titles
  bool indirect = true;    // report indirect speech ("X said that …")
  // Unattributed quotes with fewer words than this, or fragments inside a sentence, are
  // taken for scare quotes or titles.
  int min_unattributed_words = 6;
  // Keep every slot's text in Attribution::slots (for --explain). Off, records are smaller:
  // a document with millions of quotes holds them all until it is written.
  bool keep_slots = true;
};

class Attributor {
 public:
  // `sieves`: the pack's (sieve_list.h); like `rules` and `lexicons`, they must outlive
  // the attributor.
  Attributor(const tokenrules::TokenRuleSet& rules, const entities::Lexicons& lexicons,
             const std::vector<SieveStep>& sieves, AttributorOptions options)
      : rules_(rules), lexicons_(lexicons), sieves_(sieves), options_(options) {}

  // Attributes `quotes` (from the scanner, sorted) of `doc`. Thread-safe. When `times` is
  // given, the time spent scanning the registry and matching rules is added to it.
  ExtractResult Attribute(const text::Document& doc, const text::Segmentation& seg,
                          std::vector<quotes::QuoteSpan> quotes, StageTimes* times = nullptr) const;

 private:
  const tokenrules::TokenRuleSet& rules_;
  const entities::Lexicons& lexicons_;
  const std::vector<SieveStep>& sieves_;
  AttributorOptions options_;
};

}  // namespace whosaid::attrib
