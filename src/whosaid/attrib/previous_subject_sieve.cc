// sieve.previous_subject: the subject of the sentence before one that the quotation opens
// (sentence_subject.h).
#include "whosaid/attrib/sentence_subject.h"
#include "whosaid/attrib/sieve.h"

namespace whosaid::attrib {

// A quotation that opens its sentence, after a sentence about someone in the same
// paragraph ("Clinton touted her record. “We need …”"), or that opens its paragraph after a
// paragraph ending with a sentence about someone.
std::optional<Link> PreviousSubjectSieve(const SieveInput& in, const QuotePlace& place) {
  const text::Segmentation& seg = in.seg;
  if (!place.has_sentences || !place.opens_sentence || place.sentence == 0 ||
      in.quotes[place.quote].type != quotes::QuoteType::kDirect) {
    return std::nullopt;
  }
  const size_t before = seg.sentence_paragraph[place.sentence - 1];
  if (before != place.paragraph && !(place.opens_paragraph && before + 1 == place.paragraph)) {
    return std::nullopt;
  }
  const text::ByteSpan previous = seg.sentences[place.sentence - 1];
  const NearestSubjectContext near{&in.seg, &in.quotes};
  return SubjectLink(in.text, previous, previous.end, in.registry, in.lex, &near);
}

}  // namespace whosaid::attrib
