// QuoteStore::Delete: takes documents out of the store, with whatever only they held.
#include "whosaid/store/quote_store.h"
#include "whosaid/store/sqlite.h"

namespace whosaid::store {

Result<DeleteSummary> QuoteStore::Delete(const std::vector<std::string>& ids) {
  if (Status s = BeginBatch(); !s.ok()) return s;
  DeleteSummary summary;
  auto run = [&]() -> Status {
    for (const std::string& id : ids) {
      std::optional<int64_t> doc_row;
      {
        auto find = db_->Cached("SELECT id FROM documents WHERE doc_key = ?1");
        if (!find.ok()) return find.status();
        (*find)->Bind(1, id);
        auto row = (*find)->Step();
        if (!row.ok()) return row.status();
        if (*row) doc_row = (*find)->Int(0);
      }
      if (!doc_row) {
        summary.not_found.push_back(id);
        continue;
      }
      auto detached = Detach(*doc_row);
      if (!detached.ok()) return detached.status();
      summary.occurrences += detached->occurrences;
      auto removed = RemoveOrphans(std::move(detached).value(), {});
      if (!removed.ok()) return removed.status();
      summary.quotes += removed->quotes;
      summary.speakers += removed->speakers;
      auto del = db_->Cached("DELETE FROM documents WHERE id = ?1");
      if (!del.ok()) return del.status();
      (*del)->Bind(1, *doc_row);
      if (Status s = (*del)->Run(); !s.ok()) return s;
      ++summary.documents;
    }
    return Status::Ok();
  };
  if (Status s = run(); !s.ok()) {
    RollbackBatch();
    return Status(s.code(), s.message() + "; nothing was deleted");
  }
  if (Status s = CommitBatch(); !s.ok())
    return Status(s.code(), s.message() + "; nothing was deleted");
  return summary;
}

}  // namespace whosaid::store
