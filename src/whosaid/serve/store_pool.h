// The service's connections to the quote database: one writer (ingests take turns on it)
// and read-only connections for searches, opened as needed and kept for reuse. A
// QuoteStore is one SQLite connection, used by one thread at a time.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "whosaid/status.h"
#include "whosaid/store/quote_store.h"

namespace whosaid::serve {

class StorePool {
 public:
  // Opens the writer (creating the file when new), so that readers find a database.
  // `speaker_scope_words`: the rule pack's words for the writer (store::OpenOptions).
  static Result<std::unique_ptr<StorePool>> Open(
      const std::string& path, int busy_timeout_ms,
      std::shared_ptr<const store::SpeakerScopeWords> speaker_scope_words);

  // A read-only connection, returned to the pool when the handle goes.
  class Reader {
   public:
    Reader(StorePool* pool, std::unique_ptr<store::QuoteStore> s)
        : pool_(pool), store_(std::move(s)) {}
    Reader(Reader&&) = default;
    ~Reader();
    store::QuoteStore& operator*() { return *store_; }
    store::QuoteStore* operator->() { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<store::QuoteStore> store_;
  };
  Result<Reader> Read();

  // The writer, locked for the life of the handle.
  class Writer {
   public:
    explicit Writer(StorePool& pool) : lock_(pool.write_mu_), store_(*pool.writer_) {}
    store::QuoteStore& operator*() { return store_; }
    store::QuoteStore* operator->() { return &store_; }

   private:
    std::unique_lock<std::mutex> lock_;
    store::QuoteStore& store_;
  };
  Writer Write() { return Writer(*this); }

  const std::string& path() const { return path_; }

 private:
  StorePool(std::string path, int busy_timeout_ms)
      : path_(std::move(path)), busy_(busy_timeout_ms) {}
  std::string path_;
  int busy_;
  std::unique_ptr<store::QuoteStore> writer_;
  std::mutex write_mu_;
  std::mutex read_mu_;
  std::vector<std::unique_ptr<store::QuoteStore>> idle_readers_;
};

}  // namespace whosaid::serve
