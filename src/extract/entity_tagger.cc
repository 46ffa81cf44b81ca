#include "extract/entity_tagger.h"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <utility>

#include "base/repo_path.h"
#include "extract/ner_model.h"

namespace newsfuse::extract {

namespace {

constexpr char kModelFile[] = "ner-conll2003.bin";

// Scratch reused by every call on this thread: after the first documents,
// tagging allocates only when a longer document comes.
struct ThreadScratch {
  ner::NerScratch ner;
  std::vector<std::string_view> words;
  std::vector<uint32_t> sentence_ends;
};

ThreadScratch& Scratch() {
  thread_local ThreadScratch scratch;
  return scratch;
}

// After a document far longer than any real article (the longest of the
// development pages is about 4,500 words) the scratch is freed rather than
// kept: each server worker once held the buffers of the longest document it
// had tagged, some 50 MB per thread after a 1 MB article.
void ReleaseIfLarge(ThreadScratch& s, size_t words) {
  constexpr size_t kKeepWords = 20000;
  if (words > kKeepWords) {
    ThreadScratch empty;
    std::swap(s, empty);
  }
}

// Mentions from the final tags and scores in `s`.
void Collect(const ner::NerModel& model, const ner::NerScratch& s, std::vector<EntityMention>* out) {
  const std::vector<TokenChunk> chunks = ner::ChunksFromBilou(s.tags);
  for (const TokenChunk& c : chunks) {
    const float margin = ner::ChunkMargin(s, c);
    EntityMention m;
    m.type = c.type;
    m.token_begin = c.begin;
    m.token_end = c.end;
    m.confidence = 1.0f / (1.0f + std::exp(-(model.confidence_a * margin + model.confidence_b)));
    out->push_back(m);
  }
}

}  // namespace

EntityTagger::EntityTagger(std::unique_ptr<ner::NerModel> model) : model_(std::move(model)) {}
EntityTagger::~EntityTagger() = default;

Result<std::unique_ptr<EntityTagger>> EntityTagger::Load(const std::string& path) {
  Result<ner::NerModel> model = ner::NerModel::Load(path);
  if (!model.ok()) return model.status();
  return std::unique_ptr<EntityTagger>(new EntityTagger(std::make_unique<ner::NerModel>(std::move(*model))));
}

std::string EntityTagger::DefaultModelPath() {
  if (const char* dir = std::getenv("NEWSFUSE_MODEL_DIR"); dir && *dir) {
    return (std::filesystem::path(dir) / kModelFile).string();
  }
  return base::FindRepoPath(std::string("models/") + kModelFile);
}

const std::string& EntityTagger::description() const { return model_->description; }

void EntityTagger::TagWords(std::span<const std::string_view> words, std::span<const uint32_t> sentence_ends,
                            std::vector<EntityMention>* out) const {
  ThreadScratch& s = Scratch();
  ner::TagWords(*model_, words, sentence_ends, &s.ner);
  Collect(*model_, s.ner, out);
  ReleaseIfLarge(s, words.size());
}

void EntityTagger::TagDocument(std::string_view text, std::span<const text::Span> tokens,
                               std::span<const uint32_t> sentence_ends, std::vector<EntityMention>* out) const {
  ThreadScratch& s = Scratch();
  s.words.clear();
  for (const text::Span& t : tokens) s.words.push_back(t.In(text));
  const size_t first = out->size();
  ner::TagWords(*model_, s.words, sentence_ends, &s.ner);
  Collect(*model_, s.ner, out);
  for (size_t k = first; k < out->size(); ++k) {
    EntityMention& m = (*out)[k];
    m.span = text::Span{tokens[m.token_begin].begin, tokens[m.token_end - 1].end};
  }
  ReleaseIfLarge(s, tokens.size());
}

void EntityTagger::Tag(std::string_view text, std::span<const text::Span> sentence_tokens,
                       std::vector<EntityMention>* out) const {
  const uint32_t end = static_cast<uint32_t>(sentence_tokens.size());
  TagDocument(text, sentence_tokens, std::span<const uint32_t>(&end, 1), out);
}

}  // namespace newsfuse::extract
