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

void WordTable::Grow() {
  std::vector<uint16_t> old_tags = std::move(tags_);
  std::vector<Slot> old_slots = std::move(slots_);
  const size_t size = old_tags.empty() ? 1024 : old_tags.size() * 2;
  tags_.assign(size, 0);
  slots_.assign(size, Slot{});
  mask_ = size - 1;
  for (size_t k = 0; k < old_tags.size(); ++k) {
    if (old_tags[k] == 0) continue;
    const Slot& s = old_slots[k];
    size_t i = ProbeOf(std::string_view(keys_).substr(s.offset, s.length)).hash & mask_;
    while (tags_[i] != 0) i = (i + 1) & mask_;
    tags_[i] = old_tags[k];
    slots_[i] = s;
  }
}

WordTable::Slot* WordTable::FindOrInsert(std::string_view word) {
  if ((used_ + 1) * 2 > tags_.size()) Grow();
  const Probe probe = ProbeOf(word);
  size_t i = probe.hash & mask_;
  for (; tags_[i] != 0; i = (i + 1) & mask_) {
    const Slot& s = slots_[i];
    if (tags_[i] == probe.tag && std::string_view(keys_).substr(s.offset, s.length) == word) {
      return &slots_[i];
    }
  }
  tags_[i] = probe.tag;
  Slot& s = slots_[i];
  s.head = probe.head;
  s.tail = probe.tail;
  s.offset = static_cast<uint32_t>(keys_.size());
  s.length = static_cast<uint32_t>(word.size());
  keys_.append(word);
  ++used_;
  if (word.size() > max_length_) max_length_ = word.size();
  return &s;
}

bool WordTable::Add(ListId list, std::string_view entry) {
  if (entry.empty()) return true;
  const uint64_t bit = uint64_t{1} << list;
  const uint64_t lists = ListsOf(entry) | bit;
  auto klass = class_of_.find(lists);
  if (klass == class_of_.end()) {
    if (classes_.size() >= kMaxClasses) return false;
    klass = class_of_.emplace(lists, static_cast<ClassId>(classes_.size())).first;
    classes_.push_back(lists);
  }
  Slot* s = FindOrInsert(entry);
  if (s->lists & bit) return true;
  s->lists = lists;
  s->klass = klass->second;
  entries_[list].emplace_back(entry);
  return true;
}

}  // namespace whosaid::lexicon
