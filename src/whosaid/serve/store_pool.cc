#include "whosaid/serve/store_pool.h"

namespace whosaid::serve {

Result<std::unique_ptr<StorePool>> StorePool::Open(
    const std::string& path, int busy_timeout_ms,
    std::shared_ptr<const store::SpeakerScopeWords> speaker_scope_words) {
  std::unique_ptr<StorePool> pool(new StorePool(path, busy_timeout_ms));
  store::OpenOptions options;
  options.busy_timeout_ms = busy_timeout_ms;
  options.speaker_scope_words = std::move(speaker_scope_words);
  auto writer = store::QuoteStore::Open(path, options);
  if (!writer.ok()) return writer.status();
  pool->writer_ = std::move(writer).value();
  return pool;
}

Result<StorePool::Reader> StorePool::Read() {
  {
    std::lock_guard lock(read_mu_);
    if (!idle_readers_.empty()) {
      auto s = std::move(idle_readers_.back());
      idle_readers_.pop_back();
      return Reader(this, std::move(s));
    }
  }
  store::OpenOptions options;
  options.read_only = true;
  options.busy_timeout_ms = busy_;
  auto s = store::QuoteStore::Open(path_, options);
  if (!s.ok()) return s.status();
  return Reader(this, std::move(s).value());
}

StorePool::Reader::~Reader() {
  if (!store_ || !pool_) return;
  std::lock_guard lock(pool_->read_mu_);
  pool_->idle_readers_.push_back(std::move(store_));
}

}  // namespace whosaid::serve
