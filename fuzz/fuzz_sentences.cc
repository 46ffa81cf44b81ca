// Fuzzes the sentence splitter and the tokenizer: any text gives sentences
// that are in order, inside the text and not overlapping, and tokens inside
// their sentence.
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 16)) return 0;  // larger inputs add no coverage, only slow the run
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  uint32_t previous_end = 0;
  std::vector<newsfuse::text::Span> tokens;
  for (const newsfuse::text::Span s : newsfuse::text::SplitSentences(text)) {
    if (s.begin < previous_end || s.end < s.begin || s.end > size) std::abort();
    previous_end = s.end;
    tokens.clear();
    newsfuse::text::TokenizeRange(text, s, &tokens);
    for (const auto& t : tokens) {
      if (t.begin < s.begin || t.end > s.end || t.end <= t.begin) std::abort();
    }
  }
  return 0;
}
