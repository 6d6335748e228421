#pragma once

#include <string>
#include <vector>

#include "whosaid/extractor.h"
#include "whosaid/output/formatter.h"
#include "whosaid/text/document.h"

namespace whosaid::cli {

enum class InputMode { kText, kJsonl };

struct ExtractCommandOptions {
  std::vector<std::string> inputs;  // files; "-" is stdin; empty means stdin
  InputMode input = InputMode::kText;
  output::Format format = output::Format::kJsonl;
  output::FormatterOptions formatter;
  bool html = false;  // --format html: `format` is kJson, written inside the viewer page
  text::DocumentOptions document;
  ExtractorOptions extractor;
  std::string output_path;  // empty: stdout
  int jobs = 1;
};

}  // namespace whosaid::cli
