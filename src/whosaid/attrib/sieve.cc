#include "whosaid/attrib/sieve.h"

#include <algorithm>
#include <array>
#include <utility>

namespace whosaid::attrib {
namespace {

constexpr std::array<std::pair<std::string_view, SieveFn>, 5> kSieves = {{
    {"transcript", &TranscriptSieve},
    {"subject", &SubjectSieve},
    {"continuation", &ContinuationSieve},
    {"adjacent", &AdjacentSieve},
    {"previous_subject", &PreviousSubjectSieve},
}};

}  // namespace

QuotePlace PlaceOf(const SieveInput& in, size_t quote) {
  const text::Segmentation& seg = in.seg;
  const quotes::QuoteSpan& q = in.quotes[quote];
  QuotePlace place;
  place.quote = quote;
  size_t prev = quote;
  while (prev > 0 && in.title[prev - 1]) --prev;
  if (prev > 0) place.previous = prev - 1;
  place.paragraph = seg.paragraphs.empty() ? 0 : seg.ParagraphAt(q.outer.begin);
  place.opens_paragraph =
      !seg.paragraphs.empty() && q.outer.begin == seg.paragraphs[place.paragraph].begin;
  place.has_sentences = !seg.sentences.empty();
  if (!place.has_sentences) {
    place.opens_sentence = true;
    return place;
  }
  place.sentence = seg.SentenceAt(q.outer.begin);
  place.opens_sentence = seg.sentences[place.sentence].begin == q.outer.begin;
  place.follows_in_sentence =
      place.previous && in.links[*place.previous].found &&
      seg.SentenceAt(in.quotes[*place.previous].outer.begin) == place.sentence;
  // The statements are in text order: walk back from the last that starts before the
  // quotation, as far as the sentence before.
  auto it = std::lower_bound(
      in.indirect.begin(), in.indirect.end(), q.outer.begin,
      [](const IndirectClause& ic, uint32_t byte) { return ic.clause.begin < byte; });
  while (it != in.indirect.begin()) {
    --it;
    const size_t cs = seg.SentenceAt(it->clause.begin);
    if (cs + 1 < place.sentence) break;
    if (seg.sentence_paragraph[cs] == place.paragraph) {
      place.adjacent = &*it;
      break;
    }
  }
  return place;
}

SieveFn FindSieve(std::string_view name) {
  for (const auto& [known, fn] : kSieves) {
    if (known == name) return fn;
  }
  return nullptr;
}

std::vector<std::string_view> SieveNames() {
  std::vector<std::string_view> names;
  for (const auto& [name, fn] : kSieves) names.push_back(name);
  return names;
}

}  // namespace whosaid::attrib
