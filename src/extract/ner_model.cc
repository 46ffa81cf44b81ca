#include "extract/ner_model.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

#include "base/file_io.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace newsfuse::extract::ner {

void WeightTable::Build(std::vector<uint64_t> keys, std::vector<float> rows) {
  keys_ = std::move(keys);
  rows_ = std::move(rows);
  size_t cap = 16;
  while (cap < keys_.size() * 2) cap <<= 1;
  slots_.assign(cap, Slot{});
  mask_ = cap - 1;
  for (size_t r = 0; r < keys_.size(); ++r) {
    size_t i = Mix64(keys_[r]) & mask_;
    while (slots_[i].row != 0 && slots_[i].key != keys_[r]) i = (i + 1) & mask_;
    slots_[i].key = keys_[r];
    slots_[i].row = static_cast<uint32_t>(r + 1);
  }
}

void ViterbiDecode(const float* emissions, size_t n, const Transitions& transitions, int* tags,
                   std::vector<float>* scratch) {
  if (n == 0) return;
  constexpr float kNegInf = -std::numeric_limits<float>::infinity();
  // The BILOU constraints folded into the scores once per call (-inf where
  // a transition is not allowed), so that the inner loop has no branches.
  static const auto* const kAllowed = [] {
    auto* a = new std::array<bool, (kNumTags + 1) * (kNumTags + 1)>();
    for (int f = -1; f < kNumTags; ++f)
      for (int t = -1; t < kNumTags; ++t) (*a)[(f + 1) * (kNumTags + 1) + (t + 1)] = AllowedTransition(f, t);
    return a;
  }();
  auto allowed = [](int f, int t) { return (*kAllowed)[(f + 1) * (kNumTags + 1) + (t + 1)]; };
  // trans[t][f]: to-major, so the max over `f` reads one contiguous row.
  alignas(64) float trans[kNumTags][kNumTags];
  for (int f = 0; f < kNumTags; ++f)
    for (int t = 0; t < kNumTags; ++t) trans[t][f] = allowed(f, t) ? transitions.At(f, t) : kNegInf;
  scratch->resize(n * kNumTags * 2);
  float* delta = scratch->data();
  auto* back = reinterpret_cast<int32_t*>(delta + n * kNumTags);
  static_assert(sizeof(int32_t) == sizeof(float));
  for (int t = 0; t < kNumTags; ++t) {
    delta[t] = allowed(-1, t) ? emissions[t] + transitions.At(-1, t) : kNegInf;
    back[t] = 0;
  }
  for (size_t i = 1; i < n; ++i) {
    const float* prev = delta + (i - 1) * kNumTags;
    float* cur = delta + i * kNumTags;
    const float* e = emissions + i * kNumTags;
    int32_t* bp = back + i * kNumTags;
    for (int t = 0; t < kNumTags; ++t) {
      const float* tr = trans[t];
      float best = prev[0] + tr[0];
      int arg = 0;
      for (int f = 1; f < kNumTags; ++f) {
        const float s = prev[f] + tr[f];
        if (s > best) {
          best = s;
          arg = f;
        }
      }
      cur[t] = best + e[t];
      bp[t] = arg;
    }
  }
  float best = kNegInf;
  int arg = 0;
  const float* last = delta + (n - 1) * kNumTags;
  for (int t = 0; t < kNumTags; ++t) {
    if (!allowed(t, -1)) continue;
    const float s = last[t] + transitions.end[t];
    if (s > best) {
      best = s;
      arg = t;
    }
  }
  for (size_t i = n; i-- > 0;) {
    tags[i] = arg;
    arg = back[i * kNumTags + arg];
  }
}

namespace {

// More than the templates emit for one token.
constexpr size_t kMaxFeatures = 96;

void AddRow(const float* row, float* out) {
  for (int t = 0; t < kNumTags; ++t) out[t] += row[t];
}

// Adds the rows of `table` for hashes[0, count) to `e`, in three passes so
// that the table's cache misses overlap: prefetch the slots, find and
// prefetch the rows, then add.
void AddRows(const WeightTable& table, const uint64_t* hashes, size_t count, float* e) {
  const float* rows[kMaxFeatures];
  for (size_t k = 0; k < count; ++k) table.Prefetch(hashes[k]);
  size_t found = 0;
  for (size_t k = 0; k < count && found < kMaxFeatures; ++k) {
    if (const float* row = table.Find(hashes[k])) {
      __builtin_prefetch(row);
      __builtin_prefetch(row + kNumTags - 1);
      rows[found++] = row;
    }
  }
  for (size_t k = 0; k < found; ++k) AddRow(rows[k], e);
}

}  // namespace

float ChunkMargin(const NerScratch& s, const TokenChunk& c) {
  float margin = std::numeric_limits<float>::infinity();
  for (uint32_t i = c.begin; i < c.end; ++i) {
    const float* e = &s.emissions[static_cast<size_t>(i) * kNumTags];
    const int tag = s.tags[i];
    float other = -std::numeric_limits<float>::infinity();
    for (int t = 0; t < kNumTags; ++t)
      if (t != tag) other = std::max(other, e[t]);
    margin = std::min(margin, e[tag] - other);
  }
  return margin;
}

void TagWords(const NerModel& model, std::span<const std::string_view> words,
              std::span<const uint32_t> sentence_ends, NerScratch* s) {
  const size_t n = words.size();
  PrepareDocument(words, sentence_ends, model.lexicon, model.gazetteer, nullptr, &s->doc);
  s->emissions.assign(n * kNumTags, 0.0f);
  s->tags.assign(n, kTagO);
  s->hashes.clear();
  s->hash_offsets.assign(1, 0);
  // A sentence without words (text of only U+2028 or U+3000, say) has
  // nothing to tag: indexing its first row would read past the arrays.
  uint32_t sb = 0;
  for (uint32_t se : s->doc.sentence_ends) {
    if (se <= sb) continue;
    for (uint32_t i = sb; i < se; ++i) {
      const size_t first = s->hashes.size();
      Stage1Features(s->doc, sb, se, i, [&](uint64_t h) {
        if (s->hashes.size() - first < kMaxFeatures) s->hashes.push_back(h);
      });
      s->hash_offsets.push_back(static_cast<uint32_t>(s->hashes.size()));
      AddRows(model.stage1.weights, s->hashes.data() + first, s->hashes.size() - first, &s->emissions[i * kNumTags]);
    }
    ViterbiDecode(&s->emissions[sb * kNumTags], se - sb, model.stage1.transitions, &s->tags[sb], &s->viterbi);
    sb = se;
  }
  if (!model.has_stage2) return;
  AggregatePredictions(words, s->tags, &s->doc);
  if (model.stage2_full) std::fill(s->emissions.begin(), s->emissions.end(), 0.0f);
  sb = 0;
  for (uint32_t se : s->doc.sentence_ends) {
    if (se <= sb) continue;
    for (uint32_t i = sb; i < se; ++i) {
      float* e = &s->emissions[i * kNumTags];
      if (model.stage2_full) {
        AddRows(model.stage2.weights, s->hashes.data() + s->hash_offsets[i], s->hash_offsets[i + 1] - s->hash_offsets[i], e);
      }
      uint64_t doc_hashes[kMaxFeatures];
      size_t count = 0;
      Stage2Features(s->doc, sb, se, i, [&](uint64_t h) {
        if (count < kMaxFeatures) doc_hashes[count++] = h;
      });
      AddRows(model.stage2.weights, doc_hashes, count, e);
    }
    ViterbiDecode(&s->emissions[sb * kNumTags], se - sb, model.stage2.transitions, &s->tags[sb], &s->viterbi);
    sb = se;
  }
}

// ---------------------------------------------------------------------------
// Model file.

namespace {

class Writer {
 public:
  template <typename T>
  void Put(const T& v) {
    out_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void PutBytes(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  void PutString(std::string_view s) {
    Put(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  std::string& out() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <typename T>
  bool Get(T* v) {
    if (in_.size() - pos_ < sizeof(T)) return false;
    std::memcpy(v, in_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool GetBytes(void* p, size_t n) {
    if (in_.size() - pos_ < n) return false;
    std::memcpy(p, in_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  bool GetString(std::string* s) {
    uint32_t n;
    if (!Get(&n) || in_.size() - pos_ < n) return false;
    s->assign(in_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  size_t remaining() const { return in_.size() - pos_; }

 private:
  std::string_view in_;
  size_t pos_ = 0;
};

void PutStage(const NerStage& stage, Writer* w) {
  w->PutBytes(stage.transitions.from_to, sizeof stage.transitions.from_to);
  w->PutBytes(stage.transitions.end, sizeof stage.transitions.end);
  const auto& keys = stage.weights.keys();
  const auto& rows = stage.weights.rows();
  float max_abs = 0;
  for (float v : rows) max_abs = std::max(max_abs, std::fabs(v));
  const float scale = max_abs > 0 ? 32767.0f / max_abs : 1.0f;
  // Quantize, then keep the rows with a nonzero weight: mask + values.
  std::vector<uint64_t> kept_keys;
  std::string body;
  for (size_t r = 0; r < keys.size(); ++r) {
    uint32_t mask = 0;
    int16_t q[kNumTags];
    for (int t = 0; t < kNumTags; ++t) {
      q[t] = static_cast<int16_t>(std::lround(rows[r * kNumTags + t] * scale));
      if (q[t] != 0) mask |= 1u << t;
    }
    if (mask == 0) continue;
    kept_keys.push_back(keys[r]);
    body.append(reinterpret_cast<const char*>(&mask), sizeof mask);
    for (int t = 0; t < kNumTags; ++t)
      if (q[t] != 0) body.append(reinterpret_cast<const char*>(&q[t]), sizeof q[t]);
  }
  w->Put(static_cast<uint32_t>(kept_keys.size()));
  w->Put(scale);
  w->PutBytes(kept_keys.data(), kept_keys.size() * sizeof(uint64_t));
  w->Put(static_cast<uint64_t>(body.size()));
  w->PutBytes(body.data(), body.size());
}

bool GetStage(Reader* r, NerStage* stage) {
  if (!r->GetBytes(stage->transitions.from_to, sizeof stage->transitions.from_to)) return false;
  if (!r->GetBytes(stage->transitions.end, sizeof stage->transitions.end)) return false;
  uint32_t count;
  float scale;
  if (!r->Get(&count) || !r->Get(&scale) || !(scale > 0)) return false;
  if (r->remaining() / sizeof(uint64_t) < count) return false;
  std::vector<uint64_t> keys(count);
  if (!r->GetBytes(keys.data(), count * sizeof(uint64_t))) return false;
  uint64_t body_size;
  if (!r->Get(&body_size) || body_size > r->remaining()) return false;
  std::vector<float> rows(static_cast<size_t>(count) * kNumTags, 0.0f);
  const float inv = 1.0f / scale;
  for (uint32_t k = 0; k < count; ++k) {
    uint32_t mask;
    if (!r->Get(&mask) || (mask >> kNumTags) != 0) return false;
    for (int t = 0; t < kNumTags; ++t) {
      if (!(mask & (1u << t))) continue;
      int16_t q;
      if (!r->Get(&q)) return false;
      rows[static_cast<size_t>(k) * kNumTags + t] = q * inv;
    }
  }
  stage->weights.Build(std::move(keys), std::move(rows));
  return true;
}

}  // namespace

Status NerModel::Save(const std::string& path) const {
  Writer w;
  w.Put(kNerModelMagic);
  w.Put(kNerModelVersion);
  w.Put(static_cast<uint32_t>(kNumTags));
  w.PutString(description);
  w.Put(confidence_a);
  w.Put(confidence_b);
  // Lexicon.
  w.Put(static_cast<uint32_t>(lexicon.words.size()));
  lexicon.words.ForEach([&](uint64_t key, const WordStats& s) {
    w.Put(key);
    w.Put(s.cluster);
    w.Put(s.cap_bucket);
    w.Put(s.freq_bucket);
  });
  // Gazetteer.
  w.Put(static_cast<uint32_t>(gazetteer.max_words));
  w.Put(static_cast<uint32_t>(gazetteer.phrases.size()));
  gazetteer.phrases.ForEach([&](uint64_t key, uint8_t mask) {
    w.Put(key);
    w.Put(mask);
  });
  PutStage(stage1, &w);
  w.Put(static_cast<uint8_t>(has_stage2 ? 1 : 0));
  w.Put(static_cast<uint8_t>(stage2_full ? 1 : 0));
  if (has_stage2) PutStage(stage2, &w);
  const uint64_t checksum = XXH3_64bits(w.out().data(), w.out().size());
  w.Put(checksum);
  return base::WriteFileAtomically(path, w.out());
}

Result<NerModel> NerModel::Parse(std::string_view bytes, std::string_view name) {
  if (bytes.size() < 20) return Status::InvalidArgument(name, "not a newsfuse NER model (file too short)");
  Reader r(bytes);
  uint32_t magic, version, num_tags;
  r.Get(&magic);
  r.Get(&version);
  if (magic != kNerModelMagic) return Status::InvalidArgument(name, "not a newsfuse NER model (bad magic)");
  if (version != kNerModelVersion) {
    return Status::InvalidArgument(name, "NER model version " + std::to_string(version) + ", expected " +
                                             std::to_string(kNerModelVersion) + " (retrain with train-ner)");
  }
  uint64_t stored_checksum;
  std::memcpy(&stored_checksum, bytes.data() + bytes.size() - sizeof stored_checksum, sizeof stored_checksum);
  if (XXH3_64bits(bytes.data(), bytes.size() - sizeof stored_checksum) != stored_checksum) {
    return Status::DataLoss(name, "NER model checksum mismatch (truncated or corrupt file)");
  }
  const Status corrupt = Status::DataLoss(name, "NER model is corrupt (section out of bounds)");
  NerModel model;
  if (!r.Get(&num_tags) || num_tags != kNumTags) return corrupt;
  if (!r.GetString(&model.description)) return corrupt;
  if (!r.Get(&model.confidence_a) || !r.Get(&model.confidence_b)) return corrupt;
  uint32_t count;
  if (!r.Get(&count) || count > r.remaining() / 14) return corrupt;
  model.lexicon.words.Reset(count);
  for (uint32_t k = 0; k < count; ++k) {
    uint64_t key;
    WordStats s;
    if (!r.Get(&key) || !r.Get(&s.cluster) || !r.Get(&s.cap_bucket) || !r.Get(&s.freq_bucket)) return corrupt;
    model.lexicon.words[key] = s;
  }
  uint32_t max_words;
  if (!r.Get(&max_words) || max_words == 0 || max_words > 64) return corrupt;
  model.gazetteer.max_words = static_cast<int>(max_words);
  if (!r.Get(&count) || count > r.remaining() / 9) return corrupt;
  model.gazetteer.phrases.Reset(count);
  for (uint32_t k = 0; k < count; ++k) {
    uint64_t key;
    uint8_t mask;
    if (!r.Get(&key) || !r.Get(&mask)) return corrupt;
    model.gazetteer.phrases[key] = mask;
  }
  if (!GetStage(&r, &model.stage1)) return corrupt;
  uint8_t has2;
  if (!r.Get(&has2)) return corrupt;
  model.has_stage2 = has2 != 0;
  uint8_t full;
  if (!r.Get(&full)) return corrupt;
  model.stage2_full = full != 0;
  if (model.has_stage2 && !GetStage(&r, &model.stage2)) return corrupt;
  if (r.remaining() != sizeof(uint64_t)) return corrupt;
  return model;
}

Result<NerModel> NerModel::Load(const std::string& path) {
  Result<std::string> bytes = base::ReadFile(path, uint64_t{512} << 20);
  if (!bytes.ok()) return bytes.status();
  return Parse(*bytes, path);
}

}  // namespace newsfuse::extract::ner
