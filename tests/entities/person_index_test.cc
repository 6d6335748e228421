#include "whosaid/entities/person_index.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <random>

namespace whosaid::entities {
namespace {

struct Person {
  std::string name, surname, first_name;
};

Person FromWords(const std::vector<std::string>& words) {
  Person p;
  for (const auto& w : words) {
    if (!p.name.empty()) p.name += ' ';
    p.name += w;
  }
  p.surname = words.back();
  if (words.size() >= 2) p.first_name = words.front();
  return p;
}

PersonIndex::Names NamesOf(const Person& p) { return {p.name, p.surname, p.first_name}; }

std::vector<std::string> SplitOnBlanks(const std::string& name) {
  std::vector<std::string> out(1);
  for (char c : name) {
    if (c == ' ') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

std::vector<std::string_view> Views(const std::vector<std::string>& words) {
  return {words.begin(), words.end()};
}

// The registry's former lookup: every person compared with the mention, latest first.
int ScanAll(const std::vector<Person>& persons, const std::vector<std::string>& words) {
  if (words.empty()) return -1;
  const std::string& last = words.back();
  auto same_ignoring_capitals = [](std::string_view a, std::string_view b) {
    if (a.size() != b.size() || a.empty()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (std::toupper(static_cast<unsigned char>(a[i])) !=
          std::toupper(static_cast<unsigned char>(b[i]))) {
        return false;
      }
    }
    return true;
  };
  const bool all_caps =
      std::none_of(last.begin(), last.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if (words.size() == 1 && all_caps && last.size() > 1) {
    for (int k = static_cast<int>(persons.size()) - 1; k >= 0; --k) {
      if (same_ignoring_capitals(last, persons[k].surname)) return k;
    }
  }
  for (int k = static_cast<int>(persons.size()) - 1; k >= 0; --k) {
    const Person& e = persons[k];
    if (e.surname == last) {
      if (words.size() == 1 || e.first_name.empty() || e.first_name == words.front()) return k;
    }
    if (words.size() == 1 && e.first_name == last && e.name != last) return k;
    if (words.size() >= 2 && e.name == last) return k;
    const std::vector<std::string> blank_words = SplitOnBlanks(e.name);
    if (words.size() == 2 && blank_words.size() >= 3) {
      // The first or the last two words of a longer name.
      const std::string two = words[0] + " " + words[1];
      const size_t n = blank_words.size();
      if (blank_words[0] + " " + blank_words[1] == two ||
          blank_words[n - 2] + " " + blank_words[n - 1] == two) {
        return k;
      }
    }
  }
  // One word named by no surname or first name: a capitalized word inside a longer name.
  for (int k = static_cast<int>(persons.size()) - 1; words.size() == 1 && k >= 0; --k) {
    const std::vector<std::string> blank_words = SplitOnBlanks(persons[k].name);
    for (size_t i = 1; blank_words.size() >= 3 && i + 1 < blank_words.size(); ++i) {
      if (blank_words[i] == last && last[0] >= 'A' && last[0] <= 'Z') return k;
    }
  }
  return -1;
}

TEST_CASE("person index: surnames, first names, capitals and full names") {
  PersonIndex index;
  std::vector<Person> persons = {FromWords({"Lena", "Ortiz"}), FromWords({"Hill"}),
                                 FromWords({"Mark", "Smith"}), FromWords({"Ann", "Smith"})};
  for (int k = 0; k < static_cast<int>(persons.size()); ++k) index.Add(k, NamesOf(persons[k]));
  CHECK(index.Find({"Ortiz"}) == 0);
  CHECK(index.Find({"Lena"}) == 0);           // a lone first name
  CHECK(index.Find({"ORTIZ"}) == 0);          // a transcript's capitals
  CHECK(index.Find({"Smith"}) == 3);          // the latest Smith
  CHECK(index.Find({"Mark", "Smith"}) == 2);  // the first name chooses
  CHECK(index.Find({"Mark", "Hill"}) == 1);   // "Hill" seen first, "Mark Hill" now
  CHECK(index.Find({"Bo", "Ortiz"}) == -1);   // another first name: another person
  CHECK(index.Find({"Nobody"}) == -1);
  CHECK(index.Find({}) == -1);

  // "Hill" becomes "Mark Hill": the old keys go, the new ones answer.
  index.Remove(1, NamesOf(persons[1]));
  persons[1] = FromWords({"Mark", "Hill"});
  index.Add(1, NamesOf(persons[1]));
  CHECK(index.Find({"Mark"}) == 2);  // Mark Smith (2) is later than Mark Hill (1)
  CHECK(index.Find({"Hill"}) == 1);
  CHECK(index.Find({"Bo", "Hill"}) == -1);
}

TEST_CASE("person index: two words name the person whose longer name starts with them") {
  PersonIndex index;
  const Person thiago = FromWords({"Thiago", "Bezerra", "dos", "Santos"});
  index.Add(0, NamesOf(thiago));
  CHECK(index.Find({"Thiago", "Bezerra"}) == 0);
  CHECK(index.Find({"Santos"}) == 0);
  CHECK(index.Find({"Bezerra"}) == 0);  // an inner capitalized word, when nothing else fits
  CHECK(index.Find({"dos"}) == -1);
  CHECK(index.Find({"dos", "Santos"}) == 0);  // the last two words
  CHECK(index.Find({"Thiago", "Bezerra", "dos"}) == -1);
  index.Remove(0, NamesOf(thiago));
  CHECK(index.Find({"Thiago", "Bezerra"}) == -1);
}

TEST_CASE("person index: the same decisions as comparing with every person, latest first") {
  // Few words, so that surnames, first names and capitals collide often.
  const std::vector<std::string> vocab = {"Ann", "Lee", "LEE",     "lee", "Li",
                                          "LI",  "Bo",  "Ann Lee", "A",   "Park"};
  // Names of up to three words: "Ann Lee Park" is named by "Ann Lee" too.
  std::mt19937 rng(15);
  auto pick = [&] { return vocab[rng() % vocab.size()]; };
  auto mention = [&] {
    std::vector<std::string> words(1 + rng() % 3);
    for (auto& w : words) w = pick();
    return words;
  };
  for (int round = 0; round < 50; ++round) {
    PersonIndex index;
    std::vector<Person> persons;
    for (int step = 0; step < 60; ++step) {
      const std::vector<std::string> words = mention();
      CHECK(index.Find(Views(words)) == ScanAll(persons, words));
      // As the registry does: a new person, or a known one whose name grows.
      const int k = ScanAll(persons, words);
      const Person p = FromWords(words);
      if (k < 0) {
        persons.push_back(p);
        index.Add(static_cast<int>(persons.size()) - 1, NamesOf(p));
      } else if (words.size() >= 2 && p.name.size() > persons[k].name.size()) {
        index.Remove(k, NamesOf(persons[k]));
        persons[k] = p;
        index.Add(k, NamesOf(persons[k]));
      }
    }
  }
}

}  // namespace
}  // namespace whosaid::entities
