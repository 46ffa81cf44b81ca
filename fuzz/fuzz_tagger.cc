// Fuzzes the entity tagger on a whole document (the shipped model): any text,
// cut into sentences and tokens as the analysis does, gives mentions whose
// spans lie inside the text, in order.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>
#include <vector>

#include "extract/entity_tagger.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace {
const newsfuse::extract::EntityTagger* Tagger() {
  static const auto tagger = newsfuse::extract::EntityTagger::Load(
      newsfuse::extract::EntityTagger::DefaultModelPath());
  if (!tagger.ok()) std::abort();  // the fuzz build needs the model in the source tree
  return tagger->get();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 16)) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<newsfuse::text::Span> tokens;
  std::vector<uint32_t> sentence_ends;
  for (const newsfuse::text::Span s : newsfuse::text::SplitSentences(text)) {
    newsfuse::text::TokenizeRange(text, s, &tokens);
    sentence_ends.push_back(static_cast<uint32_t>(tokens.size()));
  }
  std::vector<newsfuse::extract::EntityMention> mentions;
  Tagger()->TagDocument(text, tokens, sentence_ends, &mentions);
  uint32_t previous = 0;
  for (const auto& m : mentions) {
    if (m.span.end > size || m.span.begin > m.span.end || m.span.begin < previous) std::abort();
    previous = m.span.begin;
  }
  return 0;
}
