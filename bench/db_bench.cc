// Search latency on a quote database: runs a fixed mix of queries (words, phrases,
// prefixes, syntax characters, speaker and date filters) against an existing database and
// prints p50/p95/max per kind and overall. Built and run by bench/db_bench.sh.
//
//   db_bench DB [ROUNDS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "whosaid/store/quote_store.h"

namespace {

using whosaid::store::QuoteStore;
using whosaid::store::SearchOptions;

struct Query {
  const char* kind;
  std::string words;
  bool top_speaker = false;  // filter by the most quoted speaker
  const char* since = nullptr;
};

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: db_bench DB [ROUNDS]\n");
    return 2;
  }
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 20;
  whosaid::store::OpenOptions options;
  options.read_only = true;
  auto store = QuoteStore::Open(argv[1], options);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().message().c_str());
    return 2;
  }
  auto counts = (*store)->Count();
  auto speakers = (*store)->Speakers();
  if (!counts.ok() || !speakers.ok() || speakers->empty()) {
    std::fprintf(stderr, "cannot read the database\n");
    return 2;
  }
  const std::string top = speakers->front().name;
  std::printf("database: %lld documents, %lld speakers, %lld quotes, %lld occurrences\n",
              static_cast<long long>(counts->documents), static_cast<long long>(counts->speakers),
              static_cast<long long>(counts->quotes), static_cast<long long>(counts->occurrences));

  const std::vector<Query> queries = {
      {"word", "taxes"},
      {"word", "immigration"},
      {"word", "Clinton"},
      {"words", "border wall"},
      {"words", "health care costs"},
      {"phrase", "\"the American people\""},
      {"phrase", "\"make America great again\""},
      {"prefix", "negotiat*"},
      {"prefix", "econom* jobs"},
      {"syntax", "U.S. (R-Texas) OR \"unclosed"},
      {"speaker", "", true},
      {"speaker+words", "people", true},
      {"since", "said", false, "2016-06-01"},
  };
  std::vector<double> all;
  std::vector<std::pair<std::string, std::vector<double>>> by_kind;
  size_t total_hits = 0;
  for (const Query& q : queries) {
    SearchOptions search;
    search.words = q.words;
    if (q.top_speaker) search.speaker = top;
    if (q.since) search.since = q.since;
    search.limit = 20;
    auto it = std::find_if(by_kind.begin(), by_kind.end(),
                           [&](const auto& k) { return k.first == q.kind; });
    if (it == by_kind.end()) it = by_kind.insert(by_kind.end(), {q.kind, {}});
    for (int r = 0; r < rounds; ++r) {
      const auto t0 = std::chrono::steady_clock::now();
      auto hits = (*store)->Search(search);
      const double ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      if (!hits.ok()) {
        std::fprintf(stderr, "%s: %s\n", q.words.c_str(), hits.status().message().c_str());
        return 1;
      }
      if (r == 0) total_hits += hits->size();
      it->second.push_back(ms);
      all.push_back(ms);
    }
  }
  std::printf("%-14s %8s %8s %8s   (ms per Search(), limit 20, with occurrences)\n", "query", "p50",
              "p95", "max");
  for (const auto& [kind, ms] : by_kind) {
    std::printf("%-14s %8.2f %8.2f %8.2f\n", kind.c_str(), Percentile(ms, 0.5),
                Percentile(ms, 0.95), *std::max_element(ms.begin(), ms.end()));
  }
  std::printf("%-14s %8.2f %8.2f %8.2f   (%zu searches, %zu hits in the first round)\n", "all",
              Percentile(all, 0.5), Percentile(all, 0.95),
              *std::max_element(all.begin(), all.end()), all.size(), total_hits);
  return 0;
}
