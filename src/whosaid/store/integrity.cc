#include "whosaid/store/integrity.h"

#include <string>
#include <vector>

namespace whosaid::store {
namespace {

Status Damaged(const Connection& db, const std::vector<std::string>& problems) {
  std::string found;
  for (const std::string& p : problems) found += (found.empty() ? "" : "; ") + p;
  return DatabaseError(db.path() + ": the database file is damaged (PRAGMA quick_check: " + found +
                       "); nothing was written to it. Restore it from a backup, or copy what "
                       "can be read into a new file with `sqlite3 " +
                       db.path() + " .recover | sqlite3 NEW.sqlite`");
}

}  // namespace

Status CheckIntegrity(Connection& db) {
  constexpr int kProblemsShown = 3;
  auto stmt = db.Prepare("PRAGMA quick_check(" + std::to_string(kProblemsShown) + ")");
  if (!stmt.ok()) return stmt.status();
  std::vector<std::string> problems;
  while (true) {
    auto row = stmt->Step();
    if (!row.ok()) {
      // quick_check itself stops at some damage (a page it cannot parse).
      const int rc = sqlite3_errcode(db.handle()) & 0xff;
      if (rc != SQLITE_CORRUPT && rc != SQLITE_NOTADB) return row.status();
      problems.push_back(sqlite3_errmsg(db.handle()));
      break;
    }
    if (!*row) break;
    // A result row may hold several lines, after a "*** in database main ***" heading.
    const std::string text = stmt->Text(0);
    if (text == "ok") continue;
    size_t at = 0;
    while (at <= text.size()) {
      size_t end = text.find('\n', at);
      if (end == std::string::npos) end = text.size();
      std::string line = text.substr(at, end - at);
      if (!line.empty() && line.rfind("*** in database", 0) != 0) problems.push_back(line);
      at = end + 1;
    }
  }
  if (problems.empty()) return Status::Ok();
  return Damaged(db, problems);
}

}  // namespace whosaid::store
