// Stops an httplib::Server on SIGTERM or SIGINT, without a signal handler or global state:
// the constructor blocks both signals in the calling thread, so every thread started after
// it (the server's) inherits the mask, and one thread takes them with sigtimedwait and calls
// Server::stop() (the server then finishes the requests in flight). A second signal while
// stopping is logged and ignored. It polls `done_` every 200 ms to end with the server.
// Construct it before the server starts its threads.
#pragma once

#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <spdlog/logger.h>

#include <atomic>
#include <thread>

namespace whosaid::cli {

class SignalWatcher {
 public:
  SignalWatcher() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGTERM);
    sigaddset(&set_, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set_, nullptr);
  }
  void Start(httplib::Server& server, spdlog::logger& log) {
    thread_ = std::thread([this, &server, &log] {
      const timespec wait{0, 200 * 1000 * 1000};
      bool stopping = false;
      while (!done_.load()) {
        const int sig = sigtimedwait(&set_, nullptr, &wait);
        if (sig != SIGTERM && sig != SIGINT) continue;
        const char* name = sig == SIGTERM ? "SIGTERM" : "SIGINT";
        if (stopping) {
          log.info("{}: already stopping; waiting for the requests in flight", name);
          continue;
        }
        log.info("{}: finishing the requests in flight, then stopping", name);
        server.stop();
        stopping = true;
      }
    });
  }
  // The signals stay blocked: one that comes while the process exits is not a kill.
  ~SignalWatcher() {
    done_.store(true);
    if (thread_.joinable()) thread_.join();
  }

 private:
  sigset_t set_;
  std::atomic<bool> done_{false};
  std::thread thread_;
};

}  // namespace whosaid::cli
