#include "whosaid/attrib/attributor.h"

#include <algorithm>
#include <chrono>

#include "whosaid/attrib/link.h"
#include "whosaid/attrib/sieve.h"
#include "whosaid/attrib/title_case.h"
#include "whosaid/attrib/word_mention.h"
#include "whosaid/entities/registry.h"
#include "whosaid/entities/registry_words.h"
#include "whosaid/text/char_class.h"
#include "whosaid/text/utf8.h"

namespace whosaid::attrib {
namespace {

using entities::registry_words::LastWord;
using entities::registry_words::LeadWord;

// True when `s` holds more than one word and opens with a verb of saying (cue_verbs.lst).
bool OpensWithCue(std::string_view s, const entities::Lexicons& lex) {
  return lex.cue_verbs.contains(LeadWord(s));
}

// False for a speaker slot that holds only words that never name anyone ("After",
// "Following"): a pattern that matched across a sentence opener. Pronouns are speakers.
bool PlausibleSpeaker(std::string_view s, const entities::Lexicons& lex) {
  // A clause that runs into the speaker slot ("when Clinton blasted him"), or a phrase that
  // opens with a preposition ("of Clinton", "regarding her links"), is no speaker.
  if (lex.not_speaker_openings.contains(LeadWord(s))) return false;
  // A verb of saying opens a clause that ran into the slot ("said Trump's remarks").
  if (OpensWithCue(s, lex)) return false;
  // Nor does one that ends with a form of "be" ("Alpert’s metaphor is") or a preposition
  // ("The mayor ended the meeting by" before "saying …": the subject is the speaker).
  if (s.find(' ') != std::string_view::npos) {
    const std::string_view last = LastWord(s);
    if (lex.be_forms.contains(last) || lex.role_prepositions.contains(last)) return false;
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

// True when the speaker slot is the second part of a place, "in CITY, STATE,": "At a rally
// in Portsmouth, N.H., on Tuesday, Senator Ana Ruiz …" names no speaker "N.H.". The word
// before the city is a preposition (role_prepositions.lst), the city one capitalized word,
// the slot one capitalized word that a comma closes.
bool SecondPartOfPlace(std::string_view t, text::ByteSpan speaker, const entities::Lexicons& lex) {
  const std::string_view slot = t.substr(speaker.begin, speaker.size());
  if (slot.empty() || slot[0] < 'A' || slot[0] > 'Z' || slot.find(' ') != std::string_view::npos ||
      t.substr(speaker.end, 1) != ",") {
    return false;
  }
  std::string_view before = t.substr(0, speaker.begin);
  if (!before.ends_with(", ")) return false;
  before.remove_suffix(2);
  const std::string_view city = LastWord(before);
  if (city.empty() || city.size() == before.size() || city[0] < 'A' || city[0] > 'Z') {
    return false;
  }
  before.remove_suffix(city.size() + 1);  // the city and the space before it
  return lex.role_prepositions.contains(LastWord(before));
}

// True when the match's speaker, before its cue and the quotation, is the subject of what
// a verb of saying right before it reports: "he did say he found Trump to be “…”" is the
// first speaker's (the sieves read the sentence's subject). Not after "that", which may be
// a relative pronoun ("charges that Limbaugh called “…”") or open a statement whose subject
// is the speaker again ("adding that he believed …").
bool SubjectOfReportedClause(std::string_view t, const tokenrules::TokenMatch& m,
                             const entities::Lexicons& lex) {
  if (!m.cue || m.speaker->end > m.cue->begin) return false;
  std::string_view before = t.substr(0, m.speaker->begin);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  return lex.cue_verbs.contains(LastWord(before));
}

// True when the match's speaker opens a subordinate clause ("When Trump suggested …") that
// a comma closes, after words past the cue, before the quotation at byte `quote`: the
// quotation is in the main clause, whose subject is someone else ("When Trump suggested …,
// Rubio fired back: “…”"). A quotation inside the clause is its subject's ("When Francis
// said Mr. Trump “…”"), and a clause of only the speaker and the cue attributes what
// follows ("As Ana Ruiz has pointed out, that is “…”").
bool SubordinateClauseEndsBefore(std::string_view t, const tokenrules::TokenMatch& m,
                                 uint32_t quote, const entities::Lexicons& lex) {
  const std::string_view opening = LeadWord(t.substr(m.speaker->begin, m.speaker->size()));
  if (opening.empty() || !m.cue || m.cue->end >= quote) return false;
  if (!lex.not_speaker_openings.contains(text::AsciiLowerFirst(opening))) return false;
  const size_t comma = t.substr(m.cue->end, quote - m.cue->end).find(", ");
  return comma != std::string_view::npos && comma > 0;
}

// A link from a token rule's match (of a quotation or of reported speech), with its slots'
// text when `keep_slots`.
Link LinkFromTokenMatch(std::string_view t, const tokenrules::TokenMatch& m, bool keep_slots) {
  Link link;
  link.found = true;
  link.rule = DecidingRule{m.rule->id, m.rule->confidence};
  // No SPEAKER slot: an empty span where the statement starts (Link::named()).
  link.speaker = m.speaker ? *m.speaker : text::ByteSpan{m.clause->begin, m.clause->begin};
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
                           const entities::Registry& registry, bool keep_slots,
                           tokenrules::SymbolText* symbols, std::vector<Link>* links) {
  std::vector<tokenrules::TokenMatch> matches;
  for (size_t i = 0; i < quotes.size(); ++i) {
    // A transcript turn names its own speaker ("PENCE: Well, …"): the transcript sieve's,
    // not that of a lead-in such as "Partial transcript as follows:".
    if (TranscriptLabel(t, quotes[i].content)) continue;
    // A quoted pronoun is a word mentioned, not speech: no rule's, and no sieve's (step 4).
    if (IsPronounMention(t.substr(quotes[i].content.begin, quotes[i].content.size()), lex)) {
      continue;
    }
    rules.MatchQuote(seg, quotes, i, symbols, &matches, [&](const tokenrules::TokenMatch& m) {
      if (!m.speaker) return false;
      const std::string_view speaker = t.substr(m.speaker->begin, m.speaker->size());
      // A "who" with no name before it ("a ferry pilot who said …") names no one: the
      // sieves may still find the speaker.
      if (lex.antecedent_pronouns.contains(speaker) && !registry.Antecedent(*m.speaker)) {
        return false;
      }
      return PlausibleSpeaker(speaker, lex) && !SecondPartOfPlace(t, *m.speaker, lex) &&
             !SubjectOfReportedClause(t, m, lex) &&
             !SubordinateClauseEndsBefore(t, m, quotes[i].outer.begin, lex);
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

// A statement opens with the complementizer before it ("conceded that the road was icy"
// reports "that the road was icy", as news corpora mark it); a cue that ended with it ("told
// the AP that") ends before it.
void TakeComplementizer(std::string_view t, const text::Segmentation& seg,
                        const entities::Lexicons& lex, tokenrules::TokenMatch* m) {
  const auto first = seg.tokens.begin() + static_cast<ptrdiff_t>(seg.TokenAt(m->clause->begin));
  if (first == seg.tokens.begin() || first == seg.tokens.end()) return;
  const text::Token& before = *(first - 1);
  if (before.kind != text::TokenKind::kWord || before.sentence != first->sentence ||
      !lex.complementizers.contains(t.substr(before.span.begin, before.span.size()))) {
    return;
  }
  m->clause->begin = before.span.begin;
  if (m->cue && m->cue->end == before.span.end) {
    if (first - 1 == seg.tokens.begin() || m->cue->begin == before.span.begin) {
      m->cue.reset();
    } else {
      m->cue->end = (first - 2)->span.end;
    }
  }
}

// Step 2: the indirect-speech clauses of the whole document.
void IndirectByTokenRules(std::string_view t, const text::Segmentation& seg,
                          const std::vector<quotes::QuoteSpan>& quotes,
                          const tokenrules::TokenRuleSet& rules, const entities::Lexicons& lex,
                          bool keep_slots, const tokenrules::SymbolText& symbols,
                          std::vector<IndirectClause>* out) {
  std::vector<tokenrules::TokenMatch> matches;
  rules.MatchIndirect(seg, quotes, symbols, &matches);
  for (tokenrules::TokenMatch& m : matches) {
    if (!SentenceEndsWithMark(t, seg, m.clause->begin)) continue;
    TakeComplementizer(t, seg, lex, &m);
    // A speaker slot that opens with a verb of saying is a clause ("said Mexico must rebut
    // Trump's").
    if (m.speaker && OpensWithCue(t.substr(m.speaker->begin, m.speaker->size()), lex)) continue;
    out->push_back({*m.clause, LinkFromTokenMatch(t, m, keep_slots)});
  }
}

// The word before a quote that makes a title-case quote a name of a work or a show:
// "on “Meet the Press”", "NBC’s “Today”", "the film “Selma”".
// The words are a possessive or an entry of title_cues.lst after a blank; for a quote of two
// or more words (`words`), also a word of title_possessives.lst ("his “Contract with
// America”").
bool TitleContextBefore(std::string_view t, uint32_t open, size_t words,
                        const entities::Lexicons& lex) {
  std::string_view before = t.substr(0, open);
  while (!before.empty() && (before.back() == ' ' || before.back() == ',')) before.remove_suffix(1);
  if (before.ends_with("\xE2\x80\x99s") || before.ends_with("'s")) return true;
  // A year or number between the cue and the title: "his 1994 “Contract with America”".
  size_t digits = 0;
  while (digits < before.size() && before[before.size() - 1 - digits] >= '0' &&
         before[before.size() - 1 - digits] <= '9') {
    ++digits;
  }
  if (digits > 0 && digits < before.size() && before[before.size() - 1 - digits] == ' ') {
    before.remove_suffix(digits + 1);
  }
  const auto ends_with_word = [&](const std::string& c) {
    return before.size() > c.size() && before.ends_with(c) &&
           before[before.size() - c.size() - 1] == ' ';
  };
  if (std::any_of(lex.title_cues.entries().begin(), lex.title_cues.entries().end(),
                  ends_with_word)) {
    return true;
  }
  return words >= 2 && std::any_of(lex.title_possessives.entries().begin(),
                                   lex.title_possessives.entries().end(), ends_with_word);
}

// Marks that are not a quotation: no speaker was found and the span is a fragment, a
// single-quoted phrase or too short to stand alone; or it is the title of a work or show
// ("on “Meet the Press”"). Single-quoted spans attributed only by a sieve are not trusted,
// unless single marks are the story's own quotation marks (`single_style`, British style: a
// quotation running over several paragraphs is the sieves' to attribute).
bool LooksLikeScareQuoteOrTitle(std::string_view t, const quotes::QuoteSpan& q, const Link& link,
                                int min_words, bool single_style, const entities::Lexicons& lex) {
  const std::string_view content = t.substr(q.content.begin, q.content.size());
  const bool minor_single = q.single && !single_style;
  if (!link.found) {
    const bool fragment = q.type == quotes::QuoteType::kPartial || minor_single;
    return fragment || CountWords(content) < min_words;
  }
  if (minor_single && !link.rule) return true;
  if (IsTitleCase(content, lex) &&
      TitleContextBefore(t, q.outer.begin, static_cast<size_t>(CountWords(content)), lex)) {
    return true;
  }
  // A title-case fragment inside a sentence that only a sieve gave a speaker is a name of
  // a work or show ("starred in “Apollo 13,”"), not a quotation.
  if (!link.rule && q.type == quotes::QuoteType::kPartial && IsTitleCase(content, lex) &&
      CountWords(content) >= 2) {
    return true;
  }
  return false;
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
    AttributeByTokenRules(t, seg, quotes, rules_, lexicons_, registry, options_.keep_slots,
                          &symbols, &links);
  }

  // 2. Reported speech over the whole document.
  std::vector<IndirectClause> indirect;
  if (indirect_rules) {
    IndirectByTokenRules(t, seg, quotes, rules_, lexicons_, options_.keep_slots, symbols,
                         &indirect);
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
    for (auto& ic : indirect) {
      if (ic.link.named()) events.push_back({ic.clause.begin, &ic.link});
    }
    std::stable_sort(events.begin(), events.end(),
                     [](const Event& a, const Event& b) { return a.pos < b.pos; });
    int previous = -1;
    text::ByteSpan previous_mention;
    for (Event& e : events) {
      entities::Resolution r;
      if (registry.ContinuesSpeaker(e.link->speaker, previous_mention, previous)) {
        r.entity = previous;
        r.pronoun = true;
      } else {
        r = registry.Resolve(e.link->speaker, previous);
      }
      e.link->entity = r.entity;
      e.link->pronoun = r.pronoun;
      if (r.entity >= 0) {
        previous = r.entity;
        previous_mention = e.link->speaker;
        if (e.link->role) registry.SetRoleFromRule(r.entity, doc.Slice(*e.link->role));
        if (r.role) registry.SetRoleIfMissing(r.entity, *r.role);
      }
    }
  }

  // 4. Sieves for quotes no rule decided, in the pack's order. Titles of works and quoted
  // pronouns (word_mention.h) get none, and a quote continues the previous quote that is
  // neither.
  std::vector<bool> title(quotes.size());
  for (size_t i = 0; i < quotes.size(); ++i) {
    const std::string_view content = doc.View(quotes[i].content);
    title[i] = (IsTitleCase(content, lexicons_) &&
                TitleContextBefore(t, quotes[i].outer.begin,
                                   static_cast<size_t>(CountWords(content)), lexicons_)) ||
               IsPronounMention(content, lexicons_);
  }
  const SieveInput sieve_input{t, seg, quotes, links, title, indirect, registry, lexicons_};
  for (size_t i = 0; i < quotes.size(); ++i) {
    if (links[i].found || title[i]) continue;
    const QuotePlace place = PlaceOf(sieve_input, i);
    for (const SieveStep& step : sieves_) {
      std::optional<Link> link = step.run(sieve_input, place);
      if (!link) continue;
      link->sieve = "sieve." + step.name;
      link->sieve_confidence = step.confidence;
      links[i] = std::move(*link);
      break;
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
      if (link.named()) {
        a.mention = doc.Slice(link.speaker);
        a.mention_span = link.speaker;
      }
      if (link.entity >= 0) a.speaker = doc.Repaired(registry.entities()[link.entity].name);
      // The rule's ROLE slot, unless it caught a "who" clause and the person has a role
      // phrase ("according to ministry spokeswoman Ana Ruiz, who said …").
      const std::optional<std::string>& known =
          link.entity >= 0 ? registry.entities()[link.entity].role : std::nullopt;
      const auto is_clause = [&](std::string_view role) {
        return lexicons_.relative_pronouns.contains(LeadWord(role));
      };
      if (link.role && !(known && is_clause(doc.View(*link.role)) && !is_clause(*known))) {
        a.role = doc.Slice(*link.role);
      } else if (known) {
        a.role = doc.Repaired(*known);
      }
      if (link.cue) a.cue = doc.Slice(*link.cue);
      double conf = link.rule ? link.rule->confidence : link.sieve_confidence;
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
      if (LooksLikeScareQuoteOrTitle(t, q, links[i], options_.min_unattributed_words, single_style,
                                     lexicons_))
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
