#include "whosaid/serve/page.h"

namespace whosaid::serve {
namespace {

void ReplaceOnce(std::string& s, std::string_view marker, std::string_view with) {
  const size_t at = s.find(marker);
  if (at != std::string::npos) s.replace(at, marker.size(), with);
}

}  // namespace

std::string EscapeJsonForScript(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<') {
      out.append("\\u003c");
    } else {
      out.push_back(c);
    }
  }
  return out;
}

PageParts PageAround(std::string_view config_json) {
  std::string page(AssetBytes("index.html"));
  // The config and the script first: the CSS and JS may not contain the markers, but are
  // inserted last so that nothing inside them is taken for one.
  ReplaceOnce(page, "<!--whosaid:config-->", EscapeJsonForScript(config_json));
  const size_t data = page.find("<!--whosaid:data-->");
  PageParts parts;
  parts.before = page.substr(0, data);
  parts.after = data == std::string::npos ? "" : page.substr(data + 19);
  ReplaceOnce(parts.before, "/*whosaid:css*/", AssetBytes("app.css"));
  ReplaceOnce(parts.after, "/*whosaid:js*/", AssetBytes("app.js"));
  return parts;
}

}  // namespace whosaid::serve
