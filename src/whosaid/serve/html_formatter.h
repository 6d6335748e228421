// `whosaid --format html`: the quote viewer page (page.h) as one standalone file, with each
// story's text and records embedded. The records are those of --format json (the same
// bytes), each document object with "text" added first.
#pragma once

#include <memory>

#include "whosaid/output/formatter.h"

namespace whosaid::serve {

// A Formatter whose Header/Footer are the page around a JSON array and whose documents
// are --format json's objects (the writer adds JSON's ",\n" separators as for json).
std::unique_ptr<output::Formatter> CreateHtmlFormatter(output::FormatterOptions options);

}  // namespace whosaid::serve
