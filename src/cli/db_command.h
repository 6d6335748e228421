// `whosaid db …`: the quote database (src/whosaid/store) from the command line.
//
//   whosaid db ingest   --db F [FILE... | --input jsonl [FILE...]]   extract and store
//   whosaid db import   --db F RESULTS.jsonl...                      store earlier results
//   whosaid db search   --db F WORDS... [--speaker NAME] [--since DATE] [--format F]
//   whosaid db speakers --db F [--format F]
//   whosaid db quotes   --db F --speaker NAME [--since DATE] [--format F]
//   whosaid db export   --db F [--format jsonl|csv]
//   whosaid db migrate  --db F
//   whosaid db delete   --db F --doc ID...                            take stories out
//
// The db subcommands fall through to the main command's options, so `db ingest` takes the
// same extraction options (--rules, --all-marks, --no-indirect, --lenient, --paragraphs,
// -j, …) and every db command takes -o, -q and -v. The commands that write (ingest, import,
// migrate, delete) read the lexicon of the rule pack those options name (the built-in one,
// or --rules / --no-default-rules) for the words that tell which speakers the database
// shares across stories (store/speaker_scope.h).
#pragma once

#include <spdlog/logger.h>

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "cli/extract_options.h"

namespace whosaid::cli {

// What the db subcommands parse into. AddDbCommands() fills in the CLI::App pointers.
struct DbCommandOptions {
  CLI::App* db = nullptr;  // `whosaid db`; true (parsed) when a db command was given
  CLI::App* ingest = nullptr;
  CLI::App* import = nullptr;
  CLI::App* search = nullptr;
  CLI::App* speakers = nullptr;
  CLI::App* quotes = nullptr;
  CLI::App* export_ = nullptr;
  CLI::App* migrate = nullptr;
  CLI::App* delete_ = nullptr;

  std::string db_path;
  std::vector<std::string> files;    // ingest: documents; import: result files
  std::string input;                 // ingest: text or jsonl (empty: the main --input)
  size_t batch = 100;                // documents per transaction
  bool reextract = false;            // ingest: extract stories stored unchanged too
  double busy_timeout = 10;          // seconds to wait for another process's lock
  std::vector<std::string> doc_ids;  // delete
  std::vector<std::string> words;    // search
  std::string speaker;
  std::string since;
  size_t limit = 50;
  std::string format = "jsonl";
};

// Adds the `db` subcommand and its subcommands to `app`, parsing into `*options` (which
// must outlive `app`).
void AddDbCommands(CLI::App& app, DbCommandOptions* options);

// Runs the db subcommand that was parsed (call when *options.db is true). `extract` holds
// the main command's options (extraction settings, -o). Returns the exit code: 0 ok, 1 some
// documents failed, 2 usage, configuration or database error.
int RunDbCommand(const DbCommandOptions& options, const ExtractCommandOptions& extract,
                 spdlog::logger& log);

}  // namespace whosaid::cli
