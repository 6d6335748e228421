// Sieves: the steps that attribute a quotation no rule decided, from precise to loose. Each
// is a unit of its own (a function in its own file, with its tests); the pack lists which
// run, in which order and with which confidence (sieve_list.h), so a house pack changes them
// without recompiling. The sieves:
//   transcript        a quoted transcript turn names its speaker: “PENCE: Well, …”
//   subject           the subject of the quotation's own sentence, before it ("An aide later
//                     called the plan “a fraud”"), or the pronoun nearest it in its clause
//   continuation      the quotation follows on from the previous quotation of a speaker (same
//                     paragraph, or the next paragraph of a run of quotations)
//   adjacent          reported speech ("X said …") in the quotation's sentence or the one
//                     before, same paragraph
//   previous_subject  a quotation that opens its sentence, after a sentence about someone
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "whosaid/attrib/link.h"
#include "whosaid/entities/registry.h"
#include "whosaid/entities/word_list.h"
#include "whosaid/quotes/quote_span.h"
#include "whosaid/text/segmenter.h"

namespace whosaid::attrib {

// What every sieve reads: the document, its quotations and what was decided so far.
struct SieveInput {
  std::string_view text;
  const text::Segmentation& seg;
  const std::vector<quotes::QuoteSpan>& quotes;
  const std::vector<Link>& links;  // per quotation, as decided so far
  const std::vector<bool>& title;  // per quotation: the title of a work (gets no speaker)
  const std::vector<IndirectClause>& indirect;  // the document's reported speech, in text order
  entities::Registry& registry;
  const entities::Lexicons& lex;
};

// Where a quotation stands, worked out once for all sieves.
struct QuotePlace {
  size_t quote = 0;
  // The previous quotation that is not a title, if any.
  std::optional<size_t> previous;
  size_t paragraph = 0;
  bool opens_paragraph = false;
  bool has_sentences = false;  // false for a text the segmenter found no sentence in
  size_t sentence = 0;
  bool opens_sentence = false;
  // The previous quotation is in the same sentence and has a speaker: “A,” Jordan said,
  // and “B.”
  bool follows_in_sentence = false;
  // The last reported speech that starts before the quotation, in its sentence or the one
  // before, same paragraph; null when none.
  const IndirectClause* adjacent = nullptr;
};
QuotePlace PlaceOf(const SieveInput& in, size_t quote);

// A sieve: the link it finds for the quotation at `place`, or none. The runner names the
// link after the sieve and gives it the pack's confidence.
using SieveFn = std::optional<Link> (*)(const SieveInput& in, const QuotePlace& place);

std::optional<Link> TranscriptSieve(const SieveInput& in, const QuotePlace& place);
std::optional<Link> SubjectSieve(const SieveInput& in, const QuotePlace& place);
std::optional<Link> ContinuationSieve(const SieveInput& in, const QuotePlace& place);
std::optional<Link> AdjacentSieve(const SieveInput& in, const QuotePlace& place);
std::optional<Link> PreviousSubjectSieve(const SieveInput& in, const QuotePlace& place);

// The speaker label opening a transcript turn ("PENCE: …", "MS. RUIZ: …") in quotation
// content `content`: capital letters, spaces, periods and hyphens, then a colon and a space.
std::optional<text::ByteSpan> TranscriptLabel(std::string_view t, text::ByteSpan content);

// The sieve called `name` ("subject"), or null.
SieveFn FindSieve(std::string_view name);
// The names FindSieve knows, in the order the English pack runs them.
std::vector<std::string_view> SieveNames();

}  // namespace whosaid::attrib
