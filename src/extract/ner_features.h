// File: extract/ner_features.h
//
// Features of the named-entity tagger, shared by the trainer and the runtime
// so that both see exactly the same hashes.
//
// A token's features are 64-bit hashes of (template, value) pairs, e.g.
// (kLowerPrev, hash("minister")) or (kGazetteer, LOC, "B"); the model maps
// each hash to a row of one weight per tag. Values are hashed once per token
// (word, lowercase word, shapes, affixes) into a TokenInfo, and templates
// combine the infos of a five-token window, so nothing is allocated per
// token or per feature.
//
// Resources that come with a model (both built by the trainer, read by the
// runtime from the model file):
//   - a word lexicon learned from unlabelled text: a hierarchical cluster path
//     per word form (contexts -> PPMI -> random projection -> 3-level spherical
//     k-means), how often the word is capitalized inside a sentence, and a
//     frequency class;
//   - a gazetteer of entity phrases (lowercase) with the types seen for them.
//
// Tags are BILOU over the four types: 0 = O, then for type t (0..3)
// B = 1 + 4t, I = 2 + 4t, L = 3 + 4t, U = 4 + 4t.
#ifndef NEWSFUSE_EXTRACT_NER_FEATURES_H_
#define NEWSFUSE_EXTRACT_NER_FEATURES_H_

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extract/ner_types.h"

namespace newsfuse::extract::ner {

inline constexpr int kNumTags = 17;
inline constexpr int kTagO = 0;
enum class TagPart : uint8_t { kBegin = 0, kInside = 1, kLast = 2, kUnit = 3 };

inline int MakeTag(EntityType type, TagPart part) {
  return 1 + 4 * static_cast<int>(type) + static_cast<int>(part);
}
inline EntityType TagType(int tag) { return static_cast<EntityType>((tag - 1) / 4); }
inline TagPart TagPartOf(int tag) { return static_cast<TagPart>((tag - 1) % 4); }
// Whether `to` may follow `from` (from = -1: the sentence start; to = -1: the end).
bool AllowedTransition(int from, int to);

// Entity chunks of a BILOU tag sequence; ill-formed runs are repaired
// leniently (an I or L without a B starts a chunk).
std::vector<TokenChunk> ChunksFromBilou(std::span<const int> tags);
// BILOU tags for `n` tokens with `chunks`.
std::vector<int> BilouFromChunks(std::span<const TokenChunk> chunks, size_t n);

// 64-bit hash of bytes; of the ASCII-lowercased bytes; and a step of the
// phrase hash (lowercase words joined) used by the gazetteer.
uint64_t HashBytes(std::string_view s, uint64_t seed = 0);
uint64_t HashLower(std::string_view s);
inline uint64_t Mix64(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}
inline uint64_t PhraseStep(uint64_t phrase, uint64_t word_lower_hash) {
  return Mix64(phrase * 0x9E3779B97F4A7C15ULL + word_lower_hash);
}

// An open-addressing map from 64-bit keys (never 0) to small values, for
// the resources above. Build with Insert, then only Find. Find is
// thread-safe once built.
template <typename V>
class HashMap64 {
 public:
  explicit HashMap64(size_t expected = 16) { Reset(expected); }
  void Reset(size_t expected) {
    size_t cap = 16;
    while (cap < expected * 2) cap <<= 1;
    keys_.assign(cap, 0);
    values_.assign(cap, V{});
    size_ = 0;
  }
  // Returns the slot for `key`, inserting a default value if absent.
  V& operator[](uint64_t key) {
    if (key == 0) key = 1;
    if ((size_ + 1) * 2 > keys_.size()) Grow();
    size_t i = Mix64(key) & (keys_.size() - 1);
    while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & (keys_.size() - 1);
    if (keys_[i] == 0) {
      keys_[i] = key;
      ++size_;
    }
    return values_[i];
  }
  const V* Find(uint64_t key) const {
    if (key == 0) key = 1;
    size_t i = Mix64(key) & (keys_.size() - 1);
    while (keys_[i] != 0) {
      if (keys_[i] == key) return &values_[i];
      i = (i + 1) & (keys_.size() - 1);
    }
    return nullptr;
  }
  size_t size() const { return size_; }
  template <typename F>
  void ForEach(F&& f) const {
    for (size_t i = 0; i < keys_.size(); ++i)
      if (keys_[i] != 0) f(keys_[i], values_[i]);
  }

 private:
  void Grow() {
    std::vector<uint64_t> old_keys = std::move(keys_);
    std::vector<V> old_values = std::move(values_);
    keys_.assign(old_keys.size() * 2, 0);
    values_.assign(old_keys.size() * 2, V{});
    size_ = 0;
    for (size_t i = 0; i < old_keys.size(); ++i)
      if (old_keys[i] != 0) (*this)[old_keys[i]] = old_values[i];
  }
  std::vector<uint64_t> keys_;
  std::vector<V> values_;
  size_t size_ = 0;
};

// What the unlabelled text says about one word form.
struct WordStats {
  uint32_t cluster = 0;   // 1 + path code; 0 = unknown. See ClusterLevel().
  uint8_t cap_bucket = 0;  // 0 unknown; 1..5 from never to always capitalized mid-sentence
  uint8_t freq_bucket = 0;  // floor(log2(count)), 0 = unseen
};

// Cluster levels: the trainer's k-means splits into 32, then 16, then 8.
inline constexpr int kClusterLevels = 3;
inline constexpr uint32_t kClusterBranching[kClusterLevels] = {32, 16, 8};
// The cluster path truncated to `level` (0..2) levels, 0 if unknown.
uint32_t ClusterLevel(uint32_t cluster, int level);

struct Lexicon {
  // Keyed by HashBytes(word) for the exact form, and by
  // HashLower(word) ^ kLowerSeed for the cluster of a lowercase form's most
  // frequent spelling and its capitalization statistics.
  static constexpr uint64_t kLowerSeed = 0x6c6f776572ULL;
  HashMap64<WordStats> words;
};

struct Gazetteer {
  // PhraseStep-chained lowercase hashes of entity phrases -> bit mask of
  // entity types (bit t for EntityType t).
  HashMap64<uint8_t> phrases;
  int max_words = 6;
};

// Per-token values that the feature templates combine.
struct TokenInfo {
  uint64_t word = 0;
  uint64_t lower = 0;
  uint64_t shape = 0;
  uint64_t short_shape = 0;
  uint64_t prefix[4] = {};
  uint64_t suffix[4] = {};
  uint32_t cluster = 0;
  uint8_t cap_class = 0;  // see the .cc
  uint8_t cap_bucket = 0;
  uint8_t freq_bucket = 0;
  uint8_t length_class = 0;
  uint8_t gaz[kNumEntityTypes] = {};  // 0 none, else 1 + TagPart of the longest match
  uint8_t doc_cap = 0;  // the lowercase form elsewhere in the document: bit 0 capitalized mid-sentence, bit 1 lowercase
  bool sentence_initial = false;
  bool sentence_all_caps = false;
  bool has_upper = false;
  // Stage 2: counts of the pass-1 types (O, PER, ORG, LOC, MISC) of the other
  // occurrences of this lowercase form in the document.
  uint16_t agg[1 + kNumEntityTypes] = {};
  uint8_t pass1_class = 0;  // this token's own pass-1 class (0 = O, 1 + type)
};

// Reusable per-thread scratch for one document. Owns its buffers; reuse one
// across documents to avoid allocation.
struct DocFeatures {
  std::vector<TokenInfo> tokens;
  std::vector<uint32_t> sentence_ends;  // token index past each sentence
  HashMap64<uint16_t> doc_cap_counts;  // scratch for doc_cap
  HashMap64<uint32_t> agg_index;       // scratch for agg
  std::vector<std::array<uint16_t, 1 + kNumEntityTypes>> agg_counts;
};

// Computes TokenInfo for a document of `words`, split into sentences by
// `sentence_ends` (token index past each sentence; the last one may be
// left out). `gazetteer_exclude` (optional) maps phrase hashes to types that
// must be ignored: the trainer's leave-one-document-out gazetteer.
void PrepareDocument(std::span<const std::string_view> words, std::span<const uint32_t> sentence_ends,
                     const Lexicon& lexicon, const Gazetteer& gazetteer,
                     const HashMap64<uint8_t>* gazetteer_exclude, DocFeatures* doc);

// Fills the stage-2 aggregate counts from pass-1 tags of the whole document
// (one tag per token of `doc`).
void AggregatePredictions(std::span<const std::string_view> words, std::span<const int> pass1_tags,
                          DocFeatures* doc);

// Calls sink(hash) for every stage-1 feature of token `i` in sentence
// [sentence_begin, sentence_end).
template <typename Sink>
void Stage1Features(const DocFeatures& doc, uint32_t sentence_begin, uint32_t sentence_end, uint32_t i,
                    Sink&& sink);
// Calls sink(hash) for every stage-2 (document aggregate) feature of token `i`
// in sentence [sentence_begin, sentence_end).
template <typename Sink>
void Stage2Features(const DocFeatures& doc, uint32_t sentence_begin, uint32_t sentence_end, uint32_t i,
                    Sink&& sink);

}  // namespace newsfuse::extract::ner

#include "extract/ner_features_inl.h"

#endif  // NEWSFUSE_EXTRACT_NER_FEATURES_H_
