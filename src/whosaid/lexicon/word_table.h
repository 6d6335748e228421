// The word table: every entry of every list of a pack's lexicon, each mapped to the set of
// lists it belongs to ("Sen." → honorifics, abbreviations, sentence_abbreviations). One
// lookup answers every membership question about a word; multi-word entries ("according
// to", "Prime Minister") are looked up whole.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace whosaid::lexicon {

using ListId = uint8_t;

class WordTable {
 public:
  static constexpr size_t kMaxLists = 64;  // a list is one bit of a word's mask

  // The id of list `name`, added (empty) when new; nullopt when kMaxLists lists exist.
  std::optional<ListId> AddList(std::string_view name);
  std::optional<ListId> FindList(std::string_view name) const;

  // Adds `entry` (already normalized, lexicon/list_file.h) to `list`.
  void Add(ListId list, std::string_view entry);

  // The lists `word` belongs to, one bit per ListId; 0 for a word of no list.
  uint64_t ListsOf(std::string_view word) const {
    const auto it = words_.find(word);
    return it == words_.end() ? 0 : it->second;
  }
  bool Contains(ListId list, std::string_view word) const { return (ListsOf(word) >> list) & 1u; }

  // The entries of `list`, in the order added, without duplicates.
  const std::vector<std::string>& Entries(ListId list) const { return entries_[list]; }
  const std::string& Name(ListId list) const { return names_[list]; }
  size_t list_count() const { return names_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, uint64_t, Hash, std::equal_to<>> words_;
  std::vector<std::string> names_;
  std::vector<std::vector<std::string>> entries_;
};

}  // namespace whosaid::lexicon
