// `whosaid serve`: the web service (src/whosaid/serve) on cpp-httplib.
//
//   whosaid serve [--host 127.0.0.1] [--port 8080] [--db FILE] [-j N] [--max-body 16MB]
//                 [--queue N] [--cors ORIGIN] [--read-timeout S] [--body-timeout S]
//
// The main command's extraction options fall through (--rules, --no-default-rules,
// --paragraphs, …; -j is the number of requests extracting at once).
// SIGTERM or SIGINT: stop accepting, finish the requests in flight, exit 0.
#pragma once

#include <spdlog/logger.h>

#include <CLI/CLI.hpp>
#include <cstddef>
#include <string>

#include "cli/extract_options.h"

namespace whosaid::cli {

struct ServeCommandOptions {
  CLI::App* serve = nullptr;  // parsed when `whosaid serve` was given
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (printed at start)
  std::string db_path;
  std::string max_body = "16MB";
  int queue = -1;             // extracting requests that may wait; -1: 4 per worker
  std::string cors;           // an allowed origin, or "*"
  double read_timeout = 10;   // seconds without a byte from a client before it is cut off
  double body_timeout = 120;  // seconds a whole request body may take
  double busy_timeout = 10;   // seconds to wait for the database's lock
};

void AddServeCommand(CLI::App& app, ServeCommandOptions* options);

// Runs the server until SIGTERM/SIGINT. Returns 0, or 2 when it cannot start (a bad
// option, the port taken, the database unusable).
int RunServe(const ServeCommandOptions& options, const ExtractCommandOptions& extract,
             spdlog::logger& log);

// "16MB", "512KB", "1GiB", "1000": bytes (K/M/G are 1024-based), or nullopt.
std::optional<size_t> ParseByteSize(const std::string& s);

}  // namespace whosaid::cli
