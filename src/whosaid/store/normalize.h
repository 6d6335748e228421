// The keys the quote store compares by: the normalized form of a quote (two quotes are the
// same words when these are equal), and the calendar day of a publication date (what
// `--since` compares).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace whosaid::store {

// The quote's words, for deduplication: Unicode NFKC with case folding, apostrophes
// dropped ("Canada’s" and "Canada's" → "canadas"), every other run of punctuation, symbols
// and white space turned into one space, trimmed. So “We lost,” and "we lost." are the same
// words; "U.S." is "u s". Valid UTF-8 in, valid UTF-8 out.
std::string NormalizeQuote(std::string_view text);

// A speaker's name as the store keys it: white space runs folded to one space, trimmed.
// (Names compare case-insensitively in the database.)
std::string NormalizeName(std::string_view name);

// The day a `published` value names, as "YYYY-MM-DD": accepts ISO 8601 dates and date-times
// ("2016-03-01", "2016-03-01T09:30:00Z", "2016-03-01 09:30") and "YYYY/MM/DD". nullopt for
// anything else (an RFC 2822 date, "last Tuesday"), which --since then never matches.
std::optional<std::string> PublishedDay(std::string_view published);

}  // namespace whosaid::store
