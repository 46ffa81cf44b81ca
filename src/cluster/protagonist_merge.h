// File: cluster/protagonist_merge.h
//
// The batch clusterer's last pass: stories about the same protagonist, close
// in time, rejoin at a lower average link than merge_threshold.
//
// Why: document frequencies come from the input. When the input is one
// event told by many outlets (a `brief` of 21 reports of one rehab
// check-in), every word and name the reports share is in most of them and
// weighs little, so the average link between two angles of the event (the
// first clinic, the second clinic, the move six weeks later) falls under
// the threshold that keeps twin events apart in a mixed corpus, and one
// event comes out as four stories. Twin events of one kind differ in who
// (two celebrities in rehab, two players arrested): the split pass cuts
// them by protagonist. Here the converse: two stories whose members are
// mostly about the same person are one event unless their words say
// otherwise (below protagonist_merge_threshold) or their dates are far
// apart (protagonist_merge_max_gap_hours: the same company's launches a
// year apart).
//
//   MergeSameProtagonist(order, raw, minutes, options, similarity, &story_of);
#ifndef NEWSFUSE_CLUSTER_PROTAGONIST_MERGE_H_
#define NEWSFUSE_CLUSTER_PROTAGONIST_MERGE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "cluster/cluster_options.h"
#include "fingerprint/fingerprinter.h"

namespace newsfuse::cluster {

// `order`: the active articles in time order; `raw[i].protagonist` each
// article's protagonist (0: none); `minutes[i]` its time (kUnknownTime when
// undated); `similarity(i, j)` (i < j) the pair similarity the clustering
// used; `story_of[i]` the story of article i, rewritten where stories join
// (a joined story takes the id of the one that started first, so copies
// stay with their originals). Off when options.protagonist_merge_threshold
// is 0.
void MergeSameProtagonist(const std::vector<size_t>& order,
                          const std::vector<fingerprint::RawFingerprint>& raw,
                          const std::vector<int64_t>& minutes, const ClusterOptions& options,
                          const std::function<float(size_t, size_t)>& similarity,
                          std::vector<uint32_t>* story_of);

}  // namespace newsfuse::cluster

#endif  // NEWSFUSE_CLUSTER_PROTAGONIST_MERGE_H_
