#include "whosaid/entities/person_index.h"

#include <algorithm>

namespace whosaid::entities {
namespace {

std::string Key(char rule, std::string_view words) {
  std::string key(1, rule);
  key += words;
  return key;
}

// ASCII capitals only, as std::toupper in the "C" locale: "PENCE" and "Pence" share a key.
std::string CapitalsKey(std::string_view surname) {
  std::string key = Key('C', surname);
  for (char& c : key) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return key;
}

// Surname and first name together; the surname's length keeps the pair unambiguous (words
// may hold any byte).
std::string PairKey(std::string_view surname, std::string_view first_name) {
  std::string key = Key('P', std::to_string(surname.size()));
  key += ':';
  key += surname;
  key += first_name;
  return key;
}

// The name up to its second blank (the whole name when it has two words or fewer).
std::string_view FirstTwoWords(std::string_view name) {
  const size_t first = name.find(' ');
  if (first == std::string_view::npos) return name;
  const size_t second = name.find(' ', first + 1);
  return second == std::string_view::npos ? name : name.substr(0, second);
}

}  // namespace

std::vector<std::string> PersonIndex::Keys(const Names& n) {
  std::vector<std::string> keys = {Key('S', n.surname), PairKey(n.surname, n.first_name),
                                   Key('N', n.name)};
  // An empty surname matches no word in capitals (a mention is never an empty word).
  if (!n.surname.empty()) keys.push_back(CapitalsKey(n.surname));
  // A lone first name names a person introduced with it, unless that is the whole name.
  if (!n.first_name.empty() && n.name != n.first_name) keys.push_back(Key('F', n.first_name));
  // The first two words of a longer name: "Thiago Bezerra" names Thiago Bezerra dos Santos.
  if (const std::string_view two = FirstTwoWords(n.name); two.size() < n.name.size()) {
    keys.push_back(Key('B', two));
    // Its last two words ("Salcedo Mora" for Andrés Felipe Salcedo Mora), and each inner
    // capitalized word alone: a first surname ("Salcedo") or a surname after a particle.
    const size_t last = n.name.rfind(' ');
    const size_t last_two = n.name.rfind(' ', last - 1);
    keys.push_back(Key('T', n.name.substr(last_two + 1)));
    for (size_t at = n.name.find(' ') + 1; at <= last;) {
      const size_t end = n.name.find(' ', at);
      const std::string_view word = n.name.substr(at, end - at);
      if (!word.empty() && word[0] >= 'A' && word[0] <= 'Z') keys.push_back(Key('M', word));
      at = end + 1;
    }
  }
  return keys;
}

void PersonIndex::Add(int id, const Names& names) {
  for (std::string& key : Keys(names)) {
    Ids& ids = ids_[std::move(key)];
    if (id > ids.latest) {
      if (ids.latest >= 0) ids.older.push_back(ids.latest);
      ids.latest = id;
    } else {
      // A person re-added after a name change, older than the latest under the key.
      ids.older.insert(std::lower_bound(ids.older.begin(), ids.older.end(), id), id);
    }
  }
}

void PersonIndex::Remove(int id, const Names& names) {
  for (const std::string& key : Keys(names)) {
    const auto it = ids_.find(key);
    if (it == ids_.end()) continue;
    Ids& ids = it->second;
    if (ids.latest == id) {
      if (ids.older.empty()) {
        ids_.erase(it);
        continue;
      }
      ids.latest = ids.older.back();
      ids.older.pop_back();
    } else if (const auto at = std::lower_bound(ids.older.begin(), ids.older.end(), id);
               at != ids.older.end() && *at == id) {
      ids.older.erase(at);
    }
  }
}

int PersonIndex::Latest(const std::string& key) const {
  const auto it = ids_.find(key);
  return it == ids_.end() ? -1 : it->second.latest;
}

int PersonIndex::Find(const std::vector<std::string_view>& words) const {
  if (words.empty()) return -1;
  const std::string_view last = words.back();
  if (words.size() == 1) {
    const bool all_caps =
        std::none_of(last.begin(), last.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (all_caps && last.size() > 1) {
      if (const int k = Latest(CapitalsKey(last)); k >= 0) return k;
    }
    const int k = std::max(Latest(Key('S', last)), Latest(Key('F', last)));
    return k >= 0 ? k : Latest(Key('M', last));
  }
  int two_words = -1;
  if (words.size() == 2) {
    std::string two(words.front());
    two += ' ';
    two += last;
    two_words = std::max(Latest(Key('B', two)), Latest(Key('T', two)));
  }
  return std::max({Latest(PairKey(last, "")), Latest(PairKey(last, words.front())),
                   Latest(Key('N', last)), two_words});
}

}  // namespace whosaid::entities
