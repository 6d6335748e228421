#include "whosaid/entities/word_list.h"

#include "whosaid/lexicon/list_file.h"
#include "whosaid/lexicon/manifest.h"
#include "whosaid/text/char_class.h"

namespace whosaid::entities {

WordList WordList::FromString(std::string_view lines) {
  auto table = std::make_shared<lexicon::WordTable>();
  const lexicon::ListId id = *table->AddList("list");
  for (const std::string& entry : lexicon::ParseListFile("<string>", lines, nullptr)) {
    table->Add(id, entry);
  }
  return WordList(std::move(table), id);
}

const std::vector<std::string>& WordList::entries() const {
  static const std::vector<std::string> kEmpty;  // immutable: no shared mutable state
  return table_ ? table_->Entries(id_) : kEmpty;
}

Result<Lexicons> Lexicons::Load(const std::string& dir,
                                std::vector<rules::Diagnostic>* diagnostics) {
  auto table = lexicon::LoadLexicon(dir, diagnostics);
  if (!table.ok()) return table.status();
  Lexicons lex;
  lex.table = std::move(table).value();
  // The lists the code reads, by their manifest names.
  const std::pair<const char*, WordList Lexicons::*> lists[] = {
      {"honorifics_male", &Lexicons::honorifics_male},
      {"honorifics_female", &Lexicons::honorifics_female},
      {"honorifics", &Lexicons::honorifics},
      {"first_names_female", &Lexicons::first_names_female},
      {"first_names_male", &Lexicons::first_names_male},
      {"not_names", &Lexicons::not_names},
      {"org_words", &Lexicons::org_words},
      {"role_nouns", &Lexicons::role_nouns},
      {"particles", &Lexicons::particles},
      {"abbreviations", &Lexicons::abbreviations},
      {"sentence_abbreviations", &Lexicons::sentence_abbreviations},
      {"sentence_soft_abbreviations", &Lexicons::sentence_soft_abbreviations},
      {"sentence_openers", &Lexicons::sentence_openers},
      {"elisions", &Lexicons::elisions},
      {"role_stops", &Lexicons::role_stops},
      {"pronouns", &Lexicons::pronouns},
      {"not_speaker_openings", &Lexicons::not_speaker_openings},
      {"be_forms", &Lexicons::be_forms},
      {"sentence_leads", &Lexicons::sentence_leads},
      {"subject_pronouns", &Lexicons::subject_pronouns},
      {"subject_pronoun_contractions", &Lexicons::subject_pronoun_contractions},
      {"title_small_words", &Lexicons::title_small_words},
      {"title_cues", &Lexicons::title_cues},
      {"title_possessives", &Lexicons::title_possessives},
      {"subordinators", &Lexicons::subordinators},
      {"articles", &Lexicons::articles},
      {"definite_articles", &Lexicons::definite_articles},
      {"possessive_determiners", &Lexicons::possessive_determiners},
      {"descriptor_nouns", &Lexicons::descriptor_nouns},
      {"relative_pronouns", &Lexicons::relative_pronouns},
      {"antecedent_pronouns", &Lexicons::antecedent_pronouns},
      {"pronouns_male", &Lexicons::pronouns_male},
      {"pronouns_female", &Lexicons::pronouns_female},
      {"pronouns_group", &Lexicons::pronouns_group},
      {"pronouns_neuter", &Lexicons::pronouns_neuter},
      {"role_prepositions", &Lexicons::role_prepositions},
      {"name_joints", &Lexicons::name_joints},
      {"office_joints", &Lexicons::office_joints},
      {"body_name_joints", &Lexicons::body_name_joints},
      {"generic_speaker_openings", &Lexicons::generic_speaker_openings},
      {"speaker_name_joining_words", &Lexicons::speaker_name_joining_words},
      {"cue_verbs", &Lexicons::cue_verbs},
      {"speaker_nouns", &Lexicons::speaker_nouns},
      {"group_speaker_nouns", &Lexicons::group_speaker_nouns},
      {"member_nouns", &Lexicons::member_nouns},
      {"body_modifier_endings", &Lexicons::body_modifier_endings},
      {"manner_adverbs", &Lexicons::manner_adverbs},
      {"message_nouns", &Lexicons::message_nouns},
      {"firm_nouns", &Lexicons::firm_nouns},
      {"firm_words", &Lexicons::firm_words},
      {"people_plural_endings", &Lexicons::people_plural_endings},
      {"subject_verb_openers", &Lexicons::subject_verb_openers},
      {"not_subject_words", &Lexicons::not_subject_words},
      {"clause_subject_pronouns", &Lexicons::clause_subject_pronouns},
      {"complementizers", &Lexicons::complementizers},
  };
  for (const auto& [name, member] : lists) {
    if (const std::optional<lexicon::ListId> id = lex.table->FindList(name)) {
      lex.*member = WordList(lex.table, *id);
    }
  }
  return lex;
}

void Lexicons::ToSegmenterOptions(text::SegmenterOptions* options) const {
  if (!options->lexicon) options->lexicon = table;
  if (options->sentence_openers.empty()) {
    options->sentence_openers.assign(sentence_openers.entries().begin(),
                                     sentence_openers.entries().end());
  }
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
  options->name_particles.assign(particles.entries().begin(), particles.entries().end());
}

void Lexicons::ToScannerOptions(quotes::ScannerOptions* options) const {
  if (options->elisions.empty()) {
    options->elisions.assign(elisions.entries().begin(), elisions.entries().end());
  }
  if (options->title_small_words.empty()) {
    options->title_small_words.assign(title_small_words.entries().begin(),
                                      title_small_words.entries().end());
  }
}

store::SpeakerScopeWords Lexicons::ToSpeakerScopeWords() const {
  // The store compares names with ASCII case folded, so entries are folded the same way.
  const auto lowered = [](const WordList& list) {
    store::SpeakerScopeWords::Words words;
    for (const std::string& w : list.entries()) words.insert(text::AsciiLower(w));
    return words;
  };
  store::SpeakerScopeWords words;
  words.generic_openings = lowered(generic_speaker_openings);
  words.joining_words = lowered(speaker_name_joining_words);
  words.group_nouns = lowered(group_speaker_nouns);
  return words;
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
