#include "whosaid/lexicon/manifest.h"

#include <filesystem>

#include "whosaid/lexicon/list_file.h"
#include "whosaid/rules/file_io.h"

namespace whosaid::lexicon {
namespace {

// The English pack's manifest, for a lexicon directory that has none (packs written before
// manifests existed): list names and file names, no words.
constexpr std::string_view kDefaultManifest = R"(
honorifics_male = honorifics_male.lst
honorifics_female = honorifics_female.lst
honorifics = titles.lst title_abbreviations.lst
first_names_female = first_names_female.lst
first_names_male = first_names_male.lst
not_names = not_names.lst
org_words = org_words.lst
role_nouns = role_nouns.lst
particles = particles.lst
abbreviations = abbreviations.lst
sentence_abbreviations = sentence_abbreviations.lst
sentence_soft_abbreviations = sentence_soft_abbreviations.lst
elisions = elisions.lst
role_stops = role_stops.lst
pronouns = pronouns.lst
not_speaker_openings = not_speaker_openings.lst
be_forms = be_forms.lst
sentence_leads = sentence_leads.lst
subject_pronouns = subject_pronouns.lst
subject_pronoun_contractions = subject_pronoun_contractions.lst
title_small_words = title_small_words.lst
title_cues = title_cues.lst
title_possessives = title_possessives.lst
subordinators = subordinators.lst
articles = articles.lst
definite_articles = definite_articles.lst
possessive_determiners = possessive_determiners.lst
descriptor_nouns = descriptor_nouns.lst
relative_pronouns = relative_pronouns.lst
antecedent_pronouns = antecedent_pronouns.lst
pronouns_male = pronouns_male.lst
pronouns_female = pronouns_female.lst
pronouns_group = pronouns_group.lst
role_prepositions = role_prepositions.lst
name_joints = name_joints.lst
office_joints = office_joints.lst
body_name_joints = body_name_joints.lst
generic_speaker_openings = generic_speaker_openings.lst
speaker_name_joining_words = speaker_name_joining_words.lst
group_speaker_nouns = group_speaker_nouns.lst
member_nouns = member_nouns.lst
body_modifier_endings = body_modifier_endings.lst
manner_adverbs = manner_adverbs.lst
message_nouns = message_nouns.lst
firm_nouns = firm_nouns.lst
firm_words = firm_words.lst
not_subject_words = not_subject_words.lst negations.lst
people_plural_endings = people_plural_endings.lst
subject_verb_openers = subject_verb_openers.lst
clause_subject_pronouns = clause_subject_pronouns.lst
)";

bool IsNameChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }
bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

}  // namespace

std::vector<ManifestList> ParseManifest(std::string_view path, std::string_view text,
                                        std::vector<rules::Diagnostic>* diagnostics) {
  std::vector<ManifestList> out;
  auto error = [&](int line, int col, std::string message) {
    if (diagnostics) {
      diagnostics->push_back(rules::Diagnostic::Error(std::string(path), line, col, message));
    }
  };
  ForEachLine(text, [&](std::string_view line, int line_no) {
    size_t i = 0;
    while (i < line.size() && IsBlank(line[i])) ++i;
    if (i == line.size() || line[i] == '#') return;
    ManifestList list;
    list.line = line_no;
    const size_t name_begin = i;
    while (i < line.size() && IsNameChar(line[i])) ++i;
    list.name = std::string(line.substr(name_begin, i - name_begin));
    while (i < line.size() && IsBlank(line[i])) ++i;
    if (list.name.empty() || i == line.size() || line[i] != '=') {
      error(line_no, rules::ColumnAt(line, i),
            "expected 'NAME = FILE...' (a name of lower-case letters, digits and _)");
      return;
    }
    ++i;
    while (true) {
      while (i < line.size() && IsBlank(line[i])) ++i;
      if (i == line.size()) break;
      if (list.files.empty()) list.files_col = rules::ColumnAt(line, i);
      const size_t b = i;
      while (i < line.size() && !IsBlank(line[i])) ++i;
      list.files.emplace_back(line.substr(b, i - b));
    }
    if (list.files.empty()) {
      error(line_no, rules::ColumnAt(line, i), "list '" + list.name + "' names no file");
      return;
    }
    out.push_back(std::move(list));
  });
  return out;
}

Result<std::shared_ptr<const WordTable>> LoadLexicon(const std::string& dir,
                                                     std::vector<rules::Diagnostic>* diagnostics) {
  std::vector<rules::Diagnostic> local;
  if (!diagnostics) diagnostics = &local;
  const size_t first_new = diagnostics->size();
  const std::filesystem::path base(dir);
  const std::filesystem::path manifest_path = base / kManifestFile;
  const Result<std::string> own = rules::ReadWholeFile(manifest_path.string());
  const bool has_manifest = own.ok();
  const std::string manifest_name = manifest_path.string();
  const std::vector<ManifestList> lists = ParseManifest(
      manifest_name, has_manifest ? std::string_view(*own) : kDefaultManifest, diagnostics);
  auto table = std::make_shared<WordTable>();
  for (const ManifestList& list : lists) {
    const std::optional<ListId> id = table->AddList(list.name);
    if (!id) {
      diagnostics->push_back(
          rules::Diagnostic::Error(manifest_name, list.line, 1,
                                   "more than " + std::to_string(WordTable::kMaxLists) + " lists"));
      continue;
    }
    for (const std::string& file : list.files) {
      const std::filesystem::path p = base / file;
      const Result<std::string> text = rules::ReadWholeFile(p.string());
      if (!text.ok()) {
        if (has_manifest) {
          diagnostics->push_back(rules::Diagnostic::Error(manifest_name, list.line, list.files_col,
                                                          "cannot read '" + file + "' of list '" +
                                                              list.name + "' (" + p.string() +
                                                              "): " + text.status().message()));
        }
        continue;
      }
      for (const std::string& entry : ParseListFile(p.string(), *text, diagnostics)) {
        if (!table->Add(*id, entry)) {
          diagnostics->push_back(rules::Diagnostic::Error(
              manifest_name, list.line, list.files_col,
              "list '" + list.name + "': more than " + std::to_string(WordTable::kMaxClasses) +
                  " distinct combinations of lists among the words ('" + entry + "')"));
          break;
        }
      }
    }
  }
  // A caller that collects diagnostics prints them: the status then only counts them (the
  // CLI printed each error twice). Without one, the status carries the first error.
  size_t errors = 0;
  const rules::Diagnostic* first_error = nullptr;
  for (size_t i = first_new; i < diagnostics->size(); ++i) {
    if (!(*diagnostics)[i].error) continue;
    if (!first_error) first_error = &(*diagnostics)[i];
    ++errors;
  }
  if (first_error) {
    if (diagnostics == &local) return ParseError(first_error->ToString());
    return ParseError(std::to_string(errors) + " error(s) in the lexicon " + manifest_name);
  }
  return std::shared_ptr<const WordTable>(std::move(table));
}

}  // namespace whosaid::lexicon
