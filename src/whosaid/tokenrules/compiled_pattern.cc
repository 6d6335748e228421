#include "whosaid/tokenrules/compiled_pattern.h"

#include <algorithm>

#include "whosaid/text/nickname.h"
#include "whosaid/text/utf8.h"

namespace whosaid::tokenrules {

std::string PatternRegex(const PatternNode& node, const Alphabet& alphabet) {
  using Kind = PatternNode::Kind;
  switch (node.kind) {
    case Kind::kTest:
      return alphabet.RegexOf(node.test);
    case Kind::kSequence: {
      std::string out;
      for (const PatternNode& c : node.children) out += PatternRegex(c, alphabet);
      return out;
    }
    case Kind::kAlternation: {
      std::string out = "(?:";
      for (size_t i = 0; i < node.children.size(); ++i) {
        if (i > 0) out += '|';
        out += PatternRegex(node.children[i], alphabet);
      }
      return out + ")";
    }
    case Kind::kRepeat: {
      // Built by appending: GCC 12 warns (-Wrestrict, a false positive) on "(?:" + string.
      std::string out = "(?:";
      out += PatternRegex(node.children.at(0), alphabet);
      out += ')';
      const std::string lazy = node.lazy ? "?" : "";
      if (node.min == 0 && node.max == 1) return out + "?" + lazy;
      if (node.min == 0 && node.max < 0) return out + "*" + lazy;
      if (node.min == 1 && node.max < 0) return out + "+" + lazy;
      out += '{';
      out += std::to_string(node.min);
      out += ',';
      if (node.max >= 0) out += std::to_string(node.max);
      return out + "}" + lazy;
    }
    case Kind::kSlot:
      return "(?P<" + node.slot + ">" + PatternRegex(node.children.at(0), alphabet) + ")";
  }
  return {};
}

Result<CompiledPattern> CompiledPattern::Compile(const PatternNode& node,
                                                 const Alphabet& alphabet) {
  return FromRegex(PatternRegex(node, alphabet));
}

Result<CompiledPattern> CompiledPattern::AnchoredAtEnd() const {
  return FromRegex("(?:" + regex_ + ")$");
}

Result<CompiledPattern> CompiledPattern::CompileAtEnd(const PatternNode& node,
                                                      const Alphabet& alphabet) {
  return FromRegex("(?:" + PatternRegex(node, alphabet) + ")$");
}

Result<CompiledPattern> CompiledPattern::FromRegex(std::string regex) {
  CompiledPattern p;
  p.regex_ = std::move(regex);
  RE2::Options options;
  options.set_log_errors(false);
  // Symbol classes are byte ranges of two-byte UTF-8: the DFA needs room for their states,
  // or it gives up and RE2 falls back to its NFA on every search.
  options.set_max_mem(int64_t{64} << 20);
  auto re = std::make_shared<RE2>(p.regex_, options);
  if (!re->ok()) return InvalidArgument("token pattern does not compile: " + re->error());
  p.re_ = std::move(re);
  return p;
}

std::optional<size_t> CompiledPattern::LastStart(const SymbolText& text, size_t from,
                                                 size_t to) const {
  const re2::StringPiece all(text.symbols.data(), std::min(to * 2, text.symbols.size()));
  if (from * 2 > all.size()) return std::nullopt;
  // A pattern anchored at the end runs as RE2's reverse DFA from the end, with or without
  // the match's extent: the first call below is the yes or no (most calls end there).
  std::optional<size_t> last;
  size_t run_start = 0;  // where the run of adjacent starts that ends at `last` begins
  re2::StringPiece whole;
  for (size_t pos = from * 2; pos <= all.size();) {
    if (!re_->Match(all, pos, all.size(), RE2::UNANCHORED, &whole, 1)) break;
    const size_t start = static_cast<size_t>(whole.data() - all.data()) / 2;
    if (!last || start != *last + 1) run_start = start;
    last = start;
    pos = start * 2 + 2;
  }
  // Starts one symbol apart are one match growing to the left ("Ann Lee said" and "Lee
  // said"): the run's first start keeps it whole.
  if (last) return run_start;
  return std::nullopt;
}

bool CompiledPattern::MatchAt(const SymbolText& text, size_t from,
                              std::map<std::string, TokenRange>* slots) const {
  return Match(text, from, text.symbols.size() / 2, /*anchored=*/true, slots);
}

bool CompiledPattern::Match(const SymbolText& text, size_t from, size_t to, bool anchored,
                            std::map<std::string, TokenRange>* slots, size_t* start) const {
  // Without slots, no submatch at all: a yes or no from RE2's DFA alone.
  const int groups = slots ? re_->NumberOfCapturingGroups() + 1 : 0;
  std::vector<re2::StringPiece> found(static_cast<size_t>(groups));
  // RE2 is handed symbols [from, to) alone: a pattern anchored at the end (`$`) matches only
  // at the end of the text RE2 is given, no pattern looks outside its match (no `^`, no word
  // boundary), and RE2 picks its engine by the size of that text (a short one goes straight
  // to its bit-state engine).
  const size_t end = std::min(to * 2, text.symbols.size());
  if (from * 2 > end) return false;
  const re2::StringPiece range(text.symbols.data() + from * 2, end - from * 2);
  const RE2::Anchor anchor = anchored ? RE2::ANCHOR_START : RE2::UNANCHORED;
  if (groups == 0) return re_->Match(range, 0, range.size(), anchor, nullptr, 0);
  if (anchored) {
    // The start is known: the slots in one call.
    if (!re_->Match(range, 0, range.size(), anchor, found.data(), groups)) return false;
  } else {
    // The match's extent first (RE2's DFAs, forwards and backwards), then the slots within
    // that extent only, anchored at both ends: the same match (the best parse overall ends
    // there, so it is the best of those that do), and the capturing engines' cost grows
    // with the text they are given times the program's size.
    re2::StringPiece whole;
    if (!re_->Match(range, 0, range.size(), anchor, &whole, 1)) return false;
    if (!re_->Match(whole, 0, whole.size(), RE2::ANCHOR_BOTH, found.data(), groups)) {
      return false;
    }
  }
  if (start) *start = from + static_cast<size_t>(found[0].data() - range.data()) / 2;
  if (slots) {
    slots->clear();
    for (const auto& [name, index] : re_->NamedCapturingGroups()) {
      const re2::StringPiece& g = found[static_cast<size_t>(index)];
      if (g.data() == nullptr) continue;
      const size_t b = from + static_cast<size_t>(g.data() - range.data()) / 2;
      const size_t e = b + g.size() / 2;
      // An empty slot sits before the token of symbol b (or after the last one).
      const uint32_t at = b < text.first_token.size() ? text.first_token[b]
                          : text.end_token.empty()    ? 0
                                                      : text.end_token.back();
      (*slots)[name] = TokenRange{at, e > b ? text.end_token[e - 1] : at};
    }
  }
  return true;
}

namespace {

bool IsTrailingMark(char c) {
  return c == ',' || c == '.' || c == '?' || c == '!' || c == ':' || c == ';';
}

// Token `i` is the apostrophe of a plural possessive outside any quotation: ’ or ' right
// after a word ending in "s", then white space and a word ("the Sanders’ campaign", "the
// pilots' union"). It stands in no rule's way: a speaker phrase reads on over it.
bool PossessiveApostrophe(std::string_view text, const text::Segmentation& seg, size_t i) {
  const std::vector<text::Token>& tokens = seg.tokens;
  const text::Token& tok = tokens[i];
  if (tok.kind != text::TokenKind::kQuoteMark || tok.space_before || i == 0 ||
      i + 1 >= tokens.size()) {
    return false;
  }
  const std::string_view mark = text.substr(tok.span.begin, tok.span.size());
  if (mark != "'" && mark != "\xE2\x80\x99") return false;
  const text::Token& before = tokens[i - 1];
  const text::Token& after = tokens[i + 1];
  const char last = text[before.span.end - 1];
  return before.kind == text::TokenKind::kWord && (last == 's' || last == 'S') &&
         after.kind == text::TokenKind::kWord && after.space_before &&
         after.sentence == tok.sentence;
}

}  // namespace

void SetFocus(const Alphabet& alphabet, size_t symbol, bool focus, SymbolText* text) {
  std::string code;
  text::AppendUtf8(code, focus ? alphabet.quote() : alphabet.other_quote());
  text->symbols.replace(symbol * 2, 2, code);
}

SymbolText EncodeTokens(const Alphabet& alphabet, std::string_view text,
                        const text::Segmentation& seg, size_t begin, size_t end,
                        const std::vector<quotes::QuoteSpan>& quotes, int focus,
                        const std::vector<std::string>* nickname_small_words) {
  SymbolText out;
  auto q = quotes.begin();
  for (size_t i = begin; i < end;) {
    const text::Token& tok = seg.tokens[i];
    while (q != quotes.end() && q->outer.end <= tok.span.begin) ++q;
    if (tok.sentence_start) {  // SENT: no token of its own
      text::AppendUtf8(out.symbols, alphabet.sentence_start());
      out.first_token.push_back(static_cast<uint32_t>(i));
      out.end_token.push_back(static_cast<uint32_t>(i));
    }
    const bool in_quote = q != quotes.end() && q->outer.begin <= tok.span.begin;
    if (!in_quote && PossessiveApostrophe(text, seg, i)) {
      ++i;
      continue;
    }
    if (!in_quote && nickname_small_words && tok.kind == text::TokenKind::kQuoteMark) {
      if (const auto nick = text::NicknameAt(text, tok.span.begin, *nickname_small_words)) {
        while (i < end && seg.tokens[i].span.begin < nick->outer.end) ++i;
        continue;
      }
    }
    char32_t symbol;
    size_t next = i + 1;
    if (in_quote) {
      // A quotation: every token inside its marks is one symbol.
      symbol =
          static_cast<int>(q - quotes.begin()) == focus ? alphabet.quote() : alphabet.other_quote();
      size_t trailing = SIZE_MAX;  // the punctuation mark that ends its content, if any
      for (; next < end && seg.tokens[next].span.begin < q->outer.end; ++next) {
        const text::Token& t = seg.tokens[next];
        if (t.kind == text::TokenKind::kPunct && t.span.end == q->content.end &&
            t.span.size() == 1 && IsTrailingMark(text[t.span.begin])) {
          trailing = next;
        }
      }
      text::AppendUtf8(out.symbols, symbol);
      out.first_token.push_back(static_cast<uint32_t>(i));
      out.end_token.push_back(static_cast<uint32_t>(next));
      if (trailing != SIZE_MAX) {
        // "“We won,” she said" reads QUOTE , she said, as if the mark stood outside: a rule
        // tells "…,” she said" from "….” She said" (a new sentence). The mark's symbol
        // covers no token of its own (its token is inside the quotation's range).
        const text::Token& t = seg.tokens[trailing];
        text::AppendUtf8(out.symbols, alphabet.Encode(text.substr(t.span.begin, 1), t, 0));
        out.first_token.push_back(static_cast<uint32_t>(next));
        out.end_token.push_back(static_cast<uint32_t>(next));
      }
      i = next;
      continue;
    } else {
      const std::string_view word = text.substr(tok.span.begin, tok.span.size());
      // The tokens' lists, when they are of the alphabet's lexicon; else looked up.
      const uint64_t lists =
          seg.lexicon == alphabet.table() ? seg.TokenLists(i) : alphabet.table()->ListsOf(word);
      symbol =
          alphabet.Encode(word, tok, lists, next < end && PossessiveApostrophe(text, seg, next));
    }
    text::AppendUtf8(out.symbols, symbol);
    out.first_token.push_back(static_cast<uint32_t>(i));
    out.end_token.push_back(static_cast<uint32_t>(next));
    i = next;
  }
  if (end == seg.tokens.size() && end > begin) {  // the text's end is a sentence boundary too
    text::AppendUtf8(out.symbols, alphabet.sentence_start());
    out.first_token.push_back(static_cast<uint32_t>(end));
    out.end_token.push_back(static_cast<uint32_t>(end));
  }
  return out;
}

}  // namespace whosaid::tokenrules
