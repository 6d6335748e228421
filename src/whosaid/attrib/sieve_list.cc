#include "whosaid/attrib/sieve_list.h"

#include <charconv>
#include <set>

namespace whosaid::attrib {
namespace {

// The English pack's rules/en/sieves.list says the same (a test checks).
constexpr std::string_view kDefaultList = R"(
transcript        0.8
subject           0.4
continuation      0.6
adjacent          0.5
previous_subject  0.3
)";

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string KnownNames() {
  std::string names;
  for (std::string_view n : SieveNames()) names += (names.empty() ? "" : ", ") + std::string(n);
  return names;
}

}  // namespace

std::optional<std::vector<SieveStep>> ParseSieveList(std::string_view path, std::string_view text,
                                                     std::vector<rules::Diagnostic>* diagnostics) {
  std::vector<SieveStep> steps;
  std::set<std::string, std::less<>> seen;
  bool failed = false;
  const std::string file(path);
  auto error = [&](int line, size_t byte, std::string_view l, std::string message) {
    diagnostics->push_back(
        rules::Diagnostic::Error(file, line, rules::ColumnAt(l, byte), std::move(message)));
    failed = true;
  };
  int line_no = 0;
  for (size_t b = 0; b <= text.size();) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    const std::string_view line = text.substr(b, e - b);
    b = e + 1;
    ++line_no;
    // The line without its comment; then its words.
    std::string_view content = line.substr(0, line.find('#'));
    std::vector<std::pair<size_t, std::string_view>> words;  // byte offset, word
    for (size_t i = 0; i < content.size();) {
      while (i < content.size() && IsBlank(content[i])) ++i;
      const size_t start = i;
      while (i < content.size() && !IsBlank(content[i])) ++i;
      if (i > start) words.emplace_back(start, content.substr(start, i - start));
    }
    if (words.empty()) continue;
    const auto [name_at, name] = words[0];
    SieveStep step;
    step.name = std::string(name);
    step.run = FindSieve(name);
    if (!step.run) {
      error(line_no, name_at, line,
            "unknown sieve '" + step.name + "' (the sieves are " + KnownNames() + ")");
      continue;
    }
    if (!seen.insert(step.name).second) {
      error(line_no, name_at, line, "sieve '" + step.name + "' is listed twice");
      continue;
    }
    if (words.size() != 2) {
      error(line_no, words.size() < 2 ? line.size() : words[2].first, line,
            words.size() < 2 ? "sieve '" + step.name + "' needs a confidence (0 to 1) after it"
                             : "a line holds a sieve's name and its confidence, nothing more");
      continue;
    }
    const auto [conf_at, conf] = words[1];
    double value = -1;
    const auto [end, ec] = std::from_chars(conf.data(), conf.data() + conf.size(), value);
    if (ec != std::errc() || end != conf.data() + conf.size() || !(value >= 0 && value <= 1)) {
      error(line_no, conf_at, line,
            "confidence '" + std::string(conf) + "' is not a number from 0 to 1");
      continue;
    }
    step.confidence = value;
    steps.push_back(std::move(step));
  }
  if (failed) return std::nullopt;
  return steps;
}

std::vector<SieveStep> DefaultSieveSteps() {
  std::vector<rules::Diagnostic> none;
  return *ParseSieveList("", kDefaultList, &none);
}

}  // namespace whosaid::attrib
