#include "whosaid/rules/lexicon.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdio>
#include <map>

#include "whosaid/lexicon/list_file.h"
#include "whosaid/text/utf8.h"

namespace whosaid::rules {
std::string NormalizeLexiconEntry(std::string_view entry) { return lexicon::NormalizeEntry(entry); }

std::string Lexicon::Regex() const {
  std::string out;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (i > 0) out += '|';
    out += RE2::QuoteMeta(entries[i]);
  }
  return out;
}

namespace {

// Word characters of NotWordRegex: ASCII letters and the hyphen. A small alphabet keeps the
// automaton small enough for RE2's fast submatch engines.
bool IsWordCodePoint(char32_t cp) {
  return cp == '-' || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

// A class of the word characters other than `but`.
std::string WordClassExcept(const std::vector<char32_t>& but) {
  std::string out = "[";
  for (char32_t c = 0; c < 0x80; ++c) {
    if (!IsWordCodePoint(c) || std::find(but.begin(), but.end(), c) != but.end()) continue;
    if (c == '-') {
      out += "\\-";
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "]";
}

std::string CodePointRegex(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\x{%X}", static_cast<unsigned>(cp));
  return buf;
}

struct TrieNode {
  bool terminal = false;
  std::map<char32_t, TrieNode> children;
};

// A word that is not one of the trie's words, from `node` on (the characters before it match
// the path to `node`).
std::string NotInTrie(const TrieNode& node, bool root) {
  std::string out = "(?:";
  std::vector<char32_t> children;
  bool first = true;
  for (const auto& [cp, child] : node.children) {
    if (!first) out += '|';
    first = false;
    out += CodePointRegex(cp) + NotInTrie(child, false);
    children.push_back(cp);
  }
  if (!first) out += '|';
  out += WordClassExcept(children) + WordClassExcept({}) + "*";
  if (!root && !node.terminal) out += '|';
  out += ')';
  return out;
}

}  // namespace

std::string Lexicon::NotWordRegex() const {
  TrieNode root;
  for (std::string_view e : entries) {
    if (e.empty() || e.back() != '.') continue;
    e.remove_suffix(1);
    std::vector<char32_t> cps;
    bool word = !e.empty();
    for (size_t i = 0; word && i < e.size();) {
      const text::Decoded d = text::DecodeAt(e, i);
      if (!IsWordCodePoint(d.cp)) word = false;
      cps.push_back(d.cp);
      i += d.len;
    }
    if (!word) continue;
    TrieNode* n = &root;
    for (char32_t cp : cps) n = &n->children[cp];
    n->terminal = true;
  }
  return NotInTrie(root, true);
}

void SortLexiconEntries(std::vector<std::string>* entries) {
  std::sort(entries->begin(), entries->end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  entries->erase(std::unique(entries->begin(), entries->end()), entries->end());
}

Lexicon ParseLexicon(std::string_view path, std::string_view text,
                     std::vector<Diagnostic>* diagnostics) {
  Lexicon lex;
  lex.path = std::string(path);
  lex.entries = lexicon::ParseListFile(path, text, diagnostics);
  SortLexiconEntries(&lex.entries);
  return lex;
}

}  // namespace whosaid::rules
