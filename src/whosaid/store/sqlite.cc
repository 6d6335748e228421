#include "whosaid/store/sqlite.h"

#include <cerrno>
#include <utility>

namespace whosaid::store {
namespace {

// The start of a statement, for error messages: enough to find it, short enough to read.
std::string SqlHead(std::string_view sql) {
  std::string head;
  for (char c : sql.substr(0, 60)) head.push_back(c == '\n' ? ' ' : c);
  if (sql.size() > 60) head += "…";
  return head;
}

}  // namespace

Statement::Statement(Statement&& other) noexcept
    : connection_(other.connection_), stmt_(other.stmt_), bind_error_(other.bind_error_) {
  other.stmt_ = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    connection_ = other.connection_;
    stmt_ = other.stmt_;
    bind_error_ = other.bind_error_;
    other.stmt_ = nullptr;
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_ = SQLITE_OK;
  return *this;
}

void Statement::NoteBind(int rc) {
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
}

Statement& Statement::Bind(int index, int64_t value) {
  NoteBind(sqlite3_bind_int64(stmt_, index, value));
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  NoteBind(sqlite3_bind_double(stmt_, index, value));
  return *this;
}

Statement& Statement::Bind(int index, std::string_view value) {
  NoteBind(
      sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  return *this;
}

Statement& Statement::Bind(int index, const std::optional<std::string>& value) {
  return value ? Bind(index, std::string_view(*value)) : BindNull(index);
}

Statement& Statement::BindNull(int index) {
  NoteBind(sqlite3_bind_null(stmt_, index));
  return *this;
}

Result<bool> Statement::Step() {
  if (bind_error_ != SQLITE_OK) {
    return connection_->Error(bind_error_, "binding `" + SqlHead(sqlite3_sql(stmt_)) + "`");
  }
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  // The statement's own error code; sqlite3_reset() would return it too.
  Status error = connection_->Error(rc, "running `" + SqlHead(sqlite3_sql(stmt_)) + "`");
  sqlite3_reset(stmt_);
  return error;
}

Status Statement::Run() {
  while (true) {
    auto row = Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
  }
}

int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::Double(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::Text(int column) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (p == nullptr) return {};
  return std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::optional<std::string> Statement::OptionalText(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Text(column);
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path, int flags,
                                                     const std::string& name) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  std::unique_ptr<Connection> connection(new Connection(name.empty() ? path : name, db));
  if (rc != SQLITE_OK) return connection->Error(rc, "opening the database");
  sqlite3_extended_result_codes(db, 1);
  return connection;
}

Connection::~Connection() {
  cache_.clear();  // statements must be finalized before the connection closes
  sqlite3_close(db_);
}

Status Connection::Exec(const std::string& sql, std::string_view what) {
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return Error(rc, what);
  return Status::Ok();
}

Status Connection::ExecWaiting(const std::string& sql, std::string_view what, int timeout_ms) {
  constexpr int kStepMs = 5;
  for (int waited = 0;; waited += kStepMs) {
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return Status::Ok();
    if ((rc & 0xff) != SQLITE_BUSY || waited >= timeout_ms) return Error(rc, what);
    sqlite3_sleep(kStepMs);
  }
}

Result<Statement> Connection::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return Error(rc, "preparing `" + SqlHead(sql) + "`");
  return Statement(this, stmt);
}

Result<CachedStatement> Connection::Cached(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    auto stmt = Prepare(sql);
    if (!stmt.ok()) return stmt.status();
    it = cache_.emplace(sql, std::move(stmt).value()).first;
  }
  it->second.Reset();
  return CachedStatement(&it->second);
}

Result<int64_t> Connection::QueryInt(const std::string& sql) {
  auto stmt = Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  auto row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!*row) return DatabaseError(path_ + ": no result from " + sql);
  return stmt->Int(0);
}

std::string ErrorReason(int rc, int system_errno) {
  switch (rc & 0xff) {
    case SQLITE_FULL:
      return "the disk is full (or the database reached its size limit)";
    case SQLITE_IOERR:
      if (system_errno == ENOSPC || system_errno == EDQUOT) {
        return "the disk is full (or the disk quota is used up)";
      }
      return "an I/O error occurred";
    case SQLITE_READONLY:
      return "the database file (or its directory) is read-only";
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return "the database is locked by another process and stayed locked past the busy "
             "timeout";
    case SQLITE_NOTADB:
      return "the file is not a SQLite database";
    case SQLITE_CORRUPT:
      return "the database file is corrupt";
    case SQLITE_CANTOPEN:
      return "the file cannot be opened (missing directory or no permission)";
    default:
      return "";
  }
}

Status Connection::Error(int rc, std::string_view what) const {
  const std::string reason = ErrorReason(rc, db_ != nullptr ? sqlite3_system_errno(db_) : 0);
  std::string detail = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  std::string message = path_ + ": " + std::string(what) + ": ";
  if (!reason.empty()) {
    message += reason + " (" + detail + ")";
  } else {
    message += detail;
  }
  return DatabaseError(std::move(message));
}

}  // namespace whosaid::store
