// The registry's third part: coreference. A speaker mention found by a rule resolves to
// a person or body: pronouns to the nearest compatible person by subject and recency,
// surnames and honorifics to the full name, descriptions to an office holder.
#include <algorithm>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "whosaid/entities/registry.h"
#include "whosaid/entities/registry_words.h"
#include "whosaid/text/char_class.h"

namespace whosaid::entities {

using registry_words::LastWord;
using registry_words::LeadWord;
using text::AsciiLower;

namespace {

// "the German", "the teenager", "the 45-year-old", "the father of three": a definite
// description whose head (before any "of") is a descriptor noun, a whole entry ("the South
// African") or the part after a number's hyphen ("year-old").
bool DescribesPerson(std::string_view mention, const Lexicons& lex) {
  const std::string_view lead = LeadWord(mention);
  if (!lex.definite_articles.contains(lead) || lead.size() >= mention.size()) return false;
  std::string_view rest = mention.substr(lead.size() + 1);
  if (const size_t of = rest.find(" of "); of != std::string_view::npos) rest = rest.substr(0, of);
  if (std::count(rest.begin(), rest.end(), ' ') > 2) return false;
  const size_t sp = rest.rfind(' ');
  const std::string_view head = sp == std::string_view::npos ? rest : rest.substr(sp + 1);
  auto descriptor = [&](std::string_view word) {
    const size_t hyphen = word.find('-');
    return lex.descriptor_nouns.contains(word) ||
           (hyphen != std::string_view::npos && hyphen > 0 && word[0] >= '0' && word[0] <= '9' &&
            lex.descriptor_nouns.contains(word.substr(hyphen + 1)));
  };
  if (lex.descriptor_nouns.contains(rest) || descriptor(head)) return true;
  // A descriptor before a role noun: "the veteran administrator", "the 61-year-old coach".
  if (sp == std::string_view::npos || !lex.role_nouns.contains(head)) return false;
  for (size_t b = 0; b < sp;) {
    size_t e = rest.find(' ', b);
    if (e == std::string_view::npos || e > sp) e = sp;
    if (descriptor(rest.substr(b, e - b))) return true;
    b = e + 1;
  }
  return false;
}

}  // namespace

int Registry::BodyEntity(std::string name) {
  const auto [it, added] = bodies_.try_emplace(name, static_cast<int>(entities_.size()));
  if (!added) return it->second;
  if (const size_t sp = name.rfind(' '); sp != std::string::npos) {
    body_heads_[AsciiLower(std::string_view(name).substr(sp + 1))] = it->second;
    // "Ministry of Foreign Affairs" is "the ministry" too.
    if (const size_t of = name.find(" of "); of != std::string::npos) {
      const size_t head = name.rfind(' ', of - 1);
      const size_t begin = head == std::string::npos ? 0 : head + 1;
      body_heads_[AsciiLower(std::string_view(name).substr(begin, of - begin))] = it->second;
    }
  }
  Entity e;
  e.name = std::move(name);
  e.kind = EntityKind::kBody;
  entities_.push_back(std::move(e));
  return it->second;
}

Gender Registry::PronounGender(std::string_view word) const {
  if (lex_.pronouns_female.contains(word)) return Gender::kFemale;
  if (lex_.pronouns_male.contains(word)) return Gender::kMale;
  return Gender::kUnknown;
}

bool Registry::ContinuesSpeaker(text::ByteSpan pronoun, text::ByteSpan previous_mention,
                                int previous) const {
  if (previous < 0 || previous_mention.empty() || previous_mention.end > pronoun.begin) {
    return false;
  }
  if (SentenceOf(previous_mention.begin) != SentenceOf(pronoun.begin)) return false;
  const Gender gender = PronounGender(text_.substr(pronoun.begin, pronoun.size()));
  if (gender == Gender::kUnknown) return false;  // "they", "it", a name: not here
  // Nobody else named between: "According to ProPublica, Clinton praised …, and she asked"
  // is Clinton's.
  for (auto m = MentionsFrom(previous_mention.end);
       m != mentions_.end() && m->span.begin < pronoun.begin; ++m) {
    if (m->entity != previous) return false;
  }
  const Entity& e = entities_[previous];
  return e.kind == EntityKind::kPerson && (e.gender == Gender::kUnknown || e.gender == gender);
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
  auto end = MentionsFrom(span.begin);
  const size_t sentence = SentenceOf(span.begin);
  int weak = -1;
  size_t scanned_sentences = 0;
  size_t current = sentence;
  auto it = end;
  // A person introduced as the subject of the sentence just before, in the same paragraph,
  // is who the pronoun goes on with: "Ana Ruiz, a nurse, was not persuaded. “…,” she said."
  // beats the speaker of the quote before, unless this sentence names someone first.
  const bool named_here = end != mentions_.begin() && SentenceOf((end - 1)->span.begin) == sentence;
  if (!named_here && !plural) {
    if (const int subject = PreviousSentenceSubject(sentence, previous_speaker);
        subject >= 0 && compatible(subject)) {
      return subject;
    }
    // A sentence just before that opens with the same pronoun: this one goes on with its
    // person ("She never thought of herself as literary. “…,” she told …" is whoever the
    // first "She" is, not the speaker of the quote before).
    if (const std::optional<text::ByteSpan> opening = SamePronounOpening(sentence, gender)) {
      return ResolvePronoun(*opening, gender, plural, previous_speaker);
    }
  }
  if (previous_speaker >= 0 && strongly_compatible(previous_speaker)) {
    // The speaker of the quote just before, if mentioned in this or the previous sentence
    // or if nothing else is mentioned in between.
    bool other_between = false;
    for (auto m = end; m != mentions_.begin();) {
      --m;
      if (m->entity == previous_speaker) break;
      // Only this and the previous sentence count: stop before older ones (the walk back
      // over every earlier mention was quadratic).
      if (SentenceOf(m->span.begin) + 1 < sentence) break;
      if (strongly_compatible(m->entity)) {
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

const text::ByteSpan* Registry::QuotationOpenedBy(uint32_t byte) const {
  const auto q =
      std::upper_bound(quotations_.begin(), quotations_.end(), byte,
                       [](uint32_t b, const text::ByteSpan& span) { return b < span.begin; });
  return q == quotations_.begin() ? nullptr : &*(q - 1);
}

bool Registry::Quoted(uint32_t byte) const {
  const text::ByteSpan* q = QuotationOpenedBy(byte);
  return q != nullptr && q->end > byte;
}

std::optional<text::ByteSpan> Registry::SamePronounOpening(size_t sentence, Gender gender) const {
  if (gender == Gender::kUnknown || sentence == 0 || seg_->sentences.size() <= sentence) {
    return std::nullopt;
  }
  const size_t before = sentence - 1;
  if (seg_->sentence_paragraph[before] != seg_->sentence_paragraph[sentence]) return std::nullopt;
  const text::ByteSpan s = seg_->sentences[before];
  if (Quoted(s.begin)) return std::nullopt;
  const size_t k = TokenAt(s.begin);
  if (k >= seg_->tokens.size() || seg_->tokens[k].span.begin != s.begin) return std::nullopt;
  const text::ByteSpan word = seg_->tokens[k].span;
  const std::string_view w = text_.substr(word.begin, word.size());
  if (!lex_.subject_pronouns.contains(w) || PronounGender(w) != gender) return std::nullopt;
  return word;
}

int Registry::PreviousSentenceSubject(size_t sentence, int previous_speaker) const {
  if (sentence == 0 || seg_->sentences.size() <= sentence) return -1;
  // The sentences of the quotation the pronoun follows ("“I lost. I will campaign for her,”
  // she said.") are stepped over: the sentence before the quotation counts.
  auto quoted = [&](size_t s) { return Quoted(seg_->sentences[s].begin); };
  size_t before = sentence - 1;
  while (before > 0 && quoted(before)) --before;
  // The sentence before may close the paragraph before, when this paragraph opens with the
  // pronoun's sentence or its quotation: "Tuula Räsänen, a contractor, has cut peat for
  // decades.\n\n“…,” she said." (On PolNeAR train this changed about 45 canonical speakers,
  // most of them to the right person, by reading each.)
  // Only the pronoun's own quotation may stand between: one that runs from the paragraph's
  // start into the pronoun's sentence (an earlier quote with its own speaker ends the look).
  const uint32_t paragraph = seg_->sentence_paragraph[sentence];
  auto one_quotation_to_here = [&] {
    const text::ByteSpan* q = QuotationOpenedBy(seg_->sentences[before + 1].begin);
    return q != nullptr && q->end > seg_->sentences[sentence].begin;
  };
  const bool opens_paragraph = seg_->sentence_paragraph[before] + 1 == paragraph &&
                               (before + 1 == sentence || one_quotation_to_here());
  if (quoted(before) || (seg_->sentence_paragraph[before] != paragraph && !opens_paragraph)) {
    return -1;
  }
  const bool across_paragraphs = seg_->sentence_paragraph[before] != paragraph;
  const int subject = SubjectOfSentence(before, across_paragraphs, previous_speaker);
  if (subject >= 0 || !across_paragraphs) return subject;
  const auto named_in_last = MentionsFrom(seg_->sentences[before].begin);
  if (named_in_last != mentions_.end() && named_in_last->span.begin < seg_->sentences[before].end) {
    return -1;  // it names someone, not as its subject: no guess
  }
  // Across a paragraph break, when the paragraph's last sentence names no one ("It sold
  // more than 40,000 copies."): the person its first sentence opens with ("Dalziel
  // published her first collection … ¶ She never thought …").
  size_t first_of_paragraph = before;
  while (first_of_paragraph > 0 &&
         seg_->sentence_paragraph[first_of_paragraph - 1] == seg_->sentence_paragraph[before]) {
    --first_of_paragraph;
  }
  if (first_of_paragraph == before || quoted(first_of_paragraph)) return -1;
  return SubjectOfSentence(first_of_paragraph, /*across_paragraphs=*/true, previous_speaker);
}

int Registry::SubjectOfSentence(size_t sentence, bool across_paragraphs,
                                int previous_speaker) const {
  const text::ByteSpan previous = seg_->sentences[sentence];
  // After an opening subordinate clause ("When Khumalo asked …, Ruan Botha rose"), the
  // subject follows the clause's comma.
  uint32_t from = previous.begin;
  const std::string_view text = text_.substr(previous.begin, previous.size());
  if (lex_.subordinators.contains(registry_words::LeadWord(text))) {
    const size_t comma = text.find(", ");
    if (comma == std::string_view::npos) return -1;
    from = previous.begin + static_cast<uint32_t>(comma);
  }
  auto first = MentionsFrom(from);
  // A name after a preposition is no subject ("The director of the Lach Port, Pham Van
  // Hieu, told …" goes on with Pham Van Hieu), nor is one that owns the role of the next
  // ("Kansai Sky's president, Takeshi Morimoto, said …"; "Sanders's victory speech …" is
  // still Sanders's sentence).
  bool owned = false;  // `first` follows a possessive: "Trump's Indiana chairman, Rex Early"
  while (first != mentions_.end() && first->span.begin < previous.end) {
    const auto next = std::next(first);
    const bool next_here = next != mentions_.end() && next->span.begin < previous.end;
    if (next_here && OwnsRoleOf(first->span.end, next->span.begin, owned)) {
      owned = true;
      ++first;
      continue;
    }
    if (AfterPreposition(first->span.begin)) {
      owned = false;
      ++first;
      continue;
    }
    break;
  }
  if (first == mentions_.end() || first->span.begin >= previous.end) return -1;
  // Across a paragraph break only a name that opens the sentence (or its main clause) is
  // taken: "Speaking in Salem, New Hampshire, Trump went after Bush." names no subject
  // that a word search could find.
  if (across_paragraphs) {
    // The speaker of that sentence goes on speaking: "Trump's grasp of policy is
    // worrying, Cuban said.\n\n“…,” he said." is Cuban's.
    for (auto m = first; m != mentions_.end() && m->span.begin < previous.end; ++m) {
      if (previous_speaker >= 0 && m->entity == previous_speaker) return previous_speaker;
    }
    const bool opens = first->sentence_initial || first->span.begin <= from + 2;
    if (!opens) return -1;
  }
  return first->entity;
}

bool Registry::OwnsRoleOf(uint32_t owner_end, uint32_t name_begin, bool owned) const {
  std::string_view gap = text_.substr(owner_end, name_begin - owner_end);
  bool possessive = false;
  // "’s", or a bare apostrophe after a plural in s: "Harbor Lines’ president".
  const bool plural = owner_end > 0 && (text_[owner_end - 1] == 's' || text_[owner_end - 1] == 'S');
  const std::pair<std::string_view, bool> marks[] = {
      {"\xE2\x80\x99s ", false}, {"'s ", false}, {"\xE2\x80\x99 ", true}, {"' ", true}};
  for (const auto& [mark, after_plural] : marks) {
    if (after_plural && !plural) continue;
    if (gap.starts_with(mark)) {
      gap.remove_prefix(mark.size());
      possessive = true;
      break;
    }
  }
  if (!possessive && !(owned && gap.starts_with(' '))) return false;
  if (gap.empty()) return true;  // "North Carolina’s Ada Fisher"
  if (gap.ends_with(", ")) gap.remove_suffix(2);
  if (gap.ends_with(' ')) gap.remove_suffix(1);
  if (gap.starts_with(' ')) gap.remove_prefix(1);
  // At most four words, the last a role noun: "president", "campaign manager".
  if (gap.empty() || std::count(gap.begin(), gap.end(), ' ') > 3) return false;
  const size_t sp = gap.rfind(' ');
  const std::string_view last = sp == std::string_view::npos ? gap : gap.substr(sp + 1);
  return lex_.role_nouns.contains(AsciiLower(last));
}

std::vector<EntityMention>::const_iterator Registry::MentionsFrom(uint32_t byte) const {
  return std::lower_bound(mentions_.begin(), mentions_.end(), byte,
                          [](const EntityMention& m, uint32_t b) { return m.span.begin < b; });
}

size_t Registry::TokenAt(uint32_t byte) const { return seg_->TokenAt(byte); }

bool Registry::AfterPreposition(uint32_t byte) const {
  const std::vector<text::Token>& tokens = seg_->tokens;
  size_t k = TokenAt(byte);
  auto word = [&](size_t i) { return text_.substr(tokens[i].span.begin, tokens[i].span.size()); };
  if (k > 0 && lex_.articles.contains(word(k - 1))) --k;
  return k > 0 && tokens[k - 1].kind == text::TokenKind::kWord &&
         lex_.role_prepositions.contains(word(k - 1));
}

std::optional<text::ByteSpan> Registry::Antecedent(text::ByteSpan pronoun) const {
  if (seg_ == nullptr) return std::nullopt;
  const std::vector<text::Token>& tokens = seg_->tokens;
  size_t k = TokenAt(pronoun.begin);
  auto sets_off = [&](size_t i) {
    return tokens[i].kind == text::TokenKind::kPunct &&
           text::IsCommaOrDash(text_.substr(tokens[i].span.begin, tokens[i].span.size()));
  };
  // The mention that ends at `end` is the last one to start before it.
  auto mention_ending_at = [&](uint32_t end) -> std::optional<text::ByteSpan> {
    const auto m = MentionsFrom(end);
    if (m != mentions_.begin() && std::prev(m)->span.end == end) return std::prev(m)->span;
    return std::nullopt;
  };
  // The word before it, over one comma or dash.
  const bool set_off = k > 0 && sets_off(k - 1);
  if (set_off) --k;
  if (k == 0 || tokens[k - 1].kind != text::TokenKind::kWord) return std::nullopt;
  const uint32_t name_end = tokens[k - 1].span.end;
  if (auto m = mention_ending_at(name_end)) return m;
  // Over an appositive in commas, in the same sentence: "Scott Reed, the chamber's
  // strategist, who …".
  if (set_off) {
    for (size_t i = k - 1; i > 1 && k - i < 16 && tokens[i].sentence == tokens[k - 1].sentence;
         --i) {
      if (!sets_off(i)) continue;
      if (tokens[i - 1].kind != text::TokenKind::kWord) break;
      if (auto m = mention_ending_at(tokens[i - 1].span.end)) return m;
      break;
    }
  }
  // The capitalized words there, up to six.
  size_t first = k;
  while (first > 0 && k - first < 6 && tokens[first - 1].kind == text::TokenKind::kWord &&
         (tokens[first - 1].shape == text::Shape::kCapitalized ||
          tokens[first - 1].shape == text::Shape::kUpper)) {
    --first;
  }
  if (first == k) return DefiniteDescriptionEndingAt(k);
  // A place after a name: "Ana Ruiz of Ohio, who …" is Ana Ruiz.
  if (first >= 2) {
    const text::Token& joint = tokens[first - 1];
    if (lex_.name_joints.contains(text_.substr(joint.span.begin, joint.span.size()))) {
      if (auto m = mention_ending_at(tokens[first - 2].span.end)) return m;
    }
  }
  // A name the scan did not take (a body): those words.
  return text::ByteSpan{tokens[first].span.begin, name_end};
}

std::optional<text::ByteSpan> Registry::DefiniteDescriptionEndingAt(size_t k) const {
  // "The port authority, which …", "the mayor, who …": a definite article and up to four
  // words that are no function words, ending at token k - 1, in one sentence.
  constexpr size_t kWords = 4;
  const std::vector<text::Token>& tokens = seg_->tokens;
  for (size_t i = k; i-- > 0 && k - i <= kWords + 1;) {
    const text::Token& t = tokens[i];
    if (t.kind != text::TokenKind::kWord || t.sentence != tokens[k - 1].sentence) break;
    const std::string_view word = text_.substr(t.span.begin, t.span.size());
    if (lex_.definite_articles.contains(word)) {
      if (i + 1 == k) break;  // the article alone
      return text::ByteSpan{t.span.begin, tokens[k - 1].span.end};
    }
    if (lex_.role_stops.contains(AsciiLower(word)) || lex_.cue_verbs.contains(word)) break;
  }
  return std::nullopt;
}

bool Registry::CapitalizedNameWord(std::string_view word) const {
  if (word.empty()) return false;
  if (word[0] >= 'A' && word[0] <= 'Z') return true;
  // A surname that opens with a particle: "el-Mansouri", "al-Khatib", "d’Alembert".
  const size_t joint = text::ParticleJoint(word);
  return joint != std::string_view::npos && lex_.particles.contains(word.substr(0, joint));
}

std::optional<std::string> Registry::BodyOfMembers(std::string_view mention) const {
  std::string_view rest = mention;
  if (const std::string_view lead = LeadWord(rest);
      lex_.articles.contains(lead) && lead.size() < rest.size()) {
    rest.remove_prefix(lead.size() + 1);
  }
  const std::string_view noun = LeadWord(rest);
  if (noun.size() >= rest.size() || !lex_.member_nouns.contains(AsciiLower(noun))) {
    return std::nullopt;
  }
  std::string_view body = rest.substr(noun.size() + 1);
  const std::string_view joint = LeadWord(body);
  if (joint.size() >= body.size() || !lex_.role_prepositions.contains(joint)) return std::nullopt;
  body.remove_prefix(joint.size() + 1);
  if (const std::string_view article = LeadWord(body);
      lex_.definite_articles.contains(article) && article.size() < body.size()) {
    body.remove_prefix(article.size() + 1);
  }
  for (size_t b = 0; b < body.size();) {
    size_t e = body.find(' ', b);
    if (e == std::string_view::npos) e = body.size();
    if (lex_.org_words.contains(body.substr(b, e - b))) return std::string(body);
    b = e + 1;
  }
  return std::nullopt;
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
  // A pronoun contracted with its verb ("She’s said", "They’ve argued") is the pronoun.
  if (const std::string_view base = text::BeforeApostrophe(mention);
      base.size() < mention.size() && lex_.pronouns.contains(base)) {
    mention = base;
    span.end = span.begin + static_cast<uint32_t>(base.size());
  }
  // Words that follow a subject are no part of it: "Trump has", "Clinton also", "Reid
  // frequently", "The council has not", "Grassley wouldn’t" (a reported-speech rule's
  // shortest subject before its verb; PolNeAR counts a negated statement as one).
  while (true) {
    const size_t sp = mention.rfind(' ');
    if (sp == std::string_view::npos) break;
    const std::string_view last = mention.substr(sp + 1);
    // A day after a preposition: "The civic body on Monday stated …" (not "of" or "from":
    // "26 percent of Democrats").
    const size_t joint = sp > 0 ? mention.rfind(' ', sp - 1) : std::string_view::npos;
    const std::string_view preposition = joint == std::string_view::npos
                                             ? std::string_view()
                                             : mention.substr(joint + 1, sp - joint - 1);
    if (lex_.not_names.contains(last) && lex_.role_prepositions.contains(preposition) &&
        !lex_.name_joints.contains(preposition) && !lex_.office_joints.contains(preposition)) {
      mention = mention.substr(0, joint);
      span.end = span.begin + static_cast<uint32_t>(joint);
      continue;
    }
    if (!lex_.subject_verb_openers.contains(last) && !lex_.manner_adverbs.contains(last) &&
        !lex_.not_subject_words.contains(last)) {
      break;
    }
    mention = mention.substr(0, sp);
    span.end = span.begin + static_cast<uint32_t>(sp);
  }
  // A role phrase with its holder's name after it in commas: "The Commissioner for
  // Information, Mr. Gbenga Adeleke, said" is Mr. Adeleke's (the role is his).
  if (lex_.articles.contains(LeadWord(mention)) && text_.substr(span.end, 2) == ", ") {
    constexpr uint32_t kHonorificRoom = 6;  // "Mrs. ", "Dr. "
    const auto m = MentionsFrom(span.end + 2);
    if (m != mentions_.end() && m->span.begin <= span.end + 2 + kHonorificRoom && m->entity >= 0 &&
        entities_[m->entity].kind == EntityKind::kPerson && text_.substr(m->span.end, 1) == ",") {
      r.entity = m->entity;
      r.role = std::string(mention);
      return r;
    }
  }
  // A relative pronoun stands for the name it follows: "Ana Ruiz, who has called it “…”".
  if (lex_.antecedent_pronouns.contains(mention)) {
    const std::optional<text::ByteSpan> name = Antecedent(span);
    if (!name) return r;
    r = Resolve(*name, previous_speaker);
    r.pronoun = true;
    return r;
  }
  // An acronym defined after a body's name: "the NMC" after "the Nagpur Municipal
  // Corporation (NMC)".
  {
    std::string_view bare = mention;
    if (const std::string_view lead = LeadWord(bare); lex_.definite_articles.contains(lead)) {
      bare.remove_prefix(lead.size() + 1);
    }
    if (std::optional<std::string> body = AcronymBody(bare)) {
      r.entity = BodyEntity(std::move(*body));
      return r;
    }
  }
  // A pronoun: gendered, of a group, or another ("I").
  const Gender g = PronounGender(mention);
  const bool plural = lex_.pronouns_group.contains(mention);
  if (plural || g != Gender::kUnknown || lex_.pronouns.contains(mention)) {
    r.pronoun = true;
    // "they" after "Residents were split.": the group the sentence's subject names.
    if (plural && lex_.clause_subject_pronouns.contains(AsciiLower(mention))) {  // they
      if (const std::optional<text::ByteSpan> group = PluralSubjectBefore(span)) {
        const Resolution g_r = Resolve(*group, previous_speaker);
        if (g_r.entity >= 0) {
          r.entity = g_r.entity;
          return r;
        }
      }
    }
    // "it" for a body the narrative named just before (named bodies are no mentions), when
    // a verb of saying follows it ("it said", "what it called"): not the "it" of "It is
    // unclear whether …".
    // The next token of the stream, not the text's next space-separated word: "it said."
    // at a sentence's end has a cue too.
    const auto cue_follows = [&] {
      if (seg_ == nullptr) return false;
      const size_t k = TokenAt(span.end);
      if (k >= seg_->tokens.size()) return false;
      const text::ByteSpan next = seg_->tokens[k].span;
      return lex_.cue_verbs.contains(text_.substr(next.begin, next.size()));
    };
    const bool neuter_speaker = lex_.pronouns_neuter.contains(mention) && cue_follows();
    // "The company expects …, it said": the firm its own sentence opens with.
    if (neuter_speaker) {
      if (const std::optional<text::ByteSpan> firm = OpeningFirmDescription(span.begin)) {
        const Resolution described = Resolve(*firm, previous_speaker);
        if (described.entity >= 0) {
          r.entity = described.entity;
          return r;
        }
      }
    }
    // "I" outside quotations is the writer, whom the story does not name as a person it
    // reports on: no antecedent ("My parents, James and Olive, … I laughed and said").
    if (g == Gender::kUnknown && !plural && !lex_.pronouns_neuter.contains(mention)) return r;
    r.entity = ResolvePronoun(span, g, plural, previous_speaker);
    if (r.entity >= 0) NoteGender(r.entity, g);
    // "they" too, when no group or body mention stands before it: "The Harbor Union met on
    // Monday. They said the offer was “an insult”."
    const bool group_speaker = plural && !neuter_speaker && cue_follows();
    if (r.entity < 0 && (neuter_speaker || group_speaker)) {
      std::optional<std::string> body = NamedBodyNear(span.begin);
      if (!body && neuter_speaker) body = CapitalizedSubjectBefore(span.begin);
      if (body) r.entity = BodyEntity(std::move(*body));
    }
    return r;
  }
  // A description of the person named last, resolved as a pronoun is: "Marta Lenz was
  // furious. “…,” the German said." Before the name path: "German" names no one.
  // Not the first words of a longer name: "the American Civil Liberties Union".
  const std::string_view after = text_.substr(span.end, 2);
  const bool name_goes_on =
      after.size() == 2 && after[0] == ' ' && after[1] >= 'A' && after[1] <= 'Z';
  if (!name_goes_on && DescribesPerson(mention, lex_)) {
    const int k = ResolvePronoun(span, Gender::kUnknown, /*plural=*/false, previous_speaker);
    if (k >= 0) {
      r.entity = k;
      r.pronoun = true;
      return r;
    }
  }
  // "a statement from Acme Air", "a letter by Ana Ruiz": the body or person after the
  // preposition speaks.
  if (const std::string_view lead = LeadWord(mention); lex_.articles.contains(lead)) {
    const std::string_view rest = mention.substr(lead.size() + 1);
    const std::string_view noun = LeadWord(rest);
    if (lex_.message_nouns.contains(noun)) {
      const std::string_view after = rest.substr(noun.size() + 1);
      const std::string_view joint = LeadWord(after);
      if (joint == "from" || joint == "by") {
        const uint32_t skip =
            static_cast<uint32_t>(mention.size() - after.size() + joint.size() + 1);
        return Resolve({span.begin + skip, span.end}, previous_speaker);
      }
    }
  }
  // "Members of the Harbor Residents’ Association": the people speak for the body named
  // after the preposition, when that name holds an organisation word.
  if (std::optional<std::string> body = BodyOfMembers(mention)) {
    r.entity = BodyEntity(std::move(*body));
    return r;
  }
  // "Mr. Morgan of the Sierra Club": the person is named before " of " / " from ".
  // Only the first occurrence of each joint word counts ("president of the Federation of
  // Teachers" is no person named before "of").
  // Not when the mention ends with a person's name the scan found after the joint: "Friends
  // of Brindle Cross Library chairman Colin Pryce" is Colin Pryce.
  // (a role noun stands right before that name: not "Rangel of New York").
  const auto last_mention = MentionsFrom(span.end);
  bool ends_with_person = false;
  if (last_mention != mentions_.begin()) {
    const EntityMention& m = *std::prev(last_mention);
    const std::string_view before_name =
        text_.substr(span.begin, m.span.begin > span.begin ? m.span.begin - span.begin - 1 : 0);
    const std::string_view role_word = LastWord(before_name);
    ends_with_person = m.span.end == span.end && m.span.begin > span.begin && m.entity >= 0 &&
                       entities_[m.entity].kind == EntityKind::kPerson &&
                       lex_.role_nouns.contains(AsciiLower(role_word));
  }
  std::vector<std::string_view> joints_seen;
  for (size_t at = mention.find(' '); !ends_with_person && at != std::string_view::npos && at > 0;
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
    // Not an organisation's own "of": "the Department of Agriculture" is one body.
    const std::string_view before_word = mention.substr(word, at - word);
    if (before >= 'a' && before <= 'z' && word < at && CapitalizedNameWord(before_word) &&
        !lex_.honorifics.contains(before_word) && !lex_.org_words.contains(before_word)) {
      span.end = span.begin + static_cast<uint32_t>(at);
      mention = mention.substr(0, at);
      break;
    }
  }
  // The name is the run of capitalized words that ends the mention; words before it are
  // role words, unless a preposition joins them ("a spokesman for Clinton" is a body).
  std::vector<Token> tokens;
  WordTokens(*seg_, span, &tokens);
  DropNicknames(&tokens);
  // A possessive ends the words before the name ("The Post’s Ruth Marcus": a role, then
  // the name), unless it is the mention's last word.
  size_t b = tokens.size();
  while (b > 0 && !(tokens[b - 1].possessive && b < tokens.size()) &&
         (tokens[b - 1].cap || (b >= 2 && tokens[b - 2].cap && In(lex_.particles, tokens[b - 1]) &&
                                b < tokens.size()))) {
    --b;
  }
  bool joined_by_preposition = false;
  if (b > 0 && b < tokens.size()) {
    const std::string_view prev = tokens[b - 1].word;
    joined_by_preposition = lex_.role_prepositions.contains(prev);
    // A body's name that goes on with "of the PLACE": "the Health Workers’ Alliance of the
    // Eastern Cape" names the alliance, not a person "Eastern Cape".
    if (!joined_by_preposition && b >= 3 && lex_.definite_articles.contains(prev) &&
        lex_.body_name_joints.contains(tokens[b - 2].word)) {
      for (size_t k = b - 2; k-- > 0 && tokens[k].cap;) {
        if (In(lex_.org_words, tokens[k])) {
          joined_by_preposition = true;
          break;
        }
      }
    }
  }
  // A title inside the run ("Florida Sen. Marco Rubio") ends the words before it, as in
  // Scan(): the name starts at the last block of titles, which SkipToName then reads.
  b = LastTitleBlock(tokens, b, tokens.size());
  const NameStart start = SkipToName(tokens, b, tokens.size());
  const Gender gender = start.gender;
  size_t name_begin = start.begin;
  // A body's name is no person's, unless an office ends with it and its holder's name
  // follows ("Leader of Opposition in the House Pradeep Meshram"), as in Scan().
  const std::optional<size_t> holder = NameAfterOffice(tokens, name_begin, tokens.size());
  const bool org = !holder;
  if (holder && *holder != name_begin) {
    name_begin = *holder;
    joined_by_preposition = false;  // the "of" of "Secretary of State" joins the office
  }
  std::vector<std::string_view> words;
  for (size_t k = name_begin; k < tokens.size(); ++k) words.emplace_back(tokens[k].word);
  if (!joined_by_preposition && !words.empty() &&
      NameLengthFits(tokens, name_begin, tokens.size()) && !org) {
    // The person Scan() linked this very mention to, in text order: a surname names the
    // person of that name introduced before it ("Dalziel" after Winifred Dalziel, not her
    // husband Colin Dalziel named at the story's end). Else the latest such person.
    int k = -1;
    const text::ByteSpan name_span{tokens[name_begin].span.begin, tokens.back().span.end};
    if (const auto m = MentionsFrom(name_span.begin);
        words.size() == 1 && m != mentions_.end() && m->span.begin == name_span.begin &&
        m->span.end == name_span.end && m->entity >= 0 &&
        entities_[m->entity].kind == EntityKind::kPerson &&
        entities_[m->entity].surname == words.front()) {
      k = m->entity;
    }
    if (k < 0) k = FindPerson(words);
    if (k < 0) k = AddOrMergePerson(words, gender);
    NoteGender(k, gender);
    r.entity = k;
    // Role words: everything before the name, less a leading article.
    if (name_begin > 0) {
      size_t role_begin = 0;
      const std::string_view first = tokens[0].word;
      if (lex_.articles.contains(first)) role_begin = 1;
      // Nor a function word that opens the sentence (role_stops.lst): "Yesterday Hale said",
      // "While Sanders said".
      while (role_begin < name_begin && !In(lex_.possessive_determiners, tokens[role_begin]) &&
             lex_.role_stops.contains(AsciiLower(tokens[role_begin].word))) {
        ++role_begin;
      }
      if (role_begin < name_begin) {
        const uint32_t rb = tokens[role_begin].span.begin;
        const uint32_t re = tokens[name_begin - 1].span.end;
        std::string role(text_.substr(rb, re - rb));
        // A title of one honorific ("Mr.") is not a role, nor another name before "and"
        // ("Donald Trump and Ted Cruz").
        const std::string_view last_role_word = tokens[name_begin - 1].word;
        const bool conjunction = last_role_word == "and" || last_role_word == "or";
        if (!conjunction &&
            !(name_begin - role_begin == 1 &&
              (lex_.honorifics_male.contains(role) || lex_.honorifics_female.contains(role)))) {
          r.role = std::move(role);
        }
      }
    }
    return r;
  }
  // "the senator", "the former president": the latest person whose role names that office.
  if (std::optional<int> k = PersonByRole(mention, span.begin)) {
    r.entity = *k;
    return r;
  }
  // A body or group: "the White House", "three people familiar with the matter".
  std::string name(mention);
  if (const std::string_view lead = LeadWord(name); lex_.definite_articles.contains(lead)) {
    name.erase(0, lead.size() + 1);
    // "the department" after "the Oklahoma Department of Environmental Quality"; "the
    // statement" the body or person named where the statement was.
    if (name.find(' ') == std::string::npos) {
      if (std::optional<std::string> body = NamedBodyBefore(name, span.begin)) {
        r.entity = BodyEntity(std::move(*body));
        return r;
      }
    }
    const size_t last_space = name.rfind(' ');
    const std::string_view last_word =
        std::string_view(name).substr(last_space == std::string::npos ? 0 : last_space + 1);
    if (lex_.message_nouns.contains(last_word)) {
      if (std::optional<int> issuer = IssuerOf(name, span.begin)) {
        r.entity = *issuer;
        return r;
      }
    }
    // "the ministry" after "the fisheries ministry": the latest body of several words with
    // that head word.
    if (name.find(' ') == std::string::npos) {
      if (const auto head = body_heads_.find(AsciiLower(name)); head != body_heads_.end()) {
        r.entity = head->second;
        return r;
      }
    }
    // "the company" after "Adria Linija, the ferry operator,": the firm named last.
    if (name.find(' ') == std::string::npos && lex_.firm_nouns.contains(name)) {
      if (std::optional<std::string> firm = FirmBefore(span.begin)) {
        r.entity = BodyEntity(std::move(*firm));
        return r;
      }
    }
  }
  // A hyphenated modifier opening the name is no part of it: "the Lilongwe-based Centre for
  // Rural Policy" is the Centre for Rural Policy (body_modifier_endings.lst; "the
  // Co-operative Bank" keeps its name).
  if (const size_t sp = name.find(' '); sp != std::string::npos) {
    const size_t hyphen = name.find('-');
    if (hyphen != std::string::npos && hyphen + 1 < sp &&
        lex_.body_modifier_endings.contains(
            std::string_view(name).substr(hyphen + 1, sp - hyphen - 1)) &&
        name[sp + 1] >= 'A' && name[sp + 1] <= 'Z') {
      name.erase(0, sp + 1);
    }
  }
  r.entity = BodyEntity(std::move(name));
  return r;
}

}  // namespace whosaid::entities
