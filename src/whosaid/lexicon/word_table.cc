#include "whosaid/lexicon/word_table.h"

namespace whosaid::lexicon {

std::optional<ListId> WordTable::AddList(std::string_view name) {
  if (std::optional<ListId> id = FindList(name)) return id;
  if (names_.size() >= kMaxLists) return std::nullopt;
  names_.emplace_back(name);
  entries_.emplace_back();
  return static_cast<ListId>(names_.size() - 1);
}

std::optional<ListId> WordTable::FindList(std::string_view name) const {
  for (size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == name) return static_cast<ListId>(i);
  }
  return std::nullopt;
}

void WordTable::Add(ListId list, std::string_view entry) {
  if (entry.empty()) return;
  auto it = words_.find(entry);
  if (it == words_.end()) it = words_.emplace(std::string(entry), 0).first;
  const uint64_t bit = uint64_t{1} << list;
  if (it->second & bit) return;
  it->second |= bit;
  entries_[list].emplace_back(entry);
}

}  // namespace whosaid::lexicon
