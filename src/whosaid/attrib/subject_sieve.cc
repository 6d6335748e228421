// sieve.subject: the subject of the quotation's own sentence (sentence_subject.h).
#include "whosaid/attrib/sentence_subject.h"
#include "whosaid/attrib/sieve.h"
#include "whosaid/attrib/title_case.h"
#include "whosaid/entities/registry_words.h"

namespace whosaid::attrib {

// A quotation inside a sentence that names its own subject before it is that subject's
// ("An aide later said that “…”"), unless an earlier quotation of the sentence already has
// its speaker (“A,” Jordan said, and “B.”: continuation's).
std::optional<Link> SubjectSieve(const SieveInput& in, const QuotePlace& place) {
  if (place.opens_sentence || place.follows_in_sentence) return std::nullopt;
  const NearestSubjectContext near{&in.seg, &in.quotes};
  const quotes::QuoteSpan& q = in.quotes[place.quote];
  std::optional<Link> link = SubjectLink(in.text, in.seg.sentences[place.sentence], q.outer.begin,
                                         in.registry, in.lex, &near);
  // A description names no one in particular: a title-case quotation after it is a name it
  // gives ("The council voted to rename the pier “Harbor Walk.”"), not its words.
  if (link) {
    const std::string_view mention = in.text.substr(link->speaker.begin, link->speaker.size());
    if (in.lex.articles.contains(entities::registry_words::LeadWord(mention)) &&
        IsTitleCase(in.text.substr(q.content.begin, q.content.size()), in.lex)) {
      return std::nullopt;
    }
  }
  return link;
}

}  // namespace whosaid::attrib
