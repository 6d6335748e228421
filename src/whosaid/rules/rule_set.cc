#include "whosaid/rules/rule_set.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <system_error>
#include <utility>

#include "whosaid/rules/macro_table.h"
#include "whosaid/rules/pattern.h"
#include "whosaid/text/utf8.h"

namespace whosaid::rules {

namespace fs = std::filesystem;

namespace {

// RE2 budget of an indirect rule's locating copy (Rule::locate_re_): room for its DFA cache.
constexpr int64_t kLocateMaxMem = int64_t{8} << 20;
// Text shorter than this is searched by the NFA program alone: on ordinary paragraphs the
// DFA builds a new state every few bytes and costs more than it saves (PolNeAR train, -j1:
// 12% more CPU when every search used it); on long pieces that mostly do not match, its
// states repeat and it is many times faster.
constexpr size_t kLocateMinBytes = 4096;

RE2::Options MakeOptions(int64_t max_mem) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_longest_match(false);
  options.set_log_errors(false);
  options.set_max_mem(max_mem);
  return options;
}

// Compiles `pattern` with the smallest memory budget, doubling from 128 KiB, that holds its
// program, and at most `max_mem` (whose error a pattern that never fits gets). RE2 gives its
// DFA what the program leaves of the budget; a large rule program then leaves too little for
// a DFA and RE2 goes straight to its NFA. For the ambiguous patterns of attribution rules the
// NFA is the faster engine: the DFA meets a new state every few bytes, fills its cache, bails
// out and leaves the NFA to start over (see HACKING.md). Small programs keep their DFA.
std::shared_ptr<RE2> CompileTight(const std::string& pattern, RE2::Options options,
                                  int64_t max_mem) {
  for (int64_t budget = int64_t{128} << 10; budget < max_mem; budget *= 2) {
    options.set_max_mem(budget);
    auto re = std::make_shared<RE2>(pattern, options);
    if (re->error_code() != RE2::ErrorPatternTooLarge) return re;
  }
  options.set_max_mem(max_mem);
  return std::make_shared<RE2>(pattern, options);
}

// Stable-sorts `diags` by file (files in `order` first, in that order; others in order of
// first appearance), then line, then column.
void SortDiagnostics(std::vector<Diagnostic>* diags, const std::vector<std::string>& order) {
  std::map<std::string, size_t> rank;
  for (const std::string& f : order) rank.try_emplace(f, rank.size());
  for (const Diagnostic& d : *diags) rank.try_emplace(d.file, rank.size());
  std::stable_sort(diags->begin(), diags->end(), [&](const Diagnostic& a, const Diagnostic& b) {
    const size_t ra = rank[a.file], rb = rank[b.file];
    if (ra != rb) return ra < rb;
    if (a.line != b.line) return a.line < b.line;
    return a.col < b.col;
  });
}

void Append(std::vector<Diagnostic>* to, std::vector<Diagnostic>&& from) {
  if (to == nullptr) return;
  to->insert(to->end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

struct RuleSet::Impl {
  // RE2's FilteredRE2 reduces each rule to the literal strings ("atoms") that any match must
  // contain ("said" or "told" or …; ": "). One RE2::Set pass finds the atoms present in a
  // window, and only the rules whose atoms are there are tried. Atoms are lower case, so the
  // set matches them case-insensitively.
  struct Prefilter {
    std::unique_ptr<re2::FilteredRE2> filter;  // null: no prefilter, try every rule
    std::unique_ptr<RE2::Set> atoms;           // null: no atoms (every rule is a candidate)
    std::vector<int> rules;                    // filter id -> rule index
  };
  Prefilter quote;
  Prefilter indirect;
  bool has_inside_quote_rules = false;  // a quote rule neither starts nor ends with {QUOTE}

  // Indices of the rules of `p` that may match `window`, in rule order.
  static void Candidates(const Prefilter& p, std::string_view window, std::vector<int>* out) {
    out->clear();
    if (p.rules.empty()) return;
    if (p.filter != nullptr) {
      std::vector<int> hits;
      bool ok = true;
      if (p.atoms != nullptr) {
        RE2::Set::ErrorInfo info{RE2::Set::kNoError};
        ok = p.atoms->Match(re2::StringPiece(window.data(), window.size()), &hits, &info) ||
             info.kind == RE2::Set::kNoError;  // else the set's DFA ran out of memory
      }
      if (ok) {
        std::vector<int> potentials;
        p.filter->AllPotentials(hits, &potentials);
        for (int k : potentials) out->push_back(p.rules[k]);
        std::sort(out->begin(), out->end());
        return;
      }
    }
    *out = p.rules;
  }

  // Builds `p` over the rules of one kind; false when the atom set exceeds its budget (the
  // caller then resets `p` to try every rule).
  static bool BuildPrefilter(const std::vector<Rule>& rules, bool indirect, int64_t max_mem_rule,
                             int64_t max_mem_set, Prefilter* p) {
    p->filter = std::make_unique<re2::FilteredRE2>(/*min_atom_len=*/2);
    const RE2::Options options = MakeOptions(max_mem_rule);
    for (const Rule& r : rules) {
      if (r.indirect != indirect) continue;
      int id = 0;
      if (p->filter->Add(r.regex, options, &id) != RE2::NoError) return false;
      p->rules.push_back(r.index_);
    }
    if (p->rules.empty()) return true;
    std::vector<std::string> atoms;
    p->filter->Compile(&atoms);
    if (!atoms.empty()) {
      RE2::Options set_options = MakeOptions(max_mem_set);
      set_options.set_case_sensitive(false);
      auto s = std::make_unique<RE2::Set>(set_options, RE2::UNANCHORED);
      for (const std::string& a : atoms) {
        if (s->Add(RE2::QuoteMeta(a), nullptr) < 0) return false;
      }
      if (!s->Compile()) return false;
      p->atoms = std::move(s);
    }
    return true;
  }
};

RuleSet::RuleSet() : impl_(std::make_unique<Impl>()) {}
RuleSet::~RuleSet() = default;

std::string_view RuleMatch::SlotText(std::string_view window, Slot slot) const {
  const SlotSpan& s = span(slot);
  if (!s.found() || s.end > static_cast<int>(window.size())) return {};
  return window.substr(s.begin, s.end - s.begin);
}

std::unique_ptr<RuleSet> RuleSet::Load(const std::vector<std::string>& paths,
                                       const LoadOptions& options,
                                       std::vector<Diagnostic>* diagnostics) {
  std::vector<Diagnostic> diags;
  std::vector<std::string> rule_paths;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      rule_paths.push_back(p);  // ReadRuleFile reports a missing or unreadable file
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(p, fs::directory_options::follow_directory_symlink, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code ec2;
      if (it->path().extension() == ".rules" && it->is_regular_file(ec2)) {
        found.push_back(it->path().string());
      }
    }
    if (ec) {
      diags.push_back(Diagnostic::Error(p, 0, 0, "cannot read rule directory: " + ec.message()));
      continue;
    }
    if (found.empty()) {
      diags.push_back(Diagnostic::Warning(p, 0, 0, "no *.rules files in this directory"));
    }
    std::sort(found.begin(), found.end());
    rule_paths.insert(rule_paths.end(), found.begin(), found.end());
  }
  // A file named twice (directly and through its directory, say) is loaded once.
  std::set<std::string> seen;
  std::vector<std::string> unique_paths;
  for (const std::string& p : rule_paths) {
    std::error_code ec;
    fs::path key = fs::weakly_canonical(p, ec);
    if (ec) key = fs::path(p).lexically_normal();
    if (seen.insert(key.string()).second) unique_paths.push_back(p);
  }
  std::vector<RuleFile> files;
  for (const std::string& p : unique_paths) {
    std::optional<RuleFile> f = ReadRuleFile(p, &diags);
    if (f) files.push_back(std::move(*f));
  }
  std::unique_ptr<RuleSet> set = Build(std::move(files), options, &diags);
  SortDiagnostics(&diags, unique_paths);
  const bool failed = HasErrors(diags);
  Append(diagnostics, std::move(diags));
  if (failed) return nullptr;
  return set;
}

std::unique_ptr<RuleSet> RuleSet::LoadFromStrings(const std::vector<RuleSource>& sources,
                                                  const LoadOptions& options,
                                                  std::vector<Diagnostic>* diagnostics) {
  std::vector<Diagnostic> diags;
  std::vector<RuleFile> files;
  std::vector<std::string> order;
  for (const RuleSource& s : sources) {
    files.push_back(ParseRuleFile(s.path, s.text, &diags));
    order.push_back(s.path);
  }
  std::unique_ptr<RuleSet> set = Build(std::move(files), options, &diags);
  SortDiagnostics(&diags, order);
  const bool failed = HasErrors(diags);
  Append(diagnostics, std::move(diags));
  if (failed) return nullptr;
  return set;
}

std::unique_ptr<RuleSet> RuleSet::Build(std::vector<RuleFile> files, const LoadOptions& options,
                                        std::vector<Diagnostic>* diags) {
  std::unique_ptr<RuleSet> set(new RuleSet());
  MacroTable macros(options.max_mem_per_rule, diags);
  for (const RuleFile& f : files) {
    macros.AddFile(f);
    set->files_.push_back(f.path);
  }
  macros.ResolveAll();

  const RE2::Options rule_options = MakeOptions(options.max_mem_per_rule);
  for (RuleFile& f : files) {
    for (RuleDef& def : f.rules) {
      auto error = [&](int col, std::string message) {
        diags->push_back(Diagnostic::Error(def.file, def.line, col, std::move(message)));
      };
      std::vector<std::string> refs;
      Expansion x =
          ExpandPattern(def.pattern, PatternContext::kRulePattern, [&](std::string_view name) {
            refs.emplace_back(name);
            return macros.Resolve(name);
          });
      for (const std::string& r : refs) macros.MarkUsed(r);
      for (const ExpandError& e : x.errors) {
        error(def.pattern_col + ColumnAt(def.pattern, e.offset) - 1, e.message);
      }
      if (x.failed) continue;
      const bool has_quote = x.slots[static_cast<int>(Slot::kQuote)];
      const bool has_clause = x.slots[static_cast<int>(Slot::kClause)];
      const bool has_speaker = x.slots[static_cast<int>(Slot::kSpeaker)];
      bool ok = true;
      if (has_quote && has_clause) {
        error(def.pattern_col, "a rule cannot have both {QUOTE} and {CLAUSE}");
        ok = false;
      } else if (!has_quote && !has_clause) {
        error(def.pattern_col,
              "rule needs {QUOTE} (a quote rule) or {CLAUSE} (an indirect-speech rule)");
        ok = false;
      }
      if (!has_speaker) {
        error(def.pattern_col, "rule has no {SPEAKER} slot");
        ok = false;
      }
      if (!ok) continue;
      auto re = CompileTight(x.regex, rule_options, options.max_mem_per_rule);
      if (re->error_code() == RE2::ErrorPatternTooLarge) {
        error(def.pattern_col, "pattern exceeds RE2 memory budget (max_mem_per_rule " +
                                   std::to_string(options.max_mem_per_rule) + " bytes)");
        continue;
      }
      if (!re->ok()) {
        error(def.pattern_col, "invalid RE2 pattern: " + re->error());
        continue;
      }
      int slot_groups = 0, slots_used = 0;
      for (const auto& [index, name] : re->CapturingGroupNames()) {
        slot_groups += SlotFromName(name).has_value();
      }
      for (bool used : x.slots) slots_used += used;
      if (slot_groups != slots_used) {
        error(def.pattern_col,
              "capture group names QUOTE, SPEAKER, ROLE, CUE and CLAUSE are reserved for slots");
        continue;
      }
      Rule rule;
      rule.id = std::move(def.id);
      rule.priority = def.priority;
      rule.confidence = def.confidence.value_or(def.priority / 100.0);
      rule.indirect = has_clause;
      rule.pattern_source = std::move(def.pattern);
      rule.regex = std::move(x.regex);
      rule.examples = std::move(def.examples);
      rule.file = def.file;
      rule.line = def.line;
      rule.col = def.id_col;
      rule.pattern_col = def.pattern_col;
      const auto& groups = re->NamedCapturingGroups();
      for (int s = 0; s < kSlotCount; ++s) {
        auto g = groups.find(std::string(SlotGroupName(static_cast<Slot>(s))));
        if (x.slots[s] && g != groups.end()) rule.group_[s] = g->second;
      }
      rule.re_ = std::move(re);
      if (rule.indirect) {
        RE2::Options locate_options = rule_options;
        locate_options.set_never_capture(true);
        locate_options.set_max_mem(kLocateMaxMem);
        auto locate = std::make_shared<RE2>(rule.regex, locate_options);
        // Without it (budget) the rule is matched by re_ alone: slower, the same matches.
        if (locate->ok()) rule.locate_re_ = std::move(locate);
      }
      {
        std::string_view src = rule.pattern_source;
        constexpr std::string_view kQuote = "{QUOTE}";
        if (src.substr(0, kQuote.size()) == kQuote) {
          rule.quote_at_ = Rule::QuoteAt::kStart;
        } else if (src.size() >= kQuote.size() &&
                   src.substr(src.size() - kQuote.size()) == kQuote) {
          auto end_re =
              CompileTight("(?:" + rule.regex + ")\\z", rule_options, options.max_mem_per_rule);
          // Should the anchored copy not compile (budget), the rule is searched forwards.
          if (end_re->ok()) {
            rule.quote_at_ = Rule::QuoteAt::kEnd;
            rule.end_re_ = std::move(end_re);
          }
        }
      }
      rule.index_ = static_cast<int>(set->rules_.size());
      set->rules_.push_back(std::move(rule));
    }
  }
  set->unused_macros_ = macros.UnusedDefines();

  for (const Rule& r : set->rules_) {
    if (!r.indirect && r.quote_at_ == Rule::QuoteAt::kInside)
      set->impl_->has_inside_quote_rules = true;
  }
  for (bool indirect : {false, true}) {
    Impl::Prefilter& p = indirect ? set->impl_->indirect : set->impl_->quote;
    if (!Impl::BuildPrefilter(set->rules_, indirect, options.max_mem_per_rule,
                              options.max_mem_per_set, &p)) {
      p = Impl::Prefilter{};
      for (const Rule& r : set->rules_) {
        if (r.indirect == indirect) p.rules.push_back(r.index_);
      }
      diags->push_back(
          Diagnostic::Warning("", 0, 0,
                              std::string(indirect ? "indirect" : "quote") +
                                  " rules exceed the prefilter memory budget (max_mem_per_set " +
                                  std::to_string(options.max_mem_per_set) +
                                  " bytes): every rule will be tried on every window (slower)"));
    }
  }
  return set;
}

void RuleSet::Lint(std::vector<Diagnostic>* out) const {
  if (out == nullptr) return;
  std::vector<Diagnostic> diags;
  std::map<std::string_view, const Rule*> first_by_id;
  for (const Rule& r : rules_) {
    if (std::none_of(r.examples.begin(), r.examples.end(),
                     [](const Example& e) { return e.positive; })) {
      diags.push_back(
          Diagnostic::Warning(r.file, r.line, r.col, "rule " + r.id + " has no '+' example"));
    }
    auto [it, inserted] = first_by_id.try_emplace(r.id, &r);
    if (!inserted) {
      diags.push_back(Diagnostic::Error(r.file, r.line, r.col,
                                        "duplicate rule id " + r.id + " (first defined at " +
                                            it->second->file + ":" +
                                            std::to_string(it->second->line) + ")"));
    }
    for (const Example& e : r.examples) {
      for (const auto& [slot, value] : e.expected) {
        if (!r.HasSlot(slot)) {
          const std::string name(SlotName(slot));
          diags.push_back(Diagnostic::Error(e.file, e.line, e.col,
                                            "example expects slot " + name + " but rule " + r.id +
                                                " has no {" + name + "} slot"));
        }
      }
    }
  }
  for (const MacroDef& m : unused_macros_) {
    diags.push_back(Diagnostic::Warning(m.file, m.line, m.name_col,
                                        "macro " + m.name + " is not used by any rule"));
  }
  SortDiagnostics(&diags, files_);
  Append(out, std::move(diags));
}

std::optional<RuleMatch> RuleSet::MatchFrom(const Rule& rule, std::string_view window, size_t pos,
                                            bool anchor_start, bool anchor_end) const {
  if (rule.re_ == nullptr || pos > window.size()) return std::nullopt;
  int n = 1;
  for (int g : rule.group_) n = std::max(n, g + 1);
  std::array<re2::StringPiece, 16> small;
  std::vector<re2::StringPiece> large;
  re2::StringPiece* sub = small.data();
  if (n > static_cast<int>(small.size())) {
    large.resize(n);
    sub = large.data();
  }
  const re2::StringPiece text(window.data(), window.size());
  const RE2::Anchor anchor = anchor_end     ? RE2::ANCHOR_BOTH
                             : anchor_start ? RE2::ANCHOR_START
                                            : RE2::UNANCHORED;
  size_t begin = pos, end = window.size();
  RE2::Anchor capture_anchor = anchor;
  if (rule.locate_re_ != nullptr && anchor == RE2::UNANCHORED &&
      window.size() - pos >= kLocateMinBytes) {
    // Find the leftmost match's extent with the DFA, then capture within it: the same
    // match RE2 gives in one call, which does the same internally when its DFA has room.
    re2::StringPiece extent;
    if (!rule.locate_re_->Match(text, pos, window.size(), RE2::UNANCHORED, &extent, 1)) {
      return std::nullopt;
    }
    begin = extent.data() - window.data();
    end = begin + extent.size();
    capture_anchor = RE2::ANCHOR_BOTH;
  }
  if (!rule.re_->Match(text, begin, end, capture_anchor, sub, n)) {
    return std::nullopt;
  }
  RuleMatch m;
  m.rule = &rule;
  m.begin = static_cast<int>(sub[0].data() - window.data());
  m.end = m.begin + static_cast<int>(sub[0].size());
  for (int s = 0; s < kSlotCount; ++s) {
    const int g = rule.group_[s];
    if (g > 0 && sub[g].data() != nullptr) {
      m.slots[s].begin = static_cast<int>(sub[g].data() - window.data());
      m.slots[s].end = m.slots[s].begin + static_cast<int>(sub[g].size());
    }
  }
  return m;
}

std::optional<RuleMatch> RuleSet::MatchRule(const Rule& rule, std::string_view window) const {
  return MatchFrom(rule, window, 0);
}

void RuleSet::MatchQuote(std::string_view window, std::vector<RuleMatch>* out) const {
  std::vector<int> candidates;
  Impl::Candidates(impl_->quote, window, &candidates);
  std::stable_sort(candidates.begin(), candidates.end(),
                   [&](int a, int b) { return rules_[a].priority > rules_[b].priority; });
  for (int idx : candidates) {
    if (std::optional<RuleMatch> m = MatchFrom(rules_[idx], window, 0)) out->push_back(*m);
  }
}

void RuleSet::MatchQuote(std::string_view window, size_t focus, std::vector<RuleMatch>* out,
                         const std::function<bool(const RuleMatch&)>& accept) const {
  if (focus >= window.size()) return MatchQuote(window, out);
  constexpr size_t kPlaceholderBytes = 3;  // U+E000 in UTF-8
  const std::string_view before =
      window.substr(0, std::min(window.size(), focus + kPlaceholderBytes));
  // A rule's required strings must lie inside its match: for a rule anchored at the quote,
  // in the text from the quote on; for one that ends at the quote, in the text up to it.
  // The two prefilter passes together read the window once.
  std::vector<int> candidates, from_quote, whole;
  Impl::Candidates(impl_->quote, before, &candidates);
  Impl::Candidates(impl_->quote, window.substr(focus), &from_quote);
  std::erase_if(candidates, [&](int idx) { return rules_[idx].quote_at_ != Rule::QuoteAt::kEnd; });
  for (int idx : from_quote) {
    if (rules_[idx].quote_at_ == Rule::QuoteAt::kStart) candidates.push_back(idx);
  }
  if (impl_->has_inside_quote_rules) {
    Impl::Candidates(impl_->quote, window, &whole);
    for (int idx : whole) {
      if (rules_[idx].quote_at_ == Rule::QuoteAt::kInside) candidates.push_back(idx);
    }
  }
  // Highest priority first; equal priorities in rule order.
  std::sort(candidates.begin(), candidates.end(), [&](int a, int b) {
    if (rules_[a].priority != rules_[b].priority) return rules_[a].priority > rules_[b].priority;
    return a < b;
  });
  bool accepted = false;
  int accepted_priority = 0;
  for (int idx : candidates) {
    const Rule& rule = rules_[idx];
    if (accepted && rule.priority < accepted_priority) break;
    std::optional<RuleMatch> m;
    switch (rule.quote_at_) {
      case Rule::QuoteAt::kStart:  // the match starts at the focus
        m = MatchFrom(rule, window, focus, /*anchor_start=*/true);
        break;
      case Rule::QuoteAt::kEnd:  // the match ends with the focus: nothing after it takes part
        m = MatchEndingAtFocus(rule, before);
        break;
      case Rule::QuoteAt::kInside:
        m = MatchFrom(rule, window, 0);
        break;
    }
    if (!m) continue;
    out->push_back(*m);
    if (!accepted && accept && accept(out->back())) {
      accepted = true;
      accepted_priority = rule.priority;
    }
  }
}

std::optional<RuleMatch> RuleSet::MatchEndingAtFocus(const Rule& rule,
                                                     std::string_view before) const {
  // Of the matches that end at the quote, the one that starts last names the speaker nearest
  // to it ("X said …, but he said that “…”" is his). The end-anchored pattern gives the
  // earliest start at or after `pos` (RE2 runs it backwards from the end, longest match,
  // without captures); stepping past each start finds the last one. Only that match runs
  // the capturing search, anchored at both ends.
  const re2::StringPiece text(before.data(), before.size());
  re2::StringPiece whole;
  size_t pos = 0;
  std::optional<size_t> last;
  while (pos < before.size() &&
         rule.end_re_->Match(text, pos, before.size(), RE2::UNANCHORED, &whole, 1)) {
    last = static_cast<size_t>(whole.data() - before.data());
    pos = *last + 1;
  }
  if (!last) return std::nullopt;
  return MatchFrom(rule, before, *last, /*anchor_start=*/true, /*anchor_end=*/true);
}

void RuleSet::MatchIndirect(std::string_view window, std::vector<RuleMatch>* out) const {
  std::vector<int> candidates;
  Impl::Candidates(impl_->indirect, window, &candidates);
  struct Pending {
    const Rule* rule;
    std::optional<RuleMatch> next;  // its leftmost match at or after the last search start
    bool done = false;
  };
  std::vector<Pending> pending;
  for (int idx : candidates) pending.push_back({&rules_[idx], std::nullopt});
  size_t pos = 0;
  while (pos <= window.size()) {
    Pending* best = nullptr;
    for (Pending& p : pending) {
      if (p.done) continue;
      if (!p.next || p.next->begin < static_cast<int>(pos)) {
        p.next = MatchFrom(*p.rule, window, pos);
        if (!p.next) {
          p.done = true;
          continue;
        }
      }
      if (best == nullptr || p.next->begin < best->next->begin ||
          (p.next->begin == best->next->begin && p.rule->priority > best->rule->priority)) {
        best = &p;  // pending is in rule order: equal priority keeps the earlier rule
      }
    }
    if (best == nullptr) break;
    const RuleMatch m = *best->next;
    best->next.reset();
    out->push_back(m);
    if (m.end > m.begin) {
      // Resume at the sentence end that closed the match, not after it: the next
      // statement's lead (`[.?!] ` in ILEAD) needs that mark and space, so "A said C1. B
      // said C2." gives both clauses. The mark lies after the clause, so nothing is found
      // twice.
      const size_t after_mark = m.end - (m.end > m.begin + 1 && window[m.end - 1] == ' ');
      const char mark = window[after_mark - 1];
      const bool sentence_end = after_mark > static_cast<size_t>(m.begin) + 1 &&
                                (mark == '.' || mark == '?' || mark == '!');
      pos = sentence_end ? after_mark - 1 : m.end;
    } else {  // an empty match: step over one character
      pos = m.end +
            (static_cast<size_t>(m.end) < window.size() ? text::DecodeAt(window, m.end).len : 1);
    }
  }
}

const Rule* RuleSet::FindRule(std::string_view id) const {
  for (const Rule& r : rules_) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

}  // namespace whosaid::rules
