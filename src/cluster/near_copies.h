// File: cluster/near_copies.h
//
// Reprints and near-copies among the articles of one story that was not
// grouped by ClusterArticles (a story taken as given, a stored story):
// MinHash of word 3-shingles (fingerprint/minhash.h) compared pair by pair,
// at the clusterer's duplicate level (ClusterOptions::duplicate_jaccard).
// Where ClusterArticles grouped the story, the engine carries its
// StoryGroup::duplicate_of instead. Either way the story takes the decision
// to the synthesis (synthesize::BuildStory), which counts a reprint once.
//
//   std::vector<std::optional<size_t>> copy_of = FindNearCopies(members);
//   if (copy_of[i]) ... members[i] reprints members[*copy_of[i]]
//
// Every pair is compared (a story has tens to hundreds of members), unlike
// the LSH candidates of ClusterArticles over a whole corpus.
#ifndef NEWSFUSE_CLUSTER_NEAR_COPIES_H_
#define NEWSFUSE_CLUSTER_NEAR_COPIES_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "cluster/cluster_options.h"
#include "fingerprint/minhash.h"
#include "newsfuse/article.h"

namespace newsfuse::cluster {

// The LSH banding of ClusterArticles' copy finder: two signatures that agree
// on every slot of one band share that band's key, so near-copies meet as
// candidates. Blocking outside this module (engine::SketchArticles, the Dask
// shuffle) uses the same keys so that it cannot drift from the clusterer.
inline constexpr size_t kCopyBands = 16;
inline constexpr size_t kCopyRowsPerBand = fingerprint::kMinHashSlots / kCopyBands;
static_assert(kCopyBands * kCopyRowsPerBand == fingerprint::kMinHashSlots);

// The key of band `band` (< kCopyBands) of a non-empty signature.
uint64_t CopyBandKey(const fingerprint::MinHash& m, size_t band);

// Per article, the index of the earlier article it copies (estimated
// Jaccard >= `threshold`), or nullopt for an original. "Earlier" is the
// earlier publication date (undated after dated), else the earlier index;
// a copy always points at an original, never at another copy. An article
// with no body is never a copy.
std::vector<std::optional<size_t>> FindNearCopies(std::span<const Article> articles,
                                                  double threshold = ClusterOptions().duplicate_jaccard);

}  // namespace newsfuse::cluster

#endif  // NEWSFUSE_CLUSTER_NEAR_COPIES_H_
