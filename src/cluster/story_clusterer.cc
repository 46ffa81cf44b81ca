#include "cluster/story_clusterer.h"

#include <xxhash.h>

#include <algorithm>

#include "cluster/similarity.h"
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
// Names share the posting table with words; this keeps the key spaces apart.
constexpr uint32_t kEntityKeySalt = 0x5bd1e995u;

uint64_t BandKey(const MinHash& m, size_t band) {
  uint64_t h = XXH3_64bits(&m.slots[band * kRowsPerBand], kRowsPerBand * sizeof(uint32_t));
  return fingerprint::MixHash(h, band);
}

// sum += v over term-sorted vectors, then keep the `cap` heaviest terms.
void AddInto(std::vector<TermWeight>& sum, const std::vector<TermWeight>& v, size_t cap) {
  std::vector<TermWeight> out;
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
    std::nth_element(out.begin(), out.begin() + cap, out.end(),
                     [](const TermWeight& a, const TermWeight& b) { return a.weight > b.weight; });
    out.resize(cap);
    std::sort(out.begin(), out.end(),
              [](const TermWeight& a, const TermWeight& b) { return a.term < b.term; });
  }
  sum.swap(out);
}

// The `n` heaviest terms of a vector (for index keys and queries).
void TopTerms(const std::vector<TermWeight>& v, size_t n, uint32_t salt,
              std::vector<uint32_t>* out) {
  out->clear();
  if (v.empty() || n == 0) return;
  std::vector<TermWeight> copy(v);
  if (copy.size() > n) {
    std::nth_element(copy.begin(), copy.begin() + n, copy.end(),
                     [](const TermWeight& a, const TermWeight& b) { return a.weight > b.weight; });
    copy.resize(n);
  }
  for (const TermWeight& t : copy) out->push_back(t.term ^ salt);
}

}  // namespace

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
};

struct StoryClusterer::ArticleRecord {
  std::string id;
  uint64_t story_id = 0;
  MinHash minhash;
  std::optional<size_t> duplicate_of;
};

StoryClusterer::StoryClusterer(const ClusterOptions& options)
    : options_(options), weigh_options_(options.fingerprint), fingerprinter_(options.fingerprint) {
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
  std::optional<size_t> best;
  double best_j = options_.duplicate_jaccard;
  for (size_t b = 0; b < kBands; ++b) {
    auto it = bands_.find(BandKey(minhash, b));
    if (it == bands_.end()) continue;
    auto rec = articles_.find(it->second);
    if (rec == articles_.end()) continue;
    double j = fingerprint::EstimateJaccard(minhash, rec->second.minhash);
    if (j >= best_j) {
      best_j = j;
      best = it->second;
      *root = rec->second.duplicate_of.value_or(it->second);
    }
  }
  return best;
}

void StoryClusterer::IndexStory(Story& story) {
  std::vector<uint32_t> keys;
  std::vector<uint32_t> entity_keys;
  TopTerms(story.term_sum, options_.query_terms, 0, &keys);
  TopTerms(story.entity_sum, options_.query_entities, kEntityKeySalt, &entity_keys);
  keys.insert(keys.end(), entity_keys.begin(), entity_keys.end());
  const size_t cap = std::max<size_t>(options_.posting_cap, 1);
  for (uint32_t key : keys) {
    std::vector<uint32_t>& list = postings_[key];
    if (!list.empty() && list.back() == story.id) continue;
    list.push_back(static_cast<uint32_t>(story.id));
    // A ring in two halves: when twice the cap, drop the older half.
    if (list.size() >= 2 * cap) list.erase(list.begin(), list.begin() + cap);
  }
  story.indexed_at_size = story.size;
}

void StoryClusterer::AddToStory(Story& story, const ArticleVectors& v, size_t index,
                                const Article& article, int64_t minute) {
  AddInto(story.term_sum, v.terms, options_.centroid_terms);
  AddInto(story.entity_sum, v.entities, options_.centroid_entities);
  ++story.size;
  story.members.push_back(index);
  if (minute != kUnknownTime) {
    story.first_minute = story.first_minute == kUnknownTime ? minute
                                                            : std::min(story.first_minute, minute);
    story.last_minute = story.last_minute == kUnknownTime ? minute
                                                          : std::max(story.last_minute, minute);
  }
  story.active_minute = now_minute_;
  story.active_index = index;
  if (story.headline.empty() && article.title) story.headline = *article.title;
  if (article.outlet && story.outlets.size() < 256 &&
      std::find(story.outlets.begin(), story.outlets.end(), *article.outlet) ==
          story.outlets.end()) {
    story.outlets.push_back(*article.outlet);
  }
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
  if (auto it = id_to_index_.find(id_hash); it != id_to_index_.end()) {
    auto rec = articles_.find(it->second);
    if (rec != articles_.end() && rec->second.id == article.id) {
      out.issues |= kDuplicateId;
      out.story_id = rec->second.story_id;
      issue_counts_.Count(out.issues);
      return out;
    }
  }
  issue_counts_.Count(out.issues);
  if (minute != kUnknownTime && minute > now_minute_) now_minute_ = minute;

  df_.Add(raw);
  ArticleVectors v = fingerprint::Weigh(raw, df_, weigh_options_);

  Story* chosen = nullptr;
  size_t root = 0;
  if (std::optional<size_t> copy = FindCopy(raw.minhash, &root)) {
    auto rec = articles_.find(root);
    if (rec == articles_.end()) rec = articles_.find(*copy);
    if (rec != articles_.end()) {
      chosen = FindStory(rec->second.story_id);
      if (chosen != nullptr) {
        out.duplicate_of = rec->first;
        out.duplicate_of_id = rec->second.id;
        out.similarity = 1.0f;
      }
    }
  }

  if (chosen == nullptr && !(out.issues & kEmptyArticle)) {
    // Candidate stories: those indexed under the article's top words and names.
    std::vector<uint32_t> keys;
    std::vector<uint32_t> entity_keys;
    TopTerms(v.terms, options_.query_terms, 0, &keys);
    TopTerms(v.entities, options_.query_entities, kEntityKeySalt, &entity_keys);
    keys.insert(keys.end(), entity_keys.begin(), entity_keys.end());
    scratch_hits_.clear();
    for (uint32_t key : keys) {
      auto it = postings_.find(key);
      if (it == postings_.end()) continue;
      const std::vector<uint32_t>& list = it->second;
      size_t n = std::min(list.size(), options_.posting_cap);
      for (size_t k = 0; k < n; ++k) scratch_hits_.push_back({list[list.size() - 1 - k], 1});
    }
    std::sort(scratch_hits_.begin(), scratch_hits_.end());
    // Collapse to (story, hits), most hits first.
    size_t w = 0;
    for (size_t r = 0; r < scratch_hits_.size(); ++r) {
      if (w > 0 && scratch_hits_[w - 1].first == scratch_hits_[r].first) {
        ++scratch_hits_[w - 1].second;
      } else {
        scratch_hits_[w++] = scratch_hits_[r];
      }
    }
    scratch_hits_.resize(w);
    if (scratch_hits_.size() > options_.max_candidates) {
      std::nth_element(scratch_hits_.begin(), scratch_hits_.begin() + options_.max_candidates,
                       scratch_hits_.end(),
                       [](const auto& a, const auto& b) { return a.second > b.second; });
      scratch_hits_.resize(options_.max_candidates);
    }
    float best = options_.assign_threshold;
    for (const auto& [story_id, hits] : scratch_hits_) {
      Story* s = FindStory(story_id);
      if (s == nullptr || s->size == 0) continue;
      const float inv = 1.0f / static_cast<float>(s->size);
      float sim = MixedSimilarity(Dot(v.terms, s->term_sum) * inv,
                                  Dot(v.entities, s->entity_sum) * inv, options_);
      sim *= TimeFactor(minute, s->first_minute, s->last_minute, options_);
      if (sim >= best) {
        best = sim;
        chosen = s;
      }
    }
    if (chosen != nullptr) out.similarity = best;
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

  ArticleRecord& rec = articles_[out.index];
  rec.id = article.id;
  rec.story_id = chosen->id;
  rec.minhash = raw.minhash;
  if (out.duplicate_of) {
    // Point at the root original so that copies of copies agree.
    auto orig = articles_.find(*out.duplicate_of);
    rec.duplicate_of = orig != articles_.end() && orig->second.duplicate_of
                           ? orig->second.duplicate_of
                           : out.duplicate_of;
  }
  if (!raw.minhash.empty) {
    for (size_t b = 0; b < kBands; ++b) bands_[BandKey(raw.minhash, b)] = out.index;
  }
  id_to_index_[id_hash] = out.index;

  MaybeSweep();
  return out;
}

void StoryClusterer::MaybeSweep() {
  if (++assigned_since_sweep_ < kSweepEvery) return;
  assigned_since_sweep_ = 0;
  const int64_t window = static_cast<int64_t>(options_.window_hours * 60);
  std::vector<uint64_t> still_open;
  still_open.reserve(open_ids_.size());
  for (uint64_t id : open_ids_) {
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
    if (expired) {
      Freeze(id);
    } else {
      still_open.push_back(id);
    }
  }
  open_ids_.swap(still_open);
  if (now_minute_ != INT64_MIN &&
      (last_postings_cleanup_ == INT64_MIN || now_minute_ - last_postings_cleanup_ > window / 2)) {
    last_postings_cleanup_ = now_minute_;
    for (auto it = postings_.begin(); it != postings_.end();) {
      std::vector<uint32_t>& list = it->second;
      list.erase(std::remove_if(list.begin(), list.end(),
                                [&](uint32_t id) { return FindStory(id) == nullptr; }),
                 list.end());
      if (list.empty()) {
        it = postings_.erase(it);
      } else {
        ++it;
      }
    }
  }
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
    auto rec = articles_.find(index);
    if (rec == articles_.end()) continue;
    if (!rec->second.minhash.empty) {
      for (size_t b = 0; b < kBands; ++b) {
        auto band = bands_.find(BandKey(rec->second.minhash, b));
        if (band != bands_.end() && band->second == index) bands_.erase(band);
      }
    }
    const std::string& id = rec->second.id;
    auto idit = id_to_index_.find(XXH3_64bits(id.data(), id.size()));
    if (idit != id_to_index_.end() && idit->second == index) id_to_index_.erase(idit);
    frozen.article_ids.push_back(std::move(rec->second.id));
    articles_.erase(rec);
  }
  stories_[story_id].reset();
  --open_story_count_;
  if (on_frozen_) on_frozen_(std::move(frozen));
}

void StoryClusterer::FreezeAll() {
  for (uint64_t id : open_ids_) Freeze(id);
  open_ids_.clear();
}

size_t StoryClusterer::MemoryBytes() const {
  // Node-based hash maps cost about two pointers and a hash per entry.
  constexpr size_t kNode = 32;
  size_t bytes = 0;
  for (const auto& [index, rec] : articles_) {
    bytes += sizeof(rec) + sizeof(index) + kNode + rec.id.capacity();
  }
  bytes += bands_.size() * (sizeof(uint64_t) + sizeof(size_t) + kNode);
  bytes += id_to_index_.size() * (sizeof(uint64_t) + sizeof(size_t) + kNode);
  bytes += bands_.bucket_count() * sizeof(void*) + articles_.bucket_count() * sizeof(void*) +
           id_to_index_.bucket_count() * sizeof(void*);
  for (const auto& story : stories_) {
    bytes += sizeof(story);
    if (!story) continue;
    bytes += sizeof(Story) + story->term_sum.capacity() * sizeof(TermWeight) +
             story->entity_sum.capacity() * sizeof(TermWeight) +
             story->members.capacity() * sizeof(size_t) + story->headline.capacity();
    for (const std::string& o : story->outlets) bytes += sizeof(o) + o.capacity();
  }
  for (const auto& [key, list] : postings_) {
    bytes += sizeof(key) + sizeof(list) + kNode + list.capacity() * sizeof(uint32_t);
  }
  bytes += postings_.bucket_count() * sizeof(void*);
  return bytes;
}

}  // namespace newsfuse::cluster
