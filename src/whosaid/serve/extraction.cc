#include "whosaid/serve/extraction.h"

#include "whosaid/attrib/attributor.h"
#include "whosaid/quotes/scanner.h"

namespace whosaid::serve {

ExtractResult ExtractWith(const Extractor& extractor, const text::Document& doc,
                          const ExtractParams& params) {
  attrib::AttributorOptions options = extractor.options().attribution;
  options.all_marks = params.all_marks;
  options.indirect = params.indirect;
  options.keep_slots = params.explain;
  const attrib::Attributor attributor(extractor.rules(), extractor.lexicons(), options);
  text::Segmentation seg = extractor.segmenter().Segment(doc.text());
  std::vector<quotes::QuoteSpan> spans =
      quotes::ScanQuotes(doc.text(), seg, extractor.options().scanner);
  return attributor.Attribute(doc, seg, std::move(spans));
}

}  // namespace whosaid::serve
