// Admission control for the requests that extract (extract, ingest): at most `workers` of
// them extract at a time, each on a worker of its own (WorkSlot::worker(), the index of the
// extractor it may use), and at most `queue` more wait; a request beyond that is turned
// away at once (503 with Retry-After) instead of piling up. A request holds its Ticket from
// before its body is read until its response is made, so a slow upload counts too.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <vector>

namespace whosaid::serve {

class Admission {
 public:
  Admission(int workers, size_t queue)
      : workers_(workers < 1 ? 1 : workers), capacity_(workers_ + queue) {
    for (int w = workers_ - 1; w >= 0; --w) idle_.push_back(w);
  }

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

  // Held while extracting: waits for an idle worker and holds it.
  class WorkSlot {
   public:
    explicit WorkSlot(Admission& a) : a_(a) {
      std::unique_lock lock(a_.mu_);
      a_.cv_.wait(lock, [&] { return !a_.idle_.empty(); });
      worker_ = a_.idle_.back();
      a_.idle_.pop_back();
    }
    ~WorkSlot() {
      {
        std::lock_guard lock(a_.mu_);
        a_.idle_.push_back(worker_);
      }
      a_.cv_.notify_one();
    }
    WorkSlot(const WorkSlot&) = delete;
    WorkSlot& operator=(const WorkSlot&) = delete;
    int worker() const { return worker_; }

   private:
    Admission& a_;
    int worker_ = 0;
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
  std::vector<int> idle_;  // workers not extracting
};

}  // namespace whosaid::serve
