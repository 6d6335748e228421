// sieve.adjacent: a quotation near reported speech ("X said …") is the speaker's.
#include "whosaid/attrib/sieve.h"

namespace whosaid::attrib {

// Reported speech in the quotation's sentence or the one before, same paragraph.
std::optional<Link> AdjacentSieve(const SieveInput& /*in*/, const QuotePlace& place) {
  if (!place.adjacent || place.adjacent->link.entity < 0) return std::nullopt;
  return InheritLink(place.adjacent->link);
}

}  // namespace whosaid::attrib
