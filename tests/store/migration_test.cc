// Schema versions: a database written in the version 1 layout (made here by hand, as an
// older whosaid would have left it) is migrated on open; newer and foreign files are refused.
#include <doctest/doctest.h>

#include "store_test_util.h"
#include "whosaid/store/quote_store.h"

namespace whosaid::store {
namespace {

using testing::OpenOrDie;
using testing::Sql;
using testing::SqlScript;
using testing::TempDir;
using testing::WriterOptions;

// The version 1 layout and a little data: two documents, two speakers, three quotes, one of
// them quoted in both documents. Written independently of the migration code on purpose.
constexpr const char* kVersion1 = R"sql(
PRAGMA application_id = 1465073993;
CREATE TABLE documents (
  id INTEGER PRIMARY KEY AUTOINCREMENT, doc_key TEXT NOT NULL UNIQUE, content_hash TEXT,
  meta TEXT, ingested_at TEXT NOT NULL);
CREATE TABLE speakers (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE COLLATE NOCASE);
CREATE TABLE quotes (
  id INTEGER PRIMARY KEY AUTOINCREMENT, speaker_id INTEGER REFERENCES speakers(id),
  text TEXT NOT NULL, normalized TEXT NOT NULL, type TEXT NOT NULL, cue TEXT, rule TEXT,
  confidence REAL NOT NULL);
CREATE UNIQUE INDEX quotes_by_words ON quotes(coalesce(speaker_id, 0), normalized);
CREATE INDEX quotes_by_speaker ON quotes(speaker_id);
CREATE TABLE occurrences (
  document_id INTEGER NOT NULL REFERENCES documents(id), ordinal INTEGER NOT NULL,
  quote_id INTEGER NOT NULL REFERENCES quotes(id), text TEXT,
  cp_start INTEGER NOT NULL, cp_end INTEGER NOT NULL, byte_start INTEGER NOT NULL,
  byte_end INTEGER NOT NULL, type TEXT NOT NULL, mention TEXT, speaker_start INTEGER,
  speaker_end INTEGER, role TEXT, cue TEXT, rule TEXT, confidence REAL NOT NULL,
  unclosed INTEGER NOT NULL DEFAULT 0, multi_paragraph INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (document_id, ordinal)) WITHOUT ROWID;
CREATE INDEX occurrences_by_quote ON occurrences(quote_id);

INSERT INTO documents VALUES
  (1, 'wire-1', 'aaa', '{"published":"2016-03-01T10:00:00Z","outlet":"Wire","url":"https://example.org/1"}', '2016-03-01T11:00:00Z'),
  (2, 'wire-2', 'bbb', '{"published":"2016-06-01","title":"Talks resume"}', '2016-06-01T11:00:00Z');
INSERT INTO speakers VALUES (1, 'Lena Ortiz'), (2, 'Mark Hill');
INSERT INTO quotes VALUES
  (1, 1, 'We came here ready to sign,', 'we came here ready to sign', 'direct', 'said', 'r1', 0.92),
  (2, 2, 'Two numbers separate us.', 'two numbers separate us', 'direct', 'told', 'r2', 0.81),
  (3, 1, 'Nobody wants to walk away.', 'nobody wants to walk away', 'direct', 'said', 'r1', 0.81);
INSERT INTO occurrences VALUES
  (1, 0, 1, NULL, 10, 37, 10, 37, 'direct', 'Lena Ortiz', 40, 50, 'a former negotiator', 'said', 'r1', 0.92, 0, 0),
  (1, 1, 2, NULL, 60, 84, 60, 84, 'direct', 'he', 86, 88, 'ambassador', 'told', 'r2', 0.81, 0, 0),
  (2, 0, 1, NULL, 5, 32, 5, 32, 'direct', 'she', 34, 37, NULL, 'said', 'r1', 0.81, 0, 0),
  (2, 1, 3, NULL, 40, 66, 40, 66, 'direct', 'Ortiz', 68, 73, 'an adviser', 'said', 'r1', 0.81, 0, 0);
PRAGMA user_version = 1;
)sql";

}  // namespace

TEST_CASE("store: a version 1 database is migrated when opened for writing") {
  TempDir dir;
  const std::string path = dir.File("v1.sqlite");
  REQUIRE(SqlScript(path, kVersion1) == "");
  REQUIRE(Sql(path, "PRAGMA user_version") == "1");

  // A reader cannot migrate: it says what to do.
  OpenOptions reader;
  reader.read_only = true;
  auto old = QuoteStore::Open(path, reader);
  REQUIRE_FALSE(old.ok());
  CHECK(old.status().message().find("older") != std::string::npos);
  CHECK(old.status().message().find("whosaid db migrate") != std::string::npos);

  {
    auto store = OpenOrDie(path);
    CHECK(Sql(path, "PRAGMA user_version") == std::to_string(QuoteStore::SchemaVersion()));
    // Nothing lost.
    auto counts = store->Count();
    REQUIRE(counts.ok());
    CHECK(*counts == Counts{2, 2, 3, 4});
    // Metadata moved into its columns, with the day --since compares.
    CHECK(Sql(path,
              "SELECT outlet || ' ' || url || ' ' || published_day FROM documents "
              "WHERE doc_key = 'wire-1'") == "Wire https://example.org/1 2016-03-01");
    CHECK(Sql(path, "SELECT title FROM documents WHERE doc_key = 'wire-2'") == "Talks resume");
    // The full-text index covers the old quotes.
    SearchOptions search;
    search.words = "ready sig*";
    auto hits = store->Search(search);
    REQUIRE(hits.ok());
    REQUIRE(hits->size() == 1);
    CHECK((*hits)[0].occurrences.size() == 2);
    search.since = "2016-05-01";
    hits = store->Search(search);
    REQUIRE(hits.ok());
    REQUIRE(hits->size() == 1);
    CHECK((*hits)[0].occurrences.size() == 1);
    // Roles were collected from the occurrences.
    auto speakers = store->Speakers();
    REQUIRE(speakers.ok());
    REQUIRE(speakers->size() == 2);
    CHECK((*speakers)[0].name == "Lena Ortiz");
    REQUIRE((*speakers)[0].roles.size() == 2);
    CHECK((*speakers)[0].roles[0].role == "a former negotiator");
    CHECK((*speakers)[0].roles[1].role == "an adviser");
    // New writes keep the old ids.
    StoredDocument again;
    again.id = "wire-2";
    again.content_hash = "ccc";
    StoredQuote q;
    q.text = "Nobody wants to walk away!";
    q.speaker = "Lena Ortiz";
    again.quotes.push_back(q);
    REQUIRE(store->Write({again}).ok());
    CHECK(Sql(path, "SELECT id FROM quotes WHERE normalized = 'nobody wants to walk away'") == "3");
    CHECK(Sql(path, "SELECT id FROM documents WHERE doc_key = 'wire-2'") == "2");
  }
  CHECK(Sql(path, "PRAGMA integrity_check") == "ok");
  // Opening again is a no-op, and now readers are welcome.
  OpenOrDie(path);
  CHECK(QuoteStore::Open(path, reader).ok());
}

// Version 1 with speakers that version 2 merged across stories: "the company" of two
// stories (one quote in both, one in each) and "police" in one.
constexpr const char* kMergedGenerics = R"sql(
INSERT INTO documents VALUES (3, 'firm-a', 'ccc', NULL, '2017-01-01T00:00:00Z'),
                             (4, 'firm-b', 'ddd', NULL, '2017-01-02T00:00:00Z');
INSERT INTO speakers VALUES (3, 'the company'), (4, 'police');
INSERT INTO quotes VALUES
  (4, 3, 'We do not comment on rumors.', 'we do not comment on rumors', 'direct', 'said', 'r1', 0.7),
  (5, 3, 'Sales doubled in the spring.', 'sales doubled in the spring', 'direct', 'said', 'r1', 0.7),
  (6, 3, 'The plant will stay open.', 'the plant will stay open', 'direct', 'said', 'r1', 0.7),
  (7, 4, 'The road is closed.', 'the road is closed', 'direct', 'said', 'r1', 0.7);
INSERT INTO occurrences VALUES
  (3, 0, 4, NULL, 1, 29, 1, 29, 'direct', 'the company', 30, 41, 'a maker of boats', 'said', 'r1', 0.9, 0, 0),
  (3, 1, 5, NULL, 50, 78, 50, 78, 'direct', 'the company', 80, 91, NULL, 'said', 'r1', 0.7, 0, 0),
  (4, 0, 4, NULL, 1, 29, 1, 29, 'direct', 'the company', 30, 41, 'a bakery', 'stated', 'r2', 0.6, 0, 0),
  (4, 1, 6, NULL, 50, 75, 50, 75, 'direct', 'the company', 80, 91, NULL, 'said', 'r1', 0.7, 0, 0),
  (4, 2, 7, NULL, 90, 109, 90, 109, 'direct', 'police', 110, 116, NULL, 'said', 'r1', 0.7, 0, 0);
)sql";

TEST_CASE("store: migrating to version 3 splits generic speakers merged across stories") {
  TempDir dir;
  const std::string path = dir.File("v1.sqlite");
  REQUIRE(SqlScript(path, std::string(kVersion1) + kMergedGenerics) == "");
  {
    auto store = OpenOrDie(path);
    // "the company" is now one speaker per story; Lena Ortiz is still one in both.
    CHECK(*store->Count() == Counts{4, 5, 8, 9});
    CHECK(Sql(path, "SELECT count(*) FROM speakers WHERE name = 'the company'") == "2");
    CHECK(Sql(path, "SELECT group_concat(document_id) FROM speakers WHERE name = 'Lena Ortiz'") ==
          "");
    // The first story keeps the old speaker and quote ids.
    CHECK(Sql(path, "SELECT document_id FROM speakers WHERE id = 3") == "3");
    CHECK(Sql(path, "SELECT quote_id FROM occurrences WHERE document_id = 3 AND ordinal = 0") ==
          "4");
    CHECK(Sql(path, "SELECT quote_id FROM occurrences WHERE document_id = 4 AND ordinal = 0") !=
          "4");
    CHECK(Sql(path, "SELECT count(*) FROM quotes WHERE id = 6") == "0");  // moved to firm-b's
    // Quote 4's representative is now firm-a's occurrence; firm-b's copy has its own.
    CHECK(Sql(path, "SELECT cue || ' ' || confidence FROM quotes WHERE id = 4") == "said 0.9");
    CHECK(Sql(path,
              "SELECT q.cue FROM quotes q JOIN occurrences o ON o.quote_id = q.id "
              "WHERE o.document_id = 4 AND o.ordinal = 0") == "stated");
    // Roles follow their story's speaker.
    CHECK(Sql(path,
              "SELECT s.document_id FROM speaker_roles r JOIN speakers s ON "
              "s.id = r.speaker_id WHERE r.role = 'a bakery'") == "4");
    SearchOptions search;
    search.words = "comment rumors";
    auto hits = store->Search(search);
    REQUIRE(hits.ok());
    CHECK(hits->size() == 2);  // one quote per story now, both in the search index
    auto speakers = store->Speakers();
    REQUIRE(speakers.ok());
    size_t companies = 0;
    for (const SpeakerInfo& s : *speakers) {
      if (s.name != "the company") continue;
      ++companies;
      CHECK(s.documents == 1);
      REQUIRE(s.story.has_value());
    }
    CHECK(companies == 2);
  }
  CHECK(Sql(path, "PRAGMA integrity_check") == "ok");
  CHECK(Sql(path, "SELECT count(*) FROM pragma_foreign_key_check") == "0");
  CHECK(Sql(path, "INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)") == "");
  CHECK(Sql(path, "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'migrate3%'") == "0");
}

// Version 1 with a one-word speaker quoted in two stories, which only a house list makes
// generic.
constexpr const char* kMergedBystanders = R"sql(
INSERT INTO speakers VALUES (3, 'Bystanders');
INSERT INTO quotes VALUES
  (4, 3, 'We ran.', 'we ran', 'direct', 'said', 'r1', 0.7),
  (5, 3, 'We hid.', 'we hid', 'direct', 'said', 'r1', 0.7);
INSERT INTO occurrences VALUES
  (1, 2, 4, NULL, 90, 97, 90, 97, 'direct', 'Bystanders', 100, 110, NULL, 'said', 'r1', 0.7, 0, 0),
  (2, 2, 5, NULL, 90, 97, 90, 97, 'direct', 'Bystanders', 100, 110, NULL, 'said', 'r1', 0.7, 0, 0);
)sql";

TEST_CASE("store: the version 3 migration decides speakers' scopes with the pack's words") {
  TempDir dir;
  // Without words a writer is refused, and the old database is left as it was.
  const std::string untouched = dir.File("untouched.sqlite");
  REQUIRE(SqlScript(untouched, std::string(kVersion1) + kMergedBystanders) == "");
  auto refused = QuoteStore::Open(untouched);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().code() == StatusCode::kInvalidArgument);
  CHECK(Sql(untouched, "PRAGMA user_version") == "1");
  // The English pack: "Bystanders" is a name, one speaker for both stories.
  const std::string english = dir.File("english.sqlite");
  REQUIRE(SqlScript(english, std::string(kVersion1) + kMergedBystanders) == "");
  OpenOrDie(english);
  CHECK(Sql(english, "SELECT count(*) FROM speakers WHERE name = 'Bystanders'") == "1");
  // A house list with it as a group noun: split, one speaker per story.
  const std::string house = dir.File("house.sqlite");
  REQUIRE(SqlScript(house, std::string(kVersion1) + kMergedBystanders) == "");
  SpeakerScopeWords words = *testing::EnglishSpeakerScopeWords();
  words.group_nouns.insert("bystanders");
  OpenOptions options;
  options.speaker_scope_words = std::make_shared<const SpeakerScopeWords>(std::move(words));
  OpenOrDie(house, options);
  CHECK(Sql(house,
            "SELECT group_concat(document_id) FROM (SELECT document_id FROM speakers "
            "WHERE name = 'Bystanders' ORDER BY document_id)") == "1,2");
  CHECK(Sql(house, "SELECT count(*) FROM pragma_foreign_key_check") == "0");
}

TEST_CASE("store: newer, foreign and non-database files are refused untouched") {
  TempDir dir;
  const std::string newer = dir.File("newer.sqlite");
  REQUIRE(SqlScript(newer, std::string(kVersion1) + "PRAGMA user_version = 99;") == "");
  auto s = QuoteStore::Open(newer, WriterOptions());
  REQUIRE_FALSE(s.ok());
  CHECK(s.status().code() == StatusCode::kDatabaseError);
  CHECK(s.status().message().find("newer whosaid") != std::string::npos);
  CHECK(Sql(newer, "PRAGMA user_version") == "99");
  CHECK(Sql(newer, "PRAGMA journal_mode") == "delete");

  const std::string foreign = dir.File("foreign.sqlite");
  REQUIRE(SqlScript(foreign, "CREATE TABLE invoices (id INTEGER PRIMARY KEY);") == "");
  s = QuoteStore::Open(foreign, WriterOptions());
  REQUIRE_FALSE(s.ok());
  CHECK(s.status().message().find("not a whosaid quote database") != std::string::npos);
  CHECK(Sql(foreign, "SELECT count(*) FROM sqlite_schema") == "1");
  CHECK(Sql(foreign, "PRAGMA journal_mode") == "delete");

  const std::string text = dir.File("notes.txt");
  { std::ofstream(text) << "These are not the pages you are looking for.\n"; }
  s = QuoteStore::Open(text, WriterOptions());
  REQUIRE_FALSE(s.ok());
  CHECK(s.status().message().find("not a SQLite database") != std::string::npos);
  CHECK(testing::ReadFile(text) == "These are not the pages you are looking for.\n");
}

}  // namespace whosaid::store
