// Helpers for the quote store tests: a temporary directory, synthetic documents, raw SQL
// on a database file, and running the whosaid binary as a child process.
#pragma once

#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "../english_pack.h"
#include "whosaid/store/quote_store.h"

namespace whosaid::store::testing {

// A fresh directory under $TMPDIR (or /tmp), removed with everything in it at scope exit.
class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/whosaid-store-XXXXXX";
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    if (mkdtemp(buf.data()) != nullptr) path_ = buf.data();
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string File(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// A quote for a synthetic document; offsets are filled in by Doc().
inline StoredQuote Q(std::string text, std::optional<std::string> speaker,
                     std::optional<std::string> role = std::nullopt, double confidence = 0.9) {
  StoredQuote q;
  q.text = std::move(text);
  q.speaker = std::move(speaker);
  q.role = std::move(role);
  q.cue = "said";
  q.rule = "test.rule";
  q.confidence = confidence;
  return q;
}

// A document with these quotes at made-up, increasing offsets. `hash` stands in for the
// content hash; `published` goes into meta.
inline StoredDocument Doc(std::string id, std::vector<StoredQuote> quotes, std::string hash = "h1",
                          std::optional<std::string> published = std::nullopt) {
  StoredDocument d;
  d.id = std::move(id);
  d.content_hash = std::move(hash);
  if (published) d.meta = {{"published", *published}, {"outlet", "Test Wire"}};
  uint32_t at = 10;
  for (StoredQuote& q : quotes) {
    q.start = q.byte_start = at;
    q.end = q.byte_end = at + static_cast<uint32_t>(q.text.size());
    at = q.end + 20;
  }
  d.quotes = std::move(quotes);
  return d;
}

// `n` documents "story-<first>"…, each quoting three speakers; some words repeat across
// stories (so they dedup), some are unique to a story.
inline std::vector<StoredDocument> Stories(int first, int n) {
  std::vector<StoredDocument> docs;
  for (int i = first; i < first + n; ++i) {
    const std::string k = std::to_string(i);
    docs.push_back(Doc(
        "story-" + k,
        {Q("We will not raise taxes this year, not one cent.", "Ana Ruiz", "Prime Minister"),
         Q("Story " + k + " has its own words about harbor number " + k + ".", "Mark Hill",
           "ambassador"),
         Q("The U.S. position (as stated) has not changed.", "Lena Ortiz"),
         Q("Nobody saw it coming in quarter " + std::to_string(i % 4) + ".", std::nullopt)},
        "hash-" + k, "2024-02-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(1 + i % 28)));
  }
  return docs;
}

// The English pack's speaker-scope words (speaker_scope.h), loaded once.
inline std::shared_ptr<const SpeakerScopeWords> EnglishSpeakerScopeWords() {
  static const auto words = std::make_shared<const SpeakerScopeWords>(
      whosaid::testing::EnglishLexicons().ToSpeakerScopeWords());
  return words;
}

// Options for a writer: the defaults, with the English pack's speaker-scope words.
inline OpenOptions WriterOptions() {
  OpenOptions options;
  options.speaker_scope_words = EnglishSpeakerScopeWords();
  return options;
}

inline std::unique_ptr<QuoteStore> OpenOrDie(const std::string& path,
                                             OpenOptions options = WriterOptions()) {
  auto s = QuoteStore::Open(path, options);
  INFO(s.status().message());
  REQUIRE(s.ok());
  return std::move(s).value();
}

// Runs one SQL statement on `path` with a connection of its own and returns the first
// column of the first row as text ("" when no row; "ERROR: …" on failure).
inline std::string Sql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    out = std::string("ERROR: ") + sqlite3_errmsg(db);
    sqlite3_close(db);
    return out;
  }
  sqlite3_busy_timeout(db, 5000);
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    out = std::string("ERROR: ") + sqlite3_errmsg(db);
  } else {
    const int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
      const unsigned char* t = sqlite3_column_text(st, 0);
      out = t ? reinterpret_cast<const char*>(t) : "";
    } else if (rc != SQLITE_DONE) {
      out = std::string("ERROR: ") + sqlite3_errmsg(db);
    }
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

// Runs a script of several statements; "" on success, else the error.
inline std::string SqlScript(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  char* error = nullptr;
  std::string out;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    out = error ? error : "error";
  }
  sqlite3_free(error);
  sqlite3_close(db);
  return out;
}

// Every occurrence as db export writes it (JSONL, with quote ids): a fingerprint of the
// whole database, ids included.
inline std::string ExportAll(QuoteStore& store) {
  std::string out;
  Status s = store.Export([&](const ExportRow& row) {
    out += row.doc + "|" + std::to_string(row.quote_id) + "|" + row.quote.text + "|" +
           row.quote.speaker.value_or("-") + "|" + row.quote.role.value_or("-") + "|" +
           std::to_string(row.quote.start) + "\n";
    return true;
  });
  if (!s.ok()) out += "ERROR: " + s.message();
  return out;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Starts `argv` (argv[0] a path) with stdout and stderr sent to `log_path`; returns its pid.
inline pid_t Spawn(const std::vector<std::string>& args, const std::string& log_path) {
  const pid_t pid = fork();
  if (pid == 0) {
    FILE* log = std::fopen(log_path.c_str(), "wb");
    if (log != nullptr) {
      dup2(fileno(log), 1);
      dup2(fileno(log), 2);
    }
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

// Waits for `pid`; its exit code, or 128 + signal number when a signal ended it.
inline int Wait(pid_t pid) {
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace whosaid::store::testing
