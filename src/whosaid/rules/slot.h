// The named slots of a rule: the parts of a match that attribution reads back.
#pragma once

#include <optional>
#include <string_view>

namespace whosaid::rules {

// A rule pattern names the parts it captures with slots: `{SPEAKER}`, `{ROLE=…}`, ….
//   kQuote    {QUOTE}: the placeholder U+E000 that stands for the quote being attributed
//   kSpeaker  who said it ("Lena Ortiz", "she", "the ministry")
//   kRole     the speaker's role or title ("a former trade negotiator")
//   kCue      the reporting verb or phrase ("said", "according to")
//   kClause   the reported clause of an indirect-speech rule
enum class Slot { kQuote, kSpeaker, kRole, kCue, kClause };
inline constexpr int kSlotCount = 5;

// Upper-case name of a slot as written in rule files: "QUOTE", "SPEAKER", "ROLE", "CUE",
// "CLAUSE".
std::string_view SlotName(Slot slot);

// The slot named `name` (exact, upper case), or nullopt when `name` is not a slot.
std::optional<Slot> SlotFromName(std::string_view name);

}  // namespace whosaid::rules
