// Writes what the quote store returns as JSON Lines, JSON, CSV (RFC 4180) or plain text.
// Export rows are written as whosaid's --format jsonl/csv writes records, plus the quote's
// id, so an export can be imported again (`whosaid db import`); the speaker is the stored
// canonical spelling (the first seen of names that differ only in case or spacing).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "whosaid/status.h"
#include "whosaid/store/rows.h"

namespace whosaid::store {

enum class RowFormat { kJsonl, kJson, kCsv, kText };

// Parses "jsonl", "json", "csv" or "text".
Result<RowFormat> ParseRowFormat(std::string_view name);

// Search results and quote listings. JSONL and JSON: one object per quote with its
// occurrences; CSV: one row per occurrence; text: a few lines per quote, for reading.
std::string FormatHits(const std::vector<QuoteHit>& hits, RowFormat format);

// The speaker list, with counts and roles (CSV: roles joined by "; ").
std::string FormatSpeakers(const std::vector<SpeakerInfo>& speakers, RowFormat format);

// Export, one occurrence at a time. Header: the CSV header row (else empty). JSONL and CSV
// only; other formats are written as JSONL.
std::string ExportHeader(RowFormat format);
void AppendExportRow(std::string& out, const ExportRow& row, RowFormat format);

}  // namespace whosaid::store
