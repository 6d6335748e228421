// Admission control for the requests that extract (extract, ingest): at most `workers` of
// them extract at a time and at most `queue` more wait; a request beyond that is turned
// away at once (503 with Retry-After) instead of piling up. A request holds its Ticket from
// before its body is read until its response is made, so a slow upload counts too.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>

namespace whosaid::serve {

class Admission {
 public:
  Admission(int workers, size_t queue)
      : workers_(workers < 1 ? 1 : workers), capacity_(workers_ + queue) {}

  class Ticket {
   public:
    explicit Ticket(Admission* a) : a_(a) {}
    Ticket(Ticket&& o) noexcept : a_(o.a_) { o.a_ = nullptr; }
    Ticket& operator=(Ticket&& o) noexcept {
      if (this != &o) {
        Release();
        a_ = o.a_;
        o.a_ = nullptr;
      }
      return *this;
    }
    ~Ticket() { Release(); }

   private:
    void Release() {
      if (a_) a_->admitted_.fetch_sub(1);
      a_ = nullptr;
    }
    Admission* a_;
  };

  // A ticket, or nullopt when `capacity()` requests are admitted already.
  std::optional<Ticket> TryEnter() {
    size_t n = admitted_.load();
    while (n < capacity_) {
      if (admitted_.compare_exchange_weak(n, n + 1)) return Ticket(this);
    }
    return std::nullopt;
  }

  // Held while extracting: blocks until fewer than `workers` requests extract.
  class WorkSlot {
   public:
    explicit WorkSlot(Admission& a) : a_(a) {
      std::unique_lock lock(a_.mu_);
      a_.cv_.wait(lock, [&] { return a_.working_ < a_.workers_; });
      ++a_.working_;
    }
    ~WorkSlot() {
      {
        std::lock_guard lock(a_.mu_);
        --a_.working_;
      }
      a_.cv_.notify_one();
    }
    WorkSlot(const WorkSlot&) = delete;
    WorkSlot& operator=(const WorkSlot&) = delete;

   private:
    Admission& a_;
  };

  size_t admitted() const { return admitted_.load(); }
  size_t capacity() const { return capacity_; }
  int workers() const { return workers_; }

 private:
  const int workers_;
  const size_t capacity_;
  std::atomic<size_t> admitted_{0};
  std::mutex mu_;
  std::condition_variable cv_;
  int working_ = 0;
};

}  // namespace whosaid::serve
