#include "whosaid/attrib/attributor.h"

#include <algorithm>
#include <chrono>

#include "whosaid/entities/registry.h"
#include "whosaid/entities/registry_words.h"
#include "whosaid/text/utf8.h"

namespace whosaid::attrib {
namespace {

// A speaker link found for a quote or an indirect clause, before entity resolution.
// The rule that decided a link.
struct DecidingRule {
  std::string_view id;  // the rule's, which outlives the link
  double confidence = 0;
};

struct Link {
  bool found = false;
  std::optional<DecidingRule> rule;  // none when a sieve decided
  std::string sieve;
  text::ByteSpan speaker;
  std::optional<text::ByteSpan> cue;
  std::optional<text::ByteSpan> role;
  std::vector<std::pair<std::string, std::string>> slots;
  int entity = -1;
  bool pronoun = false;
};

struct IndirectClause {
  text::ByteSpan clause;
  Link link;
};

// False for a speaker slot that holds only words that never name anyone ("After",
// "Following"): a pattern that matched across a sentence opener. Pronouns are speakers.
bool PlausibleSpeaker(std::string_view s, const entities::Lexicons& lex) {
  // A clause that runs into the speaker slot ("when Clinton blasted him"), or a phrase that
  // opens with a preposition ("of Clinton", "regarding her links"), is no speaker.
  if (const size_t first = s.find(' ');
      first != std::string_view::npos && lex.not_speaker_openings.contains(s.substr(0, first))) {
    return false;
  }
  // Nor does one that ends with a form of "be" ("Alpert’s metaphor is").
  if (const size_t last = s.rfind(' ');
      last != std::string_view::npos && lex.be_forms.contains(s.substr(last + 1))) {
    return false;
  }
  size_t pos = 0;
  while (pos < s.size()) {
    size_t sp = s.find(' ', pos);
    if (sp == std::string_view::npos) sp = s.size();
    const std::string_view w = s.substr(pos, sp - pos);
    pos = sp + 1;
    if (lex.pronouns.contains(w)) return true;
    if (!lex.not_names.contains(std::string(w))) return true;
  }
  return false;
}

// A link from a token rule's match (of a quotation or of reported speech), with its slots'
// text when `keep_slots`.
Link LinkFromTokenMatch(std::string_view t, const tokenrules::TokenMatch& m, bool keep_slots) {
  Link link;
  link.found = true;
  link.rule = DecidingRule{m.rule->id, m.rule->confidence};
  link.speaker = *m.speaker;
  link.cue = m.cue;
  link.role = m.role;
  if (!keep_slots) return link;
  for (const auto& [name, span] : {std::pair{"SPEAKER", m.speaker}, std::pair{"ROLE", m.role},
                                   std::pair{"CUE", m.cue}, std::pair{"CLAUSE", m.clause}}) {
    if (span) link.slots.emplace_back(name, std::string(t.substr(span->begin, span->size())));
  }
  return link;
}

// Step 1, on the document's symbols: each quotation's rule matches, the best by priority,
// then the speaker nearest the quotation (a plausible speaker only).
void AttributeByTokenRules(std::string_view t, const text::Segmentation& seg,
                           const std::vector<quotes::QuoteSpan>& quotes,
                           const tokenrules::TokenRuleSet& rules, const entities::Lexicons& lex,
                           bool keep_slots, tokenrules::SymbolText* symbols,
                           std::vector<Link>* links) {
  std::vector<tokenrules::TokenMatch> matches;
  for (size_t i = 0; i < quotes.size(); ++i) {
    rules.MatchQuote(seg, quotes, i, symbols, &matches, [&](const tokenrules::TokenMatch& m) {
      return m.speaker && PlausibleSpeaker(t.substr(m.speaker->begin, m.speaker->size()), lex);
    });
    const tokenrules::TokenMatch* best = nullptr;
    uint32_t best_distance = 0;
    for (const tokenrules::TokenMatch& m : matches) {
      const uint32_t distance =
          m.speaker->begin >= quotes[i].outer.end
              ? m.speaker->begin - quotes[i].outer.end
              : quotes[i].outer.begin - std::min(m.speaker->end, quotes[i].outer.begin);
      if (!best || m.rule->priority > best->rule->priority ||
          (m.rule->priority == best->rule->priority && distance < best_distance)) {
        best = &m;
        best_distance = distance;
      }
    }
    if (best) (*links)[i] = LinkFromTokenMatch(t, *best, keep_slots);
  }
}

// True when the sentence holding byte `at` ends with a full stop, question or exclamation
// mark (closing quote marks and brackets after it allowed). A headline, a label or a photo
// caption has none: "Farmers Say Imports Are Pushing Them Out" reports no statement.
bool SentenceEndsWithMark(std::string_view t, const text::Segmentation& seg, uint32_t at) {
  const auto it =
      std::upper_bound(seg.sentences.begin(), seg.sentences.end(), at,
                       [](uint32_t byte, const text::ByteSpan& s) { return byte < s.begin; });
  if (it == seg.sentences.begin()) return false;
  const text::ByteSpan sentence = *(it - 1);
  uint32_t end = sentence.end;
  while (end > sentence.begin) {
    const unsigned char c = static_cast<unsigned char>(t[end - 1]);
    if (c == '.' || c == '?' || c == '!') return true;
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == ' ') {
      --end;
    } else if (end - sentence.begin >= 3 && t[end - 3] == '\xE2' && t[end - 2] == '\x80' &&
               (c == 0x9D || c == 0x99)) {
      end -= 3;  // ” ’
    } else {
      return false;
    }
  }
  return false;
}

// Step 2: the indirect-speech clauses of the whole document.
void IndirectByTokenRules(std::string_view t, const text::Segmentation& seg,
                          const std::vector<quotes::QuoteSpan>& quotes,
                          const tokenrules::TokenRuleSet& rules, bool keep_slots,
                          const tokenrules::SymbolText& symbols, std::vector<IndirectClause>* out) {
  std::vector<tokenrules::TokenMatch> matches;
  rules.MatchIndirect(seg, quotes, symbols, &matches);
  for (const tokenrules::TokenMatch& m : matches) {
    if (!SentenceEndsWithMark(t, seg, m.clause->begin)) continue;
    out->push_back({*m.clause, LinkFromTokenMatch(t, m, keep_slots)});
  }
}

// A sieve's link: the speaker of `from`, decided by `sieve` rather than a rule. The role
// slot stays with the quote it was written beside.
Link InheritLink(const Link& from, const char* sieve) {
  Link link = from;
  link.rule.reset();
  link.sieve = sieve;
  link.role.reset();
  return link;
}

// The speaker label opening a transcript turn ("PENCE: …", "MS. RUIZ: …"): capital
// letters, spaces, periods and hyphens, then a colon and a space.
std::optional<text::ByteSpan> TranscriptLabel(std::string_view t, text::ByteSpan content) {
  uint32_t i = content.begin;
  int letters = 0;
  for (; i < content.end && i < content.begin + 40; ++i) {
    const char c = t[i];
    if (c >= 'A' && c <= 'Z')
      ++letters;
    else if (c != ' ' && c != '.' && c != '-' && c != '\'')
      break;
  }
  if (letters < 2 || i + 1 >= content.end || t[i] != ':' || t[i + 1] != ' ') return std::nullopt;
  return text::ByteSpan{content.begin, i};
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
  uint32_t end = i;
  int words = 0;
  while (end < sentence.end && words < 3) {
    uint32_t w = end;
    if (w >= sentence.end || t[w] < 'A' || t[w] > 'Z') break;
    while (w < sentence.end && t[w] != ' ' && t[w] != ',' && t[w] != '.' && t[w] != ':') ++w;
    const std::string_view word = t.substr(end, w - end);
    if (end == i && lex.not_names.contains(std::string(word))) return std::nullopt;
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
  if (end == i) return std::nullopt;
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
  }
  // A label ("Veto Power Impedes Peace Efforts: …") is no subject: follow the capitalized
  // words past the three taken and see whether a colon ends them.
  uint32_t k = end;
  while (k + 1 < sentence.end && t[k] == ' ' && t[k + 1] >= 'A' && t[k + 1] <= 'Z') {
    ++k;
    while (k < sentence.end && t[k] != ' ' && t[k] != ',' && t[k] != '.' && t[k] != ':') ++k;
  }
  if (k < sentence.end && t[k] == ':') return std::nullopt;
  return text::ByteSpan{i, end};
}

// "He", "She", "They" or "It" opening `sentence`, after an optional "But"/"And"/"So".
// The pronouns are those of subject_pronouns.lst followed by a space, the leads those of
// sentence_leads.lst.
std::optional<text::ByteSpan> PronounOpening(std::string_view t, text::ByteSpan sentence,
                                             const entities::Lexicons& lex) {
  std::string_view s = t.substr(sentence.begin, sentence.size());
  uint32_t skip = 0;
  if (const size_t sp = s.find(' ');
      sp != std::string_view::npos && lex.sentence_leads.contains(s.substr(0, sp))) {
    skip = static_cast<uint32_t>(sp + 1);
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

int CountWords(std::string_view s) {
  int words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// True for a short run of capitalized words: “Morning Joe”, “The Art of the Deal”.
// Lower-case words may be those of title_small_words.lst.
bool IsTitleCase(std::string_view content, const entities::Lexicons& lex) {
  int words = 0, capitalized = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t sp = content.find(' ', pos);
    if (sp == std::string_view::npos) sp = content.size();
    std::string_view w = content.substr(pos, sp - pos);
    pos = sp + 1;
    while (!w.empty() &&
           (w.back() == ',' || w.back() == '.' || w.back() == '?' || w.back() == '!')) {
      w.remove_suffix(1);
    }
    if (w.empty()) continue;
    ++words;
    const unsigned char c = static_cast<unsigned char>(w[0]);
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      ++capitalized;
    } else if (!lex.title_small_words.contains(w)) {
      return false;
    }
  }
  return words > 0 && words <= 8 && capitalized > 0;
}

// The word before a quote that makes a title-case quote a name of a work or a show:
// "on “Meet the Press”", "NBC’s “Today”", "the film “Selma”".
// The words are a possessive or an entry of title_cues.lst after a blank.
bool TitleContextBefore(std::string_view t, uint32_t open, const entities::Lexicons& lex) {
  std::string_view before = t.substr(0, open);
  while (!before.empty() && (before.back() == ' ' || before.back() == ',')) before.remove_suffix(1);
  if (before.ends_with("\xE2\x80\x99s") || before.ends_with("'s")) return true;
  for (const std::string& c : lex.title_cues.entries()) {
    if (before.size() > c.size() && before.ends_with(c) &&
        before[before.size() - c.size() - 1] == ' ') {
      return true;
    }
  }
  return false;
}

// Marks that are not a quotation: no speaker was found and the span is a fragment, a
// single-quoted phrase or too short to stand alone; or it is the title of a work or show
// ("on “Meet the Press”"). Single-quoted spans attributed only by a sieve are not trusted.
bool LooksLikeScareQuoteOrTitle(std::string_view t, const quotes::QuoteSpan& q, const Link& link,
                                int min_words, const entities::Lexicons& lex) {
  const std::string_view content = t.substr(q.content.begin, q.content.size());
  if (!link.found) {
    const bool fragment = q.type == quotes::QuoteType::kPartial || q.single;
    return fragment || CountWords(content) < min_words;
  }
  if (q.single && !link.rule) return true;
  if (IsTitleCase(content, lex) && TitleContextBefore(t, q.outer.begin, lex)) return true;
  // A title-case fragment inside a sentence that only a sieve gave a speaker is a name of
  // a work or show ("starred in “Apollo 13,”"), not a quotation.
  if (!link.rule && q.type == quotes::QuoteType::kPartial && IsTitleCase(content, lex) &&
      CountWords(content) >= 2) {
    return true;
  }
  return false;
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
struct NearestSubjectContext {
  const text::Segmentation* seg;
  const std::vector<quotes::QuoteSpan>* quotes;
};
struct NearSubject {
  text::ByteSpan mention;
  std::optional<text::ByteSpan> antecedent;  // the name a relative pronoun follows
  bool after_first_comma = false;            // a comma before it, and none between `after` and that
};
std::optional<NearSubject> NearestSubject(std::string_view t, const text::Segmentation& seg,
                                          uint32_t after, uint32_t quote,
                                          const std::vector<quotes::QuoteSpan>& quotes,
                                          const entities::Registry& registry,
                                          const entities::Lexicons& lex) {
  const auto& tokens = seg.tokens;
  auto k = static_cast<size_t>(
      std::partition_point(tokens.begin(), tokens.end(),
                           [&](const text::Token& tok) { return tok.span.begin < quote; }) -
      tokens.begin());
  while (k > 0) {
    --k;
    const text::Token& tok = tokens[k];
    if (tok.span.begin < after) break;
    if (tok.kind != text::TokenKind::kWord) continue;
    const bool quoted = std::any_of(quotes.begin(), quotes.end(), [&](const auto& q) {
      return q.outer.begin <= tok.span.begin && tok.span.end <= q.outer.end;
    });
    if (quoted) continue;
    const std::string_view word = t.substr(tok.span.begin, tok.span.size());
    if (lex.clause_subject_pronouns.contains(word)) {
      NearSubject s{tok.span, std::nullopt};
      const auto is_comma = [&](size_t i) {
        return tokens[i].kind == text::TokenKind::kPunct && t[tokens[i].span.begin] == ',';
      };
      if (k > 0 && is_comma(k - 1)) {
        s.after_first_comma = true;
        for (size_t i = k - 1; i > 0 && tokens[i - 1].span.begin >= after; --i) {
          if (is_comma(i - 1)) s.after_first_comma = false;
        }
      }
      return s;
    }
    if (!lex.relative_pronouns.contains(word) || k == 0) continue;
    // The name before "who" (a comma between them or not).
    const uint32_t name_end = tokens[k - 1].kind == text::TokenKind::kPunct && k >= 2 &&
                                      t.substr(tokens[k - 1].span.begin, 1) == ","
                                  ? tokens[k - 2].span.end
                                  : tokens[k - 1].span.end;
    for (const auto& m : registry.mentions()) {
      if (m.span.end == name_end) return NearSubject{tok.span, m.span};
      if (m.span.begin > name_end) break;
    }
  }
  return std::nullopt;
}

// sieve.subject: the first person or body named (or a pronoun or capitalized name opening
// the sentence) earlier in the quote's own sentence: "Clinton cited … as “Miss Piggy”".
// The subject must stand before byte `before` of `sentence`.
std::optional<Link> SubjectLink(std::string_view t, text::ByteSpan sentence, uint32_t before,
                                entities::Registry& registry, const entities::Lexicons& lex,
                                const NearestSubjectContext* near = nullptr) {
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
  for (const auto& m : registry.mentions()) {
    if (m.span.begin >= before) break;
    if (m.span.begin < sentence.begin) continue;
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
  if (subject && subject->end > before) subject.reset();
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
      if (nr.entity >= 0 && (!subject || !opening_subject || after_opening_phrase ||
                             registry.Resolve(*subject, -1).entity == nr.entity)) {
        Link link;
        link.found = true;
        link.sieve = "sieve.subject";
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
  link.sieve = "sieve.subject";
  link.speaker = *subject;
  const entities::Resolution r = registry.Resolve(*subject, -1);
  if (r.entity < 0) return std::nullopt;  // a pronoun with nobody to stand for
  link.entity = r.entity;
  link.pronoun = r.pronoun;
  return link;
}

}  // namespace

ExtractResult Attributor::Attribute(const text::Document& doc, const text::Segmentation& seg,
                                    std::vector<quotes::QuoteSpan> quotes,
                                    StageTimes* times) const {
  using Clock = std::chrono::steady_clock;
  const std::string_view t = doc.text();
  entities::Registry registry(lexicons_);
  const auto registry_start = Clock::now();
  {
    std::vector<text::ByteSpan> quoted;
    quoted.reserve(quotes.size());
    for (const auto& q : quotes) quoted.push_back(q.outer);
    registry.Scan(t, seg, quoted);
  }

  // 1. The rules at each quotation, over the document's symbols (encoded once for steps 1
  // and 2).
  const auto match_start = Clock::now();
  if (times) times->registry += std::chrono::duration<double>(match_start - registry_start).count();
  std::vector<Link> links(quotes.size());
  const bool indirect_rules = options_.indirect && rules_.has_indirect();
  tokenrules::SymbolText symbols;
  if (!quotes.empty() || indirect_rules) {
    symbols = rules_.Encode(t, seg, quotes);
    AttributeByTokenRules(t, seg, quotes, rules_, lexicons_, options_.keep_slots, &symbols, &links);
  }

  // 2. Reported speech over the whole document.
  std::vector<IndirectClause> indirect;
  if (indirect_rules) {
    IndirectByTokenRules(t, seg, quotes, rules_, options_.keep_slots, symbols, &indirect);
  }

  if (times) {
    times->match += std::chrono::duration<double>(Clock::now() - match_start).count();
  }

  // 3. Resolve speaker mentions to entities in document order, so that pronouns can prefer
  // the previous speaker.
  {
    struct Event {
      uint32_t pos;
      Link* link;
    };
    std::vector<Event> events;
    for (size_t i = 0; i < quotes.size(); ++i) {
      if (links[i].found) events.push_back({quotes[i].outer.begin, &links[i]});
    }
    for (auto& ic : indirect) events.push_back({ic.clause.begin, &ic.link});
    std::stable_sort(events.begin(), events.end(),
                     [](const Event& a, const Event& b) { return a.pos < b.pos; });
    int previous = -1;
    for (Event& e : events) {
      entities::Resolution r = registry.Resolve(e.link->speaker, previous);
      e.link->entity = r.entity;
      e.link->pronoun = r.pronoun;
      if (r.entity >= 0) {
        previous = r.entity;
        if (e.link->role) registry.SetRoleIfMissing(r.entity, doc.Slice(*e.link->role));
        if (r.role) registry.SetRoleIfMissing(r.entity, *r.role);
      }
    }
  }

  // 4. Sieves for quotes no rule decided. Titles of works get none, and a quote continues
  // the previous quote that is not a title.
  std::vector<bool> title(quotes.size());
  for (size_t i = 0; i < quotes.size(); ++i) {
    title[i] = IsTitleCase(doc.View(quotes[i].content), lexicons_) &&
               TitleContextBefore(t, quotes[i].outer.begin, lexicons_);
  }
  for (size_t i = 0; i < quotes.size(); ++i) {
    if (links[i].found || title[i]) continue;
    const quotes::QuoteSpan& q = quotes[i];
    size_t prev = i;
    while (prev > 0 && title[prev - 1]) --prev;
    const bool has_prev = prev > 0;
    prev = has_prev ? prev - 1 : 0;
    const size_t para = seg.paragraphs.empty() ? 0 : seg.ParagraphAt(q.outer.begin);
    const bool opens_para = !seg.paragraphs.empty() && q.outer.begin == seg.paragraphs[para].begin;
    const bool has_sentences = !seg.sentences.empty();
    const size_t sentence = has_sentences ? seg.SentenceAt(q.outer.begin) : 0;
    // sieve.transcript: a quoted transcript turn names its speaker: “PENCE: Well, …”.
    if (std::optional<text::ByteSpan> label = TranscriptLabel(t, q.content)) {
      Link link;
      link.found = true;
      link.sieve = "sieve.transcript";
      link.speaker = *label;
      link.entity = registry.Resolve(*label, -1).entity;
      links[i] = std::move(link);
      continue;
    }
    const NearestSubjectContext near{&seg, &quotes};
    // A quote inside a sentence that names its own subject before it belongs to that
    // subject rather than to the previous quote's speaker: "An aide later said that “…”".
    const bool opens_sentence = !has_sentences || seg.sentences[sentence].begin == q.outer.begin;
    // …unless an earlier quote of the same sentence already has its speaker: “A,” Jordan
    // said, and “B.”
    const bool follows_in_sentence = has_prev && links[prev].found && has_sentences &&
                                     seg.SentenceAt(quotes[prev].outer.begin) == sentence;
    if (!opens_sentence && !follows_in_sentence) {
      if (std::optional<Link> subject =
              SubjectLink(t, seg.sentences[sentence], q.outer.begin, registry, lexicons_, &near)) {
        links[i] = std::move(*subject);
        continue;
      }
    }
    // Reported speech in this sentence or the one before, same paragraph (the last such).
    const IndirectClause* adjacent = nullptr;
    if (has_sentences) {
      for (const auto& ic : indirect) {
        const size_t cs = seg.SentenceAt(ic.clause.begin);
        if ((cs == sentence || cs + 1 == sentence) && seg.sentence_paragraph[cs] == para &&
            ic.clause.begin < q.outer.begin) {
          adjacent = &ic;
        }
      }
    }
    // sieve.continuation: the previous quote, in this paragraph or at the end of the one
    // before when this quote opens its paragraph — unless someone's reported speech stands
    // between the two: "…,” he said. Then she argued that … “…”" is hers (nearest cue).
    const bool speech_between = has_prev && adjacent != nullptr && adjacent->link.entity >= 0 &&
                                adjacent->clause.begin >= quotes[prev].outer.end;
    if (has_prev && links[prev].found && !speech_between) {
      const quotes::QuoteSpan& p = quotes[prev];
      const size_t pend_para = seg.ParagraphAt(p.outer.end > 0 ? p.outer.end - 1 : 0);
      const bool same_para = pend_para == para;
      // A partial quote counts when a rule attributed it and it closes its paragraph:
      // "Ruiz said the plan was “a good start.” ¶ “We will need more.”"
      const auto closes_para = [&] {
        const uint32_t para_end = seg.paragraphs[pend_para].end;
        for (uint32_t k = p.outer.end; k < para_end; ++k) {
          const char c = t[k];
          if (c != '.' && c != '!' && c != '?' && c != ' ' && c != '\n' && c != '\r') return false;
        }
        return true;
      };
      const bool run =
          opens_para && pend_para + 1 == para &&
          (p.type == quotes::QuoteType::kDirect || (links[prev].rule.has_value() && closes_para()));
      if (same_para || run) {
        links[i] = InheritLink(links[prev], "sieve.continuation");
        continue;
      }
    }
    // sieve.adjacent: reported speech in this sentence or the one before, same paragraph.
    if (has_sentences) {
      if (adjacent && adjacent->link.entity >= 0) {
        links[i] = InheritLink(adjacent->link, "sieve.adjacent");
        continue;
      }
      if (std::optional<Link> subject =
              SubjectLink(t, seg.sentences[sentence], q.outer.begin, registry, lexicons_, &near)) {
        links[i] = std::move(*subject);
        continue;
      }
      // sieve.previous_subject: a quotation that opens its sentence, after a sentence about
      // someone in the same paragraph ("Clinton touted her record. “We need …”"), or that
      // opens its paragraph after a paragraph ending with a sentence about someone.
      if (opens_sentence && q.type == quotes::QuoteType::kDirect && sentence > 0 &&
          (seg.sentence_paragraph[sentence - 1] == para ||
           (opens_para && seg.sentence_paragraph[sentence - 1] + 1 == para))) {
        const text::ByteSpan previous = seg.sentences[sentence - 1];
        if (std::optional<Link> subject =
                SubjectLink(t, previous, previous.end, registry, lexicons_)) {
          subject->sieve = "sieve.previous_subject";
          links[i] = std::move(*subject);
        }
      }
    }
  }

  // 5. Records.
  ExtractResult result;
  std::vector<int> quote_entity;
  auto make_record = [&](const quotes::QuoteSpan& span, const Link& link) {
    QuoteRecord rec;
    rec.span = span;
    if (link.found) {
      Attribution& a = rec.attribution;
      a.rule = link.rule ? std::string(link.rule->id) : link.sieve;
      a.mention = doc.Slice(link.speaker);
      a.mention_span = link.speaker;
      if (link.entity >= 0) a.speaker = doc.Repaired(registry.entities()[link.entity].name);
      // The rule's ROLE slot, unless it caught a "who" clause and the person has a role
      // phrase ("according to ministry spokeswoman Ana Ruiz, who said …").
      const std::optional<std::string>& known =
          link.entity >= 0 ? registry.entities()[link.entity].role : std::nullopt;
      const auto is_clause = [&](std::string_view role) {
        return lexicons_.relative_pronouns.contains(entities::registry_words::LeadWord(role));
      };
      if (link.role && !(known && is_clause(doc.View(*link.role)) && !is_clause(*known))) {
        a.role = doc.Slice(*link.role);
      } else if (known) {
        a.role = doc.Repaired(*known);
      }
      if (link.cue) a.cue = doc.Slice(*link.cue);
      double conf = link.rule ? link.rule->confidence : 0.6;
      if (!link.rule && link.sieve == "sieve.adjacent") conf = 0.5;
      if (!link.rule && link.sieve == "sieve.subject") conf = 0.4;
      if (!link.rule && link.sieve == "sieve.previous_subject") conf = 0.3;
      if (!link.rule && link.sieve == "sieve.transcript") conf = 0.8;
      if (link.pronoun) conf *= 0.9;
      if (link.entity < 0) conf *= 0.5;
      a.confidence = conf;
      a.slots = link.slots;
    }
    result.quotes.push_back(std::move(rec));
    quote_entity.push_back(link.found ? link.entity : -1);
  };
  size_t singles = 0;
  for (const auto& q : quotes) singles += q.single;
  const bool single_style = singles * 2 > quotes.size();
  size_t k = 0;
  std::sort(indirect.begin(), indirect.end(), [](const IndirectClause& a, const IndirectClause& b) {
    return a.clause.begin < b.clause.begin;
  });
  for (size_t i = 0; i < quotes.size(); ++i) {
    const quotes::QuoteSpan& q = quotes[i];
    while (k < indirect.size() && indirect[k].clause.begin < q.outer.begin) {
      quotes::QuoteSpan span;
      span.content = span.outer = indirect[k].clause;
      span.type = quotes::QuoteType::kIndirect;
      make_record(span, indirect[k].link);
      ++k;
    }
    if (!options_.all_marks) {
      if (LooksLikeScareQuoteOrTitle(t, q, links[i], options_.min_unattributed_words, lexicons_))
        continue;
      // In a story that quotes with double marks (American style), a top-level single-quoted
      // span is a headline's shorthand for a quotation the story gives in full, or a
      // scare quote; in British style (single marks first) it is the quotation itself.
      if (q.single && !single_style) continue;
    }
    make_record(q, links[i]);
  }
  for (; k < indirect.size(); ++k) {
    quotes::QuoteSpan span;
    span.content = span.outer = indirect[k].clause;
    span.type = quotes::QuoteType::kIndirect;
    make_record(span, indirect[k].link);
  }

  // 6. Speakers, in order of their first quote.
  std::vector<int> order;
  std::vector<size_t> counts(registry.entities().size(), 0);
  std::vector<std::vector<std::string>> mentions(registry.entities().size());
  for (size_t r = 0; r < result.quotes.size(); ++r) {
    const int e = quote_entity[r];
    if (e < 0) continue;
    if (counts[e]++ == 0) order.push_back(e);
    const auto& m = result.quotes[r].attribution.mention;
    if (m && std::find(mentions[e].begin(), mentions[e].end(), *m) == mentions[e].end()) {
      mentions[e].push_back(*m);
    }
  }
  for (int e : order) {
    SpeakerSummary s;
    s.name = doc.Repaired(registry.entities()[e].name);
    if (registry.entities()[e].role) s.role = doc.Repaired(*registry.entities()[e].role);
    s.mentions = std::move(mentions[e]);
    s.quotes = counts[e];
    result.speakers.push_back(std::move(s));
  }
  return result;
}

}  // namespace whosaid::attrib
