// File: extract/entity_tagger.h
//
// Named-entity recognition for English news: PERSON, ORGANIZATION, LOCATION
// and OTHER (the CoNLL-2003 PER, ORG, LOC and MISC classes), with a model
// trained by the project (`newsfuse train-ner`, see models/README.md).
//
//   auto tagger = EntityTagger::Load(EntityTagger::DefaultModelPath());
//   if (!tagger.ok()) return tagger.status();
//   std::string text = "Israeli Prime Minister Benjamin Netanyahu met Jake Sullivan.";
//   std::vector<text::Span> tokens;
//   text::Tokenize(text, &tokens);
//   std::vector<EntityMention> mentions;
//   (*tagger)->Tag(text, tokens, &mentions);
//   // -> "Israeli" OTHER, "Benjamin Netanyahu" PERSON, "Jake Sullivan" PERSON
//
// Tagging a whole document at once (TagDocument) is more accurate than one
// sentence at a time: the second stage looks at how the same word was tagged
// elsewhere in the document ("Netanyahu" alone after "Benjamin Netanyahu").
//
// Thread-safety: an EntityTagger is immutable after Load(); all tagging
// methods are const and may be called from many threads at once (each
// thread keeps its own scratch buffers, reused across calls).
#ifndef NEWSFUSE_EXTRACT_ENTITY_TAGGER_H_
#define NEWSFUSE_EXTRACT_ENTITY_TAGGER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extract/ner_types.h"
#include "newsfuse/result.h"
#include "text/span.h"

namespace newsfuse::extract {

namespace ner {
struct NerModel;
}  // namespace ner

struct EntityMention {
  text::Span span;  // bytes of the mention in the tagged text
  EntityType type = EntityType::kOther;
  // In [0, 1]: a score fitted on the CoNLL dev set so that it tracks the
  // chance that the mention is right (span and type); use it to rank or
  // threshold, not as an exact probability.
  float confidence = 0;
  // Tokens [token_begin, token_end) of the tokens passed in.
  uint32_t token_begin = 0;
  uint32_t token_end = 0;
};

class EntityTagger {
 public:
  // Loads a model written by `newsfuse train-ner`. Fails with a one-line
  // error naming the file when it is missing, not a model, of another
  // version, or corrupt.
  static Result<std::unique_ptr<EntityTagger>> Load(const std::string& path);

  // Where the default model is: $NEWSFUSE_MODEL_DIR/ner-conll2003.bin when
  // that variable is set; else models/ner-conll2003.bin found by the rule of
  // base/repo_path.h (the current directory, then the folders above the
  // binary's folder: the repository root for build/newsfuse).
  static std::string DefaultModelPath();

  ~EntityTagger();
  EntityTagger(const EntityTagger&) = delete;
  EntityTagger& operator=(const EntityTagger&) = delete;

  // Tags one sentence: `sentence_tokens` are spans into `text` (from
  // text::Tokenize). Appends the mentions to `*out`, in text order; their
  // spans point into `text`, token indices into `sentence_tokens`.
  void Tag(std::string_view text, std::span<const text::Span> sentence_tokens,
           std::vector<EntityMention>* out) const;

  // Tags a document: `tokens` are all its tokens (spans into `text`) and
  // `sentence_ends[k]` is the index past the last token of sentence k
  // (ascending; the last may be omitted). Appends mentions in text order.
  void TagDocument(std::string_view text, std::span<const text::Span> tokens,
                   std::span<const uint32_t> sentence_ends, std::vector<EntityMention>* out) const;

  // Tags pre-tokenized words (e.g. a CoNLL file). Mentions carry token
  // indices; their byte spans are left empty.
  void TagWords(std::span<const std::string_view> words, std::span<const uint32_t> sentence_ends,
                std::vector<EntityMention>* out) const;

  // How the model was trained (one line).
  const std::string& description() const;

 private:
  explicit EntityTagger(std::unique_ptr<ner::NerModel> model);
  std::unique_ptr<ner::NerModel> model_;
};

}  // namespace newsfuse::extract

#endif  // NEWSFUSE_EXTRACT_ENTITY_TAGGER_H_
