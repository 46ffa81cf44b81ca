// File: cluster/cluster_articles.h
//
// Batch story clustering of a whole corpus (a day's crawl, an evaluation
// set): every article is known up front, so document frequencies come from
// the whole input and grouping is average-link agglomeration (UPGMA) instead
// of first-come assignment, which makes the result independent of input
// order.
//
//   std::vector<StoryGroup> stories = ClusterArticles(articles, options);
//   for (const StoryGroup& s : stories)
//     for (size_t k = 0; k < s.members.size(); ++k)
//       Use(articles[s.members[k]], s.duplicate_of[k]);
//
// Steps: fingerprint every article (options.threads threads); find copies
// with MinHash LSH, each copy pointing at the earliest article of its copy
// group; start with one group per copy group; then repeatedly merge the two
// groups with the highest average pairwise similarity (words + names, time
// factor; cluster/similarity.h) while it is >= merge_threshold; then cut a
// story in two where its two main protagonists head two events, one side
// never naming the other's (the split pass, ClusterOptions::split_*). Up to
// exact_pairs_limit articles every pair is scored; above it only pairs that
// share a top word or name (capped postings), which bounds the work at about
// n * query_terms * posting_cap pairs.
#ifndef NEWSFUSE_CLUSTER_CLUSTER_ARTICLES_H_
#define NEWSFUSE_CLUSTER_CLUSTER_ARTICLES_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cluster/cluster_options.h"
#include "fingerprint/fingerprinter.h"
#include "newsfuse/article.h"

namespace newsfuse::cluster {

struct StoryGroup {
  std::string id;                 // "s1", "s2", ... in order of first article
  std::vector<size_t> members;    // indices into the input, by time then input order
  // Per member: the index (into the input) of the article it copies, if any.
  std::vector<std::optional<size_t>> duplicate_of;
  std::string headline;           // headline of the member closest to the group's centre
  std::vector<std::string> outlets;  // distinct, in member order
  std::string first_published;    // "YYYY-MM-DDTHH:MM", "" when no member is dated
  std::string last_published;
};

struct ClusterReport {
  InputIssueCounts issues;
  std::vector<uint32_t> article_issues;  // InputIssue bits per input article
  size_t duplicate_ids = 0;              // articles skipped as repeated ids
  size_t scored_pairs = 0;
};

// Groups `articles` into stories. Articles with an id seen earlier in the
// input are left out of every group (and counted in `report`). Never fails:
// bad input is counted, not fatal. `report` may be null.
std::vector<StoryGroup> ClusterArticles(std::span<const Article> articles,
                                        const ClusterOptions& options,
                                        ClusterReport* report = nullptr);

// The same over fingerprints made beforehand: raw[i] is articles[i]'s, made
// by a Fingerprinter with options.fingerprint. The articles' bodies are not
// read (id, title, outlet and published are), so a caller that keeps a
// window of articles can keep them without their text. `df`, when given,
// weighs the words instead of the input's own document frequencies (a
// stream's, over more than the input). REQUIRES: equal sizes.
std::vector<StoryGroup> ClusterFingerprints(std::span<const Article> articles,
                                            std::span<const fingerprint::RawFingerprint> raw,
                                            const ClusterOptions& options,
                                            ClusterReport* report = nullptr,
                                            const fingerprint::DocumentFrequency* df = nullptr);

}  // namespace newsfuse::cluster

#endif  // NEWSFUSE_CLUSTER_CLUSTER_ARTICLES_H_
