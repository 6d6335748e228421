#include "whosaid/quotes/quote_span.h"

#include <algorithm>

namespace whosaid::quotes {

bool OverlapsAnyQuote(const std::vector<QuoteSpan>& quotes, text::ByteSpan span) {
  // The last quotation to open before the span ends.
  auto it =
      std::lower_bound(quotes.begin(), quotes.end(), span.end,
                       [](const QuoteSpan& q, uint32_t byte) { return q.outer.begin < byte; });
  return it != quotes.begin() && span.begin < std::prev(it)->outer.end;
}

std::string_view QuoteTypeName(QuoteType type) {
  switch (type) {
    case QuoteType::kDirect:
      return "direct";
    case QuoteType::kPartial:
      return "partial";
    case QuoteType::kIndirect:
      return "indirect";
  }
  return "direct";
}

}  // namespace whosaid::quotes
