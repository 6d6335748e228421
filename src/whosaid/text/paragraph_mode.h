// How a document's text is cut into paragraphs.
#pragma once

namespace whosaid::text {

enum class ParagraphMode {
  kAuto,       // blank lines when the text has any, else every line break (the default)
  kBlankLine,  // paragraphs are separated by one or more blank lines
  kLineBreak,  // every line break starts a paragraph
};

}  // namespace whosaid::text
