// OverlapsAnyQuote: the binary search over the scanner's quotations.
#include "whosaid/quotes/quote_span.h"

#include <doctest/doctest.h>

namespace whosaid::quotes {
namespace {

QuoteSpan At(uint32_t begin, uint32_t end) {
  QuoteSpan q;
  q.outer = {begin, end};
  q.content = {begin + 1, end - 1};
  return q;
}

TEST_CASE("quote span: a span overlaps a quotation or lies between them") {
  const std::vector<QuoteSpan> quotes = {At(10, 20), At(30, 40), At(50, 60)};
  CHECK(OverlapsAnyQuote(quotes, {12, 15}));   // inside the first
  CHECK(OverlapsAnyQuote(quotes, {5, 11}));    // across its opening mark
  CHECK(OverlapsAnyQuote(quotes, {35, 45}));   // across the second's closing mark
  CHECK(OverlapsAnyQuote(quotes, {15, 55}));   // over several
  CHECK_FALSE(OverlapsAnyQuote(quotes, {0, 10}));   // ends where the first opens
  CHECK_FALSE(OverlapsAnyQuote(quotes, {20, 30}));  // between two
  CHECK_FALSE(OverlapsAnyQuote(quotes, {60, 70}));  // after the last
  CHECK_FALSE(OverlapsAnyQuote({}, {0, 5}));
}

}  // namespace
}  // namespace whosaid::quotes
