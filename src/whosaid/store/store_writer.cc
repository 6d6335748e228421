// QuoteStore::Put: writes one document inside the open batch, replacing whatever an earlier
// version of it left. The order of the steps is what keeps ids stable: new occurrences are
// attached to the existing quote and speaker rows before anything orphaned is removed, so
// writing the same document again reuses every id.
#include <set>
#include <utility>

#include "whosaid/store/normalize.h"
#include "whosaid/store/quote_store.h"
#include "whosaid/store/speaker_scope.h"
#include "whosaid/store/sqlite.h"

namespace whosaid::store {
namespace {

// Runs a cached statement that returns at most one integer; nullopt when no row. Runs it to
// completion: an INSERT … RETURNING can still fail after its row (a full disk), and a
// statement reset before its end would then be undone without a word.
Result<std::optional<int64_t>> OptionalInt(CachedStatement& stmt) {
  auto row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<int64_t>();
  const int64_t value = stmt->Int(0);
  while (true) {
    auto more = stmt->Step();
    if (!more.ok()) return more.status();
    if (!*more) break;
  }
  return std::optional<int64_t>(value);
}

// "db.sqlite: writing document X: <what failed>" from "db.sqlite: <what failed>".
Status Prefix(const std::string& path, const std::string& doc_id, Status s) {
  if (s.ok()) return s;
  std::string rest = s.message();
  if (rest.rfind(path + ": ", 0) == 0) rest.erase(0, path.size() + 2);
  return Status(s.code(), path + ": writing document " + doc_id + ": " + rest);
}

}  // namespace

Result<QuoteStore::Detached> QuoteStore::Detach(int64_t doc_row) {
  Detached out;
  {
    auto q = db_->Cached(
        "SELECT quote_id, count(*) FROM occurrences WHERE document_id = ?1 "
        "GROUP BY quote_id");
    if (!q.ok()) return q.status();
    (*q)->Bind(1, doc_row);
    while (true) {
      auto row = (*q)->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      out.quotes.insert((*q)->Int(0));
      out.occurrences += (*q)->Int(1);
    }
  }
  {
    auto s = db_->Cached("SELECT DISTINCT speaker_id FROM speaker_roles WHERE document_id = ?1");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, doc_row);
    while (true) {
      auto row = (*s)->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      out.speakers.insert((*s)->Int(0));
    }
  }
  for (const char* sql : {"DELETE FROM occurrences WHERE document_id = ?1",
                          "DELETE FROM speaker_roles WHERE document_id = ?1"}) {
    auto del = db_->Cached(sql);
    if (!del.ok()) return del.status();
    (*del)->Bind(1, doc_row);
    if (Status s = (*del)->Run(); !s.ok()) return s;
  }
  return out;
}

Result<QuoteStore::Removed> QuoteStore::RemoveOrphans(Detached detached,
                                                      std::set<int64_t> touched) {
  Removed removed;
  std::set<int64_t>& old_speakers = detached.speakers;
  for (int64_t quote_id : detached.quotes) {
    if (touched.count(quote_id)) continue;
    auto del = db_->Cached(
        "DELETE FROM quotes WHERE id = ?1 AND NOT EXISTS "
        "(SELECT 1 FROM occurrences WHERE quote_id = ?1) RETURNING speaker_id");
    if (!del.ok()) return del.status();
    (*del)->Bind(1, quote_id);
    auto row = (*del)->Step();
    if (!row.ok()) return row.status();
    if (!*row) {
      touched.insert(quote_id);  // still quoted elsewhere: refresh its representative
      continue;
    }
    ++removed.quotes;
    if (!(*del)->IsNull(0)) old_speakers.insert((*del)->Int(0));
    // Finish the statement so the deletion is complete before the next one.
    while (true) {
      auto more = (*del)->Step();
      if (!more.ok()) return more.status();
      if (!*more) break;
    }
  }
  for (int64_t speaker_id : old_speakers) {
    auto del = db_->Cached(
        "DELETE FROM speakers WHERE id = ?1 "
        "AND NOT EXISTS (SELECT 1 FROM quotes WHERE speaker_id = ?1) "
        "AND NOT EXISTS (SELECT 1 FROM speaker_roles WHERE speaker_id = ?1)");
    if (!del.ok()) return del.status();
    (*del)->Bind(1, speaker_id);
    if (Status s = (*del)->Run(); !s.ok()) return s;
    removed.speakers += static_cast<size_t>(sqlite3_changes(db_->handle()));
  }

  // A quote's type, cue, rule and confidence are those of its most confident occurrence
  // (ties: the first stored), so they do not depend on the order documents arrive in twice.
  for (int64_t quote_id : touched) {
    auto update = db_->Cached(
        "UPDATE quotes SET (type, cue, rule, confidence) = "
        "(SELECT o.type, o.cue, o.rule, o.confidence FROM occurrences o WHERE o.quote_id = ?1 "
        " ORDER BY o.confidence DESC, o.document_id, o.ordinal LIMIT 1) "
        "WHERE id = ?1");
    if (!update.ok()) return update.status();
    (*update)->Bind(1, quote_id);
    if (Status s = (*update)->Run(); !s.ok()) return s;
  }
  return removed;
}

Result<int64_t> QuoteStore::SpeakerId(const std::string& name, int64_t doc_row) {
  // A personal name or named body is one speaker everywhere; anything else is this
  // document's own (speaker_scope.h).
  std::optional<int64_t> scope;
  if (!IsSharedSpeakerName(name, *speaker_scope_words_)) scope = doc_row;
  {
    auto find = db_->Cached("SELECT id FROM speakers WHERE name = ?1 AND document_id IS ?2");
    if (!find.ok()) return find.status();
    (*find)->Bind(1, name);
    if (scope) {
      (*find)->Bind(2, *scope);
    } else {
      (*find)->BindNull(2);
    }
    auto id = OptionalInt(*find);
    if (!id.ok()) return id.status();
    if (*id) return **id;
  }
  auto insert = db_->Cached("INSERT INTO speakers(name, document_id) VALUES (?1, ?2) RETURNING id");
  if (!insert.ok()) return insert.status();
  (*insert)->Bind(1, name);
  if (scope) {
    (*insert)->Bind(2, *scope);
  } else {
    (*insert)->BindNull(2);
  }
  auto id = OptionalInt(*insert);
  if (!id.ok()) return id.status();
  return id->value_or(0);
}

Result<PutOutcome> QuoteStore::Put(const StoredDocument& doc) {
  if (!in_batch_) return InvalidArgument(path() + ": Put() outside a batch");
  auto fail = [&](const Status& s) { return Prefix(path(), doc.id, s); };

  // 1. The document row: same id as before when the document was stored already.
  PutOutcome outcome = PutOutcome::kAdded;
  {
    auto prev = db_->Cached("SELECT content_hash FROM documents WHERE doc_key = ?1");
    if (!prev.ok()) return fail(prev.status());
    (*prev)->Bind(1, doc.id);
    auto row = (*prev)->Step();
    if (!row.ok()) return fail(row.status());
    if (*row) {
      const auto hash = (*prev)->OptionalText(0);
      outcome = hash && doc.content_hash && *hash == *doc.content_hash ? PutOutcome::kUnchanged
                                                                       : PutOutcome::kChanged;
    }
  }
  int64_t doc_row = 0;
  {
    auto upsert = db_->Cached(
        "INSERT INTO documents(doc_key, content_hash, meta, url, published, published_day, "
        "outlet, title, ingested_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, whosaid_day(?5), ?6, ?7, "
        "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) "
        "ON CONFLICT(doc_key) DO UPDATE SET content_hash = excluded.content_hash, "
        "meta = excluded.meta, url = excluded.url, published = excluded.published, "
        "published_day = excluded.published_day, outlet = excluded.outlet, "
        "title = excluded.title, ingested_at = excluded.ingested_at "
        "RETURNING id");
    if (!upsert.ok()) return fail(upsert.status());
    const std::optional<std::string> meta = MetaJson(doc.meta);
    (*upsert)
        ->Bind(1, doc.id)
        .Bind(2, doc.content_hash)
        .Bind(3, meta)
        .Bind(4, MetaString(doc.meta, "url"))
        .Bind(5, MetaString(doc.meta, "published"))
        .Bind(6, MetaString(doc.meta, "outlet"))
        .Bind(7, MetaString(doc.meta, "title"));
    auto id = OptionalInt(*upsert);
    if (!id.ok()) return fail(id.status());
    doc_row = id->value_or(0);
  }

  // 2. Forget the previous version's occurrences and roles, remembering what they named.
  auto detached = Detach(doc_row);
  if (!detached.ok()) return fail(detached.status());

  // 3. The new occurrences, each attached to its (possibly existing) speaker and quote.
  std::set<int64_t> touched;
  for (size_t ordinal = 0; ordinal < doc.quotes.size(); ++ordinal) {
    const StoredQuote& q = doc.quotes[ordinal];
    std::optional<int64_t> speaker_id;
    if (q.speaker) {
      const std::string name = NormalizeName(*q.speaker);
      if (!name.empty()) {
        auto id = SpeakerId(name, doc_row);
        if (!id.ok()) return fail(id.status());
        speaker_id = *id;
      }
    }
    std::string normalized = NormalizeQuote(q.text);
    // A quote of punctuation alone ("…") has no words; its own text keeps it apart.
    if (normalized.empty()) normalized = q.text;

    int64_t quote_id = 0;
    std::string quote_text;
    {
      auto find = db_->Cached(
          "SELECT id, text FROM quotes WHERE coalesce(speaker_id, 0) = ?1 AND normalized = ?2");
      if (!find.ok()) return fail(find.status());
      (*find)->Bind(1, speaker_id.value_or(0)).Bind(2, normalized);
      auto row = (*find)->Step();
      if (!row.ok()) return fail(row.status());
      if (*row) {
        quote_id = (*find)->Int(0);
        quote_text = (*find)->Text(1);
      }
    }
    if (quote_id == 0) {
      auto insert = db_->Cached(
          "INSERT INTO quotes(speaker_id, text, normalized, type, cue, rule, confidence) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id");
      if (!insert.ok()) return fail(insert.status());
      if (speaker_id) {
        (*insert)->Bind(1, *speaker_id);
      } else {
        (*insert)->BindNull(1);
      }
      (*insert)
          ->Bind(2, q.text)
          .Bind(3, normalized)
          .Bind(4, q.type)
          .Bind(5, q.cue)
          .Bind(6, q.rule.empty() ? std::nullopt : std::optional<std::string>(q.rule))
          .Bind(7, q.confidence);
      auto id = OptionalInt(*insert);
      if (!id.ok()) return fail(id.status());
      quote_id = id->value_or(0);
      quote_text = q.text;
    }
    touched.insert(quote_id);

    auto occ = db_->Cached(
        "INSERT INTO occurrences(document_id, ordinal, quote_id, text, cp_start, cp_end, "
        "byte_start, byte_end, type, mention, speaker_start, speaker_end, role, cue, rule, "
        "confidence, unclosed, multi_paragraph) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)");
    if (!occ.ok()) return fail(occ.status());
    Statement& o = **occ;
    o.Bind(1, doc_row).Bind(2, static_cast<int64_t>(ordinal)).Bind(3, quote_id);
    // The text is kept only where it differs from the quote's (other case or punctuation).
    if (q.text == quote_text) {
      o.BindNull(4);
    } else {
      o.Bind(4, q.text);
    }
    o.Bind(5, int64_t{q.start})
        .Bind(6, int64_t{q.end})
        .Bind(7, int64_t{q.byte_start})
        .Bind(8, int64_t{q.byte_end})
        .Bind(9, q.type)
        .Bind(10, q.mention);
    if (q.speaker_start && q.speaker_end) {
      o.Bind(11, int64_t{*q.speaker_start}).Bind(12, int64_t{*q.speaker_end});
    } else {
      o.BindNull(11).BindNull(12);
    }
    o.Bind(13, q.role)
        .Bind(14, q.cue)
        .Bind(15, q.rule.empty() ? std::nullopt : std::optional<std::string>(q.rule))
        .Bind(16, q.confidence)
        .Bind(17, int64_t{q.unclosed})
        .Bind(18, int64_t{q.multi_paragraph});
    if (Status s = o.Run(); !s.ok()) return fail(s);

    if (speaker_id && q.role && !q.role->empty()) {
      auto role = db_->Cached(
          "INSERT OR IGNORE INTO speaker_roles(speaker_id, role, document_id) "
          "VALUES (?1, ?2, ?3)");
      if (!role.ok()) return fail(role.status());
      (*role)->Bind(1, *speaker_id).Bind(2, *q.role).Bind(3, doc_row);
      if (Status s = (*role)->Run(); !s.ok()) return fail(s);
    }
  }

  // 4. Remove quotes, then speakers, that nothing refers to any more; 5. refresh the rest.
  if (auto removed = RemoveOrphans(std::move(detached).value(), std::move(touched));
      !removed.ok()) {
    return fail(removed.status());
  }
  return outcome;
}

}  // namespace whosaid::store
