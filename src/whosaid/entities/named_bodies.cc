// Bodies the story names in its narrative ("the Oklahoma Department of Environmental
// Quality", "The Nagpur Municipal Corporation (NMC)"), found by Scan(): what a later "the
// department", "the NMC" or "the statement said" stands for, when a rule gives one of those
// as the speaker.
#include <algorithm>
#include <string>
#include <vector>

#include "whosaid/entities/registry.h"
#include "whosaid/entities/registry_words.h"
#include "whosaid/text/char_class.h"
#include "whosaid/text/possessive.h"

namespace whosaid::entities {

using text::AsciiLower;

namespace {

// A byte of a word: an ASCII letter or digit, or a byte of a multi-byte character.
bool IsWordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z');
}

// Longer capitalized runs are headlines or titles, not a body's name.
constexpr size_t kMaxBodyWords = 8;

bool IsAcronym(std::string_view w) {
  if (w.size() < 2 || w.size() > 8) return false;
  return std::all_of(w.begin(), w.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '&'; });
}

// `acronym` is made of the initials of `words`' capitalized words, in order, the last word's
// among them: "NMC" of "Nagpur Municipal Corporation", "DEQ" of "Oklahoma Department of
// Environmental Quality".
bool AcronymOf(std::string_view acronym, const std::vector<std::string_view>& words) {
  size_t a = acronym.size();
  bool last = false;
  for (size_t k = words.size(); k-- > 0 && a > 0;) {
    if (words[k].empty() || !(words[k][0] >= 'A' && words[k][0] <= 'Z')) continue;
    if (acronym[a - 1] == '&') --a;
    if (a > 0 && acronym[a - 1] == words[k][0]) {
      --a;
      if (k + 1 == words.size()) last = true;
    }
  }
  return a == 0 && last;
}

}  // namespace

void Registry::NoteNamedBodies(const std::vector<Token>& tokens) {
  const size_t n = tokens.size();
  for (size_t k = 0; k < n; ++k) {
    // A use of an acronym defined earlier: "The NMC, in a press note, …".
    if (!acronyms_.empty() && IsAcronym(tokens[k].word)) {
      if (const auto alias = acronyms_.find(std::string(tokens[k].word));
          alias != acronyms_.end()) {
        named_bodies_.push_back({tokens[k].span, alias->second});
        continue;
      }
    }
    if (!tokens[k].cap || !In(lex_.org_words, tokens[k])) continue;
    // The capitalized words around the organisation word, over joiners between them.
    // A word that never starts a name ends the run: "Enter The Washington Post", "Suspect
    // Named By Police" (a headline's words).
    size_t b = k;
    while (b > 0 && tokens[b].joined && !In(lex_.not_names, tokens[b - 1])) {
      if (tokens[b - 1].cap) {
        --b;
      } else if (b >= 2 && In(lex_.body_name_joints, tokens[b - 1]) && tokens[b - 1].joined &&
                 tokens[b - 2].cap) {
        b -= 2;
      } else {
        break;
      }
    }
    while (b < k && In(lex_.not_names, tokens[b])) ++b;  // "The", "In"
    size_t e = k + 1;
    while (e < n && tokens[e].joined && !tokens[e - 1].possessive) {
      if (tokens[e].cap) {
        // A word in capitals after a body's name is a headline's: "Named By Police BEFORE".
        if (In(lex_.not_names, tokens[e]) ||
            (AllCapitals(tokens, e, e + 1) && !AllCapitals(tokens, k, k + 1))) {
          break;
        }
        ++e;
        continue;
      }
      // "Department of Environmental Quality", "Ministry for the Environment".
      size_t next = e;
      if (In(lex_.body_name_joints, tokens[next])) ++next;
      if (next > e && next < n && tokens[next].joined && In(lex_.definite_articles, tokens[next]))
        ++next;
      if (next == e || next >= n || !tokens[next].joined || !tokens[next].cap) break;
      e = next + 1;
    }
    const size_t next_k = e;
    while (e > b + 1 && !tokens[e - 1].cap) --e;
    if (e - b >= 2 && e - b <= kMaxBodyWords) {
      const uint32_t end =
          tokens[e - 1].span.begin + static_cast<uint32_t>(tokens[e - 1].word.size());
      const text::ByteSpan span{tokens[b].span.begin, end};
      const size_t index = named_bodies_.size();
      for (size_t w = b; w < e; ++w) {
        if (In(lex_.org_words, tokens[w]))
          named_body_heads_[AsciiLower(tokens[w].word)].push_back(index);
      }
      // "The Nagpur Municipal Corporation (NMC)": the acronym names it from here on.
      const std::string_view after = text_.substr(end, 12);
      if (after.size() > 3 && after.substr(0, 2) == " (") {
        const size_t close = after.find(')');
        const std::string_view acronym =
            close == std::string_view::npos ? std::string_view() : after.substr(2, close - 2);
        std::vector<std::string_view> words;
        for (size_t w = b; w < e; ++w) words.push_back(tokens[w].word);
        if (IsAcronym(acronym) && AcronymOf(acronym, words)) {
          acronyms_.try_emplace(std::string(acronym), span);
        }
      }
      named_bodies_.push_back({span, span});
      // A firm, when a firm's word names it ("Kestrel Foods Ltd."), unless it stands in a
      // role ("an analyst at Maritime Capital Partners": rarely what "the company" means).
      const bool in_role = b > 0 && In(lex_.role_prepositions, tokens[b - 1]);
      if (!in_role && std::any_of(tokens.begin() + static_cast<std::ptrdiff_t>(b),
                                  tokens.begin() + static_cast<std::ptrdiff_t>(e),
                                  [&](const Token& t) { return In(lex_.firm_words, t); })) {
        AddFirm(span);
      }
    }
    k = next_k - 1;
  }
}

std::optional<std::string> Registry::NamedBodyBefore(std::string_view head, uint32_t at) const {
  const auto it = named_body_heads_.find(AsciiLower(head));
  if (it == named_body_heads_.end()) return std::nullopt;
  std::optional<std::string> found;
  for (const size_t index : it->second) {
    if (named_bodies_[index].span.begin >= at) break;
    found = NameOf(named_bodies_[index]);
  }
  return found;
}

std::vector<Registry::NamedBody>::const_iterator Registry::NamedBodiesFrom(uint32_t byte) const {
  return std::partition_point(named_bodies_.begin(), named_bodies_.end(),
                              [&](const NamedBody& b) { return b.span.begin < byte; });
}

std::optional<std::string> Registry::NamedBodyNear(uint32_t at) const {
  constexpr size_t kSentencesBack = 2;
  const auto it = NamedBodiesFrom(at);
  if (it == named_bodies_.begin()) return std::nullopt;
  const NamedBody& body = *(it - 1);
  if (SentenceOf(body.span.begin) + kSentencesBack < SentenceOf(at)) return std::nullopt;
  return NameOf(body);
}

std::optional<std::string> Registry::AcronymBody(std::string_view acronym) const {
  const auto it = acronyms_.find(std::string(acronym));
  if (it == acronyms_.end()) return std::nullopt;
  return std::string(text_.substr(it->second.begin, it->second.size()));
}

std::optional<int> Registry::IssuerOf(std::string_view noun, uint32_t at) {
  if (seg_ == nullptr || seg_->sentences.empty()) return std::nullopt;
  // The last "statement" (or "press note") before the mention, within a few paragraphs.
  constexpr uint32_t kReach = 3000;
  const uint32_t from = at > kReach ? at - kReach : 0;
  const std::string_view before = text_.substr(from, at - from);
  size_t pos = std::string_view::npos;
  for (size_t p = before.rfind(noun); p != std::string_view::npos && p > 0;
       p = before.rfind(noun, p - 1)) {
    const size_t end = p + noun.size();
    const bool word_start = !IsWordByte(before[p - 1]);
    const bool word_end = end >= before.size() || !IsWordByte(before[end]);
    if (word_start && word_end) {
      pos = p;
      break;
    }
  }
  if (pos == std::string_view::npos) return std::nullopt;
  const uint32_t noun_at = from + static_cast<uint32_t>(pos);
  // It must be where the message is introduced, "a" or "an" among the three words before
  // it ("in a press note", "issued a brief statement"): "CBS News reports that the letter …"
  // says nothing of who wrote the letter.
  bool introduced = false;
  size_t word_end = pos;
  for (int words = 0; words < 3 && word_end > 1; ++words) {
    size_t b = before.rfind(' ', word_end - 2);
    b = b == std::string_view::npos ? 0 : b + 1;
    const std::string_view w = before.substr(b, word_end - 1 - b);
    if (lex_.articles.contains(w) && !lex_.definite_articles.contains(w)) {
      introduced = true;
      break;
    }
    if (b == 0 || (!w.empty() && (w.back() == '.' || w.back() == ','))) break;
    word_end = b;
  }
  if (!introduced) return std::nullopt;
  // "a report from the State Department", "a letter by Ana Ruiz": the one after "from".
  const std::string_view after = text_.substr(noun_at + noun.size(), 6);
  if (after.substr(0, 6) == " from " || after.substr(0, 4) == " by ") {
    const uint32_t joint_end =
        noun_at + static_cast<uint32_t>(noun.size()) + (after.substr(0, 6) == " from " ? 6 : 4);
    constexpr uint32_t kNear = 8;  // "from the", "from Sen."
    return FirstNamedIn(joint_end, joint_end + kNear + 1);
  }
  // Its sentence's subject: the first body or person named in it before the noun.
  return FirstNamedIn(seg_->sentences[SentenceOf(noun_at)].begin, noun_at);
}

std::optional<int> Registry::FirstNamedIn(uint32_t begin, uint32_t end) {
  const auto body = NamedBodiesFrom(begin);
  const auto person = MentionsFrom(begin);
  const bool body_in = body != named_bodies_.end() && body->span.begin < end;
  const bool person_in = person != mentions_.end() && person->span.begin < end;
  if (person_in && (!body_in || person->span.begin <= body->span.begin)) return person->entity;
  if (body_in) return BodyEntity(NameOf(*body));
  return std::nullopt;
}

std::optional<std::string> Registry::CapitalizedSubjectBefore(uint32_t at) const {
  if (seg_ == nullptr || seg_->sentences.empty()) return std::nullopt;
  // This sentence, then the one before: "Acme disputes that. In a letter to staff, it said …".
  constexpr size_t kSentencesBack = 1;
  const size_t here = SentenceOf(at);
  const auto& tokens = seg_->tokens;
  for (size_t back = 0; back <= kSentencesBack && back <= here; ++back) {
    const size_t first = TokenAt(seg_->sentences[here - back].begin);
    size_t k = first;
    while (
        k < tokens.size() && tokens[k].span.end <= at && tokens[k].kind == text::TokenKind::kWord &&
        (tokens[k].shape == text::Shape::kCapitalized || tokens[k].shape == text::Shape::kUpper) &&
        (k == first || tokens[k].span.begin == tokens[k - 1].span.end + 1)) {
      ++k;
    }
    // Capitalized words, then a word in lower case (its verb), and none of them a person's
    // name or a word that never starts one ("In", "The").
    if (k == first || k >= tokens.size() || tokens[k].kind != text::TokenKind::kWord ||
        tokens[k].shape != text::Shape::kLower) {
      continue;
    }
    std::vector<std::string_view> words;
    bool named = false;
    for (size_t i = first; i < k; ++i) {
      const std::string_view w = text_.substr(tokens[i].span.begin, tokens[i].span.size());
      words.push_back(w);
      named |= lex_.not_names.contains(w) || lex_.pronouns.contains(w) ||
               lex_.sentence_openers.contains(w) || lex_.subordinators.contains(w) ||
               lex_.first_names_female.contains(w) || lex_.first_names_male.contains(w) ||
               text::HasPossessiveS(w);
    }
    // A "person" the registry took from two capitalized words and knows nothing else of
    // ("Acme Shipping and the union …") may be what "it" stands for.
    if (named) continue;
    if (const int k_person = FindPerson(words); k_person >= 0) {
      const Entity& e = entities_[k_person];
      if (e.gender != Gender::kUnknown || e.role.has_value()) continue;
    }
    const uint32_t b = tokens[first].span.begin;
    return std::string(text_.substr(b, tokens[k - 1].span.end - b));
  }
  return std::nullopt;
}

}  // namespace whosaid::entities
