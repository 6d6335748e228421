#include "whosaid/rules/slot.h"

namespace whosaid::rules {

std::string_view SlotName(Slot slot) {
  switch (slot) {
    case Slot::kQuote:
      return "QUOTE";
    case Slot::kSpeaker:
      return "SPEAKER";
    case Slot::kRole:
      return "ROLE";
    case Slot::kCue:
      return "CUE";
    case Slot::kClause:
      return "CLAUSE";
  }
  return "?";
}

std::optional<Slot> SlotFromName(std::string_view name) {
  for (int i = 0; i < kSlotCount; ++i) {
    const Slot slot = static_cast<Slot>(i);
    if (SlotName(slot) == name) return slot;
  }
  return std::nullopt;
}

}  // namespace whosaid::rules
