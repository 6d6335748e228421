#include "whosaid/tokenrules/pattern.h"

#include <re2/re2.h>

#include <cctype>

#include "whosaid/text/char_class.h"

namespace whosaid::tokenrules {
namespace {

bool IsIdentStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool IsIdentChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '\'';
}
bool IsSlotName(std::string_view s) {
  if (s.empty() || !(std::isupper(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (char c : s) {
    if (!(std::isupper(static_cast<unsigned char>(c)) ||
          std::isdigit(static_cast<unsigned char>(c)) || c == '_')) {
      return false;
    }
  }
  return true;
}

// Characters that are operators of the language, never punctuation tests.
bool IsOperator(char c) {
  return c == '(' || c == ')' || c == '[' || c == ']' || c == '|' || c == '&' || c == '!' ||
         c == '?' || c == '*' || c == '+' || c == '{' || c == '}' || c == '@' || c == '"' ||
         c == ':';
}
size_t Utf8Length(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  Parsed Run() {
    Parsed out;
    out.root = Alternation();
    Skip();
    // Stopped at an error: the rest of the pattern was not read, so it is not "unexpected".
    if (pos_ < s_.size() && errors_.empty()) Fail("unexpected '" + std::string(1, s_[pos_]) + "'");
    out.errors = std::move(errors_);
    return out;
  }

 private:
  void Skip() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t')) ++pos_;
  }
  bool Peek(char c) {
    Skip();
    return pos_ < s_.size() && s_[pos_] == c;
  }
  void Fail(std::string message) { errors_.push_back({pos_, std::move(message)}); }

  PatternNode Alternation() {
    PatternNode alt;
    alt.kind = PatternNode::Kind::kAlternation;
    alt.children.push_back(Sequence());
    while (Peek('|')) {
      ++pos_;
      alt.children.push_back(Sequence());
    }
    return alt.children.size() == 1 ? std::move(alt.children[0]) : alt;
  }

  PatternNode Sequence() {
    PatternNode seq;
    seq.kind = PatternNode::Kind::kSequence;
    while (true) {
      Skip();
      if (pos_ >= s_.size() || s_[pos_] == ')' || s_[pos_] == '|' || s_[pos_] == ']') break;
      const size_t before = pos_;
      seq.children.push_back(Item());
      if (pos_ == before || !errors_.empty()) break;  // no progress: stop at the error
    }
    return seq;
  }

  PatternNode Item() {
    PatternNode node = Primary();
    while (true) {
      Skip();
      if (pos_ >= s_.size()) break;
      const char c = s_[pos_];
      int min, max;
      if (c == '?') {
        min = 0, max = 1;
      } else if (c == '*') {
        min = 0, max = -1;
      } else if (c == '+') {
        min = 1, max = -1;
      } else if (c == '{') {
        if (!Bounds(&min, &max)) break;  // not {m,n}: the '{' is reported where it stands
      } else {
        break;
      }
      if (c != '{') ++pos_;  // Bounds consumed it through the '}'
      PatternNode rep;
      rep.kind = PatternNode::Kind::kRepeat;
      rep.min = min;
      rep.max = max;
      if (pos_ < s_.size() && s_[pos_] == '?') {  // x*? x+? x?? x{m,n}?: as few as will do
        rep.lazy = true;
        ++pos_;
      }
      rep.children.push_back(std::move(node));
      node = std::move(rep);
    }
    return node;
  }

  // {m,n} {m,} {m}: consumes through '}' on success.
  bool Bounds(int* min, int* max) {
    size_t i = pos_ + 1;
    auto number = [&](int* out) {
      const size_t b = i;
      while (i < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i]))) ++i;
      if (i == b || i - b > 4) return false;
      *out = std::stoi(std::string(s_.substr(b, i - b)));
      return true;
    };
    if (!number(min)) return false;
    *max = *min;
    if (i < s_.size() && s_[i] == ',') {
      ++i;
      *max = -1;
      if (i < s_.size() && s_[i] != '}' && !number(max)) return false;
    }
    if (i >= s_.size() || s_[i] != '}' || (*max >= 0 && *max < *min)) return false;
    pos_ = i + 1;
    return true;
  }

  PatternNode Primary() {
    Skip();
    if (pos_ < s_.size() && s_[pos_] == '(') {
      ++pos_;
      PatternNode inner = Alternation();
      if (!Peek(')')) {
        Fail("missing ')'");
        return inner;
      }
      ++pos_;
      return inner;
    }
    // NAME:item opens a slot.
    if (pos_ < s_.size() && IsIdentStart(s_[pos_])) {
      size_t e = pos_;
      while (e < s_.size() && IsIdentChar(s_[e])) ++e;
      if (e < s_.size() && s_[e] == ':' && IsSlotName(s_.substr(pos_, e - pos_))) {
        PatternNode slot;
        slot.kind = PatternNode::Kind::kSlot;
        slot.slot = std::string(s_.substr(pos_, e - pos_));
        pos_ = e + 1;
        slot.children.push_back(Item());
        return slot;
      }
    }
    // A quoted phrase of several words is a sequence of word tests.
    if (pos_ < s_.size() && s_[pos_] == '"') {
      const size_t close = s_.find('"', pos_ + 1);
      if (close == std::string_view::npos) {
        Fail("missing closing '\"'");
        pos_ = s_.size();
        return {};
      }
      const std::string_view inner = s_.substr(pos_ + 1, close - pos_ - 1);
      if (inner.find(' ') != std::string_view::npos) {
        PatternNode seq;
        seq.kind = PatternNode::Kind::kSequence;
        size_t b = 0;
        while (b < inner.size()) {
          size_t e = inner.find(' ', b);
          if (e == std::string_view::npos) e = inner.size();
          if (e > b) {
            PatternNode word;
            word.kind = PatternNode::Kind::kTest;
            word.test.kind = TokenTest::Kind::kWord;
            word.test.text = text::AsciiLower(inner.substr(b, e - b));
            seq.children.push_back(std::move(word));
          }
          b = e + 1;
        }
        pos_ = close + 1;
        return seq;
      }
    }
    PatternNode node;
    node.kind = PatternNode::Kind::kTest;
    node.test = TestAnd();
    return node;
  }

  TokenTest TestAnd() {
    TokenTest first = TestUnary();
    if (!Peek('&')) return first;
    TokenTest all;
    all.kind = TokenTest::Kind::kAnd;
    all.args.push_back(std::move(first));
    while (Peek('&')) {
      ++pos_;
      all.args.push_back(TestUnary());
    }
    return all;
  }

  TokenTest TestUnary() {
    if (Peek('!')) {
      ++pos_;
      TokenTest neg;
      neg.kind = TokenTest::Kind::kNot;
      neg.args.push_back(TestUnary());
      return neg;
    }
    if (Peek('[')) {
      ++pos_;
      TokenTest any;
      any.kind = TokenTest::Kind::kOr;
      any.args.push_back(TestAnd());
      while (Peek('|')) {
        ++pos_;
        any.args.push_back(TestAnd());
      }
      if (!Peek(']')) {
        Fail("missing ']'");
      } else {
        ++pos_;
      }
      return any.args.size() == 1 ? std::move(any.args[0]) : any;
    }
    return Atom();
  }

  TokenTest Atom() {
    Skip();
    TokenTest t;
    if (pos_ >= s_.size()) {
      Fail("a token test is missing");
      return t;
    }
    const char c = s_[pos_];
    if (c == '@') {
      size_t e = pos_ + 1;
      while (e < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[e])) || s_[e] == '_'))
        ++e;
      if (e == pos_ + 1) {
        Fail("a list name must follow '@'");
        return t;
      }
      t.kind = TokenTest::Kind::kList;
      t.text = std::string(s_.substr(pos_ + 1, e - pos_ - 1));
      pos_ = e;
      return t;
    }
    if (c == '"') {
      const size_t close = s_.find('"', pos_ + 1);
      if (close == std::string_view::npos || close == pos_ + 1) {
        Fail(close == std::string_view::npos ? "missing closing '\"'" : "an empty quoted test");
        pos_ = s_.size();
        return t;
      }
      const std::string_view inner = s_.substr(pos_ + 1, close - pos_ - 1);
      if (inner.find(' ') != std::string_view::npos) {
        Fail("a phrase of several words is no test of one token: write it outside [ ] and &");
      }
      pos_ = close + 1;
      // One mark, or a run the tokenizer keeps as one token ("--", "..."): punctuation.
      const bool punct = (inner.size() == Utf8Length(static_cast<unsigned char>(inner[0])) &&
                          !std::isalnum(static_cast<unsigned char>(inner[0]))) ||
                         (inner.find_first_not_of(inner[0]) == std::string_view::npos &&
                          !std::isalnum(static_cast<unsigned char>(inner[0])));
      t.kind = punct ? TokenTest::Kind::kPunct : TokenTest::Kind::kWord;
      t.text = punct ? std::string(inner) : text::AsciiLower(inner);
      return t;
    }
    if (c == '/') return Regex();
    if (IsIdentStart(c)) {
      size_t e = pos_;
      while (e < s_.size() && IsIdentChar(s_[e])) ++e;
      const std::string_view word = s_.substr(pos_, e - pos_);
      pos_ = e;
      struct Reserved {
        std::string_view name;
        TokenTest::Kind kind;
        text::Shape shape;
      };
      static constexpr Reserved kReserved[] = {
          {"Cap", TokenTest::Kind::kShape, text::Shape::kCapitalized},
          {"lower", TokenTest::Kind::kShape, text::Shape::kLower},
          {"UPPER", TokenTest::Kind::kShape, text::Shape::kUpper},
          {"Num", TokenTest::Kind::kShape, text::Shape::kDigits},
          {"mixed", TokenTest::Kind::kShape, text::Shape::kMixed},
          {"QUOTE", TokenTest::Kind::kQuote, text::Shape::kNone},
          {"OTHER_QUOTE", TokenTest::Kind::kOtherQuote, text::Shape::kNone},
          {"PARA", TokenTest::Kind::kParagraph, text::Shape::kNone},
          {"SENT", TokenTest::Kind::kSentence, text::Shape::kNone},
          {"ANY", TokenTest::Kind::kAny, text::Shape::kNone},
          {"Poss", TokenTest::Kind::kPossessive, text::Shape::kNone},
      };
      for (const Reserved& r : kReserved) {
        if (word == r.name) {
          t.kind = r.kind;
          t.shape = r.shape;
          return t;
        }
      }
      t.kind = TokenTest::Kind::kWord;
      t.text = text::AsciiLower(word);
      return t;
    }
    if (IsOperator(c)) {
      Fail("unexpected '" + std::string(1, c) + "'");
      return t;
    }
    const size_t n = Utf8Length(static_cast<unsigned char>(c));
    t.kind = TokenTest::Kind::kPunct;
    t.text = std::string(s_.substr(pos_, n));
    pos_ += n;
    return t;
  }

  // /expression/ at pos_: a test of the token's text by RE2. "\/" is a slash inside it.
  TokenTest Regex() {
    TokenTest t;
    std::string expression;
    size_t e = pos_ + 1;
    for (; e < s_.size() && s_[e] != '/'; ++e) {
      if (s_[e] == '\\' && e + 1 < s_.size() && s_[e + 1] == '/') ++e;
      expression += s_[e];
    }
    if (e >= s_.size()) {
      Fail("missing closing '/' of a regular expression");
      pos_ = s_.size();
      return t;
    }
    if (expression.empty()) {
      Fail("an empty regular expression");
      pos_ = e + 1;
      return t;
    }
    RE2::Options quiet;
    quiet.set_log_errors(false);
    const RE2 re(expression, quiet);
    if (!re.ok()) {
      Fail("bad regular expression: " + re.error());
      pos_ = e + 1;
      return t;
    }
    pos_ = e + 1;
    t.kind = TokenTest::Kind::kRegex;
    t.text = std::move(expression);
    return t;
  }

  std::string_view s_;
  size_t pos_ = 0;
  std::vector<ParseFailure> errors_;
};

}  // namespace

Parsed ParsePattern(std::string_view source) { return Parser(source).Run(); }

}  // namespace whosaid::tokenrules
