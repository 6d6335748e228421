// The people and bodies of one document. Scan() finds person names (capitalized word runs
// with particles, honorifics and titles), links surname and honorific mentions ("Ms. Ruiz",
// "Becker") to the full name seen earlier, and collects roles from titles, premodifiers
// ("longtime pollster Pat Caddell"), appositives ("Lena Ortiz, a former negotiator") and
// "who" clauses. Resolve() maps a speaker mention found by a rule to an entity, resolving
// pronouns to the nearest compatible person.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "whosaid/entities/person_index.h"
#include "whosaid/entities/word_list.h"
#include "whosaid/text/segmenter.h"
#include "whosaid/text/span.h"

namespace whosaid::entities {

enum class Gender { kUnknown, kFemale, kMale };
enum class EntityKind { kPerson, kBody };

struct Entity {
  std::string name;  // canonical: the fullest form seen
  EntityKind kind = EntityKind::kPerson;
  Gender gender = Gender::kUnknown;
  std::optional<std::string> role;  // first role found
  bool role_is_title = false;       // role is only a title before the name ("Dr.")
  std::string surname;              // last name token (persons)
  std::string first_name;
};

struct EntityMention {
  text::ByteSpan span;  // the name words, without honorific or possessive ’s
  int entity = -1;
  bool sentence_initial = false;  // the first words of its sentence (likely a subject)
};

struct Resolution {
  int entity = -1;  // index into entities(), or -1
  bool pronoun = false;
  // Role words that stood before the name in the mention ("Tulsa police Chief" in "Tulsa
  // police Chief Chuck Jordan").
  std::optional<std::string> role;
};

class Registry {
 public:
  explicit Registry(const Lexicons& lexicons) : lex_(lexicons) {}

  // Finds the names and roles of a document, outside the quotes `skip` (sorted byte spans:
  // names inside a quotation are not the story's mentions). Call once, before Resolve().
  void Scan(std::string_view text, const text::Segmentation& seg,
            const std::vector<text::ByteSpan>& skip = {});

  // Resolves the speaker mention at `span` (text()[span] is the mention) to an entity,
  // creating a person or body entity for a name seen nowhere else. `previous_speaker` is the
  // entity of the closest earlier attributed quote (-1 if none): pronouns prefer it.
  Resolution Resolve(text::ByteSpan span, int previous_speaker);

  // The name a relative pronoun at `pronoun` follows ("Ana Ruiz, who …", a comma or a dash
  // between them or not): the mention that ends there, else the capitalized words there;
  // none when a lower-case word comes before it. Call after Scan().
  std::optional<text::ByteSpan> Antecedent(text::ByteSpan pronoun) const;
  // A definite description ending at token `k - 1` ("The port authority"), or none.
  std::optional<text::ByteSpan> DefiniteDescriptionEndingAt(size_t k) const;

  // Whether the pronoun at `pronoun` ("he", "she") stands for `previous`, the speaker of the
  // statement before, named at `previous_mention` earlier in the same sentence: "The
  // prosecutor said the money came late, and he dismissed what he called “…”". Only when the
  // gender fits and nobody else is named between them.
  bool ContinuesSpeaker(text::ByteSpan pronoun, text::ByteSpan previous_mention,
                        int previous) const;
  // The gender a pronoun gives its person (pronouns_female.lst, pronouns_male.lst), else
  // unknown.
  Gender PronounGender(std::string_view word) const;

  // Records a role for an entity (from a rule's ROLE slot) unless it has one.
  void SetRoleIfMissing(int entity, std::string role);
  // A rule's ROLE slot that ends where the entity's role goes on ("the captain who led the
  // campaign" against "… the campaign said on Monday": no comma closed the appositive, so
  // the registry read on to the sentence's end) cuts the role to it. Else SetRoleIfMissing.
  void SetRoleFromRule(int entity, std::string role);

  const std::vector<Entity>& entities() const { return entities_; }
  const std::vector<EntityMention>& mentions() const { return mentions_; }

 private:
  struct Token;
  // Where the name starts in tokens [b, e): after words that never start a name and after
  // honorifics and titles, whose gender and title words are collected.
  struct NameStart {
    size_t begin;
    Gender gender = Gender::kUnknown;
    std::string title;  // title words ("Prime Minister"), gendered honorifics excluded
    bool honorific = false;
  };
  // The registry's tokens for the part `range` of the text, read off the document's token
  // stream `stream` (mentions.cc).
  void WordTokens(const text::Segmentation& seg, text::ByteSpan range,
                  std::vector<Token>* out) const;
  // True when the token's word is in `list` (a bit test with the tokens' lexicon).
  bool In(const WordList& list, const Token& token) const;
  NameStart SkipToName(const std::vector<Token>& tokens, size_t b, size_t e) const;
  // A first name of the lexicon's lists ("Ana", "Tom").
  bool IsKnownFirstName(const Token& token) const;
  // An honorific or title ("Sen.", "Prime", "Minister", "Mrs.").
  bool IsTitle(const Token& token) const;
  // Where the last block of titles inside tokens [b, e) starts, when a word follows it
  // ("Florida Sen. Marco Rubio": "Sen."): what comes before it is no part of the name. Else b.
  size_t LastTitleBlock(const std::vector<Token>& tokens, size_t b, size_t e) const;
  // Where a name starts in tokens [b, e) that may hold an organisation word: b when none
  // does; after the last one when it ends an office's title that a title or role noun opens,
  // among the joined words (at most 8) before it, and two or more words follow it ("Leader
  // of Opposition in the House Pradeep Meshram", "Secretary of State John Kerry"); none when
  // the words are a body's ("Bank Negara Malaysia", "the State Department").
  std::optional<size_t> NameAfterOffice(const std::vector<Token>& tokens, size_t b, size_t e) const;
  // The role a title before a name gives: the capitalized words before the titles in the
  // run (tokens [run_start, title_begin)) and the title words, less an abbreviated honorific
  // that ends them ("Municipal Commissioner Dr." → "Municipal Commissioner").
  std::string TitleRole(const std::vector<Token>& tokens, size_t run_start, size_t title_begin,
                        std::string title) const;
  // A paragraph that is a headline, section label or subhead: no final mark, every word
  // capitalized or a small title word (the pack's title_small_words).
  bool IsHeadingLine(std::string_view text, text::ByteSpan para,
                     const std::vector<Token>& tokens) const;
  // Tokens [b, e) (a run of capitalized words) and the words before them in their paragraph
  // are a label ending with a colon that opens with an article: "The Gap Goes On: It was …"
  // ("Cecile Richards: ‘…’" names its speaker).
  bool OpensParagraphAsLabel(const std::vector<Token>& tokens, size_t b, size_t e) const;
  // Tokens [b, e) are in title case: capitalized, but for the pack's small words ("of",
  // "the": title_small_words.lst).
  bool TitleCaseWords(const std::vector<Token>& tokens, size_t b, size_t e) const;
  // Tokens [b, e) are the title of a work set off by commas after a noun that names one
  // (title_cues.lst): "In her 2003 book, Living History, Clinton noted …".
  bool IsWorkTitleAppositive(const std::vector<Token>& tokens, size_t b, size_t e) const;
  // Tokens [b, e) are words in capitals ("CONGRESS HAS INVESTIGATED"), not initials.
  static bool AllCapitals(const std::vector<Token>& tokens, size_t b, size_t e);
  // Tokens [b, e) are short enough for a name: at most four capitalized words and seven in
  // all, particles counted ("Luis Alberto de la Cruz Méndez"). Scan() and Resolve() agree.
  static bool NameLengthFits(const std::vector<Token>& tokens, size_t b, size_t e);
  // Leaves out the nickname tokens that are not a name's given name (Robert "Bob" Smith
  // is Robert Smith; Sometimes "Mike" Christian is Mike Christian).
  void DropNicknames(std::vector<Token>* tokens) const;
  bool HasRoleNoun(std::string_view phrase, int max_words) const;
  // A "who" clause that reports what the person said: its verb, one of its first two words
  // after the pronoun ("who said she …", "who also told …"), is a cue verb.
  bool ReportsSpeech(std::string_view clause) const;
  // `words`: the words of a name mention, in order (views into the text).
  int FindPerson(const std::vector<std::string_view>& words) const;
  int AddOrMergePerson(const std::vector<std::string_view>& words, Gender gender);
  int ResolvePronoun(text::ByteSpan span, Gender gender, bool plural, int previous_speaker) const;
  // `word` starts with a capital, or with a particle of the pack, a hyphen or apostrophe and
  // a capital ("el-Mansouri"): a word that can end a person's name.
  bool CapitalizedNameWord(std::string_view word) const;

  // The entity first mentioned in sentence `sentence - 1` (after an opening subordinate
  // clause), when that sentence is in the same paragraph; -1 otherwise. When that sentence
  // closes the paragraph before (this one opens with the pronoun's sentence or quotation),
  // only a name opening it counts, and `previous_speaker` named in it wins.
  int PreviousSentenceSubject(size_t sentence, int previous_speaker) const;
  // The person or body sentence `sentence` opens with (PreviousSentenceSubject's reading of
  // one sentence); across a paragraph break only a name that opens it, or the previous
  // speaker when named there.
  int SubjectOfSentence(size_t sentence, bool across_paragraphs, int previous_speaker) const;
  // The gendered subject pronoun ("She", "he") opening the sentence before `sentence`, in the
  // same paragraph and outside quotations, when its gender is `gender`.
  std::optional<text::ByteSpan> SamePronounOpening(size_t sentence, Gender gender) const;
  // True when the word before byte `byte` (over an article) is a preposition of
  // role_prepositions: a name there is inside a phrase ("director of the Lach Port").
  bool AfterPreposition(uint32_t byte) const;
  // The first of mentions_ that starts at byte `byte` or after (they are in text order).
  std::vector<EntityMention>::const_iterator MentionsFrom(uint32_t byte) const;
  // The index of the first token of the segmentation that starts at byte `byte` or after.
  size_t TokenAt(uint32_t byte) const;
  // The last of quotations_ that opens at byte `byte` or before it, or null.
  const text::ByteSpan* QuotationOpenedBy(uint32_t byte) const;
  // True when a quotation holds byte `byte` (opens at or before it and runs past it).
  bool Quoted(uint32_t byte) const;
  // True when the text from `owner_end` to `name_begin` is a possessive and at most four
  // words ending with a role noun, then a comma or not: "Kansai Sky's president, " (the
  // name after it holds a role of the owner's). With `owned` (the owner itself came after
  // a possessive) the words need no possessive: "Trump's Indiana chairman, Rex Early".
  bool OwnsRoleOf(uint32_t owner_end, uint32_t name_begin, bool owned) const;
  void NoteGender(int entity, Gender gender);
  // The body that "Members of the Harbor Residents’ Association" speak for (member_nouns.lst,
  // a preposition, a name holding an organisation word), or none.
  std::optional<std::string> BodyOfMembers(std::string_view mention) const;
  std::optional<std::string> RoleAfter(uint32_t name_end) const;
  std::optional<std::string> RoleBefore(const std::vector<Token>& tokens, size_t first) const;
  // A word of role_nouns.lst as written or lower-cased ("Poet", "critic").
  bool IsRoleNoun(const Token& token) const;
  std::optional<std::string> RoleAppositiveBefore(uint32_t name_begin) const;
  // The place a title before the name belongs to: " of Portugal" in "President Ana Ruiz of
  // Portugal" (empty when none follows the name).
  std::string PlaceAfterName(uint32_t name_end) const;
  int BodyEntity(std::string name);
  // Bodies named in the narrative (named_bodies.cc): records those in `tokens` (a
  // paragraph's, outside quotations) and the acronyms defined for them.
  void NoteNamedBodies(const std::vector<Token>& tokens);
  // A group the narrative names with a common noun, subject of the pronoun's sentence before
  // the pronoun or of the sentence before it in its paragraph (plural_subject.cc): "they"
  // after "Residents were split." is the residents.
  std::optional<text::ByteSpan> PluralSubjectBefore(text::ByteSpan pronoun) const;
  // The subject phrase opening sentence `sentence`, ending before byte `before`, when it is
  // headed by a plural common noun and a verb follows it.
  std::optional<text::ByteSpan> PluralSubjectOf(size_t sentence, uint32_t before) const;
  bool PluralNoun(std::string_view lower_word) const;
  // Firms (firms.cc): records the names set beside a firm noun in `tokens` ("The operator,
  // Adria Linija,"); NoteNamedBodies records the bodies named with a firm's word.
  void NoteFirms(const std::vector<Token>& tokens);
  // The firm named last before byte `at`: what "the company" there stands for; else the
  // story's lead subject when nothing shows it to be a person.
  std::optional<std::string> FirmBefore(uint32_t at) const;
  // The index in mentions_ of the first name that opens one of the story's first sentences
  // that end with a stop (after a dateline's dash, if any), a word in lower case after it,
  // and that nothing shows to be a person's (no gender, role or known first name).
  std::optional<int> LeadSubject() const;
  void AddFirm(text::ByteSpan span);
  // True when ", " alone stands between the two tokens.
  bool CommaBetween(const Token& a, const Token& b) const;
  // The body named last before byte `at` that has the organisation word `head` ("the
  // department" → "Oklahoma Department of Environmental Quality").
  std::optional<std::string> NamedBodyBefore(std::string_view head, uint32_t at) const;
  // The body named last before byte `at`, in its sentence or one of the two before: what an
  // "it" there stands for when no body is a mention ("The Harbor Authority closed the dock.
  // “…,” it said.").
  std::optional<std::string> NamedBodyNear(uint32_t at) const;
  // The body an acronym defined in brackets after its name stands for ("NMC").
  std::optional<std::string> AcronymBody(std::string_view acronym) const;
  // Who issued the message a definite "the statement" at byte `at` refers to: the first
  // person or body named in the sentence of the noun's last use before ("The NMC, in a press
  // note issued on Sunday, …").
  std::optional<int> IssuerOf(std::string_view noun, uint32_t at);
  // The entity named first in bytes [begin, end): a person's mention or a body the narrative
  // names, whichever starts first (the person at the same byte, which cannot happen: a run
  // that holds an organisation word gives no person mention).
  std::optional<int> FirstNamedIn(uint32_t begin, uint32_t end);
  // Sets the role of `entity` and indexes it for PersonByRole (roles.cc).
  void SetRole(int entity, std::string role, bool is_title);
  // The person whose role contains the office that a definite description at byte `at`
  // names, the one named last before it first: "the former president" → the person with
  // role "Former President".
  std::optional<int> PersonByRole(std::string_view mention, uint32_t at) const;
  size_t SentenceOf(uint32_t byte) const;
  // True when a sentence of the segmentation ends at `byte` (one past its last byte).
  bool EndsSentence(uint32_t byte) const;
  // The firm the sentence holding byte `at` opens with, before it: "The company" in "The
  // company expects …, it said" (firms.cc).
  std::optional<text::ByteSpan> OpeningFirmDescription(uint32_t at) const;
  // The capitalized words that open the sentence holding byte `at` (or the one before) as
  // its subject, when they name no person: "Acme" in "Acme disputes that. … it said".
  std::optional<std::string> CapitalizedSubjectBefore(uint32_t at) const;
  // True when `token` is the first of its sentence.
  bool OpensSentence(const Token& token) const;

  const Lexicons& lex_;
  std::string_view text_;
  const text::Segmentation* seg_ = nullptr;
  std::vector<Entity> entities_;
  std::vector<EntityMention> mentions_;          // sorted by position
  std::vector<text::ByteSpan> quotations_;       // Scan()'s `skip`: sorted, no mentions inside
  PersonIndex persons_;                          // the persons of entities_, by their names
  std::unordered_map<std::string, int> bodies_;  // the bodies of entities_, by name
  // The latest body of several words under its last word in lower case ("ministry" for
  // "fisheries ministry"): what "the ministry" names.
  std::unordered_map<std::string, int> body_heads_;
  struct NamedBody {
    text::ByteSpan span;  // where the story names it
    text::ByteSpan name;  // its full name: the span itself, or for an acronym the name's
  };
  std::string NameOf(const NamedBody& body) const {
    return std::string(text_.substr(body.name.begin, body.name.size()));
  }
  std::vector<NamedBody> named_bodies_;  // in text order (an acronym's uses too)
  // The first of named_bodies_ named at byte `byte` or after (MentionsFrom's twin).
  std::vector<NamedBody>::const_iterator NamedBodiesFrom(uint32_t byte) const;
  // Lower-case organisation word → indices of named_bodies_ whose names hold it, in order.
  std::unordered_map<std::string, std::vector<size_t>> named_body_heads_;
  std::unordered_map<std::string, text::ByteSpan> acronyms_;  // "NMC" → its body's name
  std::vector<text::ByteSpan> firms_;  // where the story names its firms, in text order
  // Persons whose role has a word ending with a role noun, under that noun: the candidates
  // of PersonByRole, each checked against the person's current role (no scan over all).
  std::unordered_map<std::string, std::set<int>> office_holders_;
};

}  // namespace whosaid::entities
