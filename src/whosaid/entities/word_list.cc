#include "whosaid/entities/word_list.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace whosaid::entities {

WordList WordList::FromString(std::string_view lines) {
  WordList list;
  size_t pos = 0;
  while (pos <= lines.size()) {
    size_t nl = lines.find('\n', pos);
    if (nl == std::string_view::npos) nl = lines.size();
    std::string_view line = lines.substr(pos, nl - pos);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.remove_suffix(1);
    }
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (!line.empty() && line.front() != '#') list.words_.insert(std::string(line));
    pos = nl + 1;
  }
  return list;
}

Result<WordList> WordList::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError("cannot read word list " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return FromString(ss.str());
}

Result<Lexicons> Lexicons::Load(const std::string& dir) {
  Lexicons lex;
  struct Entry {
    const char* file;
    WordList* list;
  } entries[] = {
      {"honorifics_male.lst", &lex.honorifics_male},
      {"honorifics_female.lst", &lex.honorifics_female},
      {"titles.lst", &lex.honorifics},
      {"title_abbreviations.lst", &lex.honorifics},
      {"first_names_female.lst", &lex.first_names_female},
      {"first_names_male.lst", &lex.first_names_male},
      {"not_names.lst", &lex.not_names},
      {"org_words.lst", &lex.org_words},
      {"role_nouns.lst", &lex.role_nouns},
      {"particles.lst", &lex.particles},
      {"abbreviations.lst", &lex.abbreviations},
      {"sentence_abbreviations.lst", &lex.sentence_abbreviations},
      {"sentence_soft_abbreviations.lst", &lex.sentence_soft_abbreviations},
      {"elisions.lst", &lex.elisions},
      {"role_stops.lst", &lex.role_stops},
      {"pronouns.lst", &lex.pronouns},
      {"not_speaker_openings.lst", &lex.not_speaker_openings},
      {"be_forms.lst", &lex.be_forms},
      {"sentence_leads.lst", &lex.sentence_leads},
      {"subject_pronouns.lst", &lex.subject_pronouns},
      {"subject_pronoun_contractions.lst", &lex.subject_pronoun_contractions},
      {"title_small_words.lst", &lex.title_small_words},
      {"title_cues.lst", &lex.title_cues},
      {"subordinators.lst", &lex.subordinators},
  };
  for (const Entry& e : entries) {
    const std::string path = dir + "/" + e.file;
    if (!std::filesystem::exists(path)) continue;
    auto list = WordList::Load(path);
    if (!list.ok()) return list.status();
    e.list->Merge(std::move(list).value());  // several files may fill one list
  }
  return lex;
}

void Lexicons::ToSegmenterOptions(text::SegmenterOptions* options) const {
  if (!options->abbreviations.empty() || !options->soft_abbreviations.empty()) return;
  // Every abbreviation the registry knows (titles, honorifics, abbreviations.lst) keeps its
  // period from ending a sentence too, so the two never disagree about "Sen." or "U.S.".
  options->abbreviations.assign(sentence_abbreviations.entries().begin(),
                                sentence_abbreviations.entries().end());
  for (const WordList* list : {&abbreviations, &honorifics, &honorifics_male, &honorifics_female}) {
    for (const std::string& w : list->entries()) {
      if (w.size() > 1 && w.back() == '.') options->abbreviations.push_back(w);
    }
  }
  options->soft_abbreviations.assign(sentence_soft_abbreviations.entries().begin(),
                                     sentence_soft_abbreviations.entries().end());
}

void Lexicons::ToScannerOptions(quotes::ScannerOptions* options) const {
  if (!options->elisions.empty()) return;
  options->elisions.assign(elisions.entries().begin(), elisions.entries().end());
}

bool Lexicons::IsAbbreviation(std::string_view word) const {
  if (word.empty()) return false;
  // Initials: "W", "J.D", "U.S".
  bool initials = true;
  for (size_t i = 0; i < word.size() && initials; ++i) {
    const char c = word[i];
    initials = (i % 2 == 0) ? (c >= 'A' && c <= 'Z') : c == '.';
  }
  if (initials && word.size() % 2 == 1) return true;
  const std::string with_period = std::string(word) + ".";
  return abbreviations.contains(with_period) || honorifics.contains(with_period) ||
         honorifics_male.contains(with_period) || honorifics_female.contains(with_period);
}

size_t FindRoleEnd(std::string_view text, const Lexicons& lex) {
  size_t from = 0;
  while (true) {
    const size_t stop = text.find_first_of(",.;:()\n\r\"", from);
    if (stop == std::string_view::npos || text[stop] != '.') return stop;
    // The word around the period, up to a blank: "Mr." or, for initials, "M.I.T.".
    size_t b = stop;
    while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\t') --b;
    size_t e = stop + 1;
    while (e < text.size() && text[e] != ' ' && text[e] != ',' && text[e] != ';' &&
           text[e] != ':' && text[e] != ')' && text[e] != '\n' && text[e] != '\r') {
      ++e;
    }
    std::string_view word = text.substr(b, e - b);
    if (word.back() != '.') return stop;  // "cnn.com", "3.5": the period ends the role
    word.remove_suffix(1);
    if (!lex.IsAbbreviation(word)) return stop;
    from = e;
  }
}

}  // namespace whosaid::entities
