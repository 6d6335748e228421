#include "whosaid/serve/extraction.h"

namespace whosaid::serve {

ExtractResult ExtractWith(const Extractor& extractor, const text::Document& doc,
                          const ExtractParams& params) {
  attrib::AttributorOptions options = extractor.options().attribution;
  options.all_marks = params.all_marks;
  options.indirect = params.indirect;
  options.keep_slots = params.explain;
  return extractor.Extract(doc, options);
}

}  // namespace whosaid::serve
