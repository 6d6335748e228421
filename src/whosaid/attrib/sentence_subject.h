// The subject of a sentence before a quotation: what the subject and previous_subject
// sieves give a quotation no rule decided ("Clinton cited … as “Miss Piggy”").
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "whosaid/attrib/link.h"
#include "whosaid/entities/registry.h"
#include "whosaid/entities/word_list.h"
#include "whosaid/quotes/quote_span.h"
#include "whosaid/text/segmenter.h"

namespace whosaid::attrib {

// What the search for the pronoun nearest the quotation reads (the tokens, and the
// quotations whose words it skips).
struct NearestSubjectContext {
  const text::Segmentation* seg;
  const std::vector<quotes::QuoteSpan>* quotes;
};

// The first person or body named (or a pronoun or capitalized name opening the sentence)
// in `sentence` before byte `before`, resolved in `registry`; with `near`, a pronoun nearer
// `before` that is the subject of its own clause may take its place. None when there is no
// subject or a pronoun stands for nobody.
std::optional<Link> SubjectLink(std::string_view t, text::ByteSpan sentence, uint32_t before,
                                entities::Registry& registry, const entities::Lexicons& lex,
                                const NearestSubjectContext* near = nullptr);

}  // namespace whosaid::attrib
