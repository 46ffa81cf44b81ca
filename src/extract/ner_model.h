// File: extract/ner_model.h
//
// The frozen named-entity model: lexicon, gazetteer, and the weights of two
// stages, with the decoder and the model file format. The trainer builds one
// and saves it; EntityTagger loads one and tags with it.
//
// Stage 1 scores each token's BILOU tags from its stage-1 features (a sum of
// weight rows) and decodes each sentence with first-order Viterbi under the
// BILOU constraints. Stage 2 scores the tokens again, with its own weights
// for the stage-1 features plus document-aggregate features computed from
// stage 1's tags (what the same word was tagged elsewhere in the document),
// and decodes again with its own transitions. (A model may instead add the
// document features to stage 1's scores: stage2_full = false.)
//
// File format (little-endian): "NFNR" magic, version, then the sections
// written by Save(); a trailing XXH3 checksum of everything before it.
#ifndef NEWSFUSE_EXTRACT_NER_MODEL_H_
#define NEWSFUSE_EXTRACT_NER_MODEL_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extract/ner_features.h"
#include "newsfuse/result.h"

namespace newsfuse::extract::ner {

inline constexpr uint32_t kNerModelMagic = 0x524E464E;  // "NFNR"
inline constexpr uint32_t kNerModelVersion = 2;

// Feature hash -> one float weight per tag. Build once, then Find only;
// Find is thread-safe.
class WeightTable {
 public:
  // `rows` holds keys.size() * kNumTags weights, row i for keys[i].
  void Build(std::vector<uint64_t> keys, std::vector<float> rows);
  // The row of kNumTags weights for `key`, or nullptr.
  const float* Find(uint64_t key) const {
    if (slots_.empty()) return nullptr;
    size_t i = Mix64(key) & mask_;
    while (true) {
      const Slot& s = slots_[i];
      if (s.row == 0) return nullptr;
      if (s.key == key) return &rows_[(s.row - 1) * kNumTags];
      i = (i + 1) & mask_;
    }
  }
  // Hints the cache that Find(key) is coming.
  void Prefetch(uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[Mix64(key) & mask_]);
  }
  size_t size() const { return keys_.size(); }
  const std::vector<uint64_t>& keys() const { return keys_; }
  const std::vector<float>& rows() const { return rows_; }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t row = 0;  // 1 + row index; 0 = empty
  };
  std::vector<uint64_t> keys_;
  std::vector<float> rows_;
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

// Tag-to-tag scores: from[kNumTags] (the last row is the sentence start) x to,
// plus the score of ending a sentence on each tag. Disallowed BILOU
// transitions are never taken, whatever their score.
struct Transitions {
  float from_to[(kNumTags + 1) * kNumTags] = {};
  float end[kNumTags] = {};
  float At(int from, int to) const { return from_to[(from < 0 ? kNumTags : from) * kNumTags + to]; }
};

struct NerStage {
  WeightTable weights;
  Transitions transitions;
};

struct NerModel {
  std::string description;  // how it was trained, for `eval ner`
  Lexicon lexicon;
  Gazetteer gazetteer;
  NerStage stage1;
  NerStage stage2;
  bool has_stage2 = false;
  // Stage 2's scores come from its own weights for the stage-1 features and
  // the document features (else: stage 1's scores plus document features).
  bool stage2_full = false;
  // Entity confidence = sigmoid(a * margin + b), where margin is the smallest
  // score gap between an entity token's tag and its best alternative; a and
  // b are fitted on the dev set by the trainer.
  float confidence_a = 0.2f;
  float confidence_b = 0.0f;

  // Writes the model; weights are quantized to 16 bits per nonzero
  // (feature, tag) pair and all-zero rows are dropped.
  Status Save(const std::string& path) const;
  // Reads a model written by Save(). Errors name the file: "m.bin: not a
  // newsfuse NER model (bad magic)", "m.bin: model version 3, expected 1".
  static Result<NerModel> Load(const std::string& path);
  static Result<NerModel> Parse(std::string_view bytes, std::string_view name);
};

// Best tag sequence for `n` tokens with emission scores `emissions`
// (n x kNumTags, row-major), under `transitions` and the BILOU constraints.
// `scratch` is reused between calls.
void ViterbiDecode(const float* emissions, size_t n, const Transitions& transitions, int* tags,
                   std::vector<float>* scratch);

// Per-thread scratch for tagging documents.
struct NerScratch {
  DocFeatures doc;
  std::vector<float> emissions;   // tokens x kNumTags, stage 1 then stage 2
  std::vector<uint64_t> hashes;   // stage-1 feature hashes of all tokens
  std::vector<uint32_t> hash_offsets;  // token i: hashes[hash_offsets[i], hash_offsets[i + 1])
  std::vector<int> tags;          // stage-1, then final tags
  std::vector<float> viterbi;
};

// The smallest gap, over the tokens of `chunk`, between the chosen tag's
// score and the best other tag's score (in scratch->emissions / tags).
float ChunkMargin(const NerScratch& scratch, const TokenChunk& chunk);

// Tags a document of `words` split into sentences by `sentence_ends`; the
// final BILOU tags are in scratch->tags, the scores in scratch->emissions.
void TagWords(const NerModel& model, std::span<const std::string_view> words,
              std::span<const uint32_t> sentence_ends, NerScratch* scratch);

}  // namespace newsfuse::extract::ner

#endif  // NEWSFUSE_EXTRACT_NER_MODEL_H_
