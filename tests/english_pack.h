// The English pack's lexicon and the quote-scanner options it gives, loaded once from
// rules/en for the tests that need the pack's word lists without a whole extractor.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "whosaid/entities/word_list.h"
#include "whosaid/quotes/scanner.h"

namespace whosaid::testing {

inline const entities::Lexicons& EnglishLexicons() {
  static const entities::Lexicons lexicons = [] {
    auto lex = entities::Lexicons::Load(std::string(WHOSAID_SOURCE_DIR) + "/rules/en/lexicon");
    REQUIRE(lex.ok());
    return *std::move(lex);
  }();
  return lexicons;
}

inline const quotes::ScannerOptions& EnglishScannerOptions() {
  static const quotes::ScannerOptions options = [] {
    quotes::ScannerOptions o;
    EnglishLexicons().ToScannerOptions(&o);
    return o;
  }();
  return options;
}

}  // namespace whosaid::testing
