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

}  // namespace whosaid::entities
