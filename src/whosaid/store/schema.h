// The quote database's layout and its migrations. The layout has a version number (SQLite's
// user_version) and an application id, and every version after the first is reached by a
// migration from the one before, so any older database is brought up to date in one
// transaction when it is opened for writing. A fresh database runs every migration from
// version 0, so the migration path is exercised each time one is created.
//
// Version 3 (current):
//   documents(id, doc_key UNIQUE, content_hash, meta JSON, url, published, published_day,
//             outlet, title, ingested_at)
//   speakers(id, name COLLATE NOCASE, document_id)      UNIQUE (name, coalesce(document_id, 0)):
//             one row per canonical name for personal names and named bodies (document_id
//             NULL); a descriptor, group or pronoun ("the company", "police") has one row per
//             document (speaker_scope.h)
//   speaker_roles(speaker_id, role, document_id)         each role a speaker was given, where
//   quotes(id, speaker_id, text, normalized, type, cue, rule, confidence)
//             UNIQUE (coalesce(speaker_id, 0), normalized): the same words from the same
//             speaker are one quote; type, cue, rule and confidence are those of its most
//             confident occurrence
//   occurrences(document_id, ordinal, quote_id, text, cp_start, cp_end, byte_start,
//             byte_end, type, mention, speaker_start, speaker_end, role, cue, rule,
//             confidence, unclosed, multi_paragraph)   PRIMARY KEY (document_id, ordinal);
//             text is NULL when it reads exactly as quotes.text
//   quotes_fts                                           FTS5 over quotes.text, kept by triggers
// Version 2 had one speakers row per name (UNIQUE name), also for "the company" of
// different stories. Version 1 had the four base tables only: no metadata columns, no
// speaker_roles, no FTS5.
#pragma once

#include <cstdint>

#include "whosaid/status.h"
#include "whosaid/store/speaker_scope.h"
#include "whosaid/store/sqlite.h"

namespace whosaid::store {

inline constexpr int kSchemaVersion = 3;
// PRAGMA application_id of a whosaid quote database: "WSAI".
inline constexpr int32_t kApplicationId = 0x57534149;

// OK when the database is empty or a whosaid database this build can use; checked before
// anything is written, so a foreign or newer file is left exactly as it was.
Status CheckOwnership(Connection& db);

// Brings a database opened for writing to kSchemaVersion (creating it when empty), inside
// one IMMEDIATE transaction. Fails, changing nothing, when the file belongs to another
// application or was written by a newer whosaid.
Status Migrate(Connection& db);

// For read-only use: OK when the database is a whosaid database at kSchemaVersion; else a
// kDatabaseError that says what to do (an older one needs opening for writing once).
Status CheckSchema(Connection& db);

// Registers the SQL functions whosaid_day(published) (PublishedDay() of normalize.h) and
// whosaid_shared_name(name) (IsSharedSpeakerName() of speaker_scope.h with `words`), which
// migrations and writes use. `words` must outlive the connection; when null (a reader),
// whosaid_shared_name fails the statement that calls it.
Status RegisterFunctions(Connection& db, const SpeakerScopeWords* words);

}  // namespace whosaid::store
