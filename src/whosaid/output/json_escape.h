// Fast hand-written JSON and CSV field encoders for the output formatters (private to
// whosaid/output; not an installed header).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace whosaid::output {

// Appends `s` as a JSON string literal, with its enclosing double quotes. Escapes `"`,
// `\` and every control character below U+0020 (as \n \r \t \b \f or \u00XX), and also
// U+0085, U+2028 and U+2029, so that no line-splitting tool (Python's str.splitlines,
// JavaScript) breaks a JSON line apart. Other UTF-8 is copied as is. Ill-formed UTF-8
// (which callers should never pass) becomes \ufffd per maximal ill-formed subpart, so the
// output is always valid JSON.
void AppendJsonString(std::string& out, std::string_view s);

// The same without the enclosing quotes.
void AppendJsonEscaped(std::string& out, std::string_view s);

// Appends an unsigned integer in decimal.
void AppendUint(std::string& out, uint64_t value);

// Appends `value` as a JSON number rounded to at most three decimals with trailing zeros
// removed ("0.9", "1", "0.333"); NaN and infinities, which JSON cannot carry, as null.
void AppendJsonNumber3(std::string& out, double value);

// Appends `s` as one RFC 4180 field: quoted, with inner double quotes doubled, when it
// contains a comma, double quote, CR or LF; as is otherwise. Ill-formed UTF-8 becomes
// U+FFFD.
void AppendCsvField(std::string& out, std::string_view s);

}  // namespace whosaid::output
