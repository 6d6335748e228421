// The quote scanner. One left-to-right pass per paragraph over the bytes that can begin a
// quote mark; each mark gets a role (open, close, or nothing: apostrophe, stray) from its
// glyph, the characters on either side of it and the marks currently open.
//
// Heuristics, in short:
//  * Context of a mark: the character before it is "space-like" (paragraph start, white
//    space, an opening bracket or dash, or a mark that just opened) or not; the character
//    after it (looking through up to three adjacent marks) is white space / end, closing
//    punctuation, or a word character. That gives four contexts: OPEN (space-like before,
//    something after), CLOSE (something before, space or punctuation after), INNER
//    (something before, a word after: `a"b`, `said,"We`) and LONE (space on both sides).
//  * Double marks (" “ ” „ « » 「 」 『 』; also '' standing for ", as in some news archives,
//    and `` opening what '' closes, as in older archives and LaTeX; both are reported with
//    open/close mark U+0022; a lone backtick is no mark): a closing mark closes the
//    innermost open double quote it is compatible with (“ and " close with ” " or “; „ with “ ” ";
//    « with »; 「 with 」; 『 with 』), dropping any single quote left open inside it. An opening
//    mark of the same style as the innermost open quote (straight after straight, curly
//    after curly) means that one was never closed: it ends there, flagged unclosed, and a
//    new quote begins. Otherwise it nests (“… "x" …”, "… “x” …", “… ‘… “x” …’ …”).
//    A ” after a space with nothing open opens (”Hello” she said); so does a German »…«.
//  * Single marks (' ‘ ’ ‚ ‹ ›) are apostrophes when in doubt: between two letters or
//    digits always; before an elision ('90s ’em ‘til 'tis rock ’n’ roll) always; a ’ after
//    a space never opens; a ’ or ' after a word closes a quote only when the innermost open
//    quote is a single one (so "the voters’ choice" is an apostrophe unless a single quote
//    is open, in which case it closes it). A single quote opened at the top level that is
//    still open at the end of its paragraph was an apostrophe after all, unless it
//    continues into the next paragraph (below): the paragraph is scanned again from just
//    after it with top-level single quotes turned off (at most two passes per paragraph, so
//    the scan stays linear).
//  * Nesting depth is capped at kMaxDepth; marks that would open deeper are ignored.
//  * Nothing crosses a paragraph boundary, except that a quote still open at the end of a
//    paragraph continues when the next paragraph begins with an opening mark of its kind
//    (multi_paragraph): the convention, in American and British style alike, is that a
//    paragraph ending inside a quotation has no closing mark and the next one opens again.
//    A single quote continues only when it was set off (a quotation, not an apostrophe
//    inside a sentence: "the 'Bama fans") and the next paragraph's mark is no elision.
//    Otherwise it ends at the paragraph end, flagged unclosed. A quote does not continue
//    past the paragraph in which it reaches options.max_quote_bytes.
//  * Content spans are trimmed of white space; quotes whose content is only white space
//    and quote marks are not reported, nor nicknames inside names (text/nickname.h).
//  * With an empty Segmentation the whole text (trimmed) is scanned as one paragraph.
#include "whosaid/quotes/scanner.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <optional>

#include "whosaid/text/nickname.h"
#include "whosaid/text/utf8.h"

namespace whosaid::quotes {
namespace {

using text::ByteSpan;

constexpr int kMaxDepth = 8;

enum Glyph : uint8_t {
  kNone,
  // Double marks.
  kDqStraight,        // "
  kDqLeft,            // “
  kDqRight,           // ”
  kDqLow,             // „
  kGuilLeft,          // «
  kGuilRight,         // »
  kCornerLeft,        // 「
  kCornerRight,       // 」
  kWhiteCornerLeft,   // 『
  kWhiteCornerRight,  // 』
  kDqApostrophes,     // '' (two apostrophes standing for ", as in some news archives)
  kDqBackticks,       // `` (opens a quote that '' closes: old archives, LaTeX)
  // Single marks.
  kSqStraight,  // '
  kSqLeft,      // ‘
  kSqRight,     // ’
  kSqLow,       // ‚
  kSGuilLeft,   // ‹
  kSGuilRight,  // ›
};

// Straight marks (" '' ``) against typographic ones: a quote continues into the next
// paragraph only in the style it was opened in; a change of style starts a new quote.
inline bool IsStraight(Glyph g) {
  return g == kDqStraight || g == kDqApostrophes || g == kDqBackticks;
}
inline bool IsDouble(Glyph g) { return g >= kDqStraight && g <= kDqBackticks; }

// Whether a quote opened with `open` (or continued with it) closes with `close`.
bool Compatible(Glyph open, Glyph close) {
  switch (open) {
    case kDqStraight:
    case kDqLeft:
    case kDqRight:
    case kDqLow:
      return close == kDqStraight || close == kDqRight || close == kDqLeft ||
             close == kDqApostrophes;
    case kDqApostrophes:
    case kDqBackticks:
      return close == kDqApostrophes || close == kDqStraight || close == kDqRight;
    case kGuilLeft:
      return close == kGuilRight;
    case kGuilRight:
      return close == kGuilLeft;
    case kCornerLeft:
      return close == kCornerRight;
    case kWhiteCornerLeft:
      return close == kWhiteCornerRight;
    case kSqStraight:
    case kSqLeft:
    case kSqLow:
      return close == kSqStraight || close == kSqRight || close == kSqLeft;
    case kSGuilLeft:
      return close == kSGuilRight;
    case kSGuilRight:
      return close == kSGuilLeft;
    default:
      return false;
  }
}

// Straight and curly double marks each form a style; a new opener of the style of the open
// quote ends it (it was never closed) rather than nesting in it.
int Style(Glyph g) {
  switch (g) {
    case kDqStraight:
    case kDqApostrophes:
      return 1;
    case kDqLeft:
    case kDqRight:
    case kDqLow:
      return 2;
    case kDqBackticks:  // its own style: a straight "x" nests inside ``…''
      return 3;
    default:
      return 0;
  }
}

struct Mark {
  Glyph glyph = kNone;
  uint8_t len = 1;
  char32_t cp = 0;
};

constexpr std::array<bool, 256> MakeLeadTable() {
  std::array<bool, 256> t{};
  t['"'] = t['\''] = t['`'] = t[0xC2] = t[0xE2] = t[0xE3] = true;
  return t;
}
constexpr std::array<bool, 256> kLead = MakeLeadTable();

// The quote mark starting at byte i (< limit), or kNone.
inline Mark MarkAt(const unsigned char* p, size_t i, size_t limit) {
  switch (p[i]) {
    case '"':
      return {kDqStraight, 1, U'"'};
    case '\'':
      if (i + 1 < limit && p[i + 1] == '\'') return {kDqApostrophes, 2, U'"'};
      return {kSqStraight, 1, U'\''};
    case '`':  // a lone backtick is code or a grave accent, not a mark
      if (i + 1 < limit && p[i + 1] == '`') return {kDqBackticks, 2, U'"'};
      return {};
    case 0xC2:
      if (i + 1 < limit) {
        if (p[i + 1] == 0xAB) return {kGuilLeft, 2, 0xAB};
        if (p[i + 1] == 0xBB) return {kGuilRight, 2, 0xBB};
      }
      return {};
    case 0xE2:
      if (i + 2 < limit && p[i + 1] == 0x80) {
        switch (p[i + 2]) {
          case 0x98:
            return {kSqLeft, 3, 0x2018};
          case 0x99:
            return {kSqRight, 3, 0x2019};
          case 0x9A:
            return {kSqLow, 3, 0x201A};
          case 0x9C:
            return {kDqLeft, 3, 0x201C};
          case 0x9D:
            return {kDqRight, 3, 0x201D};
          case 0x9E:
            return {kDqLow, 3, 0x201E};
          case 0xB9:
            return {kSGuilLeft, 3, 0x2039};
          case 0xBA:
            return {kSGuilRight, 3, 0x203A};
          default:
            break;
        }
      }
      return {};
    case 0xE3:
      if (i + 2 < limit && p[i + 1] == 0x80) {
        switch (p[i + 2]) {
          case 0x8C:
            return {kCornerLeft, 3, 0x300C};
          case 0x8D:
            return {kCornerRight, 3, 0x300D};
          case 0x8E:
            return {kWhiteCornerLeft, 3, 0x300E};
          case 0x8F:
            return {kWhiteCornerRight, 3, 0x300F};
          default:
            break;
        }
      }
      return {};
    default:
      return {};
  }
}

inline bool IsWs(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x1A;
  return text::IsSpace(cp);
}

inline bool IsDigit(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return u_isdigit(static_cast<UChar32>(cp));
}

inline bool IsAlnum(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  }
  if (cp == text::kReplacementChar) return false;
  return u_isalnum(static_cast<UChar32>(cp));
}

inline bool IsAsciiAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Characters after which a mark is in opening position, as after white space.
inline bool IsOpeningPunct(char32_t cp) {
  switch (cp) {
    case '(':
    case '[':
    case '{':
    case '/':
    case 0x2013:
    case 0x2014:
    case 0x201C:
    case 0x2018:
    case 0x201E:
    case 0x201A:
    case 0xAB:
    case 0x2039:
    case 0x300C:
    case 0x300E:
      return true;
    default:
      return false;
  }
}

// Non-alphanumeric characters that can begin a word after an opening mark ("$5", "(Laughs)").
inline bool IsWordStartSymbol(char32_t cp) {
  switch (cp) {
    case '(':
    case '[':
    case '{':
    case '$':
    case '#':
    case '@':
    case '&':
    case '+':
    case 0xA3:
    case 0x20AC:
    case 0xA5:
      return true;
    default:
      return false;
  }
}

inline bool IsSentencePunct(char32_t cp) {
  return cp == '.' || cp == '?' || cp == '!' || cp == ',' || cp == 0x2026;
}

// Characters after which (skipping spaces) a quote is set off as a direct quote.
inline bool IsSetOffPunct(char32_t cp) {
  switch (cp) {
    case '.':
    case '?':
    case '!':
    case ':':
    case ',':
    case 0x2014:
    case 0x2013:
    case 0x2026:
    case '(':
    case '[':
    case '{':
      return true;
    default:
      return false;
  }
}

enum class Ctx : uint8_t { kOpen, kClose, kInner, kLone };
enum class Role : uint8_t { kIgnored, kOpened, kClosed };
enum class Next : uint8_t { kEnd, kPunct, kWord };

struct Context {
  Ctx ctx = Ctx::kOpen;
  bool prev_alnum = false;
  bool prev_digit = false;
  bool next_alnum = false;
};

struct Entry {
  uint32_t pos;
  uint8_t len;
  Glyph glyph;   // the opening mark
  Glyph compat;  // the mark closers must match (the continuation mark after a paragraph)
  char32_t cp;
};

class Scan {
 public:
  Scan(std::string_view text, const text::Segmentation& seg, const ScannerOptions& options)
      : text_(text),
        p_(reinterpret_cast<const unsigned char*>(text.data())),
        seg_(seg),
        options_(options) {}

  std::vector<QuoteSpan> Run() {
    BuildParagraphs();
    for (size_t k = 0; k < paras_.size(); ++k) {
      pb_ = paras_[k].begin;
      pe_ = paras_[k].end;
      uint32_t start = pb_;
      last_end_ = pb_;
      last_role_ = Role::kIgnored;
      if (continue_len_ > 0) {
        start += continue_len_;
        last_end_ = start;
        last_role_ = Role::kOpened;
        continue_len_ = 0;
      }
      ScanRange(start);
      if (depth_ > 0 && !IsDouble(stack_[0].glyph) && !top_multi_ && !ContinuesSingle(k)) {
        // A top-level single quote never closed: its opener was an apostrophe. Scan again
        // from just after it, with top-level single quotes off for the rest of the paragraph.
        const uint32_t from = stack_[0].pos + stack_[0].len;
        depth_ = 0;
        no_top_single_ = true;
        last_end_ = from;
        last_role_ = Role::kIgnored;
        ScanRange(from);
      }
      no_top_single_ = false;
      if (depth_ > 0) EndParagraph(k);
    }
    return std::move(out_);
  }

 private:
  void BuildParagraphs() {
    const uint32_t n =
        static_cast<uint32_t>(std::min<size_t>(text_.size(), std::numeric_limits<uint32_t>::max()));
    paras_.reserve(seg_.paragraphs.size() + 1);
    uint32_t prev_end = 0;
    for (const ByteSpan& p : seg_.paragraphs) {
      uint32_t b = std::min(p.begin, n), e = std::min(p.end, n);
      if (b < prev_end) b = prev_end;
      if (e <= b) continue;
      ByteSpan t = Trim({b, e});
      if (t.empty()) continue;
      paras_.push_back(t);
      prev_end = t.end;
    }
    if (seg_.paragraphs.empty()) {
      ByteSpan t = Trim({0, n});
      if (!t.empty()) paras_.push_back(t);
    }
  }

  ByteSpan Trim(ByteSpan s) const {
    uint32_t b = s.begin, e = s.end;
    while (b < e) {
      text::Decoded d = text::DecodeAt(text_, b);
      if (!d.valid || !IsWs(d.cp) || b + d.len > e) break;
      b += d.len;
    }
    while (e > b) {
      size_t start;
      char32_t cp = text::DecodeBefore(text_, e, &start);
      if (!IsWs(cp) || start < b) break;
      e = static_cast<uint32_t>(start);
    }
    return {b, e};
  }

  // The first byte at or after i (before pe_) that can begin a quote mark, or pe_.
  uint32_t NextCandidate(uint32_t i) const {
    constexpr uint64_t kOnes = 0x0101010101010101ULL;
    constexpr uint64_t kHigh = 0x8080808080808080ULL;
    auto has_zero = [](uint64_t v) { return ((v - kOnes) & ~v & kHigh) != 0; };
    for (;;) {
      while (i + 8 <= pe_) {
        uint64_t w;
        std::memcpy(&w, p_ + i, 8);
        if ((w & kHigh) != 0 || has_zero(w ^ (kOnes * '"')) || has_zero(w ^ (kOnes * '\'')) ||
            has_zero(w ^ (kOnes * '`'))) {
          break;
        }
        i += 8;
      }
      const uint32_t stop = std::min<uint32_t>(i + 8, pe_);
      for (; i < stop; ++i) {
        if (kLead[p_[i]]) return i;
      }
      if (i >= pe_) return pe_;
    }
  }

  void ScanRange(uint32_t i) {
    while (true) {
      i = NextCandidate(i);
      if (i >= pe_) return;
      const Mark m = MarkAt(p_, i, pe_);
      if (m.glyph == kNone) {
        ++i;
        continue;
      }
      Role role = Role::kIgnored;
      if (i != forced_apostrophe_) {
        const Context c = ContextAt(i, m);
        role = IsDouble(m.glyph) ? HandleDouble(i, m, c) : HandleSingle(i, m, c);
      }
      i += m.len;
      last_end_ = i;
      last_role_ = role;
    }
  }

  Context ContextAt(uint32_t i, const Mark& m) const {
    Context c;
    bool prev_space_like;
    if (i <= pb_) {
      prev_space_like = true;
    } else if (i == last_end_) {  // right after another mark
      prev_space_like = last_role_ == Role::kOpened;
    } else {
      size_t start;
      const char32_t cp = text::DecodeBefore(text_, i, &start);
      prev_space_like = IsWs(cp) || IsOpeningPunct(cp);
      c.prev_alnum = IsAlnum(cp);
      c.prev_digit = IsDigit(cp);
    }
    uint32_t j = i + m.len;
    if (j < pe_) c.next_alnum = IsAlnum(text::DecodeAt(text_, j).cp);
    for (int skipped = 0; skipped < 3 && j < pe_; ++skipped) {
      const Mark n = MarkAt(p_, j, pe_);
      if (n.glyph == kNone) break;
      j += n.len;
    }
    Next next;
    if (j >= pe_) {
      next = Next::kEnd;
    } else if (MarkAt(p_, j, pe_).glyph != kNone) {
      next = Next::kPunct;
    } else {
      const char32_t cp = text::DecodeAt(text_, j).cp;
      if (IsWs(cp)) {
        next = Next::kEnd;
      } else if (IsAlnum(cp) || IsWordStartSymbol(cp)) {
        next = Next::kWord;
      } else {
        next = Next::kPunct;
      }
    }
    if (prev_space_like) {
      c.ctx = next == Next::kEnd ? Ctx::kLone : Ctx::kOpen;
    } else {
      c.ctx = next == Next::kWord ? Ctx::kInner : Ctx::kClose;
    }
    return c;
  }

  // True when the text at j (just after a single mark in opening position) is an elision:
  // '90s ’04 ’em ‘til 'tis 'twas 'cause rock ’n’ roll. For ’n’ the second mark is noted
  // so that it is taken as an apostrophe too.
  bool IsElision(uint32_t j) { return IsElision(j, pe_); }
  bool IsElision(uint32_t j, uint32_t limit) {
    if (j + 1 < limit && p_[j] >= '0' && p_[j] <= '9' && p_[j + 1] >= '0' && p_[j + 1] <= '9' &&
        (j + 2 >= limit || p_[j + 2] < '0' || p_[j + 2] > '9')) {
      return true;
    }
    char word[8];
    uint32_t k = 0;
    while (j + k < limit && k < 7 && IsAsciiAlpha(p_[j + k])) {
      word[k] = static_cast<char>(p_[j + k] | 0x20);
      ++k;
    }
    if (k == 0 || k == 7) return false;
    if (j + k < limit) {
      const char32_t cp = text::DecodeAt(text_, j + k).cp;
      if (IsAlnum(cp)) return false;
    }
    const std::string_view w(word, k);
    for (const std::string& e : options_.elisions) {
      if (w != e) continue;
      if (k == 1 && j + 1 < limit) {
        const Mark m = MarkAt(p_, j + 1, limit);
        if (m.glyph != kNone && !IsDouble(m.glyph)) forced_apostrophe_ = j + 1;
      }
      return true;
    }
    return false;
  }

  // Index of the innermost open double quote that `g` can close, or -1.
  int FindDouble(Glyph g) const {
    for (int l = depth_ - 1; l >= 0; --l) {
      if (IsDouble(stack_[l].compat) && Compatible(stack_[l].compat, g)) return l;
    }
    return -1;
  }

  // Index of the innermost open quote when it is a single quote that `g` can close, or -1.
  int FindTopSingle(Glyph g) const {
    if (depth_ == 0) return -1;
    const Entry& e = stack_[depth_ - 1];
    return !IsDouble(e.compat) && Compatible(e.compat, g) ? depth_ - 1 : -1;
  }

  Role Open(uint32_t i, const Mark& m) {
    if (depth_ >= kMaxDepth) return Role::kIgnored;
    if (depth_ == 0) {
      if (!IsDouble(m.glyph) && no_top_single_) return Role::kIgnored;
      top_multi_ = false;
      top_para_begin_ = pb_;
    }
    stack_[depth_++] = Entry{i, m.len, m.glyph, m.glyph, m.cp};
    return Role::kOpened;
  }

  Role CloseAt(int level, uint32_t i, const Mark& m) {
    if (level == 0) {
      EmitTop(i, i + m.len, m.cp, /*unclosed=*/false);
      depth_ = 0;
    } else {
      depth_ = level;
    }
    return Role::kClosed;
  }

  Role CloseDouble(uint32_t i, const Mark& m) {
    const int level = FindDouble(m.glyph);
    return level >= 0 ? CloseAt(level, i, m) : Role::kIgnored;
  }

  // An opening double mark: when the innermost open quote is a double quote of the same
  // style, that one was never closed and ends here; otherwise the new quote nests (“… "x"
  // …”, “… ‘… “x” …’ …”).
  Role OpenDouble(uint32_t i, const Mark& m) {
    const int d = depth_ - 1;
    if (d >= 0 && Style(stack_[d].compat) != 0 && Style(stack_[d].compat) == Style(m.glyph)) {
      if (d == 0) {
        EmitTop(i, i, 0, /*unclosed=*/true);
        depth_ = 0;
      } else {
        depth_ = d;
      }
    }
    return Open(i, m);
  }

  Role HandleDouble(uint32_t i, const Mark& m, const Context& c) {
    switch (m.glyph) {
      case kDqStraight:
      case kDqApostrophes:
        switch (c.ctx) {
          case Ctx::kOpen:
            return OpenDouble(i, m);
          case Ctx::kClose:
          case Ctx::kLone:
            return CloseDouble(i, m);
          case Ctx::kInner:
            if (FindDouble(m.glyph) >= 0) return CloseDouble(i, m);
            if (c.prev_digit) return Role::kIgnored;  // 6'2" tall
            return Open(i, m);
        }
        break;
      case kDqLeft:
        switch (c.ctx) {
          case Ctx::kOpen:
            return OpenDouble(i, m);
          case Ctx::kClose:
            return CloseDouble(i, m);
          case Ctx::kInner:
          case Ctx::kLone:
            if (FindDouble(m.glyph) >= 0) return CloseDouble(i, m);
            return Open(i, m);
        }
        break;
      case kDqRight:
        if (FindDouble(m.glyph) >= 0) return CloseDouble(i, m);
        if (c.ctx == Ctx::kOpen) return Open(i, m);  // ”Hello” she said
        return Role::kIgnored;
      case kDqLow:
        if (c.ctx == Ctx::kClose) return Role::kIgnored;
        return OpenDouble(i, m);
      case kDqBackticks:
        if (c.ctx == Ctx::kClose) {
          // ``ls -la``: code between backtick pairs (Markdown, reStructuredText), not a
          // quote; the pair is dropped so it hides no quote after it.
          if (depth_ > 0 && stack_[depth_ - 1].glyph == kDqBackticks) --depth_;
          return Role::kIgnored;
        }
        return OpenDouble(i, m);
      case kGuilLeft: {
        const int level = FindDouble(m.glyph);  // an open »…« (German order)
        if (level >= 0 && c.ctx != Ctx::kOpen) return CloseAt(level, i, m);
        if (c.ctx != Ctx::kClose) return Open(i, m);
        return Role::kIgnored;
      }
      case kGuilRight: {
        const int level = FindDouble(m.glyph);
        if (level >= 0) return CloseAt(level, i, m);
        if (c.ctx == Ctx::kOpen) return Open(i, m);
        return Role::kIgnored;
      }
      case kCornerLeft:
      case kWhiteCornerLeft:
        return Open(i, m);
      case kCornerRight:
      case kWhiteCornerRight:
        return CloseDouble(i, m);
      default:
        break;
    }
    return Role::kIgnored;
  }

  Role HandleSingle(uint32_t i, const Mark& m, const Context& c) {
    if (c.prev_alnum && c.next_alnum) return Role::kIgnored;  // O’Neill, don't, 1990’s
    switch (m.glyph) {
      case kSqStraight:
      case kSqLeft:
        switch (c.ctx) {
          case Ctx::kOpen:
            if (IsElision(i + m.len)) return Role::kIgnored;
            return Open(i, m);
          case Ctx::kClose:
          case Ctx::kLone: {
            const int level = FindTopSingle(m.glyph);
            return level >= 0 ? CloseAt(level, i, m) : Role::kIgnored;
          }
          case Ctx::kInner:
            return Role::kIgnored;
        }
        break;
      case kSqRight:
        if (c.ctx == Ctx::kClose || c.ctx == Ctx::kLone) {
          const int level = FindTopSingle(m.glyph);
          return level >= 0 ? CloseAt(level, i, m) : Role::kIgnored;
        }
        if (c.ctx == Ctx::kOpen) IsElision(i + m.len);  // notes the second mark of ’n’
        return Role::kIgnored;                          // a ’ never opens
      case kSqLow:
        return c.ctx == Ctx::kOpen ? Open(i, m) : Role::kIgnored;
      case kSGuilLeft: {
        const int level = FindTopSingle(m.glyph);
        if (level >= 0 && c.ctx != Ctx::kOpen) return CloseAt(level, i, m);
        if (c.ctx != Ctx::kClose) return Open(i, m);
        return Role::kIgnored;
      }
      case kSGuilRight: {
        const int level = FindTopSingle(m.glyph);
        if (level >= 0) return CloseAt(level, i, m);
        if (c.ctx == Ctx::kOpen) return Open(i, m);
        return Role::kIgnored;
      }
      default:
        break;
    }
    return Role::kIgnored;
  }

  // A transcript turn ("WALLACE: …", "MS. RUIZ: …"): a new speaker, so a quote open at the
  // end of the previous paragraph does not continue into it.
  bool StartsTranscriptTurn(uint32_t b, uint32_t e) const {
    uint32_t i = b;
    int letters = 0;
    for (; i < e && i < b + 40; ++i) {
      const char c = text_[i];
      if (c >= 'A' && c <= 'Z') {
        ++letters;
      } else if (c != ' ' && c != '.' && c != '\'' && c != '-') {
        break;
      }
    }
    return letters >= 2 && i < e && text_[i] == ':';
  }

  // The mark opening paragraph k+1 when it continues the top-level quote open at the end of
  // paragraph k (a mark of the same kind, double or single, and style, straight or not),
  // else kNone. Not past the quote's size cap, nor into a transcript turn.
  Mark ContinuationMark(size_t k) {
    const Entry& top = stack_[0];
    const uint64_t cap = uint64_t{top.pos} + top.len + options_.max_quote_bytes;
    if (k + 1 >= paras_.size() || paras_[k + 1].begin >= cap) return {};
    const ByteSpan next = paras_[k + 1];
    const Mark m = MarkAt(p_, next.begin, next.end);
    bool opener = false;
    switch (m.glyph) {
      case kDqStraight:
      case kDqLeft:
      case kDqRight:
      case kDqLow:
      case kGuilLeft:
      case kGuilRight:
      case kCornerLeft:
      case kWhiteCornerLeft:
      case kDqApostrophes:
      case kDqBackticks:
        opener = IsDouble(top.compat);
        break;
      case kSqStraight:
      case kSqLeft:
      case kSqLow:
      case kSGuilLeft:
      case kSGuilRight:
        // ’ never opens; an elision ('Tis, ‘90s) opens nothing.
        opener = !IsDouble(top.compat) && !IsElision(next.begin + m.len, next.end);
        break;
      default:
        break;
    }
    const bool straight = top.compat == kSqStraight || IsStraight(top.compat);
    const bool next_straight = m.glyph == kSqStraight || IsStraight(m.glyph);
    if (opener && next.begin + m.len < next.end &&
        !IsWs(text::DecodeAt(text_, next.begin + m.len).cp) &&
        !StartsTranscriptTurn(next.begin + m.len, next.end) && straight == next_straight) {
      return m;
    }
    return {};
  }

  // Whether a top-level single quote open at the end of paragraph k is a quotation that
  // continues into paragraph k+1 rather than an apostrophe: it was set off and the next
  // paragraph opens with a single mark of its style.
  bool ContinuesSingle(size_t k) {
    return IsSetOff(stack_[0].pos, top_para_begin_) && ContinuationMark(k).glyph != kNone;
  }

  // A quote open at the end of paragraph k: continues into paragraph k+1 when that begins
  // with a continuation mark, else ends here, unclosed.
  void EndParagraph(size_t k) {
    const Mark m = ContinuationMark(k);
    if (m.glyph != kNone) {
      depth_ = 1;
      stack_[0].compat = m.glyph;
      top_multi_ = true;
      continue_len_ = m.len;
      return;
    }
    EmitTop(pe_, pe_, 0, /*unclosed=*/true);
    depth_ = 0;
  }

  // True when [b, e) holds something other than white space and quote marks.
  bool HasText(ByteSpan s) const {
    uint32_t i = s.begin;
    while (i < s.end) {
      const Mark m = MarkAt(p_, i, s.end);
      if (m.glyph != kNone) {
        i += m.len;
        continue;
      }
      const text::Decoded d = text::DecodeAt(text_, i);
      if (!IsWs(d.cp)) return true;
      i += d.len;
    }
    return false;
  }

  bool IsSentenceStart(uint32_t pos) const {
    const auto& s = seg_.sentences;
    size_t lo = 0, hi = s.size();
    while (lo < hi) {
      const size_t mid = lo + (hi - lo) / 2;
      if (s[mid].begin < pos) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo < s.size() && s[lo].begin == pos;
  }

  // Whether a quote opening at `open` (in the paragraph that begins at para_begin) is set
  // off: preceded (skipping spaces) by the paragraph start or . ? ! : , — ( …, or opening a
  // sentence.
  bool IsSetOff(uint32_t open, uint32_t para_begin) const {
    uint32_t j = open;
    while (j > para_begin) {
      size_t start;
      const char32_t cp = text::DecodeBefore(text_, j, &start);
      if (IsWs(cp)) {
        j = static_cast<uint32_t>(start);
        continue;
      }
      return IsSetOffPunct(cp) || IsSentenceStart(open);
    }
    return true;
  }

  QuoteType Classify(const QuoteSpan& q) const {
    if (IsSetOff(q.outer.begin, top_para_begin_)) return QuoteType::kDirect;
    // Shaped like a sentence: capital first letter, sentence punctuation last.
    uint32_t b = q.content.begin;
    char32_t first = 0;
    while (b < q.content.end) {
      const Mark m = MarkAt(p_, b, q.content.end);
      if (m.glyph != kNone) {
        b += m.len;
        continue;
      }
      const text::Decoded d = text::DecodeAt(text_, b);
      if (d.cp == '(' || d.cp == '[' || d.cp == '.' || d.cp == 0x2026) {
        b += d.len;
        continue;
      }
      first = d.cp;
      break;
    }
    if (!(u_isupper(static_cast<UChar32>(first)) || u_istitle(static_cast<UChar32>(first)))) {
      return QuoteType::kPartial;
    }
    uint32_t e = q.content.end;
    char32_t last = 0;
    while (e > b) {
      size_t start;
      const char32_t cp = text::DecodeBefore(text_, e, &start);
      if (cp == ')' || cp == ']' || (start < e && MarkAt(p_, start, e).glyph != kNone)) {
        e = static_cast<uint32_t>(start);
        continue;
      }
      last = cp;
      break;
    }
    return IsSentencePunct(last) ? QuoteType::kDirect : QuoteType::kPartial;
  }

  // Reports the top-level quote stack_[0], its content ending at content_end. A nickname
  // inside a name (Robert "Bob" Smith) is no quotation and is not reported.
  void EmitTop(uint32_t content_end, uint32_t outer_end, char32_t close_cp, bool unclosed) {
    const Entry& e = stack_[0];
    const uint32_t content_begin = e.pos + e.len;
    if (content_end < content_begin) return;
    if (!unclosed && !top_multi_ && outer_end - e.pos <= text::kMaxNicknameBytes + 6) {
      const std::optional<text::Nickname> nick =
          text::NicknameAt(text_, e.pos, options_.title_small_words);
      if (nick && nick->outer.end == outer_end) return;
    }
    QuoteSpan q;
    q.content = Trim({content_begin, content_end});
    if (!HasText(q.content)) return;
    q.outer = {e.pos, unclosed ? q.content.end : outer_end};
    q.open_mark = e.cp;
    q.close_mark = unclosed ? 0 : close_cp;
    q.unclosed = unclosed;
    q.multi_paragraph = top_multi_;
    q.single = !IsDouble(e.glyph);
    q.type = Classify(q);
    out_.push_back(q);
  }

  std::string_view text_;
  const unsigned char* p_;
  const text::Segmentation& seg_;
  const ScannerOptions& options_;

  std::vector<ByteSpan> paras_;
  std::vector<QuoteSpan> out_;

  Entry stack_[kMaxDepth];
  int depth_ = 0;
  bool top_multi_ = false;
  uint32_t top_para_begin_ = 0;

  uint32_t pb_ = 0, pe_ = 0;  // the current paragraph
  uint32_t last_end_ = 0;     // end of the last mark seen, and what it did
  Role last_role_ = Role::kIgnored;
  uint32_t forced_apostrophe_ = std::numeric_limits<uint32_t>::max();
  uint8_t continue_len_ = 0;  // length of the continuation mark opening the next paragraph
  bool no_top_single_ = false;
};

}  // namespace

std::vector<QuoteSpan> ScanQuotes(std::string_view text, const text::Segmentation& seg,
                                  const ScannerOptions& options) {
  return Scan(text, seg, options).Run();
}

}  // namespace whosaid::quotes
