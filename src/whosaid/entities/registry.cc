#include "whosaid/entities/registry.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "whosaid/text/char_class.h"
#include "whosaid/text/chunks.h"
#include "whosaid/text/nickname.h"
#include "whosaid/text/utf8.h"

namespace whosaid::entities {
namespace {

using text::IsUpperCp;
using text::IsWordCp;

std::string Lowercased(std::string_view w) {
  std::string s(w);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The first space-separated word of `phrase` when another word follows it, else empty:
// "the senator" gives "the", "the" gives "".
std::string_view LeadWord(std::string_view phrase) {
  const size_t sp = phrase.find(' ');
  return sp == std::string_view::npos ? std::string_view() : phrase.substr(0, sp);
}

// True when a word of `phrase` between two spaces (neither its first nor its last word) is
// in `list`.
bool HasInnerWordIn(std::string_view phrase, const WordList& list) {
  size_t b = phrase.find(' ');
  while (b != std::string_view::npos) {
    const size_t e = phrase.find(' ', b + 1);
    if (e == std::string_view::npos) break;
    if (list.contains(phrase.substr(b + 1, e - b - 1))) return true;
    b = e;
  }
  return false;
}

}  // namespace

struct Registry::Token {
  text::ByteSpan span;
  std::string_view word;  // text of the token (possessive ’s removed)
  bool cap = false;
  bool joined = false;       // separated from the previous token by exactly one space
  bool across_mark = false;  // joined to the previous token across a nickname's mark
  bool nickname = false;     // a nickname inside a name: Bob in Robert "Bob" Smith
};

namespace {

// The registry's tokens for the part `range` of the text, read off the document's token
// stream (tokens clipped to the range): words and numbers, a nickname inside a name as one
// token flagged `nickname` (Robert "Bob" Smith gives Robert, Bob and Smith), a possessive
// ’s / 's left off the word. Punctuation and quote marks are no registry tokens.
template <typename Token>
void TokensFromStream(std::string_view t, const std::vector<text::Token>& stream,
                      text::ByteSpan range, std::vector<Token>* out) {
  out->clear();
  auto it = std::partition_point(stream.begin(), stream.end(), [&](const text::Token& tok) {
    return tok.span.end <= range.begin;
  });
  uint32_t prev_end = UINT32_MAX;
  bool after_nickname = false;
  for (; it != stream.end() && it->span.begin < range.end; ++it) {
    const text::ByteSpan span{std::max(it->span.begin, range.begin),
                              std::min(it->span.end, range.end)};
    if (it->kind == text::TokenKind::kQuoteMark) {
      const std::optional<text::Nickname> nick = text::NicknameAt(t, span.begin);
      if (nick && nick->outer.end < range.end && prev_end == span.begin - 1) {
        Token tok;
        tok.span = nick->outer;  // marks included: a mention that starts with it has them
        tok.word = t.substr(nick->content.begin, nick->content.size());
        tok.cap = tok.joined = tok.across_mark = tok.nickname = true;
        out->push_back(tok);
        prev_end = nick->outer.end;
        after_nickname = true;
        while (it + 1 != stream.end() && (it + 1)->span.begin < nick->outer.end) ++it;
      }
      continue;
    }
    if (it->kind != text::TokenKind::kWord && it->kind != text::TokenKind::kNumber) continue;
    Token tok;
    tok.span = span;
    // Possessive ’s / 's is not part of a name (nor is a period after it).
    uint32_t e = span.end;
    if (e > span.begin && t[e - 1] == '.') --e;
    if (e - span.begin > 3) {
      if (t.substr(e - 4, 4) == "\xE2\x80\x99s") {
        tok.span.end = e - 4;
      } else if (t.substr(e - 2, 2) == "'s") {
        tok.span.end = e - 2;
      }
    }
    tok.word = t.substr(tok.span.begin, tok.span.size());
    tok.cap = IsUpperCp(text::DecodeAt(t, span.begin).cp);
    tok.joined = prev_end != UINT32_MAX && span.begin == prev_end + 1 && t[prev_end] == ' ';
    tok.across_mark = after_nickname;
    tok.joined |= after_nickname;
    after_nickname = false;
    prev_end = span.end;
    out->push_back(tok);
  }
}

}  // namespace

void Registry::DropNicknames(std::vector<Token>* tokens) const {
  size_t kept = 0;
  for (size_t k = 0; k < tokens->size(); ++k) {
    Token t = (*tokens)[k];
    // After a word that begins no name ("Sometimes “Mike” Christian said"), or opening the
    // text, the nickname is the given name; otherwise the name is the words around it.
    if (t.nickname && kept > 0 && !lex_.not_names.contains(std::string((*tokens)[kept - 1].word))) {
      continue;
    }
    (*tokens)[kept++] = t;
  }
  tokens->resize(kept);
}

size_t Registry::SentenceOf(uint32_t byte) const {
  return seg_->sentences.empty() ? 0 : seg_->SentenceAt(byte);
}

bool Registry::EndsSentence(uint32_t byte) const {
  if (seg_->sentences.empty() || byte == 0) return false;
  return seg_->sentences[seg_->SentenceAt(byte - 1)].end == byte;
}

void Registry::NoteGender(int entity, Gender gender) {
  if (entity < 0 || gender == Gender::kUnknown) return;
  Entity& e = entities_[entity];
  if (e.gender == Gender::kUnknown) e.gender = gender;
}

namespace {
PersonIndex::Names NamesOf(const Entity& e) { return {e.name, e.surname, e.first_name}; }
}  // namespace

// A hash lookup, not a scan over every person: see PersonIndex::Find for the rules.
int Registry::FindPerson(const std::vector<std::string>& words) const {
  return persons_.Find(words);
}

int Registry::AddOrMergePerson(const std::vector<std::string>& words, Gender gender) {
  int k = FindPerson(words);
  std::string joined;
  for (const auto& w : words) {
    if (!joined.empty()) joined += ' ';
    joined += w;
  }
  if (k < 0) {
    Entity e;
    e.name = joined;
    e.kind = EntityKind::kPerson;
    e.surname = words.back();
    if (words.size() >= 2) e.first_name = words.front();
    entities_.push_back(std::move(e));
    k = static_cast<int>(entities_.size()) - 1;
    persons_.Add(k, NamesOf(entities_[k]));
  } else if (words.size() >= 2 && joined.size() > entities_[k].name.size()) {
    // The index keys on the names: take the person out under the old ones first.
    persons_.Remove(k, NamesOf(entities_[k]));
    entities_[k].name = joined;
    entities_[k].first_name = words.front();
    entities_[k].surname = words.back();
    persons_.Add(k, NamesOf(entities_[k]));
  }
  if (gender == Gender::kUnknown && words.size() >= 2) {
    if (lex_.first_names_female.contains(words.front()))
      gender = Gender::kFemale;
    else if (lex_.first_names_male.contains(words.front()))
      gender = Gender::kMale;
  }
  NoteGender(k, gender);
  return k;
}

std::optional<std::string> Registry::RoleAfter(uint32_t name_end) const {
  // ", a/an/the ROLE," or ", who …," directly after the name.
  std::string_view rest = text_.substr(name_end);
  if (rest.size() < 4 || rest[0] != ',' || rest[1] != ' ') return std::nullopt;
  rest.remove_prefix(2);
  // A role ends within kMaxRole bytes: search no further (searching the rest of the
  // document after every "Name, " was quadratic). The window holds a whole three-byte mark
  // that starts at kMaxRole; a stop found past kMaxRole rejects the role as one not found.
  constexpr size_t kMaxRole = 140;
  rest = rest.substr(0, kMaxRole + 3);
  size_t stop = FindRoleEnd(rest, lex_);  // not at the period of "Mr." or "U.S."
  // Curly quote marks and dashes end a role too.
  for (std::string_view mark : {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x94"}) {
    size_t m = rest.find(mark);
    if (m != std::string_view::npos && m < stop) stop = m;
  }
  if (stop == std::string_view::npos || stop < 3 || stop > kMaxRole) return std::nullopt;
  std::string_view role = rest.substr(0, stop);
  const std::string_view lead = LeadWord(role);
  const bool article = lex_.articles.contains(lead);
  if (article || lex_.relative_pronouns.contains(lead)) {
    // Article appositives must name a role, not start a clause ("the day after …").
    if (article && !HasRoleNoun(role, 8)) return std::nullopt;
    return std::string(role);
  }
  // Bare role phrase: "Figueroa, spokeswoman for the campaign,"
  size_t sp = role.find(' ');
  std::string first(role.substr(0, sp));
  if (lex_.role_nouns.contains(first)) return std::string(role);
  return std::nullopt;
}

std::optional<std::string> Registry::RoleAppositiveBefore(uint32_t name_begin) const {
  // "The Canadian ambassador to Japan, Mark Hill, said": a phrase with a role noun that
  // starts its sentence (or clause) with an article and ends with a comma before the name.
  if (name_begin < 4 || text_.substr(name_begin - 2, 2) != ", ") return std::nullopt;
  const uint32_t end = name_begin - 2;
  uint32_t b = end;
  while (b > 0 && end - b < 120) {
    const char c = text_[b - 1];
    if (c == ',' || c == '.' || c == ';' || c == ':' || c == '\n' || c == '"') break;
    --b;
  }
  while (b < end && text_[b] == ' ') ++b;
  std::string_view phrase = text_.substr(b, end - b);
  if (!lex_.articles.contains(LeadWord(phrase))) return std::nullopt;
  if (HasRoleNoun(phrase, INT32_MAX)) return std::string(phrase);
  return std::nullopt;
}

bool Registry::HasRoleNoun(std::string_view phrase, int max_words) const {
  size_t pos = 0;
  for (int words = 0; pos < phrase.size() && words < max_words; ++words) {
    size_t sp = phrase.find(' ', pos);
    if (sp == std::string_view::npos) sp = phrase.size();
    if (lex_.role_nouns.contains(std::string(phrase.substr(pos, sp - pos)))) return true;
    pos = sp + 1;
  }
  return false;
}

Registry::NameStart Registry::SkipToName(const std::vector<Token>& tokens, size_t b,
                                         size_t e) const {
  NameStart start;
  while (b < e && lex_.not_names.contains(std::string(tokens[b].word))) ++b;
  for (; b < e; ++b) {
    std::string w(tokens[b].word);
    if (lex_.honorifics_male.contains(w)) {
      start.gender = Gender::kMale;
    } else if (lex_.honorifics_female.contains(w)) {
      start.gender = Gender::kFemale;
    } else if (lex_.honorifics.contains(w)) {
      if (!start.title.empty()) start.title += ' ';
      start.title += w;
    } else {
      break;
    }
    start.honorific = true;
  }
  start.begin = b;
  return start;
}

std::optional<std::string> Registry::RoleBefore(const std::vector<Token>& tokens,
                                                size_t first) const {
  // Walk back from the word before the name while the words are joined and not function
  // words; the word next to the name must be a role noun ("pollster", "spokeswoman").
  if (first == 0 || !tokens[first].joined) return std::nullopt;
  const Token& head = tokens[first - 1];
  if (!lex_.role_nouns.contains(std::string(head.word)) &&
      !lex_.role_nouns.contains(Lowercased(head.word))) {
    return std::nullopt;
  }
  size_t b = first - 1;
  int count = 1;
  while (b > 0 && tokens[b].joined && count < 7) {
    const Token& prev = tokens[b - 1];
    // role_stops.lst: function words that end a role phrase.
    if (lex_.role_stops.contains(prev.word) || lex_.role_stops.contains(Lowercased(prev.word))) {
      break;
    }
    --b;
    ++count;
  }
  return std::string(text_.substr(tokens[b].span.begin, head.span.end - tokens[b].span.begin));
}

void Registry::Scan(std::string_view text, const text::Segmentation& seg,
                    const std::vector<text::ByteSpan>& skip) {
  text_ = text;
  seg_ = &seg;
  std::vector<Token> tokens;
  auto skip_it = skip.begin();
  // Paragraph by paragraph, in bounded pieces: a document without paragraph breaks does
  // not hold a token for every word at once.
  for (const text::ByteSpan para : text::ParagraphPieces(text, seg)) {
    TokensFromStream(text, seg.tokens, para, &tokens);
    DropNicknames(&tokens);
    // Drop the tokens inside quotations.
    size_t kept = 0;
    for (size_t k = 0; k < tokens.size(); ++k) {
      while (skip_it != skip.end() && skip_it->end <= tokens[k].span.begin) ++skip_it;
      if (skip_it != skip.end() && skip_it->overlaps(tokens[k].span)) continue;
      Token t = tokens[k];
      // A short capitalized word keeps its final period in case it abbreviates ("Gen."), but
      // where the segmenter ends a sentence at that period and the lexicon knows no such
      // abbreviation, the period is the sentence's: "… with Ann Lee. Lee said" names Ann
      // Lee, and the next sentence's first word is not joined to her name.
      if (t.word.size() > 1 && t.word.back() == '.' && EndsSentence(t.span.end) &&
          !lex_.IsAbbreviation(t.word.substr(0, t.word.size() - 1))) {
        t.word.remove_suffix(1);
        t.span.end -= 1;
      }
      if (kept > 0 && tokens[kept - 1].span.end + 1 != t.span.begin && !t.across_mark) {
        t.joined = false;
      }
      tokens[kept++] = t;
    }
    tokens.resize(kept);
    size_t i = 0;
    while (i < tokens.size()) {
      if (!tokens[i].cap) {
        ++i;
        continue;
      }
      // A run of joined capitalized words, particles allowed between them.
      size_t j = i + 1;
      while (j < tokens.size() && tokens[j].joined) {
        if (tokens[j].cap) {
          ++j;
        } else {
          // One or more particles between capitalized words: "Ana de la Cruz".
          size_t k = j;
          while (k < tokens.size() && tokens[k].joined && !tokens[k].cap &&
                 lex_.particles.contains(std::string(tokens[k].word))) {
            ++k;
          }
          if (k == j || k >= tokens.size() || !tokens[k].joined || !tokens[k].cap) break;
          j = k + 1;
        }
      }
      const size_t run_start = i;
      size_t b = i;
      const size_t e = j;
      i = j;
      // A title inside the run ("New Jersey Gov. Chris Christie") ends what comes before it;
      // the name starts after the last one.
      auto is_title = [&](size_t k) {
        const std::string w(tokens[k].word);
        return lex_.honorifics.contains(w) || lex_.honorifics_male.contains(w) ||
               lex_.honorifics_female.contains(w);
      };
      for (size_t k = e - 1; k > b; --k) {
        if (!is_title(k - 1)) continue;
        // Keep the whole block of titles ("Prime Minister") with the name.
        size_t first_title = k - 1;
        while (first_title > b && is_title(first_title - 1)) --first_title;
        b = first_title;
        break;
      }
      NameStart start = SkipToName(tokens, b, e);
      b = start.begin;
      const Gender gender = start.gender;
      const std::string& title = start.title;
      const bool honorific = start.honorific;
      if (b >= e) continue;
      std::vector<std::string> words;
      bool org = false;
      for (size_t k = b; k < e; ++k) {
        std::string w(tokens[k].word);
        if (lex_.org_words.contains(w)) org = true;
        words.push_back(std::move(w));
      }
      if (org || words.size() > 4) continue;
      const bool first_name_known = lex_.first_names_female.contains(words.front()) ||
                                    lex_.first_names_male.contains(words.front());
      int entity = -1;
      if (honorific || first_name_known || words.size() >= 2) {
        // Two capitalized words at a sentence start with nothing else pointing to a person
        // are still taken: news introduces people by full name.
        entity = AddOrMergePerson(words, gender);
      } else {
        entity = FindPerson(words);
        if (entity < 0) continue;
      }
      const text::ByteSpan span{tokens[b].span.begin, tokens[e - 1].span.end};
      const size_t sentence = SentenceOf(span.begin);
      EntityMention m;
      m.span = span;
      m.entity = entity;
      m.sentence_initial = seg.sentences.empty() ||
                           seg.sentences[sentence].begin == tokens[run_start].span.begin ||
                           seg.sentences[sentence].begin == tokens[b].span.begin;
      mentions_.push_back(m);
      Entity& ent = entities_[entity];
      if (!ent.role || ent.role_is_title) {
        std::optional<std::string> role = RoleAfter(span.end);
        if (!role) role = RoleBefore(tokens, b);
        if (!role) role = RoleAppositiveBefore(tokens[run_start].span.begin);
        if (role) {
          ent.role = std::move(role);
          ent.role_is_title = false;
        }
        if (!ent.role && !title.empty()) {
          ent.role_is_title = true;
          std::string role = title;
          // "Prime Minister Ana Ruiz of Portugal" → "Prime Minister of Portugal": the
          // capitalized words after " of ".
          std::string_view after = text.substr(span.end);
          if (after.substr(0, 4) == " of ") {
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
            if (stop > 4) role += std::string(after.substr(0, stop));
          }
          ent.role = std::move(role);
        }
      }
    }
  }
  std::sort(mentions_.begin(), mentions_.end(), [](const EntityMention& a, const EntityMention& b) {
    return a.span.begin < b.span.begin;
  });
}

std::optional<int> Registry::PersonByRole(std::string_view mention) const {
  if (!lex_.definite_articles.contains(LeadWord(mention))) return std::nullopt;
  const size_t sp = mention.rfind(' ');
  const std::string head = Lowercased(mention.substr(sp + 1));
  if (!lex_.role_nouns.contains(head) || HasInnerWordIn(mention, lex_.office_joints)) {
    return std::nullopt;
  }
  for (int k = static_cast<int>(entities_.size()) - 1; k >= 0; --k) {
    const Entity& e = entities_[k];
    if (e.kind != EntityKind::kPerson || !e.role) continue;
    const std::string role = Lowercased(*e.role);
    const size_t at = role.find(head);
    // The office as a word of the role: "Former President" for "the former president".
    if (at != std::string::npos &&
        (at + head.size() == role.size() || role[at + head.size()] == ' ')) {
      return k;
    }
  }
  return std::nullopt;
}

int Registry::BodyEntity(std::string name) {
  for (size_t k = 0; k < entities_.size(); ++k) {
    if (entities_[k].kind == EntityKind::kBody && entities_[k].name == name)
      return static_cast<int>(k);
  }
  Entity e;
  e.name = std::move(name);
  e.kind = EntityKind::kBody;
  entities_.push_back(std::move(e));
  return static_cast<int>(entities_.size()) - 1;
}

void Registry::SetRoleIfMissing(int entity, std::string role) {
  if (entity < 0 || role.empty()) return;
  if (!entities_[entity].role) entities_[entity].role = std::move(role);
}

int Registry::ResolvePronoun(text::ByteSpan span, Gender gender, bool plural,
                             int previous_speaker) const {
  auto compatible = [&](int k) {
    const Entity& e = entities_[k];
    if (plural) return e.kind == EntityKind::kBody;
    if (e.kind != EntityKind::kPerson) return false;
    return gender == Gender::kUnknown || e.gender == Gender::kUnknown || e.gender == gender;
  };
  auto strongly_compatible = [&](int k) {
    return compatible(k) && (gender == Gender::kUnknown || entities_[k].gender == gender);
  };
  // Mentions before the pronoun, nearest sentence first; in each sentence the subject
  // (the first compatible mention) wins, a known gender match beats an unknown one.
  auto end = std::lower_bound(mentions_.begin(), mentions_.end(), span.begin,
                              [](const EntityMention& m, uint32_t b) { return m.span.begin < b; });
  const size_t sentence = SentenceOf(span.begin);
  int weak = -1;
  size_t scanned_sentences = 0;
  size_t current = sentence;
  auto it = end;
  if (previous_speaker >= 0 && strongly_compatible(previous_speaker)) {
    // The speaker of the quote just before, if mentioned in this or the previous sentence
    // or if nothing else is mentioned in between.
    bool other_between = false;
    for (auto m = end; m != mentions_.begin();) {
      --m;
      if (m->entity == previous_speaker) break;
      if (strongly_compatible(m->entity) && SentenceOf(m->span.begin) + 1 >= sentence) {
        other_between = true;
        break;
      }
    }
    if (!other_between) return previous_speaker;
  }
  while (it != mentions_.begin() && scanned_sentences < 6) {
    // Collect the mentions of sentence `current`.
    auto sentence_end = it;
    while (it != mentions_.begin() && SentenceOf((it - 1)->span.begin) == current) --it;
    for (auto m = it; m != sentence_end; ++m) {
      if (strongly_compatible(m->entity)) return m->entity;
      if (weak < 0 && compatible(m->entity)) weak = m->entity;
    }
    if (weak >= 0) return weak;
    if (it == mentions_.begin()) break;
    current = SentenceOf((it - 1)->span.begin);
    ++scanned_sentences;
  }
  if (plural) return -1;
  return weak;
}

Resolution Registry::Resolve(text::ByteSpan span, int previous_speaker) {
  Resolution r;
  // A parenthetical ("(D-Md.)") or what follows a comma (", 30,", ", R-Ky.,") is not part
  // of the name.
  std::string_view mention = text_.substr(span.begin, span.size());
  for (std::string_view cut : {" (", ","}) {
    if (size_t at = mention.find(cut); at != std::string_view::npos && at > 0) {
      span.end = span.begin + static_cast<uint32_t>(at);
      mention = mention.substr(0, at);
    }
  }
  // A pronoun: gendered, of a group, or another ("I").
  Gender g = Gender::kUnknown;
  const bool plural = lex_.pronouns_group.contains(mention);
  if (lex_.pronouns_male.contains(mention)) g = Gender::kMale;
  if (lex_.pronouns_female.contains(mention)) g = Gender::kFemale;
  if (plural || g != Gender::kUnknown || lex_.pronouns.contains(mention)) {
    r.pronoun = true;
    r.entity = ResolvePronoun(span, g, plural, previous_speaker);
    if (r.entity >= 0) NoteGender(r.entity, g);
    return r;
  }
  // "Mr. Morgan of the Sierra Club": the person is named before " of " / " from ".
  // Only the first occurrence of each joint word counts ("president of the Federation of
  // Teachers" is no person named before "of").
  std::vector<std::string_view> joints_seen;
  for (size_t at = mention.find(' '); at != std::string_view::npos && at > 0;
       at = mention.find(' ', at + 1)) {
    const size_t joint_end = mention.find(' ', at + 1);
    if (joint_end == std::string_view::npos) break;
    const std::string_view joint = mention.substr(at + 1, joint_end - at - 1);
    if (!lex_.name_joints.contains(joint) ||
        std::find(joints_seen.begin(), joints_seen.end(), joint) != joints_seen.end()) {
      continue;
    }
    joints_seen.push_back(joint);
    const unsigned char before = static_cast<unsigned char>(mention[at - 1]);
    const size_t run = mention.rfind(' ', at - 1);
    const size_t word = run == std::string_view::npos ? 0 : run + 1;
    if (before >= 'a' && before <= 'z' && word < at && mention[word] >= 'A' &&
        mention[word] <= 'Z' &&
        !lex_.honorifics.contains(std::string(mention.substr(word, at - word)))) {
      span.end = span.begin + static_cast<uint32_t>(at);
      mention = mention.substr(0, at);
      break;
    }
  }
  // The name is the run of capitalized words that ends the mention; words before it are
  // role words, unless a preposition joins them ("a spokesman for Clinton" is a body).
  std::vector<Token> tokens;
  TokensFromStream(text_, seg_->tokens, span, &tokens);
  DropNicknames(&tokens);
  size_t b = tokens.size();
  while (b > 0 && (tokens[b - 1].cap || (b >= 2 && tokens[b - 2].cap &&
                                         lex_.particles.contains(std::string(tokens[b - 1].word)) &&
                                         b < tokens.size()))) {
    --b;
  }
  bool joined_by_preposition = false;
  if (b > 0 && b < tokens.size()) {
    const std::string_view prev = tokens[b - 1].word;
    joined_by_preposition = lex_.role_prepositions.contains(prev);
  }
  const NameStart start = SkipToName(tokens, b, tokens.size());
  const Gender gender = start.gender;
  const size_t name_begin = start.begin;
  std::vector<std::string> words;
  bool org = false;
  for (size_t k = name_begin; k < tokens.size(); ++k) {
    words.emplace_back(tokens[k].word);
    org |= lex_.org_words.contains(words.back());
  }
  if (!joined_by_preposition && !words.empty() && words.size() <= 4 && !org) {
    int k = FindPerson(words);
    if (k < 0) k = AddOrMergePerson(words, gender);
    NoteGender(k, gender);
    r.entity = k;
    // Role words: everything before the name, less a leading article.
    if (name_begin > 0) {
      size_t role_begin = 0;
      const std::string_view first = tokens[0].word;
      if (lex_.articles.contains(first)) role_begin = 1;
      if (role_begin < name_begin) {
        const uint32_t rb = tokens[role_begin].span.begin;
        const uint32_t re = tokens[name_begin - 1].span.end;
        std::string role(text_.substr(rb, re - rb));
        // A title of one honorific ("Mr.") is not a role.
        if (!(name_begin - role_begin == 1 &&
              (lex_.honorifics_male.contains(role) || lex_.honorifics_female.contains(role)))) {
          r.role = std::move(role);
        }
      }
    }
    return r;
  }
  // "the senator", "the former president": the latest person whose role names that office.
  if (std::optional<int> k = PersonByRole(mention)) {
    r.entity = *k;
    return r;
  }
  // A body or group: "the White House", "three people familiar with the matter".
  std::string name(mention);
  if (const std::string_view lead = LeadWord(name); lex_.definite_articles.contains(lead)) {
    name.erase(0, lead.size() + 1);
  }
  r.entity = BodyEntity(std::move(name));
  return r;
}

}  // namespace whosaid::entities
