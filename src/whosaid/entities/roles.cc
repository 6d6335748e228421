// The registry's second part: roles. Appositives ("Lena Ortiz, a former negotiator,"),
// role words before a name, "The ROLE, NAME," and the office a definite description names.
#include <algorithm>
#include <string>

#include "whosaid/entities/registry.h"
#include "whosaid/entities/registry_words.h"
#include "whosaid/text/char_class.h"
#include "whosaid/text/possessive.h"
#include "whosaid/text/utf8.h"

namespace whosaid::entities {

using registry_words::HasInnerWordIn;
using registry_words::LeadWord;
using text::AsciiLower;
using text::IsUpperCp;

std::optional<std::string> Registry::RoleAfter(uint32_t name_end) const {
  // ", a/an/the ROLE," or ", who …," directly after the name.
  std::string_view rest = text_.substr(name_end);
  if (rest.size() < 4 || rest[0] != ',' || rest[1] != ' ') return std::nullopt;
  rest.remove_prefix(2);
  // An age between the name and the role: "Jorge Arancibia, 71, a retired officer,".
  size_t digits = 0;
  while (digits < rest.size() && digits < 4 && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
  if (digits > 0 && digits < 4 && rest.substr(digits, 2) == ", ") rest.remove_prefix(digits + 2);
  // A role ends within kMaxRole bytes: search no further (searching the rest of the
  // document after every "Name, " was quadratic). The window holds a whole three-byte mark
  // that starts at kMaxRole; a stop found past kMaxRole rejects the role as one not found.
  constexpr size_t kMaxRole = 140;
  rest = rest.substr(0, kMaxRole + 3);
  size_t stop = FindRoleEnd(rest, lex_);  // not at the period of "Mr." or "U.S."
  // Curly and doubled quote marks and dashes end a role too ("the baker -- ``and then").
  for (std::string_view mark :
       {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x94", "\xE2\x80\x93", "--", "``", "''"}) {
    size_t m = rest.find(mark);
    if (m != std::string_view::npos && m < stop) stop = m;
  }
  while (stop != std::string_view::npos && stop > 0 && rest[stop - 1] == ' ') --stop;
  if (stop == std::string_view::npos || stop < 3 || stop > kMaxRole) return std::nullopt;
  std::string_view role = rest.substr(0, stop);
  const std::string_view lead = LeadWord(role);
  const bool article = lex_.articles.contains(lead);
  if (article || lex_.relative_pronouns.contains(lead)) {
    // Article appositives must name a role, not start a clause ("the day after …").
    if (article && !HasRoleNoun(role, 8)) return std::nullopt;
    return std::string(role);
  }
  // Bare role phrase: "Figueroa, spokeswoman for the campaign,", or a role noun among its
  // first words, all in lower case, when a comma closes it ("Sandra Okafor, cabinet member
  // for communities, said").
  // The words before the role noun modify it (no function word, verb of saying or name:
  // "told a voter", "and his wife"), and a preposition or "and" follows it, or nothing ("late
  // voters made up 45 percent" is a clause, "information officer Sean Smith" a list).
  constexpr int kBareRoleWords = 3;
  size_t b = 0;
  for (int words = 0; words < kBareRoleWords && b < role.size(); ++words) {
    size_t sp = role.find(' ', b);
    if (sp == std::string_view::npos) sp = role.size();
    const std::string_view word = role.substr(b, sp - b);
    if (lex_.role_nouns.contains(word)) {
      if (words == 0) return std::string(role);
      if (rest[stop] != ',') break;
      const std::string_view next = sp < role.size() ? LeadWord(role.substr(sp + 1)) : "";
      if (next.empty() || lex_.role_prepositions.contains(next) ||
          lex_.body_name_joints.contains(next)) {
        return std::string(role);
      }
      break;
    }
    const bool modifier =
        !word.empty() && word[0] >= 'a' && word[0] <= 'z' &&
        (!lex_.role_stops.contains(word) || lex_.possessive_determiners.contains(word)) &&
        !lex_.cue_verbs.contains(word);
    if (!modifier) break;
    b = sp + 1;
  }
  return std::nullopt;
}

std::string Registry::PlaceAfterName(uint32_t name_end) const {
  // " of " and capitalized words: " of Portugal", " of South Korea".
  std::string_view after = text_.substr(name_end);
  if (after.substr(0, 4) != " of ") return {};
  size_t stop = 4;
  while (stop < after.size() && stop < 60 && IsUpperCp(text::DecodeAt(after, stop).cp)) {
    const size_t sp = after.find_first_of(" ,.;:\n", stop);
    stop = sp == std::string_view::npos ? after.size() : sp;
    if (stop < after.size() && after[stop] == ' ' && stop + 1 < after.size()) {
      if (!IsUpperCp(text::DecodeAt(after, stop + 1).cp)) break;
      ++stop;
    } else {
      break;
    }
  }
  while (stop > 4 && after[stop - 1] == ' ') --stop;
  // A place in the possessive owns what follows: " of Capiz’s first district," (up to three
  // words in lower case or opening with a digit, none a cue verb or a word that ends a role,
  // then a comma).
  if (stop > 4 && text::HasPossessiveS(after.substr(4, stop - 4))) {
    size_t end = stop;
    for (int words = 0; words < 3 && end + 1 < after.size() && after[end] == ' '; ++words) {
      const char c = after[end + 1];
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) break;
      const size_t sp = after.find_first_of(" ,.;:\n", end + 1);
      const size_t word_end = sp == std::string_view::npos ? after.size() : sp;
      const std::string_view word = after.substr(end + 1, word_end - end - 1);
      if (lex_.cue_verbs.contains(word) || lex_.role_stops.contains(word)) break;
      end = word_end;
    }
    if (end > stop && end < after.size() && after[end] == ',') stop = end;
  }
  return stop > 4 ? std::string(after.substr(0, stop)) : std::string();
}

std::optional<std::string> Registry::RoleAppositiveBefore(uint32_t name_begin) const {
  // "The Canadian ambassador to Japan, Mark Hill, said": a phrase with a role noun that
  // starts with an article and ends with a comma before the name. It starts its sentence or
  // clause (after a dateline's dash too), or it is the last article's phrase in it ("said
  // the landlord, Desmond Byrne, had …").
  if (name_begin < 4 || text_.substr(name_begin - 2, 2) != ", ") return std::nullopt;
  const uint32_t end = name_begin - 2;
  uint32_t b = end;
  while (b > 0 && end - b < 120) {
    const char c = text_[b - 1];
    if (c == ',' || c == '.' || c == ';' || c == ':' || c == '\n' || c == '"') break;
    if (c == '-' && b >= 2 && text_[b - 2] == ' ') break;  // " - "
    if (b >= 3 && text_.substr(b - 3, 2) == "\xE2\x80" && (c == '\x94' || c == '\x93'))
      break;  // — –
    --b;
  }
  while (b < end && text_[b] == ' ') ++b;
  std::string_view phrase = text_.substr(b, end - b);
  // "Her deputy, Mark Fell,", "Ruiz’s deputy, Bo Lin,": a possessive opens a role phrase as
  // an article does.
  const std::string_view lead = LeadWord(phrase);
  // A possessive name opens a short phrase only: "Kasich’s chief strategist John Weaver says
  // in a statement that …, Kasich," is a clause.
  constexpr size_t kPossessiveRoleWords = 6;
  const bool possessive_name =
      lead.size() > 2 && lead[0] >= 'A' && lead[0] <= 'Z' && text::HasPossessiveS(lead) &&
      static_cast<size_t>(std::count(phrase.begin(), phrase.end(), ' ')) < kPossessiveRoleWords;
  if (!lex_.articles.contains(lead) && !lex_.possessive_determiners.contains(lead) &&
      !possessive_name) {
    // The last article or possessive determiner inside the phrase opens the role ("Mayor
    // Ruth Ellis and her challenger, Joan Pritchard,").
    size_t at = std::string_view::npos;
    for (size_t sp = phrase.find(' '); sp != std::string_view::npos;
         sp = phrase.find(' ', sp + 1)) {
      const std::string_view word = LeadWord(phrase.substr(sp + 1));
      if (lex_.articles.contains(word) || lex_.possessive_determiners.contains(word)) at = sp + 1;
    }
    if (at == std::string_view::npos) return std::nullopt;
    phrase.remove_prefix(at);
  }
  if (!HasRoleNoun(phrase, INT32_MAX)) return std::nullopt;
  // "a joint news conference with Libya’s foreign minister, NAME,": the role is what follows
  // the last preposition when the words before it name no role ("a spokesman for the
  // minister, NAME," stays whole).
  for (size_t sp = phrase.rfind(' '); sp != std::string_view::npos && sp > 0;
       sp = phrase.rfind(' ', sp - 1)) {
    // The word that ends at `sp`, and the words before it.
    const size_t blank = phrase.rfind(' ', sp - 1);
    if (blank == std::string_view::npos) break;  // the first word: nothing before it
    const std::string_view joint = phrase.substr(blank + 1, sp - blank - 1);
    const std::string_view before = phrase.substr(0, blank);
    if (!lex_.role_prepositions.contains(joint) || before.empty()) continue;
    const std::string_view after = phrase.substr(sp + 1);
    if (HasRoleNoun(after, INT32_MAX) && !HasRoleNoun(before, INT32_MAX)) {
      return std::string(after);
    }
    break;
  }
  return std::string(phrase);
}

bool Registry::HasRoleNoun(std::string_view phrase, int max_words) const {
  size_t pos = 0;
  for (int words = 0; pos < phrase.size() && words < max_words; ++words) {
    size_t sp = phrase.find(' ', pos);
    if (sp == std::string_view::npos) sp = phrase.size();
    const std::string_view w = phrase.substr(pos, sp - pos);
    // A title-cased office counts too ("The Commissioner for Information, Mr. Ade,", "The
    // Turkish President"), but not a title before a name ("Father Jacques Hamel").
    const bool name_follows =
        sp + 1 < phrase.size() && phrase[sp + 1] >= 'A' && phrase[sp + 1] <= 'Z';
    if (lex_.role_nouns.contains(w) || (!w.empty() && w[0] >= 'A' && w[0] <= 'Z' && !name_follows &&
                                        lex_.role_nouns.contains(AsciiLower(w)))) {
      return true;
    }
    pos = sp + 1;
  }
  return false;
}

bool Registry::ReportsSpeech(std::string_view clause) const {
  size_t sp = clause.find(' ');
  for (int words = 0; words < 2 && sp != std::string_view::npos; ++words) {
    const size_t next = clause.find(' ', sp + 1);
    const std::string_view word = clause.substr(
        sp + 1, next == std::string_view::npos ? std::string_view::npos : next - sp - 1);
    if (lex_.cue_verbs.contains(word)) return true;
    sp = next;
  }
  return false;
}

bool Registry::IsRoleNoun(const Token& token) const {
  return In(lex_.role_nouns, token) || lex_.role_nouns.contains(AsciiLower(token.word));
}

std::optional<std::string> Registry::RoleBefore(const std::vector<Token>& tokens,
                                                size_t first) const {
  // Walk back from the word before the name while the words are joined and not function
  // words; the word next to the name must be a role noun ("pollster", "spokeswoman").
  if (first == 0 || !tokens[first].joined) return std::nullopt;
  const Token& head = tokens[first - 1];
  if (!IsRoleNoun(head)) return std::nullopt;
  size_t b = first - 1;
  int count = 1;
  // Joined, or after a possessive: "Attorney General’s Office spokeswoman".
  auto joined = [&](size_t k) {
    if (tokens[k].joined) return true;
    const std::string_view gap =
        text_.substr(tokens[k - 1].span.end, tokens[k].span.begin - tokens[k - 1].span.end);
    return gap == "\xE2\x80\x99s " || gap == "'s ";
  };
  while (b > 0 && joined(b) && count < 7) {
    const Token& prev = tokens[b - 1];
    // A possessive determiner opens the phrase and ends the walk: "Her colleague Professor
    // Ian Mott" has the role "Her colleague Professor".
    if (In(lex_.possessive_determiners, prev) && count > 1) {
      --b;
      break;
    }
    // role_stops.lst: function words that end a role phrase, but for an "and" between two
    // role nouns ("Poet and critic Rawiri Te Kani").
    if (In(lex_.role_stops, prev) || lex_.role_stops.contains(AsciiLower(prev.word))) {
      const bool two_roles = b >= 2 && lex_.body_name_joints.contains(prev.word) && joined(b - 1) &&
                             IsRoleNoun(tokens[b - 2]);
      if (!two_roles) break;
      b -= 2;
      count += 2;
      continue;
    }
    --b;
    ++count;
  }
  return std::string(text_.substr(tokens[b].span.begin, head.span.end - tokens[b].span.begin));
}

std::optional<int> Registry::PersonByRole(std::string_view mention, uint32_t at) const {
  // "the senator", and "her daughter" once "Her daughter, Helen Moore," named her.
  const std::string_view lead = LeadWord(mention);
  if (!lex_.definite_articles.contains(lead) && !lex_.possessive_determiners.contains(lead)) {
    return std::nullopt;
  }
  const size_t sp = mention.rfind(' ');
  const std::string head = AsciiLower(mention.substr(sp + 1));
  if (!lex_.role_nouns.contains(head) || HasInnerWordIn(mention, lex_.office_joints)) {
    return std::nullopt;
  }
  const auto holders = office_holders_.find(head);
  if (holders == office_holders_.end()) return std::nullopt;
  // The capitalized words between the article and the office ("Florida" in "the Florida
  // senator", "Treasury" in "the Treasury secretary") must stand in the person's role.
  std::vector<std::string> modifiers;
  for (size_t b = mention.find(' ') + 1; b < sp;) {
    size_t e = mention.find(' ', b);
    if (e == std::string_view::npos || e > sp) e = sp;
    if (mention[b] >= 'A' && mention[b] <= 'Z')
      modifiers.push_back(AsciiLower(mention.substr(b, e - b)));
    b = e + 1;
  }
  auto holds_word = [](const std::string& role, std::string_view word) {
    for (size_t at = role.find(word); at != std::string::npos; at = role.find(word, at + 1)) {
      const bool starts = at == 0 || role[at - 1] == ' ' || role[at - 1] == '-';
      const size_t end = at + word.size();
      const bool ends = end == role.size() || role[end] == ' ' || role[end] == ',' ||
                        role[end] == '.' || role[end] == '-';
      if (starts && ends) return true;
    }
    return false;
  };
  // A person whose current role holds the office as a word ("Former President" for "the
  // former president") and the capitalized words. A possessive's is the same phrase: "her
  // daughter" after "Her daughter, Helen Moore," (not "his lawyer" after "Clinton's lawyer").
  const bool possessive = !lex_.definite_articles.contains(lead);
  auto fits = [&](int k) {
    const Entity& e = entities_[k];
    if (e.kind != EntityKind::kPerson || !e.role) return false;
    const std::string role = AsciiLower(*e.role);
    if (possessive) return role == AsciiLower(mention);
    return holds_word(role, head) &&
           std::all_of(modifiers.begin(), modifiers.end(),
                       [&](const std::string& m) { return holds_word(role, m); });
  };
  // The one named last before the description ("the coach said" after Valenzuela, who is
  // Huasco's coach, was named), looking back over a bounded number of mentions.
  auto m = MentionsFrom(at);
  for (int steps = 0; m != mentions_.begin() && steps < 400; ++steps) {
    --m;
    if (m->entity >= 0 && holders->second.count(m->entity) && fits(m->entity)) return m->entity;
  }
  // Else the latest such person; when the description has no capitalized words, the one
  // person who holds the office at all ("the GOP front-runner" is not the one Democratic
  // front-runner named).
  std::optional<int> only;
  int holding = 0;
  for (auto k = holders->second.rbegin(); k != holders->second.rend(); ++k) {
    const Entity& e = entities_[*k];
    if (e.kind != EntityKind::kPerson || !e.role) continue;
    if (fits(*k)) return *k;
    if (!holds_word(AsciiLower(*e.role), head)) continue;
    ++holding;
    only = *k;
  }
  if (holding == 1 && modifiers.empty() && !possessive) return only;
  return std::nullopt;
}

void Registry::SetRoleIfMissing(int entity, std::string role) {
  if (entity < 0 || role.empty()) return;
  if (!entities_[entity].role) SetRole(entity, std::move(role), /*is_title=*/false);
}

void Registry::SetRoleFromRule(int entity, std::string role) {
  if (entity < 0 || role.empty()) return;
  const Entity& e = entities_[entity];
  if (e.role && !e.role_is_title && e.role->size() > role.size() + 1 && e.role->starts_with(role) &&
      (*e.role)[role.size()] == ' ') {
    SetRole(entity, std::move(role), /*is_title=*/false);
    return;
  }
  SetRoleIfMissing(entity, std::move(role));
}

void Registry::SetRole(int entity, std::string role, bool is_title) {
  Entity& e = entities_[entity];
  if (e.kind == EntityKind::kPerson) {
    // Every role noun that ends a word of the role ("president" in "vice-president").
    const std::string lower = AsciiLower(role);
    size_t b = 0;
    while (b < lower.size()) {
      size_t end = lower.find(' ', b);
      if (end == std::string::npos) end = lower.size();
      for (size_t p = b; p < end; ++p) {
        const std::string_view suffix = std::string_view(lower).substr(p, end - p);
        if (lex_.role_nouns.contains(suffix)) office_holders_[std::string(suffix)].insert(entity);
      }
      b = end + 1;
    }
  }
  e.role = std::move(role);
  e.role_is_title = is_title;
}

}  // namespace whosaid::entities
