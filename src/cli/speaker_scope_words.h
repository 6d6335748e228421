// The quote store's speaker-scope words (store/speaker_scope.h) for the command line's
// writers: the lists of the rule pack the extraction options name.
#pragma once

#include <spdlog/logger.h>

#include <memory>

#include "whosaid/extractor.h"
#include "whosaid/store/speaker_scope.h"

namespace whosaid::cli {

// Loads the lexicon of the pack `options` name (the built-in one, or --rules and
// --no-default-rules) as Extractor::Create does (Extractor::LoadLexicons), without
// compiling the rules, and takes the store's words from it. Null, after logging why, when
// the lexicon cannot be read.
std::shared_ptr<const store::SpeakerScopeWords> LoadSpeakerScopeWords(
    const ExtractorOptions& options, spdlog::logger& log);

}  // namespace whosaid::cli
