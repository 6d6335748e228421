#include "whosaid/attrib/sentence_subject.h"

#include <algorithm>

#include "whosaid/text/char_class.h"
#include "whosaid/text/token.h"

namespace whosaid::attrib {
namespace {

// The registry's mentions from the first that starts at byte `at` or after (they are in
// text order): a sieve looks at one sentence, not at every mention before it.
std::vector<entities::EntityMention>::const_iterator MentionsFrom(
    const entities::Registry& registry, uint32_t at) {
  const auto& mentions = registry.mentions();
  return std::lower_bound(
      mentions.begin(), mentions.end(), at,
      [](const entities::EntityMention& m, uint32_t byte) { return m.span.begin < byte; });
}

// True when token `tok` of text `t` is a comma.
bool IsComma(std::string_view t, const text::Token& tok) {
  return tok.kind == text::TokenKind::kPunct && t[tok.span.begin] == ',';
}

// The capitalized words that open `sentence` ("PolitiFact rated …", "Protesters chanted …"),
// when the first is not a word that never starts a name.
std::optional<text::ByteSpan> CapitalizedOpening(std::string_view t, text::ByteSpan sentence,
                                                 const entities::Lexicons& lex) {
  // A heading ("Veto Power Impedes Peace Efforts") has no closing punctuation.
  const char last = t[sentence.end - 1];
  if (last != '.' && last != '?' && last != '!' && last != '"' && last != ')' &&
      (sentence.size() < 3 || t.substr(sentence.end - 3, 3) != "\xE2\x80\x9D")) {
    return std::nullopt;
  }
  uint32_t i = sentence.begin;
  // An adverb set off by a comma ("Conversely, PolitiFact rated …") comes before the name.
  {
    const std::string_view head = t.substr(i, std::min<uint32_t>(sentence.size(), 24));
    const size_t comma = head.find(", ");
    if (comma != std::string_view::npos &&
        head.substr(0, comma).find(' ') == std::string_view::npos && comma + 2 < head.size() &&
        head[comma + 2] >= 'A' && head[comma + 2] <= 'Z') {
      i += static_cast<uint32_t>(comma + 2);
    }
  }
  // "The" before two capitalized words or more names a body ("The Trayvon Martin Foundation
  // did not …", "The Wall Street Journal reported …"); before one, a description ("The
  // Democratic debate …").
  std::optional<uint32_t> article;
  if (const size_t sp = t.substr(i, sentence.end - i).find(' ');
      sp != std::string_view::npos && i + sp + 1 < sentence.end) {
    const char next = t[i + sp + 1];
    if (lex.definite_articles.contains(text::AsciiLowerFirst(t.substr(i, sp))) && next >= 'A' &&
        next <= 'Z') {
      article = i;
      i += static_cast<uint32_t>(sp + 1);
    }
  }
  uint32_t end = i;
  int words = 0;
  while (end < sentence.end && words < 3) {
    uint32_t w = end;
    if (w >= sentence.end || t[w] < 'A' || t[w] > 'Z') break;
    while (w < sentence.end && t[w] != ' ' && t[w] != ',' && t[w] != '.' && t[w] != ':') ++w;
    // A middle initial keeps its period and does not count: "Speaker Paul D. Ryan".
    if (end > i && w == end + 1 && w + 2 < sentence.end && t[w] == '.' && t[w + 1] == ' ' &&
        t[w + 2] >= 'A' && t[w + 2] <= 'Z') {
      end = w + 2;
      continue;
    }
    const std::string_view word = t.substr(end, w - end);
    if (end == i && lex.not_names.contains(word)) return std::nullopt;
    // Nor does one contracted ("It’s been …", "That’s why …", "We’ve …").
    if (end == i && lex.not_names.contains(text::BeforeApostrophe(word))) return std::nullopt;
    // A participle opens a clause, not a name: "Bemoaning the system, Trump …".
    if (end == i && word.size() > 5 && word.substr(word.size() - 3) == "ing") return std::nullopt;
    // All capitals is a heading ("CONGRESS ACTS"), not a name.
    if (word.size() > 1 &&
        std::none_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      return std::nullopt;
    }
    end = w;
    ++words;
    if (end + 1 >= sentence.end || t[end] != ' ') break;
    if (t[end + 1] < 'A' || t[end + 1] > 'Z') break;
    ++end;
  }
  while (end > i && t[end - 1] == ' ') --end;  // the run stopped after its third word's space
  if (end == i || (article && words < 2)) return std::nullopt;
  // A run that ends in an abbreviated title ("Texas Sen. Ted Cruz") stops before the name;
  // the registry's mention of the name stands for the subject.
  if (end < sentence.end && t[end] == '.') {
    const size_t last_space = t.substr(i, end - i).rfind(' ');
    const uint32_t last =
        last_space == std::string_view::npos ? i : i + static_cast<uint32_t>(last_space) + 1;
    if (lex.honorifics.contains(std::string(t.substr(last, end - last + 1)))) return std::nullopt;
  }
  if (words == 1) {
    const std::string_view word = t.substr(i, end - i);
    // An abbreviated title ("Gov. Ann Lee said") is no name by itself; the registry's
    // mention of the whole name stands for the subject.
    if (end < sentence.end && t[end] == '.' && word.size() <= 4) return std::nullopt;
    // An adverb in -ly opening the sentence ("Hastily assembled, the crew …") is no name,
    // unless it is a listed first name ("Kelly", "Emily").
    if (word.size() > 4 && word.ends_with("ly") && !lex.first_names_female.contains(word) &&
        !lex.first_names_male.contains(word)) {
      return std::nullopt;
    }
  }
  // A label ("Veto Power Impedes Peace Efforts: …") is no subject: follow the capitalized
  // words past the three taken and see whether a colon ends them.
  uint32_t k = end;
  while (k + 1 < sentence.end && t[k] == ' ' && t[k + 1] >= 'A' && t[k + 1] <= 'Z') {
    ++k;
    while (k < sentence.end && t[k] != ' ' && t[k] != ',' && t[k] != '.' && t[k] != ':') ++k;
  }
  if (k < sentence.end && t[k] == ':') return std::nullopt;
  return text::ByteSpan{article.value_or(i), end};
}

// "He", "She", "They" or "It" opening `sentence`, after an optional "But"/"And"/"So".
// The pronouns are those of subject_pronouns.lst followed by a space, the leads those of
// sentence_leads.lst.
std::optional<text::ByteSpan> PronounOpening(std::string_view t, text::ByteSpan sentence,
                                             const entities::Lexicons& lex) {
  std::string_view s = t.substr(sentence.begin, sentence.size());
  uint32_t skip = 0;
  // "But he", and with a comma: "Meanwhile, it attacked …", "However, he called …".
  if (const size_t sp = s.find(' '); sp != std::string_view::npos) {
    std::string_view lead = s.substr(0, sp);
    if (lead.size() > 1 && lead.back() == ',') lead.remove_suffix(1);
    if (lex.sentence_leads.contains(lead)) skip = static_cast<uint32_t>(sp + 1);
  }
  if (const size_t sp = s.find(' ', skip);
      sp != std::string_view::npos && lex.subject_pronouns.contains(s.substr(skip, sp - skip))) {
    const uint32_t b = sentence.begin + skip;
    return text::ByteSpan{b, b + static_cast<uint32_t>(sp - skip)};
  }
  // A contraction (subject_pronoun_contractions.lst): "He’s", "She’d", "They’re" (’ or a
  // straight ').
  size_t e = skip;
  while (e < s.size() && ((s[e] >= 'A' && s[e] <= 'Z') || (s[e] >= 'a' && s[e] <= 'z'))) ++e;
  if (e > skip && lex.subject_pronoun_contractions.contains(s.substr(skip, e - skip))) {
    const std::string_view rest = s.substr(e);
    if (rest.substr(0, 3) == "\xE2\x80\x99" || rest.substr(0, 1) == "'") {
      const uint32_t b = sentence.begin + skip;
      return text::ByteSpan{b, b + static_cast<uint32_t>(e - skip)};
    }
  }
  return std::nullopt;
}

// True when `gap` is one or more lower-case role nouns between spaces (" owner ").
bool OnlyRoleNounsBetween(std::string_view gap, const entities::Lexicons& lex) {
  if (gap.size() < 3 || gap.front() != ' ' || gap.back() != ' ') return false;
  gap = gap.substr(1, gap.size() - 2);
  size_t pos = 0;
  while (pos <= gap.size()) {
    size_t sp = gap.find(' ', pos);
    if (sp == std::string_view::npos) sp = gap.size();
    if (!lex.role_nouns.contains(std::string(gap.substr(pos, sp - pos)))) return false;
    pos = sp + 1;
  }
  return true;
}

// The subject nearest the quotation in tokens [first, quote) of its sentence, after byte
// `after`: a clause's subject pronoun ("Somewhere in there, he tossed in a “…”"), or the
// relative pronoun after a name ("Trump, who has called it “…”"), which stands for the name.
// Tokens inside other quotations are skipped. The mention is the pronoun itself: it is the
// subject of the clause that holds the quotation.
struct NearSubject {
  text::ByteSpan mention;
  std::optional<text::ByteSpan> antecedent;  // the name a relative pronoun follows
  bool after_first_comma = false;            // a comma before it, and none between `after` and that
  bool comma_to_quote = false;  // a comma between it and the quotation: its clause may have ended
};
std::optional<NearSubject> NearestSubject(std::string_view t, const text::Segmentation& seg,
                                          uint32_t after, uint32_t quote,
                                          const std::vector<quotes::QuoteSpan>& quotes,
                                          const entities::Registry& registry,
                                          const entities::Lexicons& lex) {
  const auto& tokens = seg.tokens;
  size_t k = seg.TokenAt(quote);
  bool comma_seen = false;
  while (k > 0) {
    --k;
    const text::Token& tok = tokens[k];
    if (tok.span.begin < after) break;
    if (IsComma(t, tok)) comma_seen = true;
    if (tok.kind != text::TokenKind::kWord) continue;
    if (quotes::OverlapsAnyQuote(quotes, tok.span)) continue;
    const std::string_view word = t.substr(tok.span.begin, tok.span.size());
    if (lex.clause_subject_pronouns.contains(word)) {
      NearSubject s{tok.span, std::nullopt};
      s.comma_to_quote = comma_seen;
      if (k > 0 && IsComma(t, tokens[k - 1])) {
        s.after_first_comma = true;
        for (size_t i = k - 1; i > 0 && tokens[i - 1].span.begin >= after; --i) {
          if (IsComma(t, tokens[i - 1])) s.after_first_comma = false;
        }
      }
      return s;
    }
    if (!lex.relative_pronouns.contains(word) || k == 0) continue;
    // The name before "who" (a comma between them or not).
    const uint32_t name_end =
        IsComma(t, tokens[k - 1]) && k >= 2 ? tokens[k - 2].span.end : tokens[k - 1].span.end;
    // The mention that ends there is the last one to start before it.
    if (auto m = MentionsFrom(registry, name_end); m != registry.mentions().begin()) {
      --m;
      if (m->span.end == name_end) {
        NearSubject s{tok.span, m->span};
        s.comma_to_quote = comma_seen;
        return s;
      }
    }
  }
  return std::nullopt;
}

// A description opening `sentence` (after "But", "And" …): an article, at most four words,
// and a speaker or role noun, the last of a run of them ("The Florida senator is telling
// …", "A campaign spokesman said …"). The words in between are no verb of saying, form of
// "be" or word that ends a subject.
std::optional<text::ByteSpan> DescriptionOpening(std::string_view t, const text::Segmentation& seg,
                                                 text::ByteSpan sentence,
                                                 const entities::Lexicons& lex) {
  const auto& tokens = seg.tokens;
  size_t k = seg.TokenAt(sentence.begin);
  auto word = [&](size_t i) {
    return i < tokens.size() && tokens[i].span.end <= sentence.end &&
                   tokens[i].kind == text::TokenKind::kWord
               ? t.substr(tokens[i].span.begin, tokens[i].span.size())
               : std::string_view();
  };
  if (lex.sentence_leads.contains(word(k))) {
    ++k;
    // "Meanwhile, the council …": its comma too.
    if (k < tokens.size() && tokens[k].kind == text::TokenKind::kPunct &&
        t.substr(tokens[k].span.begin, tokens[k].span.size()) == ",") {
      ++k;
    }
  }
  if (!lex.articles.contains(word(k))) return std::nullopt;
  const size_t article = k;
  std::optional<size_t> head;
  for (size_t i = k + 1; i <= k + 5; ++i) {
    const std::string_view w = word(i);
    if (w.empty()) break;
    if (lex.speaker_nouns.contains(w) || lex.role_nouns.contains(w)) {
      head = i;
      continue;
    }
    if (head || lex.be_forms.contains(w) || lex.subordinators.contains(w)) break;
  }
  if (!head) return std::nullopt;
  return text::ByteSpan{tokens[article].span.begin, tokens[*head].span.end};
}

}  // namespace

std::optional<Link> SubjectLink(std::string_view t, text::ByteSpan sentence, uint32_t before,
                                entities::Registry& registry, const entities::Lexicons& lex,
                                const NearestSubjectContext* near) {
  // An opening subordinate clause ("As Blumenthal spoke, the NRA …") names no subject of
  // the main clause: look after its comma.
  // (subordinators.lst, followed by a space).
  const std::string_view opening = t.substr(sentence.begin, before - sentence.begin);
  if (const size_t sp = opening.find(' ');
      sp != std::string_view::npos && lex.subordinators.contains(opening.substr(0, sp))) {
    // The quote inside the clause itself ("Though she called it “outrageous” …"): its
    // subject follows the subordinator.
    const size_t comma = opening.find(", ");
    sentence.begin += static_cast<uint32_t>(comma != std::string_view::npos ? comma + 2 : sp + 1);
  }
  std::optional<text::ByteSpan> subject = PronounOpening(t, sentence, lex);
  const bool opening_pronoun = subject.has_value();
  bool opening_subject = opening_pronoun;
  // Capitalized words opening the sentence that the registry does not know as a name: an
  // adverb or a number may be among them ("Thirteen years earlier, she …").
  bool unknown_opening = false;
  // A description opening the sentence ("The Florida senator is telling …").
  if (!subject && near) {
    if ((subject = DescriptionOpening(t, *near->seg, sentence, lex))) opening_subject = true;
  }
  // A capitalized name opening the sentence is its subject, even one the registry does not
  // know as a person ("PolitiFact ruled …", "Oversight Committee Republicans seethed …").
  if (!subject) {
    if (auto opening = CapitalizedOpening(t, sentence, lex);
        opening && opening->begin == sentence.begin) {
      subject = opening;
      opening_subject = true;
      unknown_opening = true;
    }
  }
  for (auto it = MentionsFrom(registry, sentence.begin); it != registry.mentions().end(); ++it) {
    const entities::EntityMention& m = *it;
    if (m.span.begin >= before) break;
    if (!subject || m.span.begin < subject->begin) {
      subject = m.span;
      opening_subject = m.span.begin == sentence.begin;
    } else if (m.span.begin == subject->begin) {
      unknown_opening = false;  // the opening words are a name the registry knows
    }
    // An opening that only names the person's role ("Café owner Zoë Ngata", "Apple
    // spokesman Tom Reyes"): the person is the subject.
    else if (m.span.begin > subject->end &&
             OnlyRoleNounsBetween(t.substr(subject->end, m.span.begin - subject->end), lex)) {
      subject = m.span;
    }
    break;
  }
  if (!subject) subject = CapitalizedOpening(t, sentence, lex);
  // One capitalized word the registry does not know, opening a phrase set off by a comma
  // ("Preceded at the lectern by Ann Lee, the mayor's aide, Tom Reyes launched into …"): the
  // subject is the first name right after a comma.
  if (subject && unknown_opening &&
      t.substr(subject->begin, subject->size()).find(' ') == std::string_view::npos) {
    for (auto it = MentionsFrom(registry, subject->end + 1); it != registry.mentions().end();
         ++it) {
      const entities::EntityMention& m = *it;
      if (m.span.begin >= before) break;
      uint32_t k = m.span.begin;
      while (k > sentence.begin && t[k - 1] == ' ') --k;
      if (k > sentence.begin && t[k - 1] == ',') {
        subject = m.span;
        unknown_opening = false;
        break;
      }
    }
  }
  if (subject && subject->end > before) subject.reset();
  // The subject's person, resolved once whichever mention ends up the link's.
  std::optional<entities::Resolution> subject_resolution;
  auto resolve_subject = [&]() -> const entities::Resolution& {
    if (!subject_resolution) subject_resolution = registry.Resolve(*subject, -1);
    return *subject_resolution;
  };
  // A pronoun nearer the quotation is the subject of its own clause: "Somewhere in there, he
  // tossed in a “…”" (no name opens the sentence), "Perez drew applause as he kept talking
  // about “…”" (the same person: the pronoun is the mention). After a pronoun opening the
  // sentence, the opening one stays the mention.
  if (near && !opening_pronoun) {
    const uint32_t after = subject ? subject->end : sentence.begin;
    if (const std::optional<NearSubject> s =
            NearestSubject(t, *near->seg, after, before, *near->quotes, registry, lex)) {
      const entities::Resolution nr = registry.Resolve(s->antecedent.value_or(s->mention), -1);
      // After capitalized words the registry does not know, the subject of the main clause
      // follows the opening phrase's comma ("Thirteen years earlier, she …"), or is the
      // "who" of a name it knows ("Contrast that with Trump, who …").
      const bool after_opening_phrase = unknown_opening && (s->antecedent || s->after_first_comma);
      // A "who" clause that runs on to the quotation is the quotation's clause, whoever
      // opens the sentence ("… included Trump's running mate, Mike Pence, who called him
      // “…”").
      const bool own_relative_clause = s->antecedent && !s->comma_to_quote;
      if (nr.entity >= 0 && (!subject || !opening_subject || after_opening_phrase ||
                             own_relative_clause || resolve_subject().entity == nr.entity)) {
        Link link;
        link.found = true;
        link.speaker = s->mention;
        link.entity = nr.entity;
        link.pronoun = nr.pronoun || s->antecedent.has_value();
        return link;
      }
    }
  }
  if (!subject) return std::nullopt;
  Link link;
  link.found = true;
  link.speaker = *subject;
  const entities::Resolution& r = resolve_subject();
  if (r.entity < 0) return std::nullopt;  // a pronoun with nobody to stand for
  link.entity = r.entity;
  link.pronoun = r.pronoun;
  return link;
}

}  // namespace whosaid::attrib
