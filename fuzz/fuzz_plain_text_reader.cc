// Fuzzes the plain-text article reader: any bytes must give an Article or a
// Status, never a crash, and an Article's text must come from the input.
// Each paragraph also goes through the wire-dateline scanner, which must
// leave some of it (it reads a paragraph's opening as a first sentence).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/plain_text_reader.h"
#include "text/wire_dateline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 16)) return 0;  // larger inputs add no coverage, only slow the run
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto article = newsfuse::ingest::ParsePlainTextArticle("fuzz", "fuzz.txt", bytes);
  if (!article.ok()) return 0;
  // Invariants: something was kept, and no paragraph is longer than the input.
  if (article->paragraphs.empty()) std::abort();
  for (const auto& p : article->paragraphs) {
    if (p.text.empty() || p.text.size() > size) std::abort();
    const size_t dateline = newsfuse::text::WireDatelineLength(p.text);
    if (dateline > 0 && dateline >= p.text.size()) std::abort();
  }
  return 0;
}
