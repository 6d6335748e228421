#include "whosaid/rules/pattern.h"

#include <algorithm>

#include "whosaid/text/utf8.h"

namespace whosaid::rules {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLetter(char c) { return IsUpper(c) || (c >= 'a' && c <= 'z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsNameChar(char c) { return IsLetter(c) || IsDigit(c) || c == '_'; }

constexpr std::string_view kQuoteRegex = "\\x{E000}";

class Expander {
 public:
  Expander(std::string_view src, PatternContext context, const MacroResolver& resolve)
      : src_(src), context_(context), resolve_(resolve) {}

  Expansion Run() {
    Copy(0, /*nested=*/false, &result_.regex);
    if (!result_.errors.empty()) result_.failed = true;
    return std::move(result_);
  }

 private:
  // Expands src_ from `i` into *out. Top level: runs to the end. Nested (inside a slot's
  // inline pattern): stops at the first '}' that closes nothing and returns its offset
  // (src_.size() when there is none).
  size_t Copy(size_t i, bool nested, std::string* out) {
    const size_t n = src_.size();
    while (i < n) {
      const char c = src_[i];
      if (c == '\\') {
        i = CopyEscape(i, out);
      } else if (c == '[') {
        i = CopyClass(i, out);
      } else if (c == '}' && nested) {
        return i;
      } else if (c == '{' && i + 1 < n && (IsDigit(src_[i + 1]) || src_[i + 1] == ',')) {
        size_t j = i + 1;
        while (j < n && (IsDigit(src_[j]) || src_[j] == ',')) ++j;
        if (j < n && src_[j] == '}') ++j;
        out->append(src_.substr(i, j - i));
        i = j;
      } else if (c == '{' && i + 1 < n && (IsLetter(src_[i + 1]) || src_[i + 1] == '_')) {
        i = Reference(i, out);
      } else {
        out->push_back(c);
        ++i;
      }
    }
    return n;
  }

  // Copies the escape sequence at src_[i] == '\\' unchanged.
  size_t CopyEscape(size_t i, std::string* out) {
    const size_t n = src_.size();
    size_t end;
    if (i + 1 >= n) {
      end = n;
    } else if (src_[i + 1] == 'Q') {
      const size_t e = src_.find("\\E", i + 2);
      end = e == std::string_view::npos ? n : e + 2;
    } else if ((src_[i + 1] == 'p' || src_[i + 1] == 'P' || src_[i + 1] == 'x') && i + 2 < n &&
               src_[i + 2] == '{') {
      const size_t e = src_.find('}', i + 3);
      end = e == std::string_view::npos ? n : e + 1;
    } else {
      end = i + 1 + text::DecodeAt(src_, i + 1).len;
    }
    out->append(src_.substr(i, end - i));
    return end;
  }

  // Copies the character class starting at src_[i] == '[' unchanged.
  size_t CopyClass(size_t i, std::string* out) {
    const size_t n = src_.size();
    size_t j = i + 1;
    if (j < n && src_[j] == '^') ++j;
    if (j < n && src_[j] == ']') ++j;  // a leading ']' is literal
    while (j < n) {
      const char c = src_[j];
      if (c == '\\') {
        std::string ignored;
        j = CopyEscape(j, &ignored);
      } else if (c == '[' && j + 1 < n && src_[j + 1] == ':') {
        const size_t e = src_.find(":]", j + 2);
        j = e == std::string_view::npos ? j + 1 : e + 2;
      } else if (c == ']') {
        ++j;
        break;
      } else {
        ++j;
      }
    }
    out->append(src_.substr(i, j - i));
    return j;
  }

  void Error(size_t offset, std::string message) {
    result_.errors.push_back({offset, std::move(message)});
  }

  // Handles the reference starting at src_[i] == '{' (followed by a letter or '_').
  size_t Reference(size_t i, std::string* out) {
    const size_t n = src_.size();
    size_t j = i + 1;
    while (j < n && IsNameChar(src_[j])) ++j;
    const std::string_view name = src_.substr(i + 1, j - i - 1);
    if (j == n) {
      Error(i, "unterminated {" + std::string(name) + ": missing '}'");
      return n;
    }
    if (src_[j] == '}') {
      PlainReference(i, name, out);
      return j + 1;
    }
    if (src_[j] != '=') {
      Error(j, "expected '}' or '=' after {" + std::string(name));
      const size_t close = src_.find('}', j);
      return close == std::string_view::npos ? n : close + 1;
    }
    const size_t body_begin = j + 1;
    std::string inner;
    const size_t end = Copy(body_begin, /*nested=*/true, &inner);
    if (end == n) {
      Error(i, "unterminated {" + std::string(name) + "=…: missing '}'");
      return n;
    }
    SlotAssignment(i, name, src_.substr(body_begin, end - body_begin), body_begin, inner, out);
    return end + 1;
  }

  // Appends macro `name` as (?:…); returns false (reporting at `at`) when it cannot.
  bool AppendMacro(size_t at, std::string_view name, std::string_view unknown_message,
                   std::string* out) {
    MacroLookup m = resolve_(name);
    switch (m.kind) {
      case MacroLookup::Kind::kFound:
        out->append("(?:");
        out->append(m.regex);
        out->push_back(')');
        return true;
      case MacroLookup::Kind::kUnknown:
        Error(at, std::string(unknown_message));
        return false;
      case MacroLookup::Kind::kFailed:
        result_.failed = true;
        return false;
      case MacroLookup::Kind::kCycle:
        Error(at, std::move(m.message));
        return false;
    }
    return false;
  }

  bool MarkSlot(size_t at, Slot slot) {
    bool& used = result_.slots[static_cast<int>(slot)];
    if (used) {
      Error(at, "slot " + std::string(SlotName(slot)) + " used more than once");
      return false;
    }
    used = true;
    return true;
  }

  void OpenGroup(Slot slot, std::string* out) {
    out->append("(?P<");
    out->append(SlotGroupName(slot));
    out->push_back('>');
  }

  void PlainReference(size_t i, std::string_view name, std::string* out) {
    const std::optional<Slot> slot = SlotFromName(name);
    if (context_ == PatternContext::kMacroBody || !slot) {
      if (slot == Slot::kQuote) {
        Error(i, "{QUOTE} is only allowed in rule patterns");
        return;
      }
      AppendMacro(i, name, "unknown macro or slot " + std::string(name), out);
      return;
    }
    if (!MarkSlot(i, *slot)) return;
    OpenGroup(*slot, out);
    if (*slot == Slot::kQuote) {
      out->append(kQuoteRegex);
    } else {
      const std::string n(name);
      AppendMacro(i, name,
                  "{" + n + "} needs a macro: define " + n + " = … (or write {" + n +
                      "=MACRO} or {" + n + "=inline RE2})",
                  out);
    }
    out->push_back(')');
  }

  void SlotAssignment(size_t i, std::string_view name, std::string_view raw, size_t raw_offset,
                      const std::string& inner, std::string* out) {
    const std::optional<Slot> slot = SlotFromName(name);
    if (context_ == PatternContext::kMacroBody) {
      Error(i, "slot assignment {" + std::string(name) + "=…} is only allowed in rule patterns");
      return;
    }
    if (!slot) {
      Error(i, "unknown slot " + std::string(name) + " (slots: QUOTE, SPEAKER, ROLE, CUE, CLAUSE)");
      return;
    }
    if (*slot == Slot::kQuote) {
      Error(i, "QUOTE takes no pattern: write {QUOTE}");
      return;
    }
    if (raw.empty()) {
      Error(i, "empty pattern for slot " + std::string(name));
      return;
    }
    if (!MarkSlot(i, *slot)) return;
    OpenGroup(*slot, out);
    if (IsMacroName(raw)) {
      AppendMacro(raw_offset, raw, "unknown macro " + std::string(raw), out);
    } else {
      out->append(inner);
    }
    out->push_back(')');
  }

  std::string_view src_;
  PatternContext context_;
  const MacroResolver& resolve_;
  Expansion result_;
};

}  // namespace

bool IsMacroName(std::string_view name) {
  if (name.empty() || !IsUpper(name[0])) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return IsUpper(c) || IsDigit(c) || c == '_'; });
}

std::string_view SlotGroupName(Slot slot) { return SlotName(slot); }

Expansion ExpandPattern(std::string_view source, PatternContext context,
                        const MacroResolver& resolve) {
  return Expander(source, context, resolve).Run();
}

}  // namespace whosaid::rules
