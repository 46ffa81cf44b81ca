// File: cluster/window_regrouper.h
//
// Streaming with second thoughts. A stream that places each article once,
// on arrival, against stories still forming cannot undo a bad start: a story
// that began twice stays two, and twin events that met early stay one. The
// regrouper keeps the most recent articles (fingerprints and the few fields
// clustering reads, not their text) with the story each is in. When a batch
// arrives it groups window and batch together with the batch clusterer
// (ClusterFingerprints: average link, then the split pass) and maps the
// groups back onto the stories the window already has, so that after each
// batch the window's stories are the ones `ClusterArticles` makes of the
// same articles. Articles already placed may move; they are reported.
//
//   WindowRegrouper w(options);
//   w.Propose(batch, fingerprints);          // groups window + batch
//   for (k : the batch articles the caller keeps)
//     story[k] = w.Place(k, next_id);        // next_id when it opens a story
//   for (const WindowRegrouper::Move& m : w.Settle(&next_id))
//     MoveArticle(m.article_id, m.story);
//
// Story ids are the caller's (any int64_t). A group keeps the id of the
// story most of its window members are in (largest overlap first, each id
// used once), so a story whose articles all stay together keeps its id.
//
// Past the most recent regroup_window_articles, each story keeps its newest
// article (for the regroup_kept_stories most recently active stories), so
// a story whose reports lie far apart in a busy feed is still found and
// joined instead of starting again.
//
// Only the stories a batch can touch are regrouped: those with an article
// indexed under one of the batch's top words or names (the query_terms /
// query_entities heaviest, the posting_cap most recent articles per key),
// with all their window articles; the others keep their articles as they
// are. Words are weighed by the document frequencies of every article the
// regrouper has seen. Cost: one batch clustering of those articles and the
// batch per Propose (every pair up to ClusterOptions::exact_pairs_limit
// articles, candidate pairs above), so a caller proposes batches, not
// single articles, where it can.
//
// Thread-safety: none; one regrouper per stream.
#ifndef NEWSFUSE_CLUSTER_WINDOW_REGROUPER_H_
#define NEWSFUSE_CLUSTER_WINDOW_REGROUPER_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "cluster/cluster_options.h"
#include "fingerprint/fingerprinter.h"
#include "newsfuse/article.h"

namespace newsfuse::cluster {

class WindowRegrouper {
 public:
  struct Move {
    std::string article_id;
    int64_t from = 0;
    int64_t story = 0;  // where it goes
  };

  explicit WindowRegrouper(const ClusterOptions& options);

  // An article already in `story` (restoring a stream after a restart),
  // in arrival order.
  void Keep(const Article& article, fingerprint::RawFingerprint raw, int64_t story);

  // Groups the window with `arrivals` (raw[k] is arrivals[k]'s fingerprint,
  // made with options.fingerprint). Replaces any earlier proposal.
  void Propose(std::span<const Article> arrivals, std::span<const fingerprint::RawFingerprint> raw);

  // The story proposed arrival k joins: a story of the window, or
  // `new_story` when its group has none yet (the caller then counts that
  // id as used). The article enters the window at Settle.
  int64_t Place(size_t k, int64_t new_story);

  // Ends the proposal: window articles whose story the grouping changed,
  // and their new stories (a group of moved articles only takes
  // *next_story, which is then incremented; with next_story null such a
  // group stays where it is). Then the placed arrivals join the window and
  // the oldest leave it beyond regroup_window_articles (a story's newest
  // stays, see above).
  std::vector<Move> Settle(int64_t* next_story);

  size_t size() const { return window_.size(); }

 private:
  struct Entry {
    Article article;  // without its body
    fingerprint::RawFingerprint raw;
    int64_t story = 0;
    std::vector<uint32_t> keys;  // top words and names (TopKeys), weighed on arrival
  };
  static constexpr int64_t kNoStory = INT64_MIN;

  // Each group's story: the window story it overlaps most, greedily.
  void NameGroups();
  void Evict();
  void DropSupersededRepresentatives();
  // One window article of `story` fewer.
  void Forget(int64_t story);
  // Counts `raw` in the document frequencies and returns its top keys.
  std::vector<uint32_t> Arrive(const fingerprint::RawFingerprint& raw);
  // Per window entry: true when its story may gain one of the arrivals.
  std::vector<bool> Touched() const;

  ClusterOptions options_;
  fingerprint::DocumentFrequency df_;  // every article seen
  // The representatives (the first representatives_ entries, oldest
  // first: each is past the recent articles, kept as its story's newest
  // article so that the story can still be found and joined;
  // regroup_kept_stories), then the recent articles in arrival order.
  std::deque<Entry> window_;
  size_t representatives_ = 0;
  std::unordered_map<int64_t, uint32_t> in_window_;  // story -> its articles in window_
  // The current proposal.
  std::vector<Entry> arrivals_;
  std::vector<bool> placed_;
  std::vector<size_t> window_group_;   // per window entry (kNoGroup: not regrouped)
  std::vector<size_t> arrival_group_;  // per arrival
  std::vector<int64_t> group_story_;   // kNoStory until named
};

// An article reduced to what clustering reads besides the fingerprint.
Article WithoutBody(const Article& article);

}  // namespace newsfuse::cluster

#endif  // NEWSFUSE_CLUSTER_WINDOW_REGROUPER_H_
