#include "whosaid/tokenrules/token_rule_set.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "whosaid/parallel_for.h"
#include "whosaid/rules/file_io.h"
#include "whosaid/text/utf8.h"
#include "whosaid/tokenrules/pattern.h"
#include "whosaid/tokenrules/pattern_facts.h"
#include "whosaid/tokenrules/sentence_windows.h"

namespace whosaid::tokenrules {
namespace {

// How far around a quotation (in tokens) a rule that does not start with QUOTE looks: a
// speaker-first lead-in or a cue after the quotation is in the same or the next sentence.
constexpr size_t kReach = 60;

// Where a define's body stands in an expanded pattern: bytes [begin, end) of the expansion
// came from `{name}`, at byte `at` of the pattern it was written in (the rule's own pattern
// for depth 0, else the body of the define around it).
struct Expansion {
  size_t begin = 0, end = 0, at = 0;
  int depth = 0;
  std::string name;
};

// `{NAME}` replaced by `(body)` of the file's defines, recursively; an unknown name or a
// define that refers to itself is an error message. With `where`, every expansion, its bytes
// counted from `base` in the outermost result.
std::string ExpandMacros(std::string_view pattern, const std::map<std::string, std::string>& defs,
                         int depth, std::string* error, std::vector<Expansion>* where = nullptr,
                         size_t base = 0) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '{') {
      out += pattern[i];
      continue;
    }
    const size_t close = pattern.find('}', i);
    const std::string name(
        pattern.substr(i + 1, close == std::string_view::npos ? 0 : close - i - 1));
    const auto it = defs.find(name);
    if (close == std::string_view::npos || it == defs.end()) {
      // Not a macro reference: `{m,n}` repetition.
      out += pattern[i];
      continue;
    }
    if (depth > 16) {
      *error = "define " + name + " refers to itself";
      return out;
    }
    const size_t begin = out.size();
    out += '(' + ExpandMacros(it->second, defs, depth + 1, error, where, base + begin + 1) + ')';
    if (where) where->push_back({base + begin, base + out.size(), i, depth, name});
    i = close;
  }
  return out;
}

// Adds to *used every define `pattern` refers to, and those they refer to.
void MarkUsedDefines(std::string_view pattern, const std::map<std::string, std::string>& defs,
                     std::set<std::string>* used) {
  for (size_t i = pattern.find('{'); i != std::string_view::npos; i = pattern.find('{', i + 1)) {
    const size_t close = pattern.find('}', i);
    if (close == std::string_view::npos) return;
    const std::string name(pattern.substr(i + 1, close - i - 1));
    const auto it = defs.find(name);
    if (it != defs.end() && used->insert(name).second) MarkUsedDefines(it->second, defs, used);
  }
}

// A rule or define line longer than the limit: word lists belong in defines or in the
// lexicon, where a reader finds them. Examples are sentences and may run longer.
void LintLineLengths(const std::string& file, std::string_view text,
                     std::vector<rules::Diagnostic>* out) {
  int line = 0;
  for (size_t b = 0; b < text.size();) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    ++line;
    const std::string_view l = text.substr(b, e - b);
    const bool pattern_line = l.rfind("rule ", 0) == 0 || l.rfind("define ", 0) == 0;
    const size_t chars = text::CountCodePoints(l);
    if (pattern_line && chars > TokenRuleSet::kMaxLineChars) {
      out->push_back(rules::Diagnostic::Warning(
          file, line, static_cast<int>(TokenRuleSet::kMaxLineChars) + 1,
          "line is " + std::to_string(chars) + " characters long (the limit is " +
              std::to_string(TokenRuleSet::kMaxLineChars) +
              "): move word alternatives into a define or a lexicon list"));
    }
    b = e + 1;
  }
}

// The body of a define as written. The rule-file parser reads a body that starts with `@`
// as a character rule's lexicon macro (`define NAME = @file.lst`); in a token rule file
// `@list` is a token test, so such a body is taken from the line itself.
std::string DefineBody(const rules::MacroDef& d, std::string_view file_text) {
  if (!d.lexicon) return d.body;
  std::string_view rest = file_text;
  for (int line = 1; line < d.line && !rest.empty(); ++line) {
    const size_t nl = rest.find('\n');
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
  }
  rest = rest.substr(0, rest.find('\n'));
  if (!rest.empty() && rest.back() == '\r') rest.remove_suffix(1);
  const size_t at = static_cast<size_t>(std::max(d.body_col, 1) - 1);
  if (at >= rest.size()) return d.body;
  rest = rest.substr(at);
  // A trailing comment: two blanks and `#`.
  if (const size_t c = rest.find("  #"); c != std::string_view::npos) rest = rest.substr(0, c);
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t')) rest.remove_suffix(1);
  return std::string(rest);
}

// The first list `node` tests that `table` does not declare, or empty.
std::string UnknownList(const TokenTest& test, const lexicon::WordTable& table) {
  if (test.kind == TokenTest::Kind::kList && !table.FindList(test.text)) return test.text;
  for (const TokenTest& arg : test.args) {
    if (std::string name = UnknownList(arg, table); !name.empty()) return name;
  }
  return {};
}
std::string UnknownList(const PatternNode& node, const lexicon::WordTable& table) {
  if (node.kind == PatternNode::Kind::kTest) return UnknownList(node.test, table);
  for (const PatternNode& child : node.children) {
    if (std::string name = UnknownList(child, table); !name.empty()) return name;
  }
  return {};
}

bool HasSlot(const PatternNode& node, std::string_view slot) {
  if (node.kind == PatternNode::Kind::kSlot && node.slot == slot) return true;
  return std::any_of(node.children.begin(), node.children.end(),
                     [&](const PatternNode& c) { return HasSlot(c, slot); });
}

// Whether `node` tests for QUOTE anywhere (a bare test: not inside & | !).
bool HasQuoteTest(const PatternNode& node) {
  if (node.kind == PatternNode::Kind::kTest) return node.test.kind == TokenTest::Kind::kQuote;
  return std::any_of(node.children.begin(), node.children.end(),
                     [](const PatternNode& c) { return HasQuoteTest(c); });
}

// Whether every match of `node` starts (at_start) or ends with the QUOTE test.
bool QuoteAtEdge(const PatternNode& node, bool at_start) {
  switch (node.kind) {
    case PatternNode::Kind::kTest:
      return node.test.kind == TokenTest::Kind::kQuote;
    case PatternNode::Kind::kSequence:
      return !node.children.empty() &&
             QuoteAtEdge(at_start ? node.children.front() : node.children.back(), at_start);
    case PatternNode::Kind::kSlot:
      return QuoteAtEdge(node.children.front(), at_start);
    case PatternNode::Kind::kRepeat:
      return node.min > 0 && QuoteAtEdge(node.children.front(), at_start);
    case PatternNode::Kind::kAlternation:
      return !node.children.empty() &&
             std::all_of(node.children.begin(), node.children.end(),
                         [&](const PatternNode& c) { return QuoteAtEdge(c, at_start); });
  }
  return false;
}

// The byte span of slot `name` among `slots` (token ranges of `seg`), if it holds a token.
std::optional<text::ByteSpan> SpanOf(const text::Segmentation& seg,
                                     const std::map<std::string, TokenRange>& slots,
                                     const char* name) {
  const auto it = slots.find(name);
  if (it == slots.end() || it->second.end <= it->second.begin) return std::nullopt;
  return text::ByteSpan{seg.tokens[it->second.begin].span.begin,
                        seg.tokens[it->second.end - 1].span.end};
}

// The match of `rule` whose slots are `slots`, as byte spans.
TokenMatch MatchOf(const text::Segmentation& seg, const TokenRule& rule,
                   const std::map<std::string, TokenRange>& slots) {
  TokenMatch m;
  m.rule = &rule;
  m.speaker = SpanOf(seg, slots, "SPEAKER");
  m.role = SpanOf(seg, slots, "ROLE");
  m.cue = SpanOf(seg, slots, "CUE");
  m.clause = SpanOf(seg, slots, "CLAUSE");
  return m;
}

std::vector<std::string> TokenRuleFiles(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      std::vector<std::string> in_dir;
      for (const auto& entry : std::filesystem::directory_iterator(p, ec)) {
        if (entry.path().extension() == ".tokens") in_dir.push_back(entry.path().string());
      }
      std::sort(in_dir.begin(), in_dir.end());
      files.insert(files.end(), in_dir.begin(), in_dir.end());
    } else if (std::filesystem::path(p).extension() == ".tokens") {
      files.push_back(p);
    }
  }
  return files;
}

}  // namespace

std::shared_ptr<const TokenRuleSet> TokenRuleSet::Load(
    const std::vector<std::string>& paths, std::shared_ptr<const lexicon::WordTable> table,
    std::vector<rules::Diagnostic>* diagnostics) {
  std::vector<RuleSource> sources;
  bool unreadable = false;
  for (const std::string& file : TokenRuleFiles(paths)) {
    Result<std::string> data = rules::ReadWholeFile(file);
    if (!data.ok()) {
      diagnostics->push_back(rules::Diagnostic::Error(
          file, 0, 0, "cannot open rule file: " + data.status().message()));
      unreadable = true;
      continue;
    }
    sources.push_back({file, std::move(data).value()});
  }
  auto set = LoadFromStrings(sources, std::move(table), diagnostics);
  return unreadable ? nullptr : set;
}

std::shared_ptr<const TokenRuleSet> TokenRuleSet::LoadFromStrings(
    const std::vector<RuleSource>& sources, std::shared_ptr<const lexicon::WordTable> table,
    std::vector<rules::Diagnostic>* diagnostics) {
  auto set = std::make_shared<TokenRuleSet>();
  set->table_ = table ? std::move(table) : std::make_shared<lexicon::WordTable>();
  struct Pending {  // a rule parsed, not yet compiled
    TokenRule rule;
    PatternNode root;
  };
  std::vector<Pending> parsed;
  bool failed = false;
  // Defines are the pack's, whichever of its files holds them (as the character rules'
  // macros): read every file first.
  std::vector<rules::RuleFile> files;
  std::map<std::string, std::string> defs;
  std::map<std::string, const rules::MacroDef*> define_at;  // for the unused-define lint
  for (const RuleSource& source : sources) {
    const std::string& file = source.path;
    const std::string& text = source.text;  // the defines' bodies are taken from it too
    const size_t before = diagnostics->size();
    std::optional<rules::RuleFile> rf = rules::ParseRuleFile(file, text, diagnostics);
    // A malformed line is an error of the set, though the file's other lines are parsed.
    failed |= std::any_of(diagnostics->begin() + static_cast<std::ptrdiff_t>(before),
                          diagnostics->end(), [](const rules::Diagnostic& d) { return d.error; });
    LintLineLengths(file, text, &set->lint_);
    for (const rules::MacroDef& d : rf->defines) {
      if (defs.count(d.name)) {
        diagnostics->push_back(rules::Diagnostic::Error(file, d.line, d.name_col,
                                                        "define " + d.name + " is defined twice"));
        failed = true;
      }
      defs[d.name] = DefineBody(d, text);
    }
    if (!rf->rules.empty() && rf->none.empty()) {
      set->lint_.push_back(rules::Diagnostic::Warning(
          file, 0, 0,
          "no 'none:' lines: give the file's rules sentences that must give no quotation "
          "and no speaker"));
    }
    set->none_.insert(set->none_.end(), rf->none.begin(), rf->none.end());
    files.push_back(std::move(*rf));
  }
  for (const rules::RuleFile& rf : files) {
    for (const rules::MacroDef& d : rf.defines) define_at.try_emplace(d.name, &d);
  }
  // Every rule's pattern with its defines expanded, parsed (on the machine's cores: each is
  // its own work).
  std::vector<rules::RuleDef*> defs_in_order;
  for (rules::RuleFile& rf : files) {
    for (rules::RuleDef& def : rf.rules) defs_in_order.push_back(&def);
  }
  struct Expanded {
    std::string text, error;
    Parsed parsed;
  };
  std::vector<Expanded> expansions(defs_in_order.size());
  ParallelFor(defs_in_order.size(), 0, [&](size_t i) {
    Expanded& e = expansions[i];
    e.text = ExpandMacros(defs_in_order[i]->pattern, defs, 0, &e.error);
    e.parsed = ParsePattern(e.text);
  });
  std::set<std::string> used;  // defines some rule reaches, directly or through others
  std::map<std::string, std::pair<std::string, int>> first_id;  // id → file, line
  for (size_t i = 0; i < defs_in_order.size(); ++i) {
    rules::RuleDef& def = *defs_in_order[i];
    MarkUsedDefines(def.pattern, defs, &used);
    const auto [seen, added] = first_id.try_emplace(def.id, def.file, def.line);
    if (!added) {
      diagnostics->push_back(rules::Diagnostic::Error(
          def.file, def.line, def.id_col,
          "duplicate rule id " + def.id + " (first defined at " + seen->second.first + ":" +
              std::to_string(seen->second.second) + ")"));
      failed = true;
      continue;
    }
    Parsed& p = expansions[i].parsed;
    if (!expansions[i].error.empty()) p.errors.push_back({0, expansions[i].error});
    if (!p.ok()) {
      // Offsets are in the expanded pattern: a problem inside a define's body is reported at
      // its `{NAME}` in the rule, naming the define and where it is written; one message per
      // place (the parser's first: the rest follow from it).
      // Where the defines stand in the expansion: asked again only here, on the error path,
      // so that loading a good pack records none.
      std::vector<Expansion> where;
      std::string ignored;
      ExpandMacros(def.pattern, defs, 0, &ignored, &where);
      std::set<size_t> reported;
      for (const ParseFailure& f : p.errors) {
        // The rule's own `{NAME}` around the offset gives the column; the innermost define
        // around it, where the problem is written, is named.
        const Expansion* outer = nullptr;
        const Expansion* inner = nullptr;
        for (const Expansion& x : where) {
          if (f.offset < x.begin || f.offset >= x.end) continue;
          if (x.depth == 0) outer = &x;
          if (!inner || x.depth > inner->depth) inner = &x;
        }
        size_t at = f.offset;  // in the pattern as written
        if (outer) {
          at = outer->at;
        } else {
          for (const Expansion& x : where) {
            if (x.depth == 0 && x.end <= f.offset) at -= (x.end - x.begin) - (x.name.size() + 2);
          }
        }
        if (!reported.insert(at).second) continue;
        std::string message = "rule " + def.id + ": " + f.message;
        if (inner) {
          message += " (in define " + inner->name;
          if (const auto d = define_at.find(inner->name); d != define_at.end()) {
            message += ", " + d->second->file + ":" + std::to_string(d->second->line);
          }
          message += ")";
        }
        diagnostics->push_back(rules::Diagnostic::Error(
            def.file, def.line, def.pattern_col + static_cast<int>(at), message));
      }
      failed = true;
      continue;
    }
    if (const std::string list = UnknownList(p.root, *set->table_); !list.empty()) {
      diagnostics->push_back(rules::Diagnostic::Error(
          def.file, def.line, def.pattern_col,
          "rule " + def.id + ": unknown lexicon list '@" + list +
              "' (the lists are those of the pack's lexicon/lexicon.manifest)"));
      failed = true;
      continue;
    }
    // A rule names a speaker, and stands at a quotation or reports a clause: else its
    // matches could decide nothing.
    const bool indirect = HasSlot(p.root, "CLAUSE");
    const char* missing = !HasSlot(p.root, "SPEAKER") ? "has no SPEAKER slot"
                          : !indirect && !HasQuoteTest(p.root)
                              ? "needs QUOTE (a quote rule) or a CLAUSE slot (reported speech)"
                              : nullptr;
    if (missing) {
      diagnostics->push_back(rules::Diagnostic::Error(def.file, def.line, def.pattern_col,
                                                      "rule " + def.id + " " + missing));
      failed = true;
      continue;
    }
    Pending out;
    out.rule.id = def.id;
    out.rule.priority = def.priority;
    out.rule.confidence = def.confidence.value_or(def.priority / 100.0);
    out.rule.pattern_source = def.pattern;
    out.rule.examples = std::move(def.examples);
    out.rule.file = def.file;
    out.rule.line = def.line;
    out.rule.col = def.col;
    out.rule.starts_with_quote = QuoteAtEdge(p.root, /*at_start=*/true);
    out.rule.ends_with_quote = QuoteAtEdge(p.root, /*at_start=*/false);
    out.rule.indirect = HasSlot(p.root, "CLAUSE");
    out.root = std::move(p.root);
    parsed.push_back(std::move(out));
  }
  std::vector<const PatternNode*> roots;
  for (const Pending& p : parsed) roots.push_back(&p.root);
  Result<Alphabet> alphabet = Alphabet::Build(*set->table_, roots);
  if (!alphabet.ok()) {
    diagnostics->push_back(rules::Diagnostic::Error(parsed.empty() ? "" : parsed.front().rule.file,
                                                    0, 0, alphabet.status().message()));
    return nullptr;
  }
  set->alphabet_ = std::make_unique<Alphabet>(std::move(alphabet).value());
  if (set->table_) {
    if (const auto id = set->table_->FindList("title_small_words")) {
      set->small_words_ = set->table_->Entries(*id);
    }
  }
  // Compiling the RE2 programs is most of the start-up, and each rule's needs only the
  // alphabet (read-only): on the machine's cores, each rule's error kept for its place.
  std::vector<std::string> errors(parsed.size());
  ParallelFor(parsed.size(), 0, [&](size_t i) {
    Pending& p = parsed[i];
    // MatchQuote runs a quote rule that ends with QUOTE only anchored at the end.
    const bool only_at_end = p.rule.ends_with_quote && !p.rule.indirect;
    Result<CompiledPattern> compiled = only_at_end
                                           ? CompiledPattern::CompileAtEnd(p.root, *set->alphabet_)
                                           : CompiledPattern::Compile(p.root, *set->alphabet_);
    if (!compiled.ok()) {
      errors[i] = compiled.status().message();
      return;
    }
    (only_at_end ? p.rule.compiled_at_end : p.rule.compiled) = std::move(compiled).value();
    RuleFacts facts = FactsOf(p.root, *set->alphabet_);
    p.rule.required = std::move(facts.required);
    p.rule.within_sentence = facts.within_sentence;
    p.rule.first = std::move(facts.first);
    if (p.rule.ends_with_quote && !only_at_end) {
      Result<CompiledPattern> at_end = p.rule.compiled.AnchoredAtEnd();
      if (!at_end.ok()) {
        errors[i] = at_end.status().message();
        return;
      }
      p.rule.compiled_at_end = std::move(at_end).value();
    }
  });
  for (size_t i = 0; i < parsed.size(); ++i) {
    Pending& p = parsed[i];
    if (!errors[i].empty()) {
      diagnostics->push_back(rules::Diagnostic::Error(p.rule.file, p.rule.line, p.rule.col,
                                                      "rule " + p.rule.id + ": " + errors[i]));
      failed = true;
      continue;
    }
    set->rules_.push_back(std::move(p.rule));
  }
  if (failed) return nullptr;
  for (const auto& [name, d] : define_at) {
    if (!used.count(name)) {
      set->lint_.push_back(rules::Diagnostic::Warning(d->file, d->line, d->name_col,
                                                      "define " + name + " is never used"));
    }
  }
  set->has_indirect_ = std::any_of(set->rules_.begin(), set->rules_.end(),
                                   [](const TokenRule& r) { return r.indirect; });
  std::stable_sort(set->rules_.begin(), set->rules_.end(),
                   [](const TokenRule& a, const TokenRule& b) { return a.priority > b.priority; });
  return set;
}

SymbolText TokenRuleSet::Encode(std::string_view text, const text::Segmentation& seg,
                                const std::vector<quotes::QuoteSpan>& quotes) const {
  return EncodeTokens(*alphabet_, text, seg, 0, seg.tokens.size(), quotes, -1, &small_words_);
}

void TokenRuleSet::MatchQuote(const text::Segmentation& seg,
                              const std::vector<quotes::QuoteSpan>& quotes, size_t quote,
                              SymbolText* symbols, std::vector<TokenMatch>* out,
                              const std::function<bool(const TokenMatch&)>& accept) const {
  out->clear();
  const size_t n = symbols->first_token.size();
  // The quotation's symbol: the first whose token starts at or after its opening mark.
  const auto at_it = std::partition_point(
      symbols->first_token.begin(), symbols->first_token.end(),
      [&](uint32_t tok) {  // the text's closing SENT holds token index tokens.size()
        return tok < seg.tokens.size() && seg.tokens[tok].span.begin < quotes[quote].outer.begin;
      });
  if (at_it == symbols->first_token.end()) return;
  size_t at = static_cast<size_t>(at_it - symbols->first_token.begin());
  while (at < n && symbols->first_token[at] == symbols->end_token[at]) ++at;  // a SENT
  if (at == n) return;
  const uint32_t first = symbols->first_token[at];
  if (seg.tokens[first].span.begin >= quotes[quote].outer.end) return;  // no token inside
  // Other rules search from the start of the sentence before the quotation's. A symbol is in
  // it when its last token is: a quotation that opens a sentence earlier and ends in that
  // one (“Yes. We won,” she said. “…”) is read whole.
  size_t from = at;
  const uint32_t sentence = seg.tokens[first].sentence;
  const auto last_token = [&](size_t k) {
    const uint32_t b = symbols->first_token[k], e = symbols->end_token[k];
    return std::min<size_t>(e > b ? e - 1 : b, seg.tokens.size() - 1);
  };
  while (from > 0 && at - from < kReach &&
         seg.tokens[last_token(from - 1)].sentence + 1 >= sentence) {
    --from;
  }
  const size_t to = std::min(n, at + kReach);
  SetFocus(*alphabet_, at, true, symbols);
  std::map<std::string, TokenRange> slots;
  // Rules run by priority, highest first; once one gives an accepted match, only the rules
  // of its priority still run (they compete by distance). A rule is first tried without
  // slots (RE2's DFA alone), and captures only when it matches.
  // The symbols present in the stretches the rules search: from the sentence before to the
  // quotation, from the quotation on, and both.
  const size_t words = (alphabet_->size() + 63) / 64;
  std::vector<uint64_t> before(words, 0), after(words, 0), around(words, 0);
  auto note = [&](std::vector<uint64_t>* set, size_t k) {
    const char32_t c = text::DecodeAt(symbols->symbols, k * 2).cp;
    const size_t bit = static_cast<size_t>(c - kFirstSymbol);
    if (bit / 64 < set->size()) (*set)[bit / 64] |= uint64_t{1} << (bit % 64);
  };
  for (size_t k = from; k <= at && k < n; ++k) note(&before, k);
  for (size_t k = at; k < to; ++k) note(&after, k);
  for (size_t w = 0; w < words; ++w) around[w] = before[w] | after[w];
  auto may_match = [&](const TokenRule& rule) {
    const std::vector<uint64_t>& present = rule.starts_with_quote ? after
                                           : rule.ends_with_quote ? before
                                                                  : around;
    for (const std::vector<uint64_t>& need : rule.required) {
      bool any = false;
      for (size_t w = 0; w < words && !any; ++w) any = (need[w] & present[w]) != 0;
      if (!any) return false;
    }
    return true;
  };
  int accepted_priority = -1;
  for (const TokenRule& rule : rules_) {
    if (rule.indirect || !may_match(rule)) continue;
    if (accepted_priority >= 0 && rule.priority < accepted_priority) break;
    bool matched = false;
    if (rule.starts_with_quote) {
      matched = rule.compiled.Match(*symbols, at, to, /*anchored=*/true, nullptr) &&
                rule.compiled.Match(*symbols, at, to, /*anchored=*/true, &slots);
    } else if (rule.ends_with_quote) {
      // The match nearest the quotation: the one that starts last.
      const std::optional<size_t> start = rule.compiled_at_end.LastStart(*symbols, from, at + 1);
      matched =
          start && rule.compiled_at_end.Match(*symbols, *start, at + 1, /*anchored=*/true, &slots);
    } else {
      matched = rule.compiled.Match(*symbols, from, to, /*anchored=*/false, nullptr) &&
                rule.compiled.Match(*symbols, from, to, /*anchored=*/false, &slots);
    }
    if (!matched) continue;
    const TokenMatch m = MatchOf(seg, rule, slots);
    if (accept && !accept(m)) continue;
    accepted_priority = rule.priority;
    out->push_back(m);
  }
  SetFocus(*alphabet_, at, false, symbols);
}

void TokenRuleSet::MatchIndirect(const text::Segmentation& seg,
                                 const std::vector<quotes::QuoteSpan>& quotes,
                                 const SymbolText& symbols, std::vector<TokenMatch>* out) const {
  out->clear();
  if (!has_indirect_) return;
  const size_t n = symbols.first_token.size();
  struct Pending {
    const TokenRule* rule;
    std::map<std::string, TokenRange> slots;
    size_t begin = 0, end = 0;  // symbols of its next match
    bool known = false, done = false;
  };
  std::vector<Pending> pending;
  for (const TokenRule& rule : rules_) {
    if (rule.indirect) pending.push_back({&rule, {}, 0, 0, false, false});
  }
  const SentenceWindows windows(symbols, alphabet_->sentence_start(), alphabet_->size());
  // Symbol index of token index `tok` (the first symbol holding it or after it).
  auto symbol_of = [&](uint32_t tok) {
    return static_cast<size_t>(
        std::lower_bound(symbols.first_token.begin(), symbols.first_token.end(), tok) -
        symbols.first_token.begin());
  };
  size_t pos = 0;
  while (pos < n) {
    Pending* best = nullptr;
    for (Pending& p : pending) {
      if (p.done) continue;
      if (!p.known || p.begin < pos) {
        const bool found =
            p.rule->within_sentence
                ? windows.Match(p.rule->compiled, p.rule->required, p.rule->first, pos, &p.slots)
                : p.rule->compiled.Match(symbols, pos, n, /*anchored=*/false, &p.slots);
        if (!found) {
          p.done = true;
          continue;
        }
        // The match's extent: from its first slot's or lead's start; the slots give token
        // ranges, so take the earliest and latest of them.
        uint32_t first = UINT32_MAX, last = 0;
        for (const auto& [name, r] : p.slots) {
          first = std::min(first, r.begin);
          last = std::max(last, r.end);
        }
        p.begin = first == UINT32_MAX ? pos : std::max(pos, symbol_of(first));
        p.end = std::max(p.begin + 1, symbol_of(last));
        p.known = true;
      }
      if (!best || p.begin < best->begin ||
          (p.begin == best->begin && p.rule->priority > best->rule->priority)) {
        best = &p;
      }
    }
    if (!best) break;
    // A match beside the best one whose statement does not overlap the best one's: "Ana
    // Ruiz accused the board of lying, saying it hid the report" holds two statements, one
    // speaker. Its match overlaps the best one's, so it is taken now or never.
    std::vector<Pending*> taken = {best};
    const auto clause_of = [](const Pending& p) -> std::optional<TokenRange> {
      const auto it = p.slots.find("CLAUSE");
      if (it == p.slots.end()) return std::nullopt;
      return it->second;
    };
    if (const std::optional<TokenRange> best_clause = clause_of(*best)) {
      std::vector<TokenRange> clauses = {*best_clause};
      for (Pending& p : pending) {
        if (&p == best || p.done || !p.known || p.begin >= best->end) continue;
        const std::optional<TokenRange> clause = clause_of(p);
        if (!clause || std::any_of(clauses.begin(), clauses.end(), [&](const TokenRange& c) {
              return clause->begin < c.end && c.begin < clause->end;
            })) {
          continue;
        }
        clauses.push_back(*clause);
        taken.push_back(&p);
      }
    }
    pos = best->end;
    for (Pending* p : taken) {
      p->known = false;
      pos = std::max(pos, p->end);
      const TokenMatch m = MatchOf(seg, *p->rule, p->slots);
      if (!m.clause) continue;
      if (!quotes::OverlapsAnyQuote(quotes, *m.clause)) out->push_back(m);
    }
  }
  // The matches taken beside a best one may come before it: keep the statements in order.
  std::stable_sort(out->begin(), out->end(), [](const TokenMatch& a, const TokenMatch& b) {
    return a.clause->begin < b.clause->begin;
  });
}

}  // namespace whosaid::tokenrules
