#include "cli/serve_command.h"

#include <httplib.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <sys/socket.h>

#include <chrono>
#include <cstdio>

#include "cli/app.h"
#include "cli/http_routes.h"
#include "cli/signal_watcher.h"
#include "cli/worker_extractors.h"
#include "whosaid/serve/rules_hash.h"
#include "whosaid/serve/service.h"

namespace whosaid::cli {
namespace {

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
  // A unit: none or B (bytes), else K, M or G, each alone or followed by B or iB.
  std::string unit = s.substr(i);
  for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (unit.size() == 3 && unit[1] == 'I' && unit[2] == 'B') unit.resize(1);
  if (unit.size() == 2 && unit[0] != 'B' && unit[1] == 'B') unit.resize(1);
  if (unit.size() > 1) return std::nullopt;
  int shift = -1;
  switch (unit.empty() ? 'B' : unit[0]) {
    case 'B':
      shift = 0;
      break;
    case 'K':
      shift = 10;
      break;
    case 'M':
      shift = 20;
      break;
    case 'G':
      shift = 30;
      break;
  }
  if (shift < 0) return std::nullopt;
  const size_t mult = size_t{1} << shift;
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

  // The rules: one Extractor, shared by every worker (Extract is thread-safe). Measured
  // against one per worker (as the CLI's -j has): as fast or faster, less CPU per request
  // (README, Web service).
  const int workers = std::max(1, extract.jobs);
  auto extractor = WorkerExtractors::Create(extract.extractor, 1, log);  // logs rule errors
  if (!extractor) return kExitUsage;
  std::vector<const Extractor*> lent(static_cast<size_t>(workers), &extractor->For(0));
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
  // httplib's default sets SO_REUSEPORT, with which a second server on the same port starts
  // and silently shares it; SO_REUSEADDR alone still allows a restart during TIME_WAIT.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });

  HttpRouteOptions routes;
  routes.max_body = *max_body;
  routes.body_timeout = o.body_timeout;
  routes.cors = o.cors;
  InstallRoutes(server, service, routes, access);

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
