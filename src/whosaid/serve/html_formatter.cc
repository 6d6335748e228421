#include "whosaid/serve/html_formatter.h"

#include "whosaid/output/json_escape.h"
#include "whosaid/serve/page.h"

namespace whosaid::serve {
namespace {

class HtmlFormatter final : public output::Formatter {
 public:
  explicit HtmlFormatter(output::FormatterOptions options)
      : json_(output::Formatter::Create(output::Format::kJson, options)),
        page_(PageAround(R"({"mode":"static"})")) {}

  std::string Header() const override { return page_.before + json_->Header(); }
  std::string Footer() const override { return json_->Footer() + page_.after; }

  std::string FormatDocument(const text::Document& doc, const nlohmann::json* meta,
                             const ExtractResult& result, bool first) const override {
    std::string object = json_->FormatDocument(doc, meta, result, /*first=*/true);
    std::string out = first ? "" : ",\n";
    out.append("{\"text\":");
    output::AppendJsonString(out, doc.Slice({0, static_cast<uint32_t>(doc.size())}));
    out.push_back(',');
    out.append(object, 1);  // without its "{"
    return EscapeJsonForScript(out);
  }

 private:
  std::unique_ptr<output::Formatter> json_;
  PageParts page_;
};

}  // namespace

std::unique_ptr<output::Formatter> CreateHtmlFormatter(output::FormatterOptions options) {
  options.per_document = false;
  return std::make_unique<HtmlFormatter>(options);
}

}  // namespace whosaid::serve
