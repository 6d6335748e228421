// What the service sees of an HTTP exchange, independent of the server library: the
// handlers take an HttpRequest and return an HttpResponse, so the unit tests call them
// directly and only src/cli/serve_command.cc knows cpp-httplib.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace whosaid::serve {

// Query parameters in the order given; a name may repeat.
using QueryParams = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method;  // "GET", "POST", …
  std::string path;    // without the query string
  QueryParams params;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;

  // The header's value, or "" when absent. `name` in lower case.
  std::string_view Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string_view() : std::string_view(it->second);
  }
};

struct HttpResponse {
  int status = 200;
  std::string content_type;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
};

}  // namespace whosaid::serve
