#include "cli/app.h"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <thread>

#include "cli/db_command.h"
#include "cli/extract_command.h"
#include "cli/rules_command.h"
#include "cli/serve_command.h"

namespace whosaid::cli {
namespace {

std::shared_ptr<spdlog::logger> MakeLogger(bool quiet, bool verbose) {
  auto sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>(spdlog::color_mode::never);
  auto log = std::make_shared<spdlog::logger>("whosaid", sink);
  log->set_pattern("whosaid: %l: %v");
  log->set_level(quiet ? spdlog::level::err : verbose ? spdlog::level::debug : spdlog::level::warn);
  return log;
}

}  // namespace

int Main(int argc, char** argv) {
  CLI::App app{
      "whosaid: extracts quotations from news stories, with who said them, in what role, the "
      "cue verb, the rule that decided and exact offsets.\n\n"
      "  whosaid story.txt                       quotes of one story as JSON Lines\n"
      "  whosaid --input jsonl < stories.jsonl   one {\"id\",\"text\"} document per line\n"
      "  whosaid rules check [FILE...]           lint rule files and run their examples\n"
      "  whosaid rules tokens [FILE...]          show the tokens a token rule reads\n"
      "  whosaid serve [--port 8080] [--db F]    the web service and the quote viewer page\n"};
  app.set_version_flag("--version", std::string("whosaid ") + WHOSAID_VERSION);
  // The search order of whosaid/default_rules.h, as users see it, and the exit codes.
  app.footer(
      "The built-in pack is the directory $WHOSAID_RULES_DIR when set; else\n"
      "<this program's directory>/../share/whosaid/rules/en (installed), else the source\n"
      "tree's rules/en (a program of the build tree), else <prefix>/share/whosaid/rules/en.\n\n"
      "Exit codes: 0 every document done; 1 some documents failed (each named on stderr); 2 "
      "usage, configuration or output error (a bad option, a broken rule file, an -o that "
      "cannot be written, a full disk).");

  ExtractCommandOptions opt;
  opt.jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::string input = "text", format = "jsonl", paragraphs = "auto";
  bool quiet = false, verbose = false, no_default_rules = false, no_indirect = false;
  app.add_option("files", opt.inputs, "Input files (each one document; '-' or none: stdin)");
  app.add_option("--input", input, "Input kind: text (each file one document) or jsonl")
      ->check(CLI::IsMember({"text", "jsonl"}))
      ->capture_default_str();
  app.add_option("-f,--format", format,
                 "Output: jsonl, json, csv, or html (the quote viewer page as one file, the "
                 "stories and their records inside)")
      ->check(CLI::IsMember({"jsonl", "json", "csv", "html"}))
      ->capture_default_str();
  app.add_flag("--per-document", opt.formatter.per_document,
               "One JSON line per input document, {\"doc\",\"meta\",\"quotes\":[...],"
               "\"speakers\":[...]}, in input order, also for a document without quotes; a "
               "failed document gets {\"doc\",\"meta\",\"error\",...}. JSON Lines only: not "
               "with --format json or csv");
  app.add_option("-o,--output", opt.output_path,
                 "Write results to this file (default: stdout). Written to a temporary file "
                 "beside it and renamed over it at the end; left as it was when every document "
                 "failed or the output failed; may not be an input");
  app.add_option("--rules", opt.extractor.rule_paths,
                 "Rule file or directory to add to the built-in English pack (repeatable)")
      ->allow_extra_args(false);  // one path per --rules: what follows is input
  app.add_flag("--no-default-rules", no_default_rules,
               "Do not load the built-in pack (use only --rules)");
  app.add_flag("--explain", opt.formatter.explain,
               "Add the deciding rule's slot values to each record");
  app.add_flag("--all-marks", opt.extractor.attribution.all_marks,
               "Keep unattributed scare quotes and titles");
  app.add_flag("--no-indirect", no_indirect, "Do not report indirect (unquoted) speech");
  app.add_flag("--lenient", opt.document.lenient,
               "Read invalid UTF-8 bytes as U+FFFD instead of failing the document");
  app.add_option("--paragraphs", paragraphs,
                 "Paragraph breaks: auto (blank lines if any, else line breaks), blank, line")
      ->check(CLI::IsMember({"auto", "blank", "line"}))
      ->capture_default_str();
  app.add_option("--max-doc-bytes", opt.document.max_bytes,
                 "Fail documents larger than this many bytes")
      ->capture_default_str();
  app.add_option("--max-quote-bytes", opt.extractor.scanner.max_quote_bytes,
                 "Cut quotes longer than this many bytes at their paragraph end")
      ->capture_default_str();
  app.add_option("-j,--jobs", opt.jobs, "Worker threads (default: number of cores)")
      ->check(CLI::Range(1, 256));
  app.add_flag("-q,--quiet", quiet, "Only print errors on stderr");
  app.add_flag("-v,--verbose", verbose, "Print progress and debugging information on stderr");

  CLI::App* rules_cmd = app.add_subcommand("rules", "Work with rule files");
  rules_cmd->require_subcommand(1);
  CLI::App* check_cmd =
      rules_cmd->add_subcommand("check", "Lint rule files and run all their examples");
  std::vector<std::string> check_paths;
  check_cmd->add_option("files", check_paths,
                        "Rule files or directories (default: the built-in pack)");
  CLI::App* tokens_cmd = rules_cmd->add_subcommand(
      "tokens",
      "Print the token stream token rules read: per token its span, text, kind, shape (Cap "
      "lower UPPER Num), SENT at a sentence start and its lexicon @lists");
  std::vector<std::string> tokens_paths;
  tokens_cmd->add_option("files", tokens_paths, "Text files (default: stdin)");
  DbCommandOptions db_options;
  AddDbCommands(app, &db_options);
  ServeCommandOptions serve_options;
  AddServeCommand(app, &serve_options);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  auto log = MakeLogger(quiet, verbose);
  if (opt.formatter.per_document && format != "jsonl") {
    log->error("--per-document writes JSON Lines: it cannot be combined with --format {}", format);
    return kExitUsage;
  }
  opt.extractor.default_rules = !no_default_rules;
  opt.extractor.attribution.indirect = !no_indirect;
  opt.extractor.attribution.keep_slots = opt.formatter.explain;
  opt.input = input == "jsonl" ? InputMode::kJsonl : InputMode::kText;
  opt.html = format == "html";  // --format json's records inside the viewer page
  opt.format = output::ParseFormat(opt.html ? "json" : format).value();
  opt.extractor.segmenter.paragraph_mode = paragraphs == "blank"  ? text::ParagraphMode::kBlankLine
                                           : paragraphs == "line" ? text::ParagraphMode::kLineBreak
                                                                  : text::ParagraphMode::kAuto;
  if (*check_cmd) return RunRulesCheck(check_paths, opt.extractor, *log);
  if (*tokens_cmd) return RunRulesTokens(tokens_paths, opt.extractor, *log);
  if (*db_options.db) return RunDbCommand(db_options, opt, *log);
  if (*serve_options.serve) return RunServe(serve_options, opt, *log);
  return RunExtract(opt, *log);
}

}  // namespace whosaid::cli
