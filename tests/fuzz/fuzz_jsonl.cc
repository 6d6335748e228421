// libFuzzer target: io::JsonlReader over arbitrary bytes. Every line must give a document,
// an error naming its line, or be skipped; the reader must end, never throw or crash, and
// line numbers must increase.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "whosaid/io/jsonl_reader.h"
#include "fuzz_check.h"


extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using whosaid::io::JsonlReader;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  JsonlReader reader(in, "fuzz.jsonl");
  size_t lines = 1;
  for (size_t i = 0; i < size; ++i) lines += data[i] == '\n';
  size_t last = 0;
  for (size_t iter = 0;; ++iter) {
    FUZZ_CHECK(iter <= lines + 1);  // at most one result per line, then kEnd
    whosaid::io::InputDocument doc;
    whosaid::io::InputError err;
    auto kind = reader.Next(&doc, &err);
    if (kind == JsonlReader::Kind::kEnd) {
      FUZZ_CHECK(reader.Next(&doc, &err) == JsonlReader::Kind::kEnd);
      break;
    }
    if (kind == JsonlReader::Kind::kDocument) {
      FUZZ_CHECK(doc.line > last && doc.line <= lines);
      FUZZ_CHECK(!doc.id.empty() || true);
      FUZZ_CHECK(doc.meta.is_null() || doc.meta.is_object());
      last = doc.line;
      (void)doc.meta.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    } else {
      FUZZ_CHECK(err.line > last && err.line <= lines);
      FUZZ_CHECK(err.message.rfind("line ", 0) == 0);
      last = err.line;
    }
  }
  return 0;
}
