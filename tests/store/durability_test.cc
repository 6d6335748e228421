// What must survive: a writer killed mid-batch (in-process child and the real CLI), a full
// disk, a read-only file, and searches running while an ingest writes.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "store_test_util.h"
#include "whosaid/store/quote_store.h"

namespace whosaid::store {
namespace {

using testing::OpenOrDie;
using testing::Sql;
using testing::TempDir;
using testing::WriterOptions;

Counts CountsAt(const std::string& path) {
  auto store = OpenOrDie(path);
  auto c = store->Count();
  REQUIRE(c.ok());
  return *c;
}

std::string ExportAt(const std::string& path) {
  auto store = OpenOrDie(path);
  return testing::ExportAll(*store);
}

// Writes `docs` in batches of `batch` to a fresh database at `path`.
void WriteAll(const std::string& path, const std::vector<StoredDocument>& docs, size_t batch) {
  auto store = OpenOrDie(path);
  for (size_t i = 0; i < docs.size(); i += batch) {
    std::vector<StoredDocument> part(docs.begin() + i,
                                     docs.begin() + std::min(docs.size(), i + batch));
    auto w = store->Write(part);
    INFO(w.status().message());
    REQUIRE(w.ok());
  }
}

// A JSONL file of `n` stories built from the project's examples, with distinct ids and dates.
std::string MakeStories(const TempDir& dir, int n) {
  std::vector<std::string> texts;
  for (const char* name :
       {"council_vote.txt", "feature_clinic.txt", "interview_water.txt", "wire_trade_talks.txt"}) {
    texts.push_back(testing::ReadFile(std::string(WHOSAID_SOURCE_DIR) + "/examples/" + name));
  }
  const std::string path = dir.File("stories.jsonl");
  std::ofstream out(path);
  for (int i = 0; i < n; ++i) {
    nlohmann::json j = {{"id", "story-" + std::to_string(i)},
                        {"text", texts[i % texts.size()]},
                        {"published", "2024-03-" + std::to_string(10 + i % 20)},
                        {"outlet", "Example Wire"}};
    out << j.dump() << "\n";
  }
  return path;
}

}  // namespace

TEST_CASE(
    "store: a writer killed inside a batch leaves the committed batches, and a rerun "
    "completes") {
  TempDir dir;
  const auto docs = testing::Stories(0, 30);
  const std::string clean = dir.File("clean.sqlite");
  const std::string killed = dir.File("killed.sqlite");
  const std::string first_batch = dir.File("first.sqlite");
  WriteAll(clean, docs, 10);
  WriteAll(first_batch, std::vector<StoredDocument>(docs.begin(), docs.begin() + 10), 10);

  // No connection is open in this process across the fork.
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    auto store = QuoteStore::Open(killed, WriterOptions());
    if (!store.ok()) _exit(10);
    std::vector<StoredDocument> batch(docs.begin(), docs.begin() + 10);
    if (!(*store)->Write(batch).ok()) _exit(11);
    if (!(*store)->BeginBatch().ok()) _exit(12);
    for (int i = 10; i < 17; ++i) {
      if (!(*store)->Put(docs[i]).ok()) _exit(13);
    }
    raise(SIGKILL);  // mid-batch: seven documents written, no commit
    _exit(14);
  }
  REQUIRE(testing::Wait(pid) == 128 + SIGKILL);

  CHECK(Sql(killed, "PRAGMA integrity_check") == "ok");
  CHECK(Sql(killed, "PRAGMA foreign_key_check") == "");
  CHECK(CountsAt(killed) == CountsAt(first_batch));
  // The rerun writes everything again, in batches; the result is the clean run's, ids too.
  WriteAll(killed, docs, 10);
  CHECK(Sql(killed, "PRAGMA integrity_check") == "ok");
  CHECK(CountsAt(killed) == CountsAt(clean));
  CHECK(ExportAt(killed) == ExportAt(clean));
}

TEST_CASE("store: `whosaid db ingest` killed mid-run, then rerun, equals a clean run") {
  TempDir dir;
  const std::string stories = MakeStories(dir, 400);
  const std::string clean = dir.File("clean.sqlite");
  const std::string killed = dir.File("killed.sqlite");
  auto ingest = [&](const std::string& db) {
    return std::vector<std::string>{WHOSAID_BINARY, "-q",   "-j",   "1",       "db",
                                    "ingest",       "--db", db,     "--input", "jsonl",
                                    "--batch",      "25",   stories};
  };
  REQUIRE(testing::Wait(testing::Spawn(ingest(clean), dir.File("clean.log"))) == 0);

  const pid_t pid = testing::Spawn(ingest(killed), dir.File("killed.log"));
  REQUIRE(pid > 0);
  // Kill it as soon as its first batch is visible: it is then extracting or writing the next.
  OpenOptions reader;
  reader.read_only = true;
  // No deadline (a busy machine may take long for the first batch): poll until the batch
  // shows or the ingest has ended on its own.
  bool seen = false;
  int rc = -1;
  bool exited = false;
  while (!seen && !exited) {
    auto store = QuoteStore::Open(killed, reader);
    if (store.ok()) {
      auto c = (*store)->Count();
      seen = c.ok() && c->documents > 0;
    }
    if (seen) break;
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      exited = true;
      rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (!exited) {
    kill(pid, SIGKILL);
    rc = testing::Wait(pid);
  }
  REQUIRE((seen || rc == 0));
  const bool was_killed = rc == 128 + SIGKILL;
  if (!was_killed) MESSAGE("the ingest finished before it could be killed (rc ", rc, ")");

  CHECK(Sql(killed, "PRAGMA integrity_check") == "ok");
  const Counts partial = CountsAt(killed);
  const Counts full = CountsAt(clean);
  CHECK(partial.documents % 25 == 0);  // whole batches only
  if (was_killed) CHECK(partial.documents < full.documents);

  REQUIRE(testing::Wait(testing::Spawn(ingest(killed), dir.File("rerun.log"))) == 0);
  CHECK(Sql(killed, "PRAGMA integrity_check") == "ok");
  CHECK(CountsAt(killed) == full);
  CHECK(ExportAt(killed) == ExportAt(clean));
  // -q: only the summary line, no complaints.
  CHECK(testing::ReadFile(dir.File("rerun.log")).find("whosaid:") == std::string::npos);
}

TEST_CASE("store: a full disk fails the batch with a clear error and corrupts nothing") {
  TempDir dir;
  const std::string path = dir.File("q.sqlite");
  const auto docs = testing::Stories(0, 400);
  WriteAll(path, std::vector<StoredDocument>(docs.begin(), docs.begin() + 5), 5);
  const Counts before = CountsAt(path);
  const int64_t pages = std::stoll(Sql(path, "PRAGMA page_count"));
  {
    // A quota a few pages above the current size stands in for a disk that fills up.
    OpenOptions options = WriterOptions();
    options.max_page_count = pages + 4;
    auto store = OpenOrDie(path, options);
    auto w = store->Write(docs);
    REQUIRE_FALSE(w.ok());
    CHECK(w.status().code() == StatusCode::kDatabaseError);
    INFO(w.status().message());
    CHECK(w.status().message().find("disk is full") != std::string::npos);
    CHECK(w.status().message().find(path) != std::string::npos);
    // The connection is still usable and sees the state before the batch.
    auto c = store->Count();
    REQUIRE(c.ok());
    CHECK(*c == before);
  }
  CHECK(Sql(path, "PRAGMA integrity_check") == "ok");
  CHECK(CountsAt(path) == before);
  // With room again, the same batch goes through.
  WriteAll(path, docs, 400);
  CHECK(CountsAt(path).documents == 400);
}

TEST_CASE("store: a read-only database file gives a clear error for writers, reads still work") {
  TempDir dir;
  const std::string path = dir.File("q.sqlite");
  WriteAll(path, testing::Stories(0, 3), 3);
  REQUIRE(chmod(path.c_str(), 0444) == 0);
  REQUIRE(chmod(dir.path().c_str(), 0755) == 0);

  auto check = [&]() -> int {
    // Returns 0 when a writer is refused with the read-only message and a reader works.
    auto writer = QuoteStore::Open(path, WriterOptions());
    if (writer.ok()) return 1;
    if (writer.status().message().find("read-only") == std::string::npos) return 2;
    OpenOptions reader;
    reader.read_only = true;
    auto store = QuoteStore::Open(path, reader);
    if (!store.ok()) return 3;
    SearchOptions search;
    search.words = "taxes";
    auto hits = (*store)->Search(search);
    if (!hits.ok() || hits->size() != 1) return 4;
    return 0;
  };
  if (geteuid() != 0) {
    CHECK(check() == 0);
  } else {
    // root writes to anything; check as an unprivileged user in a child process.
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      if (setgid(65534) != 0 || setuid(65534) != 0) _exit(20);
      _exit(check());
    }
    CHECK(testing::Wait(pid) == 0);
  }
  chmod(path.c_str(), 0644);
  CHECK(Sql(path, "PRAGMA integrity_check") == "ok");
  CHECK(CountsAt(path).documents == 3);
}

TEST_CASE("store: searches run without errors while an ingest writes (WAL, busy timeout)") {
  TempDir dir;
  const std::string path = dir.File("q.sqlite");
  WriteAll(path, testing::Stories(0, 1), 1);
  std::atomic<bool> done{false};
  std::atomic<int> reads{0}, read_errors{0};
  std::string first_error;

  std::thread reader([&] {
    OpenOptions options;
    options.read_only = true;
    auto store = QuoteStore::Open(path, options);
    if (!store.ok()) {
      ++read_errors;
      first_error = store.status().message();
      return;
    }
    int64_t last_documents = 0;
    while (!done) {
      SearchOptions search;
      search.words = "harbor num*";
      search.limit = 5;
      auto hits = (*store)->Search(search);
      auto counts = (*store)->Count();
      if (!hits.ok() || !counts.ok()) {
        if (read_errors++ == 0) {
          first_error = !hits.ok() ? hits.status().message() : counts.status().message();
        }
        continue;
      }
      // Each read sees whole batches, never less than before.
      if (counts->documents < last_documents || counts->documents % 10 != 1) ++read_errors;
      last_documents = counts->documents;
      ++reads;
    }
  });

  {
    auto writer = OpenOrDie(path);
    const auto docs = testing::Stories(1, 300);
    for (size_t i = 0; i < docs.size(); i += 10) {
      auto w = writer->Write(std::vector<StoredDocument>(docs.begin() + i, docs.begin() + i + 10));
      INFO(w.status().message());
      CHECK(w.ok());
    }
  }
  done = true;
  reader.join();
  INFO(first_error);
  CHECK(read_errors == 0);
  CHECK(reads > 0);
  CHECK(CountsAt(path).documents == 301);
}

}  // namespace whosaid::store
