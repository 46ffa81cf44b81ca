// File: cluster/story_clusterer.h
//
// Streaming story clustering: articles arrive (roughly) in time order and
// each is assigned on arrival, in well under a millisecond, to an existing
// story or a new one.
//
//   ClusterOptions options;
//   StoryClusterer clusterer(options);
//   clusterer.set_on_frozen([](FrozenStory&& story) { Write(story); });
//   for (const Article& a : feed) {
//     Assignment x = clusterer.Assign(a);   // x.story_id, x.duplicate_of
//   }
//   clusterer.FreezeAll();                  // report what is still open
//
// How an article is placed:
//  1. Fingerprint (fingerprint/fingerprinter.h): MinHash of body shingles,
//     TF-IDF words and names, with document frequencies from the stream so far.
//  2. Copies: MinHash LSH (16 bands of 4 slots) finds earlier articles with
//     estimated Jaccard >= duplicate_jaccard; the article joins the
//     original's story and is marked duplicate_of it.
//  3. Otherwise candidates come from an inverted index of the stories' top
//     words and names (capped postings, most recent first); each candidate is
//     scored by the average-link similarity to its members (the running sum
//     of member vectors / size), names weighted by stream_entity_weight, times the
//     time factor, and by the protagonist conflict factor when the article and
//     the story are about different people (see cluster_options.h). The best
//     at or above assign_threshold wins; else a new
//     story opens.
// Memory is bounded by the time window: a story with no new member for
// window_hours of article time is frozen: handed to the on_frozen callback
// and removed, with its articles' fingerprints and index entries.
//
// Thread-safety: not thread-safe; one clusterer per stream. Fingerprinting,
// the costly part, can run on other threads (Fingerprinter per thread) and
// feed AssignFingerprint() in arrival order.
#ifndef NEWSFUSE_CLUSTER_STORY_CLUSTERER_H_
#define NEWSFUSE_CLUSTER_STORY_CLUSTERER_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "cluster/cluster_options.h"
#include "cluster/flat_table.h"
#include "fingerprint/fingerprinter.h"
#include "newsfuse/article.h"

namespace newsfuse::cluster {

// The decision for one article.
struct Assignment {
  size_t index = 0;        // arrival number of this article (0, 1, ...)
  uint64_t story_id = 0;   // the story it joined or opened
  bool new_story = false;
  // Arrival number and id of the original when this article is a copy.
  std::optional<size_t> duplicate_of;
  std::string duplicate_of_id;
  float similarity = 0;    // to the chosen story (1 for a copy, 0 for new)
  uint32_t issues = kNoIssue;  // InputIssue bits
};

// A story that left memory: everything the output needs.
struct FrozenStory {
  uint64_t id = 0;
  std::string headline;
  std::vector<std::string> article_ids;   // in arrival order
  std::vector<size_t> article_indices;    // arrival numbers, same order
  std::vector<std::string> outlets;       // distinct, first-seen order
  int64_t first_minute = 0;               // kUnknownTime when undated
  int64_t last_minute = 0;
};

class StoryClusterer {
 public:
  explicit StoryClusterer(const ClusterOptions& options = {});
  ~StoryClusterer();
  StoryClusterer(const StoryClusterer&) = delete;
  StoryClusterer& operator=(const StoryClusterer&) = delete;

  // Called with each story as it is frozen (window passed, or FreezeAll()).
  void set_on_frozen(std::function<void(FrozenStory&&)> on_frozen) {
    on_frozen_ = std::move(on_frozen);
  }

  // Called when a story leaving the window (or at FreezeAll()) is merged
  // into an open one (ClusterOptions::stream_merge_threshold): its articles
  // now belong to `into`, which reports them all when it is frozen.
  void set_on_merged(std::function<void(uint64_t story, uint64_t into)> on_merged) {
    on_merged_ = std::move(on_merged);
  }

  // Fingerprints and assigns one article. An article whose id was seen
  // within the window is not clustered again: the result carries
  // kDuplicateId and the first one's story.
  Assignment Assign(const Article& article);

  // The same with the fingerprint made elsewhere (by a Fingerprinter with
  // options().fingerprint on another thread).
  Assignment AssignFingerprint(const Article& article, fingerprint::RawFingerprint&& raw);

  // Freezes every open story (end of input).
  void FreezeAll();

  size_t open_stories() const { return open_story_count_; }
  size_t articles_in_window() const;
  // Bytes held for the articles and stories in the window (fingerprints,
  // index entries, centroids; an estimate of container overhead included),
  // not counting the document-frequency table, which grows with the
  // vocabulary rather than with the window.
  size_t MemoryBytes() const;
  const InputIssueCounts& issue_counts() const { return issue_counts_; }
  const ClusterOptions& options() const { return options_; }

 private:
  struct Story;
  struct ArticleRecord;
  struct Scratch;

  Story* FindStory(uint64_t id);
  std::optional<size_t> FindCopy(const fingerprint::MinHash& minhash, size_t* root);
  Story* BestCandidate(const fingerprint::ArticleVectors& v, int64_t minute, float* similarity);
  // Fills scratch_->hits with the candidate stories for a vector or
  // centroid (terms, entities): the max_candidates stories most often
  // indexed under its top words and names, in story order; story `exclude`
  // is left out.
  void FindCandidates(const std::vector<fingerprint::TermWeight>& terms,
                      const std::vector<fingerprint::TermWeight>& entities, uint64_t exclude);
  void IndexStory(Story& story);
  void AddToStory(Story& story, const fingerprint::ArticleVectors& v, size_t index,
                  const Article& article, int64_t minute);
  void MaybeSweep();
  // The merge pass: folds a story that is leaving into the open story whose
  // average link to it is highest, when that is at least
  // stream_merge_threshold. True when it did.
  bool MergeIntoBest(Story& story);
  void Freeze(uint64_t story_id);

  ClusterOptions options_;
  fingerprint::FingerprintOptions weigh_options_;  // stream_max_terms applied
  fingerprint::Fingerprinter fingerprinter_;
  fingerprint::DocumentFrequency df_;
  std::function<void(FrozenStory&&)> on_frozen_;
  std::function<void(uint64_t, uint64_t)> on_merged_;
  InputIssueCounts issue_counts_;

  size_t next_index_ = 0;
  int64_t now_minute_ = INT64_MIN;  // latest article time seen
  size_t assigned_since_sweep_ = 0;
  int64_t last_postings_cleanup_ = INT64_MIN;
  size_t sweep_next_ = 0;  // where the next sweep slice starts in open_ids_
  size_t cleanup_shard_ = ShardedFlatTable::kShards;  // next posting shard to clean; kShards: none due

  std::vector<std::unique_ptr<Story>> stories_;  // by id; null once frozen
  size_t open_story_count_ = 0;
  std::vector<uint64_t> open_ids_;                // may hold frozen ids until swept
  RecordSlab<ArticleRecord> articles_;                     // by arrival number
  ShardedFlatTable id_to_index_;                               // XXH3(id) -> arrival
  ShardedFlatTable bands_;                                 // LSH band key -> arrival
  ShardedFlatTable postings_;  // word key -> 1 + its slot in posting_lists_
  // Story ids (ring) per word key. A deque: growing never moves the lists
  // (a vector of millions of them relocates every one, inside the
  // assignment that makes it grow).
  std::deque<std::vector<uint32_t>> posting_lists_;
  std::vector<uint32_t> free_posting_lists_;               // empty slots to reuse
  std::unique_ptr<Scratch> scratch_;  // buffers reused across articles
};

}  // namespace newsfuse::cluster

#endif  // NEWSFUSE_CLUSTER_STORY_CLUSTERER_H_
