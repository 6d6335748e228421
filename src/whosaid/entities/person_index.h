// Hash lookups from a name mention to the person it names, for the registry. Find() makes the
// same decision as comparing the mention with every person, most recently created first (the
// registry did that, quadratic in the number of persons): each rule that links a mention to
// a person is an exact-match key, and the answer is the latest person under any of the keys
// the mention has.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace whosaid::entities {

class PersonIndex {
 public:
  // The name fields of a person: `name` is the full name, `first_name` empty for a person
  // known by one word.
  struct Names {
    std::string_view name;
    std::string_view surname;
    std::string_view first_name;
  };

  // Indexes person `id` under `names`. Ids are entity indices: a larger id is more recent.
  void Add(int id, const Names& names);
  // Forgets person `id` under `names` (as given to Add), before its names change.
  void Remove(int id, const Names& names);

  // The latest person that the mention `words` (the name words, in order) names, or -1:
  // - one word in capitals ("PENCE", as transcripts write names): a person with that surname
  //   in any capitalization, if there is one;
  // - one word: a person with that surname, or with that first name ("Hillary");
  // - several words: a person with the last word as surname and either the first word as
  //   first name or no first name ("Hill" seen first, "Mark Hill" now), or whose whole name
  //   is the last word; two words also name a person whose longer name starts or ends
  //   with them ("Thiago Bezerra" for Thiago Bezerra dos Santos, "Salcedo Mora" for Andrés
  //   Felipe Salcedo Mora);
  // - one word that is no surname or first name: a person of three words or more with that
  //   capitalized word inside the name ("Salcedo").
  int Find(const std::vector<std::string_view>& words) const;

 private:
  // The keys of a person (Add) and of a mention (Find): one letter for the rule, then the
  // words it compares.
  static std::vector<std::string> Keys(const Names& names);
  int Latest(const std::string& key) const;

  // The persons under one key. Most keys have one (distinct names), so the latest is kept
  // apart: no allocation beyond the map's node for it.
  struct Ids {
    int latest = -1;
    std::vector<int> older;  // ascending
  };
  std::unordered_map<std::string, Ids> ids_;
};

}  // namespace whosaid::entities
