// The quote database: every quote whosaid has seen, who said it, where and when, in one
// SQLite file that many readers can search while one writer ingests.
//
//   whosaid::store::OpenOptions options;  // for writing, the pack's speaker-scope words:
//   options.speaker_scope_words = std::make_shared<const whosaid::store::SpeakerScopeWords>(
//       extractor->lexicons().ToSpeakerScopeWords());
//   auto store = whosaid::store::QuoteStore::Open("quotes.sqlite", options);
//   if (!store.ok()) { /* store.status().message() */ }
//   auto summary = (*store)->Write(documents);          // one transaction
//   whosaid::store::SearchOptions search;
//   search.words = "\"trade talks\" negotiat*";
//   auto hits = (*store)->Search(search);
//
// Guarantees:
// - Writes go in transactions of one batch of documents: after a crash, a kill or an error
//   (full disk, read-only file) the database holds every earlier batch and nothing of the
//   failed one. Writing a batch again completes it.
// - Writing a document whose id is already stored replaces that document's occurrences,
//   metadata and roles: writing the same documents twice leaves the same rows with the same
//   ids. Quotes and speakers nothing refers to any more are removed.
// - The same words (NormalizeQuote) from the same speaker are one quote, wherever they
//   occur. A speaker whose canonical name is a personal name or a named body is one row
//   across all stories (names compared case-insensitively; namesakes too: their roles tell
//   them apart); a descriptor, group or pronoun ("the company", "police", "a spokesman") is
//   a speaker of its own in each story (speaker_scope.h, with the words of the rule pack's
//   lexicon given in OpenOptions). Quotes without a speaker share
//   the "unknown" key.
// - The file is in WAL mode with a busy timeout, so searches run while an ingest writes.
//
// A QuoteStore is one connection: use it from one thread at a time (open one per thread).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "whosaid/status.h"
#include "whosaid/store/records.h"
#include "whosaid/store/rows.h"
#include "whosaid/store/speaker_scope.h"

namespace whosaid::store {

class Connection;

struct OpenOptions {
  // Readers: the file must exist and be at the current schema version; nothing is written.
  // Writers (the default) create the file if needed and migrate an older schema.
  bool read_only = false;
  // How long to wait for another process's lock before failing with a "locked" error.
  int busy_timeout_ms = 10000;
  // When > 0, PRAGMA max_page_count: the database cannot grow past this many pages (a
  // quota; writes past it fail as on a full disk).
  int64_t max_page_count = 0;
  // The rule pack's words that tell a speaker shared across stories from a speaker of one
  // story (speaker_scope.h; entities::Lexicons::ToSpeakerScopeWords()). Required for
  // writing, since writes and schema migrations decide speakers' scopes; readers may leave
  // it null (the store keeps it for as long as it is open).
  std::shared_ptr<const SpeakerScopeWords> speaker_scope_words;
};

// What writing documents did.
enum class PutOutcome {
  kAdded,      // a document id not stored before
  kChanged,    // stored before with other content (or content unknown, as for imports)
  kUnchanged,  // stored before with the same content hash (its occurrences are rewritten)
};

struct WriteSummary {
  size_t added = 0, changed = 0, unchanged = 0;
  size_t occurrences = 0;  // quote occurrences written
  void Add(PutOutcome outcome);
};

// What Delete() removed.
struct DeleteSummary {
  size_t documents = 0;                // documents deleted
  size_t occurrences = 0;              // their quote occurrences
  size_t quotes = 0;                   // quotes no other document has, removed with them
  size_t speakers = 0;                 // speakers no other document quotes, removed with them
  std::vector<std::string> not_found;  // ids given that are not stored
};

struct SearchOptions {
  std::string words;                   // user input; see BuildFtsQuery(); may be empty
  std::optional<std::string> speaker;  // canonical name, compared case-insensitively
  std::optional<std::string> since;    // "YYYY-MM-DD": only occurrences published that day or later
  size_t limit = 50;                   // most quotes returned; 0: no limit
};

class QuoteStore {
 public:
  // Opens (for writing: creates and migrates) the database at `path`. Errors: the file is
  // not a whosaid database, is newer than this build, is read-only (for writing), does not
  // exist (for reading), or SQLite cannot open it; opening for writing without
  // options.speaker_scope_words (or with all three of its lists empty) is an
  // kInvalidArgument error, checked before the file is touched.
  static Result<std::unique_ptr<QuoteStore>> Open(const std::string& path,
                                                  const OpenOptions& options = {});
  ~QuoteStore();
  QuoteStore(const QuoteStore&) = delete;
  QuoteStore& operator=(const QuoteStore&) = delete;

  const std::string& path() const;
  // The schema version this build writes (and every opened database is at).
  static int SchemaVersion();

  // Writes `docs` in one transaction: all of them, or on error none (the Status says why:
  // disk full, read-only, locked past the busy timeout).
  Result<WriteSummary> Write(const std::vector<StoredDocument>& docs);

  // The same in steps, for callers that stream: BeginBatch(), Put() per document, then
  // CommitBatch() — or RollbackBatch(), which also happens when the store is destroyed with
  // a batch open. A Put() error leaves the batch open for the caller to roll back.
  Status BeginBatch();
  Result<PutOutcome> Put(const StoredDocument& doc);
  Status CommitBatch();
  void RollbackBatch();

  // Takes documents out (a retracted story): their occurrences and roles, then the quotes
  // and speakers left with none (and so their search entries), then the document rows. One
  // transaction: all of them, or on error none. Ids that are not stored are listed in
  // not_found and are not an error.
  Result<DeleteSummary> Delete(const std::vector<std::string>& ids);

  // Quotes matching `options.words` (ranked, best first) filtered by speaker and date; with
  // no words, every quote passing the filters in the order they were first stored. An
  // unknown speaker gives no quotes, not an error. Input never causes a query syntax error.
  Result<std::vector<QuoteHit>> Search(const SearchOptions& options);

  // The stored canonical spelling of `name` (case-insensitive), or nullopt when unknown.
  Result<std::optional<std::string>> FindSpeaker(const std::string& name);

  // When document `id` is stored with this content hash and metadata (so writing it again
  // would change nothing, given the same extraction settings): its number of occurrences.
  // nullopt when it is not stored, or stored with other content or metadata. Lets an
  // ingest skip extracting a story it has already stored.
  Result<std::optional<int64_t>> StoredUnchanged(const std::string& id,
                                                 const std::string& content_hash,
                                                 const nlohmann::json& meta);

  // Every speaker with their counts and roles, most quoted first.
  Result<std::vector<SpeakerInfo>> Speakers();

  // Calls `visit` for every occurrence, by document (in the order first stored) then in
  // document order; stops early when `visit` returns false.
  Status Export(const std::function<bool(const ExportRow&)>& visit);

  Result<Counts> Count();

 private:
  QuoteStore(std::unique_ptr<Connection> db, bool read_only,
             std::shared_ptr<const SpeakerScopeWords> speaker_scope_words);
  // The speaker row for `name` as written in document `doc_row`, created when new.
  Result<int64_t> SpeakerId(const std::string& name, int64_t doc_row);
  // What a document's occurrences and roles named, after removing them.
  struct Detached {
    std::set<int64_t> quotes, speakers;
    size_t occurrences = 0;
  };
  Result<Detached> Detach(int64_t doc_row);
  // Removes the quotes of `detached` that no occurrence refers to any more (unless
  // `touched`), then speakers with no quote and no role; refreshes the representative type,
  // cue, rule and confidence of the quotes that remain or were `touched`.
  struct Removed {
    size_t quotes = 0, speakers = 0;
  };
  Result<Removed> RemoveOrphans(Detached detached, std::set<int64_t> touched);
  Result<std::vector<Occurrence>> OccurrencesOf(int64_t quote_id,
                                                const std::optional<std::string>& since);

  // Declared before db_, so it outlives the connection whose SQL function points at it.
  std::shared_ptr<const SpeakerScopeWords> speaker_scope_words_;
  std::unique_ptr<Connection> db_;
  bool read_only_ = false;
  bool in_batch_ = false;
};

}  // namespace whosaid::store
