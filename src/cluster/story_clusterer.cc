#include "cluster/story_clusterer.h"

#include <xxhash.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <iterator>
#include <span>

#include "cluster/probe_vector.h"
#include "cluster/similarity.h"
#include "fingerprint/headline_names.h"
#include "fingerprint/tokens.h"

namespace newsfuse::cluster {

using fingerprint::ArticleVectors;
using fingerprint::Dot;
using fingerprint::MinHash;
using fingerprint::TermWeight;

namespace {

constexpr size_t kBands = 16;
constexpr size_t kRowsPerBand = fingerprint::kMinHashSlots / kBands;
constexpr size_t kSweepEvery = 4096;
// Open stories checked per sweep, and postings cleaned per sweep (at least
// one shard): what bounds a sweep's share of one assignment.
constexpr size_t kSweepSlice = 2 * kSweepEvery;
constexpr size_t kCleanupPostings = 16 * kSweepEvery;
// Names share the posting table with words; this keeps the key spaces apart.
constexpr uint32_t kEntityKeySalt = 0x5bd1e995u;
// FindCandidates()'s `exclude` when no story is to be left out.
constexpr uint64_t kNoStory = UINT64_MAX;

uint64_t BandKey(const MinHash& m, size_t band) {
  uint64_t h = XXH3_64bits(&m.slots[band * kRowsPerBand], kRowsPerBand * sizeof(uint32_t));
  return fingerprint::MixHash(h, band);
}

// sum += v over term-sorted vectors, then keep the `cap` heaviest terms.
// `scratch` is a reused buffer (it ends up holding sum's old storage).
void AddInto(std::vector<TermWeight>& sum, const std::vector<TermWeight>& v, size_t cap,
             std::vector<TermWeight>* scratch, std::vector<TermWeight>* ranks) {
  std::vector<TermWeight>& out = *scratch;
  out.clear();
  out.reserve(sum.size() + v.size());
  size_t i = 0;
  size_t j = 0;
  while (i < sum.size() || j < v.size()) {
    if (j == v.size() || (i < sum.size() && sum[i].term < v[j].term)) {
      out.push_back(sum[i++]);
    } else if (i == sum.size() || v[j].term < sum[i].term) {
      out.push_back(v[j++]);
    } else {
      out.push_back({sum[i].term, sum[i].weight + v[j].weight});
      ++i;
      ++j;
    }
  }
  if (out.size() > cap) {
    // The `cap` heaviest, chosen by nth_element over (position, weight)
    // with the weight-only comparison: it moves elements exactly as it
    // would move `out` itself, so the same ones are kept on ties; then
    // `out` is compacted in place and stays sorted by term, with no sort.
    std::vector<TermWeight>& r = *ranks;
    r.resize(out.size());
    for (size_t k = 0; k < out.size(); ++k) r[k] = {static_cast<uint32_t>(k), out[k].weight};
    std::nth_element(r.begin(), r.begin() + cap, r.end(),
                     [](const TermWeight& a, const TermWeight& b) { return a.weight > b.weight; });
    // Weights are sums of positive weights: the sign bit marks the kept.
    for (size_t k = 0; k < cap; ++k) out[r[k].term].weight = -out[r[k].term].weight;
    size_t w = 0;
    for (size_t k = 0; k < out.size(); ++k) {
      if (std::signbit(out[k].weight)) out[w++] = {out[k].term, -out[k].weight};
    }
    out.resize(w);
  }
  // Copied rather than swapped: the centroid, which lives as long as the
  // story, stays tight, and the scratch buffer keeps its capacity.
  sum.assign(out.begin(), out.end());
}

// Appends the `n` heaviest terms of a vector (for index keys and queries),
// xor `salt`, to `out`; `copy` is a reused buffer.
void TopTerms(const std::vector<TermWeight>& v, size_t n, uint32_t salt,
              std::vector<TermWeight>* copy, std::vector<uint32_t>* out) {
  if (v.empty() || n == 0) return;
  copy->assign(v.begin(), v.end());
  if (copy->size() > n) {
    std::nth_element(copy->begin(), copy->begin() + n, copy->end(),
                     [](const TermWeight& a, const TermWeight& b) { return a.weight > b.weight; });
    copy->resize(n);
  }
  for (const TermWeight& t : *copy) out->push_back(t.term ^ salt);
}

// True when `v` has an entry for `term`.
template <typename V>
bool Mentions(const std::vector<V>& v, uint32_t term) {
  for (const V& x : v) {
    if (x.term == term) return true;
  }
  return false;
}

// The protagonist conflict factor (ClusterOptions::protagonist_conflict_
// factor) between something about `a` that names `a_names` and something
// about `b` that names `b_names`: each is about someone, not the same one,
// and neither names the other's. 1 when there is no conflict.
template <typename A, typename B>
float ProtagonistFactor(uint32_t a, const std::vector<A>& a_names, uint32_t b,
                        const std::vector<B>& b_names, const ClusterOptions& options) {
  if (a == 0 || b == 0 || a == b || options.protagonist_conflict_factor == 1.0f) return 1.0f;
  if (Mentions(a_names, b) || Mentions(b_names, a)) return 1.0f;
  return options.protagonist_conflict_factor;
}

// Starts loading every cache line of a vector.
void PrefetchVector(const std::vector<TermWeight>& v) {
  const char* p = reinterpret_cast<const char*>(v.data());
  const char* end = p + v.size() * sizeof(TermWeight);
  for (; p < end; p += 64) __builtin_prefetch(p);
}

// Candidate stories and how many of the article's keys point at each:
// counted in a small open-addressing table instead of sorting every hit.
class HitCounter {
 public:
  HitCounter() : slots_(kSlots, Entry{0, 0}) {}
  void Add(uint32_t story_id) {
    const uint32_t key = story_id + 1;
    size_t i = (key * 0x9E3779B1u) >> (32 - kBits);
    while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & (kSlots - 1);
    if (slots_[i].key == 0) {
      if (used_.size() * 2 >= kSlots) return;  // full enough: later stories are not candidates
      slots_[i].key = key;
      used_.push_back(static_cast<uint32_t>(i));
    }
    ++slots_[i].hits;
  }
  // (story, hits) for each story seen, in no particular order; resets.
  void Drain(std::vector<std::pair<uint32_t, uint32_t>>* out) {
    out->clear();
    for (uint32_t slot : used_) {
      out->push_back({slots_[slot].key - 1, slots_[slot].hits});
      slots_[slot] = {0, 0};
    }
    used_.clear();
  }

 private:
  static constexpr size_t kBits = 12;
  static constexpr size_t kSlots = size_t{1} << kBits;
  struct Entry {
    uint32_t key;
    uint32_t hits;
  };
  std::vector<Entry> slots_;
  std::vector<uint32_t> used_;
};

}  // namespace

struct StoryClusterer::Scratch {
  fingerprint::ArticleVectors vectors;
  std::vector<uint32_t> keys;
  std::vector<TermWeight> terms;
  std::vector<TermWeight> merge;
  std::vector<TermWeight> ranks;
  std::vector<std::pair<uint32_t, uint32_t>> hits;
  std::vector<const std::vector<uint32_t>*> lists;
  std::vector<Story*> stories;
  const fingerprint::RawFingerprint* raw = nullptr;  // the article being assigned
  std::array<uint64_t, kBands> band_keys{};
  HitCounter counter;
  ProbeVector term_probe{12};
  ProbeVector entity_probe{10};
};

struct StoryClusterer::Story {
  uint64_t id = 0;
  std::vector<TermWeight> term_sum;
  std::vector<TermWeight> entity_sum;
  uint32_t size = 0;
  uint32_t indexed_at_size = 0;
  int64_t first_minute = kUnknownTime;
  int64_t last_minute = kUnknownTime;
  int64_t active_minute = INT64_MIN;  // stream time of the last addition
  size_t active_index = 0;            // arrival number of the last addition
  std::string headline;
  std::vector<size_t> members;
  std::vector<std::string> outlets;
  // Who the story is about: the protagonist most of its members have (see
  // RawFingerprint::protagonist), 0 when none; votes per protagonist seen.
  uint32_t protagonist = 0;
  std::vector<std::pair<uint32_t, uint32_t>> protagonist_votes;

  // Widens [first_minute, last_minute] to take in [first, last]
  // (kUnknownTime: nothing to take in).
  void WidenSpan(int64_t first, int64_t last) {
    if (first != kUnknownTime) {
      first_minute = first_minute == kUnknownTime ? first : std::min(first_minute, first);
    }
    if (last != kUnknownTime) {
      last_minute = last_minute == kUnknownTime ? last : std::max(last_minute, last);
    }
  }

  void AddOutlet(const std::string& outlet) {
    if (outlets.size() < 256 && std::find(outlets.begin(), outlets.end(), outlet) == outlets.end()) {
      outlets.push_back(outlet);
    }
  }

  // `n` more votes for `who`, which leads once it has more than the leader
  // (the first to reach the most keeps a tie); a few distinct are counted.
  void Vote(uint32_t who, uint32_t n) {
    auto it = std::find_if(protagonist_votes.begin(), protagonist_votes.end(),
                           [&](const auto& x) { return x.first == who; });
    if (it == protagonist_votes.end()) {
      if (protagonist_votes.size() >= 8) return;
      protagonist_votes.push_back({who, 0});
      it = protagonist_votes.end() - 1;
    }
    it->second += n;
    uint32_t leader_votes = 0;
    for (const auto& x : protagonist_votes) {
      if (x.first == protagonist) leader_votes = x.second;
    }
    if (it->second > leader_votes) protagonist = who;
  }
};

struct StoryClusterer::ArticleRecord {
  std::string id;
  uint64_t story_id = 0;
  MinHash minhash;
  std::optional<size_t> duplicate_of;
};

StoryClusterer::StoryClusterer(const ClusterOptions& options)
    : options_(options),
      weigh_options_(options.fingerprint),
      fingerprinter_(options.fingerprint),
      scratch_(std::make_unique<Scratch>()) {
  options_.entity_weight = options.stream_entity_weight;  // what MixedSimilarity reads here
  weigh_options_.max_terms = std::min(weigh_options_.max_terms, options.stream_max_terms);
  weigh_options_.max_entities = std::min(weigh_options_.max_entities, options.stream_max_entities);
}

StoryClusterer::~StoryClusterer() = default;

StoryClusterer::Story* StoryClusterer::FindStory(uint64_t id) {
  return id < stories_.size() ? stories_[id].get() : nullptr;
}

size_t StoryClusterer::articles_in_window() const { return articles_.size(); }

Assignment StoryClusterer::Assign(const Article& article) {
  return AssignFingerprint(article, fingerprinter_.Extract(article));
}

std::optional<size_t> StoryClusterer::FindCopy(const MinHash& minhash, size_t* root) {
  if (minhash.empty) return std::nullopt;
  // The band keys were computed (and their slots prefetched) on arrival.
  const std::array<uint64_t, kBands>& keys = scratch_->band_keys;
  std::optional<size_t> best;
  double best_j = options_.duplicate_jaccard;
  for (size_t b = 0; b < kBands; ++b) {
    const uint64_t* hit = bands_.Find(keys[b]);
    if (hit == nullptr) continue;
    const ArticleRecord* rec = articles_.Find(*hit);
    if (rec == nullptr) continue;
    double j = fingerprint::EstimateJaccard(minhash, rec->minhash);
    if (j >= best_j) {
      best_j = j;
      best = *hit;
      *root = rec->duplicate_of.value_or(*hit);
    }
  }
  return best;
}

void StoryClusterer::IndexStory(Story& story) {
  std::vector<uint32_t>& keys = scratch_->keys;
  keys.clear();
  TopTerms(story.term_sum, options_.query_terms, 0, &scratch_->terms, &keys);
  TopTerms(story.entity_sum, options_.query_entities, kEntityKeySalt, &scratch_->terms, &keys);
  const size_t cap = std::max<size_t>(options_.posting_cap, 1);
  for (uint32_t key : keys) {
    uint64_t* slot = postings_.Ref(key);
    if (*slot == 0) {
      if (free_posting_lists_.empty()) {
        posting_lists_.emplace_back();
        *slot = posting_lists_.size();
      } else {
        *slot = free_posting_lists_.back() + 1;
        free_posting_lists_.pop_back();
      }
    }
    std::vector<uint32_t>& list = posting_lists_[*slot - 1];
    if (!list.empty() && list.back() == story.id) continue;
    list.push_back(static_cast<uint32_t>(story.id));
    // A ring in two halves: when twice the cap, drop the older half.
    if (list.size() >= 2 * cap) list.erase(list.begin(), list.begin() + cap);
  }
  story.indexed_at_size = story.size;
}

void StoryClusterer::FindCandidates(const std::vector<TermWeight>& terms,
                                    const std::vector<TermWeight>& entities, uint64_t exclude) {
  // Candidate stories: those indexed under the top words and names.
  Scratch& x = *scratch_;
  x.keys.clear();
  TopTerms(terms, options_.query_terms, 0, &x.terms, &x.keys);
  TopTerms(entities, options_.query_entities, kEntityKeySalt, &x.terms, &x.keys);
  // Every step below starts the cache misses of all keys or candidates
  // before it reads the first: the tables and lists are far larger than
  // the cache, and waiting for each miss in turn was most of the time.
  for (uint32_t key : x.keys) postings_.Prefetch(key);
  x.lists.clear();
  for (uint32_t key : x.keys) {
    const uint64_t* slot = postings_.Find(key);
    if (slot == nullptr) continue;
    const std::vector<uint32_t>* list = &posting_lists_[*slot - 1];
    __builtin_prefetch(list);
    x.lists.push_back(list);
  }
  for (const std::vector<uint32_t>* list : x.lists) {
    // The newest postings are read, from the end backwards.
    const size_t n = std::min(list->size(), options_.posting_cap);
    const uint32_t* end = list->data() + list->size();
    for (size_t k = 0; k < n; k += 16) __builtin_prefetch(end - 1 - k);
  }
  for (const std::vector<uint32_t>* list : x.lists) {
    const size_t n = std::min(list->size(), options_.posting_cap);
    const uint32_t* end = list->data() + list->size();
    for (size_t k = 0; k < n; ++k) {
      if (*(end - 1 - k) != exclude) x.counter.Add(*(end - 1 - k));
    }
  }
  // The stories with the most hits are scored, the most recent (highest
  // id) first among equal hits: a total order, so the choice does not
  // depend on how the hits were gathered, and no sort of all of them (in a
  // window of a million articles there are hundreds).
  x.counter.Drain(&x.hits);
  if (x.hits.size() > options_.max_candidates) {
    std::nth_element(x.hits.begin(), x.hits.begin() + options_.max_candidates, x.hits.end(),
                     [](const auto& a, const auto& b) {
                       return a.second != b.second ? a.second > b.second : a.first > b.first;
                     });
    x.hits.resize(options_.max_candidates);
  }
  // Scored in story order (on equal similarity the later story wins).
  std::sort(x.hits.begin(), x.hits.end());
}

StoryClusterer::Story* StoryClusterer::BestCandidate(const ArticleVectors& v, int64_t minute,
                                                     float* similarity) {
  const fingerprint::RawFingerprint& raw = *scratch_->raw;
  Scratch& x = *scratch_;
  FindCandidates(v.terms, v.entities, kNoStory);
  if (x.hits.empty()) return nullptr;
  for (const auto& hit : x.hits) {
    if (hit.first < stories_.size()) __builtin_prefetch(&stories_[hit.first]);
  }
  x.stories.clear();
  for (const auto& hit : x.hits) {
    Story* s = FindStory(hit.first);
    x.stories.push_back(s);
    if (s != nullptr) {
      __builtin_prefetch(s);
      __builtin_prefetch(reinterpret_cast<const char*>(s) + 64);
    }
  }
  for (const Story* s : x.stories) {
    if (s == nullptr) continue;
    PrefetchVector(s->term_sum);
    PrefetchVector(s->entity_sum);
  }
  x.term_probe.Load(v.terms);
  x.entity_probe.Load(v.entities);
  Story* chosen = nullptr;
  float best = options_.assign_threshold;
  for (Story* s : x.stories) {
    if (s == nullptr || s->size == 0) continue;
    const float inv = 1.0f / static_cast<float>(s->size);
    float sim = MixedSimilarity(x.term_probe.Dot(s->term_sum) * inv,
                                x.entity_probe.Dot(s->entity_sum) * inv, options_);
    sim *= TimeFactor(minute, s->first_minute, s->last_minute, options_);
    // Protagonist conflict, as in the batch.
    sim *= ProtagonistFactor(raw.protagonist, raw.entities, s->protagonist, s->entity_sum, options_);
    if (sim >= best) {
      best = sim;
      chosen = s;
    }
  }
  if (chosen != nullptr) *similarity = best;
  return chosen;
}

void StoryClusterer::AddToStory(Story& story, const ArticleVectors& v, size_t index,
                                const Article& article, int64_t minute) {
  AddInto(story.term_sum, v.terms, options_.centroid_terms, &scratch_->merge, &scratch_->ranks);
  AddInto(story.entity_sum, v.entities, options_.centroid_entities, &scratch_->merge,
          &scratch_->ranks);
  ++story.size;
  story.members.push_back(index);
  story.WidenSpan(minute, minute);
  story.active_minute = now_minute_;
  story.active_index = index;
  if (story.headline.empty() && article.title) story.headline = *article.title;
  if (article.outlet) story.AddOutlet(*article.outlet);
  // Re-index as the centroid settles: at sizes 1, 2, 4, 8, ...
  if (story.size >= 2 * story.indexed_at_size) IndexStory(story);
}

Assignment StoryClusterer::AssignFingerprint(const Article& article,
                                             fingerprint::RawFingerprint&& raw) {
  Assignment out;
  out.index = next_index_++;
  const int64_t minute = ArticleMinutes(article, options_, &out.issues);
  if (raw.truncated) out.issues |= kTruncatedBody;
  if (raw.body_bytes == 0) {
    out.issues |= kEmptyBody;
    if (!article.title || article.title->empty()) out.issues |= kEmptyArticle;
  }

  const uint64_t id_hash = XXH3_64bits(article.id.data(), article.id.size());
  id_to_index_.Prefetch(id_hash);
  // Start the band-table misses now: they complete while the document
  // frequencies are updated, and FindCopy() finds the slots in cache.
  if (!raw.minhash.empty) {
    for (size_t b = 0; b < kBands; ++b) {
      scratch_->band_keys[b] = BandKey(raw.minhash, b);
      bands_.Prefetch(scratch_->band_keys[b]);
    }
  }
  if (const uint64_t* seen = id_to_index_.Find(id_hash)) {
    const ArticleRecord* rec = articles_.Find(*seen);
    if (rec != nullptr && rec->id == article.id) {
      out.issues |= kDuplicateId;
      out.story_id = rec->story_id;
      issue_counts_.Count(out.issues);
      return out;
    }
  }
  issue_counts_.Count(out.issues);
  if (minute != kUnknownTime && minute > now_minute_) now_minute_ = minute;

  ArticleVectors& v = scratch_->vectors;
  fingerprint::ResolveHeadlineNames(df_, /*df_counts_article=*/false, &raw);
  df_.AddAndWeigh(raw, weigh_options_, &v);

  Story* chosen = nullptr;
  size_t root = 0;
  if (std::optional<size_t> copy = FindCopy(raw.minhash, &root)) {
    size_t original = root;
    const ArticleRecord* rec = articles_.Find(root);
    if (rec == nullptr) {
      original = *copy;
      rec = articles_.Find(*copy);
    }
    if (rec != nullptr) {
      chosen = FindStory(rec->story_id);
      if (chosen != nullptr) {
        out.duplicate_of = original;
        out.duplicate_of_id = rec->id;
        out.similarity = 1.0f;
      }
    }
  }

  if (chosen == nullptr && !(out.issues & kEmptyArticle)) {
    scratch_->raw = &raw;
    chosen = BestCandidate(v, minute, &out.similarity);
  }

  if (chosen == nullptr) {
    auto story = std::make_unique<Story>();
    story->id = stories_.size();
    chosen = story.get();
    stories_.push_back(std::move(story));
    open_ids_.push_back(chosen->id);
    ++open_story_count_;
    out.new_story = true;
  }
  out.story_id = chosen->id;
  AddToStory(*chosen, v, out.index, article, minute);
  if (raw.protagonist != 0) chosen->Vote(raw.protagonist, 1);

  ArticleRecord& rec = articles_.Insert(out.index);
  rec.id = article.id;
  rec.story_id = chosen->id;
  rec.minhash = raw.minhash;
  if (out.duplicate_of) {
    // Point at the root original so that copies of copies agree.
    const ArticleRecord* orig = articles_.Find(*out.duplicate_of);
    rec.duplicate_of = orig != nullptr && orig->duplicate_of ? orig->duplicate_of : out.duplicate_of;
  }
  if (!raw.minhash.empty) {
    // This article's band keys, computed on arrival.
    for (size_t b = 0; b < kBands; ++b) bands_.Set(scratch_->band_keys[b], out.index);
  }
  id_to_index_.Set(id_hash, out.index);

  MaybeSweep();
  return out;
}

void StoryClusterer::MaybeSweep() {
  if (++assigned_since_sweep_ < kSweepEvery) return;
  assigned_since_sweep_ = 0;
  const int64_t window = static_cast<int64_t>(options_.window_hours * 60);
  // A slice of the open stories per call, not all of them: with 200,000
  // open stories a whole pass took 10-20 ms inside one assignment. A pass
  // now spans calls (two stories checked per article assigned); a stream
  // with fewer open stories than a slice is swept whole, as before.
  const size_t end = std::min(open_ids_.size(), sweep_next_ + kSweepSlice);
  for (size_t k = sweep_next_; k < end; ++k) {
    const uint64_t id = open_ids_[k];
    Story* s = FindStory(id);
    if (s == nullptr) continue;
    // Article time when the stream has dates; an undated stream never
    // advances, so its stories wait for FreezeAll().
    bool expired = now_minute_ != INT64_MIN && s->active_minute != INT64_MIN &&
                   now_minute_ - s->active_minute > window;
    if (s->active_minute == INT64_MIN && now_minute_ != INT64_MIN) {
      // Undated story in a dated stream: it ages from when dates began.
      s->active_minute = now_minute_;
    }
    if (expired && !MergeIntoBest(*s)) Freeze(id);
  }
  sweep_next_ = end;
  if (sweep_next_ >= open_ids_.size()) {
    // The pass is done: drop the frozen and merged ids, keeping the order.
    size_t w = 0;
    for (uint64_t id : open_ids_) {
      if (FindStory(id) != nullptr) open_ids_[w++] = id;
    }
    open_ids_.resize(w);
    sweep_next_ = 0;
    if (now_minute_ != INT64_MIN && cleanup_shard_ >= ShardedFlatTable::kShards &&
        (last_postings_cleanup_ == INT64_MIN || now_minute_ - last_postings_cleanup_ > window / 2)) {
      last_postings_cleanup_ = now_minute_;
      cleanup_shard_ = 0;
    }
  }
  // Posting lists lose their frozen stories a few shards per call, for the
  // same reason (a whole cleanup scans every posting of the window).
  size_t cleaned = 0;
  while (cleanup_shard_ < ShardedFlatTable::kShards && cleaned < kCleanupPostings) {
    cleaned += postings_.shard_size(cleanup_shard_) + 1;
    postings_.FilterShard(cleanup_shard_, [&](uint64_t, uint64_t& slot) {
      std::vector<uint32_t>& list = posting_lists_[slot - 1];
      list.erase(std::remove_if(list.begin(), list.end(),
                                [&](uint32_t id) { return FindStory(id) == nullptr; }),
                 list.end());
      if (!list.empty()) return true;
      std::vector<uint32_t>().swap(list);
      free_posting_lists_.push_back(static_cast<uint32_t>(slot - 1));
      return false;
    });
    ++cleanup_shard_;
  }
}

bool StoryClusterer::MergeIntoBest(Story& story) {
  if (options_.stream_merge_threshold <= 0 || story.size == 0) return false;
  // The most-hit candidates only, as for an arriving article: scoring every
  // story that shares a word cost 180 us a story (4 s at the end of a
  // 100,000-article stream).
  FindCandidates(story.term_sum, story.entity_sum, story.id);
  Scratch& x = *scratch_;
  Story* best = nullptr;
  float best_sim = options_.stream_merge_threshold;
  for (const auto& hit : x.hits) {
    Story* t = FindStory(hit.first);
    if (t == nullptr || t->size == 0) continue;  // (the story itself was left out)
    const float inv = 1.0f / (static_cast<float>(story.size) * static_cast<float>(t->size));
    float sim = MixedSimilarity(fingerprint::Dot(story.term_sum, t->term_sum) * inv,
                                fingerprint::Dot(story.entity_sum, t->entity_sum) * inv, options_);
    if (story.first_minute != kUnknownTime) {
      sim *= std::min(TimeFactor(story.first_minute, t->first_minute, t->last_minute, options_),
                      TimeFactor(story.last_minute, t->first_minute, t->last_minute, options_));
    }
    sim *= ProtagonistFactor(story.protagonist, story.entity_sum, t->protagonist, t->entity_sum, options_);
    if (sim >= best_sim) {
      best_sim = sim;
      best = t;
    }
  }
  if (best == nullptr) return false;

  Story& into = *best;
  AddInto(into.term_sum, story.term_sum, options_.centroid_terms, &x.merge, &x.ranks);
  AddInto(into.entity_sum, story.entity_sum, options_.centroid_entities, &x.merge, &x.ranks);
  into.size += story.size;
  for (size_t index : story.members) {
    if (ArticleRecord* rec = articles_.Find(index)) rec->story_id = into.id;
  }
  std::vector<size_t> members;
  members.reserve(into.members.size() + story.members.size());
  std::merge(into.members.begin(), into.members.end(), story.members.begin(), story.members.end(),
             std::back_inserter(members));
  into.members.swap(members);
  into.WidenSpan(story.first_minute, story.last_minute);
  into.active_minute = std::max(into.active_minute, story.active_minute);
  into.active_index = std::max(into.active_index, story.active_index);
  if (into.headline.empty()) into.headline = std::move(story.headline);
  for (const std::string& outlet : story.outlets) into.AddOutlet(outlet);
  for (const auto& [who, votes] : story.protagonist_votes) into.Vote(who, votes);
  IndexStory(into);
  const uint64_t gone = story.id;
  stories_[gone].reset();  // `story` is gone from here on
  --open_story_count_;
  if (on_merged_) on_merged_(gone, into.id);
  return true;
}

void StoryClusterer::Freeze(uint64_t story_id) {
  Story* s = FindStory(story_id);
  if (s == nullptr) return;
  FrozenStory frozen;
  frozen.id = s->id;
  frozen.headline = std::move(s->headline);
  frozen.outlets = std::move(s->outlets);
  frozen.first_minute = s->first_minute;
  frozen.last_minute = s->last_minute;
  frozen.article_indices = s->members;
  for (size_t index : s->members) {
    ArticleRecord* rec = articles_.Find(index);
    if (rec == nullptr) continue;
    if (!rec->minhash.empty) {
      for (size_t b = 0; b < kBands; ++b) {
        const uint64_t key = BandKey(rec->minhash, b);
        const uint64_t* band = bands_.Find(key);
        if (band != nullptr && *band == index) bands_.Erase(key);
      }
    }
    const std::string& id = rec->id;
    const uint64_t id_hash = XXH3_64bits(id.data(), id.size());
    const uint64_t* seen = id_to_index_.Find(id_hash);
    if (seen != nullptr && *seen == index) id_to_index_.Erase(id_hash);
    frozen.article_ids.push_back(std::move(rec->id));
    articles_.Erase(index);
  }
  stories_[story_id].reset();
  --open_story_count_;
  if (on_frozen_) on_frozen_(std::move(frozen));
}

void StoryClusterer::FreezeAll() {
  for (uint64_t id : open_ids_) {
    Story* s = FindStory(id);
    if (s != nullptr && !MergeIntoBest(*s)) Freeze(id);
  }
  open_ids_.clear();
}

size_t StoryClusterer::MemoryBytes() const {
  size_t bytes = articles_.bytes();
  articles_.ForEach([&](const ArticleRecord& rec) {
    // An id's heap buffer, when it has one (short ids live inside the string).
    const char* inside = reinterpret_cast<const char*>(&rec.id);
    const bool heap = rec.id.data() < inside || rec.id.data() >= inside + sizeof(rec.id);
    if (heap) bytes += rec.id.capacity() + 1;
  });
  bytes += bands_.bytes() + id_to_index_.bytes();
  for (const auto& story : stories_) {
    bytes += sizeof(story);
    if (!story) continue;
    bytes += sizeof(Story) + story->term_sum.capacity() * sizeof(TermWeight) +
             story->entity_sum.capacity() * sizeof(TermWeight) +
             story->members.capacity() * sizeof(size_t) + story->headline.capacity() +
             story->protagonist_votes.capacity() * sizeof(std::pair<uint32_t, uint32_t>);
    for (const std::string& o : story->outlets) bytes += sizeof(o) + o.capacity();
  }
  bytes += postings_.bytes() + posting_lists_.size() * sizeof(std::vector<uint32_t>);
  for (const std::vector<uint32_t>& list : posting_lists_) {
    bytes += list.capacity() * sizeof(uint32_t);
  }
  return bytes;
}

}  // namespace newsfuse::cluster
