// `whosaid rules tokens`: the token stream of a text as token rules see it, for rule writers.
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>

#include "cli/app.h"
#include "cli/rules_command.h"
#include "whosaid/rules/file_io.h"
#include "whosaid/text/document.h"
#include "whosaid/text/possessive.h"
#include "whosaid/text/utf8.h"
#include "whosaid/tokenrules/alphabet.h"

namespace whosaid::cli {
namespace {

const char* KindName(text::TokenKind kind) {
  switch (kind) {
    case text::TokenKind::kWord:
      return "word";
    case text::TokenKind::kNumber:
      return "number";
    case text::TokenKind::kPunct:
      return "punct";
    case text::TokenKind::kQuoteMark:
      return "quote-mark";
    case text::TokenKind::kParagraphBreak:
      return "paragraph";
  }
  return "?";
}

// The shape as the rule language writes it (Cap lower UPPER Num), "-" for none.
const char* ShapeName(text::Shape shape) {
  switch (shape) {
    case text::Shape::kCapitalized:
      return "Cap";
    case text::Shape::kLower:
      return "lower";
    case text::Shape::kUpper:
      return "UPPER";
    case text::Shape::kMixed:
      return "mixed";
    case text::Shape::kDigits:
      return "Num";
    case text::Shape::kNone:
      return "-";
  }
  return "?";
}

// One line per token: "BEGIN-END  TEXT  KIND SHAPE [Poss] [SENT] @list @list".
void PrintTokens(std::string_view text, const text::Segmentation& seg, std::FILE* out) {
  for (size_t i = 0; i < seg.tokens.size(); ++i) {
    const text::Token& tok = seg.tokens[i];
    std::string word(text.substr(tok.span.begin, tok.span.size()));
    if (tok.kind == text::TokenKind::kParagraphBreak) word = "¶";
    std::string line = std::to_string(tok.span.begin) + "-" + std::to_string(tok.span.end);
    line.resize(std::max<size_t>(line.size() + 2, 12), ' ');
    line += word;
    // Columns by characters, not bytes.
    const size_t width = 12 + text::CountCodePoints(word);
    line.append(width < 34 ? 34 - width : 2, ' ');
    line += KindName(tok.kind);
    line += ' ';
    line += ShapeName(tok.shape);
    if (tok.kind == text::TokenKind::kWord && text::IsPossessiveWord(word)) line += " Poss";
    if (tok.sentence_start) line += " SENT";
    const uint64_t lists = seg.TokenLists(i);
    for (size_t l = 0; seg.lexicon && l < seg.lexicon->list_count(); ++l) {
      if ((lists >> l) & 1u) line += " @" + seg.lexicon->Name(static_cast<lexicon::ListId>(l));
    }
    std::fprintf(out, "%s\n", line.c_str());
  }
}

}  // namespace

int RunRulesTokens(const std::vector<std::string>& paths, const ExtractorOptions& base,
                   spdlog::logger& log) {
  std::vector<rules::Diagnostic> diagnostics;
  auto extractor = Extractor::Create(base, &diagnostics);
  for (const auto& d : diagnostics) log.error("{}", d.ToString());
  if (!extractor.ok()) {
    log.error("{}", extractor.status().message());
    return kExitUsage;
  }
  std::vector<std::string> files = paths;
  if (files.empty()) files.push_back("-");
  int rc = kExitOk;
  for (const std::string& path : files) {
    std::string bytes;
    if (path == "-") {
      std::stringstream in;
      in << std::cin.rdbuf();
      bytes = in.str();
    } else {
      Result<std::string> read = rules::ReadWholeFile(path);
      if (!read.ok()) {
        log.error("cannot read {}: {}", path, read.status().message());
        rc = kExitSomeFailed;
        continue;
      }
      bytes = std::move(read).value();
    }
    auto doc = text::Document::FromBytes(path, std::move(bytes), {});
    if (!doc.ok()) {
      log.error("document {}: {}", path, doc.status().message());
      rc = kExitSomeFailed;
      continue;
    }
    if (files.size() > 1) std::printf("== %s\n", path.c_str());
    const std::string_view t = doc->text();
    PrintTokens(t, (*extractor)->segmenter().Segment(t), stdout);
  }
  return rc;
}

}  // namespace whosaid::cli
