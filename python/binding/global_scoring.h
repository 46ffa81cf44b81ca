// File: python/binding/global_scoring.h
//
// What a distributed run needs to score pairs of articles on the workers
// with the whole input's word weights, so that the articles can be cut into
// components that the single-machine clusterer never joins across
// (docs/scale-out.md, "the selective reduce"):
//
//   DocumentCounts counts = CountDocuments(raws);        // per partition (map)
//   std::string bytes = EncodeCounts(counts);            // ... summed: AddCounts
//   fingerprint::DocumentFrequency df = ToDocumentFrequency(*DecodeCounts(bytes));
//   ScoredArticle a = MakeScoredArticle(raw, minutes, df, options);
//   float s = PairScorer(options).Score(a, b);           // = the clusterer's pair similarity
//
// A view (EncodeViews) is a partition's ScoredArticles as bytes, numbered
// from its first article's global number, so that a scoring task holding
// the views of some partitions can score any pair between them.
#ifndef NEWSFUSE_PYTHON_GLOBAL_SCORING_H_
#define NEWSFUSE_PYTHON_GLOBAL_SCORING_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cluster/cluster_options.h"
#include "cluster/probe_vector.h"
#include "fingerprint/fingerprinter.h"
#include "newsfuse/result.h"

namespace newsfuse::python {

// Document frequencies as plain counts: per word and per name, in how many
// documents it occurs, sorted by id.
struct DocumentCounts {
  uint64_t documents = 0;
  std::vector<std::pair<uint32_t, uint32_t>> terms;
  std::vector<std::pair<uint32_t, uint32_t>> entities;
};

DocumentCounts CountDocuments(std::span<const fingerprint::RawFingerprint> raws);
// The sum of several inputs' counts (the whole input's from its partitions').
DocumentCounts AddCounts(std::span<const DocumentCounts> parts);
std::string EncodeCounts(const DocumentCounts& counts);
Result<DocumentCounts> DecodeCounts(std::string_view bytes);
// A DocumentFrequency equal to one that Add()ed the counted documents.
fingerprint::DocumentFrequency ToDocumentFrequency(const DocumentCounts& counts);

// One article as the clusterer's pair similarity sees it.
struct ScoredArticle {
  bool active = false;  // false: a bad line or a repeated id (scores 0)
  int64_t minutes = 0;  // cluster::kUnknownTime when undated
  uint32_t protagonist = 0;
  fingerprint::ArticleVectors vectors;  // weighed by the whole input's df
  std::vector<fingerprint::TermCount> names;  // every name, sorted by id (protagonist check)
};

ScoredArticle MakeScoredArticle(const fingerprint::RawFingerprint& raw, int64_t minutes,
                                const fingerprint::DocumentFrequency& df, const cluster::ClusterOptions& options);

// The batch clusterer's similarity of two articles (words and names mixed,
// protagonist conflict, time factor; cluster_articles.cc PairSimilarity).
// Pairs that share their first article in a row cost about half: it is
// laid out once for all of them, as the clusterer lays out one article of
// each pair (cluster::ProbeVector: the same floats as the clusterer's when
// `a` is the article it lays out).
class PairScorer {
 public:
  explicit PairScorer(const cluster::ClusterOptions& options) : options_(options) {}
  float Score(const ScoredArticle& a, const ScoredArticle& b);

 private:
  const cluster::ClusterOptions& options_;
  const ScoredArticle* loaded_ = nullptr;
  cluster::ProbeVector terms_{12};
  cluster::ProbeVector entities_{10};
};

// Articles numbered first, first + 1, ... as bytes, and back.
std::string EncodeViews(uint64_t first, std::span<const ScoredArticle> articles);
struct Views {
  uint64_t first = 0;
  std::vector<ScoredArticle> articles;
};
Result<Views> DecodeViews(std::string_view bytes);

}  // namespace newsfuse::python

#endif  // NEWSFUSE_PYTHON_GLOBAL_SCORING_H_
