// The check a writer makes before it changes a database file: a damaged file is refused
// with a message that says so, instead of having batches written into it (which SQLite may
// accept for a while, spreading the damage) or a migration reported as done.
#pragma once

#include "whosaid/status.h"
#include "whosaid/store/sqlite.h"

namespace whosaid::store {

// OK when PRAGMA quick_check finds nothing wrong (an empty file is fine). Otherwise a
// kDatabaseError naming the file and the first problems found, and how to recover. Reads
// every page once: about as long as copying the file.
Status CheckIntegrity(Connection& db);

}  // namespace whosaid::store
