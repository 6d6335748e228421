#include "whosaid/rules/rule_file.h"

#include <algorithm>
#include <charconv>
#include <system_error>

#include "whosaid/rules/file_io.h"
#include "whosaid/text/utf8.h"

namespace whosaid::rules {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A define's name: [A-Z][A-Z0-9_]*.
bool IsMacroName(std::string_view name) {
  if (name.empty() || !IsUpper(name[0])) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return IsUpper(c) || IsDigit(c) || c == '_'; });
}

size_t SkipBlanks(std::string_view s, size_t i) {
  while (i < s.size() && IsBlank(s[i])) ++i;
  return i;
}

std::string_view TrimBlanks(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsBlank(s[b])) ++b;
  while (e > b && IsBlank(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// Cuts a trailing "  # comment" (two or more blanks, then '#') from `line`, looking only
// at bytes from `from` on, and trims trailing blanks.
std::string_view CutTrailingComment(std::string_view line, size_t from) {
  for (size_t p = std::max<size_t>(from, 2); p < line.size(); ++p) {
    if (line[p] == '#' && IsBlank(line[p - 1]) && IsBlank(line[p - 2])) {
      line = line.substr(0, p);
      break;
    }
  }
  while (!line.empty() && IsBlank(line.back())) line.remove_suffix(1);
  return line;
}

bool IsRuleId(std::string_view s) {
  if (s.empty() || !(IsUpper(s[0]) || IsLower(s[0]))) return false;
  for (char c : s) {
    if (!IsUpper(c) && !IsLower(c) && !IsDigit(c) && c != '_' && c != '.' && c != '-') {
      return false;
    }
  }
  return true;
}

// True when `line` has the keyword `kw` at `pos`, followed by a blank or the end.
bool HasKeyword(std::string_view line, size_t pos, std::string_view kw) {
  if (line.substr(pos, kw.size()) != kw) return false;
  const size_t after = pos + kw.size();
  return after == line.size() || IsBlank(line[after]);
}

constexpr int kNoRule = -1;      // examples here have no rule above them
constexpr int kBrokenRule = -2;  // the rule above was malformed: drop its examples quietly

class Parser {
 public:
  Parser(std::string_view path, std::vector<Diagnostic>* diagnostics) : diagnostics_(diagnostics) {
    file_.path = std::string(path);
  }

  RuleFile Run(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    int line_no = 0;
    size_t start = 0;
    while (start <= text.size()) {
      size_t nl = text.find('\n', start);
      const bool last = nl == std::string_view::npos;
      if (last) nl = text.size();
      std::string_view line = text.substr(start, nl - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      ++line_no;
      if (!(last && line.empty())) ParseLine(line_no, line);
      if (last) break;
      start = nl + 1;
    }
    return std::move(file_);
  }

 private:
  void Error(int line, std::string_view text, size_t byte_offset, std::string message) {
    if (diagnostics_ == nullptr) return;
    diagnostics_->push_back(
        Diagnostic::Error(file_.path, line, ColumnAt(text, byte_offset), std::move(message)));
  }

  void ParseLine(int line_no, std::string_view line) {
    const size_t bad = text::FindInvalidUtf8(line);
    if (bad != std::string_view::npos) {
      Error(line_no, line, bad, "invalid UTF-8");
      return;
    }
    const size_t p = SkipBlanks(line, 0);
    if (p == line.size() || line[p] == '#') return;
    if (line[p] == '+' || line[p] == '-') {
      ParseExample(line_no, line, p);
    } else if (line.substr(p, 5) == "none:") {
      ParseNone(line_no, line, p);
    } else if (HasKeyword(line, p, "define")) {
      current_rule_ = kNoRule;
      ParseDefine(line_no, line, p);
    } else if (HasKeyword(line, p, "rule")) {
      ParseRule(line_no, line, p);
    } else {
      Error(line_no, line, p,
            "expected 'rule', 'define', an example line (+ or -), 'none:' or a # comment");
    }
  }

  void ParseDefine(int line_no, std::string_view full_line, size_t kw) {
    std::string_view line = CutTrailingComment(full_line, kw);
    size_t i = SkipBlanks(line, kw + 6);
    const size_t name_begin = i;
    while (i < line.size() && !IsBlank(line[i]) && line[i] != '=') ++i;
    const std::string_view name = line.substr(name_begin, i - name_begin);
    if (name.empty()) {
      Error(line_no, line, name_begin, "expected a macro name after 'define'");
      return;
    }
    if (!IsMacroName(name)) {
      Error(line_no, line, name_begin,
            "macro name '" + std::string(name) +
                "' must be upper-case letters, digits and '_', starting with a letter");
      return;
    }
    if (name == "QUOTE") {
      Error(line_no, line, name_begin, "QUOTE is a built-in slot and cannot be defined");
      return;
    }
    i = SkipBlanks(line, i);
    if (i == line.size() || line[i] != '=') {
      Error(line_no, line, i, "expected '=' after macro name " + std::string(name));
      return;
    }
    i = SkipBlanks(line, i + 1);
    if (i == line.size()) {
      Error(line_no, line, i, "empty definition of macro " + std::string(name));
      return;
    }
    MacroDef def;
    def.name = std::string(name);
    def.file = file_.path;
    def.line = line_no;
    def.name_col = ColumnAt(line, name_begin);
    def.body_col = ColumnAt(line, i);
    if (line[i] == '@') {
      const bool negated = i + 1 < line.size() && line[i + 1] == '!';
      const std::string prefix = negated ? "@!" : "@";
      // Items are separated by a blank and an `@`: "@a.lst @b.lst".
      size_t item = i;
      while (item < line.size()) {
        size_t next = item + 1;
        while (next < line.size() &&
               !(line[next] == '@' && (line[next - 1] == ' ' || line[next - 1] == '\t'))) {
          ++next;
        }
        if (line.substr(item, prefix.size()) != prefix ||
            (!negated && line.substr(item, 2) == "@!")) {
          Error(line_no, line, item, "every list of one define starts with " + prefix);
          return;
        }
        const std::string_view path =
            TrimBlanks(line.substr(item + prefix.size(), next - item - prefix.size()));
        if (path.empty()) {
          Error(line_no, line, item, "expected a lexicon path after '" + prefix + "'");
          return;
        }
        def.lexicon_paths.emplace_back(path);
        item = next;
      }
      def.lexicon = true;
      def.lexicon_not = negated;
      def.lexicon_path = def.lexicon_paths[0];
    } else {
      def.body = std::string(line.substr(i));
    }
    file_.defines.push_back(std::move(def));
  }

  void ParseRule(int line_no, std::string_view full_line, size_t kw) {
    current_rule_ = kBrokenRule;
    std::string_view line = CutTrailingComment(full_line, kw);
    size_t i = SkipBlanks(line, kw + 4);
    const size_t id_begin = i;
    while (i < line.size() && !IsBlank(line[i]) && line[i] != ':') ++i;
    const std::string_view id = line.substr(id_begin, i - id_begin);
    if (id.empty()) {
      Error(line_no, line, id_begin, "expected a rule id after 'rule'");
      return;
    }
    if (!IsRuleId(id)) {
      Error(line_no, line, id_begin,
            "rule id '" + std::string(id) +
                "' must be letters, digits, '_', '.' and '-', starting with a letter");
      return;
    }
    RuleDef rule;
    rule.id = std::string(id);
    rule.file = file_.path;
    rule.line = line_no;
    rule.col = ColumnAt(line, kw);
    rule.id_col = ColumnAt(line, id_begin);
    bool have_prio = false;
    bool ok = true;
    for (;;) {
      i = SkipBlanks(line, i);
      if (i == line.size()) {
        Error(line_no, line, i, "expected ':' and a pattern after the rule attributes");
        return;
      }
      if (line[i] == ':') break;
      const size_t attr_begin = i;
      while (i < line.size() && !IsBlank(line[i]) && line[i] != ':') ++i;
      const std::string_view attr = line.substr(attr_begin, i - attr_begin);
      const size_t eq = attr.find('=');
      const std::string_view key = attr.substr(0, eq);
      const std::string_view value =
          eq == std::string_view::npos ? std::string_view() : attr.substr(eq + 1);
      const size_t value_offset = attr_begin + (eq == std::string_view::npos ? 0 : eq + 1);
      if (eq == std::string_view::npos) {
        Error(line_no, line, attr_begin,
              "expected ':' before the pattern (or an attribute prio=N or conf=X), found '" +
                  std::string(attr) + "'");
        return;
      }
      if (key != "prio" && key != "conf") {
        Error(line_no, line, attr_begin,
              "unknown rule attribute '" + std::string(attr) +
                  "' (expected prio=N, conf=X or ':' before the pattern)");
        ok = false;
        continue;
      }
      if (key == "prio") {
        if (have_prio) {
          Error(line_no, line, attr_begin, "prio given twice");
          ok = false;
          continue;
        }
        have_prio = true;
        int prio = -1;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), prio);
        if (ec != std::errc() || end != value.data() + value.size() || prio < 0 || prio > 100) {
          Error(line_no, line, value_offset,
                "prio must be an integer from 0 to 100 (got '" + std::string(value) + "')");
          ok = false;
          continue;
        }
        rule.priority = prio;
      } else {
        if (rule.confidence.has_value()) {
          Error(line_no, line, attr_begin, "conf given twice");
          ok = false;
          continue;
        }
        double conf = -1;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), conf);
        if (ec != std::errc() || end != value.data() + value.size() || !(conf >= 0 && conf <= 1)) {
          Error(line_no, line, value_offset,
                "conf must be a number from 0 to 1 (got '" + std::string(value) + "')");
          ok = false;
          rule.confidence = 0;  // given, though wrong: "conf given twice" still applies
          continue;
        }
        rule.confidence = conf;
      }
    }
    if (!have_prio) {
      Error(line_no, line, id_begin, "rule " + rule.id + " has no prio=N (0..100)");
      ok = false;
    }
    const size_t pattern_begin = SkipBlanks(line, i + 1);
    if (pattern_begin == line.size()) {
      Error(line_no, line, pattern_begin, "empty pattern");
      ok = false;
    }
    if (!ok) return;
    rule.pattern = std::string(line.substr(pattern_begin));
    rule.pattern_col = ColumnAt(line, pattern_begin);
    file_.rules.push_back(std::move(rule));
    current_rule_ = static_cast<int>(file_.rules.size()) - 1;
  }

  // `none: TEXT`: a sentence of the file's corpus that must give nothing.
  void ParseNone(int line_no, std::string_view line, size_t marker) {
    const std::string_view text = TrimBlanks(line.substr(marker + 5));
    if (text.empty()) {
      Error(line_no, line, marker, "empty 'none:' line");
      return;
    }
    Example ex;
    ex.positive = false;
    ex.text = std::string(text);
    ex.file = file_.path;
    ex.line = line_no;
    ex.col = ColumnAt(line, marker);
    file_.none.push_back(std::move(ex));
  }

  void ParseExample(int line_no, std::string_view line, size_t marker) {
    Example ex;
    ex.positive = line[marker] == '+';
    ex.file = file_.path;
    ex.line = line_no;
    ex.col = ColumnAt(line, marker);
    const size_t rest_begin = marker + 1;
    std::string_view rest = line.substr(rest_begin);
    const size_t arrow = rest.rfind("=>");
    bool ok = true;
    if (arrow != std::string_view::npos) {
      const std::string_view tail = rest.substr(arrow + 2);
      const size_t tail_offset = rest_begin + arrow + 2;
      size_t err_offset = 0;
      std::string err;
      std::vector<std::pair<Slot, std::string>> expected;
      const bool parsed = ParseExpectations(tail, &expected, &err_offset, &err);
      if (ex.positive) {
        rest = rest.substr(0, arrow);
        if (!parsed) {
          Error(line_no, line, tail_offset + err_offset, err);
          ok = false;
        } else if (expected.empty()) {
          Error(line_no, line, tail_offset, "expected SLOT=\"value\" after '=>'");
          ok = false;
        }
        ex.expected = std::move(expected);
      } else if (parsed && !expected.empty()) {
        Error(line_no, line, rest_begin + arrow,
              "a '-' example cannot expect slot values (it must not match at all)");
        ok = false;
      }
    }
    const std::string_view text = TrimBlanks(rest);
    if (ok && text.empty()) {
      Error(line_no, line, marker, "empty example");
      ok = false;
    }
    if (current_rule_ == kNoRule) {
      Error(line_no, line, marker,
            std::string("example line '") + line[marker] + "' has no rule above it");
      return;
    }
    if (!ok || current_rule_ == kBrokenRule) return;
    ex.text = std::string(text);
    file_.rules[current_rule_].examples.push_back(std::move(ex));
  }

  std::vector<Diagnostic>* diagnostics_;
  RuleFile file_;
  int current_rule_ = kNoRule;
};

}  // namespace

bool ParseExpectations(std::string_view text, std::vector<std::pair<Slot, std::string>>* out,
                       size_t* error_offset, std::string* error) {
  auto fail = [&](size_t offset, std::string message) {
    *error_offset = offset;
    *error = std::move(message);
    return false;
  };
  size_t i = 0;
  for (;;) {
    i = SkipBlanks(text, i);
    if (i == text.size() || text[i] == '#') return true;
    const size_t name_begin = i;
    while (i < text.size() &&
           (IsUpper(text[i]) || IsLower(text[i]) || IsDigit(text[i]) || text[i] == '_')) {
      ++i;
    }
    const std::string_view name = text.substr(name_begin, i - name_begin);
    if (name.empty()) return fail(name_begin, "expected SLOT=\"value\"");
    const std::optional<Slot> slot = SlotFromName(name);
    if (!slot) {
      return fail(name_begin, "unknown slot '" + std::string(name) +
                                  "' (slots: QUOTE, SPEAKER, ROLE, CUE, CLAUSE)");
    }
    for (const auto& [s, v] : *out) {
      if (s == *slot) return fail(name_begin, "slot " + std::string(name) + " given twice");
    }
    if (i == text.size() || text[i] != '=')
      return fail(i, "expected '=' after " + std::string(name));
    ++i;
    if (i == text.size() || text[i] != '"') return fail(i, "expected '\"' to open the value");
    const size_t open = i++;
    std::string value;
    bool closed = false;
    while (i < text.size()) {
      const char c = text[i];
      if (c == '"') {
        closed = true;
        ++i;
        break;
      }
      if (c == '\\') {
        if (i + 1 < text.size() && (text[i + 1] == '"' || text[i + 1] == '\\')) {
          value += text[i + 1];
          i += 2;
          continue;
        }
        return fail(i, "unknown escape in slot value (only \\\" and \\\\ are allowed)");
      }
      value += c;
      ++i;
    }
    if (!closed) return fail(open, "unterminated slot value");
    if (i < text.size() && !IsBlank(text[i])) {
      return fail(i, "expected a blank after the closing '\"'");
    }
    out->emplace_back(*slot, std::move(value));
  }
}

RuleFile ParseRuleFile(std::string_view path, std::string_view text,
                       std::vector<Diagnostic>* diagnostics) {
  return Parser(path, diagnostics).Run(text);
}

std::optional<RuleFile> ReadRuleFile(const std::string& path, std::vector<Diagnostic>* diagnostics,
                                     std::string* text) {
  Result<std::string> data = ReadWholeFile(path);
  if (!data.ok()) {
    if (diagnostics != nullptr) {
      diagnostics->push_back(
          Diagnostic::Error(path, 0, 0, "cannot open rule file: " + data.status().message()));
    }
    return std::nullopt;
  }
  RuleFile file = ParseRuleFile(path, *data, diagnostics);
  if (text) *text = std::move(data).value();
  return file;
}

std::string ExampleDocumentText(std::string_view written) {
  std::string text;
  for (size_t i = 0; i < written.size(); ++i) {
    if (written[i] == '\\' && i + 1 < written.size() && written[i + 1] == 'n') {
      text += '\n';
      ++i;
    } else {
      text += written[i];
    }
  }
  return text;
}

}  // namespace whosaid::rules
