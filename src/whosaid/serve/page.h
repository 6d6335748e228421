// The quote viewer page: one HTML document with its CSS and JavaScript inlined (no CDN, no
// other request), built from src/whosaid/serve/assets/ compiled into the program. The same
// page is the service's GET / (it sends stories to /v1/extract) and the file `whosaid
// --format html` writes (the stories and their records embedded as JSON).
#pragma once

#include <string>
#include <string_view>

namespace whosaid::serve {

// A compiled-in asset by file name ("app.js", "openapi.json"); empty when unknown.
std::string_view AssetBytes(std::string_view name);

// The page around its data: `before` + DATA + `after`, where DATA is a JSON array of
// documents ({"doc","text","quotes","speakers"[,"meta"]}, as --format json writes them plus
// the text) and `config` a JSON object for the script: {"mode":"server","database":true} or
// {"mode":"static"}.
struct PageParts {
  std::string before, after;
};
PageParts PageAround(std::string_view config_json);

// `json` made safe to place inside <script>: every "<" written as \u003c (it can only occur
// inside JSON strings, where the escape means the same).
std::string EscapeJsonForScript(std::string_view json);

}  // namespace whosaid::serve
