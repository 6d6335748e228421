#include "cli/input_source.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <sstream>

#include "cli/jsonl_sniff.h"

namespace whosaid::cli {
namespace {

// Reads a whole stream, stopping after `limit` + 1 bytes so that a huge file is refused
// without being held in memory.
std::string ReadAll(std::istream& in, size_t limit, bool* too_big) {
  std::string out;
  char buf[1 << 16];
  *too_big = false;
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    out.append(buf, static_cast<size_t>(in.gcount()));
    if (out.size() > limit) {
      *too_big = true;
      break;
    }
  }
  return out;
}

}  // namespace

InputSource::InputSource(std::vector<std::string> inputs, InputMode mode, size_t max_doc_bytes)
    : inputs_(std::move(inputs)), mode_(mode), max_doc_bytes_(max_doc_bytes) {
  if (inputs_.empty()) inputs_.push_back("-");
}

std::optional<InputItem> InputSource::Next() {
  while (true) {
    if (mode_ == InputMode::kJsonl && reader_) {
      io::InputDocument doc;
      io::InputError err;
      switch (reader_->Next(&doc, &err)) {
        case io::JsonlReader::Kind::kDocument: {
          InputItem item;
          item.id = std::move(doc.id);
          item.bytes = std::move(doc.text);
          item.meta = std::move(doc.meta);
          item.where = reader_->source_name() + ": line " + std::to_string(doc.line);
          return item;
        }
        case io::JsonlReader::Kind::kError: {
          InputItem item;
          item.id = reader_->source_name() + ":" + std::to_string(err.line);
          item.error = reader_->source_name() + ": " + err.message;
          return item;
        }
        case io::JsonlReader::Kind::kEnd:
          reader_.reset();
          file_.reset();
          break;
      }
    }
    if (next_input_ >= inputs_.size()) return std::nullopt;
    const std::string& path = inputs_[next_input_++];
    std::istream* in = &std::cin;
    if (path != "-") {
      // A directory opens as a stream that fails on its first read ("read error").
      struct stat st {};
      if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
        InputItem item;
        item.id = path;
        item.error = path + ": is a directory, not a document (give the files in it, e.g. " +
                     (path.ends_with('/') ? path : path + "/") + "*.txt)";
        return item;
      }
      file_ = std::make_unique<std::ifstream>(path, std::ios::binary);
      if (!*file_) {
        InputItem item;
        item.id = path;
        item.error = path + ": cannot open: " + std::strerror(errno);
        file_.reset();
        return item;
      }
      in = file_.get();
    }
    if (mode_ == InputMode::kJsonl) {
      reader_ = std::make_unique<io::JsonlReader>(*in, path);
      continue;
    }
    InputItem item;
    item.id = path;
    bool too_big = false;
    item.bytes = ReadAll(*in, max_doc_bytes_, &too_big);
    if (in->bad()) item.error = path + ": read error: " + std::strerror(errno);
    if (too_big) {
      item.error = "document " + path + " is larger than the limit of " +
                   std::to_string(max_doc_bytes_) + " bytes (--max-doc-bytes)";
      item.bytes.clear();
    }
    // Read as text all the same (the user may mean it: a story about JSON), but say so.
    if (!item.error && LooksLikeJsonLines(path, item.bytes)) {
      item.warning = "document " + path +
                     " looks like JSON Lines (one {\"id\", \"text\"} per line) but is read as "
                     "one text document: give --input jsonl to read one story per line";
    }
    file_.reset();
    return item;
  }
}

}  // namespace whosaid::cli
