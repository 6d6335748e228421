// The registry's first part: mentions. Names found in the token stream (capitalized runs
// with particles, honorifics and titles), the persons they name, and their roles where
// the story gives them (roles.cc).
#include <algorithm>
#include <string>
#include <vector>

#include "whosaid/entities/registry.h"
#include "whosaid/entities/registry_words.h"
#include "whosaid/text/char_class.h"
#include "whosaid/text/chunks.h"
#include "whosaid/text/nickname.h"
#include "whosaid/text/utf8.h"

namespace whosaid::entities {

using text::AsciiLower;
using text::IsUpperCp;

namespace {

PersonIndex::Names NamesOf(const Entity& e) { return {e.name, e.surname, e.first_name}; }

}  // namespace

// The registry's tokens for the part `range` of the text, read off the document's token
// stream (tokens clipped to the range): words and numbers, a nickname inside a name as one
// token flagged `nickname` (Robert "Bob" Smith gives Robert, Bob and Smith), a possessive
// ’s / 's left off the word. Punctuation and quote marks are no registry tokens.
void Registry::WordTokens(const text::Segmentation& seg, text::ByteSpan range,
                          std::vector<Token>* out) const {
  const std::string_view t = text_;
  const std::vector<text::Token>& stream = seg.tokens;
  // The tokens' lists can stand for their words only when they come from our table.
  const bool lists = seg.lexicon && seg.lexicon == lex_.table.get();
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
      // Only a mark one space after a word may open a nickname.
      const std::optional<text::Nickname> nick =
          prev_end == span.begin - 1
              ? text::NicknameAt(t, span.begin, lex_.title_small_words.entries())
              : std::nullopt;
      if (nick && nick->outer.end < range.end) {
        Token tok;
        tok.span = nick->outer;  // marks included: a mention that starts with it has them
        tok.word = t.substr(nick->content.begin, nick->content.size());
        tok.cap = tok.joined = tok.across_mark = tok.nickname = true;
        if (lex_.table) tok.lists = lex_.table->ListsOf(tok.word);
        out->push_back(tok);
        prev_end = nick->outer.end;
        after_nickname = true;
        while (it + 1 != stream.end() && (it + 1)->span.begin < nick->outer.end) ++it;
      }
      continue;
    }
    if (it->kind != text::TokenKind::kWord && it->kind != text::TokenKind::kNumber) continue;
    // Filled in place: a token built aside and copied in stalled on the copy's wide loads.
    Token& tok = out->emplace_back();
    tok.span = span;
    // Possessive ’s / 's is not part of a name (nor is a period after it).
    uint32_t e = span.end;
    if (e > span.begin && t[e - 1] == '.') --e;
    if (e - span.begin > 3) {
      if (t.substr(e - 4, 4) == "\xE2\x80\x99s") {
        tok.span.end = e - 4;
        tok.possessive = true;
      } else if (t.substr(e - 2, 2) == "'s") {
        tok.span.end = e - 2;
        tok.possessive = true;
      }
    }
    tok.word = t.substr(tok.span.begin, tok.span.size());
    if (lex_.table) {
      // The tokenizer's lookup, unless the word was cut short (a possessive, the edge of the
      // range) or the tokens carry no lists of this table: then it is looked up as it is.
      tok.lists = lists && tok.span == it->span ? seg.TokenLists(it - stream.begin())
                                                : lex_.table->ListsOf(tok.word);
    }
    // The first letter is a capital: the tokenizer's shape says so, unless a digit leads.
    tok.cap = (it->shape == text::Shape::kCapitalized || it->shape == text::Shape::kUpper) &&
              !(t[span.begin] >= '0' && t[span.begin] <= '9');
    if (span.begin != it->span.begin) {  // clipped: the range's edge decides
      const unsigned char first = static_cast<unsigned char>(t[span.begin]);
      tok.cap =
          first < 0x80 ? first >= 'A' && first <= 'Z' : IsUpperCp(text::DecodeAt(t, span.begin).cp);
    }
    tok.joined = prev_end != UINT32_MAX && span.begin == prev_end + 1 && t[prev_end] == ' ';
    tok.across_mark = after_nickname;
    tok.joined |= after_nickname;
    after_nickname = false;
    prev_end = span.end;
  }
}

bool Registry::In(const WordList& list, const Token& token) const {
  return list.contains(lex_.table.get(), token.lists, token.word);
}

void Registry::DropNicknames(std::vector<Token>* tokens) const {
  size_t kept = 0;
  for (size_t k = 0; k < tokens->size(); ++k) {
    Token t = (*tokens)[k];
    // After a word that begins no name ("Sometimes “Mike” Christian said"), or opening the
    // text, the nickname is the given name; otherwise the name is the words around it.
    if (t.nickname && kept > 0 && !lex_.not_names.contains((*tokens)[kept - 1].word)) {
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

bool Registry::OpensSentence(const Token& token) const {
  return !seg_->sentences.empty() &&
         seg_->sentences[SentenceOf(token.span.begin)].begin == token.span.begin;
}

bool Registry::IsHeadingLine(std::string_view text, text::ByteSpan para,
                             const std::vector<Token>& tokens) const {
  if (para.empty() || tokens.size() < 2 || tokens.size() > 16) return false;
  // A sentence ends with a mark (a quotation's closing mark included); a heading does not,
  // but for a photo credit's full stop ("Neilson Barnard via Getty Images."): a short line in
  // title case.
  constexpr size_t kCreditWords = 8;
  const std::string_view line = text.substr(para.begin, para.size());
  for (std::string_view end :
       {".", "?", "!", ":", ";", ")", "\"", "'", "\xE2\x80\x9D", "\xE2\x80\x99", "\xE2\x80\xA6"}) {
    if (line.ends_with(end) && (end != "." || tokens.size() > kCreditWords)) return false;
  }
  return TitleCaseWords(tokens, 0, tokens.size());
}

bool Registry::TitleCaseWords(const std::vector<Token>& tokens, size_t b, size_t e) const {
  for (size_t k = b; k < e; ++k) {
    if (!tokens[k].cap && !In(lex_.title_small_words, tokens[k])) return false;
  }
  return true;
}

bool Registry::OpensParagraphAsLabel(const std::vector<Token>& tokens, size_t b, size_t e) const {
  if (e == 0 || text_.substr(tokens[e - 1].span.end, 1) != ":") return false;
  // Only a run that opens with an article: "Cecile Richards: ‘…’" (a headline) and "De
  // Blasio: …" name the one who speaks.
  if (!lex_.articles.contains(AsciiLower(tokens[b].word))) return false;
  // Only title-case words before it in the paragraph.
  if (!TitleCaseWords(tokens, 0, b)) return false;
  return b == 0 || tokens[b - 1].span.end + 1 == tokens[b].span.begin;
}

bool Registry::IsWorkTitleAppositive(const std::vector<Token>& tokens, size_t b, size_t e) const {
  if (b == 0 || e >= tokens.size()) return false;
  const auto gap = [&](size_t k) {  // the text between tokens k and k + 1
    return text_.substr(tokens[k].span.end, tokens[k + 1].span.begin - tokens[k].span.end);
  };
  return In(lex_.title_cues, tokens[b - 1]) && gap(b - 1) == ", " && gap(e - 1) == ", ";
}

bool Registry::AllCapitals(const std::vector<Token>& tokens, size_t b, size_t e) {
  for (size_t k = b; k < e; ++k) {
    const std::string_view w = tokens[k].word;
    if (w.size() < 2 || w.find('.') != std::string_view::npos) return false;  // "J.", "U.S."
    if (std::any_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      return false;
    }
  }
  return true;
}

bool Registry::NameLengthFits(const std::vector<Token>& tokens, size_t b, size_t e) {
  size_t capitalized = 0;
  for (size_t k = b; k < e; ++k) capitalized += tokens[k].cap;
  return capitalized <= 4 && e - b <= 7;
}

void Registry::NoteGender(int entity, Gender gender) {
  if (entity < 0 || gender == Gender::kUnknown) return;
  Entity& e = entities_[entity];
  if (e.gender == Gender::kUnknown) e.gender = gender;
}

// A hash lookup, not a scan over every person: see PersonIndex::Find for the rules.
int Registry::FindPerson(const std::vector<std::string_view>& words) const {
  const int k = persons_.Find(words);
  if (k >= 0) return k;
  if (words.size() == 1) {
    // "Al-Khatib" opening a sentence names Rami al-Khatib: the particle in lower case.
    const std::string_view w = words.front();
    const size_t joint = w.find_first_of("-'");
    if (joint == std::string_view::npos || joint == 0 || w[0] < 'A' || w[0] > 'Z') return k;
    std::string lowered(w);
    lowered[0] = static_cast<char>(lowered[0] - 'A' + 'a');
    if (!lex_.particles.contains(lowered.substr(0, joint))) return k;
    return persons_.Find({lowered});
  }
  // A sentence capitalizes a surname's particle: "De la Garza" names Rosaura de la Garza,
  // "Van Rooyen" Pieter van Rooyen. Look the surname up without its particles.
  size_t first = 0;
  while (first + 1 < words.size() && lex_.particles.contains(AsciiLower(words[first]))) ++first;
  if (first == 0) return k;
  return persons_.Find({words.begin() + static_cast<std::ptrdiff_t>(first), words.end()});
}

int Registry::AddOrMergePerson(const std::vector<std::string_view>& words, Gender gender) {
  int k = FindPerson(words);
  size_t joined_size = words.size() - 1;  // the name's words with one space between
  for (const std::string_view w : words) joined_size += w.size();
  auto joined = [&] {
    std::string name;
    name.reserve(joined_size);
    for (const std::string_view w : words) {
      if (!name.empty()) name += ' ';
      name += w;
    }
    return name;
  };
  if (k < 0) {
    Entity e;
    e.name = joined();
    e.kind = EntityKind::kPerson;
    e.surname = words.back();
    if (words.size() >= 2) e.first_name = words.front();
    entities_.push_back(std::move(e));
    k = static_cast<int>(entities_.size()) - 1;
    persons_.Add(k, NamesOf(entities_[k]));
  } else if (words.size() >= 2 && joined_size > entities_[k].name.size()) {
    // The index keys on the names: take the person out under the old ones first.
    persons_.Remove(k, NamesOf(entities_[k]));
    entities_[k].name = joined();
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

bool Registry::IsKnownFirstName(const Token& token) const {
  return In(lex_.first_names_female, token) || In(lex_.first_names_male, token);
}

bool Registry::IsTitle(const Token& token) const {
  return In(lex_.honorifics, token) || In(lex_.honorifics_male, token) ||
         In(lex_.honorifics_female, token);
}

size_t Registry::LastTitleBlock(const std::vector<Token>& tokens, size_t b, size_t e) const {
  for (size_t k = e; k > b + 1; --k) {
    if (!IsTitle(tokens[k - 2])) continue;
    // Keep the whole block of titles ("Prime Minister") with the name.
    size_t first_title = k - 2;
    while (first_title > b && IsTitle(tokens[first_title - 1])) --first_title;
    return first_title;
  }
  return b;
}

std::optional<size_t> Registry::NameAfterOffice(const std::vector<Token>& tokens, size_t b,
                                                size_t e) const {
  size_t last_org = e;
  for (size_t k = b; k < e; ++k) {
    if (In(lex_.org_words, tokens[k])) last_org = k;
  }
  if (last_org == e) return b;
  // An organisation's word that ends the run is a surname right after "Mr." or "Ms" ("Ms
  // Fox"), or after a known first name that follows a title or a role noun ("Council leader
  // Anne Fox"), as in Fox News. Without the title, "Georgia Power" stays a body.
  if (last_org + 1 == e && last_org > 0 && tokens[last_org].joined) {
    const Token& before = tokens[last_org - 1];
    if (IsKnownFirstName(before) && last_org >= 2 && last_org - 1 >= b && before.joined &&
        (IsTitle(tokens[last_org - 2]) || In(lex_.role_nouns, tokens[last_org - 2]))) {
      return last_org - 1;
    }
    // Only a gendered honorific: "Justice Department" is a body.
    if (In(lex_.honorifics_male, before) || In(lex_.honorifics_female, before)) return last_org;
  }
  bool titled = false;
  for (size_t k = last_org; k > 0 && last_org - k < 8 && !titled && tokens[k].joined; --k) {
    titled = IsTitle(tokens[k - 1]) || In(lex_.role_nouns, tokens[k - 1]);
  }
  if (!titled || e < last_org + 3) return std::nullopt;
  return last_org + 1;
}

Registry::NameStart Registry::SkipToName(const std::vector<Token>& tokens, size_t b,
                                         size_t e) const {
  NameStart start;
  while (b < e && In(lex_.not_names, tokens[b])) ++b;
  for (; b < e; ++b) {
    const std::string_view w = tokens[b].word;
    if (In(lex_.honorifics_male, tokens[b])) {
      start.gender = Gender::kMale;
    } else if (In(lex_.honorifics_female, tokens[b])) {
      start.gender = Gender::kFemale;
    } else if (In(lex_.honorifics, tokens[b])) {
      if (!start.title.empty()) start.title += ' ';
      start.title += w;
    } else {
      break;
    }
    start.honorific = true;
  }
  // A role noun that opens the sentence before a name of two or more words is the person's
  // title: "Corporator Sunita Rao", "Substitute Dara Quinn".
  if (!start.honorific && b + 3 <= e && OpensSentence(tokens[b]) &&
      !In(lex_.org_words, tokens[b]) && lex_.role_nouns.contains(AsciiLower(tokens[b].word))) {
    start.title = std::string(tokens[b].word);
    start.honorific = true;
    ++b;
  }
  start.begin = b;
  return start;
}

std::string Registry::TitleRole(const std::vector<Token>& tokens, size_t run_start,
                                size_t title_begin, std::string title) const {
  // An abbreviated honorific after a title word is the person's, not the office's:
  // "Municipal Commissioner Dr. Abhijit Deshmukh" holds the office of commissioner.
  if (const size_t sp = title.rfind(' ');
      sp != std::string::npos && title.back() == '.' && title[sp - 1] != '.') {
    title.erase(sp);
  }
  // The capitalized words before the titles in the same run say which office: "New Jersey
  // Gov.", "Municipal Commissioner".
  size_t b = run_start;
  while (b < title_begin && In(lex_.not_names, tokens[b])) ++b;
  if (b == title_begin || title_begin - b > 3) return title;
  const uint32_t begin = tokens[b].span.begin;
  return std::string(text_.substr(begin, tokens[title_begin - 1].span.end - begin)) + ' ' + title;
}

void Registry::Scan(std::string_view text, const text::Segmentation& seg,
                    const std::vector<text::ByteSpan>& skip) {
  quotations_ = skip;
  text_ = text;
  seg_ = &seg;
  std::vector<Token> tokens;
  std::vector<std::string_view> words;  // of one name, reused
  auto skip_it = skip.begin();
  // Paragraph by paragraph, in bounded pieces: a document without paragraph breaks does
  // not hold a token for every word at once.
  for (const text::ByteSpan para : text::ParagraphPieces(text, seg)) {
    WordTokens(seg, para, &tokens);
    // A headline, section label or subhead names no one: its capitalized words are a
    // title's, and a surname there must not become a person's full name.
    if (IsHeadingLine(text, para, tokens)) continue;
    DropNicknames(&tokens);
    // Drop the tokens inside quotations.
    size_t kept = 0;
    for (size_t k = 0; k < tokens.size(); ++k) {
      while (skip_it != skip.end() && skip_it->end <= tokens[k].span.begin) ++skip_it;
      if (skip_it != skip.end() && skip_it->overlaps(tokens[k].span)) continue;
      if (kept != k) tokens[kept] = tokens[k];
      Token& t = tokens[kept];  // changed in place: no copy of a token aside
      // A short capitalized word keeps its final period in case it abbreviates ("Gen."), but
      // where the segmenter ends a sentence at that period and the lexicon knows no such
      // abbreviation, the period is the sentence's: "… with Ann Lee. Lee said" names Ann
      // Lee, and the next sentence's first word is not joined to her name.
      if (t.word.size() > 1 && t.word.back() == '.' && EndsSentence(t.span.end) &&
          !lex_.IsAbbreviation(t.word.substr(0, t.word.size() - 1))) {
        t.word.remove_suffix(1);
        t.span.end -= 1;
        if (lex_.table) t.lists = lex_.table->ListsOf(t.word);
      }
      if (kept > 0 && tokens[kept - 1].span.end + 1 != t.span.begin && !t.across_mark) {
        t.joined = false;
      }
      // Nor after an abbreviation that ends a sentence: "… entering the U.S. While Clinton
      // has …" names no "U.S. While Clinton".
      if (kept > 0 && EndsSentence(tokens[kept - 1].span.end)) t.joined = false;
      ++kept;
    }
    tokens.resize(kept);
    NoteNamedBodies(tokens);
    NoteFirms(tokens);
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
                 In(lex_.particles, tokens[k])) {
            ++k;
          }
          if (k == j || k >= tokens.size() || !tokens[k].joined || !tokens[k].cap) break;
          j = k + 1;
        }
      }
      // A label opening its paragraph names no one: "The Gap Goes On: It was under …".
      if (OpensParagraphAsLabel(tokens, i, j)) {
        i = j;
        continue;
      }
      // Nor does a name end with a word that begins none: "said Pence Thursday" names Pence.
      while (j > i + 1 && In(lex_.not_names, tokens[j - 1])) --j;
      const size_t run_start = i;
      size_t b = i;
      const size_t e = j;
      i = j;
      // A title inside the run ("New Jersey Gov. Chris Christie") ends what comes before it;
      // the name starts after the last one.
      b = LastTitleBlock(tokens, b, e);
      const size_t title_begin = b;
      const NameStart start = SkipToName(tokens, b, e);
      b = start.begin;
      const Gender gender = start.gender;
      const std::string& title = start.title;
      const bool honorific = start.honorific;
      if (b >= e) continue;
      if (!NameLengthFits(tokens, b, e)) continue;
      if (e - b >= 2 && AllCapitals(tokens, b, e)) continue;  // "CONGRESS ACTS": a subhead
      // A body's name is no person's; an office ending with one may be followed by its
      // holder's name (as Resolve reads it).
      const std::optional<size_t> name_begin = NameAfterOffice(tokens, b, e);
      if (!name_begin) continue;
      b = *name_begin;
      words.clear();
      for (size_t k = b; k < e; ++k) words.push_back(tokens[k].word);
      const bool first_name_known = IsKnownFirstName(tokens[b]);
      // "Former Ireland international Aoife Ní Bhriain", "Lagos Harbour head coach Ola
      // Ade": a new capitalized run joined by up to three lower-case words to the name after
      // it is part of that person's role, not a person.
      size_t next = e;
      while (next < tokens.size() && next - e < 3 && tokens[next].joined && !tokens[next].cap &&
             !In(lex_.role_stops, tokens[next]) && !In(lex_.particles, tokens[next])) {
        ++next;
      }
      const bool premodifier = next > e && next < tokens.size() && tokens[next].joined &&
                               tokens[next].cap && !first_name_known;
      // "Kansai Sky's president, Takeshi Mori, said": a new name that owns a role is a
      // company, a country or a body, not a person.
      const bool owns_role =
          tokens[e - 1].possessive && e < tokens.size() && !first_name_known && !honorific &&
          (In(lex_.role_nouns, tokens[e]) || lex_.role_nouns.contains(AsciiLower(tokens[e].word)));
      // A person named before stays one.
      if ((premodifier || owns_role) && FindPerson(words) < 0) continue;
      if (!first_name_known && !honorific && IsWorkTitleAppositive(tokens, run_start, e) &&
          FindPerson(words) < 0) {
        continue;
      }
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
        // A "who" clause after the name is the role only when no role phrase or title stands
        // before it ("head coach Ana Ruiz, who took charge in August" is the head coach,
        // "Councilman Bo Li, who voted no" the councilman), and when it does not report what
        // the person said ("Ana Ruiz, who said she lost everything").
        std::optional<std::string> role = RoleAfter(span.end);
        const bool clause =
            role && lex_.relative_pronouns.contains(registry_words::LeadWord(*role));
        if (!role || clause) {
          std::optional<std::string> before = RoleBefore(tokens, b);
          // A role phrase before the title: "Municipal commissioner Dr Anil Kale" holds the
          // office of commissioner ("Dr" is his).
          if (!before && !title.empty()) before = RoleBefore(tokens, title_begin);
          if (!before) before = RoleAppositiveBefore(tokens[run_start].span.begin);
          if (before) {
            role = std::move(before);
          } else if (clause && (!title.empty() || ReportsSpeech(*role))) {
            role.reset();
          }
        }
        // "Prime Minister Ana Ruiz of Portugal" → "Prime Minister of Portugal". A title
        // found first stays: "Dr. Deshmukh" later does not make "Dr." the role.
        if (role) {
          SetRole(entity, *role + PlaceAfterName(span.end), /*is_title=*/false);
        } else if (!title.empty() && !ent.role) {
          SetRole(entity,
                  TitleRole(tokens, run_start, title_begin, title) + PlaceAfterName(span.end),
                  /*is_title=*/true);
        }
      }
    }
  }
  std::sort(mentions_.begin(), mentions_.end(), [](const EntityMention& a, const EntityMention& b) {
    return a.span.begin < b.span.begin;
  });
}

}  // namespace whosaid::entities
