#include "whosaid/store/schema.h"

#include <string>

#include "whosaid/store/normalize.h"
#include "whosaid/store/speaker_scope.h"

namespace whosaid::store {
namespace {

// kMigrations[v] takes a database from version v to v + 1. Never edit a released step: add
// a new one.
constexpr const char* kMigrations[] = {
    // 0 → 1: documents, speakers, quotes and where each quote occurs.
    R"sql(
CREATE TABLE documents (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  doc_key TEXT NOT NULL UNIQUE,
  content_hash TEXT,
  meta TEXT,
  ingested_at TEXT NOT NULL
);
CREATE TABLE speakers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE quotes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  speaker_id INTEGER REFERENCES speakers(id),
  text TEXT NOT NULL,
  normalized TEXT NOT NULL,
  type TEXT NOT NULL,
  cue TEXT,
  rule TEXT,
  confidence REAL NOT NULL
);
CREATE UNIQUE INDEX quotes_by_words ON quotes(coalesce(speaker_id, 0), normalized);
CREATE INDEX quotes_by_speaker ON quotes(speaker_id);
CREATE TABLE occurrences (
  document_id INTEGER NOT NULL REFERENCES documents(id),
  ordinal INTEGER NOT NULL,
  quote_id INTEGER NOT NULL REFERENCES quotes(id),
  text TEXT,
  cp_start INTEGER NOT NULL,
  cp_end INTEGER NOT NULL,
  byte_start INTEGER NOT NULL,
  byte_end INTEGER NOT NULL,
  type TEXT NOT NULL,
  mention TEXT,
  speaker_start INTEGER,
  speaker_end INTEGER,
  role TEXT,
  cue TEXT,
  rule TEXT,
  confidence REAL NOT NULL,
  unclosed INTEGER NOT NULL DEFAULT 0,
  multi_paragraph INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (document_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX occurrences_by_quote ON occurrences(quote_id);
)sql",
    // 1 → 2: metadata in columns (url, published, outlet, title, and the day --since
    // compares), the roles each speaker was given in each document, and full-text search.
    R"sql(
ALTER TABLE documents ADD COLUMN url TEXT;
ALTER TABLE documents ADD COLUMN published TEXT;
ALTER TABLE documents ADD COLUMN published_day TEXT;
ALTER TABLE documents ADD COLUMN outlet TEXT;
ALTER TABLE documents ADD COLUMN title TEXT;
UPDATE documents SET
  url = CASE json_type(meta, '$.url') WHEN 'text' THEN json_extract(meta, '$.url') END,
  published = CASE json_type(meta, '$.published')
              WHEN 'text' THEN json_extract(meta, '$.published') END,
  outlet = CASE json_type(meta, '$.outlet') WHEN 'text' THEN json_extract(meta, '$.outlet') END,
  title = CASE json_type(meta, '$.title') WHEN 'text' THEN json_extract(meta, '$.title') END
WHERE meta IS NOT NULL AND json_valid(meta);
UPDATE documents SET published_day = whosaid_day(published) WHERE published IS NOT NULL;
CREATE INDEX documents_by_day ON documents(published_day);

CREATE TABLE speaker_roles (
  speaker_id INTEGER NOT NULL REFERENCES speakers(id),
  role TEXT NOT NULL,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  PRIMARY KEY (speaker_id, role, document_id)
) WITHOUT ROWID;
CREATE INDEX speaker_roles_by_document ON speaker_roles(document_id);
INSERT OR IGNORE INTO speaker_roles(speaker_id, role, document_id)
  SELECT q.speaker_id, o.role, o.document_id FROM occurrences o JOIN quotes q ON q.id = o.quote_id
  WHERE q.speaker_id IS NOT NULL AND o.role IS NOT NULL;

CREATE VIRTUAL TABLE quotes_fts USING fts5(
  text, content = 'quotes', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
  INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
)sql",
    // 2 → 3: a speaker whose name is no personal name or named body (speaker_scope.h: "the
    // company", "police") belongs to one document; those version 2 merged across stories
    // are split, one speaker (and its quotes) per document, the first keeping its ids.
    R"sql(
CREATE TABLE migrate3_pairs AS
  SELECT DISTINCT q.speaker_id AS speaker_id, o.document_id AS document_id
  FROM occurrences o JOIN quotes q ON q.id = o.quote_id JOIN speakers s ON s.id = q.speaker_id
  WHERE NOT whosaid_shared_name(s.name)
  UNION
  SELECT r.speaker_id, r.document_id FROM speaker_roles r JOIN speakers s ON s.id = r.speaker_id
  WHERE NOT whosaid_shared_name(s.name);
CREATE INDEX migrate3_pairs_by_speaker ON migrate3_pairs(speaker_id, document_id);
CREATE TABLE speakers_v3 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL COLLATE NOCASE,
  document_id INTEGER REFERENCES documents(id)
);
CREATE UNIQUE INDEX speakers_by_key ON speakers_v3(name, coalesce(document_id, 0));
CREATE INDEX speakers_by_document ON speakers_v3(document_id);
INSERT INTO speakers_v3(id, name, document_id)
  SELECT s.id, s.name,
         (SELECT min(p.document_id) FROM migrate3_pairs p WHERE p.speaker_id = s.id)
  FROM speakers s;
INSERT INTO speakers_v3(name, document_id)
  SELECT s.name, p.document_id FROM migrate3_pairs p JOIN speakers s ON s.id = p.speaker_id
  WHERE p.document_id >
        (SELECT min(p2.document_id) FROM migrate3_pairs p2 WHERE p2.speaker_id = p.speaker_id);
CREATE TABLE migrate3_map AS
  SELECT p.speaker_id AS old_id, p.document_id AS document_id, n.id AS new_id
  FROM migrate3_pairs p JOIN speakers s ON s.id = p.speaker_id
  JOIN speakers_v3 n ON n.name = s.name AND n.document_id = p.document_id
  WHERE n.id <> p.speaker_id;
CREATE INDEX migrate3_map_by_old ON migrate3_map(old_id, document_id);
INSERT INTO quotes(speaker_id, text, normalized, type, cue, rule, confidence)
  SELECT DISTINCT m.new_id, q.text, q.normalized, q.type, q.cue, q.rule, q.confidence
  FROM quotes q JOIN occurrences o ON o.quote_id = q.id
  JOIN migrate3_map m ON m.old_id = q.speaker_id AND m.document_id = o.document_id;
UPDATE occurrences SET quote_id = (
    SELECT nq.id FROM quotes q
    JOIN migrate3_map m ON m.old_id = q.speaker_id AND m.document_id = occurrences.document_id
    JOIN quotes nq ON nq.speaker_id = m.new_id AND nq.normalized = q.normalized
    WHERE q.id = occurrences.quote_id)
  WHERE EXISTS (
    SELECT 1 FROM quotes q
    JOIN migrate3_map m ON m.old_id = q.speaker_id AND m.document_id = occurrences.document_id
    WHERE q.id = occurrences.quote_id);
UPDATE speaker_roles SET speaker_id = (
    SELECT m.new_id FROM migrate3_map m
    WHERE m.old_id = speaker_roles.speaker_id AND m.document_id = speaker_roles.document_id)
  WHERE EXISTS (
    SELECT 1 FROM migrate3_map m
    WHERE m.old_id = speaker_roles.speaker_id AND m.document_id = speaker_roles.document_id);
DELETE FROM quotes WHERE NOT EXISTS (SELECT 1 FROM occurrences o WHERE o.quote_id = quotes.id);
UPDATE quotes SET (type, cue, rule, confidence) =
    (SELECT o.type, o.cue, o.rule, o.confidence FROM occurrences o WHERE o.quote_id = quotes.id
     ORDER BY o.confidence DESC, o.document_id, o.ordinal LIMIT 1)
  WHERE speaker_id IN (SELECT old_id FROM migrate3_map UNION SELECT new_id FROM migrate3_map);
DROP TABLE migrate3_map;
DROP TABLE migrate3_pairs;
DROP TABLE speakers;
ALTER TABLE speakers_v3 RENAME TO speakers;
)sql",
};
static_assert(std::size(kMigrations) == kSchemaVersion, "one migration per version");

struct Header {
  int64_t version = 0;
  int64_t application_id = 0;
  int64_t objects = 0;  // entries in sqlite_schema
};

// One statement, so one read transaction: the three values come from the same snapshot even
// while another process commits the schema (three queries could see the tables of its
// commit but the application id from before it).
Result<Header> ReadHeader(Connection& db) {
  auto stmt = db.Prepare(
      "SELECT (SELECT user_version FROM pragma_user_version), "
      "(SELECT application_id FROM pragma_application_id), "
      "(SELECT count(*) FROM sqlite_schema)");
  if (!stmt.ok()) return stmt.status();
  auto row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!*row) return DatabaseError(db.path() + ": cannot read the database header");
  Header h;
  h.version = stmt->Int(0);
  h.application_id = stmt->Int(1);
  h.objects = stmt->Int(2);
  return h;
}

// Whether the header belongs to a whosaid database this build can use (or an empty file).
Status CheckOwner(const Connection& db, const Header& h) {
  if (h.application_id != kApplicationId && !(h.application_id == 0 && h.objects == 0)) {
    return DatabaseError(db.path() + ": not a whosaid quote database (it holds other tables)");
  }
  if (h.version > kSchemaVersion) {
    return DatabaseError(db.path() + ": written by a newer whosaid (schema version " +
                         std::to_string(h.version) + "; this build knows up to " +
                         std::to_string(kSchemaVersion) + ")");
  }
  return Status::Ok();
}

void DayFunction(sqlite3_context* ctx, int /*argc*/, sqlite3_value** argv) {
  const unsigned char* text = sqlite3_value_text(argv[0]);
  if (text == nullptr) {
    sqlite3_result_null(ctx);
    return;
  }
  const auto n = static_cast<size_t>(sqlite3_value_bytes(argv[0]));
  auto day = PublishedDay(std::string_view(reinterpret_cast<const char*>(text), n));
  if (!day) {
    sqlite3_result_null(ctx);
    return;
  }
  sqlite3_result_text(ctx, day->data(), static_cast<int>(day->size()), SQLITE_TRANSIENT);
}

// whosaid_shared_name(name); the user data is the SpeakerScopeWords given to
// RegisterFunctions.
void SharedNameFunction(sqlite3_context* ctx, int /*argc*/, sqlite3_value** argv) {
  const auto* words = static_cast<const SpeakerScopeWords*>(sqlite3_user_data(ctx));
  if (words == nullptr) {
    sqlite3_result_error(ctx,
                         "whosaid_shared_name: the connection was opened without the rule "
                         "pack's speaker-scope words",
                         -1);
    return;
  }
  const unsigned char* text = sqlite3_value_text(argv[0]);
  if (text == nullptr) {
    sqlite3_result_int(ctx, 0);
    return;
  }
  const auto n = static_cast<size_t>(sqlite3_value_bytes(argv[0]));
  sqlite3_result_int(
      ctx, IsSharedSpeakerName(std::string_view(reinterpret_cast<const char*>(text), n), *words)
               ? 1
               : 0);
}

// Migrate(), with foreign keys off. IMMEDIATE: take the write lock first, then look again,
// so two processes opening an old database at once migrate it once.
Status MigrateLocked(Connection& db) {
  if (Status s = db.Exec("BEGIN IMMEDIATE", "starting the schema migration"); !s.ok()) return s;
  auto h = ReadHeader(db);
  Status status = h.ok() ? CheckOwner(db, *h) : h.status();
  for (int64_t v = h.ok() ? h->version : kSchemaVersion; status.ok() && v < kSchemaVersion; ++v) {
    status = db.Exec(kMigrations[v], "migrating the schema from version " + std::to_string(v) +
                                         " to " + std::to_string(v + 1));
  }
  if (status.ok()) {
    // user_version and application_id live in the database header, which is written in
    // this same transaction: a crash leaves the old version and the old tables together.
    status = db.Exec("PRAGMA application_id = " + std::to_string(kApplicationId) +
                         "; PRAGMA user_version = " + std::to_string(kSchemaVersion),
                     "recording the schema version");
  }
  if (status.ok()) {
    auto broken = db.QueryInt("SELECT count(*) FROM pragma_foreign_key_check");
    if (!broken.ok()) {
      status = broken.status();
    } else if (*broken != 0) {
      status = InternalError(db.path() + ": the schema migration left " + std::to_string(*broken) +
                             " broken references; nothing changed");
    }
  }
  if (status.ok()) status = db.Exec("COMMIT", "committing the schema migration");
  if (!status.ok()) {
    sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    return status;
  }
  return Status::Ok();
}

}  // namespace

Status RegisterFunctions(Connection& db, const SpeakerScopeWords* words) {
  constexpr int kFlags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  int rc = sqlite3_create_function_v2(db.handle(), "whosaid_day", 1, kFlags, nullptr, DayFunction,
                                      nullptr, nullptr, nullptr);
  if (rc == SQLITE_OK) {
    // The words are borrowed (no destructor): the QuoteStore keeps them past the connection.
    rc = sqlite3_create_function_v2(db.handle(), "whosaid_shared_name", 1, kFlags,
                                    const_cast<SpeakerScopeWords*>(words), SharedNameFunction,
                                    nullptr, nullptr, nullptr);
  }
  if (rc != SQLITE_OK) return db.Error(rc, "registering SQL functions");
  return Status::Ok();
}

Status CheckOwnership(Connection& db) {
  auto h = ReadHeader(db);
  if (!h.ok()) return h.status();
  return CheckOwner(db, *h);
}

Status Migrate(Connection& db) {
  auto before = ReadHeader(db);
  if (!before.ok()) return before.status();
  if (Status s = CheckOwner(db, *before); !s.ok()) return s;
  if (before->version == kSchemaVersion) return Status::Ok();

  // Version 3 rebuilds a table other tables refer to, which needs foreign key enforcement
  // off (it cannot change inside a transaction); the result is checked before the commit.
  if (Status s = db.Exec("PRAGMA foreign_keys = OFF", "starting the schema migration"); !s.ok()) {
    return s;
  }
  Status status = MigrateLocked(db);
  if (Status s = db.Exec("PRAGMA foreign_keys = ON", "finishing the schema migration");
      status.ok()) {
    status = s;
  }
  return status;
}

Status CheckSchema(Connection& db) {
  auto h = ReadHeader(db);
  if (!h.ok()) return h.status();
  if (h->objects == 0 && h->version == 0) {
    return DatabaseError(db.path() + ": empty database (nothing ingested yet)");
  }
  if (Status s = CheckOwner(db, *h); !s.ok()) return s;
  if (h->version < kSchemaVersion) {
    return DatabaseError(db.path() + ": schema version " + std::to_string(h->version) +
                         " is older than this whosaid's (" + std::to_string(kSchemaVersion) +
                         "); upgrade it with `whosaid db migrate --db " + db.path() + "`");
  }
  return Status::Ok();
}

}  // namespace whosaid::store
