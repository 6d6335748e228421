// The web service on cpp-httplib: every request goes to serve::Service::Handle (the routes
// live there), with what only the HTTP layer can do around it: admission before an
// extracting request's body is read (503 + Retry-After when full), the body limits
// (--max-body: 413; --body-timeout: 408), CORS, a Server-Timing header, JSON bodies for the
// errors httplib finds itself, and the access log.
#pragma once

#include <httplib.h>
#include <spdlog/logger.h>

#include <cstddef>
#include <memory>
#include <string>

#include "whosaid/serve/service.h"

namespace whosaid::cli {

struct HttpRouteOptions {
  size_t max_body = size_t{16} << 20;  // bytes
  double body_timeout = 120;           // seconds a whole body may take
  std::string cors;                    // an allowed origin, "*", or empty for none
};

// Installs the handlers on `server`. `service` and `access_log` must outlive it.
void InstallRoutes(httplib::Server& server, serve::Service& service,
                   const HttpRouteOptions& options, std::shared_ptr<spdlog::logger> access_log);

}  // namespace whosaid::cli
