// sieve.continuation: a quotation goes on with the speaker of the quotation before it.
#include "whosaid/attrib/sieve.h"

namespace whosaid::attrib {

// The previous quotation's speaker, in this paragraph or at the end of the one before when
// this quotation opens its paragraph — unless someone's reported speech stands between the
// two: "…,” he said. Then she argued that … “…”" is hers (the adjacent sieve's).
std::optional<Link> ContinuationSieve(const SieveInput& in, const QuotePlace& place) {
  if (!place.previous) return std::nullopt;
  const size_t prev = *place.previous;
  const Link& before = in.links[prev];
  if (!before.found) return std::nullopt;
  const quotes::QuoteSpan& p = in.quotes[prev];
  const bool speech_between = place.adjacent != nullptr && place.adjacent->link.entity >= 0 &&
                              place.adjacent->clause.begin >= p.outer.end;
  if (speech_between) return std::nullopt;
  const text::Segmentation& seg = in.seg;
  const size_t pend_para = seg.ParagraphAt(p.outer.end > 0 ? p.outer.end - 1 : 0);
  if (pend_para == place.paragraph) return InheritLink(before);
  // A partial quotation counts when a rule attributed it and it closes its paragraph:
  // "Ruiz said the plan was “a good start.” ¶ “We will need more.”"
  const auto closes_para = [&] {
    const uint32_t para_end = seg.paragraphs[pend_para].end;
    for (uint32_t k = p.outer.end; k < para_end; ++k) {
      const char c = in.text[k];
      if (c != '.' && c != '!' && c != '?' && c != ' ' && c != '\n' && c != '\r') return false;
    }
    return true;
  };
  const bool run =
      place.opens_paragraph && pend_para + 1 == place.paragraph &&
      (p.type == quotes::QuoteType::kDirect || (before.rule.has_value() && closes_para()));
  if (run) return InheritLink(before);
  return std::nullopt;
}

}  // namespace whosaid::attrib
