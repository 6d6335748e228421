// QuoteStore: opening, transactions and counts. Writing one document is in store_writer.cc,
// the queries in store_reader.cc.
#include "whosaid/store/quote_store.h"

#include <cctype>
#include <filesystem>

#include "whosaid/store/integrity.h"
#include "whosaid/store/schema.h"
#include "whosaid/store/sqlite.h"

namespace whosaid::store {

void WriteSummary::Add(PutOutcome outcome) {
  switch (outcome) {
    case PutOutcome::kAdded:
      ++added;
      break;
    case PutOutcome::kChanged:
      ++changed;
      break;
    case PutOutcome::kUnchanged:
      ++unchanged;
      break;
  }
}

namespace {

// Whether a read-only connection can read at all (see Open).
bool CanRead(Connection& db) {
  const int rc =
      sqlite3_exec(db.handle(), "SELECT 1 FROM sqlite_schema LIMIT 1", nullptr, nullptr, nullptr);
  return (rc & 0xff) != SQLITE_READONLY && (rc & 0xff) != SQLITE_CANTOPEN;
}

// "file:/a%20b.sqlite?immutable=1": the path percent-encoded as an SQLite URI.
std::string ImmutableUri(const std::string& path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '.' || c == '-' || c == '_' || c == '~') {
      uri.push_back(static_cast<char>(c));
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 15];
    }
  }
  return uri + "?immutable=1";
}

// A failed Write() rolled its batch back: say so.
Status NothingWritten(const Status& s) {
  return Status(s.code(), s.message() + "; nothing of the failed batch was written");
}

// OK unless `path`-wal holds frames (it is longer than its 32-byte header).
Status CheckNoPendingWal(const std::string& path) {
  std::error_code ec;
  const std::string wal = path + "-wal";
  const auto size = std::filesystem::file_size(wal, ec);
  if (ec || size <= 32) return Status::Ok();
  const std::string dir = std::filesystem::path(path).parent_path().string();
  return DatabaseError(
      path + ": cannot read the latest changes: " + wal +
      " holds transactions not yet copied into the database, and reading them needs the "
      "-shm file, which is missing and cannot be created here (no write access to " +
      (dir.empty() ? std::string(".") : dir) +
      "). Open the database once as a user who can write there (any whosaid db command, e.g. "
      "`whosaid db migrate --db " +
      path + "`), or read a copy of the database and its -wal file");
}

// A writer decides which speakers are shared across stories (and a migration re-decides it
// for stored ones), so it needs the pack's words for that: without them every speaker
// would silently become one story's.
Status CheckSpeakerScopeWords(const std::string& path, const SpeakerScopeWords* words) {
  if (words == nullptr) {
    return InvalidArgument(path +
                           ": opening the quote database for writing needs the rule pack's "
                           "speaker-scope words (OpenOptions::speaker_scope_words)");
  }
  if (words->empty()) {
    return InvalidArgument(
        path +
        ": cannot write to the quote database: the rule pack's lexicon has none of the lists "
        "generic_speaker_openings, speaker_name_joining_words and group_speaker_nouns (declare "
        "them in lexicon/lexicon.manifest), which tell a named speaker from a generic one");
  }
  return Status::Ok();
}

}  // namespace

QuoteStore::QuoteStore(std::unique_ptr<Connection> db, bool read_only,
                       std::shared_ptr<const SpeakerScopeWords> speaker_scope_words)
    : speaker_scope_words_(std::move(speaker_scope_words)),
      db_(std::move(db)),
      read_only_(read_only) {}

QuoteStore::~QuoteStore() {
  if (in_batch_) RollbackBatch();
}

const std::string& QuoteStore::path() const { return db_->path(); }

int QuoteStore::SchemaVersion() { return kSchemaVersion; }

Result<std::unique_ptr<QuoteStore>> QuoteStore::Open(const std::string& path,
                                                     const OpenOptions& options) {
  if (path.empty()) return InvalidArgument("no database file given");
  if (!options.read_only) {
    if (Status s = CheckSpeakerScopeWords(path, options.speaker_scope_words.get()); !s.ok()) {
      return s;
    }
  }
  if (options.read_only) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      return DatabaseError(path + ": no such database file");
    }
  }
  const int flags =
      options.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  auto connection = Connection::Open(path, flags);
  if (!connection.ok()) return connection.status();
  if (options.read_only && !CanRead(**connection)) {
    // A WAL database needs its -shm file, which a reader without write access to the
    // directory cannot create. It exists whenever a writer is connected; without one, no
    // writer is, and the file can be read as it stands (immutable) -- unless a writer that
    // did not close left committed transactions in the -wal file, which an immutable
    // reader would silently miss.
    if (Status s = CheckNoPendingWal(path); !s.ok()) return s;
    connection = Connection::Open(ImmutableUri(path), flags | SQLITE_OPEN_URI, path);
    if (!connection.ok()) return connection.status();
  }
  Connection& db = **connection;
  sqlite3_busy_timeout(db.handle(), options.busy_timeout_ms);

  // SQLite quietly opens a write-protected file read-only; a writer wants to know now, not
  // at its first batch.
  if (!options.read_only && sqlite3_db_readonly(db.handle(), "main") == 1) {
    return DatabaseError(path + ": the database file is read-only; cannot write to it");
  }
  if (Status s = RegisterFunctions(db, options.speaker_scope_words.get()); !s.ok()) return s;
  if (Status s = db.Exec("PRAGMA foreign_keys = ON", "configuring the connection"); !s.ok()) {
    return s;
  }
  if (options.read_only) {
    if (Status s = CheckSchema(db); !s.ok()) return s;
  } else {
    if (Status s = CheckOwnership(db); !s.ok()) return s;
    if (Status s = CheckIntegrity(db); !s.ok()) return s;
    // WAL: readers never block the writer nor the writer them. synchronous = NORMAL is
    // safe in WAL mode: a crash or kill loses no committed transaction and never corrupts;
    // only a power cut may lose the last ones.
    if (Status s = db.ExecWaiting("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL",
                                  "switching to WAL mode", options.busy_timeout_ms);
        !s.ok()) {
      return s;
    }
    if (options.max_page_count > 0) {
      auto pages = db.QueryInt("PRAGMA max_page_count = " + std::to_string(options.max_page_count));
      if (!pages.ok()) return pages.status();
    }
    if (Status s = Migrate(db); !s.ok()) return s;
  }
  return std::unique_ptr<QuoteStore>(new QuoteStore(
      std::move(connection).value(), options.read_only, options.speaker_scope_words));
}

Status QuoteStore::BeginBatch() {
  if (read_only_) return InvalidArgument(path() + ": opened read-only");
  if (in_batch_) return InvalidArgument(path() + ": a batch is already open");
  // IMMEDIATE takes the write lock now (waiting up to the busy timeout), so a batch never
  // fails half-way because another writer got there first.
  if (Status s = db_->Exec("BEGIN IMMEDIATE", "starting a batch"); !s.ok()) return s;
  in_batch_ = true;
  return Status::Ok();
}

Status QuoteStore::CommitBatch() {
  if (!in_batch_) return InvalidArgument(path() + ": no batch is open");
  Status s = db_->Exec("COMMIT", "committing a batch");
  if (!s.ok()) {
    RollbackBatch();
    return s;
  }
  in_batch_ = false;
  return Status::Ok();
}

void QuoteStore::RollbackBatch() {
  // SQLite may already have rolled back on its own (after SQLITE_FULL, for one).
  if (!sqlite3_get_autocommit(db_->handle())) {
    sqlite3_exec(db_->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
  in_batch_ = false;
}

Result<WriteSummary> QuoteStore::Write(const std::vector<StoredDocument>& docs) {
  if (Status s = BeginBatch(); !s.ok()) return s;
  WriteSummary summary;
  for (const StoredDocument& doc : docs) {
    auto outcome = Put(doc);
    if (!outcome.ok()) {
      RollbackBatch();
      return NothingWritten(outcome.status());
    }
    summary.Add(*outcome);
    summary.occurrences += doc.quotes.size();
  }
  if (Status s = CommitBatch(); !s.ok()) return NothingWritten(s);
  return summary;
}

Result<Counts> QuoteStore::Count() {
  auto stmt = db_->Cached(
      "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM speakers), "
      "(SELECT count(*) FROM quotes), (SELECT count(*) FROM occurrences)");
  if (!stmt.ok()) return stmt.status();
  auto row = (*stmt)->Step();
  if (!row.ok()) return row.status();
  Counts c;
  c.documents = (*stmt)->Int(0);
  c.speakers = (*stmt)->Int(1);
  c.quotes = (*stmt)->Int(2);
  c.occurrences = (*stmt)->Int(3);
  return c;
}

}  // namespace whosaid::store
