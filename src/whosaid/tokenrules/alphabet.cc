#include "whosaid/tokenrules/alphabet.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "whosaid/text/char_class.h"
#include "whosaid/text/possessive.h"
#include "whosaid/text/tokenizer.h"
#include "whosaid/tokenrules/symbol_order.h"

namespace whosaid::tokenrules {
namespace {

using Kind = TokenTest::Kind;

// Calls fn for every token test of `node`, nested ones included.
template <typename Fn>
void ForEachTest(const TokenTest& t, Fn& fn) {
  fn(t);
  for (const TokenTest& a : t.args) ForEachTest(a, fn);
}
template <typename Fn>
void ForEachTest(const PatternNode& node, Fn& fn) {
  if (node.kind == PatternNode::Kind::kTest) ForEachTest(node.test, fn);
  for (const PatternNode& c : node.children) ForEachTest(c, fn);
}

bool IsNumberText(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == ',' || c == '.';
  }) && std::isdigit(static_cast<unsigned char>(w[0]));
}

void AppendCodePoint(std::string* out, char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\x{%X}", static_cast<unsigned>(cp));
  *out += buf;
}

constexpr size_t kLowerBuffer = 64;

// `w` in ASCII lower case, written to `buf` (w.size() <= kLowerBuffer), as AsciiLower.
std::string_view LowerInto(std::string_view w, char* buf) {
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    buf[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return std::string_view(buf, w.size());
}

// Calls fn for the test of every test node of `node`: each is one character class.
template <typename Fn>
void ForEachClassTest(const PatternNode& node, Fn& fn) {
  if (node.kind == PatternNode::Kind::kTest) fn(node.test);
  for (const PatternNode& c : node.children) ForEachClassTest(c, fn);
}

// A key that tells tests apart: kind, text, shape and the arguments', nested.
void AppendTestKey(const TokenTest& t, std::string* key) {
  *key += static_cast<char>('A' + static_cast<int>(t.kind));
  *key += static_cast<char>('0' + static_cast<int>(t.shape));
  *key += t.text;
  *key += '(';
  for (const TokenTest& a : t.args) AppendTestKey(a, key);
  *key += ')';
}
std::string TestKey(const TokenTest& t) {
  std::string key;
  AppendTestKey(t, &key);
  return key;
}

bool Has(const std::vector<uint64_t>& bits, size_t i) { return (bits[i / 64] >> (i % 64)) & 1; }

// The RE2 character class of the symbols in `bits`, as ranges.
std::string ClassOfBits(const std::vector<uint64_t>& bits, size_t size) {
  std::string out = "[";
  bool any = false;
  for (size_t i = 0; i < size;) {
    if (!Has(bits, i)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j + 1 < size && Has(bits, j + 1)) ++j;
    AppendCodePoint(&out, kFirstSymbol + static_cast<char32_t>(i));
    if (j > i) {
      out += '-';
      AppendCodePoint(&out, kFirstSymbol + static_cast<char32_t>(j));
    }
    any = true;
    i = j + 1;
  }
  // No symbol passes: a class that matches nothing.
  return any ? out + "]" : "[^\\x{0}-\\x{10FFFF}]";
}

}  // namespace

size_t Alphabet::SignatureHash::operator()(const Signature& s) const {
  size_t h = std::hash<uint64_t>{}(s.lists);
  h = h * 31 + static_cast<size_t>(s.literal + 1);
  h = h * 31 + static_cast<size_t>(s.punct + 1);
  h = h * 31 + static_cast<size_t>(s.kind);
  h = h * 31 + static_cast<size_t>(s.shape);
  h = h * 31 + s.regexes;
  h = h * 2 + s.possessive;
  return (h * 31 + s.quote) * 2 + s.sentence_start;
}

char32_t Alphabet::Add(const Signature& s) {
  const auto [it, added] =
      symbols_.try_emplace(s, kFirstSymbol + static_cast<char32_t>(signatures_.size()));
  if (added) signatures_.push_back(s);
  return it->second;
}

Result<Alphabet> Alphabet::Build(const lexicon::WordTable& table,
                                 const std::vector<const PatternNode*>& patterns) {
  Alphabet a;
  a.table_ = &table;
  std::string unknown;
  auto collect = [&](const TokenTest& t) {
    if (t.kind == Kind::kWord)
      a.literals_.try_emplace(t.text, static_cast<int32_t>(a.literals_.size()));
    if (t.kind == Kind::kPunct)
      a.puncts_.try_emplace(t.text, static_cast<int16_t>(a.puncts_.size()));
    if (t.kind == Kind::kRegex && !a.regex_index_.count(t.text)) {
      a.regex_index_.emplace(t.text, static_cast<int16_t>(a.regexes_.size()));
      RE2::Options quiet;
      quiet.set_log_errors(false);
      a.regexes_.push_back(std::make_shared<const RE2>(t.text, quiet));
    }
    if (t.kind == Kind::kList) {
      if (const auto id = table.FindList(t.text)) {
        a.used_lists_ |= uint64_t{1} << *id;
      } else if (unknown.empty()) {
        unknown = t.text;
      }
    }
  };
  for (const PatternNode* p : patterns) ForEachTest(*p, collect);
  if (!unknown.empty()) return InvalidArgument("unknown lexicon list '@" + unknown + "'");
  if (a.regexes_.size() > kMaxRegexTests) {
    return InvalidArgument("the rules hold " + std::to_string(a.regexes_.size()) +
                           " distinct /regular expression/ tests, more than " +
                           std::to_string(kMaxRegexTests) + "; use a lexicon list instead");
  }
  for (const auto& re : a.regexes_) {
    if (!re->ok())
      return InvalidArgument("bad regular expression /" + re->pattern() + "/: " + re->error());
  }
  // The words of the rules' lists' multi-word entries are literal words of their own: a
  // list test matches such an entry as a run of tokens.
  for (size_t id = 0; id < table.list_count(); ++id) {
    if (!((a.used_lists_ >> id) & 1)) continue;
    auto& phrases = a.phrases_[static_cast<lexicon::ListId>(id)];
    for (const std::string& entry : table.Entries(static_cast<lexicon::ListId>(id))) {
      if (entry.find(' ') == std::string::npos) continue;
      std::vector<int32_t> words;
      for (size_t b = 0; b < entry.size();) {
        size_t e = entry.find(' ', b);
        if (e == std::string::npos) e = entry.size();
        if (e > b) {
          const std::string w = text::AsciiLower(std::string_view(entry).substr(b, e - b));
          words.push_back(
              a.literals_.try_emplace(w, static_cast<int32_t>(a.literals_.size())).first->second);
        }
        b = e + 1;
      }
      if (words.size() > 1) phrases.push_back(std::move(words));
    }
    std::stable_sort(phrases.begin(), phrases.end(),
                     [](const auto& x, const auto& y) { return x.size() > y.size(); });
    if (phrases.empty()) a.phrases_.erase(static_cast<lexicon::ListId>(id));
  }

  auto word = [&](std::string_view text) {
    Signature s;
    s.kind = IsNumberText(text) ? text::TokenKind::kNumber : text::TokenKind::kWord;
    s.shape = s.kind == text::TokenKind::kNumber ? text::Shape::kDigits : text::WordShape(text);
    s.lists = table.ListsOf(text) & a.used_lists_;
    s.regexes = a.RegexBits(text);
    s.possessive = text::IsPossessiveWord(text);
    if (const auto it = a.literals_.find(text::AsciiLower(text)); it != a.literals_.end())
      s.literal = it->second;
    a.Add(s);
  };
  // Words that pass no list or literal test: only their kind, shape and the regular
  // expressions they pass (any subset) tell them apart.
  const unsigned subsets = 1u << a.regexes_.size();
  for (unsigned bits = 0; bits < subsets; ++bits) {
    for (text::Shape shape : {text::Shape::kCapitalized, text::Shape::kLower, text::Shape::kUpper,
                              text::Shape::kMixed, text::Shape::kNone}) {
      for (const bool possessive : {false, true}) {
        Signature s;
        s.shape = shape;
        s.regexes = static_cast<uint8_t>(bits);
        s.possessive = possessive;
        a.Add(s);
      }
    }
    Signature number;
    number.kind = text::TokenKind::kNumber;
    number.shape = text::Shape::kDigits;
    number.regexes = static_cast<uint8_t>(bits);
    a.Add(number);
  }
  // Every entry of the rules' lists, and every literal word in the cases news writes it.
  for (size_t id = 0; id < table.list_count(); ++id) {
    if (!((a.used_lists_ >> id) & 1)) continue;
    for (const std::string& entry : table.Entries(static_cast<lexicon::ListId>(id))) {
      if (entry.find(' ') == std::string::npos) word(entry);
    }
  }
  for (const auto& [literal, index] : a.literals_) {
    std::string cap = literal, upper = literal;
    if (!cap.empty()) cap[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(cap[0])));
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (const std::string& form : {literal, cap, upper}) word(form);
    Signature mixed;  // "sAid": no list holds it
    mixed.literal = index;
    mixed.shape = text::Shape::kMixed;
    a.Add(mixed);
  }
  for (const auto& [mark, index] : a.puncts_) {
    Signature s;
    s.kind = text::TokenKind::kPunct;
    s.punct = index;
    a.Add(s);
  }
  for (text::TokenKind kind :
       {text::TokenKind::kPunct, text::TokenKind::kQuoteMark, text::TokenKind::kParagraphBreak}) {
    Signature s;
    s.kind = kind;
    a.Add(s);
  }
  Signature q;
  q.kind = text::TokenKind::kQuoteMark;
  q.quote = 1;
  a.quote_ = a.Add(q);
  q.quote = 2;
  a.other_quote_ = a.Add(q);
  Signature start;
  start.kind = text::TokenKind::kPunct;
  start.sentence_start = true;
  a.sentence_start_ = a.Add(start);
  if (kFirstSymbol + a.signatures_.size() > kLastSymbol + 1) {
    return InvalidArgument("the rules' token tests need more than " +
                           std::to_string(kLastSymbol - kFirstSymbol + 1) + " symbols");
  }
  for (const auto& [literal, index] : a.literals_) {
    a.longest_literal_ = std::max(a.longest_literal_, literal.size());
  }
  a.OrderAndWriteClasses(patterns);
  return a;
}

void Alphabet::OrderAndWriteClasses(const std::vector<const PatternNode*>& patterns) {
  // The classes: each distinct test of the patterns, and each word of the multi-word entries
  // of a list tested alone (RegexOf), weighted by how often the patterns write them.
  std::vector<std::vector<uint64_t>> columns;
  std::vector<uint32_t> weights;
  std::unordered_map<std::string, size_t> test_column;
  std::unordered_map<int32_t, size_t> literal_column;
  auto count = [&](const TokenTest& t) {
    const auto [it, added] = test_column.try_emplace(TestKey(t), columns.size());
    if (added) {
      columns.push_back(PassingSymbols(t));
      weights.push_back(0);
    }
    ++weights[it->second];
    if (t.kind != Kind::kList) return;
    const auto phrases = phrases_.find(*table_->FindList(t.text));
    if (phrases == phrases_.end()) return;
    for (const std::vector<int32_t>& phrase : phrases->second) {
      for (int32_t literal : phrase) {
        const auto [lit, new_literal] = literal_column.try_emplace(literal, columns.size());
        if (new_literal) {
          columns.push_back(LiteralSymbols(literal));
          weights.push_back(0);
        }
        ++weights[lit->second];
      }
    }
  };
  for (const PatternNode* p : patterns) ForEachClassTest(*p, count);
  // Symbol × class, ordered, and the symbols renumbered in that order.
  const size_t n = signatures_.size();
  std::vector<std::vector<uint64_t>> members(n, std::vector<uint64_t>((columns.size() + 63) / 64));
  for (size_t k = 0; k < columns.size(); ++k) {
    for (size_t i = 0; i < n; ++i) {
      if (Has(columns[k], i)) members[i][k / 64] |= uint64_t{1} << (k % 64);
    }
  }
  const std::vector<size_t> order = OrderSymbols(members, weights);
  std::vector<Signature> ordered;
  ordered.reserve(n);
  for (size_t old : order) ordered.push_back(signatures_[old]);
  signatures_ = std::move(ordered);
  symbols_.clear();
  for (size_t i = 0; i < n; ++i) {
    symbols_.emplace(signatures_[i], kFirstSymbol + static_cast<char32_t>(i));
  }
  for (size_t i = 0; i < n; ++i) {
    const Signature& s = signatures_[i];
    const char32_t symbol = kFirstSymbol + static_cast<char32_t>(i);
    if (s.quote == 1) quote_ = symbol;
    if (s.quote == 2) other_quote_ = symbol;
    if (s.sentence_start) sentence_start_ = symbol;
    const auto kind = static_cast<size_t>(s.kind), shape = static_cast<size_t>(s.shape);
    if (s.lists == 0 && s.literal < 0 && s.punct < 0 && s.regexes == 0 && !s.possessive &&
        s.quote == 0 && !s.sentence_start && kind < kKinds && shape < kShapes) {
      plain_[kind][shape] = symbol;
    }
  }
  auto renumbered = [&](const std::vector<uint64_t>& column) {
    std::vector<uint64_t> bits(column.size(), 0);
    for (size_t i = 0; i < n; ++i) {
      if (Has(column, order[i])) bits[i / 64] |= uint64_t{1} << (i % 64);
    }
    return bits;
  };
  for (const auto& [key, k] : test_column) {
    std::vector<uint64_t> bits = renumbered(columns[k]);
    classes_.emplace(key, ClassOfBits(bits, n));
    passing_.emplace(key, std::move(bits));
  }
  for (const auto& [literal, k] : literal_column) {
    literal_classes_.emplace(literal, ClassOfBits(renumbered(columns[k]), n));
  }
  for (const auto& [list, phrases] : phrases_) {
    std::vector<uint64_t> words((n + 63) / 64, 0);
    for (const std::vector<int32_t>& phrase : phrases) {
      for (int32_t literal : phrase) {
        const std::vector<uint64_t> of = LiteralSymbols(literal);
        for (size_t w = 0; w < words.size(); ++w) words[w] |= of[w];
      }
    }
    phrase_words_.emplace(list, std::move(words));
  }
}

char32_t Alphabet::Encode(std::string_view token_text, const text::Token& token, uint64_t lists,
                          bool apostrophe_after) const {
  Signature s;
  s.kind = token.kind;
  if (token.kind == text::TokenKind::kWord || token.kind == text::TokenKind::kNumber) {
    s.shape = token.shape;
    s.lists = lists & used_lists_;
    if (token_text.size() <= longest_literal_) {
      // Lower-cased in place of AsciiLower's string: this runs for every word of every story.
      char lower[kLowerBuffer];
      const std::string_view word =
          token_text.size() <= sizeof lower ? LowerInto(token_text, lower) : std::string_view();
      const std::string fallback = word.data() ? std::string() : text::AsciiLower(token_text);
      const auto it = literals_.find(word.data() ? word : std::string_view(fallback));
      if (it != literals_.end()) s.literal = it->second;
    }
    if (!regexes_.empty()) s.regexes = RegexBits(token_text);
    s.possessive =
        token.kind == text::TokenKind::kWord && (apostrophe_after || text::IsPossessiveWord(token_text));
  } else if (token.kind == text::TokenKind::kPunct) {
    if (const auto it = puncts_.find(token_text); it != puncts_.end()) {
      s.punct = it->second;
    }
  }
  const auto kind = static_cast<size_t>(s.kind), shape = static_cast<size_t>(s.shape);
  if (s.lists == 0 && s.literal < 0 && s.punct < 0 && s.regexes == 0 && !s.possessive &&
      kind < kKinds && shape < kShapes && plain_[kind][shape] != 0) {
    return plain_[kind][shape];
  }
  if (const auto it = symbols_.find(s); it != symbols_.end()) return it->second;
  // Not foreseen (a listed word in a shape its entry does not have): the word's shape and
  // regular expressions alone.
  s.lists = 0;
  s.literal = -1;
  const auto it = symbols_.find(s);
  return it != symbols_.end() ? it->second : symbols_.at(Signature{});
}

bool Alphabet::PassesLeaf(const TokenTest& t, const LeafKey& key, const Signature& s) const {
  // SENT stands for no token: it passes SENT (and a test made of it), nothing else.
  const bool token = s.quote == 0 && !s.sentence_start;
  const bool word =
      token && (s.kind == text::TokenKind::kWord || s.kind == text::TokenKind::kNumber);
  switch (t.kind) {
    case Kind::kWord:
      return word && s.literal == key.literal;
    case Kind::kList:
      return word && ((s.lists >> key.list) & 1);
    case Kind::kShape:
      return word && s.shape == t.shape;
    case Kind::kRegex:
      return word && ((s.regexes >> key.regex) & 1);
    case Kind::kPossessive:
      return word && s.possessive;
    case Kind::kPunct:
      return token && s.kind == text::TokenKind::kPunct && s.punct == key.punct;
    case Kind::kQuote:
      return s.quote == 1;
    case Kind::kOtherQuote:
      return s.quote == 2;
    case Kind::kParagraph:
      return token && s.kind == text::TokenKind::kParagraphBreak;
    case Kind::kSentence:
      return s.sentence_start;
    case Kind::kAny:
      return !Boundary(s);
    case Kind::kAnd:
    case Kind::kOr:
    case Kind::kNot:
      break;  // PassingSymbols combines its arguments' sets
  }
  return false;
}

bool Alphabet::Boundary(const Signature& s) {
  // Neither ANY nor a negation passes a paragraph break or a sentence boundary.
  const bool token = s.quote == 0 && !s.sentence_start;
  return s.sentence_start || (token && s.kind == text::TokenKind::kParagraphBreak);
}

uint8_t Alphabet::RegexBits(std::string_view word) const {
  uint8_t bits = 0;
  for (size_t i = 0; i < regexes_.size(); ++i) {
    if (RE2::PartialMatch(word, *regexes_[i])) bits |= static_cast<uint8_t>(1u << i);
  }
  return bits;
}

std::string Alphabet::ClassOf(const TokenTest& test) const {
  const auto it = classes_.find(TestKey(test));
  if (it != classes_.end()) return it->second;
  return ClassOfBits(PassingSymbols(test), signatures_.size());
}

std::vector<uint64_t> Alphabet::PassingSymbols(const TokenTest& test) const {
  const size_t n = signatures_.size();
  std::vector<uint64_t> bits((n + 63) / 64, 0);
  auto set_where = [&](auto&& pass) {
    for (size_t i = 0; i < n; ++i) {
      if (pass(signatures_[i])) bits[i / 64] |= uint64_t{1} << (i % 64);
    }
  };
  switch (test.kind) {
    case Kind::kAnd:
      set_where([](const Signature&) { return true; });
      for (const TokenTest& a : test.args) {
        const std::vector<uint64_t> of = PassingSymbols(a);
        for (size_t w = 0; w < bits.size(); ++w) bits[w] &= of[w];
      }
      return bits;
    case Kind::kOr:
      for (const TokenTest& a : test.args) {
        const std::vector<uint64_t> of = PassingSymbols(a);
        for (size_t w = 0; w < bits.size(); ++w) bits[w] |= of[w];
      }
      return bits;
    case Kind::kNot: {
      const std::vector<uint64_t> of = PassingSymbols(test.args.at(0));
      set_where([](const Signature& s) { return !Boundary(s); });
      for (size_t w = 0; w < bits.size(); ++w) bits[w] &= ~of[w];
      return bits;
    }
    default: {
      // The test's word, list or mark, looked up once rather than per symbol.
      LeafKey key;
      if (test.kind == Kind::kWord) key.literal = literals_.at(test.text);
      if (test.kind == Kind::kList) key.list = *table_->FindList(test.text);
      if (test.kind == Kind::kPunct) key.punct = puncts_.at(test.text);
      if (test.kind == Kind::kRegex) key.regex = regex_index_.at(test.text);
      set_where([&](const Signature& s) { return PassesLeaf(test, key, s); });
      return bits;
    }
  }
}

std::vector<uint64_t> Alphabet::LiteralSymbols(int32_t literal) const {
  std::vector<uint64_t> bits((signatures_.size() + 63) / 64, 0);
  for (size_t i = 0; i < signatures_.size(); ++i) {
    const Signature& s = signatures_[i];
    if (s.literal == literal && s.quote == 0 && !s.sentence_start) {
      bits[i / 64] |= uint64_t{1} << (i % 64);
    }
  }
  return bits;
}

std::vector<uint64_t> Alphabet::SymbolMask(const TokenTest& test) const {
  const auto known = passing_.find(TestKey(test));
  std::vector<uint64_t> mask = known != passing_.end() ? known->second : PassingSymbols(test);
  // A list's multi-word entries: their words too (a token that may start or continue one).
  if (test.kind == Kind::kList) {
    if (const auto it = phrase_words_.find(*table_->FindList(test.text));
        it != phrase_words_.end()) {
      for (size_t w = 0; w < mask.size(); ++w) mask[w] |= it->second[w];
    }
  }
  return mask;
}

std::string Alphabet::RegexOf(const TokenTest& test) const {
  if (test.kind != Kind::kList) return ClassOf(test);
  const auto it = phrases_.find(*table_->FindList(test.text));
  if (it == phrases_.end()) return ClassOf(test);
  // The class of each literal word: written by Build for the patterns' lists.
  auto class_of_literal = [&](int32_t literal) {
    const auto c = literal_classes_.find(literal);
    return c != literal_classes_.end() ? c->second
                                       : ClassOfBits(LiteralSymbols(literal), signatures_.size());
  };
  std::string out = "(?:";
  for (const std::vector<int32_t>& phrase : it->second) {
    for (int32_t w : phrase) out += class_of_literal(w);
    out += '|';
  }
  return out + ClassOf(test) + ")";
}

}  // namespace whosaid::tokenrules
