// Taking stories out: QuoteStore::Delete removes a document's occurrences and whatever only
// it held (quotes, speakers, search entries), and leaves what other stories share.
#include <doctest/doctest.h>

#include "store_test_util.h"
#include "whosaid/store/quote_store.h"

namespace whosaid::store {
namespace {

using testing::Doc;
using testing::OpenOrDie;
using testing::Q;
using testing::Sql;
using testing::TempDir;

std::vector<StoredDocument> TwoStories() {
  std::vector<StoredDocument> docs;
  docs.push_back(Doc("a",
                     {Q("The harbor stays open all winter.", "Ana Ruiz", "minister", 0.95),
                      Q("Only the first story has these words.", "Mark Hill", "ambassador")},
                     "ha"));
  docs.push_back(Doc("b",
                     {Q("The harbor stays open all winter!", "Ana Ruiz", "mayor", 0.5),
                      Q("The second story speaks for itself.", "Lena Ortiz")},
                     "hb"));
  return docs;
}

size_t Hits(QuoteStore& store, const std::string& words) {
  SearchOptions search;
  search.words = words;
  auto hits = store.Search(search);
  REQUIRE(hits.ok());
  return hits->size();
}

TEST_CASE("store: Delete takes a story out with what only it had") {
  TempDir dir;
  const std::string path = dir.File("q.sqlite");
  auto store = OpenOrDie(path);
  REQUIRE(store->Write(TwoStories()).ok());

  auto deleted = store->Delete({"a", "nope"});
  REQUIRE(deleted.ok());
  CHECK(deleted->documents == 1);
  CHECK(deleted->occurrences == 2);
  CHECK(deleted->quotes == 1);    // Mark Hill's; Ana Ruiz's words are in story b too
  CHECK(deleted->speakers == 1);  // Mark Hill
  CHECK(deleted->not_found == std::vector<std::string>{"nope"});

  auto c = store->Count();
  REQUIRE(c.ok());
  CHECK(*c == Counts{1, 2, 2, 2});
  CHECK(Hits(*store, "\"first story\"") == 0);  // its search entry is gone
  SearchOptions harbor;
  harbor.words = "harbor";
  auto hits = store->Search(harbor);
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 1);
  CHECK((*hits)[0].occurrences.size() == 1);
  CHECK((*hits)[0].occurrences[0].document.id == "b");
  CHECK((*hits)[0].confidence == doctest::Approx(0.5));  // the remaining occurrence's
  auto speakers = store->Speakers();
  REQUIRE(speakers.ok());
  for (const SpeakerInfo& s : *speakers) {
    CHECK(s.name != "Mark Hill");
    for (const SpeakerRole& r : s.roles) CHECK(r.role != "minister");  // story a's role
  }
  CHECK(Sql(path, "PRAGMA integrity_check") == "ok");
  CHECK(Sql(path, "INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)") == "");
  CHECK(Sql(path, "SELECT count(*) FROM speaker_roles") == "1");

  // The same as a database that only ever had story b, and story a can come back.
  {
    auto only_b = OpenOrDie(dir.File("b.sqlite"));
    REQUIRE(only_b->Write({TwoStories()[1]}).ok());
    CHECK(*only_b->Count() == *c);
  }
  REQUIRE(store->Write({TwoStories()[0]}).ok());
  CHECK(*store->Count() == Counts{2, 3, 3, 4});
}

TEST_CASE("store: Delete of every story empties the store; unknown ids change nothing") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("q.sqlite"));
  REQUIRE(store->Write(TwoStories()).ok());
  auto none = store->Delete({"x", "y"});
  REQUIRE(none.ok());
  CHECK(none->documents == 0);
  CHECK(none->not_found.size() == 2);
  CHECK(*store->Count() == Counts{2, 3, 3, 4});
  auto all = store->Delete({"b", "a"});
  REQUIRE(all.ok());
  CHECK(all->documents == 2);
  CHECK(all->quotes == 3);
  CHECK(all->speakers == 3);
  CHECK(*store->Count() == Counts{0, 0, 0, 0});
  CHECK(Hits(*store, "harbor") == 0);
}

TEST_CASE("store: Delete on a read-only store is refused") {
  TempDir dir;
  const std::string path = dir.File("q.sqlite");
  { OpenOrDie(path)->Write(TwoStories()).value(); }
  OpenOptions reader;
  reader.read_only = true;
  auto ro = OpenOrDie(path, reader);
  CHECK(ro->Delete({"a"}).status().code() == StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace whosaid::store
