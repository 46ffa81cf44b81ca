// Fuzzes the quantity finder and the claim comparison: the input is two
// sentences split at the first newline; quantities lie inside the text and
// comparing two claims never fails, whichever way round.
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "extract/quantity_finder.h"
#include "synthesize/claims.h"
#include "text/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 14)) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<newsfuse::text::Span> tokens;
  newsfuse::text::TokenizeRange(text, newsfuse::text::Span{0, static_cast<uint32_t>(size)}, &tokens);
  for (const auto& q : newsfuse::extract::FindQuantities(text, tokens)) {
    if (q.span.end > size || q.span.begin > q.span.end) std::abort();
  }
  const size_t cut = text.find('\n');
  const std::string_view a = text.substr(0, cut), b = cut == text.npos ? text.substr(0, 0) : text.substr(cut + 1);
  static newsfuse::synthesize::Stemmer stemmer;
  const auto ab = newsfuse::synthesize::CompareClaims(a, b, stemmer);
  const auto ba = newsfuse::synthesize::CompareClaims(b, a, stemmer);
  (void)ab;
  (void)ba;
  return 0;
}
