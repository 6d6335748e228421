#include "cli/db_command.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>

#include "cli/app.h"
#include "cli/extract_item.h"
#include "cli/input_source.h"
#include "cli/ordered_pool.h"
#include "cli/output_file.h"
#include "cli/speaker_scope_words.h"
#include "cli/worker_extractors.h"
#include "whosaid/store/normalize.h"
#include "whosaid/store/quote_store.h"
#include "whosaid/store/records.h"
#include "whosaid/store/row_format.h"
#include "whosaid/store/sha256.h"

namespace whosaid::cli {
namespace {

using store::QuoteStore;
using store::StoredDocument;

std::unique_ptr<QuoteStore> OpenStore(const DbCommandOptions& o, store::OpenOptions options,
                                      spdlog::logger& log) {
  options.busy_timeout_ms = static_cast<int>(o.busy_timeout * 1000);
  auto s = QuoteStore::Open(o.db_path, options);
  if (!s.ok()) {
    log.error("{}", s.status().message());
    return nullptr;
  }
  return std::move(s).value();
}

// A connection for searches and lookups: it needs no rule pack.
std::unique_ptr<QuoteStore> OpenReader(const DbCommandOptions& o, spdlog::logger& log) {
  store::OpenOptions options;
  options.read_only = true;
  return OpenStore(o, options, log);
}

// A connection for writing (creating the file and migrating it when needed). Which speakers
// it shares across stories depends on the words of the rule pack the main options name
// (the built-in one, or --rules / --no-default-rules): the lexicon the extractor reads.
std::unique_ptr<QuoteStore> OpenWriter(const DbCommandOptions& o, const ExtractorOptions& pack,
                                       spdlog::logger& log) {
  store::OpenOptions options;
  options.speaker_scope_words = LoadSpeakerScopeWords(pack, log);
  if (!options.speaker_scope_words) return nullptr;
  return OpenStore(o, options, log);
}

// Writes documents in batches of `batch_size`, one transaction each, and keeps the tally.
class BatchWriter {
 public:
  BatchWriter(QuoteStore& store, size_t batch_size, spdlog::logger& log)
      : store_(store), batch_size_(batch_size < 1 ? 1 : batch_size), log_(log) {}

  // False once a write has failed (the database error is already logged).
  bool Add(StoredDocument doc) {
    if (failed_) return false;
    pending_.push_back(std::move(doc));
    if (pending_.size() >= batch_size_) Flush();
    return !failed_;
  }
  bool Flush() {
    if (failed_ || pending_.empty()) return !failed_;
    auto written = store_.Write(pending_);
    if (!written.ok()) {
      log_.error("{}", written.status().message());
      const size_t kept = total_.added + total_.changed + total_.unchanged;
      log_.error(
          "the {} document(s) of earlier batches are stored; run the command again to "
          "complete it",
          kept);
      failed_ = true;
      return false;
    }
    total_.added += written->added;
    total_.changed += written->changed;
    total_.unchanged += written->unchanged;
    total_.occurrences += written->occurrences;
    log_.debug("committed a batch of {} document(s)", pending_.size());
    pending_.clear();
    return true;
  }
  bool failed() const { return failed_; }
  const store::WriteSummary& total() const { return total_; }

 private:
  QuoteStore& store_;
  size_t batch_size_;
  spdlog::logger& log_;
  std::vector<StoredDocument> pending_;
  store::WriteSummary total_;
  bool failed_ = false;
};

// "4 documents stored (4 new, 0 changed, 0 unchanged), 23 quote occurrences, 0 failed;
// the database holds 4 documents, 12 speakers, 22 quotes, 23 occurrences"
void PrintSummary(QuoteStore& store, const store::WriteSummary& t, size_t failed,
                  spdlog::logger& log) {
  const size_t stored = t.added + t.changed + t.unchanged;
  std::printf(
      "%zu document%s stored (%zu new, %zu changed, %zu unchanged), %zu quote "
      "occurrence%s, %zu failed",
      stored, stored == 1 ? "" : "s", t.added, t.changed, t.unchanged, t.occurrences,
      t.occurrences == 1 ? "" : "s", failed);
  auto counts = store.Count();
  if (counts.ok()) {
    std::printf(
        "; the database holds %lld documents, %lld speakers, %lld quotes, %lld "
        "occurrences",
        static_cast<long long>(counts->documents), static_cast<long long>(counts->speakers),
        static_cast<long long>(counts->quotes), static_cast<long long>(counts->occurrences));
  } else {
    log.warn("{}", counts.status().message());
  }
  std::printf("\n");
  std::fflush(stdout);
}

struct IngestItem {
  StoredDocument doc;
  std::string error;  // non-empty when the document failed
  std::string warning;
};

IngestItem Extract(const Extractor& extractor, const text::DocumentOptions& doc_options,
                   InputItem item) {
  ExtractedItem e = ExtractItem(extractor, doc_options, std::move(item));
  IngestItem out;
  out.error = std::move(e.error);
  out.warning = std::move(e.warning);
  if (e.doc) out.doc = store::FromExtraction(*e.doc, e.meta_or_null(), e.result);
  return out;
}

int RunIngest(const DbCommandOptions& o, const ExtractCommandOptions& extract,
              spdlog::logger& log) {
  // The database first: its problems show in milliseconds, before the rules compile (its
  // speaker-scope words come from the same lexicon the extractors load, read on its own).
  auto store = OpenWriter(o, extract.extractor, log);
  if (!store) return kExitUsage;
  const int threads = extract.jobs > 1 ? extract.jobs : 0;
  auto extractors = WorkerExtractors::Create(extract.extractor, threads, log);
  if (!extractors) return kExitUsage;

  InputMode mode = extract.input;
  if (o.input == "jsonl") mode = InputMode::kJsonl;
  if (o.input == "text") mode = InputMode::kText;

  // A story stored before with the same text and metadata is not extracted again (unless
  // --reextract): a connection of its own looks it up, as the writer may be on another thread.
  std::unique_ptr<QuoteStore> lookup;
  if (!o.reextract) {
    lookup = OpenReader(o, log);
    if (!lookup) return kExitUsage;
  }
  store::WriteSummary skipped;
  bool lookup_failed = false;

  BatchWriter writer(*store, o.batch, log);
  size_t failed = 0;
  // With -j it runs on the pool's writer thread; `failed` and the writer are read here only
  // after the pool has finished.
  auto sink = [&](IngestItem r) {
    if (writer.failed()) return false;
    if (!r.error.empty()) {
      ++failed;
      log.error("{}", r.error);
      return true;
    }
    if (!r.warning.empty()) log.warn("{}", r.warning);
    writer.Add(std::move(r.doc));
    return !writer.failed();
  };
  {
    OrderedPool<IngestItem> pool(threads, static_cast<size_t>(std::max(1, extract.jobs)) * 4, sink);
    InputSource source(o.files, mode, extract.document.max_bytes);
    const WorkerExtractors& ex = *extractors;
    const text::DocumentOptions doc_options = extract.document;
    while (auto item = source.Next()) {
      if (lookup && !item->error) {
        auto same = lookup->StoredUnchanged(item->id, store::Sha256Hex(item->bytes), item->meta);
        if (!same.ok()) {
          log.error("{}", same.status().message());
          lookup_failed = true;
          break;
        }
        if (*same) {
          log.debug("document {}: stored with the same text and metadata; not extracted again",
                    item->id);
          skipped.Add(store::PutOutcome::kUnchanged);
          skipped.occurrences += static_cast<size_t>(**same);
          continue;
        }
      }
      auto shared = std::make_shared<InputItem>(std::move(*item));
      const bool queued = pool.Submit([&ex, doc_options, shared](int worker) {
        return Extract(ex.For(worker), doc_options, std::move(*shared));
      });
      if (!queued) break;  // the database write failed
    }
    pool.Finish();
  }
  if (!writer.Flush() || lookup_failed) return kExitUsage;
  store::WriteSummary total = writer.total();
  total.unchanged += skipped.unchanged;
  total.occurrences += skipped.occurrences;
  PrintSummary(*store, total, failed, log);
  return failed ? kExitSomeFailed : kExitOk;
}

int RunImport(const DbCommandOptions& o, const ExtractCommandOptions& extract,
              spdlog::logger& log) {
  // Records are grouped by document, in the order documents first appear; a document is
  // stored only when all of its records read well. What failed is counted once each: a
  // document with bad records, a record that names no document, a file that cannot be read.
  std::vector<StoredDocument> docs;
  std::map<std::string, size_t> index;
  std::set<std::string> bad_docs;
  size_t failed_inputs = 0;  // failures that belong to no document
  std::vector<std::string> files = o.files;
  if (files.empty()) files.push_back("-");
  for (const std::string& path : files) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (path != "-") {
      file.open(path, std::ios::binary);
      if (!file) {
        log.error("{}: cannot open: {}", path, std::strerror(errno));
        ++failed_inputs;
        continue;
      }
      in = &file;
    }
    std::string line;
    for (size_t n = 1; std::getline(*in, line); ++n) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      auto record = store::ParseResultRecord(line);
      if (!record.ok()) {
        const auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_object() && j.contains("doc") && j["doc"].is_string()) {
          const std::string doc = j["doc"];
          log.error("{}: line {}: {} (document {} not imported)", path, n,
                    record.status().message(), doc);
          bad_docs.insert(doc);
        } else {
          log.error("{}: line {}: {} (a record of no document)", path, n,
                    record.status().message());
          ++failed_inputs;
        }
        continue;
      }
      auto [it, added] = index.try_emplace(record->doc, docs.size());
      if (added) {
        docs.emplace_back();
        docs.back().id = record->doc;
      }
      StoredDocument& doc = docs[it->second];
      if (doc.meta.is_null() && !record->meta.is_null()) doc.meta = std::move(record->meta);
      doc.quotes.push_back(std::move(record->quote));
    }
    if (in->bad()) {
      log.error("{}: read error", path);
      ++failed_inputs;
    }
  }

  auto store = OpenWriter(o, extract.extractor, log);
  if (!store) return kExitUsage;
  BatchWriter writer(*store, o.batch, log);
  for (StoredDocument& doc : docs) {
    if (bad_docs.count(doc.id)) continue;
    if (!writer.Add(std::move(doc))) break;
  }
  if (!writer.Flush()) return kExitUsage;
  const size_t failed = bad_docs.size() + failed_inputs;
  PrintSummary(*store, writer.total(), failed, log);
  return failed ? kExitSomeFailed : kExitOk;
}

// --since DATE, checked: "YYYY-MM-DD" (or a date-time, of which the day counts).
bool ParseSince(const std::string& since, std::optional<std::string>* day, spdlog::logger& log) {
  if (since.empty()) return true;
  *day = store::PublishedDay(since);
  if (!*day) {
    log.error("--since {}: expected a date as YYYY-MM-DD", since);
    return false;
  }
  return true;
}

int RunSearch(const DbCommandOptions& o, const ExtractCommandOptions& extract, bool by_speaker,
              spdlog::logger& log) {
  store::SearchOptions search;
  for (const std::string& w : o.words) search.words += (search.words.empty() ? "" : " ") + w;
  if (!o.speaker.empty()) search.speaker = o.speaker;
  if (!ParseSince(o.since, &search.since, log)) return kExitUsage;
  search.limit = o.limit;
  if (search.words.find_first_not_of(" \t") == std::string::npos && !search.speaker &&
      !search.since) {
    log.error("nothing to search for: give words, --speaker or --since");
    return kExitUsage;
  }
  auto format = store::ParseRowFormat(o.format);
  auto store = OpenReader(o, log);
  if (!store) return kExitUsage;
  if (search.speaker) {
    auto name = store->FindSpeaker(*search.speaker);
    if (name.ok() && !*name) {
      log.warn("no speaker named \"{}\" in {} (`whosaid db speakers` lists them)", *search.speaker,
               o.db_path);
    }
  }
  if (by_speaker) search.limit = 0;  // `db quotes` lists them all
  auto hits = store->Search(search);
  if (!hits.ok()) {
    log.error("{}", hits.status().message());
    return kExitUsage;
  }
  auto out = OutputFile::Open(extract.output_path, log);
  if (!out) return kExitUsage;
  out->Write(store::FormatHits(*hits, format.value()));
  return out->Finish(log);  // an output error (a full disk) is exit code 2
}

int RunSpeakers(const DbCommandOptions& o, const ExtractCommandOptions& extract,
                spdlog::logger& log) {
  auto store = OpenReader(o, log);
  if (!store) return kExitUsage;
  auto speakers = store->Speakers();
  if (!speakers.ok()) {
    log.error("{}", speakers.status().message());
    return kExitUsage;
  }
  auto out = OutputFile::Open(extract.output_path, log);
  if (!out) return kExitUsage;
  out->Write(store::FormatSpeakers(*speakers, store::ParseRowFormat(o.format).value()));
  return out->Finish(log);  // an output error (a full disk) is exit code 2
}

int RunExport(const DbCommandOptions& o, const ExtractCommandOptions& extract,
              spdlog::logger& log) {
  const store::RowFormat format = store::ParseRowFormat(o.format).value();
  auto store = OpenReader(o, log);
  if (!store) return kExitUsage;
  auto out = OutputFile::Open(extract.output_path, log);
  if (!out) return kExitUsage;
  out->Write(store::ExportHeader(format));
  std::string buffer;
  Status s = store->Export([&](const store::ExportRow& row) {
    store::AppendExportRow(buffer, row, format);
    if (buffer.size() >= (1 << 16)) {
      out->Write(buffer);
      buffer.clear();
    }
    return true;
  });
  out->Write(buffer);
  if (!s.ok()) {
    log.error("{}", s.message());
    return kExitUsage;
  }
  return out->Finish(log);  // an output error (a full disk) is exit code 2
}

int RunMigrate(const DbCommandOptions& o, const ExtractCommandOptions& extract,
               spdlog::logger& log) {
  auto store = OpenWriter(o, extract.extractor, log);
  if (!store) return kExitUsage;
  auto counts = store->Count();
  if (!counts.ok()) {
    log.error("{}", counts.status().message());
    return kExitUsage;
  }
  std::printf("%s: schema version %d, %lld documents\n", o.db_path.c_str(),
              QuoteStore::SchemaVersion(), static_cast<long long>(counts->documents));
  return kExitOk;
}

// "2 documents deleted (9 quote occurrences; 7 quotes and 2 speakers no other story has
// went with them); the database holds …". Ids that are not stored are named and exit 1.
int RunDelete(const DbCommandOptions& o, const ExtractCommandOptions& extract,
              spdlog::logger& log) {
  auto store = OpenWriter(o, extract.extractor, log);
  if (!store) return kExitUsage;
  auto deleted = store->Delete(o.doc_ids);
  if (!deleted.ok()) {
    log.error("{}", deleted.status().message());
    return kExitUsage;
  }
  for (const std::string& id : deleted->not_found) {
    log.error("document {} is not in {}; nothing to delete", id, o.db_path);
  }
  const store::DeleteSummary& d = *deleted;
  std::printf(
      "%zu document%s deleted (%zu quote occurrence%s; %zu quote%s and %zu speaker%s that no "
      "other story has went with them), %zu not found",
      d.documents, d.documents == 1 ? "" : "s", d.occurrences, d.occurrences == 1 ? "" : "s",
      d.quotes, d.quotes == 1 ? "" : "s", d.speakers, d.speakers == 1 ? "" : "s",
      d.not_found.size());
  auto counts = store->Count();
  if (counts.ok()) {
    std::printf("; the database holds %lld documents, %lld speakers, %lld quotes, %lld occurrences",
                static_cast<long long>(counts->documents), static_cast<long long>(counts->speakers),
                static_cast<long long>(counts->quotes),
                static_cast<long long>(counts->occurrences));
  }
  std::printf("\n");
  std::fflush(stdout);
  return d.not_found.empty() ? kExitOk : kExitSomeFailed;
}

CLI::App* AddDbOption(CLI::App* cmd, DbCommandOptions* o) {
  cmd->add_option("--db", o->db_path, "The quote database (an SQLite file)")->required();
  cmd->add_option("--busy-timeout", o->busy_timeout,
                  "Seconds to wait while another process holds the database locked")
      ->check(CLI::NonNegativeNumber)
      ->type_name("SECONDS")
      ->capture_default_str();
  return cmd;
}

}  // namespace

void AddDbCommands(CLI::App& app, DbCommandOptions* o) {
  o->db = app.add_subcommand("db", "Build and search a quote database (SQLite)");
  o->db->require_subcommand(1);
  // The main command's options (extraction settings, -o, -q, -v) also work after `db …`.
  o->db->fallthrough();
  o->db->footer(
      "One SQLite file holds every quote: the same words from the same speaker are one quote "
      "with an occurrence in each story; re-ingesting a story replaces what it said before.\n");

  o->ingest = AddDbOption(
      o->db->add_subcommand("ingest", "Extract the quotes of stories and store them"), o);
  o->ingest->add_option("files", o->files,
                        "Input files (each one document, or JSONL with --input jsonl; '-' or "
                        "none: stdin)");
  o->ingest->add_option("--input", o->input, "Input kind: text or jsonl (default: text)")
      ->check(CLI::IsMember({"text", "jsonl"}));
  o->ingest->add_option("--batch", o->batch, "Documents per transaction")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  o->ingest->add_flag("--reextract", o->reextract,
                      "Extract every story again, also those stored with the same text and "
                      "metadata (after changing rules or extraction options)");
  o->ingest->footer(
      "JSONL fields url, published, outlet and title are stored with the document (--since "
      "compares the day of `published`, given as YYYY-MM-DD or an ISO 8601 date-time). "
      "Extraction options of `whosaid` (--rules, --all-marks, --no-indirect, --lenient, "
      "--paragraphs, -j, …) apply. A story whose id is stored with the same text and metadata "
      "is counted unchanged and not extracted again (--reextract does). A killed ingest keeps "
      "every committed batch; run it again to complete it. Prints a one-line summary.\n");

  o->import = AddDbOption(
      o->db->add_subcommand("import", "Store records written earlier by whosaid --format jsonl"),
      o);
  o->import->add_option("files", o->files, "JSONL result files ('-' or none: stdin)");
  o->import->add_option("--batch", o->batch, "Documents per transaction")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  o->import->footer(
      "Records are grouped by their \"doc\" field; each document replaces its stored version. "
      "`whosaid db export` output imports too.\n");

  const auto formats = CLI::IsMember({"jsonl", "json", "csv", "text"});
  o->search = AddDbOption(o->db->add_subcommand("search", "Full-text search over quotes"), o);
  o->search->add_option("words", o->words,
                        "Words to find (all of them); \"a phrase\" in quotes; prefix* ");
  o->search->add_option("--speaker", o->speaker, "Only quotes of this speaker (canonical name)");
  o->search->add_option("--since", o->since,
                        "Only occurrences in stories published on or after DATE (YYYY-MM-DD)");
  o->search->add_option("--limit", o->limit, "Most quotes to show, best first (0: all)")
      ->capture_default_str();
  o->search->add_option("-f,--format", o->format, "Output: jsonl, json, csv or text")
      ->check(formats)
      ->capture_default_str();
  o->search->footer(
      "Search words are words: punctuation and FTS5 operators in them (U.S., (R-Texas), OR, "
      "NEAR) are matched as text, never as query syntax. One result per quote, with every "
      "occurrence (CSV: one row per occurrence).\n");

  o->speakers = AddDbOption(
      o->db->add_subcommand("speakers", "List speakers with quote counts and roles"), o);
  o->speakers->add_option("-f,--format", o->format, "Output: jsonl, json, csv or text")
      ->check(formats)
      ->capture_default_str();

  o->quotes = AddDbOption(o->db->add_subcommand("quotes", "List the quotes of one speaker"), o);
  o->quotes->add_option("--speaker", o->speaker, "Canonical name (case-insensitive)")->required();
  o->quotes->add_option("--since", o->since,
                        "Only occurrences in stories published on or after DATE (YYYY-MM-DD)");
  o->quotes->add_option("-f,--format", o->format, "Output: jsonl, json, csv or text")
      ->check(formats)
      ->capture_default_str();

  o->export_ = AddDbOption(
      o->db->add_subcommand("export", "Write every quote occurrence as whosaid records"), o);
  o->export_->add_option("-f,--format", o->format, "Output: jsonl or csv")
      ->check(CLI::IsMember({"jsonl", "csv"}))
      ->capture_default_str();
  o->export_->footer(
      "The records of whosaid --format jsonl/csv (with each document's meta), plus quote_id.\n");

  o->migrate = AddDbOption(
      o->db->add_subcommand("migrate", "Upgrade a database written by an older whosaid"), o);

  o->delete_ = AddDbOption(
      o->db->add_subcommand("delete", "Take stories out (retractions, withdrawn stories)"), o);
  o->delete_
      ->add_option("--doc", o->doc_ids,
                   "Ids of the documents to delete (as stored: the "
                   "file path or the JSONL id; several may follow)")
      ->required();
  o->delete_->footer(
      "Removes each document with its quote occurrences and roles, and the quotes and speakers "
      "that no other story has (so searches no longer find them). One transaction: all the "
      "ids, or on error none. An id that is not stored is named on stderr and exits 1; 2 is a "
      "database error. To correct a story, ingest its corrected text under the same id "
      "instead: it replaces the old version.\n");
}

int RunDbCommand(const DbCommandOptions& o, const ExtractCommandOptions& extract,
                 spdlog::logger& log) {
  // Arguments no db command takes fall through to the main command's file list.
  if (!extract.inputs.empty()) {
    log.error("unexpected argument: {}", extract.inputs.front());
    return kExitUsage;
  }
  if (*o.ingest) return RunIngest(o, extract, log);
  if (*o.import) return RunImport(o, extract, log);
  if (*o.search) return RunSearch(o, extract, /*by_speaker=*/false, log);
  if (*o.quotes) return RunSearch(o, extract, /*by_speaker=*/true, log);
  if (*o.speakers) return RunSpeakers(o, extract, log);
  if (*o.export_) return RunExport(o, extract, log);
  if (*o.migrate) return RunMigrate(o, extract, log);
  if (*o.delete_) return RunDelete(o, extract, log);
  log.error("no db command given (see whosaid db --help)");
  return kExitUsage;
}

}  // namespace whosaid::cli
