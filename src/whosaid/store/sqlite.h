// Thin RAII wrappers over the SQLite C API for the quote store: a connection that caches
// its prepared statements, and a statement with typed binds and column reads. Every SQLite
// failure becomes a Status (kDatabaseError) that names the database file, what was being
// done and SQLite's own reason; nothing here throws. Private to whosaid/store.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "whosaid/status.h"

namespace whosaid::store {

class Connection;

// A plain explanation of SQLite result code `rc` (primary or extended) for messages, or ""
// when SQLite's own is as good. `system_errno` is sqlite3_system_errno() of the failure: an
// I/O error for lack of space (ENOSPC, EDQUOT; SQLite reports those as SQLITE_IOERR when
// they hit the WAL index or a read) is a full disk, as SQLITE_FULL is.
std::string ErrorReason(int rc, int system_errno);

// One prepared statement. Binds are 1-based, columns 0-based, as in SQLite.
class Statement {
 public:
  Statement() = default;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Clears the bindings and rewinds, so the statement can run again.
  Statement& Reset();

  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view value);  // copied by SQLite
  Statement& Bind(int index, const std::string& value) {
    return Bind(index, std::string_view(value));
  }
  Statement& Bind(int index, const char* value) { return Bind(index, std::string_view(value)); }
  Statement& Bind(int index, const std::optional<std::string>& value);  // NULL when empty
  Statement& BindNull(int index);

  // Advances to the next row: true when there is one, false when done; an error Status when
  // SQLite fails (the first bind error is reported here too, so binds can be chained).
  Result<bool> Step();
  // Runs the statement to completion, ignoring any rows.
  Status Run();

  int64_t Int(int column) const;
  double Double(int column) const;
  std::string Text(int column) const;  // "" for NULL
  std::optional<std::string> OptionalText(int column) const;
  bool IsNull(int column) const;

 private:
  friend class Connection;
  Statement(Connection* connection, sqlite3_stmt* stmt) : connection_(connection), stmt_(stmt) {}
  void NoteBind(int rc);

  Connection* connection_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  int bind_error_ = SQLITE_OK;
};

// A connection's cached statement, borrowed for one use: it is reset when this goes out of
// scope, so a half-read result never keeps a read transaction (and its snapshot) open.
class CachedStatement {
 public:
  explicit CachedStatement(Statement* stmt) : stmt_(stmt) {}
  CachedStatement(CachedStatement&& other) noexcept : stmt_(other.stmt_) { other.stmt_ = nullptr; }
  CachedStatement& operator=(CachedStatement&&) = delete;
  CachedStatement(const CachedStatement&) = delete;
  ~CachedStatement() {
    if (stmt_ != nullptr) stmt_->Reset();
  }
  Statement* operator->() { return stmt_; }
  Statement& operator*() { return *stmt_; }

 private:
  Statement* stmt_;
};

// An open database connection. Closes on destruction (after finalizing its statements).
class Connection {
 public:
  // Opens `path` with sqlite3_open_v2 flags (SQLITE_OPEN_READONLY, or READWRITE | CREATE).
  // Messages name the database `name` (default: `path`, which may be a URI).
  static Result<std::unique_ptr<Connection>> Open(const std::string& path, int flags,
                                                  const std::string& name = "");
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  sqlite3* handle() { return db_; }
  // The database's name in messages (its file path).
  const std::string& path() const { return path_; }

  // Runs one or more SQL statements that return no rows we need.
  Status Exec(const std::string& sql, std::string_view what);
  // The same, retried while the database is busy for up to `timeout_ms` in all: for
  // statements SQLite does not wait for itself (changing the journal mode reports
  // SQLITE_BUSY at once while another connection holds a lock, busy timeout or not).
  Status ExecWaiting(const std::string& sql, std::string_view what, int timeout_ms);
  // Compiles `sql` into a new statement.
  Result<Statement> Prepare(std::string_view sql);
  // A statement prepared once per connection and reused, with no bindings. Do not borrow
  // the same statement twice at the same time.
  Result<CachedStatement> Cached(const std::string& sql);
  // Runs a query that yields one integer (e.g. a PRAGMA or a count).
  Result<int64_t> QueryInt(const std::string& sql);

  // A kDatabaseError Status for SQLite result code `rc` while doing `what`, with a plain
  // explanation of the common cases (full disk, read-only file, locked, not a database).
  Status Error(int rc, std::string_view what) const;

 private:
  Connection(std::string path, sqlite3* db) : path_(std::move(path)), db_(db) {}
  std::string path_;
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, Statement> cache_;
};

}  // namespace whosaid::store
