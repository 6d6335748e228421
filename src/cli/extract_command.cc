#include "cli/extract_command.h"

#include "cli/app.h"
#include "cli/extract_item.h"
#include "cli/input_source.h"
#include "cli/ordered_pool.h"
#include "cli/output_file.h"
#include "cli/same_file.h"
#include "cli/worker_extractors.h"
#include "whosaid/serve/html_formatter.h"

namespace whosaid::cli {
namespace {

struct DocumentOutput {
  std::string text;   // formatted records
  std::string error;  // non-empty when the document failed
  std::string warning;
};

DocumentOutput Process(const Extractor& extractor, const output::Formatter& formatter,
                       const text::DocumentOptions& doc_options, InputItem item, bool first) {
  std::string id = item.id;
  ExtractedItem e = ExtractItem(extractor, doc_options, std::move(item));
  DocumentOutput out;
  out.error = std::move(e.error);
  out.warning = std::move(e.warning);
  if (e.doc) {
    out.text = formatter.FormatDocument(*e.doc, e.meta_or_null(), e.result, first);
  } else {
    out.text = formatter.FormatFailure(id, e.meta_or_null(), out.error);  // --per-document
  }
  return out;
}

}  // namespace

int RunExtract(const ExtractCommandOptions& options, spdlog::logger& log) {
  // The output first: its problems show before the rules compile.
  if (auto input = InputThatIsOutput(options.inputs, options.output_path)) {
    log.error(
        "the output file {} is also an input ({}): writing it would destroy the input; "
        "choose another -o",
        options.output_path, *input);
    return kExitUsage;
  }
  auto out = OutputFile::Open(options.output_path, log);
  if (!out) return kExitUsage;

  const int threads = options.jobs > 1 ? options.jobs : 0;
  auto extractors = WorkerExtractors::Create(options.extractor, threads, log);
  if (!extractors) return kExitUsage;
  auto formatter = options.html ? serve::CreateHtmlFormatter(options.formatter)
                                : output::Formatter::Create(options.format, options.formatter);

  size_t done = 0, failed = 0;
  // Documents are formatted as if each were the first; the writer adds JSON's separators,
  // since only it knows which documents failed and wrote nothing.
  // With -j it runs on the pool's writer thread; `done`, `failed` and `out` are read here
  // only after the pool has finished.
  auto sink = [&](DocumentOutput r) {
    if (!r.error.empty()) {
      ++failed;
      log.error("{}", r.error);
      out->Write(r.text);
      return !out->failed();
    }
    if (!r.warning.empty()) log.warn("{}", r.warning);
    if (options.format == output::Format::kJson && done > 0) out->Write(",\n");
    ++done;
    out->Write(r.text);
    return !out->failed();
  };

  out->Write(formatter->Header());
  {
    OrderedPool<DocumentOutput> pool(threads, static_cast<size_t>(std::max(1, options.jobs)) * 4,
                                     sink);
    InputSource source(options.inputs, options.input, options.document.max_bytes);
    const WorkerExtractors& ex = *extractors;
    const output::Formatter& fmt = *formatter;
    const text::DocumentOptions doc_options = options.document;
    while (auto item = source.Next()) {
      auto shared = std::make_shared<InputItem>(std::move(*item));
      const bool queued = pool.Submit([&ex, &fmt, doc_options, shared](int worker) {
        return Process(ex.For(worker), fmt, doc_options, std::move(*shared), /*first=*/true);
      });
      if (!queued) break;  // the output is gone
    }
    pool.Finish();
  }
  out->Write(formatter->Footer());
  // When every document failed, an -o file is left as it was: a rerun over the same inputs
  // after a bad batch must not wipe the results of the last good one.
  if (done == 0 && failed > 0 && !options.output_path.empty()) {
    out->Discard();
    log.error("no document was done: {} left as it was", options.output_path);
    return kExitSomeFailed;
  }
  // A closed pipe (| head) ends the run quietly; any other write error is an output error.
  const int rc = out->Finish(log);
  if (rc != kExitOk || out->failed()) return rc;
  log.info("{} document(s) done, {} failed", done, failed);
  return failed ? kExitSomeFailed : kExitOk;
}

}  // namespace whosaid::cli
