// Which format a client asked for (Accept) and what it sent (Content-Type).
//
// Responses: JSON Lines (application/x-ndjson, application/jsonl), JSON (application/json)
// or CSV (text/csv), best q-value first, ties in the client's order; no Accept header, */*
// or application/* give JSON Lines, the CLI's default. The database listings also have the
// `db` commands' text form (text/plain).
#pragma once

#include <string_view>

#include "whosaid/output/formatter.h"
#include "whosaid/status.h"
#include "whosaid/store/row_format.h"

namespace whosaid::serve {

// The record format for an Accept header, or InvalidArgument (the service answers 406)
// naming what is offered.
Result<output::Format> NegotiateRecordFormat(std::string_view accept);

// The same for the database listings, which also offer text/plain.
Result<store::RowFormat> NegotiateRowFormat(std::string_view accept);

// The Content-Type of a response in this format.
const char* ContentTypeOf(output::Format format);
const char* ContentTypeOf(store::RowFormat format);

// What a request body holds, by its Content-Type (parameters such as charset ignored).
enum class BodyKind {
  kText,        // text/plain (or none, or curl's default form type): one story
  kJsonObject,  // application/json: one {"id","text",...} object
  kJsonLines,   // application/x-ndjson, application/jsonl, application/json-lines
};
// InvalidArgument (the service answers 415) for any other type.
Result<BodyKind> BodyKindOf(std::string_view content_type);

}  // namespace whosaid::serve
