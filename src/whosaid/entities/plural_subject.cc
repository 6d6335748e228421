// "they" for a group the narrative names with a common noun: "Residents were split. They
// told the council …" is the residents', not the last body quoted before. Such a group is
// no mention (no capitalized name), so the pronoun's search over mentions never finds it.
#include <algorithm>
#include <string>

#include "whosaid/entities/registry.h"
#include "whosaid/entities/registry_words.h"

namespace whosaid::entities {
namespace {

// At most this many words before the noun that heads the group's phrase ("Many local
// business owners").
constexpr size_t kMaxGroupWords = 5;

}  // namespace

bool Registry::PluralNoun(std::string_view w) const {
  // (w is in lower case)
  if (w.empty() || !(w[0] >= 'a' && w[0] <= 'z')) return false;
  // The list's plurals ("officials", "analysts"; not "spokesman").
  if (lex_.group_speaker_nouns.contains(w) && w.ends_with("s")) return true;
  // People, not things ("Such measures were …, they said" is someone's): a word of
  // people_plural_endings.lst ("people", "police") or with one of its endings ("owners",
  // "investors", "economists", "politicians", "residents", "fishermen").
  if (lex_.people_plural_endings.contains(w)) return true;
  for (const std::string& end : lex_.people_plural_endings.entries()) {
    if (w.size() > end.size() + 1 && w.ends_with(end)) return true;
  }
  return false;
}

std::optional<text::ByteSpan> Registry::PluralSubjectOf(size_t sentence, uint32_t before) const {
  if (seg_ == nullptr || sentence >= seg_->sentences.size()) return std::nullopt;
  const std::vector<text::Token>& tokens = seg_->tokens;
  const size_t first = TokenAt(seg_->sentences[sentence].begin);
  const auto word_at = [&](size_t k) -> std::string_view {
    if (k >= tokens.size() || tokens[k].kind != text::TokenKind::kWord) return {};
    return text_.substr(tokens[k].span.begin, tokens[k].span.size());
  };
  std::string head;
  for (size_t k = first; k < tokens.size() && k < first + kMaxGroupWords; ++k) {
    if (tokens[k].span.end > before || tokens[k].sentence != tokens[first].sentence) break;
    const std::string_view w = word_at(k);
    if (w.empty()) break;
    // Only the sentence's first word may be capitalized: "Many residents", not "Tulsa
    // residents" (a place's, or a body's name, which mentions find).
    if (k > first && !(w[0] >= 'a' && w[0] <= 'z')) break;
    head.assign(w);
    if (k == first && head[0] >= 'A' && head[0] <= 'Z') head[0] = static_cast<char>(head[0] + 32);
    if (!PluralNoun(head)) continue;
    // The phrase is the subject when a verb follows the noun: a form of "be", a verb of
    // saying, a modal or auxiliary (not_subject_words.lst, subject_verb_openers.lst) or a past
    // tense ("Residents were split", "The fishermen agreed").
    const std::string_view next = word_at(k + 1);
    const bool verb =
        !next.empty() &&
        (lex_.be_forms.contains(next) || lex_.cue_verbs.contains(next) ||
         lex_.subject_verb_openers.contains(next) || lex_.not_subject_words.contains(next) ||
         (next.size() > 3 && next.ends_with("ed")));
    if (!verb) return std::nullopt;
    return text::ByteSpan{tokens[first].span.begin, tokens[k].span.end};
  }
  return std::nullopt;
}

std::optional<text::ByteSpan> Registry::PluralSubjectBefore(text::ByteSpan pronoun) const {
  if (seg_ == nullptr || seg_->sentences.empty()) return std::nullopt;
  const size_t sentence = SentenceOf(pronoun.begin);
  // The pronoun's own sentence ("Residents said they …"), else the sentence before it in
  // its paragraph.
  if (auto own = PluralSubjectOf(sentence, pronoun.begin)) return own;
  if (sentence == 0 ||
      seg_->sentence_paragraph[sentence - 1] != seg_->sentence_paragraph[sentence]) {
    return std::nullopt;
  }
  return PluralSubjectOf(sentence - 1, seg_->sentences[sentence - 1].end);
}

}  // namespace whosaid::entities
