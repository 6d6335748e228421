// A nickname in quote marks inside a name: Robert "Bob" Smith, Walter ``Wally'' Brenner,
// John ‘Jack’ Hale. The marks set off a name, not a quotation: the scanner reports no quote
// for them, windows read the name without them and the registry joins the two halves.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/text/span.h"

namespace whosaid::text {

struct Nickname {
  ByteSpan outer;    // from the opening mark to the end of the closing mark
  ByteSpan content;  // the nickname, between the marks
};

// The nickname whose opening mark starts at byte `open` of `text`, if there is one: one or
// two capitalized words (at most kMaxNicknameBytes) in a pair of marks, with one space and
// a capitalized first name (or an initial, "C.") before it and one space and a capitalized
// surname after it, in running text (a title-case headline, "Trump Calls ‘Mocking’ Clinton
// Camp", has no nicknames: its lower-case words are all `small_words`, the pack's
// title_small_words.lst). Looks at a bounded stretch of text around `open`.
std::optional<Nickname> NicknameAt(std::string_view text, uint32_t open,
                                   const std::vector<std::string>& small_words);

inline constexpr uint32_t kMaxNicknameBytes = 40;

}  // namespace whosaid::text
