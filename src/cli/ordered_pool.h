// Runs jobs on N worker threads and hands their results to a sink in submission order, with
// at most `max_in_flight` results pending, so memory stays bounded by the documents in flight
// whatever the input size. A job receives the index of the worker that runs it (0 when there
// are no threads and jobs run inline), for per-worker state.
//
// With threads, the sink runs on a writer thread of its own: a result is handed over as soon
// as it and every earlier one are done, even while the producer is blocked reading its next
// input (a pipeline that sends one story and waits for its quotes gets them).
#pragma once

#include <atomic>
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
  // `sink` receives every result, in order; it returns false to ask the producer to stop
  // (the output is gone), after which Submit returns false. Results already queued still
  // reach the sink.
  OrderedPool(int threads, size_t max_in_flight, std::function<bool(R)> sink)
      : max_in_flight_(max_in_flight < 1 ? 1 : max_in_flight), sink_(std::move(sink)) {
    for (int i = 0; i < threads; ++i) workers_.emplace_back([this, i] { Work(i); });
    if (threads > 0) writer_ = std::thread([this] { Write(); });
  }

  ~OrderedPool() {
    Finish();
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_workers_ = true;
    }
    tasks_cv_.notify_all();
    for (auto& w : workers_) w.join();
  }

  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  // Queues `job`, waiting while max_in_flight results are pending. False when the sink has
  // asked to stop (the job is not queued).
  bool Submit(std::function<R(int worker)> job) {
    if (stopped_) return false;
    if (workers_.empty()) {
      if (!sink_(job(0))) stopped_ = true;
      return true;
    }
    std::packaged_task<R(int)> task(std::move(job));
    {
      std::unique_lock<std::mutex> lock(mu_);
      space_cv_.wait(lock, [this] { return pending_.size() < max_in_flight_; });
      pending_.push_back(task.get_future());
      tasks_.push_back(std::move(task));
    }
    tasks_cv_.notify_one();
    pending_cv_.notify_one();
    return true;
  }

  // Waits until every submitted result has reached the sink.
  void Finish() {
    if (!writer_.joinable()) return;
    {
      std::lock_guard<std::mutex> lock(mu_);
      finishing_ = true;
    }
    pending_cv_.notify_all();
    writer_.join();
  }

 private:
  void Work(int worker) {
    while (true) {
      std::packaged_task<R(int)> task;
      {
        std::unique_lock<std::mutex> lock(mu_);
        tasks_cv_.wait(lock, [this] { return stop_workers_ || !tasks_.empty(); });
        if (tasks_.empty()) return;
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      task(worker);
    }
  }

  void Write() {
    while (true) {
      std::future<R> next;
      {
        std::unique_lock<std::mutex> lock(mu_);
        pending_cv_.wait(lock, [this] { return finishing_ || !pending_.empty(); });
        if (pending_.empty()) return;  // finishing, and nothing left
        next = std::move(pending_.front());
        pending_.pop_front();
      }
      space_cv_.notify_one();
      if (!sink_(next.get())) stopped_ = true;
    }
  }

  const size_t max_in_flight_;
  std::function<bool(R)> sink_;
  std::atomic<bool> stopped_{false};

  std::mutex mu_;
  std::condition_variable tasks_cv_;    // workers wait for tasks
  std::condition_variable pending_cv_;  // the writer waits for results to hand over
  std::condition_variable space_cv_;    // the producer waits for room
  std::deque<std::packaged_task<R(int)>> tasks_;
  std::deque<std::future<R>> pending_;  // in submission order
  bool finishing_ = false;
  bool stop_workers_ = false;

  std::vector<std::thread> workers_;
  std::thread writer_;
};

}  // namespace whosaid::cli
