#include "whosaid/quotes/quote_span.h"

namespace whosaid::quotes {

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
