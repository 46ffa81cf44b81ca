// File: cluster/cluster_options.h
//
// Knobs shared by the streaming clusterer and the batch call. Defaults were
// chosen on the ECB+ train split (see `newsfuse eval cluster`), never on dev.
#ifndef NEWSFUSE_CLUSTER_CLUSTER_OPTIONS_H_
#define NEWSFUSE_CLUSTER_CLUSTER_OPTIONS_H_

#include <cstddef>
#include <cstdint>
#include <optional>

#include "fingerprint/fingerprinter.h"

namespace newsfuse::cluster {

class PairModel;

struct ClusterOptions {
  fingerprint::FingerprintOptions fingerprint;
  // Share of the similarity that comes from shared names (the rest from
  // TF-IDF words): what tells two rehab stories of two celebrities apart.
  float entity_weight = 0.6f;
  // Protagonist conflict (batch): when two articles each have a
  // protagonist (see fingerprint::RawFingerprint::protagonist) and neither
  // mentions the other's at all, their similarity is multiplied by this. Two
  // arrests of two players of one team share team, city and charge; who was
  // arrested is what differs. 1 turns it off. Chosen on ECB+ train (tuning
  // score 0.8948 off, 0.9062 at 0.6, the best of 0.4-0.9). The stream
  // applies it too, between an article and a story (the protagonist most of
  // its members have; "mentions" there means among the centroid's names):
  // stream tuning objective 0.8804 off, 0.8872 at 0.6.
  float protagonist_conflict_factor = 0.6f;
  // "Mentions" above means more than this share of the article's mentions
  // of its own protagonist (weighted name counts): an article about
  // Williams that recalls Jackson's earlier arrest once is still not about
  // Jackson. 0 is the strict reading (any mention at all). Chosen on ECB+
  // train: 0 scores 0.9062, 0.5 scores 0.8981 (tuning objective).
  float protagonist_mention_ratio = 0.0f;
  // Stream: entity_weight for the stream's scores (an article against a
  // forming centroid, and the merge pass), tuned on its own.
  float stream_entity_weight = 0.4f;
  // Stream: an article joins its most similar story at or above this.
  // Chosen on ECB+ train with stream_entity_weight, the merge pass on
  // (objective 0.8988; without the merge pass the best was 0.6 / 0.20,
  // 0.8872).
  float assign_threshold = 0.28f;
  // Stream: the merge pass. A story leaving the window (frozen, or at the
  // end of input) joins the open story with the highest average link to it
  // (centroid dot product over both sizes, the batch's average link) at or
  // above this; 0 turns the pass off. The stream assigns each article once,
  // against centroids still forming, so a story can start twice; this is
  // where the two halves meet again. Chosen on ECB+ train (stream tuning
  // objective: off 0.8872, 0.12 0.8759, 0.14 0.8750, 0.17 0.8988, 0.20
  // 0.8960, 0.25 0.8910), the batch's merge_threshold as it happens.
  float stream_merge_threshold = 0.17f;
  // Batch: average-link agglomeration merges groups at or above this.
  float merge_threshold = 0.17f;  // with entity_weight 0.6
  // Batch: the cohesion test of the average-link merge (relative
  // closeness, after Chameleon, Karypis, Han & Kumar 1999). Two groups of
  // at least cohesion_min_articles articles each merge only if their
  // average link is also at least cohesion_ratio times their cohesion (the
  // average link inside a group; of the two, the mean weighed by size, or
  // without cohesion_weighted_mean the lower). Why: twin events (one coach
  // hired in 2005, fired in 2008) look like two tight groups joined by a
  // weak bridge, which merge_threshold alone lets through; one event told
  // from many angles is a looser continuum. 0 turns it off. Chosen by
  // leave-one-topic-out over ECB+ train+dev (`eval cluster --loto`, which
  // picks ratio, size and mean/min per fold with weight and threshold):
  // 0.8, mean, 6 is what 30 (batch) and 31 (stream) of 33 folds chose;
  // batch / regroup stream 0.923 / 0.925 off, 0.926 / 0.932 with the
  // choice made per fold. Copies' own pairs are not scored: a group that
  // is one copy group has no cohesion yet and is not tested.
  // Weight and threshold stay 0.6 / 0.17: retuned on train with the test on
  // they become 0.40 / 0.12 (objective 0.9186 -> 0.9445, dev 0.972 ->
  // 0.995), which joins one more tgcontest pair (accuracy 0.800 -> 0.771)
  // and opens `scripts/grouping_gap` to 0.0103; at 0.6 / 0.17 the test
  // closes that gap (cluster 0.9232 -> 0.9435, ingest 0.9374 -> 0.9431)
  // and leaves dev, tgcontest and the five briefs as they were.
  float cohesion_ratio = 0.8f;
  size_t cohesion_min_articles = 6;
  bool cohesion_weighted_mean = true;
  // Batch: the split pass (SplitByProtagonist in cluster_articles.cc) cuts
  // a story in two when its two most common protagonists each lead at least
  // split_min_articles articles and split_min_share of the story, and the
  // articles of one side mention the other's protagonist in at most
  // split_max_cross_mention of cases. 0 articles turns it off. Chosen on
  // ECB+ train at the tuned entity_weight and merge_threshold: tuning
  // objective 0.9062 off; 0.9142 for every share from 0.05 to 0.17 (with 3
  // or 4 articles; 2 ties as well), 0.9112 at 0.20, 0.9062 at 0.25 and up;
  // the cross-mention share (0.1, 0.34, 0.5) did not change it. 3 and 0.10
  // are the middle of that plateau.
  // Batch: the protagonist merge (cluster/protagonist_merge.h). After the
  // split pass, two stories join when a name that is some article's
  // protagonist is named by at least half of the members of each, both are
  // dated and at most protagonist_merge_max_gap_hours apart, and their
  // average link is at or above protagonist_merge_threshold. 0 turns it
  // off. Why: one event told by many outlets, clustered on its own (a
  // `brief` of 21 reports of one rehab check-in), has its shared words and
  // names weighed down by its own document frequencies and fell apart at
  // merge_threshold (4 stories of 10/8/2/1). Leave-one-topic-out B-cubed F1
  // (ECB+ train+dev, batch / regroup stream; off 0.914 / 0.917): 0.05-0.09
  // 0.919 / 0.921, 0.11 0.915 / 0.918, 0.13 0.913 / 0.917. 0.11 is the
  // highest value that does not lose there: the lower the bar, the more
  // distinct stories of one person in one season would join in a big feed,
  // which ECB+ (one dated event per topic) cannot show. Undated stories
  // never join here (the ECB+ twin events years apart are undated on one
  // side); the gap is not tuned (no data has two dated twin events of one
  // protagonist): it keeps one person's stories months apart apart.
  float protagonist_merge_threshold = 0.11f;
  double protagonist_merge_max_gap_hours = 24.0 * 60;
  size_t split_min_articles = 3;
  float split_min_share = 0.10f;
  float split_max_cross_mention = 0.34f;
  // Estimated shingle Jaccard at or above which an article is a copy
  // (reprint, syndication) of an earlier one.
  float duplicate_jaccard = 0.5f;
  // Time: similarity is multiplied by max(time_floor,
  // exp(-(gap - time_grace_hours) / time_scale_hours)) when both sides are
  // dated and their gap exceeds the grace; undated articles are not penalised.
  double time_grace_hours = 72;
  double time_scale_hours = 240;
  float time_floor = 1.0f;
  // Stream: a story with no new article for this long (in article time) is
  // frozen: reported and removed from memory.
  double window_hours = 72;
  // Dates later than reference time + this are treated as unknown (and
  // counted); reference time is the wall clock unless set below.
  double max_future_hours = 48;
  std::optional<int64_t> reference_minutes;  // minutes since 1970-01-01 UTC
  // Candidate search: words and names of the article looked up, postings
  // kept per word (most recent stories), stories scored at most.
  size_t query_terms = 12;
  size_t query_entities = 6;
  size_t posting_cap = 48;
  size_t max_candidates = 16;
  // Stream: words and names kept in the arriving article's vector (the
  // batch uses fingerprint.max_terms): fewer terms, cheaper scoring.
  size_t stream_max_terms = 64;
  size_t stream_max_entities = 24;
  // Words and names kept in a story's running centroid.
  size_t centroid_terms = 128;
  size_t centroid_entities = 48;
  // Batch: inputs up to this size compare all pairs (exact average link);
  // larger ones compare candidate pairs from the word index.
  size_t exact_pairs_limit = 3000;
  // The store's regrouping (cluster/window_regrouper.h): the most recent
  // articles, of which those a new batch touches are regrouped with it by
  // the batch clusterer; every pair of those is scored per batch. Measured
  // with regroup_kept_stories 4096 (and 2 shared keys to touch a story, see
  // window_regrouper.cc), ingest in batches of 256, `stories
  // --members` B-cubed F1 against the labels (`cluster`: ECB+ 772 0.9303,
  // synthetic 10k day 0.9995): ECB+ 772 train+dev articles 0.9357 at 16,
  // 32, 128, 256 and 0.9375 at 64; 10,000 synthetic articles
  // (newsfuse-bench gen-corpus) 0.9994 at 16-256, user CPU 3.0-3.4 s at
  // 16-64, 3.9 s at 128, 4.9 s at 256. Without kept stories the synthetic
  // day scored 0.78 / 0.83 / 0.86 at 64 / 128 / 256 (its stories' reports
  // lie hundreds of articles apart). 64: the best on ECB+, near the least
  // CPU.
  size_t regroup_window_articles = 64;
  // The regrouping also keeps the newest article of up to this many stories
  // whose articles have all left the recent ones above (the most recently
  // active stories), so that a story whose reports come hours apart in a
  // busy feed is still found, and joined, instead of starting again. Only
  // the stories an arriving batch touches are regrouped, so these cost a
  // batch little. 0: none kept.
  size_t regroup_kept_stories = 4096;
  // Batch: fingerprinting threads (0 = hardware concurrency).
  size_t threads = 0;
  // Batch (and the regrouper, which runs the batch clusterer): a learnt pair
  // similarity (cluster/pair_model.h) that replaces the hand-weighted one
  // (entity_weight, protagonist_conflict_factor, time factor) in every pass;
  // merge_threshold then applies to its probabilities. Null: the hand
  // weights. Not owned; must outlive the clustering. The stream's one-pass
  // assignment (StoryClusterer) never uses it.
  const PairModel* pair_model = nullptr;
};

// What was wrong with an input article; several may hold at once.
enum InputIssue : uint32_t {
  kNoIssue = 0,
  kNoDate = 1u << 0,         // no usable publication date
  kBadDate = 1u << 1,        // a date that does not parse
  kFutureDate = 1u << 2,     // dated beyond reference time + max_future_hours
  kEmptyBody = 1u << 3,      // no body text (clustered on the headline alone)
  kEmptyArticle = 1u << 4,   // neither body nor headline: a story of its own
  kTruncatedBody = 1u << 5,  // body beyond max_body_bytes was ignored
  kDuplicateId = 1u << 6,    // an id seen before: not clustered again
};

// Per-issue counts over a run.
struct InputIssueCounts {
  size_t no_date = 0;
  size_t bad_date = 0;
  size_t future_date = 0;
  size_t empty_body = 0;
  size_t empty_article = 0;
  size_t truncated_body = 0;
  size_t duplicate_id = 0;
  void Count(uint32_t issues);
};

}  // namespace newsfuse::cluster

#endif  // NEWSFUSE_CLUSTER_CLUSTER_OPTIONS_H_
