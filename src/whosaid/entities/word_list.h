// One list of a lexicon's word table (lexicon/word_table.h): a handle, cheap to copy. The
// lists of a pack are read by lexicon::LoadLexicon, from the files its manifest names.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/lexicon/word_table.h"
#include "whosaid/quotes/scanner.h"
#include "whosaid/rules/diagnostic.h"
#include "whosaid/status.h"
#include "whosaid/store/speaker_scope.h"
#include "whosaid/text/segmenter.h"

namespace whosaid::entities {

class WordList {
 public:
  WordList() = default;  // an empty list
  WordList(std::shared_ptr<const lexicon::WordTable> table, lexicon::ListId id)
      : table_(std::move(table)), id_(id) {}
  // A list of its own from list-file text (one entry a line, as lexicon/list_file.h reads
  // them): for callers and tests that build lexicons by hand.
  static WordList FromString(std::string_view lines);

  bool contains(std::string_view word) const { return table_ && table_->Contains(id_, word); }
  // The same answer from the lists a word was found in (WordTable::ListsOf) when they come
  // from this list's table: a bit test instead of a lookup. Else looks `word` up.
  bool contains(const lexicon::WordTable* table, uint64_t lists, std::string_view word) const {
    return table_.get() == table && table ? ((lists >> id_) & 1u) != 0 : contains(word);
  }
  size_t size() const { return entries().size(); }
  // Every entry, in file order.
  const std::vector<std::string>& entries() const;

 private:
  std::shared_ptr<const lexicon::WordTable> table_;
  lexicon::ListId id_ = 0;
};

// The word lists that name finding and resolution use, loaded from a rule pack's lexicon/.
struct Lexicons {
  WordList honorifics_male;    // Mr.
  WordList honorifics_female;  // Ms. Mrs.
  WordList honorifics;         // Dr. Sen. Gov. President Minister … (gender-neutral titles:
                               // titles.lst and title_abbreviations.lst)
  WordList first_names_female;
  WordList first_names_male;
  WordList not_names;      // capitalized words that do not start a name: The, But, Monday …
  WordList org_words;      // words that make a capitalized run a body: Party, House …
  WordList role_nouns;     // spokesman, senator, analyst … (heads of role phrases)
  WordList particles;      // de, la, van, von … inside names
  WordList abbreviations;  // U.S. Jan. St. … (with their period; titles are in honorifics)
  WordList sentence_abbreviations;       // Mr. Jan. U.S. …: a period after one never ends
                                         // a sentence (the segmenter's options)
  WordList sentence_soft_abbreviations;  // Inc. Jr. a.m. …: ends one only before a capital
  WordList sentence_openers;  // He The But …: open a sentence even after "U.S." or "Calif."
  WordList elisions;          // em til cause n …: a single mark before one is an apostrophe
                              // (the quote scanner's options)
  WordList role_stops;        // the, said, of, according … : lower-case words that end a role
                              // phrase when the registry walks back from a name
  // Word classes of the attributor's checks and sieves.
  WordList pronouns;                      // He he She … I We: a speaker slot of only these
                                          // is a speaker (pronouns.lst, also the PRON macro)
  WordList not_speaker_openings;          // when, of, regarding …: a speaker slot opening
                                          // with one caught a clause or phrase
  WordList be_forms;                      // is was are were: a speaker slot ending with one
                                          // caught a clause
  WordList sentence_leads;                // But And So Yet: skipped before a subject pronoun
  WordList subject_pronouns;              // He she …: a sentence's opening subject
  WordList complementizers;               // that: opens a reported statement and is part of
                                          // it ("said that the port will close")
  WordList clause_subject_pronouns;       // he she they: the subject of a clause, wherever
                                          // it stands in the sentence
  WordList subject_pronoun_contractions;  // He She They (as in "He’s"): the same, contracted
  WordList title_small_words;             // a the of …: lower-case words of a title-case quote
  WordList title_cues;                    // on, the film, host of …: before a title of a work
  WordList title_possessives;  // his, her …: before a title-case quote of 2+ words, a title
  WordList subordinators;      // As After When …: open a subordinate clause, so the
                               // subject follows its comma
  // Word classes of the registry.
  WordList articles;                // a an the: open a role phrase or a description
  WordList definite_articles;       // the: "the senator" (an office), "the White House" (a body)
  WordList possessive_determiners;  // his her their: "Her deputy, Mark Fell," is a role
  WordList descriptor_nouns;        // teenager, German: "the German said" is the person named last
  WordList relative_pronouns;       // who whose: open an appositive clause after a name
  WordList antecedent_pronouns;     // who which: a speaker mention standing for the name before it
  WordList message_nouns;           // statement, letter …: "a statement from X" is X's
  WordList firm_nouns;              // company, operator …: "the company" is the firm named last
  WordList firm_words;              // Ltd., Holdings …: a body named with one is a firm
  WordList people_plural_endings;   // ers, ists, men …: plural nouns for people
  WordList subject_verb_openers;    // have, also …: a word after a sentence's subject
  WordList not_subject_words;       // will, would, did …: modals and auxiliaries
  WordList pronouns_male;           // he him: the gender a pronoun gives its person
  WordList pronouns_female;         // she her
  WordList pronouns_group;          // they we it: a group or body
  WordList pronouns_neuter;         // it: a body, never a person ("it said" after "the Harbor
                                    // Authority" is the authority)
  WordList role_prepositions;  // for of at …: role words joined to a body ("a spokesman for X")
  WordList name_joints;        // of from: "Mr. Morgan of the Sierra Club" is Mr. Morgan
  WordList office_joints;      // of for: "the president of the union" is no office holder
  WordList body_name_joints;   // of for and &: inside a body's name ("Department of Labor")
  // Word classes of the quote store: which speakers it shares across stories.
  WordList generic_speaker_openings;    // a one some he his …: first in a name, generic
  WordList speaker_name_joining_words;  // of and for & …: lower case inside a named body
  WordList cue_verbs;            // said, told, pointed out …: no speaker phrase opens with one
  WordList speaker_nouns;        // spokesman, official, campaign …: the head of a speaker phrase
  WordList group_speaker_nouns;  // police officials witnesses …: generic on their own
  WordList member_nouns;         // members leaders …: "Members of BODY" speak for the body
  WordList body_modifier_endings;  // based owned …: "the Lilongwe-based Centre" is the Centre
  WordList manner_adverbs;         // also repeatedly …: "Trump repeatedly" is Trump

  // True when `word` and the period after it are an abbreviation (of abbreviations or of the
  // honorifics lists: "U.S", "Mr", "Sen") or initials ("W", "J.D"): the period ends no
  // sentence, clause or role.
  bool IsAbbreviation(std::string_view word) const;

  // Fills the segmenter's abbreviation options from sentence_abbreviations (plus every
  // entry of abbreviations and the honorific lists that ends with a period) and
  // sentence_soft_abbreviations, unless the caller gave lists of its own.
  void ToSegmenterOptions(text::SegmenterOptions* options) const;

  // Fills the quote scanner's elisions from elisions, unless the caller gave its own.
  void ToScannerOptions(quotes::ScannerOptions* options) const;

  // The quote store's speaker-scope words (store/speaker_scope.h), lower-cased, from
  // generic_speaker_openings, speaker_name_joining_words and group_speaker_nouns.
  store::SpeakerScopeWords ToSpeakerScopeWords() const;

  // The pack's word table, which every list above is a view of (null for lexicons built by
  // hand); rules and later stages look words up in it by list name.
  std::shared_ptr<const lexicon::WordTable> table;

  // Loads the lexicon of `lexicon_dir` (lexicon::LoadLexicon: its manifest, or the English
  // pack's file names when it has none) and binds the lists above by name; a list the
  // manifest does not declare is empty. Problems go to *diagnostics (may be null).
  static Result<Lexicons> Load(const std::string& lexicon_dir,
                               std::vector<rules::Diagnostic>* diagnostics = nullptr);
};

// The first of , . ; : ( ) " or a line break in `text`, or npos, where a period after an
// abbreviation or initials (Lexicons::IsAbbreviation) does not count: where a role that
// starts `text` ends ("an adviser to Mr. Ruiz, …").
size_t FindRoleEnd(std::string_view text, const Lexicons& lex);

}  // namespace whosaid::entities
