// A writer refuses a damaged database file, and SQLite's failures read as what they are (a
// full disk is a full disk, also when SQLite calls it an I/O error).
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <cerrno>
#include <fstream>

#include "store_test_util.h"
#include "whosaid/store/quote_store.h"
#include "whosaid/store/sqlite.h"

namespace whosaid::store {
namespace {

using testing::OpenOrDie;
using testing::Sql;
using testing::TempDir;
using testing::WriterOptions;

TEST_CASE("store: SQLite errors are explained; ENOSPC behind an I/O error is a full disk") {
  CHECK(ErrorReason(SQLITE_FULL, 0).find("disk is full") != std::string::npos);
  CHECK(ErrorReason(SQLITE_IOERR_WRITE, ENOSPC).find("disk is full") != std::string::npos);
  CHECK(ErrorReason(SQLITE_IOERR_SHMSIZE, ENOSPC).find("disk is full") != std::string::npos);
  CHECK(ErrorReason(SQLITE_IOERR_FSYNC, EDQUOT).find("disk is full") != std::string::npos);
  CHECK(ErrorReason(SQLITE_IOERR_READ, EIO) == "an I/O error occurred");
  CHECK(ErrorReason(SQLITE_BUSY, 0).find("locked") != std::string::npos);
  CHECK(ErrorReason(SQLITE_CONSTRAINT, 0).empty());
}

TEST_CASE("store: a writer refuses a damaged file and leaves it as it was") {
  TempDir dir;
  const std::string path = dir.File("q.sqlite");
  {
    auto store = OpenOrDie(path);
    REQUIRE(store->Write(testing::Stories(0, 3)).ok());
  }
  // The cell count of the quotes table's root page, made impossible.
  const long page_size = std::stol(Sql(path, "PRAGMA page_size"));
  const long root =
      std::stol(Sql(path, "SELECT rootpage FROM sqlite_schema WHERE name = 'quotes'"));
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp((root - 1) * page_size + 3);
    f.put('\xff').put('\xff');
  }
  REQUIRE(Sql(path, "PRAGMA quick_check") != "ok");
  const std::string before = testing::ReadFile(path);

  auto writer = QuoteStore::Open(path, WriterOptions());
  REQUIRE_FALSE(writer.ok());
  CHECK(writer.status().code() == StatusCode::kDatabaseError);
  CHECK(writer.status().message().find(path + ": the database file is damaged") == 0);
  CHECK(writer.status().message().find(".recover") != std::string::npos);
  CHECK(testing::ReadFile(path) == before);
}

TEST_CASE("store: a sound file passes the writer's check, an empty one too") {
  TempDir dir;
  const std::string path = dir.File("q.sqlite");
  { std::ofstream(path, std::ios::binary); }
  {
    auto store = OpenOrDie(path);
    REQUIRE(store->Write(testing::Stories(0, 2)).ok());
  }
  auto again = QuoteStore::Open(path, WriterOptions());
  CHECK(again.ok());
}

}  // namespace
}  // namespace whosaid::store
