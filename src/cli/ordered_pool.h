// Runs jobs on N worker threads and hands their results back in submission order, with at
// most `max_in_flight` jobs queued or running, so memory stays bounded by the documents in
// flight whatever the input size. A job receives the index of the worker that runs it
// (0 when there are no threads and jobs run inline), for per-worker state.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace whosaid::cli {

template <typename R>
class OrderedPool {
 public:
  OrderedPool(int threads, size_t max_in_flight)
      : max_in_flight_(max_in_flight < 1 ? 1 : max_in_flight) {
    for (int i = 0; i < threads; ++i) workers_.emplace_back([this, i] { Work(i); });
  }
  ~OrderedPool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    for (auto& w : workers_) w.join();
  }

  // Queues `job`. When max_in_flight results are pending, first hands the oldest to `sink`.
  template <typename Sink>
  void Submit(std::function<R(int worker)> job, Sink&& sink) {
    while (pending_.size() >= max_in_flight_) Drain(1, sink);
    std::packaged_task<R(int)> task(std::move(job));
    pending_.push_back(task.get_future());
    if (workers_.empty()) {
      task(0);
    } else {
      {
        std::lock_guard<std::mutex> lock(mu_);
        tasks_.push_back(std::move(task));
      }
      cv_.notify_one();
    }
    // Hand over results that are already done, so output flows while input is read.
    while (!pending_.empty() &&
           pending_.front().wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
      Drain(1, sink);
    }
  }

  // Hands every remaining result to `sink`, in order.
  template <typename Sink>
  void Finish(Sink&& sink) {
    Drain(pending_.size(), sink);
  }

 private:
  template <typename Sink>
  void Drain(size_t n, Sink& sink) {
    for (size_t i = 0; i < n && !pending_.empty(); ++i) {
      R r = pending_.front().get();
      pending_.pop_front();
      sink(std::move(r));
    }
  }

  void Work(int worker) {
    while (true) {
      std::packaged_task<R(int)> task;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return stop_ || !tasks_.empty(); });
        if (tasks_.empty()) return;
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      task(worker);
    }
  }

  size_t max_in_flight_;
  std::deque<std::future<R>> pending_;  // only touched by the submitting thread
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::packaged_task<R(int)>> tasks_;
  bool stop_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace whosaid::cli
