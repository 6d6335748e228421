#include "cli/serve_command.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <spdlog/sinks/stdout_sinks.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include "cli/app.h"
#include "cli/worker_extractors.h"
#include "whosaid/serve/api_error.h"
#include "whosaid/serve/rules_hash.h"
#include "whosaid/serve/service.h"

namespace whosaid::cli {
namespace {

using Clock = std::chrono::steady_clock;

serve::HttpRequest ToRequest(const httplib::Request& req, std::string body) {
  serve::HttpRequest r;
  r.method = req.method;
  r.path = req.path;
  for (const auto& [name, value] : req.params) r.params.emplace_back(name, value);
  for (const auto& [name, value] : req.headers) {
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers.emplace(std::move(lower), value);
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

// The signals that stop the server are blocked in every thread (the server's threads are
// created after this) and taken by one thread with sigtimedwait, so no handler and no
// global state is needed. It polls `done` to end when the server stops for another reason.
class SignalWatcher {
 public:
  SignalWatcher() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGTERM);
    sigaddset(&set_, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set_, nullptr);
  }
  void Start(httplib::Server& server, spdlog::logger& log) {
    thread_ = std::thread([this, &server, &log] {
      const timespec wait{0, 200 * 1000 * 1000};
      bool stopping = false;
      while (!done_.load()) {
        const int sig = sigtimedwait(&set_, nullptr, &wait);
        if (sig != SIGTERM && sig != SIGINT) continue;
        const char* name = sig == SIGTERM ? "SIGTERM" : "SIGINT";
        if (stopping) {
          log.info("{}: already stopping; waiting for the requests in flight", name);
          continue;
        }
        log.info("{}: finishing the requests in flight, then stopping", name);
        server.stop();
        stopping = true;
      }
    });
  }
  // The signals stay blocked: one that comes while the process exits is not a kill.
  ~SignalWatcher() {
    done_.store(true);
    if (thread_.joinable()) thread_.join();
  }

 private:
  sigset_t set_;
  std::atomic<bool> done_{false};
  std::thread thread_;
};

std::shared_ptr<spdlog::logger> AccessLogger(const spdlog::logger& main_log) {
  auto sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  auto log = std::make_shared<spdlog::logger>("whosaid-serve", sink);
  log->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ whosaid: %v", spdlog::pattern_time_type::utc);
  // -q keeps errors only; otherwise the access log (info) is on.
  log->set_level(main_log.level() >= spdlog::level::err     ? spdlog::level::err
                 : main_log.level() <= spdlog::level::debug ? spdlog::level::debug
                                                            : spdlog::level::info);
  log->flush_on(spdlog::level::trace);
  return log;
}

}  // namespace

std::optional<size_t> ParseByteSize(const std::string& s) {
  size_t i = 0;
  size_t n = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    if (n > (SIZE_MAX - 9) / 10) return std::nullopt;
    n = n * 10 + static_cast<size_t>(s[i] - '0');
    ++i;
  }
  if (i == 0) return std::nullopt;
  std::string unit = s.substr(i);
  for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  size_t mult = 1;
  if (unit.empty() || unit == "B") {
    mult = 1;
  } else if (unit == "K" || unit == "KB" || unit == "KIB") {
    mult = size_t{1} << 10;
  } else if (unit == "M" || unit == "MB" || unit == "MIB") {
    mult = size_t{1} << 20;
  } else if (unit == "G" || unit == "GB" || unit == "GIB") {
    mult = size_t{1} << 30;
  } else {
    return std::nullopt;
  }
  if (n > SIZE_MAX / mult) return std::nullopt;
  return n * mult;
}

void AddServeCommand(CLI::App& app, ServeCommandOptions* o) {
  o->serve = app.add_subcommand(
      "serve",
      "Run the web service: POST /v1/extract, the quote viewer page at /, and with --db the "
      "quote database's search (see /v1/openapi.json)");
  o->serve->fallthrough();
  o->serve->add_option("--host", o->host, "Address to listen on (loopback by default)")
      ->capture_default_str();
  o->serve->add_option("--port", o->port, "Port to listen on; 0: any free port (printed)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  o->serve->add_option("--db", o->db_path,
                       "Quote database (SQLite) for /v1/search, /v1/speakers, /v1/quotes and "
                       "/v1/ingest; created when missing");
  o->serve
      ->add_option("--max-body", o->max_body,
                   "Largest request body (e.g. 16MB, 512KB); larger gets 413")
      ->capture_default_str();
  o->serve
      ->add_option("--queue", o->queue,
                   "Extracting requests that may wait for a worker before more get 503 "
                   "(default: 4 per worker)")
      ->check(CLI::NonNegativeNumber);
  o->serve->add_option("--cors", o->cors,
                       "Allow pages from this origin (e.g. https://desk.example.org, or *) to "
                       "call the API");
  o->serve
      ->add_option("--read-timeout", o->read_timeout,
                   "Seconds a client may send nothing before it is cut off")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  o->serve
      ->add_option("--body-timeout", o->body_timeout,
                   "Seconds a whole request body may take to arrive")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  o->serve
      ->add_option("--busy-timeout", o->busy_timeout,
                   "Seconds to wait while another process holds the database locked")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
}

int RunServe(const ServeCommandOptions& o, const ExtractCommandOptions& extract,
             spdlog::logger& log) {
  const auto max_body = ParseByteSize(o.max_body);
  if (!max_body || *max_body == 0) {
    log.error("--max-body {}: not a size (e.g. 16MB, 512KB, 1000000)", o.max_body);
    return kExitUsage;
  }
  auto access = AccessLogger(log);

  // The rules: an extractor per worker, compiled at the same time (worker_extractors.h).
  const int workers = std::max(1, extract.jobs);
  auto extractors = WorkerExtractors::Create(extract.extractor, workers, log);
  if (!extractors) return kExitUsage;
  std::vector<const Extractor*> lent;
  for (int w = 0; w < workers; ++w) lent.push_back(&extractors->For(w));
  std::vector<std::string> rule_paths;
  if (extract.extractor.default_rules) {
    auto dir = Extractor::DefaultRulesDir(extract.extractor);
    if (dir.ok()) rule_paths.push_back(*dir);
  }
  for (const auto& p : extract.extractor.rule_paths) rule_paths.push_back(p);
  auto hash = serve::RulePackHash(rule_paths);
  if (!hash.ok()) {
    log.error("{}", hash.status().message());
    return kExitUsage;
  }

  serve::ServiceConfig config;
  config.version = WHOSAID_VERSION;
  config.rules_hash = *hash;
  config.db_path = o.db_path;
  config.busy_timeout_ms = static_cast<int>(o.busy_timeout * 1000);
  config.queue = static_cast<size_t>(o.queue >= 0 ? o.queue : workers * 4);
  auto created = serve::Service::Create(std::move(lent), config);
  if (!created.ok()) {
    log.error("{}", created.status().message());
    return kExitUsage;
  }
  serve::Service& service = **created;

  SignalWatcher signals;  // before the server starts its threads
  httplib::Server server;
  // Threads for connections (an idle keep-alive connection holds one for up to 5 s): every
  // admitted extraction, plus room for health checks, searches and the page meanwhile.
  const size_t threads = std::max<size_t>(service.admission().capacity() + 8, 16);
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_payload_max_length(*max_body);
  server.set_read_timeout(std::chrono::milliseconds(static_cast<int64_t>(o.read_timeout * 1000)));
  server.set_write_timeout(std::chrono::seconds(30));
  server.set_keep_alive_timeout(5);
  server.set_keep_alive_max_count(1000);
  // Headers and body go out in separate writes: without this, Nagle holds the body back
  // until the client acknowledges the headers, which a delayed ACK puts off by 40 ms.
  server.set_tcp_nodelay(true);

  const std::string cors = o.cors;
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
  const double body_timeout = o.body_timeout;
  const size_t limit = *max_body;
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
  server.set_logger([access](const httplib::Request& req, const httplib::Response& res) {
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

  int port = o.port;
  if (port == 0) {
    port = server.bind_to_any_port(o.host);
    if (port < 0) {
      log.error("cannot listen on {} (any port)", o.host);
      return kExitUsage;
    }
  } else if (!server.bind_to_port(o.host, port)) {
    log.error("cannot listen on {}:{}: the address is in use or not this machine's", o.host, port);
    return kExitUsage;
  }
  const bool v6 = o.host.find(':') != std::string::npos;
  std::printf("whosaid: listening on http://%s%s%s:%d/ (%d worker%s%s)\n", v6 ? "[" : "",
              o.host.c_str(), v6 ? "]" : "", port, workers, workers == 1 ? "" : "s",
              o.db_path.empty() ? "" : (", database " + o.db_path).c_str());
  std::fflush(stdout);
  signals.Start(server, *access);
  const bool ok = server.listen_after_bind();
  access->info("stopped");
  return ok || !server.is_running() ? kExitOk : kExitUsage;
}

}  // namespace whosaid::cli
