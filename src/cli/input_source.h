// Where documents come from: text files (one document each, id = path, "-" = stdin) or
// JSONL streams (one document per line). Items are produced one at a time so that a
// stream of any size runs in bounded memory.
#pragma once

#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/extract_options.h"
#include "whosaid/io/jsonl_reader.h"

namespace whosaid::cli {

struct InputItem {
  std::string id;
  std::string bytes;                 // the document text (raw bytes for text files)
  nlohmann::json meta;               // JSONL fields other than id and text, or null
  std::optional<std::string> error;  // set when this item could not be read
  std::string where;                 // "stories.jsonl: line 7" for a JSONL record, else empty
  std::string warning;               // e.g. a text document that looks like JSON Lines
};

class InputSource {
 public:
  InputSource(std::vector<std::string> inputs, InputMode mode, size_t max_doc_bytes);
  // The next item, or nullopt at the end of all inputs.
  std::optional<InputItem> Next();

 private:
  bool OpenNext(InputItem* error);
  std::vector<std::string> inputs_;
  InputMode mode_;
  size_t max_doc_bytes_;
  size_t next_input_ = 0;
  std::unique_ptr<std::ifstream> file_;
  std::unique_ptr<io::JsonlReader> reader_;
};

}  // namespace whosaid::cli
