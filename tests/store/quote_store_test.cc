// The quote store against real SQLite files: ingest, idempotent re-ingest, deduplication
// across stories, changed stories, search, speakers and export.
#include "whosaid/store/quote_store.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "store_test_util.h"
#include "whosaid/extractor.h"

namespace whosaid::store {
namespace {

using testing::Doc;
using testing::OpenOrDie;
using testing::Q;
using testing::Sql;
using testing::TempDir;
using testing::WriterOptions;

Counts CountsOf(QuoteStore& store) {
  auto c = store.Count();
  REQUIRE(c.ok());
  return *c;
}

std::vector<QuoteHit> Find(QuoteStore& store, const std::string& words,
                           std::optional<std::string> speaker = std::nullopt,
                           std::optional<std::string> since = std::nullopt) {
  SearchOptions o;
  o.words = words;
  o.speaker = std::move(speaker);
  o.since = std::move(since);
  auto hits = store.Search(o);
  INFO(words, ": ", hits.status().message());
  REQUIRE(hits.ok());
  return std::move(hits).value();
}

std::set<std::string> Texts(const std::vector<QuoteHit>& hits) {
  std::set<std::string> out;
  for (const QuoteHit& h : hits) out.insert(h.text);
  return out;
}

}  // namespace

TEST_CASE("store: a new database is created at the current schema, in WAL mode") {
  TempDir dir;
  const std::string path = dir.File("q.sqlite");
  {
    auto store = OpenOrDie(path);
    CHECK(CountsOf(*store) == Counts{});
  }
  CHECK(Sql(path, "PRAGMA user_version") == std::to_string(QuoteStore::SchemaVersion()));
  CHECK(Sql(path, "PRAGMA journal_mode") == "wal");
  CHECK(Sql(path, "PRAGMA application_id") == std::to_string(0x57534149));
}

TEST_CASE("store: ingest, then the same ingest again changes nothing") {
  TempDir dir;
  const std::string path = dir.File("q.sqlite");
  auto docs = testing::Stories(0, 5);
  auto store = OpenOrDie(path);
  auto first = store->Write(docs);
  REQUIRE(first.ok());
  CHECK(first->added == 5);
  CHECK(first->occurrences == 20);
  const Counts counts = CountsOf(*store);
  // 3 shared quotes (Ana Ruiz, Lena Ortiz, and per quarter), 5 own, speakers: 3 named.
  CHECK(counts.documents == 5);
  CHECK(counts.occurrences == 20);
  CHECK(counts.speakers == 3);
  CHECK(counts.quotes == 2 + 5 + 4);
  const std::string before = testing::ExportAll(*store);
  const std::string doc_ids = Sql(path, "SELECT group_concat(id || doc_key) FROM documents");

  auto again = store->Write(docs);
  REQUIRE(again.ok());
  CHECK(again->unchanged == 5);
  CHECK(again->added == 0);
  CHECK(CountsOf(*store) == counts);
  CHECK(testing::ExportAll(*store) == before);  // same quote ids, same order
  CHECK(Sql(path, "SELECT group_concat(id || doc_key) FROM documents") == doc_ids);
  CHECK(Sql(path, "SELECT group_concat(id || name) FROM speakers") ==
        "1Ana Ruiz,2Mark Hill,3Lena Ortiz");
}

TEST_CASE("store: the same words from the same speaker in two stories are one quote") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("q.sqlite"));
  REQUIRE(store
              ->Write({Doc("a", {Q("We came here ready to sign,", "Lena Ortiz", "negotiator")}),
                       Doc("b", {Q("we came here READY to sign.", "LENA  ORTIZ", "adviser"),
                                 Q("We came here ready to sign,", "Mark Hill")})})
              .ok());
  const Counts c = CountsOf(*store);
  CHECK(c.occurrences == 3);
  CHECK(c.quotes == 2);    // Ortiz's (twice) and Hill's
  CHECK(c.speakers == 2);  // "LENA  ORTIZ" is Lena Ortiz
  auto hits = Find(*store, "ready sign", std::string("LENA ORTIZ"));
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].speaker == "Lena Ortiz");
  REQUIRE(hits[0].occurrences.size() == 2);
  CHECK(hits[0].occurrences[0].document.id == "a");
  CHECK(hits[0].occurrences[1].document.id == "b");
  // Each occurrence keeps the text as that story printed it.
  CHECK(hits[0].occurrences[1].quote.text == "we came here READY to sign.");

  auto speakers = store->Speakers();
  REQUIRE(speakers.ok());
  REQUIRE(speakers->size() == 2);
  const SpeakerInfo& ortiz = (*speakers)[0];
  CHECK(ortiz.name == "Lena Ortiz");
  CHECK(ortiz.quotes == 1);
  CHECK(ortiz.occurrences == 2);
  CHECK(ortiz.documents == 2);
  REQUIRE(ortiz.roles.size() == 2);
  CHECK(ortiz.roles[0].role == "adviser");
  CHECK(ortiz.roles[0].documents == std::vector<std::string>{"b"});
  CHECK(ortiz.roles[1].role == "negotiator");
  CHECK(ortiz.roles[1].documents == std::vector<std::string>{"a"});
}

TEST_CASE("store: a changed story replaces the old version's quotes") {
  TempDir dir;
  const std::string path = dir.File("q.sqlite");
  auto store = OpenOrDie(path);
  REQUIRE(store
              ->Write({Doc("a", {Q("Shared words here.", "Ana Ruiz", "minister"),
                                 Q("Words only in the first draft.", "Tom Becker")}),
                       Doc("b", {Q("Shared words here.", "Ana Ruiz")})})
              .ok());
  const int64_t doc_id = std::stoll(Sql(path, "SELECT id FROM documents WHERE doc_key = 'a'"));
  const std::string shared_id =
      Sql(path, "SELECT id FROM quotes WHERE normalized = 'shared words here'");

  auto changed = store->Write(
      {Doc("a", {Q("Shared words here.", "Ana Ruiz"), Q("A correction.", "Ana Ruiz")}, "h2")});
  REQUIRE(changed.ok());
  CHECK(changed->changed == 1);
  const Counts c = CountsOf(*store);
  CHECK(c.documents == 2);
  CHECK(c.occurrences == 3);
  CHECK(c.quotes == 2);    // the draft's words are gone
  CHECK(c.speakers == 1);  // and so is Tom Becker, who said nothing else
  CHECK(Find(*store, "draft").empty());
  CHECK(std::stoll(Sql(path, "SELECT id FROM documents WHERE doc_key = 'a'")) == doc_id);
  CHECK(Sql(path, "SELECT id FROM quotes WHERE normalized = 'shared words here'") == shared_id);
  // The role given only by the old version is gone too.
  CHECK(Sql(path, "SELECT count(*) FROM speaker_roles") == "0");
  CHECK(Sql(path, "PRAGMA foreign_key_check") == "");
}

TEST_CASE("store: a quote's type, cue and confidence are its most confident occurrence's") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("q.sqlite"));
  auto weak = Q("Same words.", "Ana Ruiz", std::nullopt, 0.4);
  weak.cue = "added";
  REQUIRE(store->Write({Doc("a", {weak}), Doc("b", {Q("Same words.", "Ana Ruiz", {}, 0.9)})}).ok());
  auto hits = Find(*store, "same");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].confidence == doctest::Approx(0.9));
  CHECK(hits[0].cue == "said");
  // Removing the confident one hands the quote back to the other.
  REQUIRE(store->Write({Doc("b", {}, "h2")}).ok());
  hits = Find(*store, "same");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].confidence == doctest::Approx(0.4));
  CHECK(hits[0].cue == "added");
}

TEST_CASE("store: search by phrase, prefix, speaker and date") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("q.sqlite"));
  REQUIRE(store
              ->Write({Doc("a",
                           {Q("The northern grounds would be empty within a decade.", "Ana Ruiz"),
                            Q("Grounds for hope remain in the north.", "Mark Hill")},
                           "h", "2016-03-01"),
                       Doc("b",
                           {Q("Negotiations resume in the autumn.", "Ana Ruiz"),
                            Q("The U.S. position (as stated) has not changed.", "Mark Hill")},
                           "h", "2016-05-20T08:00:00Z"),
                       Doc("c", {Q("Our negotiators are ready.", std::nullopt)})})
              .ok());

  CHECK(Texts(Find(*store, "grounds")) ==
        std::set<std::string>{"The northern grounds would be empty within a decade.",
                              "Grounds for hope remain in the north."});
  // A phrase must appear as such.
  CHECK(Texts(Find(*store, "\"northern grounds\"")) ==
        std::set<std::string>{"The northern grounds would be empty within a decade."});
  CHECK(Find(*store, "\"grounds northern\"").empty());
  // Prefixes.
  CHECK(Texts(Find(*store, "negotiat*")) ==
        std::set<std::string>{"Negotiations resume in the autumn.", "Our negotiators are ready."});
  CHECK(Find(*store, "negotiat").empty());
  // Speaker and date filters.
  CHECK(Texts(Find(*store, "negotiat*", std::string("ana ruiz"))) ==
        std::set<std::string>{"Negotiations resume in the autumn."});
  CHECK(Find(*store, "grounds", std::string("Nobody Known")).empty());
  CHECK(Texts(Find(*store, "the", std::nullopt, std::string("2016-04-01"))) ==
        std::set<std::string>{"Negotiations resume in the autumn.",
                              "The U.S. position (as stated) has not changed."});
  // No words: a listing by the filters.
  CHECK(Find(*store, "", std::string("Mark Hill")).size() == 2);
  // Ranked: the quote that says "grounds" and "north*" most closely comes first.
  auto ranked = Find(*store, "grounds north*");
  REQUIRE(ranked.size() == 2);
  CHECK(ranked[0].score >= ranked[1].score);
  // Metadata travels with the occurrence.
  auto dated = Find(*store, "autumn");
  REQUIRE(dated.size() == 1);
  REQUIRE(dated[0].occurrences.size() == 1);
  CHECK(dated[0].occurrences[0].document.published == "2016-05-20T08:00:00Z");
  CHECK(dated[0].occurrences[0].document.outlet == "Test Wire");
}

TEST_CASE("store: search input with FTS5 syntax characters never fails") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("q.sqlite"));
  REQUIRE(store
              ->Write({Doc("a", {Q("The U.S. position (as stated) has not changed.", "Mark Hill"),
                                 Q("Ask NEAR the harbor, or not at all.", "Ana Ruiz")})})
              .ok());
  CHECK(Find(*store, "U.S.").size() == 1);
  CHECK(Find(*store, "(as stated)").size() == 1);
  CHECK(Find(*store, "\"U.S. position\"").size() == 1);
  CHECK(Find(*store, "NEAR harbor").size() == 1);
  CHECK(Find(*store, "or NOT").size() == 1);
  for (const char* nasty : {"\"",      "\"\"",     "(",          ")",
                            "*",       "-",        "^",          ":",
                            "a:b",     "AND",      "OR",         "NOT",
                            "NEAR(",   "NEAR/2",   "{position}", "position:",
                            "U.S.*",   "'",        "\\",         "\u2014",
                            "\u201C",  "+ - * /",  "col:U.S.",   "\"unclosed (",
                            "a OR",    "\"a\" \"", "''",         "%",
                            "_",       "[x]",      ";--",        "\xF0\x9F\x98\x80",
                            "stated)", "(as"}) {
    SearchOptions o;
    o.words = nasty;
    auto hits = store->Search(o);
    INFO(nasty);
    CHECK(hits.ok());
  }
}

TEST_CASE("store: export gives back what was stored, by document") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("q.sqlite"));
  auto d =
      Doc("a", {Q("One.", "Ana Ruiz", "minister"), Q("Two.", std::nullopt)}, "h", "2020-01-02");
  d.quotes[0].mention = "she";
  d.quotes[0].speaker_start = 1;
  d.quotes[0].speaker_end = 4;
  d.quotes[1].unclosed = true;
  d.quotes[1].rule = "";
  REQUIRE(store->Write({d}).ok());
  std::vector<ExportRow> rows;
  std::vector<nlohmann::json> metas;
  REQUIRE(store
              ->Export([&](const ExportRow& r) {
                rows.push_back(r);
                metas.push_back(r.meta ? *r.meta : nlohmann::json());
                return true;
              })
              .ok());
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].doc == "a");
  CHECK(rows[0].quote.text == "One.");
  CHECK(rows[0].quote.speaker == "Ana Ruiz");
  CHECK(rows[0].quote.mention == "she");
  CHECK(rows[0].quote.speaker_start == 1u);
  CHECK(rows[0].quote.role == "minister");
  CHECK(rows[1].quote.speaker == std::nullopt);
  CHECK(rows[1].quote.unclosed);
  CHECK(rows[1].quote.rule.empty());
  CHECK(metas[0]["published"] == "2020-01-02");
}

TEST_CASE("store: ingesting the examples stores what the extractor found") {
  TempDir dir;
  ExtractorOptions options;
  options.default_rules_dir = std::string(WHOSAID_SOURCE_DIR) + "/rules/en";
  std::vector<rules::Diagnostic> diagnostics;
  auto extractor = Extractor::Create(options, &diagnostics);
  REQUIRE(extractor.ok());
  std::vector<StoredDocument> docs;
  size_t quotes = 0;
  for (const char* name : {"council_vote.txt", "wire_trade_talks.txt"}) {
    const std::string path = std::string(WHOSAID_SOURCE_DIR) + "/examples/" + name;
    auto doc = text::Document::FromBytes(name, testing::ReadFile(path));
    REQUIRE(doc.ok());
    const ExtractResult result = (*extractor)->Extract(*doc);
    quotes += result.quotes.size();
    docs.push_back(FromExtraction(*doc, nullptr, result));
    CHECK(docs.back().content_hash->size() == 64);
  }
  REQUIRE(quotes > 0);
  auto store = OpenOrDie(dir.File("q.sqlite"));
  REQUIRE(store->Write(docs).ok());
  CHECK(CountsOf(*store).occurrences == static_cast<int64_t>(quotes));
  auto hits = Find(*store, "\"two numbers\"");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].speaker == "Mark Hill");
  auto speaker = store->FindSpeaker("ellen brandt");
  REQUIRE(speaker.ok());
  CHECK(*speaker == "Ellen Brandt");
}

TEST_CASE("store: misuse is an error Status, not a crash") {
  TempDir dir;
  const std::string path = dir.File("q.sqlite");
  CHECK(QuoteStore::Open("").status().code() == StatusCode::kInvalidArgument);
  OpenOptions reader;
  reader.read_only = true;
  auto missing = QuoteStore::Open(path, reader);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message().find("no such database") != std::string::npos);
  { OpenOrDie(path); }
  auto ro = OpenOrDie(path, reader);
  auto write = ro->Write({Doc("a", {})});
  CHECK(write.status().code() == StatusCode::kInvalidArgument);
  auto store = OpenOrDie(path);
  CHECK(store->Put(Doc("a", {})).status().code() == StatusCode::kInvalidArgument);
  REQUIRE(store->BeginBatch().ok());
  CHECK_FALSE(store->BeginBatch().ok());
  store->RollbackBatch();
  CHECK_FALSE(store->CommitBatch().ok());
}

TEST_CASE("store: StoredUnchanged finds a document stored with the same hash and metadata") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("q.sqlite"));
  const auto docs = testing::Stories(0, 2);  // hash "hash-0", meta {published, outlet}
  REQUIRE(store->Write(docs).ok());
  auto same = store->StoredUnchanged("story-0", "hash-0", docs[0].meta);
  REQUIRE(same.ok());
  REQUIRE(same->has_value());
  CHECK(**same == 4);  // its occurrences
  CHECK_FALSE(store->StoredUnchanged("story-0", "hash-1", docs[0].meta)->has_value());
  CHECK_FALSE(store->StoredUnchanged("story-0", "hash-0", nullptr)->has_value());
  nlohmann::json other = docs[0].meta;
  other["title"] = "Corrected";
  CHECK_FALSE(store->StoredUnchanged("story-0", "hash-0", other)->has_value());
  CHECK_FALSE(store->StoredUnchanged("story-9", "hash-0", docs[0].meta)->has_value());
  // A document without metadata matches null and an empty object alike.
  std::vector<StoredDocument> plain;
  plain.push_back(Doc("plain", {Q("Plain words here.", "Ana Ruiz")}, "hp"));
  REQUIRE(store->Write(plain).ok());
  CHECK(store->StoredUnchanged("plain", "hp", nullptr)->has_value());
  CHECK(store->StoredUnchanged("plain", "hp", nlohmann::json::object())->has_value());
}

TEST_CASE("store: generic speakers are one per story, named ones one everywhere") {
  TempDir dir;
  const std::string path = dir.File("q.sqlite");
  auto store = OpenOrDie(path);
  auto stories = [](const std::string& suffix) {
    std::vector<StoredDocument> docs;
    for (const char* id : {"boats", "bakery"}) {
      docs.push_back(
          Doc(id + suffix,
              {Q("We do not comment on rumors.", "the company"), Q("The road is closed.", "police"),
               Q("No injuries.", "a spokesman"), Q("Permits were signed.", "one official"),
               Q("Orders keep coming.", "John Smith", std::string(id) + " worker")},
              std::string("h-") + id));
    }
    return docs;
  };
  REQUIRE(store->Write(stories("")).ok());
  CHECK(*store->Count() == Counts{2, 9, 9, 10});
  auto speakers = store->Speakers();
  REQUIRE(speakers.ok());
  REQUIRE(speakers->size() == 9);
  CHECK((*speakers)[0].name == "John Smith");
  CHECK((*speakers)[0].occurrences == 2);
  CHECK_FALSE((*speakers)[0].story.has_value());
  CHECK((*speakers)[0].roles.size() == 2);  // namesakes told apart by their roles
  for (size_t i = 1; i < speakers->size(); ++i) {
    CHECK((*speakers)[i].occurrences == 1);
    CHECK((*speakers)[i].story.has_value());
  }
  // Writing the stories again keeps every id; deleting one takes its own speakers along.
  const std::string before = testing::ExportAll(*store);
  REQUIRE(store->Write(stories("")).ok());
  CHECK(testing::ExportAll(*store) == before);
  auto deleted = store->Delete({"boats"});
  REQUIRE(deleted.ok());
  CHECK(deleted->speakers == 4);
  CHECK(*store->Count() == Counts{1, 5, 5, 5});
  CHECK(Sql(path, "SELECT count(*) FROM pragma_foreign_key_check") == "0");
}

TEST_CASE("store: opening for writing needs the rule pack's speaker-scope words") {
  TempDir dir;
  const std::string path = dir.File("q.sqlite");
  // No words: an error before the file is created.
  auto none = QuoteStore::Open(path);
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().code() == StatusCode::kInvalidArgument);
  CHECK(none.status().message().find("speaker-scope words") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(path));
  // Words with all three lists empty (a pack whose manifest declares none of them).
  OpenOptions empty;
  empty.speaker_scope_words = std::make_shared<const SpeakerScopeWords>();
  auto unnamed = QuoteStore::Open(path, empty);
  REQUIRE_FALSE(unnamed.ok());
  CHECK(unnamed.status().code() == StatusCode::kInvalidArgument);
  CHECK(unnamed.status().message().find("group_speaker_nouns") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(path));
  // Readers need none.
  { OpenOrDie(path)->Write({Doc("a", {Q("Fine.", "police")})}).value(); }
  OpenOptions reader;
  reader.read_only = true;
  auto ro = OpenOrDie(path, reader);
  CHECK(ro->Count()->speakers == 1);
}

TEST_CASE("store: a house group noun makes a one-word speaker one story's") {
  TempDir dir;
  auto two_stories = [] {
    return std::vector<StoredDocument>{Doc("a", {Q("We ran.", "Bystanders")}, "h-a"),
                                       Doc("b", {Q("We hid.", "Bystanders")}, "h-b")};
  };
  // The English pack has no such group noun: one speaker for both stories.
  auto english = OpenOrDie(dir.File("english.sqlite"));
  REQUIRE(english->Write(two_stories()).ok());
  CHECK(english->Count()->speakers == 1);
  // A house list that adds it: one speaker per story.
  SpeakerScopeWords words = *testing::EnglishSpeakerScopeWords();
  words.group_nouns.insert("bystanders");
  OpenOptions house;
  house.speaker_scope_words = std::make_shared<const SpeakerScopeWords>(std::move(words));
  auto store = OpenOrDie(dir.File("house.sqlite"), house);
  REQUIRE(store->Write(two_stories()).ok());
  CHECK(store->Count()->speakers == 2);
  auto speakers = store->Speakers();
  REQUIRE(speakers.ok());
  for (const SpeakerInfo& s : *speakers) CHECK(s.story.has_value());
}

}  // namespace whosaid::store
