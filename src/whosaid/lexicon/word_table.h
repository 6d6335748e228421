// The word table: every entry of every list of a pack's lexicon, each mapped to the set of
// lists it belongs to ("Sen." → honorifics, abbreviations, sentence_abbreviations). One
// lookup answers every membership question about a word; multi-word entries ("according
// to", "Prime Minister") are looked up whole.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "whosaid/lexicon/list_file.h"

namespace whosaid::lexicon {

using ListId = uint8_t;

class WordTable {
 public:
  static constexpr size_t kMaxLists = 64;  // a list is one bit of a word's mask

  // The id of list `name`, added (empty) when new; nullopt when kMaxLists lists exist.
  std::optional<ListId> AddList(std::string_view name);
  std::optional<ListId> FindList(std::string_view name) const;

  // Adds `entry` (already normalized, lexicon/list_file.h) to `list`. False (and nothing
  // added) when that would make more than kMaxClasses distinct sets of lists.
  bool Add(ListId list, std::string_view entry);

  // Words in the same lists share a class: a 16-bit number that a token can carry in place
  // of the 64-bit set (text/token.h). Class 0 is the empty set.
  using ClassId = uint16_t;
  static constexpr size_t kMaxClasses = 65536;
  ClassId ClassOf(std::string_view word) const {
    const Slot* s = FindAnyApostrophe(word);
    return s ? s->klass : 0;
  }
  uint64_t ListsOfClass(ClassId klass) const { return classes_[klass]; }

  // The lists `word` belongs to, one bit per ListId; 0 for a word of no list. The tokenizer
  // asks this for every word of every document, so it is an open-addressing probe over one
  // array, not a node-based map: most words are in no list and are turned away by the
  // length bound or the first slot.
  uint64_t ListsOf(std::string_view word) const {
    const Slot* s = FindAnyApostrophe(word);
    return s ? s->lists : 0;
  }
  bool Contains(ListId list, std::string_view word) const { return (ListsOf(word) >> list) & 1u; }

  // The entries of `list`, in the order added, without duplicates.
  const std::vector<std::string>& Entries(ListId list) const { return entries_[list]; }
  const std::string& Name(ListId list) const { return names_[list]; }
  size_t list_count() const { return names_.size(); }

 private:
  struct Slot {
    uint64_t lists = 0;
    ClassId klass = 0;            // of `lists`
    uint64_t head = 0, tail = 0;  // the word's Probe loads
    uint32_t offset = 0;          // of the word in keys_
    uint32_t length = 0;
  };

  // What a lookup computes from a word: fixed-size, overlapping loads of its first and last
  // bytes (head and tail; together they hold every byte of a word of up to 16 bytes) and a
  // hash mixed from them with one 128-bit multiply. Words are short, and every word of every
  // document is looked up.
  struct Probe {
    uint64_t head = 0, tail = 0, hash = 0;
    uint16_t tag = 0;  // high hash bits | 1: 0 marks an empty slot
  };

  static uint64_t Load64(const char* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  }
  static uint64_t Load32(const char* p) {
    uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
  }
  static uint64_t Mix(uint64_t a, uint64_t b) {
    const unsigned __int128 r = static_cast<unsigned __int128>(a) * b;
    return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
  }
  static Probe ProbeOf(std::string_view w) {
    const char* p = w.data();
    const size_t n = w.size();
    Probe probe;
    uint64_t seed = 0x9E3779B97F4A7C15ull ^ n;
    if (n >= 8) {
      for (size_t i = 8; i + 8 < n; i += 8) seed = Mix(seed ^ Load64(p + i), 0xA0761D6478BD642Full);
      probe.head = Load64(p);
      probe.tail = Load64(p + n - 8);
    } else if (n >= 4) {
      probe.head = Load32(p);
      probe.tail = Load32(p + n - 4);
    } else if (n > 0) {
      probe.head = (uint64_t{static_cast<unsigned char>(p[0])} << 16) |
                   (uint64_t{static_cast<unsigned char>(p[n >> 1])} << 8) |
                   static_cast<unsigned char>(p[n - 1]);
    }
    probe.hash = Mix(probe.head ^ 0xE7037ED1A0B428DBull, probe.tail ^ seed);
    probe.tag = static_cast<uint16_t>(probe.hash >> 48) | 1u;
    return probe;
  }

  // The slot of `word`, or null. Most words are in no list and are turned away by the
  // length bound or the first tag.
  const Slot* Find(std::string_view word) const {
    if (word.size() > max_length_ || tags_.empty()) return nullptr;
    const Probe probe = ProbeOf(word);
    for (size_t i = probe.hash & mask_;; i = (i + 1) & mask_) {
      if (tags_[i] == 0) return nullptr;
      if (tags_[i] != probe.tag) continue;
      const Slot& s = slots_[i];
      if (s.length != word.size()) continue;
      // Up to 16 bytes, the two loads the hash read hold the whole word: compare them.
      if (word.size() <= 16 ? s.head == probe.head && s.tail == probe.tail
                            : std::memcmp(keys_.data() + s.offset, word.data(), word.size()) == 0) {
        return &s;
      }
    }
  }
  // Entries are stored normalized, with ’ for ' (NormalizeEntry): a word written with a
  // straight apostrophe ("can't") is looked up again as an entry would be written.
  const Slot* FindAnyApostrophe(std::string_view word) const {
    const Slot* s = Find(word);
    if (s != nullptr || word.find('\'') == std::string_view::npos) return s;
    return Find(NormalizeEntry(word));
  }
  Slot* FindOrInsert(std::string_view word);
  void Grow();

  std::vector<uint16_t> tags_;  // per slot: high hash bits | 1, or 0 when empty; a power of
                                // two in size, at most half full, probed before slots_
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t used_ = 0;
  size_t max_length_ = 0;
  std::string keys_;  // every entry's bytes, one after another
  std::vector<std::string> names_;
  std::vector<std::vector<std::string>> entries_;
  std::vector<uint64_t> classes_ = {0};             // the set of lists of each class
  std::unordered_map<uint64_t, ClassId> class_of_;  // and back
};

}  // namespace whosaid::lexicon
