// Firms the story names, and what a later "the company" stands for: a body named with a
// firm's word ("Kestrel Foods Ltd.", recorded by NoteNamedBodies), or a capitalized name set
// beside a firm noun
// ("The operator, Adria Linija, said …", "Adria Linija, the state ferry operator, …", "the
// ferry operator Adria Linija"). Before, "the company said" gave the speaker "company".
#include <algorithm>
#include <string>
#include <vector>

#include "whosaid/entities/registry.h"
#include "whosaid/entities/registry_words.h"

namespace whosaid::entities {
namespace {

// Longer capitalized runs are headlines or titles, not a firm's name (as kMaxBodyWords).
constexpr size_t kMaxFirmWords = 6;
// How far before a firm noun its phrase may open: "the state-owned ferry operator".
constexpr size_t kMaxNounPhraseWords = 4;

}  // namespace

bool Registry::CommaBetween(const Token& a, const Token& b) const {
  return b.span.begin >= a.span.end + 2 &&
         text_.substr(a.span.end, b.span.begin - a.span.end) == ", ";
}

void Registry::AddFirm(text::ByteSpan span) {
  const auto at = std::upper_bound(firms_.begin(), firms_.end(), span.begin,
                                   [](uint32_t b, const text::ByteSpan& f) { return b < f.begin; });
  if (at != firms_.begin() && (at - 1)->begin == span.begin) return;  // found twice
  firms_.insert(at, span);
}

void Registry::NoteFirms(const std::vector<Token>& tokens) {
  const size_t n = tokens.size();
  // A capitalized run from `b` on, as long as its words are joined: its end (b when none).
  const auto run_from = [&](size_t b) {
    size_t e = b;
    while (e < n && tokens[e].cap && !In(lex_.not_names, tokens[e]) && e - b < kMaxFirmWords &&
           (e == b || tokens[e].joined)) {
      ++e;
    }
    return e;
  };
  for (size_t k = 0; k < n; ++k) {
    if (tokens[k].cap || !In(lex_.firm_nouns, tokens[k])) continue;
    // The noun heads its phrase: the phrase opens with an article a few words before, and
    // the noun ends it ("a company spokeswoman" is no firm's phrase).
    size_t a = k;
    while (a > 0 && k - a < kMaxNounPhraseWords && tokens[a].joined &&
           !In(lex_.articles, tokens[a])) {
      --a;
    }
    if (!In(lex_.articles, tokens[a])) continue;
    const bool comma_after = k + 1 < n && CommaBetween(tokens[k], tokens[k + 1]);
    const bool ends_phrase = k + 1 == n || !tokens[k + 1].joined;
    if (!ends_phrase) {
      // "the ferry operator Adria Linija said": a name right after the noun.
      const size_t e = run_from(k + 1);
      if (e >= k + 3 || (e == k + 2 && e < n && !tokens[e].cap && tokens[e].joined)) {
        AddFirm({tokens[k + 1].span.begin, tokens[e - 1].span.end});
      }
      continue;
    }
    // "The operator, Adria Linija, said": the name between two commas after the phrase.
    if (comma_after) {
      const size_t e = run_from(k + 1);
      if (e > k + 1 && e < n && CommaBetween(tokens[e - 1], tokens[e])) {
        AddFirm({tokens[k + 1].span.begin, tokens[e - 1].span.end});
        continue;
      }
    }
    // "Adria Linija, the state ferry operator, said": the name before a comma that opens the
    // phrase, which a comma or the sentence's end closes.
    if (a >= 1 && CommaBetween(tokens[a - 1], tokens[a]) && tokens[a - 1].cap) {
      size_t b = a - 1;
      while (b > 0 && a - 1 - b + 1 < kMaxFirmWords && tokens[b].joined && tokens[b - 1].cap &&
             !In(lex_.not_names, tokens[b - 1])) {
        --b;
      }
      while (b < a - 1 && In(lex_.not_names, tokens[b])) ++b;
      if (!In(lex_.not_names, tokens[b])) {
        AddFirm({tokens[b].span.begin, tokens[a - 1].span.end});
      }
    }
  }
}

std::optional<std::string> Registry::FirmBefore(uint32_t at) const {
  const auto it = std::partition_point(firms_.begin(), firms_.end(),
                                       [&](const text::ByteSpan& f) { return f.begin < at; });
  if (it != firms_.begin()) {
    const text::ByteSpan& firm = *(it - 1);
    return std::string(text_.substr(firm.begin, firm.size()));
  }
  // None named with a firm's word or a firm noun: the story's lead subject, when it is a
  // name nothing shows to be a person's ("HALIFAX — Atlantic Shoals Seafoods reported a
  // loss …", "Dunmore Harps have dismissed their manager"): what business and sports
  // stories open with and then call "the company" or "the club".
  if (const std::optional<int> lead = LeadSubject(); lead && mentions_[*lead].span.begin < at) {
    return entities_[mentions_[*lead].entity].name;
  }
  return std::nullopt;
}

std::optional<int> Registry::LeadSubject() const {
  if (seg_ == nullptr || seg_->sentences.empty()) return std::nullopt;
  // The lead is among the story's first sentences that end with a stop; a headline, a
  // caption's credit or a dateline (no final stop) is not it and does not count.
  constexpr size_t kLeadSentences = 4;
  auto ends_with_stop = [&](size_t sentence) {
    const text::ByteSpan s = seg_->sentences[sentence];
    std::string_view body = text_.substr(s.begin, s.size());
    while (!body.empty() && (body.back() == ' ' || body.back() == '\n')) body.remove_suffix(1);
    return !body.empty() && (body.back() == '.' || body.back() == '!' || body.back() == '?');
  };
  size_t counted = 0, upto = 0;  // sentences before `upto` that end with a stop: `counted`
  for (size_t i = 0; i < mentions_.size(); ++i) {
    const EntityMention& m = mentions_[i];
    const size_t sentence = SentenceOf(m.span.begin);
    for (; upto < sentence; ++upto) counted += ends_with_stop(upto);
    if (counted >= kLeadSentences) return std::nullopt;
    if (!ends_with_stop(sentence)) continue;
    // It opens the sentence, or follows a dateline's dash that the tokenizer did not take for
    // one ("Dublin — ").
    const uint32_t sentence_begin = seg_->sentences[sentence].begin;
    const std::string_view before = text_.substr(sentence_begin, m.span.begin - sentence_begin);
    const bool after_dateline = before.ends_with("\xE2\x80\x94 ") || before.ends_with("-- ") ||
                                before.ends_with("\xE2\x80\x93 ");
    if (!m.sentence_initial && !after_dateline) continue;
    // A verb follows the name: "Atlantic Shoals Seafoods reported", not "Ana Ruiz, 41, …".
    const size_t next = TokenAt(m.span.end);
    if (next >= seg_->tokens.size() || seg_->tokens[next].kind != text::TokenKind::kWord ||
        seg_->tokens[next].shape != text::Shape::kLower) {
      continue;
    }
    // Nothing shows it to be a person: no gender, role or known first name (a photo
    // caption's "Declan O'Rourke on the touchline …" is a person's).
    const Entity& e = entities_[m.entity];
    if (e.gender != Gender::kUnknown || e.role.has_value() ||
        lex_.first_names_female.contains(e.first_name) ||
        lex_.first_names_male.contains(e.first_name)) {
      continue;
    }
    return static_cast<int>(i);
  }
  return std::nullopt;
}

std::optional<text::ByteSpan> Registry::OpeningFirmDescription(uint32_t at) const {
  if (seg_ == nullptr || seg_->sentences.empty()) return std::nullopt;
  // "The company", "The state-owned carrier": an article, up to three words in lower case,
  // the last a firm noun, at the start of the sentence holding `at` and before it.
  constexpr size_t kWordsAfterArticle = 3;
  const size_t first = TokenAt(seg_->sentences[SentenceOf(at)].begin);
  const auto word = [&](size_t k) {
    const text::ByteSpan t = seg_->tokens[k].span;
    return text_.substr(t.begin, t.size());
  };
  if (first >= seg_->tokens.size() || !lex_.definite_articles.contains(word(first))) {
    return std::nullopt;
  }
  for (size_t k = first + 1; k < seg_->tokens.size() && k <= first + kWordsAfterArticle; ++k) {
    const text::Token& t = seg_->tokens[k];
    if (t.span.end > at || t.kind != text::TokenKind::kWord || t.shape != text::Shape::kLower) {
      break;
    }
    if (lex_.firm_nouns.contains(word(k))) {
      return text::ByteSpan{seg_->tokens[first].span.begin, t.span.end};
    }
  }
  return std::nullopt;
}

}  // namespace whosaid::entities
