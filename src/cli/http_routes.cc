#include "cli/http_routes.h"

#include <chrono>
#include <cstdio>
#include <optional>

#include "whosaid/serve/api_error.h"
#include "whosaid/text/char_class.h"

namespace whosaid::cli {
namespace {

using Clock = std::chrono::steady_clock;

serve::HttpRequest ToRequest(const httplib::Request& req, std::string body) {
  serve::HttpRequest r;
  r.method = req.method;
  r.path = req.path;
  for (const auto& [name, value] : req.params) r.params.emplace_back(name, value);
  for (const auto& [name, value] : req.headers) {
    r.headers.emplace(text::AsciiLower(name), value);
  }
  r.body = std::move(body);
  return r;
}

void Apply(serve::HttpResponse out, httplib::Response& res) {
  res.status = out.status;
  for (auto& [name, value] : out.headers) res.set_header(name, value);
  res.set_content(std::move(out.body), out.content_type);
}

void ApplyError(int status, std::string code, std::string message, httplib::Response& res) {
  serve::ApiError e;
  e.status = status;
  e.error = std::move(code);
  e.message = std::move(message);
  Apply(e.ToResponse(), res);
}

}  // namespace

void InstallRoutes(httplib::Server& server, serve::Service& service,
                   const HttpRouteOptions& options, std::shared_ptr<spdlog::logger> access_log) {
  const std::string cors = options.cors;
  auto add_cors = [cors](const httplib::Request& req, httplib::Response& res) {
    if (cors.empty()) return;
    if (cors == "*") {
      res.set_header("Access-Control-Allow-Origin", "*");
    } else if (req.get_header_value("Origin") == cors) {
      res.set_header("Access-Control-Allow-Origin", cors);
      res.set_header("Vary", "Origin");
    }
  };
  auto timing = [](Clock::time_point start, httplib::Response& res) {
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    char buf[48];
    std::snprintf(buf, sizeof buf, "app;dur=%.1f", ms);
    res.set_header("Server-Timing", buf);
  };

  auto handle = [&service, add_cors, timing](const httplib::Request& req, httplib::Response& res) {
    const auto start = Clock::now();
    Apply(service.Handle(ToRequest(req, req.body)), res);
    add_cors(req, res);
    timing(start, res);
  };
  const double body_timeout = options.body_timeout;
  const size_t limit = options.max_body;
  auto handle_body = [&service, add_cors, timing, body_timeout, limit](
                         const httplib::Request& req, httplib::Response& res,
                         const httplib::ContentReader& content_reader) {
    const auto start = Clock::now();
    std::optional<serve::Admission::Ticket> ticket;
    if (serve::Service::Extracts(req.method, req.path)) {
      ticket = service.admission().TryEnter();
      if (!ticket) {
        ApplyError(503, "busy", "every worker is busy and the queue is full; try again shortly",
                   res);
        res.set_header("Retry-After", "1");
        res.set_header("Connection", "close");
        add_cors(req, res);
        return;
      }
    }
    std::string body;
    bool too_big = false, too_slow = false;
    const auto deadline = start + std::chrono::duration<double>(body_timeout);
    const bool read = content_reader([&](const char* data, size_t n) {
      if (body.size() + n > limit) {
        too_big = true;
        return false;
      }
      if (Clock::now() > deadline) {
        too_slow = true;
        return false;
      }
      body.append(data, n);
      return true;
    });
    if (too_big || res.status == 413) {
      ApplyError(413, "body_too_large",
                 "the request body is larger than --max-body (" + std::to_string(limit) +
                     " bytes); send fewer stories per request",
                 res);
      res.set_header("Connection", "close");
    } else if (too_slow) {
      ApplyError(408, "body_timeout", "the request body took longer than --body-timeout", res);
      res.set_header("Connection", "close");
    } else if (!read) {
      ApplyError(400, "body_unreadable", "the request body could not be read", res);
      res.set_header("Connection", "close");
    } else {
      Apply(service.Handle(ToRequest(req, std::move(body))), res);
    }
    add_cors(req, res);
    timing(start, res);
  };
  server.Get(".*", handle);
  server.Delete(".*", handle);
  server.Post(".*", handle_body);
  server.Put(".*", handle_body);
  server.Patch(".*", handle_body);
  server.Options(".*", [cors, add_cors](const httplib::Request& req, httplib::Response& res) {
    res.status = 204;
    add_cors(req, res);
    if (!cors.empty()) {
      res.set_header("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS");
      res.set_header("Access-Control-Allow-Headers", "Content-Type, Accept");
      res.set_header("Access-Control-Max-Age", "600");
    }
  });
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    // Errors httplib finds itself (a malformed request line, 413 on Content-Length, …)
    // get a JSON body too, unless a handler already wrote one.
    if (!res.body.empty()) return;
    const int status = res.status;
    ApplyError(status, status == 413 ? "body_too_large" : "http_error",
               status == 413 ? "the request body is larger than --max-body"
                             : "HTTP error " + std::to_string(status),
               res);
  });
  server.set_logger(
      [access = std::move(access_log)](const httplib::Request& req, const httplib::Response& res) {
        std::string target = req.path;
        if (!req.params.empty()) {
          char sep = '?';
          for (const auto& [k, v] : req.params) {
            target += sep + k + "=" + v;
            sep = '&';
          }
        }
        access->info("{} \"{} {}\" {} {} bytes {}", req.remote_addr, req.method, target, res.status,
                     res.body.size(), res.get_header_value("Server-Timing"));
      });
}

}  // namespace whosaid::cli
