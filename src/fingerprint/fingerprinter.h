// File: fingerprint/fingerprinter.h
//
// Turns an Article into what the clusterer compares, in one pass over its
// tokens:
//   * a MinHash of body 3-shingles (copies and syndication),
//   * term counts (stemmed content words; headline and lead weighted up)
//     for TF-IDF topicality,
//   * entity counts (names; see entities.h) for "same event, not only same
//     kind of event".
// Counts become unit TF-IDF vectors with Weigh() once document frequencies
// are known: in batch from the whole input, in a stream from what has
// arrived so far.
//
//   Fingerprinter fp(options);              // one per thread
//   RawFingerprint raw = fp.Extract(article);
//   df.Add(raw);
//   ArticleVectors v = Weigh(raw, df, options);
//   float topical = Dot(v.terms, other.terms);
#ifndef NEWSFUSE_FINGERPRINT_FINGERPRINTER_H_
#define NEWSFUSE_FINGERPRINT_FINGERPRINTER_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "fingerprint/entities.h"
#include "fingerprint/minhash.h"
#include "newsfuse/article.h"

namespace newsfuse::fingerprint {

struct FingerprintOptions {
  // Sentences from the start of the body that count as the lead (what the
  // story is about; background comes later).
  int lead_sentences = 5;
  // Weight of a lead word or name against 1 for the rest of the body.
  float lead_weight = 2.0f;
  // Weight of a headline word, on top of its body occurrences.
  float title_weight = 1.0f;
  // Bytes of body text read at most; the rest of a longer body is ignored
  // (and Extract() says so), so a 10 MB "article" costs what 1 MB does.
  size_t max_body_bytes = 256 * 1024;
  // Terms and names kept per article vector (the highest weights).
  size_t max_terms = 256;
  size_t max_entities = 64;
  // Background prior of the inverse document frequency. Document
  // frequencies counted over a handful of articles say little: in four
  // articles of one event, every word the four share ("bridge", the ship's
  // name) has df = N and plain IDF 0, so exactly what makes them one story
  // weighs nothing. IDF is therefore computed as if `background_documents`
  // more documents had been seen, in which a word occurs at the rate
  // `background_rate` (a typical content word of news):
  //   idf = ln((N + B + 1) / (df + B * rate + 1)).
  // With N >> B this is the corpus IDF; with N small it tends to a constant
  // (plain TF cosine), which is the best a tiny corpus can say. B = 0 gives
  // the plain ln((N + 1) / (df + 1)).
  // Chosen on ECB+ train, whole and topic by topic (`newsfuse eval cluster`).
  float background_documents = 100.0f;
  float background_rate = 0.01f;
  // Entities from a real tagger instead of the capitalised-word proxy. Not
  // owned; must outlive the Fingerprinter.
  const EntitySource* entity_source = nullptr;
  // The source's names are added to the proxy's instead of replacing them
  // (the proxy still picks the protagonist): a name both find counts twice.
  bool entity_source_adds = false;
};

struct TermCount {
  uint32_t term;
  float count;
};

struct TermWeight {
  uint32_t term;
  float weight;
};

// A capitalised word of a Title Case headline: maybe a name, maybe not
// (see headline_names.h).
struct HeadlineWord {
  uint64_t hash;         // the token hash (what a name's features are made of)
  uint32_t term;         // its term id, the same word in any case
  bool joins_previous;   // continues the previous word's run ("Lindsay Lohan")
};

struct RawFingerprint {
  MinHash minhash;
  std::vector<TermCount> terms;     // unsorted, one entry per distinct term
  std::vector<TermCount> entities;  // unsorted, one entry per distinct name
  size_t body_bytes = 0;            // bytes of body text, before truncation
  bool truncated = false;           // body longer than max_body_bytes
  // Who the article is about: the entity id (same space as `entities`) of
  // the name the body mentions most, counting a multi-word name under its
  // last word ("Vincent Jackson" and "Jackson" are both Jackson), when it is
  // dominant: at least 2 mentions and more than any other name. 0 when no
  // name dominates. The headline is left out: a Title Case headline's
  // names are known only against other articles (headline_names.h), so
  // counting them would make the choice depend on style and on the corpus. With
  // an EntitySource, its names vote the same way (under their last word).
  uint32_t protagonist = 0;
  // The capitalised words of a Title Case headline, in order, until
  // ResolveHeadlineNames() turns those that are names into `entities`
  // (and empties this). Empty for other headlines, whose names are read
  // like the body's.
  std::vector<HeadlineWord> headline_words;
};

// Unit-length sparse vectors, sorted by term.
struct ArticleVectors {
  std::vector<TermWeight> terms;
  std::vector<TermWeight> entities;
};

// Not thread-safe: holds scratch tables reused across articles so that
// Extract() allocates only its result. Use one per thread.
class Fingerprinter {
 public:
  explicit Fingerprinter(const FingerprintOptions& options = {});
  RawFingerprint Extract(const Article& article);
  const FingerprintOptions& options() const { return options_; }

 private:
  // Open-addressing counts keyed by 32-bit term id, cleared per article by
  // walking the slots it used.
  class CountTable {
   public:
    CountTable();
    void Add(uint32_t key, float weight);
    void DrainTo(std::vector<TermCount>* out);

   private:
    void Grow();
    std::vector<uint32_t> keys_;
    std::vector<float> values_;
    std::vector<uint32_t> used_;
  };

  // RawFingerprint::protagonist from heads_ (reorders heads_).
  uint32_t Protagonist();

  FingerprintOptions options_;
  MinHashBuilder minhash_;
  CountTable terms_;
  CountTable entities_;
  std::vector<uint64_t> heads_;  // last word of each body name mention
};

// A flat open-addressing map from 32-bit key (never 0) to a count: the
// document-frequency table is probed for every term of every article, where
// std::unordered_map's node chasing showed up first in profiles. It is 64
// tables chosen by the key's top hash bits, each doubling on its own: one
// table of a stream's 16 million distinct words doubled inside a single
// article's assignment, a 638 ms stall at a million articles; a shard's
// doubling moves 1/64 of that.
class CountMap {
 public:
  CountMap();
  void Increment(uint32_t key) { IncrementAndGet(key); }
  // Increments and returns the new count, in one probe.
  uint32_t IncrementAndGet(uint32_t key);
  uint32_t Get(uint32_t key) const;
  // Hints that `key` will be probed soon (a cache miss started early: the
  // table outgrows the cache, and articles probe hundreds of random keys).
  void Prefetch(uint32_t key) const {
    const Shard& s = shards_[ShardOf(key)];
    __builtin_prefetch(&s.slots[(key * 0x9E3779B1u) & (s.slots.size() - 1)]);
  }
  size_t size() const;
  size_t bytes() const;

 private:
  static constexpr size_t kShards = 64;
  // Key and count side by side: one cache line per probe, not two.
  struct Slot {
    uint32_t key;
    uint32_t count;
  };
  struct Shard {
    std::vector<Slot> slots;
    size_t size = 0;
  };
  // Top bits of a 64-bit product; the slot inside a shard comes from the
  // low bits of a 32-bit one, so the two choices are independent.
  static size_t ShardOf(uint32_t key) { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> 58); }
  static void Grow(Shard& shard);
  Shard shards_[kShards];
};

// Document frequencies of terms and names over the documents added so far.
// Not thread-safe for Add(); const methods may run concurrently.
class DocumentFrequency {
 public:
  void Add(const RawFingerprint& raw);
  // Add(raw) and then Weigh(raw, *this, options), probing each term once;
  // `out` keeps its capacity across calls (the streaming hot path). The
  // vectors are equal to Weigh()'s.
  void AddAndWeigh(const RawFingerprint& raw, const FingerprintOptions& options,
                   ArticleVectors* out);
  // ln((N + B + 1) / (df + B * rate + 1)) for terms and names respectively,
  // with the background prior of `options` (see FingerprintOptions).
  float TermIdf(uint32_t term, const FingerprintOptions& options = {}) const;
  float EntityIdf(uint32_t entity, const FingerprintOptions& options = {}) const;
  size_t documents() const { return documents_; }
  size_t distinct_terms() const { return terms_.size() + entities_.size(); }
  const CountMap& terms() const { return terms_; }
  const CountMap& entities() const { return entities_; }

 private:
  size_t documents_ = 0;
  CountMap terms_;
  CountMap entities_;
};

// Sublinear TF (1 + ln tf) times IDF, the top options.max_terms /
// max_entities kept, sorted by term and scaled to unit length.
ArticleVectors Weigh(const RawFingerprint& raw, const DocumentFrequency& df,
                     const FingerprintOptions& options);

// Dot product of two term-sorted sparse vectors (cosine when both are unit).
float Dot(std::span<const TermWeight> a, std::span<const TermWeight> b);

}  // namespace newsfuse::fingerprint

#endif  // NEWSFUSE_FINGERPRINT_FINGERPRINTER_H_
