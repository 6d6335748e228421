// QuoteStore's queries: search, speakers, export.
#include <map>

#include "whosaid/store/fts_query.h"
#include "whosaid/store/quote_store.h"
#include "whosaid/store/sqlite.h"

namespace whosaid::store {
namespace {

// The occurrence columns every query below selects, in this order, starting at `first`:
// text, cp_start, cp_end, byte_start, byte_end, type, mention, speaker_start, speaker_end,
// role, cue, rule, confidence, unclosed, multi_paragraph, speaker name.
constexpr const char* kOccurrenceColumns =
    "coalesce(o.text, q.text), o.cp_start, o.cp_end, o.byte_start, o.byte_end, o.type, "
    "o.mention, o.speaker_start, o.speaker_end, o.role, o.cue, o.rule, o.confidence, "
    "o.unclosed, o.multi_paragraph, s.name";

StoredQuote ReadOccurrence(const Statement& st, int first) {
  StoredQuote q;
  int c = first;
  q.text = st.Text(c++);
  q.start = static_cast<uint32_t>(st.Int(c++));
  q.end = static_cast<uint32_t>(st.Int(c++));
  q.byte_start = static_cast<uint32_t>(st.Int(c++));
  q.byte_end = static_cast<uint32_t>(st.Int(c++));
  q.type = st.Text(c++);
  q.mention = st.OptionalText(c++);
  if (!st.IsNull(c) && !st.IsNull(c + 1)) {
    q.speaker_start = static_cast<uint32_t>(st.Int(c));
    q.speaker_end = static_cast<uint32_t>(st.Int(c + 1));
  }
  c += 2;
  q.role = st.OptionalText(c++);
  q.cue = st.OptionalText(c++);
  q.rule = st.Text(c++);
  q.confidence = st.Double(c++);
  q.unclosed = st.Int(c++) != 0;
  q.multi_paragraph = st.Int(c++) != 0;
  q.speaker = st.OptionalText(c++);
  return q;
}

}  // namespace

Result<std::optional<std::string>> QuoteStore::FindSpeaker(const std::string& name) {
  auto find = db_->Cached("SELECT name FROM speakers WHERE name = ?1");
  if (!find.ok()) return find.status();
  (*find)->Bind(1, name);
  auto row = (*find)->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>((*find)->Text(0));
}

Result<std::vector<Occurrence>> QuoteStore::OccurrencesOf(int64_t quote_id,
                                                          const std::optional<std::string>& since) {
  auto st =
      db_->Cached(std::string("SELECT d.doc_key, d.url, d.published, d.outlet, d.title, ") +
                  kOccurrenceColumns +
                  " FROM occurrences o JOIN documents d ON d.id = o.document_id "
                  "JOIN quotes q ON q.id = o.quote_id LEFT JOIN speakers s ON s.id = q.speaker_id "
                  "WHERE o.quote_id = ?1 AND (?2 IS NULL OR d.published_day >= ?2) "
                  "ORDER BY d.published_day IS NULL, d.published_day, d.id, o.ordinal");
  if (!st.ok()) return st.status();
  (*st)->Bind(1, quote_id).Bind(2, since);
  std::vector<Occurrence> out;
  while (true) {
    auto row = (*st)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    Occurrence o;
    o.document.id = (*st)->Text(0);
    o.document.url = (*st)->OptionalText(1);
    o.document.published = (*st)->OptionalText(2);
    o.document.outlet = (*st)->OptionalText(3);
    o.document.title = (*st)->OptionalText(4);
    o.quote = ReadOccurrence(**st, 5);
    out.push_back(std::move(o));
  }
  return out;
}

Result<std::vector<QuoteHit>> QuoteStore::Search(const SearchOptions& options) {
  if (options.speaker) {
    auto find = db_->Cached("SELECT 1 FROM speakers WHERE name = ?1 LIMIT 1");
    if (!find.ok()) return find.status();
    (*find)->Bind(1, *options.speaker);
    auto row = (*find)->Step();
    if (!row.ok()) return row.status();
    if (!*row) return std::vector<QuoteHit>();  // nobody by that name: nothing they said
  }
  const std::string match = BuildFtsQuery(options.words);
  if (match.empty() && !options.words.empty() &&
      options.words.find_first_not_of(" \t\r\n") != std::string::npos) {
    return std::vector<QuoteHit>();  // only punctuation: nothing can match
  }
  // The filters are written so that a NULL parameter switches them off.
  const std::string filters =
      "(?2 IS NULL OR q.speaker_id IN (SELECT id FROM speakers WHERE name = ?2)) AND (?3 IS NULL "
      "OR EXISTS ("
      "SELECT 1 FROM occurrences o JOIN documents d ON d.id = o.document_id "
      "WHERE o.quote_id = q.id AND d.published_day >= ?3)) ";
  const std::string columns = "q.id, q.text, s.name, q.type, q.cue, q.rule, q.confidence, ";
  std::string sql;
  if (!match.empty()) {
    // FTS5's rank is bm25(), lower is better; hits report it negated.
    sql = "SELECT " + columns +
          "-quotes_fts.rank FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid "
          "LEFT JOIN speakers s ON s.id = q.speaker_id "
          "WHERE quotes_fts MATCH ?1 AND " +
          filters + "ORDER BY quotes_fts.rank, q.id LIMIT ?4";
  } else {
    sql = "SELECT " + columns +
          "0.0 FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id "
          "WHERE ?1 IS NULL AND " +
          filters + "ORDER BY q.id LIMIT ?4";
  }
  auto st = db_->Cached(sql);
  if (!st.ok()) return st.status();
  if (match.empty()) {
    (*st)->BindNull(1);
  } else {
    (*st)->Bind(1, match);
  }
  (*st)
      ->Bind(2, options.speaker)
      .Bind(3, options.since)
      .Bind(4, options.limit == 0 ? int64_t{-1} : static_cast<int64_t>(options.limit));
  std::vector<QuoteHit> hits;
  while (true) {
    auto row = (*st)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    QuoteHit h;
    h.quote_id = (*st)->Int(0);
    h.text = (*st)->Text(1);
    h.speaker = (*st)->OptionalText(2);
    h.type = (*st)->Text(3);
    h.cue = (*st)->OptionalText(4);
    h.rule = (*st)->Text(5);
    h.confidence = (*st)->Double(6);
    h.score = (*st)->Double(7);
    hits.push_back(std::move(h));
  }
  for (QuoteHit& h : hits) {
    auto occurrences = OccurrencesOf(h.quote_id, options.since);
    if (!occurrences.ok()) return occurrences.status();
    h.occurrences = std::move(occurrences).value();
  }
  return hits;
}

Result<std::optional<int64_t>> QuoteStore::StoredUnchanged(const std::string& id,
                                                           const std::string& content_hash,
                                                           const nlohmann::json& meta) {
  auto st = db_->Cached(
      "SELECT (SELECT count(*) FROM occurrences o WHERE o.document_id = d.id) FROM documents d "
      "WHERE d.doc_key = ?1 AND d.content_hash = ?2 AND d.meta IS ?3");
  if (!st.ok()) return st.status();
  (*st)->Bind(1, id).Bind(2, content_hash).Bind(3, MetaJson(meta));
  auto row = (*st)->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<int64_t>();
  return std::optional<int64_t>((*st)->Int(0));
}

Result<std::vector<SpeakerInfo>> QuoteStore::Speakers() {
  std::vector<SpeakerInfo> speakers;
  std::map<int64_t, size_t> index;
  {
    auto st = db_->Cached(
        "SELECT s.id, s.name, count(DISTINCT q.id), count(*), count(DISTINCT o.document_id), "
        "(SELECT d.doc_key FROM documents d WHERE d.id = s.document_id) "
        "FROM speakers s JOIN quotes q ON q.speaker_id = s.id "
        "JOIN occurrences o ON o.quote_id = q.id "
        "GROUP BY s.id ORDER BY count(*) DESC, s.name, s.id");
    if (!st.ok()) return st.status();
    while (true) {
      auto row = (*st)->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      SpeakerInfo s;
      s.speaker_id = (*st)->Int(0);
      s.name = (*st)->Text(1);
      s.quotes = (*st)->Int(2);
      s.occurrences = (*st)->Int(3);
      s.documents = (*st)->Int(4);
      s.story = (*st)->OptionalText(5);
      index[s.speaker_id] = speakers.size();
      speakers.push_back(std::move(s));
    }
  }
  auto st = db_->Cached(
      "SELECT r.speaker_id, r.role, d.doc_key FROM speaker_roles r "
      "JOIN documents d ON d.id = r.document_id ORDER BY r.speaker_id, r.role, d.id");
  if (!st.ok()) return st.status();
  while (true) {
    auto row = (*st)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    auto it = index.find((*st)->Int(0));
    if (it == index.end()) continue;
    std::vector<SpeakerRole>& roles = speakers[it->second].roles;
    std::string role = (*st)->Text(1);
    if (roles.empty() || roles.back().role != role) roles.push_back({std::move(role), {}});
    roles.back().documents.push_back((*st)->Text(2));
  }
  return speakers;
}

Status QuoteStore::Export(const std::function<bool(const ExportRow&)>& visit) {
  // A statement of its own (not cached): `visit` may run other queries on this store.
  auto st =
      db_->Prepare(std::string("SELECT d.doc_key, d.meta, o.quote_id, ") + kOccurrenceColumns +
                   " FROM documents d JOIN occurrences o ON o.document_id = d.id "
                   "JOIN quotes q ON q.id = o.quote_id "
                   "LEFT JOIN speakers s ON s.id = q.speaker_id "
                   "ORDER BY d.id, o.ordinal");
  if (!st.ok()) return st.status();
  std::string meta_doc;
  nlohmann::json meta;
  while (true) {
    auto row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    ExportRow r;
    r.doc = st->Text(0);
    if (r.doc != meta_doc) {
      meta_doc = r.doc;
      meta = st->IsNull(1) ? nlohmann::json() : nlohmann::json::parse(st->Text(1), nullptr, false);
      if (meta.is_discarded()) meta = nullptr;
    }
    r.meta = meta.is_object() ? &meta : nullptr;
    r.quote_id = st->Int(2);
    r.quote = ReadOccurrence(*st, 3);
    if (!visit(r)) break;
  }
  return Status::Ok();
}

}  // namespace whosaid::store
