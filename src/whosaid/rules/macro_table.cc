#include "whosaid/rules/macro_table.h"

#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "whosaid/rules/file_io.h"
#include "whosaid/rules/lexicon.h"

namespace whosaid::rules {

namespace fs = std::filesystem;

MacroTable::MacroTable(int64_t max_mem, std::vector<Diagnostic>* diagnostics)
    : max_mem_(max_mem), diagnostics_(diagnostics) {}

void MacroTable::Report(const MacroDef& def, int col, std::string message) {
  if (diagnostics_ == nullptr) return;
  diagnostics_->push_back(Diagnostic::Error(def.file, def.line, col, std::move(message)));
}

void MacroTable::AddFile(const RuleFile& file) {
  for (const MacroDef& def : file.defines) {
    auto it = entries_.find(def.name);
    if (it != entries_.end() && it->second.def.file == def.file) {
      Report(def, def.name_col,
             "macro " + def.name + " is already defined at line " +
                 std::to_string(it->second.def.line));
      continue;
    }
    Entry entry;
    entry.def = def;
    entry.order = next_order_++;
    entries_.insert_or_assign(def.name, std::move(entry));
  }
}

void MacroTable::ResolveAll() {
  std::vector<Entry*> ordered;
  for (auto& [name, entry] : entries_) ordered.push_back(&entry);
  std::sort(ordered.begin(), ordered.end(),
            [](const Entry* a, const Entry* b) { return a->order < b->order; });
  for (Entry* entry : ordered) {
    if (entry->state == State::kPending) Expand(*entry);
  }
}

MacroLookup MacroTable::Resolve(std::string_view name) {
  MacroLookup out;
  auto it = entries_.find(name);
  if (it == entries_.end()) return out;  // kUnknown
  Entry& entry = it->second;
  if (entry.state == State::kPending) Expand(entry);
  switch (entry.state) {
    case State::kDone:
      out.kind = MacroLookup::Kind::kFound;
      out.regex = entry.regex;
      break;
    case State::kFailed:
      out.kind = MacroLookup::Kind::kFailed;
      break;
    case State::kInProgress: {
      out.kind = MacroLookup::Kind::kCycle;
      out.message = "macro cycle: ";
      auto first = std::find(stack_.begin(), stack_.end(), name);
      for (auto s = first; s != stack_.end(); ++s) out.message += *s + " -> ";
      out.message += std::string(name);
      break;
    }
    case State::kPending:
      break;
  }
  return out;
}

bool MacroTable::LoadLexicon(Entry& entry) {
  const MacroDef& def = entry.def;
  Lexicon merged;
  const std::vector<std::string> paths =
      def.lexicon_paths.empty() ? std::vector<std::string>{def.lexicon_path} : def.lexicon_paths;
  for (const std::string& path : paths) {
    const fs::path rel(path);
    const fs::path resolved =
        (rel.is_absolute() ? rel : fs::path(def.file).parent_path() / rel).lexically_normal();
    std::error_code ec;
    fs::path key = fs::weakly_canonical(resolved, ec);
    if (ec) key = resolved;
    auto [it, inserted] = lexicons_.try_emplace(key.string());
    CachedLexicon& lex = it->second;
    if (inserted) {
      Result<std::string> data = ReadWholeFile(resolved.string());
      if (!data.ok()) {
        lex.error = data.status().message();
      } else {
        lex.ok = true;
        lex.entries = ParseLexicon(resolved.string(), *data, diagnostics_).entries;
      }
    }
    if (!lex.ok) {
      Report(def, def.body_col,
             "cannot open lexicon '" + path + "' (" + resolved.string() + "): " + lex.error);
      return false;
    }
    if (lex.entries.empty()) {
      Report(def, def.body_col, "lexicon '" + path + "' has no entries");
      return false;
    }
    merged.entries.insert(merged.entries.end(), lex.entries.begin(), lex.entries.end());
  }
  SortLexiconEntries(&merged.entries);
  entry.regex = def.lexicon_not ? merged.NotWordRegex() : merged.Regex();
  return true;
}

void MacroTable::Expand(Entry& entry) {
  entry.state = State::kInProgress;
  stack_.push_back(entry.def.name);
  bool ok;
  if (entry.def.lexicon) {
    ok = LoadLexicon(entry);
  } else {
    Expansion x =
        ExpandPattern(entry.def.body, PatternContext::kMacroBody, [&](std::string_view name) {
          entry.refs.emplace_back(name);
          return Resolve(name);
        });
    for (const ExpandError& e : x.errors) {
      Report(entry.def, entry.def.body_col + ColumnAt(entry.def.body, e.offset) - 1, e.message);
    }
    ok = !x.failed;
    if (ok) entry.regex = std::move(x.regex);
  }
  if (ok) {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(max_mem_);
    RE2 re(entry.regex, options);
    if (re.error_code() == RE2::ErrorPatternTooLarge) {
      Report(entry.def, entry.def.body_col,
             "macro " + entry.def.name + ": pattern exceeds RE2 memory budget (max_mem " +
                 std::to_string(max_mem_) + " bytes)");
      ok = false;
    } else if (!re.ok()) {
      Report(entry.def, entry.def.body_col,
             "invalid RE2 in macro " + entry.def.name + ": " + re.error());
      ok = false;
    }
  }
  stack_.pop_back();
  entry.state = ok ? State::kDone : State::kFailed;
}

void MacroTable::MarkUsed(std::string_view name) {
  auto it = entries_.find(name);
  if (it == entries_.end() || it->second.used) return;
  it->second.used = true;
  for (const std::string& ref : it->second.refs) MarkUsed(ref);
}

std::vector<MacroDef> MacroTable::UnusedDefines() const {
  std::vector<const Entry*> unused;
  for (const auto& [name, entry] : entries_) {
    if (!entry.used) unused.push_back(&entry);
  }
  std::sort(unused.begin(), unused.end(),
            [](const Entry* a, const Entry* b) { return a->order < b->order; });
  std::vector<MacroDef> out;
  for (const Entry* e : unused) out.push_back(e->def);
  return out;
}

}  // namespace whosaid::rules
