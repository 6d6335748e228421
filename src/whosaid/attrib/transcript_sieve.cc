// sieve.transcript: a quoted transcript turn names its speaker: “PENCE: Well, …”.
#include "whosaid/attrib/sieve.h"

namespace whosaid::attrib {

std::optional<text::ByteSpan> TranscriptLabel(std::string_view t, text::ByteSpan content) {
  uint32_t i = content.begin;
  int letters = 0;
  for (; i < content.end && i < content.begin + 40; ++i) {
    const char c = t[i];
    if (c >= 'A' && c <= 'Z')
      ++letters;
    else if (c != ' ' && c != '.' && c != '-' && c != '\'')
      break;
  }
  if (letters < 2 || i + 1 >= content.end || t[i] != ':' || t[i + 1] != ' ') return std::nullopt;
  return text::ByteSpan{content.begin, i};
}

std::optional<Link> TranscriptSieve(const SieveInput& in, const QuotePlace& place) {
  const std::optional<text::ByteSpan> label =
      TranscriptLabel(in.text, in.quotes[place.quote].content);
  if (!label) return std::nullopt;
  Link link;
  link.found = true;
  link.speaker = *label;
  link.entity = in.registry.Resolve(*label, -1).entity;
  return link;
}

}  // namespace whosaid::attrib
