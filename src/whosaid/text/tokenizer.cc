#include "whosaid/text/tokenizer.h"

#include <array>

#include "whosaid/text/char_class.h"
#include "whosaid/text/segmenter.h"
#include "whosaid/text/utf8.h"

namespace whosaid::text {
namespace {

bool IsDigitCp(char32_t cp) { return cp >= '0' && cp <= '9'; }

// What an ASCII byte is to the main loop; bytes from 0x80 are decoded.
enum ByteClass : uint8_t {
  kOtherByte,
  kSpaceByte,
  kLineByte,
  kUpperByte,
  kLowerByte,
  kDigitByte,
  kHighByte
};

constexpr std::array<uint8_t, 256> MakeByteClasses() {
  std::array<uint8_t, 256> c{};
  for (int b = 0x80; b < 256; ++b) c[b] = kHighByte;
  for (int b : {int{' '}, int{'\t'}, int{'\v'}, int{'\f'}, 0x1A}) c[b] = kSpaceByte;
  c['\n'] = c['\r'] = kLineByte;
  for (int b = 'A'; b <= 'Z'; ++b) c[b] = kUpperByte;
  for (int b = 'a'; b <= 'z'; ++b) c[b] = kLowerByte;
  for (int b = '0'; b <= '9'; ++b) c[b] = kDigitByte;
  return c;
}
constexpr std::array<uint8_t, 256> kByteClass = MakeByteClasses();

// DecodeAt with a shortcut for ASCII, which most news text is.
Decoded Next(std::string_view t, size_t i) {
  const unsigned char c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) return {c, 1, true};
  return DecodeAt(t, i);
}

bool IsApostropheCp(char32_t cp) { return cp == '\'' || cp == 0x2019; }

bool IsQuoteMarkCp(char32_t cp) {
  switch (cp) {
    case '"':
    case '\'':
    case '`':
    case 0x201C:
    case 0x201D:
    case 0x2018:
    case 0x2019:
    case 0x00AB:
    case 0x00BB:
    case 0x2039:
    case 0x203A:
    case 0x201E:
    case 0x201A:
    case 0x300C:
    case 0x300D:
    case 0x300E:
    case 0x300F:
      return true;
    default:
      return false;
  }
}

bool IsClosingCp(char32_t cp) {
  return cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 || cp == '"' || cp == '\'' ||
         cp == 0x00BB || cp == 0x203A || cp == 0x300D || cp == 0x300F;
}

bool IsTerminalCp(char32_t cp) {
  return cp == '.' || cp == '?' || cp == '!' || cp == 0x2026 || cp == 0x3002 || cp == 0xFF01 ||
         cp == 0xFF1F;
}

// Auto mode: blank lines separate paragraphs when the text has a blank line with text on
// both sides; otherwise every line break does. Only the start of each line is decoded: once
// a line has text, the rest of it is skipped byte by byte up to the next line break.
bool HasBlankLineBetweenText(std::string_view t) {
  const auto* p = reinterpret_cast<const unsigned char*>(t.data());
  bool seen_text = false, line_has_text = false, blank_after_text = false;
  for (size_t i = 0; i < t.size();) {
    const unsigned char c = p[i];
    if (c == '\n' || c == '\r' || c == 0xE2) {
      if (const size_t n = LineBreakLength(t, i)) {
        if (!line_has_text && seen_text) blank_after_text = true;
        line_has_text = false;
        i += n;
        continue;
      }
    }
    if (line_has_text) {
      ++i;  // a continuation byte is never a line break's first byte
      continue;
    }
    const Decoded d = Next(t, i);
    if (!IsSpace(d.cp)) {
      if (blank_after_text) return true;
      seen_text = line_has_text = true;
    }
    i += d.len;
  }
  return false;
}

class Pass {
 public:
  Pass(std::string_view t, const TokenizerOptions& o) : t_(t), options_(o) {
    ParagraphMode mode = o.paragraph_mode;
    if (mode == ParagraphMode::kAuto) {
      mode = HasBlankLineBetweenText(t) ? ParagraphMode::kBlankLine : ParagraphMode::kLineBreak;
    }
    breaks_needed_ = mode == ParagraphMode::kBlankLine ? 2 : 1;
  }

  TokenStream Run() {
    size_t i = 0;
    if (t_.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // a byte order mark is no token
    out_.tokens.reserve(t_.size() / 5 + 16);
    out_.lexicon = options_.lexicon;
    while (i < t_.size()) {
      // ASCII at once, most frequent first (conditional branches, which predict better
      // here than a jump table); the rest decoded below.
      const unsigned char c = static_cast<unsigned char>(t_[i]);
      const uint8_t k = kByteClass[c];
      if (k >= kUpperByte && k <= kDigitByte) {
        i = Word(i);
        continue;
      }
      if (k == kSpaceByte) {
        NoteSpace(i, 1, /*line_break=*/false);
        ++i;
        continue;
      }
      if (k == kOtherByte) {
        i = Other(i, {c, 1, true});
        continue;
      }
      if (const size_t n = LineBreakLength(t_, i)) {
        NoteSpace(i, n, /*line_break=*/true);
        i += n;
        continue;
      }
      const Decoded d = Next(t_, i);
      if (IsSpace(d.cp)) {
        NoteSpace(i, d.len, /*line_break=*/false);
        i += d.len;
        continue;
      }
      i = d.valid && IsWordCp(d.cp) ? Word(i) : Other(i, d);
    }
    out_.sentences = out_.tokens.empty() ? 0 : out_.tokens.back().sentence + 1;
    out_.paragraphs = out_.tokens.empty() ? 0 : paragraph_ + 1;
    return std::move(out_);
  }

 private:
  void NoteSpace(size_t i, size_t n, bool line_break) {
    if (!in_space_) space_begin_ = static_cast<uint32_t>(i);
    in_space_ = true;
    space_end_ = static_cast<uint32_t>(i + n);
    if (line_break) ++line_breaks_;
  }

  // Emits a token; a paragraph break before it when the white space before it holds one.
  // The token is written in place, field by field, and the decisions read the arguments:
  // a token built aside and copied in (or read back after its bit-fields were written)
  // stalls on the store.
  void Emit(TokenKind kind, Shape shape, uint32_t begin, uint32_t end) {
    const bool first = out_.tokens.empty();
    const bool had_space = in_space_ || first;
    if (in_space_ && line_breaks_ >= breaks_needed_ && !first) {
      Token& br = out_.tokens.emplace_back();
      br.span = {space_begin_, space_end_};
      br.kind = TokenKind::kParagraphBreak;
      br.space_before = true;
      br.sentence = sentence_;  // a paragraph break belongs to the sentence it ends
      ++paragraph_;
      new_sentence_ = true;
      dateline_tokens_ = 0;
    }
    in_space_ = false;
    line_breaks_ = 0;
    // After a sentence end, the next token after white space that is not a lower-case word
    // starts a sentence (after a soft abbreviation, only a capitalized word does); closing
    // marks and brackets stay with the sentence they close.
    const bool word = kind == TokenKind::kWord;
    if (!new_sentence_ && may_end_ && had_space) {
      const bool lower_word = word && shape == Shape::kLower;
      const bool capital_word = word && (shape == Shape::kCapitalized || shape == Shape::kUpper);
      if (soft_end_ ? capital_word : !lower_word) new_sentence_ = true;
    }
    // After an abbreviation that ends no sentence, a word that only opens one still does.
    if (!new_sentence_ && abbreviation_end_ && had_space && word &&
        options_.opens_sentence_after_abbreviation &&
        options_.opens_sentence_after_abbreviation(t_.substr(begin, end - begin))) {
      new_sentence_ = true;
    }
    if (new_sentence_ && !first) ++sentence_;
    const bool sentence_start = new_sentence_ || first;
    if (sentence_start) out_.sentence_paragraph.push_back(paragraph_);
    new_sentence_ = false;
    Token& tok = out_.tokens.emplace_back();
    tok.span = {begin, end};
    tok.kind = kind;
    tok.shape = shape;
    tok.space_before = had_space;
    tok.sentence_start = sentence_start;
    tok.sentence = sentence_;
    if (options_.lexicon && word) {
      tok.lexicon_class = options_.lexicon->ClassOf(t_.substr(begin, end - begin));
    }
    if (dateline_tokens_ >= 0) NoteDateline(kind, shape, begin, end);
  }

  // A dateline opening a paragraph ("WASHINGTON (Wire) -", "LAGOS, March 3 -", "NAIROBI,
  // Kenya —", "KATHMANDU:") is a sentence of its own: the statement after its dash or colon
  // starts the next one, so no rule reads the place and the agency as part of a clause. It
  // opens with a word in capitals and holds no word in lower case, no quote mark and no
  // sentence end, in at most kDatelineTokens tokens.
  void NoteDateline(TokenKind kind, Shape shape, uint32_t begin, uint32_t end) {
    constexpr int kDatelineTokens = 12;
    const std::string_view tok = t_.substr(begin, end - begin);
    const bool word = kind == TokenKind::kWord || kind == TokenKind::kNumber;
    if (dateline_tokens_ == 0) {
      dateline_tokens_ =
          kind == TokenKind::kWord && shape == Shape::kUpper && tok.size() >= 2 && tok.back() != '.'
              ? 1
              : -1;
      return;
    }
    const bool dash = tok == "-" || tok == "--" || tok == "\xE2\x80\x94" || tok == "\xE2\x80\x93";
    if (kind == TokenKind::kPunct && (dash || tok == ":")) {
      new_sentence_ = true;  // the next token opens the story's first sentence
      dateline_tokens_ = -1;
      return;
    }
    const bool breaks = word ? shape == Shape::kLower || shape == Shape::kMixed
                             : kind == TokenKind::kQuoteMark ||
                                   (tok != "," && tok != "(" && tok != ")" && tok != "/");
    dateline_tokens_ = breaks || dateline_tokens_ >= kDatelineTokens ? -1 : dateline_tokens_ + 1;
  }

  size_t Word(size_t b) {
    const size_t n = t_.size();
    const auto* p = reinterpret_cast<const unsigned char*>(t_.data());
    size_t e = b;
    unsigned seen = 0;     // 1 << byte class of every ASCII letter and digit of the word
    bool decoded = false;  // the word holds a code point from U+0080
    bool inner_period = false;
    // UTF-8 read as Latin-1 and encoded again ("FranÃ§ois" for "François"): after "Â" or
    // "Ã" (or their decomposed accents, U+0302 and U+0303) a character of U+0080–U+00BF (a
    // control or a sign) is the rest of a letter.
    bool mojibake_lead = false;
    for (;;) {
      // The common case first: a run of ASCII letters and digits, one table load a byte.
      while (e < n) {
        const uint8_t k = kByteClass[p[e]];
        if (k < kUpperByte || k > kDigitByte) break;
        seen |= 1u << k;
        ++e;
      }
      if (e >= n) break;
      const Decoded c = Next(t_, e);
      if (c.valid && c.cp >= 0x80 &&
          (IsWordCp(c.cp) || (mojibake_lead && c.cp <= 0xBF && e + c.len < n))) {
        mojibake_lead = c.cp == 0xC2 || c.cp == 0xC3 || c.cp == 0x302 || c.cp == 0x303;
        decoded = true;
        e += c.len;
        continue;
      }
      // A comma joins digits only ("1,200"); an apostrophe, hyphen or period joins words.
      const bool joiner = IsApostropheCp(c.cp) || c.cp == '-' || c.cp == '.' ||
                          (c.cp == ',' && e > b && IsDigitCp(p[e - 1]));
      if (joiner && e + c.len < n) {
        const Decoded next = Next(t_, e + c.len);
        if (next.valid && (c.cp == ',' ? IsDigitCp(next.cp) : IsWordCp(next.cp))) {
          inner_period |= c.cp == '.';
          e += c.len;
          continue;
        }
      }
      break;
    }
    const std::string_view word = t_.substr(b, e - b);
    Shape shape = decoded ? WordShape(word) : AsciiShape(word, seen);
    if (shape == Shape::kMixed && options_.is_name_particle && OpensWithNameParticle(word)) {
      shape = Shape::kCapitalized;
    }
    // Digits with inner "," or "." ("1,200", "3.5") are a number; so are "3-4" and "1.2.3".
    const TokenKind kind = shape == Shape::kDigits ? TokenKind::kNumber : TokenKind::kWord;
    bool soft = false, hard = false;
    if (e < n && p[e] == '.' && kind == TokenKind::kWord && !(e + 1 < n && p[e + 1] == '.')) {
      const bool initial = CountCodePoints(word) == 1 && shape == Shape::kUpper;
      const bool listed = options_.is_abbreviation && options_.is_abbreviation(word);
      soft = options_.ends_sentence_before_capital && options_.ends_sentence_before_capital(word);
      if (initial || inner_period || listed || soft) ++e;
      hard = !initial && !soft && (inner_period || listed);
    }
    Emit(kind, shape, static_cast<uint32_t>(b), static_cast<uint32_t>(e));
    // A soft abbreviation ends the sentence before a word that is not lower case; any other
    // (not an initial: "George W. Bush") before a word that only opens a sentence.
    may_end_ = soft && p[e - 1] == '.';
    soft_end_ = may_end_;
    abbreviation_end_ = hard;
    return e;
  }

  // "al-Khatib", "d'Alembert", "el‑Masri": a particle of the pack, a hyphen or apostrophe,
  // then a capital.
  bool OpensWithNameParticle(std::string_view word) const {
    const size_t joint = ParticleJoint(word);
    return joint != std::string_view::npos && options_.is_name_particle(word.substr(0, joint));
  }

  // WordShape of an all-ASCII word from the byte classes its letters and digits fell in.
  static Shape AsciiShape(std::string_view word, unsigned seen) {
    const bool upper = seen & (1u << kUpperByte), lower = seen & (1u << kLowerByte);
    if (!upper && !lower) return Shape::kDigits;
    if (!upper) return Shape::kLower;
    if (!lower) return Shape::kUpper;
    for (const char ch : word) {  // both cases: the first letter decides
      const uint8_t k = kByteClass[static_cast<unsigned char>(ch)];
      if (k == kUpperByte) return Shape::kCapitalized;
      if (k == kLowerByte) return Shape::kMixed;
    }
    return Shape::kMixed;
  }

  size_t Other(size_t b, Decoded d) {
    size_t e = b + d.len;
    TokenKind kind = TokenKind::kPunct;
    if (d.valid && (d.cp == '`' || d.cp == '\'') && e < t_.size() &&
        t_[e] == static_cast<char>(d.cp)) {
      ++e;  // `` and ''
      kind = TokenKind::kQuoteMark;
    } else if (d.valid && IsQuoteMarkCp(d.cp)) {
      kind = TokenKind::kQuoteMark;
    } else if (d.valid && (d.cp == '-' || d.cp == '.')) {
      while (e < t_.size() && t_[e] == static_cast<char>(d.cp)) ++e;  // "--", "..."
    }
    const bool closing = d.valid && IsClosingCp(d.cp) && !in_space_;
    const bool terminal = d.valid && IsTerminalCp(d.cp);
    Emit(kind, Shape::kNone, static_cast<uint32_t>(b), static_cast<uint32_t>(e));
    abbreviation_end_ = false;
    if (terminal) {
      may_end_ = true;
      soft_end_ = false;
    } else if (!closing) {
      may_end_ = false;  // a closing mark after the sentence end keeps it pending
    }
    return e;
  }

  std::string_view t_;
  const TokenizerOptions& options_;
  int breaks_needed_ = 2;
  TokenStream out_;
  bool in_space_ = false;
  uint32_t space_begin_ = 0, space_end_ = 0;
  int line_breaks_ = 0;
  bool new_sentence_ = false;
  bool may_end_ = false;           // the tokens so far may have ended a sentence
  bool soft_end_ = false;          // ... at a soft abbreviation: only before a capitalized word
  bool abbreviation_end_ = false;  // the last token is an abbreviation that ends no sentence
                                   // but before a word that only opens one
  uint32_t sentence_ = 0, paragraph_ = 0;
  int dateline_tokens_ = 0;  // tokens of a possible dateline so far; -1: none here
};

}  // namespace

Shape WordShape(std::string_view word) {
  bool any_upper = false, any_lower = false, first_upper = false, first = true, digits = true;
  for (size_t i = 0; i < word.size();) {
    bool up, low;
    const unsigned char c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {  // ASCII by its byte class, without decoding or ICU
      ++i;
      const uint8_t k = kByteClass[c];
      if (k != kUpperByte && k != kLowerByte && k != kDigitByte) continue;  // ' - . ,
      up = k == kUpperByte;
      low = k == kLowerByte;
      digits &= k == kDigitByte;
    } else {
      const Decoded d = Next(word, i);
      i += d.len;
      if (!IsWordCp(d.cp)) continue;  // inner apostrophes, hyphens
      up = IsUpperCp(d.cp);
      low = IsLowerCp(d.cp);
      digits = false;  // only ASCII digits make a number
    }
    if (first && (up || low)) {
      first_upper = up;
      first = false;
    }
    any_upper |= up;
    any_lower |= low;
  }
  if (digits) return Shape::kDigits;
  if (!any_upper) return Shape::kLower;
  if (!any_lower) return Shape::kUpper;
  return first_upper ? Shape::kCapitalized : Shape::kMixed;
}

TokenStream Tokenize(std::string_view text, const TokenizerOptions& options) {
  return Pass(text, options).Run();
}

}  // namespace whosaid::text
