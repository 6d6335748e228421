// sieve.subject: the subject of the quotation's own sentence (sentence_subject.h).
#include "whosaid/attrib/sentence_subject.h"
#include "whosaid/attrib/sieve.h"

namespace whosaid::attrib {

// A quotation inside a sentence that names its own subject before it is that subject's
// ("An aide later said that “…”"), unless an earlier quotation of the sentence already has
// its speaker (“A,” Jordan said, and “B.”: continuation's).
std::optional<Link> SubjectSieve(const SieveInput& in, const QuotePlace& place) {
  if (place.opens_sentence || place.follows_in_sentence) return std::nullopt;
  const NearestSubjectContext near{&in.seg, &in.quotes};
  return SubjectLink(in.text, in.seg.sentences[place.sentence], in.quotes[place.quote].outer.begin,
                     in.registry, in.lex, &near);
}

}  // namespace whosaid::attrib
