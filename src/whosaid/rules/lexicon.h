// Lexicons: word lists (`*.lst`) that macros use as `define CUE = @lexicon/cue_verbs.lst`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "whosaid/rules/diagnostic.h"

namespace whosaid::rules {

// A word list as a rule macro uses it, read by the one list reader (lexicon/list_file.h:
// one entry a line, `#` comments, entries normalized as windows are). Matching is exact
// (case-sensitive); a rule can wrap the macro in (?i:…).
struct Lexicon {
  std::string path;
  // Normalized entries, without duplicates, longest (in bytes) first, ties in byte order.
  std::vector<std::string> entries;

  // RE2 text matching any entry: the entries, RE2::QuoteMeta-escaped, as an alternation in
  // `entries` order, so that with leftmost-first matching a longer entry wins over its
  // prefix ("said on" before "said"). Not wrapped in a group.
  std::string Regex() const;

  // RE2 text for `define NAME = @!list.lst`: one word that, with a period after it, is not an
  // entry, so that `{NAME}[.]` is a word and a period that ends no abbreviation of the list
  // ("Mr." and "Sen." entries keep "Mr" and "Sen" out; entries without a final period keep
  // nothing out). A word is a non-empty run of ASCII letters and hyphens (a small alphabet
  // keeps the automaton small), so an entry with an inner period ("U.S.") or a letter
  // outside ASCII keeps nothing out either: no such word is matched. Not wrapped in a group.
  // It should stand between characters that are not word characters.
  std::string NotWordRegex() const;
};

// Parses `text`, the content of lexicon file `path`. A line that is not valid UTF-8 is an
// error (appended to *diagnostics, which may be null) and is skipped.
Lexicon ParseLexicon(std::string_view path, std::string_view text,
                     std::vector<Diagnostic>* diagnostics);

// Sorts entries as Lexicon::entries (longest first, ties in byte order) and drops duplicates.
void SortLexiconEntries(std::vector<std::string>* entries);

// The normalized form of one lexicon entry (see Lexicon).
std::string NormalizeLexiconEntry(std::string_view entry);

}  // namespace whosaid::rules
