// Fuzzes the quote finder: any text (and any byte-range "names" taken from
// the input's first bytes) gives quotes whose spans lie inside the text.
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "extract/quote_finder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > (1 << 16)) return 0;
  // First byte: how many 4-byte name spans follow (0-3), as offsets into the text.
  const size_t names_count = data[0] % 4;
  if (size < 1 + 4 * names_count) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1 + 4 * names_count), size - 1 - 4 * names_count);
  std::vector<newsfuse::extract::NamedSpan> names;
  for (size_t k = 0; k < names_count; ++k) {
    const uint8_t* p = data + 1 + 4 * k;
    const uint32_t begin = (p[0] | p[1] << 8) % (text.size() + 1);
    const uint32_t end = std::min<uint32_t>(begin + p[2] % 40, static_cast<uint32_t>(text.size()));
    names.push_back(newsfuse::extract::NamedSpan{{begin, end}, (p[3] & 1) ? 'O' : 'P'});
  }
  for (const auto& q : newsfuse::extract::FindQuotes(text, names)) {
    if (q.quote.end > text.size() || q.quote.begin > q.quote.end) std::abort();
  }
  for (const auto& r : newsfuse::extract::FindQuotedRegions(text)) (void)r;
  return 0;
}
